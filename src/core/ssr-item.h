/* ssr-item.h: the base of every identified item of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-types.h"

G_BEGIN_DECLS

#define SSR_TYPE_ITEM (ssr_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (SsrItem, ssr_item, SSR, ITEM, GObject)

struct _SsrItemClass
{
  GObjectClass parent_class;

  /* The element name used in the file. */
  const char *element_name;
  /* The prefix of new ids ("ac" for actors), set by each subclass. */
  const char *id_prefix;

  /* Returns a short human label (name, title, objective…), or NULL. */
  const char *(*get_label) (SsrItem *self);
};

const char *ssr_item_get_id           (SsrItem    *self);
const char *ssr_item_get_label        (SsrItem    *self);
const char *ssr_item_class_get_element_name (SsrItemClass *klass);
char       *ssr_item_new_id           (GType       item_type);

G_END_DECLS
