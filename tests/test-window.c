/* test-window.c: the workbench window, driven through its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ssr-framework.h"
#include "ssr-new-assessment-dialog.h"
#include "ssr-step-record.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"
#include "ssr-welcome-page.h"
#include "ssr-window-private.h"

#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 10)

static char *test_folder;

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* What a person does to answer a dialog. */
static void
click_button (GtkWidget  *widget,
              const char *label)
{
  GtkWidget *button = ssr_test_find_button (widget, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* A toplevel of @type other than @except, or NULL. */
static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static GtkWindow *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent && ADW_IS_MESSAGE_DIALOG (window))
        return window;
    }

  return NULL;
}

static char *
copy_example_to (const char *name)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  bytes = g_resources_lookup_data (SSR_EXAMPLE_RESOURCE, 0, &error);
  g_assert_no_error (error);

  path = g_build_filename (test_folder, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_file (const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  g_unlink (path);
  g_unlink (backup);
}

static SsrWindow *
create_window (void)
{
  SsrWindow *window = ssr_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static SsrWindow *
create_window_with_example (void)
{
  SsrWindow *window = create_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  WAIT_UNTIL (ssr_window_get_document (window) != NULL);

  return window;
}

static void
destroy_window (SsrWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

static const char *
visible_page (SsrWindow *window)
{
  return gtk_stack_get_visible_child_name (window->page_stack);
}

static const char *
selected_sidebar_page (SsrWindow *window)
{
  SsrSidebarEntry *entry = gtk_single_selection_get_selected_item (window->sidebar_selection);

  return entry ? ssr_sidebar_entry_get_page_id (entry) : NULL;
}

static SsrSidebarEntry *
sidebar_entry (SsrWindow  *window,
               const char *page_id)
{
  guint position = ssr_sidebar_find_page (window->sidebar, page_id);
  g_autoptr(SsrSidebarEntry) entry = NULL;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  entry = g_list_model_get_item (G_LIST_MODEL (window->sidebar), position);

  /* The sidebar keeps it alive. */
  return entry;
}

static void
test_window_starts_empty (void)
{
  SsrWindow *window = create_window ();

  g_assert_null (ssr_window_get_document (window));
  g_assert_null (ssr_window_get_file (window));
  g_assert_null (ssr_window_get_page (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "SSR Workbench");

  /* Without a document there is nothing to save, undo or navigate. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->undo_button)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "actors");
  settle ();
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  g_assert_null (ssr_window_get_document (window));
  g_assert_null (ssr_window_get_page (window));

  destroy_window (window);
}

static void
test_window_opens_example (void)
{
  SsrWindow *window = create_window_with_example ();
  SsrAssessment *document = ssr_window_get_document (window);
  g_autoptr(SsrFramework) framework = NULL;
  GListModel *phases;
  guint n_steps = 0;

  /* The example is opened as an untitled copy: saving must ask where. */
  g_assert_null (ssr_window_get_file (window));
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_actors (document)), >=, 40);

  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   ssr_assessment_get_title (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   ssr_assessment_get_title (document));
  g_assert_cmpstr (gtk_label_get_label (window->classification_label), ==,
                   ssr_assessment_get_classification (document));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->classification_label)));

  /* What a screen reader says for the badge and the icon-only buttons. */
  gtk_test_accessible_assert_property (window->classification_label, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Classification: RESTRICTED");
  gtk_test_accessible_assert_property (window->undo_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Undo");
  gtk_test_accessible_assert_property (window->redo_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Redo");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");
  g_assert_cmpstr (visible_page (window), ==, "overview");
  g_assert_cmpstr (selected_sidebar_page (window), ==, "overview");

  /* The sidebar lists every step of the document's framework, each with
   * the status the document records for it. */
  framework = ssr_framework_get_builtin (ssr_assessment_get_framework (document), NULL);
  g_assert_nonnull (framework);
  phases = ssr_framework_get_phases (framework);
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);
          g_autofree char *page_id = g_strconcat ("step:", ssr_term_get_id (step), NULL);
          SsrStepRecord *record = ssr_assessment_find_step_record (document, ssr_term_get_id (step));
          SsrSidebarEntry *entry = sidebar_entry (window, page_id);

          g_assert_true (strstr (ssr_sidebar_entry_get_title (entry), ssr_term_get_name (step)));
          g_assert_cmpint (ssr_sidebar_entry_get_status (entry), ==,
                           record ? ssr_step_record_get_status (record) : SSR_STEP_NOT_STARTED);
          n_steps++;
        }
    }
  g_assert_cmpuint (n_steps, ==, g_list_model_get_n_items (ssr_framework_get_steps (framework)));
  /* Overview, phases, steps and the nine pages. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->sidebar)), ==,
                    1 + g_list_model_get_n_items (phases) + n_steps + 9);

  destroy_window (window);
}

static void
test_window_visits_every_page (void)
{
  SsrWindow *window = create_window_with_example ();
  GListModel *entries = G_LIST_MODEL (window->sidebar);
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SsrSidebarEntry) entry = g_list_model_get_item (entries, i);
      const char *page_id = ssr_sidebar_entry_get_page_id (entry);

      if (!ssr_sidebar_entry_get_selectable (entry))
        {
          g_assert_null (page_id);
          continue;
        }

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page_id));
      settle ();
      g_assert_cmpstr (visible_page (window), ==, page_id);
      g_assert_cmpstr (ssr_window_get_page (window), ==, page_id);
      g_assert_cmpstr (selected_sidebar_page (window), ==, page_id);
      g_assert_true (gtk_widget_get_mapped (gtk_stack_get_visible_child (window->page_stack)));
      g_ptr_array_add (visited, (gpointer)page_id);
    }
  g_assert_cmpuint (visited->len, >=, 10);

  /* Pages are kept once made: showing one again reuses it. */
  {
    GtkWidget *actors = gtk_stack_get_child_by_name (window->page_stack, "actors");

    ssr_window_show_page (window, "actors");
    g_assert_true (gtk_stack_get_visible_child (window->page_stack) == actors);
  }

  /* Choosing a row of the sidebar shows its page. */
  gtk_single_selection_set_selected (window->sidebar_selection,
                                     ssr_sidebar_find_page (window->sidebar, "findings"));
  g_assert_cmpstr (visible_page (window), ==, "findings");

  /* Next and previous walk the same pages in the same order. */
  ssr_window_show_page (window, "overview");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-page", NULL);
  g_assert_cmpstr (visible_page (window), ==, "overview");
  for (guint i = 1; i < visited->len; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next-page", NULL);
      g_assert_cmpstr (visible_page (window), ==, g_ptr_array_index (visited, i));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-page", NULL);
  g_assert_cmpstr (visible_page (window), ==, g_ptr_array_index (visited, visited->len - 1));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-page", NULL);
  g_assert_cmpstr (visible_page (window), ==, g_ptr_array_index (visited, visited->len - 2));

  /* An unknown page changes nothing. */
  ssr_window_show_page (window, "no-such-page");
  g_assert_cmpstr (visible_page (window), ==, g_ptr_array_index (visited, visited->len - 2));

  destroy_window (window);
}

