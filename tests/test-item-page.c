/* test-item-page.c: the item pages, driven through their widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-core-enums.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-indicator.h"
#include "ssr-item-fields.h"
#include "ssr-item-form.h"
#include "ssr-item-page.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-team-member.h"
#include "ssr-term-combo-row.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"

#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 5)

typedef SsrTestPage Fixture;

/* Shows the page for @item_type of @document (the worked example when
 * NULL) in a window. */
static void
fixture_open (Fixture       *fixture,
              SsrAssessment *document,
              GType          item_type)
{
  GtkWidget *page;

  ssr_test_page_load (fixture, document);
  page = ssr_item_page_new (fixture->document, fixture->framework, item_type);
  g_assert_true (ssr_item_page_get_item_type (SSR_ITEM_PAGE (page)) == item_type);
  ssr_test_page_show (fixture, page, 1200, 760);
}

static SsrHistory *
history_of (Fixture *fixture)
{
  return ssr_assessment_get_history (fixture->document);
}

static GListModel *
rows_of (Fixture *fixture)
{
  GtkWidget *column_view = ssr_test_find_one (fixture->page, GTK_TYPE_COLUMN_VIEW);

  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (rows_of (fixture));
}

static SsrItemForm *
form_of (Fixture *fixture)
{
  return SSR_ITEM_FORM (ssr_test_find_one (fixture->page, SSR_TYPE_ITEM_FORM));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkDropDown *
filter_of (Fixture *fixture)
{
  GtkWidget *filter = ssr_test_find_passing (fixture->page, GTK_TYPE_DROP_DOWN, is_named, "filter");

  g_assert_nonnull (filter);

  return GTK_DROP_DOWN (filter);
}

/* Drop-downs have search entries of their own, in popovers. */
static gboolean
is_outside_popover (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

/* The search entry of the list. */
static GtkWidget *
search_entry_of (Fixture *fixture)
{
  GtkWidget *entry = ssr_test_find_passing (fixture->page, GTK_TYPE_SEARCH_ENTRY,
                                            is_outside_popover, NULL);

  g_assert_nonnull (entry);

  return entry;
}

static gboolean
shows_list_states (GtkWidget     *stack,
                   gconstpointer  unused)
{
  return gtk_stack_get_child_by_name (GTK_STACK (stack), "empty") != NULL &&
         gtk_stack_get_child_by_name (GTK_STACK (stack), "no-results") != NULL;
}

/* The stack showing the list or an empty state. */
static GtkStack *
list_stack_of (Fixture *fixture)
{
  GtkWidget *stack = ssr_test_find_passing (fixture->page, GTK_TYPE_STACK, shows_list_states, NULL);

  g_assert_nonnull (stack);

  return GTK_STACK (stack);
}

static gboolean
label_text_is (GtkWidget     *label,
               gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0;
}

static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  return ssr_test_find_passing (widget, GTK_TYPE_LABEL, label_text_is, text) != NULL;
}

static char *
dup_string_property (gpointer    object,
                     const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);

  return value;
}

static const GType *
all_item_types (guint *n_types)
{
  static GType types[9];

  types[0] = SSR_TYPE_ACTOR;
  types[1] = SSR_TYPE_RELATION;
  types[2] = SSR_TYPE_ORGANISATION;
  types[3] = SSR_TYPE_MECHANISM;
  types[4] = SSR_TYPE_FINDING;
  types[5] = SSR_TYPE_PRIORITY;
  types[6] = SSR_TYPE_INDICATOR;
  types[7] = SSR_TYPE_PRINCIPLE_CHECK;
  types[8] = SSR_TYPE_TEAM_MEMBER;
  *n_types = G_N_ELEMENTS (types);

  return types;
}

/* The first field typed as text: a one-line entry or a note. */
static const SsrFieldInfo *
first_text_field (GType item_type)
{
  const SsrItemFields *fields = ssr_item_fields_lookup (item_type);

  for (guint i = 0; i < fields->n_fields; i++)
    {
      if (fields->fields[i].kind == SSR_FIELD_TEXT)
        return &fields->fields[i];
    }
  for (guint i = 0; i < fields->n_fields; i++)
    {
      if (fields->fields[i].kind == SSR_FIELD_MULTILINE)
        return &fields->fields[i];
    }

  g_error ("%s has no text field", g_type_name (item_type));
}

static char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

/* Types into @widget as a person would and ends the edit: Enter in an
 * entry; in a note, the pause after typing. */
static void
type_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
      return;
    }

  gtk_widget_grab_focus (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  /* Enter in the entry */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (widget)), "activate");
}

/* For every item type: the rows, adding with undo and redo, a text edit
 * through the form with undo. */
