/* test-assessment.c: tests of the document's edits, cascades and references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-assessment"

#include "config.h"

#include <string.h>

#include "ssr-assessment.h"
#include "ssr-assessment-private.h"
#include "ssr-actor.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-test-util.h"

/*
 * A small document: actors a, b, c; organisation o; relations a→b, c→a,
 * b→c; findings f1 (a, b) and f2 (c); mechanisms m1 (lead a; a, o, b),
 * m2 (lead o; a) and m3 (lead c; o); priorities p1 (f1, f2) and p2 (f2);
 * indicators i1 (p1) and i2 (p2).
 */
typedef struct
{
  SsrAssessment   *assessment;
  SsrHistory      *history;
  SsrActor        *a, *b, *c;
  SsrOrganisation *o;
  SsrRelation     *ab, *ca, *bc;
  SsrFinding      *f1, *f2;
  SsrMechanism    *m1, *m2, *m3;
  SsrPriority     *p1, *p2;
  SsrIndicator    *i1, *i2;
  guint            n_changed;
} Fixture;

#define ID(item) ssr_item_get_id (SSR_ITEM (item))

/* Appends a new item of @type, with the properties given, to the fixture's document. */
static gpointer
append_new (Fixture    *fixture,
            GType       type,
            const char *first_property,
            ...)
{
  GObject *item;
  va_list args;

  va_start (args, first_property);
  item = g_object_new_valist (type, first_property, args);
  va_end (args);

  return ssr_test_append (fixture->assessment, item);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->assessment = ssr_assessment_new ();
  fixture->history = ssr_assessment_get_history (fixture->assessment);

  fixture->a = append_new (fixture, SSR_TYPE_ACTOR, "name", "Police", NULL);
  fixture->b = append_new (fixture, SSR_TYPE_ACTOR, "name", "Parliament", NULL);
  fixture->c = append_new (fixture, SSR_TYPE_ACTOR, "name", "Ministry of Interior", NULL);
  fixture->o = append_new (fixture, SSR_TYPE_ORGANISATION, "name", "Donor", NULL);

  fixture->ab = append_new (fixture, SSR_TYPE_RELATION,
                            "source", ID (fixture->a), "target", ID (fixture->b), NULL);
  fixture->ca = append_new (fixture, SSR_TYPE_RELATION,
                            "source", ID (fixture->c), "target", ID (fixture->a), NULL);
  fixture->bc = append_new (fixture, SSR_TYPE_RELATION,
                            "source", ID (fixture->b), "target", ID (fixture->c), NULL);

  fixture->f1 = append_new (fixture, SSR_TYPE_FINDING, "title", "Weak oversight",
                            "actors", (const char *[]) { ID (fixture->a), ID (fixture->b), NULL },
                            NULL);
  fixture->f2 = append_new (fixture, SSR_TYPE_FINDING, "title", "No budget",
                            "actors", (const char *[]) { ID (fixture->c), NULL },
                            NULL);

  fixture->m1 = append_new (fixture, SSR_TYPE_MECHANISM, "lead", ID (fixture->a),
                            "members",
                            (const char *[]) { ID (fixture->a), ID (fixture->o), ID (fixture->b), NULL },
                            NULL);
  fixture->m2 = append_new (fixture, SSR_TYPE_MECHANISM, "lead", ID (fixture->o),
                            "members", (const char *[]) { ID (fixture->a), NULL },
                            NULL);
  fixture->m3 = append_new (fixture, SSR_TYPE_MECHANISM, "lead", ID (fixture->c),
                            "members", (const char *[]) { ID (fixture->o), NULL },
                            NULL);

  fixture->p1 = append_new (fixture, SSR_TYPE_PRIORITY, "objective", "Oversight",
                            "findings",
                            (const char *[]) { ID (fixture->f1), ID (fixture->f2), NULL },
                            NULL);
  fixture->p2 = append_new (fixture, SSR_TYPE_PRIORITY, "objective", "Budget",
                            "findings", (const char *[]) { ID (fixture->f2), NULL },
                            NULL);

  fixture->i1 = append_new (fixture, SSR_TYPE_INDICATOR, "priority", ID (fixture->p1), NULL);
  fixture->i2 = append_new (fixture, SSR_TYPE_INDICATOR, "priority", ID (fixture->p2), NULL);

  g_signal_connect_swapped (fixture->assessment, "changed",
                            G_CALLBACK (ssr_test_count_emission_cb), &fixture->n_changed);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->assessment);
}

