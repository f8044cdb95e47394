/* test-autosave.c: drafts of open documents, and recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-autosave"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ssr-application.h"
#include "ssr-autosave.h"
#include "ssr-recovery.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"
#include "ssr-window.h"
#include "ssr-xml.h"

/* The argument that makes this binary the child that crashes. */
#define CRASH_CHILD_ARGUMENT "--crash-child"
#define RECOVERY_DIR_VARIABLE "SSR_WORKBENCH_RECOVERY_DIR"
#define CHILD_TITLE "Edited in the child, then killed"

static const char *test_binary;

/* The shortest interval the schema allows, so the tests wait little. */
static guint
set_shortest_interval (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *type;
  guint minimum;
  guint maximum;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "autosave-interval");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &type, &limits);
  g_assert_cmpstr (type, ==, "range");
  g_variant_get (limits, "(uu)", &minimum, &maximum);

  g_assert_true (g_settings_set_uint (settings, "autosave-interval", minimum));
  g_settings_sync ();

  return minimum;
}

static char *
read_draft_title (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrAssessment) draft = NULL;
  g_autoptr(GBytes) bytes = ssr_test_read_file (path);

  draft = ssr_xml_read (bytes, "draft", &error);
  g_assert_no_error (error);

  return g_strdup (ssr_assessment_get_title (draft));
}