static void
test_every_type (void)
{
  guint n_types;
  const GType *types = all_item_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      Fixture fixture = { 0 };
      GListModel *collection;
      const SsrFieldInfo *text_field;
      guint n_items;
      SsrItem *added;
      SsrItem *item;
      GtkWidget *widget;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *typed = NULL;

      fixture_open (&fixture, NULL, types[t]);
      g_test_message ("item type %s", g_type_name (types[t]));

      collection = ssr_assessment_get_collection (fixture.document, types[t]);
      n_items = g_list_model_get_n_items (collection);
      g_assert_cmpuint (n_items, >, 0);
      g_assert_cmpuint (n_rows (&fixture), ==, n_items);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack_of (&fixture)), ==, "list");

      /* add, undo, redo */
      gtk_widget_activate_action (fixture.page, "items.add", NULL);
      g_assert_cmpuint (g_list_model_get_n_items (collection), ==, n_items + 1);
      g_assert_cmpuint (n_rows (&fixture), ==, n_items + 1);
      added = ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page));
      g_assert_nonnull (added);
      g_assert_true (ssr_assessment_lookup (fixture.document, ssr_item_get_id (added)) == added);
      g_assert_true (ssr_item_form_get_item (form_of (&fixture)) == added);

      g_assert_true (ssr_history_undo (history_of (&fixture)));
      g_assert_cmpuint (g_list_model_get_n_items (collection), ==, n_items);
      g_assert_cmpuint (n_rows (&fixture), ==, n_items);
      g_assert_true (ssr_history_redo (history_of (&fixture)));
      g_assert_cmpuint (g_list_model_get_n_items (collection), ==, n_items + 1);
      g_assert_cmpuint (n_rows (&fixture), ==, n_items + 1);

      /* a text field, edited through its widget */
      item = g_list_model_get_item (collection, 0);
      ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), item);
      g_assert_true (ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page)) == item);

      text_field = first_text_field (types[t]);
      widget = ssr_item_form_get_field_widget (form_of (&fixture), text_field->property);
      g_assert_nonnull (widget);

      before = dup_string_property (item, text_field->property);
      shown = widget_text (widget);
      g_assert_cmpstr (shown, ==, before != NULL ? before : "");

      typed = g_strdup_printf ("%s (edited)", before != NULL ? before : "");
      type_text (widget, typed);
      WAIT_UNTIL (ssr_history_get_can_undo (history_of (&fixture)) &&
                  g_strcmp0 (ssr_history_get_undo_label (history_of (&fixture)), "Edit") == 0);
      after = dup_string_property (item, text_field->property);
      g_assert_cmpstr (after, ==, typed);

      g_assert_true (ssr_history_undo (history_of (&fixture)));
      g_clear_pointer (&after, g_free);
      after = dup_string_property (item, text_field->property);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&shown, g_free);
      shown = widget_text (widget);
      g_assert_cmpstr (shown, ==, before != NULL ? before : "");

      g_object_unref (item);
      ssr_test_page_close (&fixture);
    }
}

static SsrActor *
actor_with_most_relations (SsrAssessment *document,
                           guint         *n_relations)
{
  GListModel *actors = ssr_assessment_get_actors (document);
  GListModel *relations = ssr_assessment_get_relations (document);
  SsrActor *best = NULL;

  *n_relations = 0;
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *id = ssr_item_get_id (SSR_ITEM (actor));
      guint count = 0;

      for (guint j = 0; j < g_list_model_get_n_items (relations); j++)
        {
          g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, j);

          if (g_strcmp0 (ssr_relation_get_source (relation), id) == 0 ||
              g_strcmp0 (ssr_relation_get_target (relation), id) == 0)
            count++;
        }

      if (count > *n_relations)
        {
          *n_relations = count;
          best = actor;
        }
    }

  return best;
}

static void
test_delete_actor (void)
{
  Fixture fixture = { 0 };
  GListModel *actors;
  GListModel *relations;
  SsrActor *actor;
  guint n_actors, n_relations, n_linked;
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;

  fixture_open (&fixture, NULL, SSR_TYPE_ACTOR);
  actors = ssr_assessment_get_actors (fixture.document);
  relations = ssr_assessment_get_relations (fixture.document);
  n_actors = g_list_model_get_n_items (actors);
  n_relations = g_list_model_get_n_items (relations);

  actor = actor_with_most_relations (fixture.document, &n_linked);
  g_assert_nonnull (actor);
  g_assert_cmpuint (n_linked, >, 1);

  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), SSR_ITEM (actor));
  g_object_ref (actor);
  gtk_widget_activate_action (fixture.page, "items.delete", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors - 1);
  g_assert_cmpuint (n_rows (&fixture), ==, n_actors - 1);
  g_assert_false (g_list_store_find (G_LIST_STORE (actors), actor, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, n_relations - n_linked);
  g_assert_null (ssr_assessment_lookup (fixture.document, ssr_item_get_id (SSR_ITEM (actor))));
  g_assert_false (ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page)) == SSR_ITEM (actor));

  /* one undo brings back the actor and all its relations */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, n_relations);
  g_assert_cmpuint (n_rows (&fixture), ==, n_actors);
  g_assert_true (ssr_assessment_lookup (fixture.document, ssr_item_get_id (SSR_ITEM (actor))) == SSR_ITEM (actor));

  /* what the toast says */
  message = ssr_item_fields_format_deleted (ssr_item_fields_lookup (SSR_TYPE_ACTOR),
                                            ssr_actor_get_name (actor), n_linked, 0);
  count = g_strdup_printf ("with %u relations", n_linked);
  g_assert_nonnull (strstr (message, ssr_actor_get_name (actor)));
  g_assert_nonnull (strstr (message, count));

  g_object_unref (actor);
  ssr_test_page_close (&fixture);
}

/* Whether an item of a list passes a test of this file. */
typedef gboolean (*ItemTest) (gpointer item,
                              gpointer data);

