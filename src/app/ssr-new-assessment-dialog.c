/* ssr-new-assessment-dialog.c: asks what a new assessment is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-new-assessment-dialog"

#include "config.h"

#include "ssr-new-assessment-dialog.h"

#include <glib/gi18n.h>

#include "ssr-framework.h"
#include "ssr-term.h"

struct _SsrNewAssessmentDialog
{
  AdwWindow     parent_instance;

  GSettings    *settings;
  /* Parallel to the rows' string lists: the ids behind the names. */
  GStrv         framework_ids;
  GPtrArray    *context_type_ids;

  AdwEntryRow  *title_row;
  AdwEntryRow  *country_row;
  AdwComboRow  *framework_row;
  AdwComboRow  *context_type_row;
  AdwEntryRow  *classification_row;
};

G_DEFINE_FINAL_TYPE (SsrNewAssessmentDialog, ssr_new_assessment_dialog, ADW_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_framework (SsrNewAssessmentDialog *self)
{
  guint position = adw_combo_row_get_selected (self->framework_row);

  if (position >= g_strv_length (self->framework_ids))
    return SSR_DEFAULT_FRAMEWORK;

  return self->framework_ids[position];
}

static void
fill_context_types (SsrNewAssessmentDialog *self)
{
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (selected_framework (self), NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *terms = NULL;

  g_ptr_array_set_size (self->context_type_ids, 0);
  gtk_string_list_append (names, _("Not specified"));
  g_ptr_array_add (self->context_type_ids, NULL);

  if (framework != NULL)
    terms = ssr_framework_get_list (framework, "context-types");

  for (guint i = 0; terms != NULL && i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(SsrTerm) term = g_list_model_get_item (terms, i);

      gtk_string_list_append (names, ssr_term_get_name (term));
      g_ptr_array_add (self->context_type_ids, g_strdup (ssr_term_get_id (term)));
    }

  adw_combo_row_set_model (self->context_type_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->context_type_row, 0);
}

static void
fill_frameworks (SsrNewAssessmentDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *last = g_settings_get_string (self->settings, "last-framework");
  guint selected = 0;

  self->framework_ids = ssr_framework_list_builtin ();
  for (guint i = 0; self->framework_ids[i] != NULL; i++)
    {
      g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (self->framework_ids[i], NULL);

      gtk_string_list_append (names, framework != NULL ? ssr_framework_get_name (framework)
                                                       : self->framework_ids[i]);
      if (g_strcmp0 (self->framework_ids[i], last) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->framework_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->framework_row, selected);
}

static void
framework_selected_cb (SsrNewAssessmentDialog *self)
{
  fill_context_types (self);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsrNewAssessmentDialog *self = SSR_NEW_ASSESSMENT_DIALOG (widget);
  g_autoptr(SsrAssessment) document = ssr_assessment_new ();
  g_autofree char *title = entry_text (self->title_row);
  g_autofree char *country = entry_text (self->country_row);
  g_autofree char *classification = entry_text (self->classification_row);
  guint context_type = adw_combo_row_get_selected (self->context_type_row);
  const char *framework = selected_framework (self);

  /* The choices are where the document starts, not edits: no history. */
  g_object_set (document,
                "framework", framework,
                "title", title[0] ? title : NULL,
                "country", country[0] ? country : NULL,
                "classification", classification[0] ? classification : NULL,
                "context-type", context_type < self->context_type_ids->len
                                ? g_ptr_array_index (self->context_type_ids, context_type)
                                : NULL,
                NULL);
  g_settings_set_string (self->settings, "last-framework", framework);

  g_signal_emit (self, signals[CREATE], 0, document);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
set_classification_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SsrNewAssessmentDialog *self = SSR_NEW_ASSESSMENT_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->classification_row),
                         g_variant_get_string (parameter, NULL));
}

static void
entry_activated_cb (SsrNewAssessmentDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static void
ssr_new_assessment_dialog_dispose (GObject *object)
{
  SsrNewAssessmentDialog *self = (SsrNewAssessmentDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_NEW_ASSESSMENT_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ssr_new_assessment_dialog_parent_class)->dispose (object);
}

static void
ssr_new_assessment_dialog_finalize (GObject *object)
{
  SsrNewAssessmentDialog *self = (SsrNewAssessmentDialog *)object;

  g_clear_pointer (&self->framework_ids, g_strfreev);
  g_clear_pointer (&self->context_type_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_new_assessment_dialog_parent_class)->finalize (object);
}

static void
ssr_new_assessment_dialog_class_init (SsrNewAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_new_assessment_dialog_dispose;
  object_class->finalize = ssr_new_assessment_dialog_finalize;

  /**
   * SsrNewAssessmentDialog::create:
   * @document: the new assessment, untitled and unmodified
   */
  signals[CREATE] =
    g_signal_new ("create",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SSR_TYPE_ASSESSMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ssr-new-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrNewAssessmentDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SsrNewAssessmentDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, SsrNewAssessmentDialog, framework_row);
  gtk_widget_class_bind_template_child (widget_class, SsrNewAssessmentDialog, context_type_row);
  gtk_widget_class_bind_template_child (widget_class, SsrNewAssessmentDialog, classification_row);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.set-classification", "s",
                                   set_classification_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssr_new_assessment_dialog_init (SsrNewAssessmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->context_type_ids = g_ptr_array_new_with_free_func (g_free);

  fill_frameworks (self);
  fill_context_types (self);
  g_signal_connect_object (self->framework_row, "notify::selected",
                           G_CALLBACK (framework_selected_cb), self,
                           G_CONNECT_SWAPPED);

  /* The typing starts with the title, not on Cancel. (A focus-widget
   * in the template is lost while the template is built: the window
   * had no focus after it.) */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  g_signal_connect_object (self->title_row, "entry-activated",
                           G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_row, "entry-activated",
                           G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->classification_row, "entry-activated",
                           G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
}

SsrNewAssessmentDialog *
ssr_new_assessment_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SSR_TYPE_NEW_ASSESSMENT_DIALOG,
                       "transient-for", parent,
                       NULL);
}
