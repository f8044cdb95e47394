/* test-step-page.c: a step page, driven through its widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ssr-assessment.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-item.h"
#include "ssr-step-page.h"
#include "ssr-step-record.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"

#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 5)

typedef SsrTestPage Fixture;

/* Shows the page of @step_id of @document (the worked example when NULL)
 * in a window, as a user would see it. */
static void
fixture_open (Fixture       *fixture,
              SsrAssessment *document,
              const char    *step_id)
{
  GtkWidget *page;

  ssr_test_page_load (fixture, document);
  page = ssr_step_page_new (fixture->document, fixture->framework, step_id);
  g_assert_cmpstr (ssr_step_page_get_step_id (SSR_STEP_PAGE (page)), ==, step_id);
  ssr_test_page_show (fixture, page, 1000, 700);
}

static gboolean
label_is (GtkWidget     *label,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0;
}

static gboolean
label_contains (GtkWidget     *label,
                gconstpointer  text)
{
  return strstr (gtk_label_get_label (GTK_LABEL (label)), text) != NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  return ssr_test_find_passing (widget, GTK_TYPE_LABEL, label_is, text);
}

static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  return ssr_test_find_passing (widget, GTK_TYPE_LABEL, label_contains, text);
}

static GListModel *
findings_shown (GtkWidget *page)
{
  GtkListView *view = GTK_LIST_VIEW (ssr_test_find_one (page, GTK_TYPE_LIST_VIEW));

  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == item)
        return TRUE;
    }

  return FALSE;
}

/* Triggers the page's own shortcut for @accelerator, as the key press does. */
static void
press_shortcut (GtkWidget  *widget,
                const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accelerator) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_assert_not_reached ();
}

static SsrFinding *
last_finding (SsrAssessment *document)
{
  GListModel *findings = ssr_assessment_get_findings (document);
  g_autoptr(SsrFinding) finding = g_list_model_get_item (findings,
                                                         g_list_model_get_n_items (findings) - 1);

  return finding;
}

static void
test_guidance_and_tasks (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) checks = NULL;
  SsrStepRecord *record;
  SsrTerm *step;
  GListModel *tasks;
  guint n_ticked = 0;

  fixture_open (&fixture, NULL, "consensus-building");
  step = ssr_framework_lookup (fixture.framework, "consensus-building");
  record = ssr_assessment_find_step_record (fixture.document, "consensus-building");
  g_assert_nonnull (record);

  g_assert_nonnull (ssr_term_get_guidance (step));
  g_assert_nonnull (find_label (fixture.page, ssr_term_get_guidance (step)));
  g_assert_nonnull (find_label_containing (fixture.page, ssr_term_get_citation (step)));
  g_assert_nonnull (find_label (fixture.page, ssr_term_get_name (step)));
  g_assert_nonnull (find_label_containing (fixture.page,
                                           ssr_term_get_name (ssr_term_get_parent (step))));
  g_assert_nonnull (find_label_containing (fixture.page, "Step 2 of 10"));

  tasks = ssr_term_get_list (step, "tasks");
  checks = ssr_test_find_all (fixture.page, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, g_list_model_get_n_items (tasks));

  for (guint i = 0; i < checks->len; i++)
    {
      g_autoptr(SsrTerm) task = g_list_model_get_item (tasks, i);
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gboolean done = ssr_step_record_is_task_done (record, ssr_term_get_id (task));

      g_assert_cmpint (gtk_check_button_get_active (check), ==, done);
      n_ticked += done;
    }

  /* the example has some tasks of this step ticked, not all */
  g_assert_cmpuint (n_ticked, >, 0);
  g_assert_cmpuint (n_ticked, <, checks->len);

  ssr_test_page_close (&fixture);
}

