/* ssr-window.h: a window showing one assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"

G_BEGIN_DECLS

#define SSR_TYPE_WINDOW (ssr_window_get_type ())

G_DECLARE_FINAL_TYPE (SsrWindow, ssr_window, SSR, WINDOW, AdwApplicationWindow)

/* The path of the built-in worked example in the GResource. */
#define SSR_EXAMPLE_RESOURCE "/org/ssrworkbench/Workbench/samples/norvalia.ssra"

SsrWindow     *ssr_window_new          (AdwApplication *application);
/* The document shown, or NULL while none is open. (transfer none) */
SsrAssessment *ssr_window_get_document (SsrWindow      *self);
/* The file the document is saved to, or NULL for an untitled one. */
GFile         *ssr_window_get_file     (SsrWindow      *self);
/* Loads @file in the background; a failure is explained in a dialog. */
void           ssr_window_open         (SsrWindow      *self,
                                        GFile          *file);
/* Opens the worked example as an untitled copy. */
void           ssr_window_open_example (SsrWindow      *self);
/*
 * Shows @document, belonging to @file (NULL: untitled). For documents
 * made elsewhere: a new assessment, a recovered draft.
 */
void           ssr_window_set_document (SsrWindow      *self,
                                        SsrAssessment  *document,
                                        GFile          *file);
/*
 * Shows the page @page_id: "overview", "step:STEP-ID", "context", "actors",
 * "sector-map", "coordination", "findings", "priorities", "indicators",
 * "principles", "report". The action win.show-page does the same.
 */
void           ssr_window_show_page    (SsrWindow      *self,
                                        const char     *page_id);
/* The id of the page shown, or NULL while no document is open. */
const char    *ssr_window_get_page     (SsrWindow      *self);
/*
 * Shows @message in a toast with an Undo button (win.undo): pages call it
 * after a removal, through gtk_widget_get_ancestor (page, SSR_TYPE_WINDOW).
 */
void           ssr_window_show_undo_toast (SsrWindow   *self,
                                           const char  *message);

G_END_DECLS