static void
test_window_undo_redo (void)
{
  SsrWindow *window = create_window_with_example ();
  SsrAssessment *document = ssr_window_get_document (window);
  g_autofree char *original = g_strdup (ssr_assessment_get_title (document));

  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->undo_button)));

  ssr_assessment_set (document, document, "title", "Renamed in a test", NULL);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Renamed in a test");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Renamed in a test");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->undo_button)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->redo_button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ssr_assessment_get_title (document), ==, original);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, original);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->undo_button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->redo_button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (ssr_assessment_get_title (document), ==, "Renamed in a test");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Renamed in a test");

  /* The classification badge follows the document too. */
  ssr_assessment_set (document, document, "classification", "", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->classification_label)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->classification_label)));

  /* Whatever happens, no question is left behind. */
  window->close_confirmed = TRUE;
  destroy_window (window);
}

static void
test_window_sidebar_follows_status (void)
{
  SsrWindow *window = create_window_with_example ();
  SsrAssessment *document = ssr_window_get_document (window);
  GListModel *steps = ssr_assessment_get_steps (document);
  g_autoptr(SsrStepRecord) record = NULL;
  g_autofree char *page_id = NULL;
  g_autofree char *phase_progress = NULL;
  SsrSidebarEntry *entry;
  SsrSidebarEntry *phase = NULL;
  SsrStepStatus before;
  guint position;

  /* A step the example has not finished. */
  for (guint i = 0; i < g_list_model_get_n_items (steps) && record == NULL; i++)
    {
      g_autoptr(SsrStepRecord) candidate = g_list_model_get_item (steps, i);

      if (ssr_step_record_get_status (candidate) != SSR_STEP_DONE)
        record = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (record);
  before = ssr_step_record_get_status (record);

  page_id = g_strconcat ("step:", ssr_step_record_get_step (record), NULL);
  entry = sidebar_entry (window, page_id);
  g_assert_cmpint (ssr_sidebar_entry_get_status (entry), ==, before);

  /* The phase heading is the nearest unselectable entry above the step. */
  position = ssr_sidebar_find_page (window->sidebar, page_id);
  while (phase == NULL)
    {
      g_autoptr(SsrSidebarEntry) above = g_list_model_get_item (G_LIST_MODEL (window->sidebar), --position);

      if (!ssr_sidebar_entry_get_selectable (above))
        phase = above;
    }
  phase_progress = g_strdup (ssr_sidebar_entry_get_subtitle (phase));
  g_assert_nonnull (strstr (phase_progress, " of "));

  ssr_assessment_set (document, record, "status", SSR_STEP_DONE, NULL);
  g_assert_cmpint (ssr_sidebar_entry_get_status (entry), ==, SSR_STEP_DONE);
  g_assert_cmpstr (ssr_sidebar_entry_get_subtitle (entry), ==, "Done");
  g_assert_cmpstr (ssr_sidebar_entry_get_subtitle (phase), !=, phase_progress);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (ssr_sidebar_entry_get_status (entry), ==, before);
  g_assert_cmpstr (ssr_sidebar_entry_get_subtitle (phase), ==, phase_progress);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpint (ssr_sidebar_entry_get_status (entry), ==, SSR_STEP_DONE);

  window->close_confirmed = TRUE;
  destroy_window (window);
}

static void
test_window_sidebar_counts_items (void)
{
  SsrWindow *window = create_window_with_example ();
  SsrAssessment *document = ssr_window_get_document (window);
  GListModel *actors = ssr_assessment_get_actors (document);
  g_autoptr(SsrItem) first = g_list_model_get_item (actors, 0);
  SsrSidebarEntry *entry = sidebar_entry (window, "actors");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_object_get (entry, "count", &before, NULL);
  g_assert_cmpuint (g_ascii_strtoull (before, NULL, 10), ==, g_list_model_get_n_items (actors));

  ssr_assessment_remove_item (document, first);
  g_object_get (entry, "count", &after, NULL);
  g_assert_cmpuint (g_ascii_strtoull (after, NULL, 10), ==, g_list_model_get_n_items (actors));
  g_assert_cmpstr (after, !=, before);

  window->close_confirmed = TRUE;
  destroy_window (window);
}

static void
test_window_refuses_broken_file (void)
{
  g_autofree char *path = g_build_filename (test_folder, "broken.ssra", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SsrWindow *window = create_window ();
  GtkWindow *dialog = NULL;
  const char *body;

  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<assessment xmlns=\"urn:ssr-workbench:assessment:1\" format-version=\"1\">\n"
                                      "  <meta>\n",
                                      -1, NULL));

  ssr_window_open (window, file);
  WAIT_UNTIL ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL);

  /* The message says which file and where; nothing half-loaded is shown. */
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "broken.ssra:"));
  g_assert_true (g_regex_match_simple ("broken\\.ssra:[0-9]+", body, 0, 0));
  g_assert_null (ssr_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->progress_bar)));

  /* The window stays usable: the example still opens. */
  gtk_window_destroy (dialog);
  ssr_window_open_example (window);
  WAIT_UNTIL (ssr_window_get_document (window) != NULL);

  destroy_window (window);
  remove_file (path);
}

