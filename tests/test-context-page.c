/* test-context-page.c: the context & team page, driven through its rows and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-context-page.h"
#include "ssr-framework.h"
#include "ssr-item.h"
#include "ssr-team-member.h"
#include "ssr-term-combo-row.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"

#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 5)

typedef SsrTestPage Fixture;

static void
fixture_open (Fixture *fixture)
{
  ssr_test_page_load (fixture, NULL);
  ssr_test_page_show (fixture, ssr_context_page_new (fixture->document, fixture->framework),
                      1000, 700);
}

static SsrHistory *
history_of (Fixture *fixture)
{
  return ssr_assessment_get_history (fixture->document);
}

/* Each team member is an expander row; nothing else on the page is one. */
static guint
count_team_rows (GtkWidget *widget)
{
  g_autoptr(GPtrArray) rows = ssr_test_find_all (widget, ADW_TYPE_EXPANDER_ROW);

  return rows->len;
}

static void
test_title (void)
{
  Fixture fixture = { 0 };
  g_autofree char *old_title = NULL;
  GtkWidget *row;

  fixture_open (&fixture);
  old_title = g_strdup (ssr_assessment_get_title (fixture.document));
  row = ssr_test_find_row (fixture.page, ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_title);

  /* typing alone changes nothing; applying commits */
  gtk_editable_set_text (GTK_EDITABLE (row), "Joint review of the Norvalian security sector");
  g_assert_cmpstr (ssr_assessment_get_title (fixture.document), ==, old_title);
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (ssr_assessment_get_title (fixture.document), ==,
                   "Joint review of the Norvalian security sector");

  /* applying again without a change is no second step */
  g_signal_emit_by_name (row, "apply");
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_false (ssr_history_get_can_undo (history_of (&fixture)));
  g_assert_cmpstr (ssr_assessment_get_title (fixture.document), ==, old_title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_title);

  g_assert_true (ssr_history_redo (history_of (&fixture)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "Joint review of the Norvalian security sector");

  ssr_test_page_close (&fixture);
}

static void
test_focus_out_commits (void)
{
  Fixture fixture = { 0 };
  GtkWidget *country_row;
  GtkWidget *title_row;

  fixture_open (&fixture);
  country_row = ssr_test_find_row (fixture.page, ADW_TYPE_ENTRY_ROW, "Country");
  title_row = ssr_test_find_row (fixture.page, ADW_TYPE_ENTRY_ROW, "Title");

  gtk_widget_grab_focus (country_row);
  gtk_editable_set_text (GTK_EDITABLE (country_row), "Norvalia");
  g_assert_cmpstr (ssr_assessment_get_country (fixture.document), ==, "Republic of Norvalia");
  gtk_widget_grab_focus (title_row);
  g_assert_cmpstr (ssr_assessment_get_country (fixture.document), ==, "Norvalia");

  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (country_row)), ==, "Republic of Norvalia");

  ssr_test_page_close (&fixture);
}

static void
test_leaving_commits (void)
{
  Fixture fixture = { 0 };
  GtkWidget *country_row;

  fixture_open (&fixture);
  country_row = ssr_test_find_row (fixture.page, ADW_TYPE_ENTRY_ROW, "Country");

  /* the window shows another page while the cursor is in the row */
  gtk_widget_grab_focus (country_row);
  gtk_editable_set_text (GTK_EDITABLE (country_row), "Norvalia");
  gtk_widget_set_visible (fixture.page, FALSE);
  g_assert_cmpstr (ssr_assessment_get_country (fixture.document), ==, "Norvalia");

  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_false (ssr_history_get_can_undo (history_of (&fixture)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (country_row)), ==, "Republic of Norvalia");

  ssr_test_page_close (&fixture);
}

static void
test_dates (void)
{
  Fixture fixture = { 0 };
  const char *refused[] = { "next week", "2026-13-01", "2026-02-30", "02.03.2026", "2026-3-2" };
  GtkWidget *row;

  fixture_open (&fixture);
  row = ssr_test_find_row (fixture.page, ADW_TYPE_ENTRY_ROW, "Start date (YYYY-MM-DD)");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-03-02");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), refused[i]);
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_nonnull (gtk_widget_get_tooltip_text (row));
      g_signal_emit_by_name (row, "apply");
      g_signal_emit_by_name (row, "entry-activated");
      g_assert_cmpstr (ssr_assessment_get_start_date (fixture.document), ==, "2026-03-02");
      g_assert_false (ssr_history_get_can_undo (history_of (&fixture)));
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "2026-04-01");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (ssr_assessment_get_start_date (fixture.document), ==, "2026-04-01");

  /* an empty field clears the date */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_signal_emit_by_name (row, "apply");
  g_assert_null (ssr_assessment_get_start_date (fixture.document));

  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpstr (ssr_assessment_get_start_date (fixture.document), ==, "2026-03-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-03-02");

  ssr_test_page_close (&fixture);
}

static void
test_model_changes_show (void)
{
  Fixture fixture = { 0 };
  SsrTermComboRow *context_type_row;
  GtkWidget *classification_row;

  fixture_open (&fixture);
  context_type_row = SSR_TERM_COMBO_ROW (ssr_test_find_row (fixture.page, SSR_TYPE_TERM_COMBO_ROW,
                                                            "Context type"));
  classification_row = ssr_test_find_row (fixture.page, ADW_TYPE_ENTRY_ROW, "Classification");
  g_assert_cmpstr (ssr_term_combo_row_get_term_id (context_type_row), ==, "post-conflict");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (classification_row)), ==, "RESTRICTED");

  /* choosing a type in the row edits the document */
  ssr_term_combo_row_set_term_id (context_type_row, "development");
  g_assert_cmpstr (ssr_assessment_get_context_type (fixture.document), ==, "development");
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpstr (ssr_term_combo_row_get_term_id (context_type_row), ==, "post-conflict");

  /* a suggested marking */
  gtk_widget_activate_action (fixture.page, "context.set-classification", "s", "CONFIDENTIAL");
  g_assert_cmpstr (ssr_assessment_get_classification (fixture.document), ==, "CONFIDENTIAL");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (classification_row)), ==, "CONFIDENTIAL");
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (classification_row)), ==, "RESTRICTED");

  ssr_test_page_close (&fixture);
}

