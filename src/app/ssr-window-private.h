/* ssr-window-private.h: what ssr-window.c and ssr-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-window.h"

#include "ssr-framework.h"
#include "ssr-sidebar.h"

G_BEGIN_DECLS

/* The MIME type of .ssra files, for the recent documents and the chooser. */
#define SSR_ASSESSMENT_MIME_TYPE "application/x-ssr-assessment+xml"

struct _SsrWindow
{
  AdwApplicationWindow  parent_instance;

  SsrAssessment        *document;
  SsrFramework         *framework;
  GFile                *file;
  SsrSidebar           *sidebar;
  char                 *page_id;
  GSettings            *settings;
  /* Cancelled when the window goes: pending loads and saves. */
  GCancellable         *cancellable;

  /* Loads and saves in flight; the progress bar shows after a delay. */
  guint                 n_busy;
  guint                 progress_source;

  /* The "save changes?" question, while it is shown. */
  GtkWindow            *close_dialog;
  /* Set once the user chose to discard, or a save made closing safe. */
  guint                 close_confirmed : 1;
  /* A save started from the close question: close when it succeeds. */
  guint                 close_after_save : 1;
  /* Guards the sidebar selection while the window itself changes it. */
  guint                 syncing_selection : 1;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkProgressBar       *progress_bar;
  GtkWidget            *welcome_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  GtkWidget            *content_pane;
  GtkListView          *sidebar_list;
  GtkSingleSelection   *sidebar_selection;
  AdwWindowTitle       *window_title;
  GtkLabel             *classification_label;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkStack             *page_stack;
  GtkDrawingArea       *phase_diagram;
};

/* ssr-window-actions.c */
void _ssr_window_class_actions_init (GtkWidgetClass *widget_class);
void _ssr_window_update_actions     (SsrWindow      *self);
/* Saves to @file (asynchronously); closes the window after success if @then_close. */
void _ssr_window_save_to            (SsrWindow      *self,
                                     GFile          *file,
                                     gboolean        then_close);
/* Asks where to save, then saves. */
void _ssr_window_save_as            (SsrWindow      *self,
                                     gboolean        then_close);
/*
 * Loads @file in the background; the document shows in the window
 * _ssr_window_get_target() picks when it arrives. A copy (the worked
 * example) is shown untitled and not added to the recent documents.
 */
void _ssr_window_load               (SsrWindow      *self,
                                     GFile          *file,
                                     gboolean        as_copy);
/* Shows an error that stopped the user's work, in a dialog. */
void _ssr_window_show_error         (SsrWindow      *self,
                                     const char     *heading,
                                     const GError   *error);

/* What the Export menu writes besides the report. */
typedef enum
{
  SSR_WINDOW_EXPORT_PICTURE,
  SSR_WINDOW_EXPORT_TABLE,
  SSR_WINDOW_EXPORT_GRAPHML,
} SsrWindowExport;

/*
 * Writes the document as it is now to @file, in a worker thread: the
 * picture (ssr_picture_get_name ()) or the CSV table
 * (ssr_table_export_get_tables ()) called @name, or the GraphML graph
 * (@name unused), leaving out sensitive items with @redact. @file is
 * replaced atomically. The Export menu's actions end here once a file is
 * chosen.
 */
void     _ssr_window_export_async     (SsrWindow           *self,
                                       SsrWindowExport      kind,
                                       const char          *name,
                                       GFile               *file,
                                       gboolean             redact,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean _ssr_window_export_finish    (SsrWindow           *self,
                                       GAsyncResult        *result,
                                       GError             **error);
/* Says that @file was saved, in a toast whose button opens it. */
void     _ssr_window_show_saved_toast (SsrWindow           *self,
                                       const char          *message,
                                       GFile               *file);

/* ssr-window.c */
void _ssr_window_begin_busy         (SsrWindow      *self);
void _ssr_window_end_busy           (SsrWindow      *self);
void _ssr_window_add_recent         (SsrWindow      *self,
                                     GFile          *file);
/* What a drop of files on the window does (the GtkDropTarget calls it). */
void _ssr_window_open_files         (SsrWindow      *self,
                                     GSList         *files);
/* The window to show a document this window opened: itself, or a new one
 * when its own document has unsaved changes. (transfer none) */
SsrWindow *_ssr_window_get_target   (SsrWindow      *self);
void _ssr_window_set_file           (SsrWindow      *self,
                                     GFile          *file);
/* Adds @toast (plain text) to the window. */
void _ssr_window_show_toast         (SsrWindow      *self,
                                     const char     *message);

G_END_DECLS