static void
test_window_saves_and_reloads (void)
{
  g_autofree char *path = copy_example_to ("saved.ssra");
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsrAssessment) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  SsrWindow *window = create_window ();
  SsrAssessment *document;
  SsrHistory *history;

  ssr_window_open (window, file);
  WAIT_UNTIL (ssr_window_get_document (window) != NULL);
  g_assert_true (g_file_equal (ssr_window_get_file (window), file));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "saved.ssra");

  document = ssr_window_get_document (window);
  history = ssr_assessment_get_history (document);
  ssr_assessment_set (document, document, "title", "Renamed in a test", NULL);
  g_assert_true (ssr_history_get_modified (history));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window->window_title), "unsaved"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_UNTIL (!ssr_history_get_modified (history));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Renamed in a test");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "saved.ssra");

  reloaded = ssr_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ssr_assessment_get_title (reloaded), ==, "Renamed in a test");
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_actors (reloaded)), ==,
                    g_list_model_get_n_items (ssr_assessment_get_actors (document)));
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_findings (reloaded)), ==,
                    g_list_model_get_n_items (ssr_assessment_get_findings (document)));

  /* Opened and saved files become recent documents. */
  uri = g_file_get_uri (file);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  destroy_window (window);
  remove_file (path);
}

static AdwApplication *
create_application (void)
{
  g_autoptr(GError) error = NULL;
  AdwApplication *application;

  application = g_object_new (ADW_TYPE_APPLICATION,
                              "application-id", APPLICATION_ID ".Test",
                              "flags", G_APPLICATION_NON_UNIQUE,
                              "resource-base-path", RESOURCE_BASE,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

static void
test_window_welcome_lists_recent (void)
{
  g_autoptr(AdwApplication) application = create_application ();
  g_autofree char *path = copy_example_to ("recent.ssra");
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) first = NULL;
  SsrWindow *window = ssr_window_new (application);
  SsrWindow *other;
  GListModel *recent;

  gtk_window_present (GTK_WINDOW (window));
  _ssr_window_add_recent (window, file);

  /* A new window's welcome page offers it, and opens it on activation. */
  other = ssr_window_new (application);
  gtk_window_present (GTK_WINDOW (other));
  recent = ssr_welcome_page_get_recent_files (SSR_WELCOME_PAGE (other->welcome_page));
  WAIT_UNTIL (g_list_model_get_n_items (recent) > 0);
  first = g_list_model_get_item (recent, 0);
  g_assert_true (g_file_equal (first, file));

  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (other), "win.open-recent", "s", uri);
  WAIT_UNTIL (ssr_window_get_document (other) != NULL);
  g_assert_true (g_file_equal (ssr_window_get_file (other), file));

  /* Asking another window of the application for the same file brings
   * the window that shows it forward instead of loading it twice. */
  ssr_window_open (window, file);
  settle ();
  g_assert_null (ssr_window_get_document (window));

  /* Windows of an application have the shortcuts window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  settle ();
  g_assert_nonnull (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL));

  destroy_window (other);
  destroy_window (window);
  remove_file (path);
}

static void
test_window_asks_before_closing (void)
{
  SsrWindow *window = create_window_with_example ();
  SsrAssessment *document = ssr_window_get_document (window);
  GtkWindow *dialog = NULL;

  /* Unmodified: the question is not needed. */
  g_assert_false (ssr_history_get_modified (ssr_assessment_get_history (document)));

  ssr_assessment_set (document, document, "country", "Elsewhere", NULL);
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  WAIT_UNTIL ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (ssr_window_get_document (window) == document);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));

  /* Cancel keeps the window and its document. */
  click_button (GTK_WIDGET (dialog), "_Cancel");
  WAIT_UNTIL (find_message_dialog (GTK_WINDOW (window)) == NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Discard closes it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  WAIT_UNTIL ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL);
  click_button (GTK_WIDGET (dialog), "_Discard");
  settle ();
  g_assert_finalize_object (window);
}