/* How many items of @model pass @test. */
static guint
count_passing (GListModel *model,
               ItemTest    test,
               gpointer    data)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (test (item, data))
        n++;
    }

  return n;
}

/* Every row the page shows passes @test. */
static void
assert_rows_pass (Fixture  *fixture,
                  ItemTest  test,
                  gpointer  data)
{
  g_assert_cmpuint (count_passing (rows_of (fixture), test, data), ==, n_rows (fixture));
}

/* The search text of an actor, computed here from the model. */
static gboolean
actor_matches (SsrActor     *actor,
               SsrFramework *framework,
               const char   *query)
{
  const char *parts[] = {
    ssr_actor_get_name (actor),
    ssr_actor_get_description (actor),
    ssr_actor_get_evidence (actor),
    ssr_actor_get_category (actor) ? ssr_framework_get_term_name (framework, ssr_actor_get_category (actor)) : NULL,
    ssr_actor_get_kind (actor) ? ssr_framework_get_term_name (framework, ssr_actor_get_kind (actor)) : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *folded = parts[i] != NULL ? g_utf8_casefold (parts[i], -1) : NULL;

      if (folded != NULL && strstr (folded, query) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
actor_matches_police (gpointer actor,
                      gpointer framework)
{
  return actor_matches (actor, framework, "police");
}

static void
test_search (void)
{
  Fixture fixture = { 0 };
  GtkWidget *search;
  GListModel *actors;
  guint n_actors, n_expected;

  fixture_open (&fixture, NULL, SSR_TYPE_ACTOR);
  actors = ssr_assessment_get_actors (fixture.document);
  n_actors = g_list_model_get_n_items (actors);
  n_expected = count_passing (actors, actor_matches_police, fixture.framework);
  g_assert_cmpuint (n_expected, >, 0);
  g_assert_cmpuint (n_expected, <, n_actors);

  search = search_entry_of (&fixture);
  gtk_editable_set_text (GTK_EDITABLE (search), "Police");
  WAIT_UNTIL (n_rows (&fixture) < n_actors);
  g_assert_cmpuint (n_rows (&fixture), ==, n_expected);
  assert_rows_pass (&fixture, actor_matches_police, fixture.framework);

  /* a search that matches nothing */
  gtk_editable_set_text (GTK_EDITABLE (search), "zzzz-no-such-actor");
  WAIT_UNTIL (n_rows (&fixture) == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack_of (&fixture)), ==, "no-results");

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  WAIT_UNTIL (n_rows (&fixture) == n_actors);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack_of (&fixture)), ==, "list");

  ssr_test_page_close (&fixture);
}

static gboolean
finding_is_weakness (gpointer finding,
                     gpointer unused)
{
  return ssr_finding_get_kind (finding) == SSR_FINDING_WEAKNESS;
}

static void
test_filter_findings (void)
{
  Fixture fixture = { 0 };
  GListModel *findings;
  GtkDropDown *filter;
  guint n_findings, n_weaknesses;

  fixture_open (&fixture, NULL, SSR_TYPE_FINDING);
  findings = ssr_assessment_get_findings (fixture.document);
  n_findings = g_list_model_get_n_items (findings);
  n_weaknesses = count_passing (findings, finding_is_weakness, NULL);
  g_assert_cmpuint (n_weaknesses, >, 0);
  g_assert_cmpuint (n_weaknesses, <, n_findings);

  /* "All kinds", then the kinds in the enum's order */
  filter = filter_of (&fixture);
  gtk_drop_down_set_selected (filter, 1 + SSR_FINDING_WEAKNESS);
  g_assert_cmpuint (n_rows (&fixture), ==, n_weaknesses);
  assert_rows_pass (&fixture, finding_is_weakness, NULL);

  /* a finding added now is of the kind filtered */
  gtk_widget_activate_action (fixture.page, "items.add", NULL);
  g_assert_cmpuint (n_rows (&fixture), ==, n_weaknesses + 1);
  g_assert_cmpint (ssr_finding_get_kind (SSR_FINDING (ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page)))),
                   ==, SSR_FINDING_WEAKNESS);

  gtk_drop_down_set_selected (filter, 0);
  g_assert_cmpuint (n_rows (&fixture), ==, n_findings + 1);

  ssr_test_page_close (&fixture);
}

static gboolean
actor_in_category (gpointer actor,
                   gpointer category)
{
  return g_strcmp0 (ssr_actor_get_category (actor), ssr_term_get_id (category)) == 0;
}

static void
test_filter_actors (void)
{
  Fixture fixture = { 0 };
  GListModel *actors;
  GListModel *categories;
  GtkDropDown *filter;
  g_autoptr(SsrTerm) category = NULL;
  guint n_in_category;
  SsrActor *added;

  fixture_open (&fixture, NULL, SSR_TYPE_ACTOR);
  actors = ssr_assessment_get_actors (fixture.document);
  categories = ssr_framework_get_list (fixture.framework, "actor-categories");
  category = g_list_model_get_item (categories, 1);
  n_in_category = count_passing (actors, actor_in_category, category);
  g_assert_cmpuint (n_in_category, >, 0);

  filter = filter_of (&fixture);
  gtk_drop_down_set_selected (filter, 2);
  g_assert_cmpuint (n_rows (&fixture), ==, n_in_category);
  assert_rows_pass (&fixture, actor_in_category, category);

  /* "New actor" goes into the category filtered */
  gtk_widget_activate_action (fixture.page, "items.add", NULL);
  added = SSR_ACTOR (ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page)));
  g_assert_cmpstr (ssr_actor_get_name (added), ==, "New actor");
  g_assert_cmpstr (ssr_actor_get_category (added), ==, ssr_term_get_id (category));
  g_assert_cmpuint (n_rows (&fixture), ==, n_in_category + 1);

  ssr_test_page_close (&fixture);
}