static void
test_draft_after_interval (void)
{
  g_autofree char *folder = ssr_test_make_folder ("autosave");
  g_autofree char *saved_folder = g_build_filename (folder, "saved", NULL);
  g_autofree char *saved_path = g_build_filename (saved_folder, "norvalia.ssra", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  SsrHistory *history = ssr_assessment_get_history (document);
  SsrRecovery *recovery;
  SsrAutosave *autosave;
  SsrWindow *window;
  guint interval;
  gint64 edited;
  gint64 waited;

  interval = set_shortest_interval ();
  recovery = ssr_test_start_empty_recovery (folder);

  window = ssr_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  ssr_window_set_document (window, document, NULL);
  autosave = ssr_autosave_new (recovery, window);
  path = ssr_test_draft_path (folder, ssr_autosave_get_draft_id (autosave));

  /* Nothing to keep while the document is as loaded. */
  g_assert_true (ssr_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  ssr_assessment_set (document, document, "title", "Edited in the window", NULL);
  edited = g_get_monotonic_time ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  SSR_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_IS_REGULAR), interval + 5);
  waited = g_get_monotonic_time () - edited;
  /* g_timeout_add_seconds() may round to the second. */
  g_assert_cmpint (waited, >=, (gint64) (interval - 1) * G_USEC_PER_SEC);

  title = read_draft_title (path);
  g_assert_cmpstr (title, ==, "Edited in the window");
  /* A draft is no save. */
  g_assert_true (ssr_history_get_modified (history));
  g_assert_null (ssr_window_get_file (window));

  /* Undone back to what was loaded: the draft is not needed. */
  g_assert_true (ssr_history_undo (history));
  g_assert_false (ssr_history_get_modified (history));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Edited again, then saved: the draft goes with the save. */
  g_assert_true (ssr_history_redo (history));
  g_assert_true (ssr_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_mkdir_with_parents (saved_folder, 0700), ==, 0);
  g_assert_true (ssr_assessment_save (document, saved, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Edited, then the window closed (after its question): no draft left. */
  ssr_assessment_set (document, document, "title", "Closed without saving", NULL);
  g_assert_true (ssr_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (window);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (autosave);
  ssr_test_shut_down_recovery (recovery);
  ssr_test_remove_tree (folder);
}

static void
test_interval_follows_settings (void)
{
  g_autofree char *folder = ssr_test_make_folder ("autosave");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autofree char *path = NULL;
  SsrRecovery *recovery;
  SsrAutosave *autosave;
  SsrWindow *window;
  guint interval;

  interval = set_shortest_interval ();
  /* A long interval, shortened while the timer runs. */
  g_assert_true (g_settings_set_uint (settings, "autosave-interval", 3600));
  recovery = ssr_test_start_empty_recovery (folder);

  window = ssr_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  autosave = ssr_autosave_new (recovery, window);
  path = ssr_test_draft_path (folder, ssr_autosave_get_draft_id (autosave));

  /* The document arrives after the autosave, already modified (as a
   * recovered one does). */
  ssr_history_mark_unsaved (ssr_assessment_get_history (document));
  ssr_window_set_document (window, document, NULL);

  /* Drafted within the new interval, not the hour first set. */
  g_assert_true (g_settings_set_uint (settings, "autosave-interval", interval));
  SSR_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_IS_REGULAR), interval + 5);

  /* Gone with the window, which the autosave does not keep alive. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (window);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_finalize_object (autosave);
  ssr_test_shut_down_recovery (recovery);
  ssr_test_remove_tree (folder);
}

/* Child side of the crash test. */

typedef struct
{
  SsrApplication *application;
  char           *folder;
  char           *original;
} CrashChild;

static gboolean
crash_child_poll_cb (gpointer user_data)
{
  CrashChild *child = user_data;
  g_autofree char *drafts = ssr_test_list_folder (child->folder, ".ssra");

  if (drafts[0] == '\0')
    return G_SOURCE_CONTINUE;

  /* Tell the parent which draft, then wait for SIGKILL. */
  printf ("%s\n", drafts);
  fflush (stdout);

  return G_SOURCE_REMOVE;
}

static void
crash_child_activate_cb (GApplication *application,
                         CrashChild   *child)
{
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autoptr(GFile) original = g_file_new_for_path (child->original);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  g_assert_true (SSR_IS_WINDOW (window));
  ssr_window_set_document (SSR_WINDOW (window), document, original);
  ssr_assessment_set (document, document, "title", CHILD_TITLE, NULL);

  g_timeout_add (50, crash_child_poll_cb, child);
}

static gboolean
crash_child_give_up_cb (gpointer user_data)
{
  _exit (1);
}

static int
run_crash_child (const char *original)
{
  CrashChild child = { 0 };
  char *argv[] = { (char *) "ssr-workbench", NULL };

  set_shortest_interval ();
  /* Should the parent fail before killing it, do not linger. */
  g_timeout_add_seconds (120, crash_child_give_up_cb, NULL);

  child.folder = g_strdup (g_getenv (RECOVERY_DIR_VARIABLE));
  child.original = g_strdup (original);
  child.application = ssr_application_new ();
  g_application_set_flags (G_APPLICATION (child.application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  /* After the application's own activate, which makes the window. */
  g_signal_connect_after (child.application, "activate",
                          G_CALLBACK (crash_child_activate_cb), &child);

  return g_application_run (G_APPLICATION (child.application), 1, argv);
}

/* Parent side. */

/* Spawns the child and returns what it printed once its draft was there. */
static char *
spawn_and_kill_child (const char *original)
{
  const char *argv[] = { test_binary, CRASH_CHILD_ARGUMENT, original, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  GPollFD poll_fd;
  GPid pid;
  int out_fd;
  int status;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid,
                                           NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);

  poll_fd.fd = out_fd;
  poll_fd.events = G_IO_IN | G_IO_HUP | G_IO_ERR;
  g_assert_cmpint (g_poll (&poll_fd, 1, 60 * 1000), ==, 1);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_assert_no_error (error);
  g_strchomp (line);

  /* A crash: no shutdown, no dispose, no exit handler. */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);

  return g_steal_pointer (&line);
}

typedef struct
{
  const char *folder;
  const char *crashed_draft;
  GFile      *original;
  gboolean    checked;
} Restart;

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static SsrWindow *
find_window_showing (GtkApplication *application,
                     const char     *title)
{
  for (GList *l = gtk_application_get_windows (application); l; l = l->next)
    {
      SsrAssessment *document;

      if (!SSR_IS_WINDOW (l->data))
        continue;
      document = ssr_window_get_document (l->data);
      if (document != NULL && g_strcmp0 (ssr_assessment_get_title (document), title) == 0)
        return l->data;
    }

  return NULL;
}

static gboolean
restart_drive_cb (gpointer user_data)
{
  Restart *restart = user_data;
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  SsrWindow *window;
  SsrAssessment *document;
  g_autofree char *drafts = NULL;
  g_autofree char *crashed_name = g_strconcat (restart->crashed_draft, ".ssra", NULL);

  dialog = find_message_dialog ();
  if (dialog == NULL)
    return G_SOURCE_CONTINUE;

  /* The offer names the document. */
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_nonnull (ssr_test_find_row (adw_message_dialog_get_extra_child (dialog),
                                       ADW_TYPE_PREFERENCES_ROW, CHILD_TITLE));
  adw_message_dialog_response (dialog, "restore");

  window = find_window_showing (application, CHILD_TITLE);
  g_assert_nonnull (window);
  document = ssr_window_get_document (window);
  /* Restored, not saved: the user must save it. */
  g_assert_true (ssr_history_get_modified (ssr_assessment_get_history (document)));
  g_assert_nonnull (ssr_window_get_file (window));
  g_assert_true (g_file_equal (ssr_window_get_file (window), restart->original));
  g_assert_false (g_file_query_exists (restart->original, NULL));

  /* The window's own draft took over from the recovered one. */
  drafts = ssr_test_list_folder (restart->folder, ".ssra");
  g_assert_cmpstr (drafts, !=, "");
  g_assert_null (strchr (drafts, ' '));
  g_assert_cmpstr (drafts, !=, crashed_name);

  /* Closed after its question was answered "discard". */
  for (GList *l = gtk_application_get_windows (application); l; l = l->next)
    g_ptr_array_add (windows, l->data);
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));

  g_clear_pointer (&drafts, g_free);
  drafts = ssr_test_list_folder (restart->folder, ".ssra");
  g_assert_cmpstr (drafts, ==, "");

  restart->checked = TRUE;

  return G_SOURCE_REMOVE;
}

static void
test_crash_recovery (void)
{
  g_autofree char *folder = ssr_test_make_folder ("autosave");
  g_autofree char *recovery_folder = g_build_filename (folder, "recovery", NULL);
  g_autofree char *original_path = g_build_filename (folder, "never-saved.ssra", NULL);
  g_autoptr(GFile) original = g_file_new_for_path (original_path);
  g_autoptr(SsrAssessment) recovered = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *crashed_id = NULL;
  SsrApplication *application;
  SsrRecovery *recovery;
  SsrDraft *draft;
  Restart restart = { 0 };
  char *argv[] = { (char *) "ssr-workbench", NULL };

  g_setenv (RECOVERY_DIR_VARIABLE, recovery_folder, TRUE);

  printed = spawn_and_kill_child (original_path);
  g_assert_true (g_str_has_suffix (printed, ".ssra"));
  crashed_id = g_strndup (printed, strlen (printed) - strlen (".ssra"));

  /* The next start finds the draft, with the edit in it. */
  recovery = ssr_recovery_new (recovery_folder);
  drafts = ssr_recovery_start (recovery, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (ssr_draft_get_id (draft), ==, crashed_id);
  g_assert_cmpstr (ssr_draft_get_title (draft), ==, CHILD_TITLE);
  g_assert_true (g_file_equal (ssr_draft_get_original (draft), original));
  recovered = ssr_recovery_load_draft (recovery, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ssr_assessment_get_title (recovered), ==, CHILD_TITLE);
  /* Left undecided, as if this start crashed too. */
  g_assert_finalize_object (recovery);

  /* The application's own start offers and restores it. */
  application = ssr_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  restart.folder = recovery_folder;
  restart.crashed_draft = crashed_id;
  restart.original = original;
  g_timeout_add (20, restart_drive_cb, &restart);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 1, argv), ==, 0);
  g_assert_true (restart.checked);
  g_assert_finalize_object (application);

  /* The application quit cleanly: nothing is offered next time. */
  g_clear_pointer (&drafts, g_ptr_array_unref);
  recovery = ssr_recovery_new (recovery_folder);
  drafts = ssr_recovery_start (recovery, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
  ssr_test_shut_down_recovery (recovery);

  g_unsetenv (RECOVERY_DIR_VARIABLE);
  ssr_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  test_binary = argv[0];

  if (argc == 3 && g_str_equal (argv[1], CRASH_CHILD_ARGUMENT))
    return run_crash_child (argv[2]);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/autosave/draft-after-interval", test_draft_after_interval);
  g_test_add_func ("/ui/autosave/interval-follows-settings", test_interval_follows_settings);
  g_test_add_func ("/ui/autosave/crash-recovery", test_crash_recovery);

  return g_test_run ();
}