static void
test_context_description (void)
{
  Fixture fixture = { 0 };
  g_autofree char *old_context = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  GtkWidget *view;

  fixture_open (&fixture);
  old_context = g_strdup (ssr_assessment_get_context (fixture.document));
  view = ssr_test_find_first (fixture.page, GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n\nElections are due in 2029.", -1);
  g_assert_cmpstr (ssr_assessment_get_context (fixture.document), ==, old_context);
  WAIT_UNTIL (g_str_has_suffix (ssr_assessment_get_context (fixture.document), "due in 2029."));

  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_false (ssr_history_get_can_undo (history_of (&fixture)));
  g_assert_cmpstr (ssr_assessment_get_context (fixture.document), ==, old_context);

  ssr_test_page_close (&fixture);
}

static void
test_team (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrTeamMember) removed = NULL;
  GListModel *team;
  SsrTeamMember *member;
  GtkWidget *member_row;
  GtkWidget *name_row;
  guint n_members;

  fixture_open (&fixture);
  team = ssr_assessment_get_team (fixture.document);
  n_members = g_list_model_get_n_items (team);
  g_assert_cmpuint (n_members, >, 0);
  g_assert_cmpuint (count_team_rows (fixture.page), ==, n_members);

  /* add: the new member opens for typing the name */
  gtk_widget_activate_action (fixture.page, "context.add-member", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, n_members + 1);
  g_assert_cmpuint (count_team_rows (fixture.page), ==, n_members + 1);
  member = g_list_model_get_item (team, n_members);
  g_object_unref (member);
  member_row = ssr_test_find_row (fixture.page, ADW_TYPE_EXPANDER_ROW, "Unnamed member");
  g_assert_nonnull (member_row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (member_row)));

  name_row = ssr_test_find_row (member_row, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Lt Col. Hana Okafor");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (ssr_team_member_get_name (member), ==, "Lt Col. Hana Okafor");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (member_row)), ==,
                   "Lt Col. Hana Okafor");

  /* the name edit, then the addition, undone */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (member_row)), ==,
                   "Unnamed member");
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_false (ssr_history_get_can_undo (history_of (&fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, n_members);
  g_assert_cmpuint (count_team_rows (fixture.page), ==, n_members);

  /* remove the first member; undo brings them back */
  removed = g_list_model_get_item (team, 0);
  g_assert_nonnull (ssr_test_find_row (fixture.page, ADW_TYPE_EXPANDER_ROW,
                                       ssr_team_member_get_name (removed)));
  gtk_widget_activate_action (fixture.page, "context.remove-member", "s",
                              ssr_item_get_id (SSR_ITEM (removed)));
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, n_members - 1);
  g_assert_cmpuint (count_team_rows (fixture.page), ==, n_members - 1);
  g_assert_null (ssr_test_find_row (fixture.page, ADW_TYPE_EXPANDER_ROW,
                                    ssr_team_member_get_name (removed)));

  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, n_members);
  g_assert_cmpuint (count_team_rows (fixture.page), ==, n_members);
  g_assert_nonnull (ssr_test_find_row (fixture.page, ADW_TYPE_EXPANDER_ROW,
                                       ssr_team_member_get_name (removed)));

  ssr_test_page_close (&fixture);
}

static void
test_undo_while_typing (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrTeamMember) member = NULL;
  GListModel *team;
  GtkWidget *member_row;
  GtkWidget *name_row;
  GtkWidget *focus;
  guint n_members;

  fixture_open (&fixture);
  team = ssr_assessment_get_team (fixture.document);
  n_members = g_list_model_get_n_items (team);

  /* the new member's name row has the focus; typing has not been committed */
  gtk_widget_activate_action (fixture.page, "context.add-member", NULL);
  member_row = ssr_test_find_row (fixture.page, ADW_TYPE_EXPANDER_ROW, "Unnamed member");
  name_row = ssr_test_find_row (member_row, ADW_TYPE_ENTRY_ROW, "Name");
  focus = gtk_window_get_focus (fixture.window);
  g_assert_true (focus == name_row || gtk_widget_is_ancestor (focus, name_row));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Half-typed");

  /* undoing the addition takes the row, and its focus, away: nothing is
   * committed to the member that left, and the addition can be redone */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, n_members);
  g_assert_false (ssr_history_get_can_undo (history_of (&fixture)));
  g_assert_true (ssr_history_get_can_redo (history_of (&fixture)));
  g_assert_true (ssr_history_redo (history_of (&fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, n_members + 1);
  member = g_list_model_get_item (team, n_members);
  g_assert_null (ssr_team_member_get_name (member));

  ssr_test_page_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/context-page/title", test_title);
  g_test_add_func ("/ui/context-page/focus-out-commits", test_focus_out_commits);
  g_test_add_func ("/ui/context-page/leaving-commits", test_leaving_commits);
  g_test_add_func ("/ui/context-page/dates", test_dates);
  g_test_add_func ("/ui/context-page/model-changes-show", test_model_changes_show);
  g_test_add_func ("/ui/context-page/context-description", test_context_description);
  g_test_add_func ("/ui/context-page/team", test_team);
  g_test_add_func ("/ui/context-page/undo-while-typing", test_undo_while_typing);

  return g_test_run ();
}