static guint
position_of (GListModel *model,
             gpointer    item)
{
  guint position = G_MAXUINT;

  g_assert_true (g_list_store_find (G_LIST_STORE (model), item, &position));

  return position;
}

/* Whether the button of action @name can be pressed: it follows the
 * action's enabled state. */
static gboolean
has_action_name (GtkWidget     *button,
                 gconstpointer  name)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), name) == 0;
}

static gboolean
action_enabled (GtkWidget  *page,
                const char *name)
{
  GtkWidget *button = ssr_test_find_passing (page, GTK_TYPE_BUTTON, has_action_name, name);

  g_assert_nonnull (button);

  return gtk_widget_get_sensitive (button);
}

static void
test_priorities_move (void)
{
  Fixture fixture = { 0 };
  GListModel *priorities;
  g_autoptr(SsrItem) second = NULL;
  g_autoptr(SsrItem) first = NULL;
  guint n_priorities;

  fixture_open (&fixture, NULL, SSR_TYPE_PRIORITY);
  priorities = ssr_assessment_get_priorities (fixture.document);
  n_priorities = g_list_model_get_n_items (priorities);
  g_assert_cmpuint (n_priorities, >, 2);

  first = g_list_model_get_item (priorities, 0);
  second = g_list_model_get_item (priorities, 1);

  /* the rows follow the sequence */
  for (guint i = 0; i < n_priorities; i++)
    {
      g_autoptr(SsrItem) row = g_list_model_get_item (rows_of (&fixture), i);
      g_autoptr(SsrItem) item = g_list_model_get_item (priorities, i);

      g_assert_true (row == item);
    }

  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), second);
  gtk_widget_activate_action (fixture.page, "items.move-up", NULL);
  g_assert_cmpuint (position_of (priorities, second), ==, 0);
  g_assert_cmpuint (position_of (priorities, first), ==, 1);
  g_assert_true (ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page)) == second);
  {
    g_autoptr(SsrItem) top_row = g_list_model_get_item (rows_of (&fixture), 0);

    g_assert_true (top_row == second);
  }

  /* at the top, up does nothing */
  g_assert_false (action_enabled (fixture.page, "items.move-up"));
  g_assert_true (action_enabled (fixture.page, "items.move-down"));
  gtk_widget_activate_action (fixture.page, "items.move-up", NULL);
  g_assert_cmpuint (position_of (priorities, second), ==, 0);

  gtk_widget_activate_action (fixture.page, "items.move-down", NULL);
  gtk_widget_activate_action (fixture.page, "items.move-down", NULL);
  g_assert_cmpuint (position_of (priorities, second), ==, 2);
  g_assert_cmpuint (position_of (priorities, first), ==, 0);

  /* undo, step by step, restores the sequence */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpuint (position_of (priorities, first), ==, 0);
  g_assert_cmpuint (position_of (priorities, second), ==, 1);

  ssr_test_page_close (&fixture);

  /* other lists have no sequence to change */
  fixture_open (&fixture, NULL, SSR_TYPE_ACTOR);
  {
    GListModel *actors = ssr_assessment_get_actors (fixture.document);
    g_autoptr(SsrItem) actor = g_list_model_get_item (actors, 1);

    ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), actor);
    g_assert_false (action_enabled (fixture.page, "items.move-up"));
    g_assert_true (action_enabled (fixture.page, "items.delete"));
    gtk_widget_activate_action (fixture.page, "items.move-up", NULL);
    g_assert_cmpuint (position_of (actors, actor), ==, 1);
  }
  ssr_test_page_close (&fixture);
}

/* The labels an AdwComboRow offers. */
static GStrv
combo_labels (GtkWidget *row)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, gtk_string_object_get_string (label));
    }

  return g_strv_builder_end (builder);
}

static void
assert_kinds_of (GtkWidget    *kind_row,
                 SsrFramework *framework,
                 const char   *category_id)
{
  SsrTerm *category = ssr_framework_lookup_in (framework, "actor-categories", category_id);
  GListModel *kinds = ssr_term_get_list (category, "kinds");
  g_auto(GStrv) labels = combo_labels (kind_row);
  guint n_kinds = g_list_model_get_n_items (kinds);

  g_assert_cmpuint (n_kinds, >, 0);
  /* "None", then the kinds of the category */
  g_assert_cmpuint (g_strv_length (labels), >=, n_kinds + 1);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(SsrTerm) kind = g_list_model_get_item (kinds, i);

      g_assert_cmpstr (labels[i + 1], ==, ssr_term_get_name (kind));
    }
}

