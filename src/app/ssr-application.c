/* ssr-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-application"

#include "config.h"

#include "ssr-application.h"

#include <glib/gi18n.h>

#include "ssr-accessible.h"
#include "ssr-autosave.h"
#include "ssr-recovery.h"
#include "ssr-window.h"

/*
 * SSR_WORKBENCH_RECOVERY_DIR, when set, is the folder of the recovery
 * drafts instead of $XDG_STATE_HOME/ssr-workbench/recovery: the tests run
 * the application against a folder of their own. Being single-instance is
 * what lets one recovery session own the folder (see ssr-recovery.c).
 */
#define RECOVERY_DIR_VARIABLE "SSR_WORKBENCH_RECOVERY_DIR"

/* A window is given a file to load: another file must not take it. */
#define CLAIMED_KEY  "ssr-application-claimed"
#define AUTOSAVE_KEY "ssr-autosave"

struct _SsrApplication
{
  AdwApplication  parent_instance;

  /* NULL when the recovery folder is unusable: no drafts then. */
  SsrRecovery    *recovery;
  /* What to tell at the first window: drafts to offer, or why there will
   * be none. */
  GPtrArray      *recovered;
  GError         *recovery_error;
  GtkWindow      *restore_dialog;   /* weak */
};

G_DEFINE_FINAL_TYPE (SsrApplication, ssr_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "new", 'n', 0, G_OPTION_ARG_NONE, NULL,
    N_("Start a new assessment"), NULL },
  { "example", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the built-in worked example"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static SsrWindow *
ssr_application_create_window (SsrApplication *self)
{
  SsrWindow *window = ssr_window_new (ADW_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* A window showing no document and given none to load, or a new one. */
static SsrWindow *
ssr_application_get_empty_window (SsrApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (SSR_IS_WINDOW (l->data) &&
          ssr_window_get_document (l->data) == NULL &&
          g_object_get_data (l->data, CLAIMED_KEY) == NULL)
        return l->data;
    }

  return ssr_application_create_window (self);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
draft_display_title (SsrDraft *draft)
{
  const char *title = ssr_draft_get_title (draft);

  return title != NULL && title[0] != '\0' ? title : _("Untitled Assessment");
}

/*
 * Opens @draft in a window of its own, modified, so that the user must
 * save it; the window's autosave takes over from the recovered draft.
 */
static void
ssr_application_restore_draft (SsrApplication *self,
                               SsrDraft       *draft,
                               GtkWindow      *parent)
{
  g_autoptr(SsrAssessment) document = NULL;
  g_autoptr(GError) error = NULL;
  SsrAutosave *autosave;
  SsrWindow *window;

  document = ssr_recovery_load_draft (self->recovery, draft, &error);
  if (document == NULL)
    {
      g_autofree char *heading = NULL;

      /* Translators: the placeholder is the title of a document */
      heading = g_strdup_printf (_("Could Not Restore “%s”"), draft_display_title (draft));
      show_message (parent, heading, error->message);
      /* It will not read any better next time. */
      ssr_recovery_remove_draft (self->recovery, ssr_draft_get_id (draft));
      return;
    }

  ssr_history_mark_unsaved (ssr_assessment_get_history (document));

  window = ssr_application_get_empty_window (self);
  ssr_window_set_document (window, document, ssr_draft_get_original (draft));
  gtk_window_present (GTK_WINDOW (window));

  /* The window's own draft replaces the recovered one: written now, and
   * only then is the old one let go. */
  autosave = g_object_get_data (G_OBJECT (window), AUTOSAVE_KEY);
  if (autosave != NULL && ssr_autosave_flush (autosave, &error))
    ssr_recovery_remove_draft (self->recovery, ssr_draft_get_id (draft));
  else if (error != NULL)
    g_warning ("The recovered copy stays in place: %s", error->message);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SsrApplication   *self)
{
  g_autoptr(GPtrArray) drafts = g_steal_pointer (&self->recovered);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  g_clear_weak_pointer (&self->restore_dialog);

  if (drafts == NULL)
    return;

  for (guint i = 0; i < drafts->len; i++)
    {
      SsrDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (response, "restore") == 0)
        ssr_application_restore_draft (self, draft, parent);
      else
        ssr_recovery_remove_draft (self->recovery, ssr_draft_get_id (draft));
    }
}

static GtkWidget *
create_draft_row (SsrDraft *draft)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (ssr_draft_get_modified (draft));
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;
  GFile *original = ssr_draft_get_original (draft);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: when a recovered document was last changed, see
   * g_date_time_format() */
  when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  if (original != NULL)
    where = g_file_get_basename (original);
  else
    where = g_strdup (_("Never saved"));
  /* Translators: "norvalia.ssra · 2 May 2024, 09:14" */
  subtitle = g_strdup_printf (_("%s · %s"), where, when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), draft_display_title (draft));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* At the first window after a crash: one question for all the drafts. */
static void
ssr_application_offer_recovery (SsrApplication *self,
                                GtkWindow      *parent)
{
  GtkWidget *dialog;
  GtkWidget *list;

  if (self->recovery_error != NULL)
    {
      g_autoptr(GError) error = g_steal_pointer (&self->recovery_error);

      show_message (parent, _("Unsaved Changes Are Not Kept Safe"), error->message);
    }

  if (self->recovered == NULL || self->restore_dialog != NULL)
    return;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Documents with unsaved changes"),
                                  -1);
  for (guint i = 0; i < self->recovered->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), create_draft_row (g_ptr_array_index (self->recovered, i)));

  dialog = adw_message_dialog_new (parent,
                                   _("Restore Unsaved Changes?"),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "SSR Workbench closed unexpectedly. Restore the unsaved changes of this document?",
                                                "SSR Workbench closed unexpectedly. Restore the unsaved changes of these documents?",
                                                self->recovered->len));
  /* No scrolled window: it would clip rows whose subtitle wraps, and a
   * crash rarely leaves more than a few documents. */
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Escape must not throw work away: a restored document can still be
   * closed without saving. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);

  g_set_weak_pointer (&self->restore_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ssr_application_activate (GApplication *application)
{
  SsrApplication *self = SSR_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (ssr_application_create_window (self));

  gtk_window_present (window);
  ssr_application_offer_recovery (self, window);
}

static void
ssr_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  SsrApplication *self = SSR_APPLICATION (application);
  SsrWindow *window = NULL;

  for (int i = 0; i < n_files; i++)
    {
      window = ssr_application_get_empty_window (self);
      g_object_set_data (G_OBJECT (window), CLAIMED_KEY, GINT_TO_POINTER (TRUE));
      ssr_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }

  if (window != NULL)
    ssr_application_offer_recovery (self, GTK_WINDOW (window));
}

