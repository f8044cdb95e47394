/* ssr-item-page.h: a list of the items of one type, with search, filters and a detail form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"

G_BEGIN_DECLS

#define SSR_TYPE_ITEM_PAGE (ssr_item_page_get_type ())

G_DECLARE_FINAL_TYPE (SsrItemPage, ssr_item_page, SSR, ITEM_PAGE, GtkWidget)

/*
 * One page serves every item type (actors, relations, organisations,
 * mechanisms, findings, priorities, indicators, principle checks, team
 * members): a GtkColumnView over the document's collection, a search entry
 * and a filter, and a form for the selected item built from the type's
 * field descriptions (ssr-item-fields.h). Actions, scoped "items.":
 * add, delete, move-up, move-down (priorities: the sequence), search, edit.
 */
GtkWidget *ssr_item_page_new          (SsrAssessment *document,
                                       SsrFramework  *framework,
                                       GType          item_type);
GType      ssr_item_page_get_item_type (SsrItemPage  *self);
/* Selects @item and shows it in the form. */
void       ssr_item_page_select       (SsrItemPage   *self,
                                       SsrItem       *item);
/* The item shown in the form, or NULL. (transfer none) */
SsrItem   *ssr_item_page_get_selected (SsrItemPage   *self);

G_END_DECLS