static void
test_actor_kinds (void)
{
  Fixture fixture = { 0 };
  GListModel *actors;
  GListModel *categories;
  g_autoptr(SsrActor) actor = NULL;
  g_autofree char *old_category = NULL;
  const char *new_category = NULL;
  GtkWidget *category_row, *kind_row;

  fixture_open (&fixture, NULL, SSR_TYPE_ACTOR);
  actors = ssr_assessment_get_actors (fixture.document);
  categories = ssr_framework_get_list (fixture.framework, "actor-categories");

  actor = g_list_model_get_item (actors, 0);
  old_category = g_strdup (ssr_actor_get_category (actor));
  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), SSR_ITEM (actor));

  category_row = ssr_item_form_get_field_widget (form_of (&fixture), "category");
  kind_row = ssr_item_form_get_field_widget (form_of (&fixture), "kind");
  g_assert_true (SSR_IS_TERM_COMBO_ROW (category_row));
  g_assert_true (SSR_IS_TERM_COMBO_ROW (kind_row));
  g_assert_cmpstr (ssr_term_combo_row_get_term_id (SSR_TERM_COMBO_ROW (kind_row)), ==,
                   ssr_actor_get_kind (actor));
  assert_kinds_of (kind_row, fixture.framework, old_category);

  for (guint i = 0; i < g_list_model_get_n_items (categories) && new_category == NULL; i++)
    {
      g_autoptr(SsrTerm) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (ssr_term_get_id (category), old_category) != 0)
        new_category = ssr_term_get_id (category);
    }
  g_assert_nonnull (new_category);

  /* choosing another category in the form edits the model and the kinds follow */
  ssr_term_combo_row_set_term_id (SSR_TERM_COMBO_ROW (category_row), new_category);
  g_assert_cmpstr (ssr_actor_get_category (actor), ==, new_category);
  assert_kinds_of (kind_row, fixture.framework, new_category);

  /* and back with undo */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpstr (ssr_actor_get_category (actor), ==, old_category);
  g_assert_cmpstr (ssr_term_combo_row_get_term_id (SSR_TERM_COMBO_ROW (category_row)), ==, old_category);
  assert_kinds_of (kind_row, fixture.framework, old_category);

  ssr_test_page_close (&fixture);
}

static void
test_ref_labels (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrRelation) relation = NULL;
  SsrItem *source;
  GtkWidget *drop_down;
  GObject *shown;

  fixture_open (&fixture, NULL, SSR_TYPE_RELATION);
  relation = g_list_model_get_item (ssr_assessment_get_relations (fixture.document), 0);
  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), SSR_ITEM (relation));

  source = ssr_assessment_lookup (fixture.document, ssr_relation_get_source (relation));
  g_assert_nonnull (source);

  drop_down = ssr_item_form_get_field_widget (form_of (&fixture), "source");
  g_assert_true (GTK_IS_DROP_DOWN (drop_down));
  shown = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));
  g_assert_true (shown == G_OBJECT (source));

  /* the drop-down and the list show the actor's name, never its id */
  WAIT_UNTIL (has_label_text (drop_down, ssr_item_get_label (source)));
  g_assert_false (has_label_text (drop_down, ssr_item_get_id (source)));
  WAIT_UNTIL (has_label_text (ssr_test_find_one (fixture.page, GTK_TYPE_COLUMN_VIEW),
                              ssr_item_get_label (source)));
  g_assert_false (has_label_text (fixture.page, ssr_relation_get_source (relation)));
  g_assert_false (has_label_text (fixture.page, ssr_relation_get_target (relation)));

  /* choosing another actor in the drop-down edits the relation */
  {
    GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
    guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));
    guint other = position + 1 < g_list_model_get_n_items (model) ? position + 1 : position - 1;
    g_autoptr(SsrItem) actor = g_list_model_get_item (model, other);
    g_autofree char *old_source = g_strdup (ssr_relation_get_source (relation));

    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), other);
    g_assert_cmpstr (ssr_relation_get_source (relation), ==, ssr_item_get_id (actor));
    g_assert_true (ssr_history_undo (history_of (&fixture)));
    g_assert_cmpstr (ssr_relation_get_source (relation), ==, old_source);
    g_assert_true (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down)) == G_OBJECT (source));
  }

  ssr_test_page_close (&fixture);
}

static void
test_empty_document (void)
{
  Fixture fixture = { 0 };

  fixture_open (&fixture, ssr_assessment_new (), SSR_TYPE_ACTOR);
  g_assert_cmpuint (n_rows (&fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack_of (&fixture)), ==, "empty");
  g_assert_null (ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page)));

  gtk_widget_activate_action (fixture.page, "items.add", NULL);
  g_assert_cmpuint (n_rows (&fixture), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack_of (&fixture)), ==, "list");
  g_assert_nonnull (ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page)));

  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack_of (&fixture)), ==, "empty");
  g_assert_null (ssr_item_page_get_selected (SSR_ITEM_PAGE (fixture.page)));

  ssr_test_page_close (&fixture);
}

/* Edits made elsewhere (another page, an undo) show in the form, and the
 * form pushes nothing back: one undo is enough to restore each. */