/* Every readable property of @object, in a stable text form. */
static void
snapshot_object (GString *snapshot,
                 GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_string_append (snapshot, G_OBJECT_TYPE_NAME (object));

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *contents = NULL;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0 ||
          g_type_is_a (pspecs[i]->value_type, G_TYPE_OBJECT))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      contents = g_strdup_value_contents (&value);
      g_string_append_printf (snapshot, " %s=%s", pspecs[i]->name, contents);
    }

  g_string_append_c (snapshot, '\n');
}

/* The whole document, meta and every item of every collection in order. */
static char *
snapshot (SsrAssessment *assessment)
{
  GListModel *collections[] = {
    ssr_assessment_get_team (assessment),
    ssr_assessment_get_steps (assessment),
    ssr_assessment_get_actors (assessment),
    ssr_assessment_get_relations (assessment),
    ssr_assessment_get_organisations (assessment),
    ssr_assessment_get_mechanisms (assessment),
    ssr_assessment_get_findings (assessment),
    ssr_assessment_get_priorities (assessment),
    ssr_assessment_get_indicators (assessment),
    ssr_assessment_get_principles (assessment),
  };
  GString *text = g_string_new (NULL);

  snapshot_object (text, G_OBJECT (assessment));

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (collections[c]); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (collections[c], i);

          snapshot_object (text, item);
        }
    }

  return g_string_free (text, FALSE);
}

/* The ids of a list property, joined with commas. */
static char *
get_ids (gpointer    item,
         const char *property)
{
  g_auto(GStrv) ids = NULL;

  g_object_get (item, property, &ids, NULL);

  return ids != NULL ? g_strjoinv (",", ids) : g_strdup ("");
}

#define assert_ids(item, property, ...)                                     \
  G_STMT_START {                                                            \
    const char *__expected[] = { __VA_ARGS__ };                             \
    g_autofree char *__actual = get_ids ((item), (property));               \
    g_autofree char *__joined = g_strjoinv (",", (char **)__expected);      \
    g_assert_cmpstr (__actual, ==, __joined);                               \
  } G_STMT_END

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  return g_list_store_find (G_LIST_STORE (model), item, NULL);
}

/* Tests */

static void
test_add_undo_redo (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *actors = ssr_assessment_get_actors (fixture->assessment);
  g_autoptr(SsrActor) added = ssr_actor_new (NULL);
  g_autofree char *id = g_strdup (ID (added));

  ssr_assessment_add_item (fixture->assessment, SSR_ITEM (added));
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 4);
  g_assert_true (ssr_test_peek_item (actors, 3) == (gpointer)added);
  g_assert_true (ssr_assessment_lookup (fixture->assessment, id) == SSR_ITEM (added));
  g_assert_cmpstr (ssr_history_get_undo_label (fixture->history), ==, "Add Actor");
  g_assert_true (ssr_history_get_modified (fixture->history));

  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 3);
  g_assert_null (ssr_assessment_lookup (fixture->assessment, id));
  g_assert_false (ssr_history_get_modified (fixture->history));

  g_assert_true (ssr_history_redo (fixture->history));
  g_assert_true (ssr_test_peek_item (actors, 3) == (gpointer)added);
  g_assert_true (ssr_assessment_lookup (fixture->assessment, id) == SSR_ITEM (added));

  g_assert_cmpuint (fixture->n_changed, ==, 3);
}