static void
test_toolbox (void)
{
  Fixture fixture = { 0 };
  GListModel *toolbox;
  SsrTerm *step;

  fixture_open (&fixture, NULL, "conduct-assessment");
  step = ssr_framework_lookup (fixture.framework, "conduct-assessment");
  toolbox = ssr_term_get_list (step, "toolbox");
  g_assert_nonnull (toolbox);

  for (guint i = 0; i < g_list_model_get_n_items (toolbox); i++)
    {
      g_autoptr(SsrTerm) tool = g_list_model_get_item (toolbox, i);
      g_autoptr(GPtrArray) rows = ssr_test_find_all (fixture.page, ADW_TYPE_ACTION_ROW);
      gboolean shown = FALSE;

      for (guint j = 0; j < rows->len; j++)
        {
          AdwActionRow *row = g_ptr_array_index (rows, j);

          if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                         ssr_term_get_name (tool)) == 0)
            {
              g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, ssr_term_get_guidance (tool));
              shown = TRUE;
            }
        }
      g_assert_true (shown);
    }

  ssr_test_page_close (&fixture);
}

static void
test_toggle_task (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(SsrTerm) task = NULL;
  SsrHistory *history;
  SsrStepRecord *record;
  GtkCheckButton *check;
  const char *task_id;
  guint n_done;

  fixture_open (&fixture, NULL, "consensus-building");
  history = ssr_assessment_get_history (fixture.document);
  record = ssr_assessment_find_step_record (fixture.document, "consensus-building");
  task = g_list_model_get_item (ssr_term_get_list (ssr_framework_lookup (fixture.framework,
                                                                         "consensus-building"),
                                                   "tasks"),
                                0);
  task_id = ssr_term_get_id (task);
  checks = ssr_test_find_all (fixture.page, GTK_TYPE_CHECK_BUTTON);
  check = g_ptr_array_index (checks, 0);
  n_done = g_strv_length ((char **) ssr_step_record_get_tasks_done (record));

  g_assert_true (ssr_step_record_is_task_done (record, task_id));
  g_assert_true (gtk_check_button_get_active (check));

  /* untick, as a click does */
  gtk_check_button_set_active (check, FALSE);
  g_assert_false (ssr_step_record_is_task_done (record, task_id));
  g_assert_cmpuint (g_strv_length ((char **) ssr_step_record_get_tasks_done (record)), ==, n_done - 1);
  g_assert_true (ssr_history_get_can_undo (history));

  g_assert_true (ssr_history_undo (history));
  g_assert_true (ssr_step_record_is_task_done (record, task_id));
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_false (ssr_history_get_can_undo (history));

  g_assert_true (ssr_history_redo (history));
  g_assert_false (gtk_check_button_get_active (check));

  /* the action ticks it again */
  gtk_widget_activate_action (fixture.page, "step.toggle-task", "s", task_id);
  g_assert_true (ssr_step_record_is_task_done (record, task_id));
  g_assert_true (gtk_check_button_get_active (check));

  ssr_test_page_close (&fixture);
}

static void
test_status (void)
{
  Fixture fixture = { 0 };
  SsrHistory *history;
  SsrStepRecord *record;
  GtkWidget *done_button;
  GtkWidget *in_progress_button;

  fixture_open (&fixture, NULL, "consensus-building");
  history = ssr_assessment_get_history (fixture.document);
  record = ssr_assessment_find_step_record (fixture.document, "consensus-building");
  g_assert_cmpint (ssr_step_record_get_status (record), ==, SSR_STEP_IN_PROGRESS);

  done_button = ssr_test_find_button (fixture.page, "Done");
  in_progress_button = ssr_test_find_button (fixture.page, "In progress");
  g_assert_nonnull (done_button);
  g_assert_nonnull (in_progress_button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (in_progress_button)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (done_button)));

  g_signal_emit_by_name (done_button, "clicked");
  g_assert_cmpint (ssr_step_record_get_status (record), ==, SSR_STEP_DONE);
  WAIT_UNTIL (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (done_button)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (in_progress_button)));

  /* clicking the status already chosen changes nothing */
  g_signal_emit_by_name (done_button, "clicked");
  g_assert_true (ssr_history_undo (history));
  g_assert_false (ssr_history_get_can_undo (history));

  g_assert_cmpint (ssr_step_record_get_status (record), ==, SSR_STEP_IN_PROGRESS);
  WAIT_UNTIL (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (in_progress_button)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (done_button)));

  ssr_test_page_close (&fixture);
}