static void
assert_follows (Fixture    *fixture,
                SsrItem    *item,
                const char *property,
                GValue     *value)
{
  g_auto(GValue) before = G_VALUE_INIT;
  g_auto(GValue) after = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);

  g_value_init (&before, pspec->value_type);
  g_value_init (&after, pspec->value_type);
  g_object_get_property (G_OBJECT (item), property, &before);

  ssr_assessment_set_value (fixture->document, item, property, value);
  g_object_get_property (G_OBJECT (item), property, &after);
  g_assert_cmpint (g_param_values_cmp (pspec, &after, value), ==, 0);
  g_assert_cmpint (g_param_values_cmp (pspec, &after, &before), !=, 0);

  g_assert_true (ssr_history_undo (history_of (fixture)));
  g_value_reset (&after);
  g_object_get_property (G_OBJECT (item), property, &after);
  g_assert_cmpint (g_param_values_cmp (pspec, &after, &before), ==, 0);
  g_assert_true (ssr_history_redo (history_of (fixture)));
  g_assert_false (ssr_history_get_can_redo (history_of (fixture)));
}

static void
test_follows_model (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrActor) actor = NULL;
  g_autoptr(SsrIndicator) indicator = NULL;
  g_autoptr(SsrPriority) priority = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *widget;
  GVariantBuilder builder;

  fixture_open (&fixture, NULL, SSR_TYPE_ACTOR);
  actor = g_list_model_get_item (ssr_assessment_get_actors (fixture.document), 2);
  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), SSR_ITEM (actor));

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, ssr_actor_get_influence (actor) == 1 ? 2 : 1);
  assert_follows (&fixture, SSR_ITEM (actor), "influence", &value);
  widget = ssr_item_form_get_field_widget (form_of (&fixture), "influence");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget)), ==, g_value_get_int (&value));
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, !ssr_actor_get_sensitive (actor));
  assert_follows (&fixture, SSR_ITEM (actor), "sensitive", &value);
  widget = ssr_item_form_get_field_widget (form_of (&fixture), "sensitive");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (widget)) == g_value_get_boolean (&value));
  g_value_unset (&value);

  g_value_init (&value, SSR_TYPE_STANCE);
  g_value_set_enum (&value, ssr_actor_get_stance (actor) == SSR_STANCE_SPOILER ? SSR_STANCE_CHAMPION
                                                                               : SSR_STANCE_SPOILER);
  assert_follows (&fixture, SSR_ITEM (actor), "stance", &value);
  widget = ssr_item_form_get_field_widget (form_of (&fixture), "stance");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (widget)), ==, g_value_get_enum (&value));
  g_value_unset (&value);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  g_variant_builder_add (&builder, "{si}", "capacity", 5);
  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, g_variant_builder_end (&builder));
  assert_follows (&fixture, SSR_ITEM (actor), "ratings", &value);
  g_assert_cmpint (ssr_actor_get_rating (actor, "capacity"), ==, 5);
  g_value_unset (&value);

  ssr_test_page_close (&fixture);

  fixture_open (&fixture, NULL, SSR_TYPE_INDICATOR);
  indicator = g_list_model_get_item (ssr_assessment_get_indicators (fixture.document), 0);
  priority = g_list_model_get_item (ssr_assessment_get_priorities (fixture.document), 3);
  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), SSR_ITEM (indicator));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, ssr_item_get_id (SSR_ITEM (priority)));
  assert_follows (&fixture, SSR_ITEM (indicator), "priority", &value);
  widget = ssr_item_form_get_field_widget (form_of (&fixture), "priority");
  g_assert_true (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget)) == G_OBJECT (priority));
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 12.5);
  assert_follows (&fixture, SSR_ITEM (indicator), "baseline", &value);
  widget = ssr_item_form_get_field_widget (form_of (&fixture), "baseline");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 12.5);
  g_value_unset (&value);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sds)"));
  g_variant_builder_add (&builder, "(sds)", "2026-01-31", 70.0, "");
  g_variant_builder_add (&builder, "(sds)", "2026-02-28", 68.0, "after the pilot");
  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, g_variant_builder_end (&builder));
  assert_follows (&fixture, SSR_ITEM (indicator), "measurements", &value);
  widget = ssr_item_form_get_field_widget (form_of (&fixture), "measurements");
  g_assert_true (has_label_text (widget, "Measurements"));
  {
    g_autoptr(GPtrArray) entries = ssr_test_find_all (widget, GTK_TYPE_ENTRY);
    gboolean seen = FALSE;

    for (guint i = 0; i < entries->len; i++)
      seen |= g_strcmp0 (gtk_editable_get_text (g_ptr_array_index (entries, i)), "after the pilot") == 0;
    g_assert_true (seen);
  }
  g_value_unset (&value);

  ssr_test_page_close (&fixture);
}

static gboolean
tooltip_starts_with (GtkWidget     *widget,
                     gconstpointer  prefix)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return tooltip != NULL && g_str_has_prefix (tooltip, prefix);
}