static void
test_remove_undo_redo (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *relations = ssr_assessment_get_relations (fixture->assessment);
  g_autofree char *before = snapshot (fixture->assessment);
  g_autofree char *id = g_strdup (ID (fixture->ca));

  /* nothing refers to a relation */
  g_assert_cmpuint (ssr_assessment_remove_item (fixture->assessment, SSR_ITEM (fixture->ca)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 2);
  g_assert_null (ssr_assessment_lookup (fixture->assessment, id));
  g_assert_cmpstr (ssr_history_get_undo_label (fixture->history), ==, "Remove Relation");

  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_true (ssr_test_peek_item (relations, 1) == (gpointer)fixture->ca);
  g_assert_true (ssr_assessment_lookup (fixture->assessment, id) == SSR_ITEM (fixture->ca));
  {
    g_autofree char *after = snapshot (fixture->assessment);

    g_assert_cmpstr (after, ==, before);
  }

  g_assert_true (ssr_history_redo (fixture->history));
  g_assert_false (model_contains (relations, fixture->ca));
  g_assert_null (ssr_assessment_lookup (fixture->assessment, id));
}

static void
test_move_undo_redo (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *priorities = ssr_assessment_get_priorities (fixture->assessment);
  g_autoptr(SsrPriority) p3 = ssr_priority_new (NULL);

  ssr_assessment_add_item (fixture->assessment, SSR_ITEM (p3));

  ssr_assessment_move_item (fixture->assessment, SSR_ITEM (p3), 0);
  g_assert_true (ssr_test_peek_item (priorities, 0) == (gpointer)p3);
  g_assert_true (ssr_test_peek_item (priorities, 1) == (gpointer)fixture->p1);
  g_assert_true (ssr_test_peek_item (priorities, 2) == (gpointer)fixture->p2);
  g_assert_cmpstr (ssr_history_get_undo_label (fixture->history), ==, "Reorder Priorities");

  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_true (ssr_test_peek_item (priorities, 0) == (gpointer)fixture->p1);
  g_assert_true (ssr_test_peek_item (priorities, 2) == (gpointer)p3);
  g_assert_cmpstr (ssr_history_get_undo_label (fixture->history), ==, "Add Priority");

  g_assert_true (ssr_history_redo (fixture->history));
  g_assert_true (ssr_test_peek_item (priorities, 0) == (gpointer)p3);

  /* moving an item where it is records nothing */
  ssr_assessment_move_item (fixture->assessment, SSR_ITEM (p3), 0);
  g_assert_cmpuint (fixture->n_changed, ==, 4);

  /* the moved items can still be looked up */
  g_assert_true (ssr_assessment_lookup (fixture->assessment, ID (p3)) == SSR_ITEM (p3));
  g_assert_true (ssr_assessment_lookup (fixture->assessment, ID (fixture->p2)) == SSR_ITEM (fixture->p2));
}

static void
test_set_undo_redo (Fixture       *fixture,
                    gconstpointer  data)
{
  ssr_assessment_set (fixture->assessment, fixture->a,
                      "name", "National Police",
                      "influence", 4,
                      "stance", SSR_STANCE_CHAMPION,
                      NULL);
  g_assert_cmpstr (ssr_actor_get_name (fixture->a), ==, "National Police");
  g_assert_cmpint (ssr_actor_get_influence (fixture->a), ==, 4);
  g_assert_cmpint (ssr_actor_get_stance (fixture->a), ==, SSR_STANCE_CHAMPION);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* one undo for the three properties */
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_cmpstr (ssr_actor_get_name (fixture->a), ==, "Police");
  g_assert_cmpint (ssr_actor_get_influence (fixture->a), ==, 0);
  g_assert_cmpint (ssr_actor_get_stance (fixture->a), ==, SSR_STANCE_UNKNOWN);
  g_assert_false (ssr_history_get_can_undo (fixture->history));

  g_assert_true (ssr_history_redo (fixture->history));
  g_assert_cmpstr (ssr_actor_get_name (fixture->a), ==, "National Police");
  g_assert_cmpint (ssr_actor_get_influence (fixture->a), ==, 4);

  /* the document's own properties */
  ssr_assessment_set (fixture->assessment, fixture->assessment,
                      "title", "Joint assessment",
                      NULL);
  g_assert_cmpstr (ssr_assessment_get_title (fixture->assessment), ==, "Joint assessment");
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_null (ssr_assessment_get_title (fixture->assessment));
  g_assert_true (ssr_history_redo (fixture->history));
  g_assert_cmpstr (ssr_assessment_get_title (fixture->assessment), ==, "Joint assessment");

  g_assert_cmpuint (fixture->n_changed, ==, 6);
}

static void
test_set_value (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;

  /* transformed to the property's type */
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, 3);
  ssr_assessment_set_value (fixture->assessment, fixture->a, "interest", &value);
  g_assert_cmpint (ssr_actor_get_interest (fixture->a), ==, 3);
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_cmpint (ssr_actor_get_interest (fixture->a), ==, 0);

  g_value_set_uint (&value, 0);
  ssr_assessment_set_value (fixture->assessment, fixture->a, "interest", &value);
  g_assert_true (ssr_history_get_can_redo (fixture->history));
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

static void
test_set_unchanged (Fixture       *fixture,
                    gconstpointer  data)
{
  /* a list with the same ids, in another array */
  g_auto(GStrv) actors = NULL;

  ssr_assessment_set (fixture->assessment, fixture->a, "name", "Renamed", NULL);
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  g_object_get (fixture->f1, "actors", &actors, NULL);
  ssr_assessment_set (fixture->assessment, fixture->a,
                      "name", "Police",
                      "influence", 0,
                      NULL);
  ssr_assessment_set (fixture->assessment, fixture->f1, "actors", actors, NULL);
  ssr_assessment_set (fixture->assessment, fixture->assessment,
                      "framework", ssr_assessment_get_framework (fixture->assessment),
                      NULL);

  /* nothing recorded: the redo stack is intact, nothing to undo */
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_false (ssr_history_get_can_undo (fixture->history));
  g_assert_cmpstr (ssr_history_get_redo_label (fixture->history), ==, "Edit");
  g_assert_false (ssr_history_get_modified (fixture->history));

  /* only the changed property is recorded */
  ssr_assessment_set (fixture->assessment, fixture->a,
                      "name", "Police",
                      "interest", 2,
                      NULL);
  g_assert_cmpint (ssr_actor_get_interest (fixture->a), ==, 2);
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_cmpint (ssr_actor_get_interest (fixture->a), ==, 0);
  g_assert_cmpstr (ssr_actor_get_name (fixture->a), ==, "Police");
}

static void
test_cascade_actor (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *relations = ssr_assessment_get_relations (fixture->assessment);
  g_autofree char *before = snapshot (fixture->assessment);
  g_autofree char *removed = NULL;
  g_autofree char *a_id = g_strdup (ID (fixture->a));
  g_autofree char *ab_id = g_strdup (ID (fixture->ab));
  g_autofree char *ca_id = g_strdup (ID (fixture->ca));

  /* two relations removed; f1, m1 and m2 mended */
  g_assert_cmpuint (ssr_assessment_remove_item (fixture->assessment, SSR_ITEM (fixture->a)), ==, 5);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  g_assert_null (ssr_assessment_lookup (fixture->assessment, a_id));
  g_assert_null (ssr_assessment_lookup (fixture->assessment, ab_id));
  g_assert_null (ssr_assessment_lookup (fixture->assessment, ca_id));
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, 1);
  g_assert_true (ssr_test_peek_item (relations, 0) == (gpointer)fixture->bc);

  assert_ids (fixture->f1, "actors", ID (fixture->b), NULL);
  assert_ids (fixture->f2, "actors", ID (fixture->c), NULL);
  assert_ids (fixture->m1, "members", ID (fixture->o), ID (fixture->b), NULL);
  g_assert_null (ssr_mechanism_get_lead (fixture->m1));
  assert_ids (fixture->m2, "members", NULL);
  g_assert_cmpstr (ssr_mechanism_get_lead (fixture->m2), ==, ID (fixture->o));
  g_assert_cmpstr (ssr_mechanism_get_lead (fixture->m3), ==, ID (fixture->c));
  g_assert_true (ssr_assessment_check_references (fixture->assessment, NULL));

  removed = snapshot (fixture->assessment);
  g_assert_cmpstr (ssr_history_get_undo_label (fixture->history), ==, "Remove Actor");

  /* one undo restores everything exactly */
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_false (ssr_history_get_can_undo (fixture->history));
  {
    g_autofree char *undone = snapshot (fixture->assessment);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (ssr_assessment_lookup (fixture->assessment, a_id) == SSR_ITEM (fixture->a));
  g_assert_true (ssr_assessment_lookup (fixture->assessment, ab_id) == SSR_ITEM (fixture->ab));
  g_assert_true (ssr_assessment_lookup (fixture->assessment, ca_id) == SSR_ITEM (fixture->ca));

  g_assert_true (ssr_history_redo (fixture->history));
  {
    g_autofree char *redone = snapshot (fixture->assessment);

    g_assert_cmpstr (redone, ==, removed);
  }
  g_assert_null (ssr_assessment_lookup (fixture->assessment, ab_id));
  g_assert_cmpuint (fixture->n_changed, ==, 3);
}

static void
test_cascade_organisation (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *before = snapshot (fixture->assessment);
  g_autofree char *undone = NULL;

  g_assert_cmpuint (ssr_assessment_remove_item (fixture->assessment, SSR_ITEM (fixture->o)), ==, 3);

  assert_ids (fixture->m1, "members", ID (fixture->a), ID (fixture->b), NULL);
  g_assert_cmpstr (ssr_mechanism_get_lead (fixture->m1), ==, ID (fixture->a));
  g_assert_null (ssr_mechanism_get_lead (fixture->m2));
  assert_ids (fixture->m2, "members", ID (fixture->a), NULL);
  assert_ids (fixture->m3, "members", NULL);
  g_assert_true (ssr_assessment_check_references (fixture->assessment, NULL));

  g_assert_true (ssr_history_undo (fixture->history));
  undone = snapshot (fixture->assessment);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_cascade_finding (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *before = snapshot (fixture->assessment);
  g_autofree char *undone = NULL;

  g_assert_cmpuint (ssr_assessment_remove_item (fixture->assessment, SSR_ITEM (fixture->f2)), ==, 2);

  assert_ids (fixture->p1, "findings", ID (fixture->f1), NULL);
  assert_ids (fixture->p2, "findings", NULL);
  g_assert_true (ssr_assessment_check_references (fixture->assessment, NULL));

  g_assert_true (ssr_history_undo (fixture->history));
  undone = snapshot (fixture->assessment);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_cascade_priority (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = snapshot (fixture->assessment);
  g_autofree char *undone = NULL;

  g_assert_cmpuint (ssr_assessment_remove_item (fixture->assessment, SSR_ITEM (fixture->p1)), ==, 1);

  g_assert_null (ssr_indicator_get_priority (fixture->i1));
  g_assert_cmpstr (ssr_indicator_get_priority (fixture->i2), ==, ID (fixture->p2));
  g_assert_true (ssr_assessment_check_references (fixture->assessment, NULL));

  g_assert_true (ssr_history_undo (fixture->history));
  undone = snapshot (fixture->assessment);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_lookup (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_true (ssr_assessment_lookup (fixture->assessment, ID (fixture->o)) == SSR_ITEM (fixture->o));
  g_assert_true (ssr_assessment_lookup (fixture->assessment, ID (fixture->i2)) == SSR_ITEM (fixture->i2));
  g_assert_null (ssr_assessment_lookup (fixture->assessment, "ac-0000000000000000"));

  g_assert_true (ssr_assessment_get_collection (fixture->assessment, SSR_TYPE_MECHANISM) ==
                 ssr_assessment_get_mechanisms (fixture->assessment));
  g_assert_true (ssr_assessment_get_collection (fixture->assessment, SSR_TYPE_PRIORITY) ==
                 ssr_assessment_get_priorities (fixture->assessment));
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_mechanisms (fixture->assessment)), ==, 3);
}

static void
test_append_duplicate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SsrActor) twin = ssr_actor_new (ID (fixture->a));
  g_autoptr(SsrOrganisation) other_kind = ssr_organisation_new (ID (fixture->a));
  g_autoptr(GError) error = NULL;

  g_assert_false (ssr_assessment_append (fixture->assessment, SSR_ITEM (twin), &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, ID (fixture->a)));
  g_clear_error (&error);

  /* ids are unique across collections */
  g_assert_false (ssr_assessment_append (fixture->assessment, SSR_ITEM (other_kind), &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_DUPLICATE_ID);

  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_actors (fixture->assessment)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_organisations (fixture->assessment)), ==, 1);
  g_assert_true (ssr_assessment_lookup (fixture->assessment, ID (fixture->a)) == SSR_ITEM (fixture->a));
}