static int
ssr_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("ssr-workbench %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (!g_variant_dict_contains (options, "example") && !g_variant_dict_contains (options, "new"))
    return -1;

  /* The options become actions of the primary instance, so that they reach
   * a running application too (it is single-instance). */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_variant_dict_contains (options, "example"))
    g_action_group_activate_action (G_ACTION_GROUP (application), "open-example", NULL);
  if (g_variant_dict_contains (options, "new"))
    g_action_group_activate_action (G_ACTION_GROUP (application), "new", NULL);

  /* A remote instance is done; the primary one goes on to its main loop,
   * and "activate" presents the window the action made. */
  return g_application_get_is_remote (application) ? 0 : -1;
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  ssr_application_create_window (SSR_APPLICATION (user_data));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SsrWindow *window = ssr_application_get_empty_window (SSR_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  /* The window asks for the framework, country, context and
   * classification; without that dialog it shows its welcome page. */
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL))
    g_debug ("The window has no win.new action");
}

static void
open_example_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SsrWindow *window = ssr_application_get_empty_window (SSR_APPLICATION (user_data));

  g_object_set_data (G_OBJECT (window), CLAIMED_KEY, GINT_TO_POINTER (TRUE));
  ssr_window_open_example (window);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = {
    "SSR Workbench contributors",
    NULL
  };
  static const char *sources[] = {
    "Sedra & Burt, SSR and the Domestic-International Security Nexus: "
      "The Role of Public Safety Canada, CIGI Special Report No. 1, May 2011",
    "Sedra, Security Sector Reform 101: Understanding the Concept, "
      "Charting Trends and Identifying Challenges, CIGI, April 2010",
    "Developing a Security Sector Reform (SSR) Concept for the United Nations, "
      "Bratislava expert workshop, 7 July 2006",
    "USAID, DoD and Department of State, Security Sector Reform, 2009",
    NULL
  };
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWidget *about = adw_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (application));
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("SSR Workbench"));
  /* Uninstalled, the icon is not in the theme: no picture beats a broken one. */
  if (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (about)),
                               APPLICATION_ID))
    adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APPLICATION_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("SSR Workbench contributors"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© SSR Workbench contributors"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Walks security sector reform assessment teams through "
                                   "the phases of an assessment: context, actors, coordination, "
                                   "findings, priorities and indicators, and the report."));
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Source Documents"), sources);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  const char *body;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* What GIO says when nothing handles help: URIs. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    body = _("No help viewer is installed. The guide is read with Help (Yelp), "
             "GNOME’s help viewer: install it, then try again.");
  else
    body = error->message;

  show_message (GTK_WINDOW (source), _("Could Not Open the Help"), body);
}