/* The button whose tooltip starts with @tooltip_prefix. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip_prefix)
{
  GtkWidget *button = ssr_test_find_passing (widget, GTK_TYPE_BUTTON,
                                             tooltip_starts_with, tooltip_prefix);

  if (button == NULL)
    g_error ("no button “%s…”", tooltip_prefix);

  return button;
}

static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* The lists inside a form: references, terms, measurements, dates. */
static void
test_list_fields (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrFinding) finding = NULL;
  g_autoptr(SsrOrganisation) organisation = NULL;
  g_autoptr(SsrIndicator) indicator = NULL;
  GtkWidget *group;
  GtkWidget *drop_down;
  guint n_actors;

  /* a finding's actors: remove one, add one */
  fixture_open (&fixture, NULL, SSR_TYPE_FINDING);
  finding = g_list_model_get_item (ssr_assessment_get_findings (fixture.document), 0);
  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), SSR_ITEM (finding));
  n_actors = g_strv_length ((GStrv)ssr_finding_get_actors (finding));
  g_assert_cmpuint (n_actors, >, 1);

  group = ssr_item_form_get_field_widget (form_of (&fixture), "actors");
  {
    SsrItem *first = ssr_assessment_lookup (fixture.document, ssr_finding_get_actors (finding)[0]);

    g_assert_true (has_label_text (group, ssr_item_get_label (first)));
  }
  click (find_button (group, "Remove"));
  g_assert_cmpuint (g_strv_length ((GStrv)ssr_finding_get_actors (finding)), ==, n_actors - 1);
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpuint (g_strv_length ((GStrv)ssr_finding_get_actors (finding)), ==, n_actors);

  drop_down = GTK_WIDGET (ssr_test_find_one (group, GTK_TYPE_DROP_DOWN));
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down))); i++)
    {
      g_autoptr(SsrItem) actor = g_list_model_get_item (gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down)), i);

      if (!g_strv_contains (ssr_finding_get_actors (finding), ssr_item_get_id (actor)))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
          click (find_button (group, "Add to"));
          g_assert_cmpuint (g_strv_length ((GStrv)ssr_finding_get_actors (finding)), ==, n_actors + 1);
          g_assert_true (g_strv_contains (ssr_finding_get_actors (finding), ssr_item_get_id (actor)));
          g_assert_true (has_label_text (group, ssr_item_get_label (actor)));
          break;
        }
    }
  ssr_test_page_close (&fixture);

  /* an organisation's areas: a check box per area */
  fixture_open (&fixture, NULL, SSR_TYPE_ORGANISATION);
  organisation = g_list_model_get_item (ssr_assessment_get_organisations (fixture.document), 0);
  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), SSR_ITEM (organisation));
  group = ssr_item_form_get_field_widget (form_of (&fixture), "areas");
  {
    g_autoptr(GPtrArray) checks = ssr_test_find_all (group, GTK_TYPE_CHECK_BUTTON);
    guint n_areas = ssr_organisation_get_areas (organisation) != NULL
                    ? g_strv_length ((GStrv)ssr_organisation_get_areas (organisation)) : 0;
    guint n_checked = 0;
    GtkCheckButton *unchecked = NULL;

    g_assert_cmpuint (checks->len, ==,
                      g_list_model_get_n_items (ssr_framework_get_list (fixture.framework, "ssr-areas")));
    for (guint i = 0; i < checks->len; i++)
      {
        if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
          n_checked++;
        else
          unchecked = g_ptr_array_index (checks, i);
      }
    g_assert_cmpuint (n_checked, ==, n_areas);
    g_assert_nonnull (unchecked);

    gtk_check_button_set_active (unchecked, TRUE);
    g_assert_cmpuint (g_strv_length ((GStrv)ssr_organisation_get_areas (organisation)), ==, n_areas + 1);
    g_assert_true (ssr_history_undo (history_of (&fixture)));
    g_assert_false (gtk_check_button_get_active (unchecked));
  }
  ssr_test_page_close (&fixture);

  /* an indicator: add a measurement; a date that is not one is refused */
  fixture_open (&fixture, NULL, SSR_TYPE_INDICATOR);
  indicator = g_list_model_get_item (ssr_assessment_get_indicators (fixture.document), 0);
  ssr_item_page_select (SSR_ITEM_PAGE (fixture.page), SSR_ITEM (indicator));
  {
    g_autoptr(GVariant) before = g_variant_ref (ssr_indicator_get_measurements (indicator));
    g_autofree char *old_date = g_strdup (ssr_indicator_get_target_date (indicator));
    GtkWidget *date_row;

    group = ssr_item_form_get_field_widget (form_of (&fixture), "measurements");
    click (find_button (group, "Add measurement"));
    g_assert_cmpuint (g_variant_n_children (ssr_indicator_get_measurements (indicator)), ==,
                      g_variant_n_children (before) + 1);
    g_assert_true (ssr_history_undo (history_of (&fixture)));
    g_assert_true (g_variant_equal (ssr_indicator_get_measurements (indicator), before));

    date_row = ssr_item_form_get_field_widget (form_of (&fixture), "target-date");
    type_text (date_row, "2026-13-45");
    g_assert_cmpstr (ssr_indicator_get_target_date (indicator), ==, old_date);
    g_assert_true (gtk_widget_has_css_class (date_row, "error"));
    type_text (date_row, "2029-06-30");
    g_assert_cmpstr (ssr_indicator_get_target_date (indicator), ==, "2029-06-30");
    g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  }
  ssr_test_page_close (&fixture);
}

static void
assert_labelled (GtkWidget  *widget,
                 const char *label)
{
  g_autofree char *plain = NULL;
  char *error;

  plain = g_strdup (label);
  for (char *p = plain, *q = plain; ; p++)
    {
      if (*p != '_')
        *q++ = *p;
      if (*p == '\0')
        break;
    }

  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain);
  if (error != NULL)
    g_error ("%s “%s”: %s", G_OBJECT_TYPE_NAME (widget), plain, error);
}