#define MISSING_ID "ac-00000000deadbeef"

static void
assert_dangling (Fixture    *fixture,
                 gpointer    referrer,
                 const char *missing_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ssr_assessment_check_references (fixture->assessment, &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_DANGLING_REFERENCE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, ID (referrer)));
  g_assert_nonnull (strstr (error->message, missing_id));
}

static void
test_check_references (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssr_assessment_check_references (fixture->assessment, &error));
  g_assert_no_error (error);

  /* Each case breaks one reference, checks, and mends it again. */
  g_object_set (fixture->bc, "target", MISSING_ID, NULL);
  assert_dangling (fixture, fixture->bc, MISSING_ID);
  /* an id of the wrong kind of item is no better */
  g_object_set (fixture->bc, "target", ID (fixture->o), NULL);
  assert_dangling (fixture, fixture->bc, ID (fixture->o));
  g_object_set (fixture->bc, "target", ID (fixture->c), NULL);

  g_object_set (fixture->f2, "actors", (const char *[]) { ID (fixture->c), MISSING_ID, NULL }, NULL);
  assert_dangling (fixture, fixture->f2, MISSING_ID);
  g_object_set (fixture->f2, "actors", (const char *[]) { ID (fixture->c), NULL }, NULL);

  g_object_set (fixture->m3, "members", (const char *[]) { MISSING_ID, NULL }, NULL);
  assert_dangling (fixture, fixture->m3, MISSING_ID);
  g_object_set (fixture->m3, "members", (const char *[]) { ID (fixture->o), NULL }, NULL);

  g_object_set (fixture->m2, "lead", MISSING_ID, NULL);
  assert_dangling (fixture, fixture->m2, MISSING_ID);
  g_object_set (fixture->m2, "lead", ID (fixture->o), NULL);

  g_object_set (fixture->p2, "findings", (const char *[]) { ID (fixture->a), NULL }, NULL);
  assert_dangling (fixture, fixture->p2, ID (fixture->a));
  g_object_set (fixture->p2, "findings", (const char *[]) { ID (fixture->f2), NULL }, NULL);

  g_object_set (fixture->i2, "priority", MISSING_ID, NULL);
  assert_dangling (fixture, fixture->i2, MISSING_ID);
  g_object_set (fixture->i2, "priority", ID (fixture->p2), NULL);

  g_assert_true (ssr_assessment_check_references (fixture->assessment, &error));
  g_assert_no_error (error);
}

