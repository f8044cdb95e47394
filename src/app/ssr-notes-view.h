/* ssr-notes-view.h: a text view for notes, committed after a pause in typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SSR_TYPE_NOTES_VIEW (ssr_notes_view_get_type ())

G_DECLARE_FINAL_TYPE (SsrNotesView, ssr_notes_view, SSR, NOTES_VIEW, GtkTextView)

/*
 * A GtkTextView for multi-line notes (word-wrapped; Tab leaves it). What
 * the user types is committed, as one edit, after a second's pause, when
 * the focus leaves the view and when the view is hidden: the signal
 * "commit" (const char *text, NULL when empty) then asks its owner to
 * store the text in the document.
 */
GtkWidget *ssr_notes_view_new       (void);
void       ssr_notes_view_show_text (SsrNotesView *self,
                                     const char   *text);
void       ssr_notes_view_commit    (SsrNotesView *self);

G_END_DECLS