/* A control at the end of a row is named by the row's title (libadwaita
 * points its labelled-by relation at it), and by nothing else: GTK 4.8
 * would read a label of its own and the title one after the other. */
static void
assert_named_by_row (GtkWidget  *widget,
                     const char *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, label);
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == widget);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_error ("%s “%s” is named twice", G_OBJECT_TYPE_NAME (widget), label);
}

/* Controls that are not rows of their own say what they are. */
static void
test_accessible_names (void)
{
  guint n_types;
  const GType *types = all_item_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      const SsrItemFields *fields = ssr_item_fields_lookup (types[t]);
      Fixture fixture = { 0 };

      fixture_open (&fixture, NULL, types[t]);

      for (guint i = 0; i < fields->n_fields; i++)
        {
          const SsrFieldInfo *field = &fields->fields[i];
          GtkWidget *widget = ssr_item_form_get_field_widget (form_of (&fixture), field->property);

          switch (field->kind)
            {
            case SSR_FIELD_MULTILINE:
              assert_labelled (widget, field->label);
              break;

            case SSR_FIELD_INT:
            case SSR_FIELD_DOUBLE:
            case SSR_FIELD_BOOLEAN:
              assert_named_by_row (widget, field->label);
              break;

            case SSR_FIELD_REF:
              assert_named_by_row (widget, field->label);
              /* the button inside, which has the focus, too */
              assert_labelled (ssr_test_find_one (widget, GTK_TYPE_TOGGLE_BUTTON), field->label);
              break;

            case SSR_FIELD_TEXT:
            case SSR_FIELD_DATE:
            case SSR_FIELD_TERM:
            case SSR_FIELD_ENUM:
              /* rows: their title names them */
              g_assert_true (ADW_IS_PREFERENCES_ROW (widget));
              g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), ==, field->label);
              break;

            case SSR_FIELD_REFS:
            case SSR_FIELD_TERMS:
            case SSR_FIELD_RATINGS:
            case SSR_FIELD_MEASUREMENTS:
            default:
              break;
            }
        }

      assert_labelled (ssr_test_find_one (fixture.page, GTK_TYPE_COLUMN_VIEW), fields->title);
      ssr_test_page_close (&fixture);
    }
}

static void
test_term_combo_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);
  GListModel *types;
  g_autoptr(SsrTerm) second = NULL;
  GtkWidget *row;
  g_auto(GStrv) labels = NULL;
  guint notified = 0;

  g_assert_no_error (error);
  types = ssr_framework_get_list (framework, "relation-types");
  second = g_list_model_get_item (types, 1);

  row = g_object_ref_sink (ssr_term_combo_row_new (framework, NULL, "relation-types", TRUE));
  g_signal_connect_swapped (row, "notify::term-id", G_CALLBACK (ssr_test_count_emission_cb), &notified);

  /* "None" first, selected while no term is chosen */
  g_assert_null (ssr_term_combo_row_get_term_id (SSR_TERM_COMBO_ROW (row)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  labels = combo_labels (row);
  g_assert_cmpuint (g_strv_length (labels), ==, g_list_model_get_n_items (types) + 1);
  g_assert_cmpstr (labels[2], ==, ssr_term_get_name (second));

  /* choosing in the list sets the id */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpstr (ssr_term_combo_row_get_term_id (SSR_TERM_COMBO_ROW (row)), ==, ssr_term_get_id (second));
  g_assert_cmpuint (notified, ==, 1);

  /* an id the framework does not know is kept and shown as itself */
  ssr_term_combo_row_set_term_id (SSR_TERM_COMBO_ROW (row), "no-such-type");
  g_assert_cmpstr (ssr_term_combo_row_get_term_id (SSR_TERM_COMBO_ROW (row)), ==, "no-such-type");
  g_assert_cmpuint (notified, ==, 2);
  g_clear_pointer (&labels, g_strfreev);
  labels = combo_labels (row);
  g_assert_cmpstr (labels[adw_combo_row_get_selected (ADW_COMBO_ROW (row))], ==, "no-such-type");

  ssr_term_combo_row_set_term_id (SSR_TERM_COMBO_ROW (row), NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_cmpuint (notified, ==, 3);

  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/term-combo-row/choices", test_term_combo_row);
  g_test_add_func ("/ui/item-page/every-type", test_every_type);
  g_test_add_func ("/ui/item-page/delete-actor", test_delete_actor);
  g_test_add_func ("/ui/item-page/search", test_search);
  g_test_add_func ("/ui/item-page/filter-findings", test_filter_findings);
  g_test_add_func ("/ui/item-page/filter-actors", test_filter_actors);
  g_test_add_func ("/ui/item-page/priorities-move", test_priorities_move);
  g_test_add_func ("/ui/item-page/actor-kinds", test_actor_kinds);
  g_test_add_func ("/ui/item-page/ref-labels", test_ref_labels);
  g_test_add_func ("/ui/item-page/empty-document", test_empty_document);
  g_test_add_func ("/ui/item-page/follows-model", test_follows_model);
  g_test_add_func ("/ui/item-page/list-fields", test_list_fields);
  g_test_add_func ("/ui/item-page/accessible-names", test_accessible_names);

  return g_test_run ();
}
