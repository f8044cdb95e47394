/* ssr-command.h: an undoable change of the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-types.h"

G_BEGIN_DECLS

#define SSR_TYPE_COMMAND (ssr_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (SsrCommand, ssr_command, SSR, COMMAND, GObject)

struct _SsrCommandClass
{
  GObjectClass parent_class;

  void (*apply)  (SsrCommand *self);
  void (*revert) (SsrCommand *self);
};

void        ssr_command_apply     (SsrCommand *self);
void        ssr_command_revert    (SsrCommand *self);
const char *ssr_command_get_label (SsrCommand *self);
void        ssr_command_set_label (SsrCommand *self,
                                   const char *label);

/* Sets one property of @object; reverting restores the old value. */
SsrCommand *ssr_property_command_new (GObject      *object,
                                      const char   *property,
                                      const GValue *value);
/* Inserts @item into @store at @position; reverting removes it. */
SsrCommand *ssr_insert_command_new   (GListStore   *store,
                                      guint         position,
                                      gpointer      item);
/* Removes the item at @position of @store; reverting puts it back. */
SsrCommand *ssr_remove_command_new   (GListStore   *store,
                                      guint         position);
/* Moves the item at @from to @to; reverting moves it back. */
SsrCommand *ssr_move_command_new     (GListStore   *store,
                                      guint         from,
                                      guint         to);
/* Several commands applied in order and reverted in reverse order. */
SsrCommand *ssr_group_command_new    (const char   *label);
void        ssr_group_command_add    (SsrCommand   *group,
                                      SsrCommand   *command);
guint       ssr_group_command_get_n_commands (SsrCommand *group);

G_END_DECLS