static void
test_quick_add (void)
{
  Fixture fixture = { 0 };
  SsrHistory *history;
  GListModel *findings;
  GListModel *shown;
  GtkWidget *entry;
  SsrFinding *finding;
  GtkWidget *kind_button;
  guint n_findings, n_shown;

  fixture_open (&fixture, NULL, "conduct-assessment");
  history = ssr_assessment_get_history (fixture.document);
  findings = ssr_assessment_get_findings (fixture.document);
  shown = findings_shown (fixture.page);
  entry = ssr_test_find_one (fixture.page, GTK_TYPE_ENTRY);
  kind_button = ssr_test_find_one (fixture.page, GTK_TYPE_MENU_BUTTON);
  n_findings = g_list_model_get_n_items (findings);
  n_shown = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_shown, <, n_findings);

  /* Ctrl+L puts the cursor in the field */
  press_shortcut (fixture.page, "<Control>l");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (fixture.window), entry));

  /* an empty field adds nothing */
  gtk_widget_activate_action (fixture.page, "step.add-finding", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n_findings);

  press_shortcut (fixture.page, "<Control>4");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (kind_button)), ==, "Threat");
  /* Ctrl+3 */
  gtk_widget_activate_action (fixture.page, "step.set-kind", "s", "opportunity");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (kind_button)), ==, "Opportunity");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Donors ready to fund a prison census  ");
  gtk_widget_activate_action (fixture.page, "step.add-finding", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n_findings + 1);
  finding = last_finding (fixture.document);
  g_assert_cmpint (ssr_finding_get_kind (finding), ==, SSR_FINDING_OPPORTUNITY);
  g_assert_cmpstr (ssr_finding_get_title (finding), ==, "Donors ready to fund a prison census");
  g_assert_cmpstr (ssr_finding_get_step (finding), ==, "conduct-assessment");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_shown + 1);
  g_assert_true (model_contains (shown, finding));
  WAIT_UNTIL (find_label (fixture.page, "Donors ready to fund a prison census") != NULL);

  /* Enter in the field adds the next one, of the same kind */
  gtk_editable_set_text (GTK_EDITABLE (entry), "A second opportunity");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n_findings + 2);
  g_assert_cmpint (ssr_finding_get_kind (last_finding (fixture.document)), ==, SSR_FINDING_OPPORTUNITY);

  g_assert_true (ssr_history_undo (history));
  g_assert_true (ssr_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n_findings);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_shown);
  WAIT_UNTIL (find_label (fixture.page, "Donors ready to fund a prison census") == NULL);

  ssr_test_page_close (&fixture);
}

static void
test_findings_follow_model (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrFinding) finding = NULL;
  g_autofree char *title = NULL;
  g_autofree char *delete_name = NULL;
  SsrHistory *history;
  GListModel *shown;
  guint n_shown;

  fixture_open (&fixture, NULL, "conduct-assessment");
  history = ssr_assessment_get_history (fixture.document);
  shown = findings_shown (fixture.page);
  n_shown = g_list_model_get_n_items (shown);
  finding = g_list_model_get_item (shown, 0);
  title = g_strdup (ssr_finding_get_title (finding));
  WAIT_UNTIL (find_label (fixture.page, title) != NULL);

  /* moved to another step elsewhere: it leaves this page */
  ssr_assessment_set (fixture.document, finding, "step", "strategy-design", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_shown - 1);
  g_assert_false (model_contains (shown, finding));
  g_assert_true (ssr_history_undo (history));
  g_assert_true (model_contains (shown, finding));

  /* a renamed finding shows its new title */
  ssr_assessment_set (fixture.document, finding, "title", "Renamed elsewhere", NULL);
  WAIT_UNTIL (find_label (fixture.page, "Renamed elsewhere") != NULL);
  g_assert_true (ssr_history_undo (history));
  WAIT_UNTIL (find_label (fixture.page, title) != NULL);

  /* deleted from here, undone from the header bar */
  gtk_widget_activate_action (fixture.page, "step.delete-finding", "s",
                              ssr_item_get_id (SSR_ITEM (finding)));
  g_assert_null (ssr_assessment_lookup (fixture.document, ssr_item_get_id (SSR_ITEM (finding))));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_shown - 1);
  g_assert_true (ssr_history_undo (history));
  g_assert_true (model_contains (shown, finding));
  WAIT_UNTIL (find_label (fixture.page, title) != NULL);

  ssr_test_page_close (&fixture);
}