static void
test_window_saves_before_closing (void)
{
  g_autofree char *path = copy_example_to ("close.ssra");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsrAssessment) reloaded = NULL;
  SsrWindow *window = create_window ();
  SsrAssessment *document;
  GtkWindow *dialog = NULL;

  ssr_window_open (window, file);
  WAIT_UNTIL (ssr_window_get_document (window) != NULL);
  document = ssr_window_get_document (window);
  ssr_assessment_set (document, document, "country", "Saved on closing", NULL);

  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL ((dialog = find_message_dialog (GTK_WINDOW (window))) != NULL);
  click_button (GTK_WIDGET (dialog), "_Save");

  /* The window goes once the save succeeded. */
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (window)));
  settle ();
  g_assert_finalize_object (window);

  reloaded = ssr_assessment_load (file, NULL, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpstr (ssr_assessment_get_country (reloaded), ==, "Saved on closing");

  remove_file (path);
}

static void
test_window_remembers_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsrWindow *window;
  int width, height;

  /* A new window takes the size the last one had. */
  g_settings_set_int (settings, "window-width", 1011);
  g_settings_set_int (settings, "window-height", 677);
  window = ssr_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1011);
  g_assert_cmpint (height, ==, 677);

  /* Closing stores its size. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
}

static void
test_window_creates_new_assessment (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SsrWindow *window = create_window ();
  GtkWindow *dialog = NULL;
  AdwComboRow *framework_row;
  GListModel *framework_names;
  g_auto(GStrv) ids = ssr_framework_list_builtin ();
  g_autoptr(SsrFramework) usg = NULL;
  guint usg_position = G_MAXUINT;
  SsrAssessment *document;

  g_settings_set_string (settings, "last-framework", SSR_DEFAULT_FRAMEWORK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  WAIT_UNTIL ((dialog = find_toplevel (SSR_TYPE_NEW_ASSESSMENT_DIALOG, NULL)) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  /* The framework offered first is the one used last. */
  framework_row = ADW_COMBO_ROW (ssr_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                                    "_Framework"));
  g_assert_nonnull (framework_row);
  framework_names = adw_combo_row_get_model (framework_row);
  g_assert_cmpuint (g_list_model_get_n_items (framework_names), ==, g_strv_length (ids));
  g_assert_cmpstr (ids[adw_combo_row_get_selected (framework_row)], ==, SSR_DEFAULT_FRAMEWORK);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_str_equal (ids[i], "usg-program-cycle"))
        usg_position = i;
    }
  g_assert_cmpuint (usg_position, !=, G_MAXUINT);
  adw_combo_row_set_selected (framework_row, usg_position);

  gtk_editable_set_text (GTK_EDITABLE (ssr_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                                          "_Title")),
                         "  Test Assessment ");
  gtk_editable_set_text (GTK_EDITABLE (ssr_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                                          "C_ountry")),
                         "Testland");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.set-classification", "s", "CONFIDENTIAL");
  /* The context types follow the framework chosen: pick its first. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (ssr_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_ROW,
                                                                "Context T_ype")),
                              1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  WAIT_UNTIL (find_toplevel (SSR_TYPE_NEW_ASSESSMENT_DIALOG, NULL) == NULL);

  document = ssr_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_null (ssr_window_get_file (window));
  g_assert_cmpstr (ssr_assessment_get_title (document), ==, "Test Assessment");
  g_assert_cmpstr (ssr_assessment_get_country (document), ==, "Testland");
  g_assert_cmpstr (ssr_assessment_get_classification (document), ==, "CONFIDENTIAL");
  g_assert_cmpstr (ssr_assessment_get_framework (document), ==, "usg-program-cycle");
  usg = ssr_framework_get_builtin ("usg-program-cycle", NULL);
  {
    g_autoptr(SsrTerm) first_type = g_list_model_get_item (ssr_framework_get_list (usg, "context-types"), 0);

    g_assert_cmpstr (ssr_assessment_get_context_type (document), ==, ssr_term_get_id (first_type));
  }
  /* The choices are the document's start, not an edit to undo. */
  g_assert_false (ssr_history_get_can_undo (ssr_assessment_get_history (document)));
  {
    g_autofree char *last_framework = g_settings_get_string (settings, "last-framework");

    g_assert_cmpstr (last_framework, ==, "usg-program-cycle");
  }

  /* The sidebar follows the chosen framework. */
  {
    g_autoptr(SsrTerm) step = g_list_model_get_item (ssr_framework_get_steps (usg), 0);
    g_autofree char *page_id = g_strconcat ("step:", ssr_term_get_id (step), NULL);

    g_assert_cmpuint (ssr_sidebar_find_page (window->sidebar, page_id), !=, G_MAXUINT);
  }

  destroy_window (window);
}

