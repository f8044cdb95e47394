/* ssr-csv-import-dialog.c: actors or relations from a CSV file, previewed before they are added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-csv-import-dialog"

#include "config.h"

#include "ssr-csv-import-dialog.h"

#include <glib/gi18n-lib.h>

#include "ssr-actor.h"
#include "ssr-item-fields.h"
#include "ssr-relation.h"

struct _SsrCsvImportDialog
{
  AdwWindow        parent_instance;

  SsrAssessment   *document;
  SsrFramework    *framework;
  char            *kind;
  GFile           *file;
  GBytes          *bytes;
  SsrCsvImport    *import;
  GCancellable    *cancellable;
  GtkNativeDialog *chooser;

  /* template */
  GtkLabel        *file_label;
  GtkLabel        *status_label;
  GtkLabel        *ignored_label;
  GtkColumnView   *preview;
};

G_DEFINE_FINAL_TYPE (SsrCsvImportDialog, ssr_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_LINE,
  COLUMN_ADDS,
  COLUMN_PROBLEM,
} PreviewColumn;

/* What a row would add, in words. */
static char *
describe_item (SsrCsvImportDialog *self,
               SsrItem            *item)
{
  const SsrItemFields *fields = ssr_item_fields_lookup (G_OBJECT_TYPE (item));
  g_autofree char *label = ssr_item_fields_get_display_label (fields, item, self->document, self->framework);

  if (SSR_IS_ACTOR (item))
    {
      const char *category = ssr_actor_get_category (SSR_ACTOR (item));

      /* Translators: what an imported row adds: an actor and its category */
      return g_strdup_printf (_("Actor “%s”, %s"), label,
                              category ? ssr_framework_get_term_name (self->framework, category) : "");
    }

  if (SSR_IS_RELATION (item))
    {
      const char *type = ssr_relation_get_relation_type (SSR_RELATION (item));

      /* Translators: what an imported row adds: a relation between two actors, and its type */
      return g_strdup_printf (_("Relation %s, %s"), label,
                              type ? ssr_framework_get_term_name (self->framework, type) : "");
    }

  return g_steal_pointer (&label);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  PreviewColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_LINE ? 1.0 : 0.0);
  if (column == COLUMN_LINE)
    {
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      if (column == COLUMN_PROBLEM)
        gtk_widget_add_css_class (label, "error");
    }

  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  PreviewColumn column = GPOINTER_TO_INT (user_data);
  SsrCsvImportRow *row = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  SsrCsvImportDialog *self = g_object_get_data (G_OBJECT (factory), "ssr-dialog");
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_LINE:
      text = g_strdup_printf ("%u", ssr_csv_import_row_get_line (row));
      break;

    case COLUMN_ADDS:
      if (ssr_csv_import_row_get_item (row) != NULL)
        text = describe_item (self, ssr_csv_import_row_get_item (row));
      break;

    case COLUMN_PROBLEM:
    default:
      text = g_strdup (ssr_csv_import_row_get_message (row));
      break;
    }

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
add_column (SsrCsvImportDialog *self,
            const char         *title,
            PreviewColumn       column,
            gboolean            expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "ssr-dialog", self);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->preview, view_column);
}

/* The preview and what it says */

static void
show_status (SsrCsvImportDialog *self,
             const char         *text,
             gboolean            is_error)
{
  gtk_label_set_text (self->status_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_state (SsrCsvImportDialog *self)
{
  guint n_rows = self->import != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->import)) : 0;
  guint n_errors = self->import != NULL ? ssr_csv_import_get_n_errors (self->import) : 0;
  const char * const *ignored = self->import != NULL ? ssr_csv_import_get_ignored_columns (self->import) : NULL;
  gboolean actors = g_strcmp0 (self->kind, "actors") == 0;
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv.import",
                                 self->import != NULL && n_rows > 0 && n_errors == 0);

  if (self->import == NULL)
    return;

  if (n_rows == 0)
    text = g_strdup (_("The file has a header row but no rows to import."));
  else if (n_errors > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u rows has a problem, shown in red with its line. "
                                         "Correct the file and choose it again: nothing is imported "
                                         "while a row is wrong.",
                                         "%u of %u rows have a problem, shown in red with their lines. "
                                         "Correct the file and choose it again: nothing is imported "
                                         "while a row is wrong.",
                                         n_errors),
                            n_errors, n_rows);
  else if (actors)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor is ready to import.",
                                         "%u actors are ready to import.", n_rows),
                            n_rows);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation is ready to import.",
                                         "%u relations are ready to import.", n_rows),
                            n_rows);
  show_status (self, text, n_rows == 0 || n_errors > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), ignored != NULL && ignored[0] != NULL);
  if (ignored != NULL && ignored[0] != NULL)
    {
      g_autofree char *columns = g_strjoinv (", ", (char **) ignored);
      g_autofree char *note = g_strdup_printf (_("Columns that are not imported: %s"), columns);

      gtk_label_set_text (self->ignored_label, note);
    }
}

