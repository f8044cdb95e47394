/* ssr-accessible.h: the accessible names GTK 4.8 gets wrong, put right in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names every button and check button with a mnemonic label after its
 * text alone ("Add", not "_Add Add"), from now on and in the whole
 * process; SsrApplication calls it at start-up. Calling it again does
 * nothing. */
void  ssr_accessible_init           (void);

/* @label without its mnemonic underscores: "_Add" gives "Add", "A__B"
 * gives "A_B". (transfer full) */
char *ssr_accessible_strip_mnemonic (const char  *label);

/* Sets the accessible label of @widget to @label, without its mnemonic
 * underscores. */
void  ssr_accessible_set_label      (GtkWidget   *widget,
                                     const char  *label);

/* Names @drop_down @label (without its mnemonic underscores), and the
 * toggle button GTK builds inside it too, so that a screen reader does not
 * read "GtkToggleButton" when it has the focus. Every drop-down of the
 * application is named through it. */
void  ssr_accessible_name_drop_down (GtkDropDown *drop_down,
                                     const char  *label);

G_END_DECLS