static void
test_window_opens_beside_modified_document (void)
{
  g_autofree char *path = copy_example_to ("beside.ssra");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SsrWindow *window = create_window_with_example ();
  SsrAssessment *document = ssr_window_get_document (window);
  GtkWindow *other = NULL;

  ssr_assessment_set (document, document, "country", "Modified", NULL);
  ssr_window_open (window, file);
  WAIT_UNTIL ((other = find_toplevel (SSR_TYPE_WINDOW, GTK_WINDOW (window))) != NULL
              && ssr_window_get_document (SSR_WINDOW (other)) != NULL);

  /* The modified document stays where it was. */
  g_assert_true (ssr_window_get_document (window) == document);
  g_assert_true (g_file_equal (ssr_window_get_file (SSR_WINDOW (other)), file));

  destroy_window (SSR_WINDOW (other));
  window->close_confirmed = TRUE;
  destroy_window (window);
  remove_file (path);
}

static void
test_window_drop_opens_files (void)
{
  g_autofree char *path_a = copy_example_to ("dropped-a.ssra");
  g_autofree char *path_b = copy_example_to ("dropped-b.ssra");
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  g_autoptr(GListModel) controllers = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files = NULL;
  SsrWindow *window = create_window ();
  GtkDropTarget *target = NULL;
  GtkWindow *other = NULL;
  gboolean accepted = FALSE;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  /* What the drop target receives when two files are dropped. */
  files = g_slist_append (files, file_a);
  files = g_slist_append (files, file_b);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  WAIT_UNTIL (ssr_window_get_document (window) != NULL);
  g_assert_true (g_file_equal (ssr_window_get_file (window), file_a));
  WAIT_UNTIL ((other = find_toplevel (SSR_TYPE_WINDOW, GTK_WINDOW (window))) != NULL
              && ssr_window_get_document (SSR_WINDOW (other)) != NULL);
  g_assert_true (g_file_equal (ssr_window_get_file (SSR_WINDOW (other)), file_b));

  destroy_window (SSR_WINDOW (other));
  destroy_window (window);
  remove_file (path_a);
  remove_file (path_b);
}