static void
set_preview (SsrCsvImportDialog *self,
             SsrCsvImport       *import)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_set_object (&self->import, import);
  if (import != NULL)
    selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (import)));
  gtk_column_view_set_model (self->preview, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), FALSE);

  update_state (self);
}

static void
read_rows (SsrCsvImportDialog *self)
{
  g_autoptr(SsrCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  if (self->bytes == NULL)
    return;

  import = ssr_csv_import_new (self->document, self->framework, self->kind, self->bytes, &error);
  set_preview (self, import);
  if (import == NULL)
    show_status (self, error->message, TRUE);
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SsrCsvImportDialog) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || G_FILE (source) != self->file)
    return;

  if (bytes == NULL)
    {
      g_autofree char *name = g_file_get_basename (G_FILE (source));
      /* Translators: a file could not be read; the reason follows */
      g_autofree char *message = g_strdup_printf (_("“%s” could not be read: %s"), name, error->message);

      set_preview (self, NULL);
      show_status (self, message, TRUE);
      return;
    }

  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_steal_pointer (&bytes);
  read_rows (self);
}

void
ssr_csv_import_dialog_set_file (SsrCsvImportDialog *self,
                                GFile              *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (SSR_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->file, file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  set_preview (self, NULL);

  name = g_file_get_basename (file);
  gtk_label_set_text (self->file_label, name);
  show_status (self, _("Reading the file…"), FALSE);

  g_file_load_bytes_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

void
ssr_csv_import_dialog_set_kind (SsrCsvImportDialog *self,
                                const char         *kind)
{
  g_return_if_fail (SSR_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (g_strcmp0 (kind, "actors") == 0 || g_strcmp0 (kind, "relations") == 0);

  if (g_strcmp0 (self->kind, kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  read_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

SsrCsvImport *
ssr_csv_import_dialog_get_import (SsrCsvImportDialog *self)
{
  g_return_val_if_fail (SSR_IS_CSV_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/* Actions */

static void
chooser_response_cb (SsrCsvImportDialog *self,
                     int                 response,
                     GtkNativeDialog    *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    ssr_csv_import_dialog_set_file (self, file);

  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SsrCsvImportDialog *self = SSR_CSV_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsrCsvImportDialog *self = SSR_CSV_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint n_items;

  if (self->import == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->import));
  if (!ssr_csv_import_apply (self->import, &error))
    {
      /* the document changed since the preview: read the rows again */
      show_status (self, error->message, TRUE);
      gtk_widget_action_set_enabled (widget, "csv.import", FALSE);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, n_items);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
ssr_csv_import_dialog_dispose (GObject *object)
{
  SsrCsvImportDialog *self = SSR_CSV_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->preview != NULL)
    gtk_column_view_set_model (self->preview, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_CSV_IMPORT_DIALOG);

  g_clear_object (&self->import);
  g_clear_object (&self->document);
  g_clear_object (&self->framework);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (ssr_csv_import_dialog_parent_class)->dispose (object);
}

static void
ssr_csv_import_dialog_finalize (GObject *object)
{
  SsrCsvImportDialog *self = SSR_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (ssr_csv_import_dialog_parent_class)->finalize (object);
}

static void
ssr_csv_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SsrCsvImportDialog *self = SSR_CSV_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_csv_import_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SsrCsvImportDialog *self = SSR_CSV_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ssr_csv_import_dialog_set_kind (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_csv_import_dialog_class_init (SsrCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_csv_import_dialog_dispose;
  object_class->finalize = ssr_csv_import_dialog_finalize;
  object_class->get_property = ssr_csv_import_dialog_get_property;
  object_class->set_property = ssr_csv_import_dialog_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         "actors",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrCsvImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, SsrCsvImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, SsrCsvImportDialog, ignored_label);
  gtk_widget_class_bind_template_child (widget_class, SsrCsvImportDialog, preview);

  gtk_widget_class_install_action (widget_class, "csv.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "csv.import", NULL, import_action);
  gtk_widget_class_install_property_action (widget_class, "csv.kind", "kind");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "csv.choose-file", NULL);
}

static void
ssr_csv_import_dialog_init (SsrCsvImportDialog *self)
{
  /* before the template: its toggle buttons ask for the kind */
  self->kind = g_strdup ("actors");
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, _("Line"), COLUMN_LINE, FALSE);
  add_column (self, _("Adds"), COLUMN_ADDS, TRUE);
  add_column (self, _("Problem"), COLUMN_PROBLEM, TRUE);

  update_state (self);
}

/**
 * ssr_csv_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @document: the document the rows are added to
 * @framework: the framework it follows
 *
 * Returns: (transfer none): a new #SsrCsvImportDialog, owned by GTK
 *   until it is closed
 */
GtkWidget *
ssr_csv_import_dialog_new (GtkWindow     *parent,
                           SsrAssessment *document,
                           SsrFramework  *framework)
{
  SsrCsvImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (SSR_TYPE_CSV_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  self->framework = g_object_ref (framework);

  return GTK_WIDGET (self);
}