/* The user guide, in help/C/, is read with Yelp (installed under
 * share/help/C/ssr-workbench). */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri_full (window, "help:ssr-workbench", GDK_CURRENT_TIME, NULL,
                     help_shown_cb, NULL);
}

/* Each window asks about its unsaved changes as it closes; a window the
 * user keeps open keeps the application running. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  g_autoptr(GPtrArray) closing = g_ptr_array_new_with_free_func (g_object_unref);

  /* A copy: closing a window changes the list. */
  for (GList *l = windows; l; l = l->next)
    g_ptr_array_add (closing, g_object_ref (l->data));

  for (guint i = 0; i < closing->len; i++)
    gtk_window_close (g_ptr_array_index (closing, i));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_activated },
  { "new", new_activated },
  { "open-example", open_example_activated },
  { "help", help_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
ssr_application_start_recovery (SsrApplication *self)
{
  self->recovery = ssr_recovery_new (g_getenv (RECOVERY_DIR_VARIABLE));
  self->recovered = ssr_recovery_start (self->recovery, &self->recovery_error);

  if (self->recovered == NULL)
    g_clear_object (&self->recovery);
  else if (self->recovered->len == 0)
    g_clear_pointer (&self->recovered, g_ptr_array_unref);
}

static void
ssr_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };
  static const char *help_accels[] = { "F1", NULL };
  SsrApplication *self = SSR_APPLICATION (application);

  G_APPLICATION_CLASS (ssr_application_parent_class)->startup (application);

  ssr_accessible_init ();
  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         help_overlay_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help", help_accels);

  ssr_application_start_recovery (self);
}

static void
ssr_application_shutdown (GApplication *application)
{
  SsrApplication *self = SSR_APPLICATION (application);

  /* Drafts still waiting for an answer are offered again next time. */
  if (self->recovery != NULL && self->recovered == NULL)
    ssr_recovery_shutdown (self->recovery);

  G_APPLICATION_CLASS (ssr_application_parent_class)->shutdown (application);
}

/* Every window gets an autosave, which lives as long as the window. */
static void
ssr_application_window_added (GtkApplication *application,
                              GtkWindow      *window)
{
  SsrApplication *self = SSR_APPLICATION (application);

  GTK_APPLICATION_CLASS (ssr_application_parent_class)->window_added (application, window);

  if (SSR_IS_WINDOW (window) && self->recovery != NULL)
    g_object_set_data_full (G_OBJECT (window), AUTOSAVE_KEY,
                            ssr_autosave_new (self->recovery, SSR_WINDOW (window)),
                            g_object_unref);
}

/* Out of the application means closed (after its question): the draft
 * goes with the autosave, even while something still holds the window. */
static void
ssr_application_window_removed (GtkApplication *application,
                                GtkWindow      *window)
{
  g_object_set_data (G_OBJECT (window), AUTOSAVE_KEY, NULL);

  GTK_APPLICATION_CLASS (ssr_application_parent_class)->window_removed (application, window);
}

static void
ssr_application_dispose (GObject *object)
{
  SsrApplication *self = (SsrApplication *)object;

  g_clear_weak_pointer (&self->restore_dialog);
  g_clear_object (&self->recovery);
  g_clear_pointer (&self->recovered, g_ptr_array_unref);
  g_clear_error (&self->recovery_error);

  G_OBJECT_CLASS (ssr_application_parent_class)->dispose (object);
}

static void
ssr_application_class_init (SsrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_application_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = ssr_application_dispose;

  application_class->activate = ssr_application_activate;
  application_class->open = ssr_application_open;
  application_class->startup = ssr_application_startup;
  application_class->shutdown = ssr_application_shutdown;
  application_class->handle_local_options = ssr_application_handle_local_options;

  gtk_application_class->window_added = ssr_application_window_added;
  gtk_application_class->window_removed = ssr_application_window_removed;
}

static void
ssr_application_init (SsrApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

SsrApplication *
ssr_application_new (void)
{
  return g_object_new (SSR_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
