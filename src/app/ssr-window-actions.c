/* ssr-window-actions.c: the window's actions: files, history, navigation, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-window"

#include "config.h"

#include "ssr-window-private.h"

#include <glib/gi18n.h>

#include "ssr-graphml.h"
#include "ssr-map-layout.h"
#include "ssr-new-assessment-dialog.h"
#include "ssr-picture.h"
#include "ssr-table-export.h"
#include "ssr-xml.h"

typedef struct
{
  SsrWindow *self;
  GFile     *file;
  gboolean   as_copy;
  gboolean   then_close;
} FileOperation;

static FileOperation *
file_operation_new (SsrWindow *self,
                    GFile     *file)
{
  FileOperation *operation = g_new0 (FileOperation, 1);

  operation->self = g_object_ref (self);
  operation->file = g_object_ref (file);
  _ssr_window_begin_busy (self);

  return operation;
}

static void
file_operation_free (FileOperation *operation)
{
  _ssr_window_end_busy (operation->self);
  g_clear_object (&operation->self);
  g_clear_object (&operation->file);
  g_free (operation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileOperation, file_operation_free)

void
_ssr_window_show_error (SsrWindow    *self,
                        const char   *heading,
                        const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_ssr_window_update_actions (SsrWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  SsrHistory *history = NULL;
  gboolean has_document = self->document != NULL;

  if (has_document)
    history = ssr_assessment_get_history (self->document);

  gtk_widget_action_set_enabled (widget, "win.save", has_document);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_document);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 history != NULL && ssr_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 history != NULL && ssr_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.show-page", has_document);
  gtk_widget_action_set_enabled (widget, "win.show-sidebar", has_document);
  gtk_widget_action_set_enabled (widget, "win.export-report", has_document);
  gtk_widget_action_set_enabled (widget, "win.print", has_document);
  gtk_widget_action_set_enabled (widget, "win.export-picture", has_document);
  gtk_widget_action_set_enabled (widget, "win.export-table", has_document);
  gtk_widget_action_set_enabled (widget, "win.export-graphml", has_document);
  gtk_widget_action_set_enabled (widget, "win.next-page",
                                 has_document
                                 && ssr_sidebar_get_adjacent_page (self->sidebar, self->page_id, TRUE));
  gtk_widget_action_set_enabled (widget, "win.previous-page",
                                 has_document
                                 && ssr_sidebar_get_adjacent_page (self->sidebar, self->page_id, FALSE));
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FileOperation) operation = user_data;
  SsrWindow *self = operation->self;
  g_autoptr(SsrAssessment) document = NULL;
  g_autoptr(GError) error = NULL;
  SsrWindow *target;

  document = ssr_assessment_load_finish (result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (document == NULL)
    {
      _ssr_window_show_error (self, _("Could Not Open the Assessment"), error);
      return;
    }

  target = _ssr_window_get_target (self);
  ssr_window_set_document (target, document, operation->as_copy ? NULL : operation->file);
  if (!operation->as_copy)
    _ssr_window_add_recent (target, operation->file);
}

void
_ssr_window_load (SsrWindow *self,
                  GFile     *file,
                  gboolean   as_copy)
{
  FileOperation *operation = file_operation_new (self, file);

  operation->as_copy = as_copy;
  ssr_assessment_load_async (file, self->cancellable, load_cb, operation);
}

/* The window of this application that shows @file already, or NULL. */
static SsrWindow *
find_window_showing (SsrWindow *self,
                     GFile     *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GList *windows = application ? gtk_application_get_windows (application) : NULL;

  if (self->file != NULL && g_file_equal (self->file, file))
    return self;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GFile *shown;

      if (!SSR_IS_WINDOW (l->data))
        continue;
      shown = ssr_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

void
ssr_window_open (SsrWindow *self,
                 GFile     *file)
{
  SsrWindow *showing;

  g_return_if_fail (SSR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  showing = find_window_showing (self, file);
  if (showing != NULL)
    {
      gtk_window_present (GTK_WINDOW (showing));
      return;
    }

  _ssr_window_load (self, file, FALSE);
}

void
ssr_window_open_example (SsrWindow *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (SSR_IS_WINDOW (self));

  file = g_file_new_for_uri ("resource://" SSR_EXAMPLE_RESOURCE);
  _ssr_window_load (self, file, TRUE);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FileOperation) operation = user_data;
  SsrWindow *self = operation->self;
  SsrAssessment *document = SSR_ASSESSMENT (source);
  g_autoptr(GError) error = NULL;

  if (!ssr_assessment_save_finish (document, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _ssr_window_show_error (self, _("Could Not Save the Assessment"), error);
      return;
    }

  _ssr_window_add_recent (self, operation->file);
  if (document != self->document)
    return;

  _ssr_window_set_file (self, operation->file);
  if (operation->then_close)
    gtk_window_close (GTK_WINDOW (self));
}

void
_ssr_window_save_to (SsrWindow *self,
                     GFile     *file,
                     gboolean   then_close)
{
  FileOperation *operation;

  g_return_if_fail (self->document != NULL);

  operation = file_operation_new (self, file);
  operation->then_close = then_close;
  ssr_assessment_save_async (self->document, file, self->cancellable, save_cb, operation);
}

static GtkFileFilter *
create_assessment_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("SSR Assessments"));
  gtk_file_filter_add_mime_type (filter, SSR_ASSESSMENT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "ssra");

  return filter;
}

