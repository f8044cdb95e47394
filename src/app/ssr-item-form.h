/* ssr-item-form.h: the detail form of one item, built from its field descriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_ITEM_FORM (ssr_item_form_get_type ())

G_DECLARE_FINAL_TYPE (SsrItemForm, ssr_item_form, SSR, ITEM_FORM, GtkWidget)

/*
 * One editor per field of @item_type (see ssr-item-fields.h). Every edit
 * goes through ssr_assessment_set_value(), one undo step per committed
 * edit; the fields follow the item's notifications, so an undo elsewhere
 * shows at once.
 */
GtkWidget *ssr_item_form_new              (SsrAssessment *document,
                                           SsrFramework  *framework,
                                           GType          item_type);
/* Shows @item (NULL: nothing); edits pending for the previous item are committed. */
void       ssr_item_form_set_item         (SsrItemForm   *self,
                                           SsrItem       *item);
SsrItem   *ssr_item_form_get_item         (SsrItemForm   *self);
/* Commits what is typed but not yet committed (a note waiting for its pause). */
void       ssr_item_form_commit           (SsrItemForm   *self);
/* Moves the keyboard focus to the first field. */
gboolean   ssr_item_form_focus_first      (SsrItemForm   *self);
/* The widget editing @property (an AdwEntryRow, an AdwComboRow…), or NULL. (transfer none) */
GtkWidget *ssr_item_form_get_field_widget (SsrItemForm   *self,
                                           const char    *property);

G_END_DECLS
