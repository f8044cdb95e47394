/* test-help.c: the user guide is reachable: app.help, F1, the menu, the shortcuts window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-help"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ssr-application.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"
#include "ssr-window.h"

#define RECOVERY_DIR_VARIABLE "SSR_WORKBENCH_RECOVERY_DIR"
#define HELP_URI "help:ssr-workbench"
#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 10)

/*
 * The tests decide what handles help: URIs, whatever is installed. In the
 * main process, the default handler (a desktop file in a private
 * XDG_DATA_HOME, named in a private XDG_CONFIG_HOME) runs a script that
 * writes down the URI it was given: it stands in for Yelp. In the
 * subprocess of /ui/help/reports-failure, nothing handles them.
 */
static char *test_folder;
static char *opened_path;

/* The argument GLib gives a test's subprocess; main () looks for it before
 * GIO first reads the handlers, which it does once per process. */
#define SUBPROCESS_ARGUMENT "--GTestSubprocess"

static void
install_help_handler (void)
{
  g_autofree char *data_home = g_build_filename (test_folder, "data", NULL);
  g_autofree char *config_home = g_build_filename (test_folder, "config", NULL);
  g_autofree char *applications = g_build_filename (data_home, "applications", NULL);
  g_autofree char *script = g_build_filename (test_folder, "open-help", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_path = NULL;
  g_autofree char *desktop_text = NULL;
  g_autofree char *mimeapps_path = NULL;

  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config_home, 0700), ==, 0);

  /* Written aside, then renamed: the test never reads half a URI. */
  script_text = g_strdup_printf ("#!/bin/sh\n"
                                 "printf '%%s' \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                                 opened_path, opened_path, opened_path);
  ssr_test_write_file (script, script_text);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);

  desktop_path = g_build_filename (applications, "ssr-test-help.desktop", NULL);
  desktop_text = g_strdup_printf ("[Desktop Entry]\n"
                                  "Type=Application\n"
                                  "Name=Test Help Viewer\n"
                                  "Exec=%s %%u\n"
                                  "MimeType=x-scheme-handler/help;\n"
                                  "NoDisplay=true\n",
                                  script);
  ssr_test_write_file (desktop_path, desktop_text);

  mimeapps_path = g_build_filename (config_home, "mimeapps.list", NULL);
  ssr_test_write_file (mimeapps_path,
                       "[Default Applications]\n"
                       "x-scheme-handler/help=ssr-test-help.desktop\n");

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
}

/*
 * No handler at all: empty XDG_DATA_HOME and XDG_CONFIG_HOME, and the
 * system data folders mirrored without their applications/ (where Yelp's
 * desktop file lives), so that GTK still finds its icons and the MIME
 * database. (A handler that fails to start would not do: GIO starts
 * programs through a helper, and never learns that they failed.)
 */
static void
hide_help_viewers (void)
{
  g_autofree char *data_home = g_build_filename (test_folder, "data", NULL);
  g_autofree char *config_home = g_build_filename (test_folder, "config", NULL);
  const char *system_dirs = g_getenv ("XDG_DATA_DIRS");
  g_auto(GStrv) dirs = NULL;
  g_autoptr(GPtrArray) mirrors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *mirror_list = NULL;

  g_assert_cmpint (g_mkdir_with_parents (data_home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config_home, 0700), ==, 0);

  if (system_dirs == NULL || system_dirs[0] == '\0')
    system_dirs = "/usr/local/share:/usr/share";
  dirs = g_strsplit (system_dirs, G_SEARCHPATH_SEPARATOR_S, -1);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      g_autofree char *name = g_strdup_printf ("system-%u", i);
      char *mirror = g_build_filename (test_folder, name, NULL);
      const char *entry;

      g_ptr_array_add (mirrors, mirror);
      g_assert_cmpint (g_mkdir_with_parents (mirror, 0700), ==, 0);
      if (dir == NULL)
        continue;

      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *target = g_build_filename (dirs[i], entry, NULL);
          g_autofree char *link = g_build_filename (mirror, entry, NULL);

          if (!g_str_equal (entry, "applications"))
            g_assert_cmpint (symlink (target, link), ==, 0);
        }
    }
  g_ptr_array_add (mirrors, NULL);
  mirror_list = g_strjoinv (G_SEARCHPATH_SEPARATOR_S, (char **) mirrors->pdata);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", mirror_list, TRUE);
}

/* Whether @model, or a section or submenu of it, has an item for @action
 * with the accelerator @accel. */
static gboolean
menu_has_item (GMenuModel *model,
               const char *action,
               const char *accel)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *item_accel = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) &&
          g_menu_model_get_item_attribute (model, i, "accel", "s", &item_accel) &&
          g_str_equal (item_accel, accel))
        return TRUE;

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_has_item (link, action, accel))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
strv_contains (char       **strv,
               const char  *string)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, string);
}