static GtkFileChooserNative *
create_chooser (SsrWindow            *self,
                const char           *title,
                GtkFileChooserAction  action,
                const char           *accept_label)
{
  g_autoptr(GtkFileFilter) filter = create_assessment_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                         accept_label, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

static void
open_response_cb (SsrWindow       *self,
                  int              response,
                  GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ssr_window_open (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsrWindow *self = SSR_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = create_chooser (self, _("Open Assessment"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ssr_window_open (SSR_WINDOW (widget), file);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ssr_window_open_example (SSR_WINDOW (widget));
}

static void
new_assessment_cb (SsrWindow     *self,
                   SsrAssessment *document)
{
  ssr_window_set_document (_ssr_window_get_target (self), document, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsrWindow *self = SSR_WINDOW (widget);
  SsrNewAssessmentDialog *dialog = ssr_new_assessment_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "create", G_CALLBACK (new_assessment_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file name from the document's title, without characters that a
 * file system would refuse. */
static char *
suggest_file_name (SsrWindow *self)
{
  const char *title = ssr_assessment_get_title (self->document);
  g_autofree char *name = g_strdup (title && title[0] ? title : _("Assessment"));

  g_strdelimit (name, "/\\:*?\"<>|", '-');

  return g_strconcat (name, ".ssra", NULL);
}

static void
save_as_response_cb (SsrWindow       *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "then-close"));

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      if (g_str_has_suffix (name, ".ssra"))
        {
          file = g_steal_pointer (&chosen);
        }
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *with_suffix = g_strconcat (name, ".ssra", NULL);

          file = g_file_get_child (parent, with_suffix);
        }

      _ssr_window_save_to (self, file, then_close);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_ssr_window_save_as (SsrWindow *self,
                     gboolean   then_close)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  g_return_if_fail (self->document != NULL);

  chooser = create_chooser (self, _("Save Assessment"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
    }
  else
    {
      name = suggest_file_name (self);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_object_set_data (G_OBJECT (chooser), "then-close", GINT_TO_POINTER (then_close));
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _ssr_window_save_as (SSR_WINDOW (widget), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsrWindow *self = SSR_WINDOW (widget);

  if (self->file == NULL)
    _ssr_window_save_as (self, FALSE);
  else
    _ssr_window_save_to (self, self->file, FALSE);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsrWindow *self = SSR_WINDOW (widget);

  ssr_history_undo (ssr_assessment_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsrWindow *self = SSR_WINDOW (widget);

  ssr_history_redo (ssr_assessment_get_history (self->document));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ssr_window_show_page (SSR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
adjacent_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SsrWindow *self = SSR_WINDOW (widget);
  gboolean forward = g_str_equal (action_name, "win.next-page");
  const char *page_id = ssr_sidebar_get_adjacent_page (self->sidebar, self->page_id, forward);

  if (page_id != NULL)
    ssr_window_show_page (self, page_id);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsrWindow *self = SSR_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_list));
}

/* Export: pictures, tables and the graph, written by a worker thread
 * from a copy of the document (an SsrAssessment is not thread-safe). */

typedef struct
{
  SsrWindowExport  kind;
  char            *name;
  GFile           *file;
  gboolean         redact;
  GBytes          *bytes;
  SsrFramework    *framework;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->name, g_free);
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->framework);
  g_free (job);
}

static gboolean
export_picture (ExportJob      *job,
                SsrAssessment  *assessment,
                GError        **error)
{
  g_autofree char *path = g_file_get_path (job->file);
  SsrRenderOptions options;
  SsrPicture picture;

  if (!ssr_picture_from_name (job->name, &picture))
    g_assert_not_reached ();

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (job->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save the picture to “%s”: choose a folder on this computer."),
                   uri);
      return FALSE;
    }

  ssr_render_options_init (&options);
  options.redact = job->redact;

  return ssr_picture_export (picture, job->framework, assessment, &options, path, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(SsrAssessment) copy = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) contents = NULL;
  GError *error = NULL;

  copy = ssr_xml_read (job->bytes, _("the assessment"), &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->kind)
    {
    case SSR_WINDOW_EXPORT_PICTURE:
      if (!export_picture (job, copy, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      g_task_return_boolean (task, TRUE);
      return;

    case SSR_WINDOW_EXPORT_TABLE:
      if (!ssr_table_export_csv (copy, job->framework, job->name, job->redact, text, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      contents = g_string_free_to_bytes (g_steal_pointer (&text));
      break;

    case SSR_WINDOW_EXPORT_GRAPHML:
      {
        g_autoptr(GHashTable) positions = ssr_map_layout_compute_points (job->framework, copy, job->redact);

        contents = ssr_graphml_write (copy, job->framework, positions, job->redact);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (!g_file_replace_contents (job->file,
                                g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
_ssr_window_export_async (SsrWindow           *self,
                          SsrWindowExport      kind,
                          const char          *name,
                          GFile               *file,
                          gboolean             redact,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  SsrPicture picture;

  g_return_if_fail (SSR_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, _ssr_window_export_async);

  if (kind == SSR_WINDOW_EXPORT_PICTURE && !ssr_picture_from_name (name, &picture))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There is no picture called “%s”."), name);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->name = g_strdup (name);
  job->file = g_object_ref (file);
  job->redact = redact;
  job->bytes = ssr_xml_write (self->document);
  job->framework = g_object_ref (self->framework);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
_ssr_window_export_finish (SsrWindow     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_ssr_window_show_saved_toast (SsrWindow  *self,
                              const char *message,
                              GFile      *file)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
exported_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SsrWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && self->toast_overlay != NULL)
    _ssr_window_show_toast (self, error->message);
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (display);

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL,
                                           exported_opened_cb, g_object_ref (widget));
}

/* What an export says when it is done, by kind. */
static const struct
{
  const char *saved;
  const char *failed;
} export_messages[] = {
  [SSR_WINDOW_EXPORT_PICTURE] = { N_("Picture saved"), N_("Could Not Export the Picture") },
  [SSR_WINDOW_EXPORT_TABLE] = { N_("Table saved"), N_("Could Not Export the Table") },
  [SSR_WINDOW_EXPORT_GRAPHML] = { N_("Graph saved"), N_("Could Not Export the Graph") },
};

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SsrWindow *self = SSR_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  _ssr_window_end_busy (self);

  if (_ssr_window_export_finish (self, result, &error))
    _ssr_window_show_saved_toast (self, _(export_messages[job->kind].saved), job->file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _ssr_window_show_error (self, _(export_messages[job->kind].failed), error);
}

/* A file type the export chooser offers. */
typedef struct
{
  const char *title;
  const char *suffix;
  const char *mime_type;
} ExportFormat;

static const ExportFormat picture_formats[] = {
  { N_("SVG Images"), "svg", "image/svg+xml" },
  { N_("PNG Images"), "png", "image/png" },
  { N_("PDF Documents"), "pdf", "application/pdf" },
};

static const ExportFormat table_formats[] = {
  { N_("CSV Tables"), "csv", "text/csv" },
};

static const ExportFormat graphml_formats[] = {
  { N_("GraphML Graphs"), "graphml", "application/graphml+xml" },
};

/* @chosen, or @chosen with the suffix of the chosen type when its name
 * ends in none the chooser offers. (transfer full) */
static GFile *
add_export_suffix (GtkFileChooser *chooser,
                   GFile          *chosen)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
  g_autofree char *name = g_file_get_basename (chosen);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *with_suffix = NULL;
  GtkFileFilter *selected;

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);
      const char *suffix = g_object_get_data (G_OBJECT (filter), "ssr-suffix");
      g_autofree char *dot_suffix = g_strconcat (".", suffix, NULL);

      if (g_str_has_suffix (lower, dot_suffix))
        return g_object_ref (chosen);
    }

  selected = gtk_file_chooser_get_filter (chooser);
  if (selected == NULL)
    selected = first;

  parent = g_file_get_parent (chosen);
  with_suffix = g_strconcat (name, ".", g_object_get_data (G_OBJECT (selected), "ssr-suffix"), NULL);

  return g_file_get_child (parent, with_suffix);
}

static void
export_response_cb (SsrWindow       *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  SsrWindowExport kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "ssr-export-kind"));
  const char *name = g_object_get_data (G_OBJECT (chooser), "ssr-export-name");

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = add_export_suffix (GTK_FILE_CHOOSER (chooser), chosen);
      const char *redact = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "redact");

      _ssr_window_begin_busy (self);
      _ssr_window_export_async (self, kind, name, file, g_strcmp0 (redact, "true") == 0,
                                export_done_cb, NULL);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks where to export @what (@name) as one of @formats, then exports it. */
static void
choose_export_file (SsrWindow          *self,
                    SsrWindowExport     kind,
                    const char         *name,
                    const char         *title,
                    const char         *what,
                    const ExportFormat *formats,
                    guint               n_formats)
{
  const char *document_title = ssr_assessment_get_title (self->document);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  for (guint i = 0; i < n_formats; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].title));
      gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      gtk_file_filter_add_suffix (filter, formats[i].suffix);
      g_object_set_data (G_OBJECT (filter), "ssr-suffix", (gpointer) formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  /* Translators: a file name: the assessment's title, what is in the file, the suffix */
  file_name = g_strdup_printf (_("%s - %s.%s"),
                               document_title && document_title[0] ? document_title : _("Assessment"),
                               what, formats[0].suffix);
  g_strdelimit (file_name, "/\\:*?\"<>|", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "redact",
                               _("Leave out items marked sensitive"), NULL, NULL);

  g_object_set_data (G_OBJECT (chooser), "ssr-export-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (chooser), "ssr-export-name", g_strdup (name), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_picture_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *name = g_variant_get_string (parameter, NULL);
  SsrPicture picture;

  if (!ssr_picture_from_name (name, &picture))
    {
      g_debug ("No picture “%s” to export", name);
      return;
    }

  choose_export_file (SSR_WINDOW (widget), SSR_WINDOW_EXPORT_PICTURE, name,
                      _("Export a Picture"), ssr_picture_get_title (picture),
                      picture_formats, G_N_ELEMENTS (picture_formats));
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *name = g_variant_get_string (parameter, NULL);

  if (!g_strv_contains (ssr_table_export_get_tables (), name))
    {
      g_debug ("No table “%s” to export", name);
      return;
    }

  choose_export_file (SSR_WINDOW (widget), SSR_WINDOW_EXPORT_TABLE, name,
                      _("Export a Table as CSV"), name,
                      table_formats, G_N_ELEMENTS (table_formats));
}

static void
export_graphml_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_export_file (SSR_WINDOW (widget), SSR_WINDOW_EXPORT_GRAPHML, NULL,
                      _("Export the Actors and Relations as GraphML"), _("actors and relations"),
                      graphml_formats, G_N_ELEMENTS (graphml_formats));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ssr_window_show_page (SSR_WINDOW (widget), "report");
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SsrWindow *self = SSR_WINDOW (widget);
  GtkWidget *page;

  ssr_window_show_page (self, "report");
  page = gtk_stack_get_child_by_name (self->page_stack, "report");
  if (page != NULL)
    gtk_widget_activate_action (page, "report.print", NULL);
}

void
_ssr_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.next-page", NULL, adjacent_page_action);
  gtk_widget_class_install_action (widget_class, "win.previous-page", NULL, adjacent_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-picture", "s", export_picture_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", "s", export_table_action);
  gtk_widget_class_install_action (widget_class, "win.export-graphml", NULL, export_graphml_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
