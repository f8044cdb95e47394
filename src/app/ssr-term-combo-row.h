/* ssr-term-combo-row.h: choose a term of a framework list (a category, a type…)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-framework.h"

G_BEGIN_DECLS

#define SSR_TYPE_TERM_COMBO_ROW (ssr_term_combo_row_get_type ())

G_DECLARE_FINAL_TYPE (SsrTermComboRow, ssr_term_combo_row, SSR, TERM_COMBO_ROW, AdwComboRow)

/*
 * An AdwComboRow over the terms of @list (a list of @parent when not NULL,
 * else a top-level list of @framework), with a first entry "None" when
 * @allow_none. Property "term-id" (string, read-write, notifies) is the
 * chosen term's id; an id the list does not hold is shown as itself, so a
 * document never loses a value the framework no longer has.
 */
GtkWidget  *ssr_term_combo_row_new         (SsrFramework    *framework,
                                            SsrTerm         *parent,
                                            const char      *list,
                                            gboolean         allow_none);
const char *ssr_term_combo_row_get_term_id (SsrTermComboRow *self);
void        ssr_term_combo_row_set_term_id (SsrTermComboRow *self,
                                            const char      *term_id);

G_END_DECLS