static void
test_notes (void)
{
  Fixture fixture = { 0 };
  g_autofree char *old_notes = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *view;
  SsrHistory *history;
  SsrStepRecord *record;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  fixture_open (&fixture, NULL, "consensus-building");
  history = ssr_assessment_get_history (fixture.document);
  record = ssr_assessment_find_step_record (fixture.document, "consensus-building");
  old_notes = g_strdup (ssr_step_record_get_notes (record));
  view = ssr_test_find_one (fixture.page, GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, old_notes);

  /* typing is committed after a pause, as one step */
  gtk_text_buffer_insert (buffer, &end, " Next meeting", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " on Monday.", -1);
  g_assert_cmpstr (ssr_step_record_get_notes (record), ==, old_notes);
  WAIT_UNTIL (g_str_has_suffix (ssr_step_record_get_notes (record), "Next meeting on Monday."));

  g_assert_true (ssr_history_undo (history));
  g_assert_false (ssr_history_get_can_undo (history));
  g_assert_cmpstr (ssr_step_record_get_notes (record), ==, old_notes);
  g_clear_pointer (&shown, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, old_notes);

  /* leaving the page commits at once */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " Typed just before leaving.", -1);
  gtk_widget_set_visible (fixture.page, FALSE);
  g_assert_true (g_str_has_suffix (ssr_step_record_get_notes (record), "Typed just before leaving."));

  ssr_test_page_close (&fixture);
}

static void
test_first_edit_creates_record (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(SsrTerm) task = NULL;
  SsrStepRecord *record;
  SsrHistory *history;
  GListModel *steps;
  GtkCheckButton *check;

  fixture_open (&fixture, ssr_assessment_new (), "strategy-design");
  history = ssr_assessment_get_history (fixture.document);
  steps = ssr_assessment_get_steps (fixture.document);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 0);

  /* choosing "not started" again is no edit */
  gtk_widget_activate_action (fixture.page, "step.status", "s", "not-started");
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 0);
  g_assert_false (ssr_history_get_can_undo (history));

  task = g_list_model_get_item (ssr_term_get_list (ssr_framework_lookup (fixture.framework,
                                                                         "strategy-design"),
                                                   "tasks"),
                                1);
  checks = ssr_test_find_all (fixture.page, GTK_TYPE_CHECK_BUTTON);
  check = g_ptr_array_index (checks, 1);
  gtk_check_button_set_active (check, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 1);
  record = ssr_assessment_find_step_record (fixture.document, "strategy-design");
  g_assert_nonnull (record);
  g_assert_true (ssr_step_record_is_task_done (record, ssr_term_get_id (task)));
  g_assert_cmpuint (g_strv_length ((char **) ssr_step_record_get_tasks_done (record)), ==, 1);

  /* one undo removes the record and the tick together */
  g_assert_true (ssr_history_undo (history));
  g_assert_false (ssr_history_get_can_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 0);
  g_assert_false (gtk_check_button_get_active (check));

  /* the same for the status */
  gtk_widget_activate_action (fixture.page, "step.status", "s", "in-progress");
  record = ssr_assessment_find_step_record (fixture.document, "strategy-design");
  g_assert_nonnull (record);
  g_assert_cmpint (ssr_step_record_get_status (record), ==, SSR_STEP_IN_PROGRESS);
  g_assert_true (ssr_history_undo (history));
  g_assert_null (ssr_assessment_find_step_record (fixture.document, "strategy-design"));
  g_assert_false (ssr_history_get_can_undo (history));

  ssr_test_page_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/step-page/guidance-and-tasks", test_guidance_and_tasks);
  g_test_add_func ("/ui/step-page/toolbox", test_toolbox);
  g_test_add_func ("/ui/step-page/toggle-task", test_toggle_task);
  g_test_add_func ("/ui/step-page/status", test_status);
  g_test_add_func ("/ui/step-page/quick-add", test_quick_add);
  g_test_add_func ("/ui/step-page/findings-follow-model", test_findings_follow_model);
  g_test_add_func ("/ui/step-page/notes", test_notes);
  g_test_add_func ("/ui/step-page/first-edit-creates-record", test_first_edit_creates_record);

  return g_test_run ();
}