static void
test_check_references_sentence (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_object_set (fixture->ab, "source", MISSING_ID, NULL);
  g_assert_false (ssr_assessment_check_references (fixture->assessment, &error));

  expected = g_strdup_printf ("Relation %s refers to actor %s, which is not in the document",
                              ID (fixture->ab), MISSING_ID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_changed_once (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SsrActor) added = ssr_actor_new (NULL);

  ssr_assessment_add_item (fixture->assessment, SSR_ITEM (added));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  ssr_assessment_remove_item (fixture->assessment, SSR_ITEM (fixture->a));
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  ssr_assessment_set (fixture->assessment, fixture->b, "name", "Senate", "interest", 5, NULL);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  ssr_assessment_set (fixture->assessment, fixture->b, "name", "Senate", NULL);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  ssr_assessment_move_item (fixture->assessment, SSR_ITEM (fixture->c), 0);
  g_assert_cmpuint (fixture->n_changed, ==, 4);
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_cmpuint (fixture->n_changed, ==, 5);
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_true (ssr_history_undo (fixture->history));
  g_assert_cmpuint (fixture->n_changed, ==, 7);
  g_assert_true (ssr_history_redo (fixture->history));
  g_assert_cmpuint (fixture->n_changed, ==, 8);
}

static void
test_new_document (void)
{
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  SsrHistory *history = NULL;

  g_assert_cmpstr (ssr_assessment_get_framework (assessment), ==, SSR_DEFAULT_FRAMEWORK);
  g_object_get (assessment, "history", &history, NULL);
  g_assert_true (history == ssr_assessment_get_history (assessment));
  g_assert_false (ssr_history_get_modified (history));
  g_object_unref (history);
}

#define add_fixture_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* The reader's bulk append: one items-changed, ids registered, and on a
 * duplicate nothing appended at all. */
static void
test_append_all (void)
{
  g_autoptr(SsrAssessment) document = ssr_assessment_new ();
  g_autoptr(SsrActor) first = ssr_actor_new ("ac-0000000000000001");
  g_autoptr(SsrActor) second = ssr_actor_new ("ac-0000000000000002");
  g_autoptr(SsrActor) again = ssr_actor_new ("ac-0000000000000001");
  g_autoptr(SsrActor) third = ssr_actor_new ("ac-0000000000000003");
  SsrItem *batch[] = { SSR_ITEM (first), SSR_ITEM (second) };
  SsrItem *bad_batch[] = { SSR_ITEM (third), SSR_ITEM (again) };
  GListModel *actors = ssr_assessment_get_actors (document);
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect_swapped (actors, "items-changed", G_CALLBACK (ssr_test_count_emission_cb), &changes);

  g_assert_true (_ssr_assessment_append_all (document, SSR_TYPE_ACTOR, batch, G_N_ELEMENTS (batch), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 2);
  g_assert_true (ssr_assessment_lookup (document, "ac-0000000000000002") == SSR_ITEM (second));

  /* A batch holding an id already in the document is refused whole: the
   * new item before the duplicate is not appended and not registered. */
  g_assert_false (_ssr_assessment_append_all (document, SSR_TYPE_ACTOR, bad_batch, G_N_ELEMENTS (bad_batch), &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_DUPLICATE_ID);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 2);
  g_assert_null (ssr_assessment_lookup (document, "ac-0000000000000003"));
  g_assert_true (ssr_assessment_lookup (document, "ac-0000000000000001") == SSR_ITEM (first));

  g_signal_handlers_disconnect_by_func (actors, ssr_test_count_emission_cb, &changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/assessment/new", test_new_document);
  g_test_add_func ("/core/assessment/append-all", test_append_all);
  add_fixture_test ("/core/assessment/add", test_add_undo_redo);
  add_fixture_test ("/core/assessment/remove", test_remove_undo_redo);
  add_fixture_test ("/core/assessment/move", test_move_undo_redo);
  add_fixture_test ("/core/assessment/set", test_set_undo_redo);
  add_fixture_test ("/core/assessment/set-value", test_set_value);
  add_fixture_test ("/core/assessment/set-unchanged", test_set_unchanged);
  add_fixture_test ("/core/assessment/cascade/actor", test_cascade_actor);
  add_fixture_test ("/core/assessment/cascade/organisation", test_cascade_organisation);
  add_fixture_test ("/core/assessment/cascade/finding", test_cascade_finding);
  add_fixture_test ("/core/assessment/cascade/priority", test_cascade_priority);
  add_fixture_test ("/core/assessment/lookup", test_lookup);
  add_fixture_test ("/core/assessment/append-duplicate", test_append_duplicate);
  add_fixture_test ("/core/assessment/check-references", test_check_references);
  add_fixture_test ("/core/assessment/check-references-sentence", test_check_references_sentence);
  add_fixture_test ("/core/assessment/changed-once", test_changed_once);

  return g_test_run ();
}