typedef struct
{
  gboolean checked;
} Drive;

static gboolean
drive_opens_guide_cb (gpointer user_data)
{
  Drive *drive = user_data;
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  g_autoptr(GPtrArray) menu_buttons = NULL;
  g_auto(GStrv) accels = NULL;
  g_auto(GStrv) actions = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  gboolean in_menu = FALSE;
  GtkWindow *window;

  window = gtk_application_get_active_window (application);
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  g_assert_true (SSR_IS_WINDOW (window));

  /* The action, and F1 for it (and for nothing else). */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "help"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "help"));
  accels = gtk_application_get_accels_for_action (application, "app.help");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "F1");
  actions = gtk_application_get_actions_for_accel (application, "F1");
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_true (strv_contains (actions, "app.help"));

  /* The main menu offers it, with F1 beside it. */
  menu_buttons = ssr_test_find_all (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  for (guint i = 0; i < menu_buttons->len; i++)
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (g_ptr_array_index (menu_buttons, i));

      if (model != NULL && menu_has_item (model, "app.help", "F1"))
        in_menu = TRUE;
    }
  g_assert_true (in_menu);

  /* Activated from the window, it opens the guide in the help viewer. */
  g_assert_false (g_file_test (opened_path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  WAIT_UNTIL (g_file_test (opened_path, G_FILE_TEST_EXISTS));
  opened = ssr_test_read_text (opened_path);
  g_assert_cmpstr (opened, ==, HELP_URI);

  for (GList *l = gtk_application_get_windows (application); l; l = l->next)
    g_ptr_array_add (windows, l->data);
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));

  drive->checked = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the application, which @drive_func checks and then closes. */
static void
run_application (GSourceFunc drive_func)
{
  g_autofree char *recovery_folder = g_build_filename (test_folder, "recovery", NULL);
  char *argv[] = { (char *) "ssr-workbench", NULL };
  SsrApplication *application;
  Drive drive = { 0 };

  g_setenv (RECOVERY_DIR_VARIABLE, recovery_folder, TRUE);

  application = ssr_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (20, drive_func, &drive);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 1, argv), ==, 0);
  g_assert_true (drive.checked);
  g_assert_finalize_object (application);

  g_unsetenv (RECOVERY_DIR_VARIABLE);
}

static void
test_help_opens_guide (void)
{
  run_application (drive_opens_guide_cb);
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
drive_failure_cb (gpointer user_data)
{
  Drive *drive = user_data;
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  GtkWindow *window;

  window = gtk_application_get_active_window (application);
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  /* Nothing can show the guide: the user is told so, and what to do. */
  g_assert_null (find_message_dialog (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.help", NULL));
  WAIT_UNTIL (find_message_dialog (window) != NULL);
  dialog = find_message_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Help");
  /* Not GIO's "Operation not supported": what to do about it. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "No help viewer is installed"));
  g_assert_false (g_file_test (opened_path, G_FILE_TEST_EXISTS));

  for (GList *l = gtk_application_get_windows (application); l; l = l->next)
    g_ptr_array_add (windows, l->data);
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));

  drive->checked = TRUE;

  return G_SOURCE_REMOVE;
}

static void
test_help_reports_failure (void)
{
  if (g_test_subprocess ())
    {
      run_application (drive_failure_cb);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
is_f1_shortcut (GtkWidget     *widget,
                gconstpointer  data)
{
  g_autofree char *accelerator = NULL;
  g_autofree char *title = NULL;

  g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);

  return g_strcmp0 (accelerator, "F1") == 0 && g_strcmp0 (title, data) == 0;
}

static void
test_help_in_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_nonnull (ssr_test_find_passing (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT,
                                           is_f1_shortcut, "Help"));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  gboolean subprocess = FALSE;
  int status;

  for (int i = 1; i < argc; i++)
    subprocess |= g_str_equal (argv[i], SUBPROCESS_ARGUMENT);

  test_folder = ssr_test_make_folder ("help");
  opened_path = g_build_filename (test_folder, "opened-uri", NULL);
  if (subprocess)
    hide_help_viewers ();
  else
    install_help_handler ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/help/opens-guide", test_help_opens_guide);
  g_test_add_func ("/ui/help/reports-failure", test_help_reports_failure);
  g_test_add_func ("/ui/help/in-shortcuts-window", test_help_in_shortcuts_window);

  status = g_test_run ();

  ssr_test_remove_tree (test_folder);
  g_clear_pointer (&test_folder, g_free);
  g_clear_pointer (&opened_path, g_free);

  return status;
}