static void
test_window_undo_toast (void)
{
  SsrWindow *window = create_window_with_example ();
  SsrAssessment *document = ssr_window_get_document (window);
  GListModel *actors = ssr_assessment_get_actors (document);
  g_autoptr(SsrItem) first = g_list_model_get_item (actors, 0);
  guint n_actors = g_list_model_get_n_items (actors);
  GtkWidget *button;

  ssr_assessment_remove_item (document, first);
  ssr_window_show_undo_toast (window, "Actor <removed> & gone");
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors - 1);

  /* The toast's button undoes the removal. */
  button = ssr_test_find_button (GTK_WIDGET (window->toast_overlay), "_Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors);

  destroy_window (window);
}

/* Whether the shortcuts window built by @builder lists @accelerator. */
static gboolean
lists_shortcut (GtkBuilder *builder,
                const char *accelerator)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *listed = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &listed, NULL);
      if (g_strcmp0 (listed, accelerator) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_window_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  /* printing and exporting the report too */
  g_assert_true (lists_shortcut (builder, "<Control>p"));
  g_assert_true (lists_shortcut (builder, "<Control><Shift>e"));

  /* shown with fatal warnings: a layout of its section can make GTK 4.8
   * warn ("min width -3") */
  gtk_window_present (GTK_WINDOW (overlay));
  settle ();
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* No letter is underlined twice in one menu: Alt and the letter would
 * reach only the first item. */
static void
test_window_menu_mnemonics (void)
{
  g_autofree char *clashes = ssr_test_find_mnemonic_clashes ();

  g_assert_cmpstr (clashes, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Recent documents go to a folder of the test's own. */
  test_folder = ssr_test_make_folder ("window");
  g_setenv ("XDG_DATA_HOME", test_folder, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/window/starts-empty", test_window_starts_empty);
  g_test_add_func ("/ui/window/opens-example", test_window_opens_example);
  g_test_add_func ("/ui/window/visits-every-page", test_window_visits_every_page);
  g_test_add_func ("/ui/window/undo-redo", test_window_undo_redo);
  g_test_add_func ("/ui/window/sidebar-follows-status", test_window_sidebar_follows_status);
  g_test_add_func ("/ui/window/sidebar-counts-items", test_window_sidebar_counts_items);
  g_test_add_func ("/ui/window/refuses-broken-file", test_window_refuses_broken_file);
  g_test_add_func ("/ui/window/saves-and-reloads", test_window_saves_and_reloads);
  g_test_add_func ("/ui/window/welcome-lists-recent", test_window_welcome_lists_recent);
  g_test_add_func ("/ui/window/asks-before-closing", test_window_asks_before_closing);
  g_test_add_func ("/ui/window/saves-before-closing", test_window_saves_before_closing);
  g_test_add_func ("/ui/window/remembers-size", test_window_remembers_size);
  g_test_add_func ("/ui/window/creates-new-assessment", test_window_creates_new_assessment);
  g_test_add_func ("/ui/window/opens-beside-modified-document",
                   test_window_opens_beside_modified_document);
  g_test_add_func ("/ui/window/drop-opens-files", test_window_drop_opens_files);
  g_test_add_func ("/ui/window/undo-toast", test_window_undo_toast);
  g_test_add_func ("/ui/window/help-overlay", test_window_help_overlay);
  g_test_add_func ("/ui/window/menu-mnemonics", test_window_menu_mnemonics);

  status = g_test_run ();

  ssr_test_remove_tree (test_folder);
  g_free (test_folder);

  return status;
}
