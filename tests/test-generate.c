/* test-generate.c: synthetic assessments (determinism, sizes, references)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-generate"

#include "config.h"

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-generate.h"
#include "ssr-indicator.h"
#include "ssr-item-private.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-step-record.h"
#include "ssr-team-member.h"

static const struct {
  GType     (*get_type) (void);
  const char *id_prefix;
} collections[] = {
  { ssr_team_member_get_type, "tm" },
  { ssr_step_record_get_type, "sr" },
  { ssr_actor_get_type, "ac" },
  { ssr_relation_get_type, "re" },
  { ssr_organisation_get_type, "or" },
  { ssr_mechanism_get_type, "me" },
  { ssr_finding_get_type, "fi" },
  { ssr_priority_get_type, "pr" },
  { ssr_indicator_get_type, "in" },
  { ssr_principle_check_get_type, "pc" },
};

static SsrFramework *
get_framework (void)
{
  g_autoptr(GError) error = NULL;
  SsrFramework *framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);

  g_assert_no_error (error);
  g_assert_nonnull (framework);

  return framework;
}

static SsrAssessment *
generate (guint   n_actors,
          guint   n_relations,
          guint32 seed)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  SsrAssessment *assessment = ssr_generate_assessment (framework, n_actors, n_relations, seed);

  g_assert_true (SSR_IS_ASSESSMENT (assessment));

  return assessment;
}

static GListModel *
get_collection (SsrAssessment *assessment,
                guint          index)
{
  return ssr_assessment_get_collection (assessment, collections[index].get_type ());
}

/* Every readable property of plain type has the same value in @a and @b. */
static void
assert_same_properties (GObject *a,
                        GObject *b)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  for (guint i = 0; i < n_pspecs; i++)
    {
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspecs[i]);
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE) || g_type_is_a (type, G_TYPE_OBJECT))
        continue;

      g_object_get_property (a, pspecs[i]->name, &value_a);
      g_object_get_property (b, pspecs[i]->name, &value_b);
      if (type == G_TYPE_STRV
          ? !_ssr_item_strv_equal (g_value_get_boxed (&value_a), g_value_get_boxed (&value_b))
          : g_param_values_cmp (pspecs[i], &value_a, &value_b) != 0)
        g_error ("%s.%s differs", G_OBJECT_TYPE_NAME (a), pspecs[i]->name);
    }
}

static void
test_same_seed (void)
{
  g_autoptr(SsrAssessment) first = generate (300, 900, 42);
  g_autoptr(SsrAssessment) second = generate (300, 900, 42);

  assert_same_properties (G_OBJECT (first), G_OBJECT (second));
  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    {
      GListModel *items_first = get_collection (first, i);
      GListModel *items_second = get_collection (second, i);
      guint n_items = g_list_model_get_n_items (items_first);

      g_assert_cmpuint (n_items, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (items_second), ==, n_items);
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(GObject) a = g_list_model_get_item (items_first, j);
          g_autoptr(GObject) b = g_list_model_get_item (items_second, j);

          assert_same_properties (a, b);
        }
    }
}

static void
test_different_seeds (void)
{
  g_autoptr(SsrAssessment) first = generate (50, 100, 1);
  g_autoptr(SsrAssessment) second = generate (50, 100, 2);
  GListModel *actors_first = ssr_assessment_get_actors (first);
  GListModel *actors_second = ssr_assessment_get_actors (second);
  guint n_same_names = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(SsrItem) a = g_list_model_get_item (actors_first, i);
      g_autoptr(SsrItem) b = g_list_model_get_item (actors_second, i);

      g_assert_cmpstr (ssr_item_get_id (a), !=, ssr_item_get_id (b));
      n_same_names += g_strcmp0 (ssr_item_get_label (a), ssr_item_get_label (b)) == 0;
    }
  g_assert_cmpuint (n_same_names, <, 50);
}

/* Exact counts, distinct ends, one relation per ordered pair, every reference resolved. */
static void
assert_graph (guint n_actors,
              guint n_relations)
{
  g_autoptr(SsrAssessment) assessment = generate (n_actors, n_relations, n_actors + n_relations);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *actors = ssr_assessment_get_actors (assessment);
  GListModel *relations = ssr_assessment_get_relations (assessment);

  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors);
  g_assert_cmpuint (g_list_model_get_n_items (relations), ==, n_relations);

  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      const char *source = ssr_relation_get_source (relation);
      const char *target = ssr_relation_get_target (relation);

      g_assert_cmpstr (source, !=, target);
      g_assert_true (SSR_IS_ACTOR (ssr_assessment_lookup (assessment, source)));
      g_assert_true (SSR_IS_ACTOR (ssr_assessment_lookup (assessment, target)));
      g_assert_true (g_hash_table_add (pairs, g_strconcat (source, " ", target, NULL)));
    }

  g_assert_true (ssr_assessment_check_references (assessment, &error));
  g_assert_no_error (error);
}

static void
test_counts (void)
{
  assert_graph (0, 0);
  assert_graph (1, 0);
  assert_graph (2, 2);
  assert_graph (3, 6);
  assert_graph (10, 60);
  assert_graph (100, 300);
}

static void
test_large (void)
{
  assert_graph (1000, 5000);
}

static void
assert_id (SsrItem    *item,
           const char *prefix)
{
  g_autofree char *pattern = g_strdup_printf ("^%s-[0-9a-f]{16}$", prefix);

  if (!g_regex_match_simple (pattern, ssr_item_get_id (item), 0, 0))
    g_error ("id “%s” is not of the form %s", ssr_item_get_id (item), pattern);
}

static void
test_ids (void)
{
  g_autoptr(SsrAssessment) assessment = generate (200, 400, 7);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    {
      GListModel *items = get_collection (assessment, i);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(SsrItem) item = g_list_model_get_item (items, j);

          assert_id (item, collections[i].id_prefix);
          g_assert_true (g_hash_table_add (ids, (gpointer) ssr_item_get_id (item)));
        }
    }
}

/* Actor categories and kinds, relation types and steps are terms of the framework. */
static void
test_framework_terms (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_generate_assessment (framework, 300, 600, 3);
  GListModel *actors = ssr_assessment_get_actors (assessment);
  GListModel *relations = ssr_assessment_get_relations (assessment);
  GListModel *steps = ssr_framework_get_steps (framework);
  GListModel *records = ssr_assessment_get_steps (assessment);
  GListModel *principles = ssr_framework_get_list (framework, "principles");
  GListModel *checks = ssr_assessment_get_principles (assessment);
  GListModel *findings = ssr_assessment_get_findings (assessment);

  g_assert_cmpstr (ssr_assessment_get_framework (assessment), ==, ssr_framework_get_id (framework));

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      SsrTerm *category = ssr_framework_lookup_in (framework, "actor-categories", ssr_actor_get_category (actor));
      SsrTerm *kind = ssr_framework_lookup (framework, ssr_actor_get_kind (actor));

      g_assert_nonnull (category);
      g_assert_nonnull (kind);
      g_assert_true (ssr_term_get_parent (kind) == category);
      g_assert_nonnull (ssr_actor_get_name (actor));
      g_assert_false (ssr_actor_get_positioned (actor));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      const char *type = ssr_relation_get_relation_type (relation);

      g_assert_nonnull (ssr_framework_lookup_in (framework, "relation-types", type));
    }

  g_assert_cmpuint (g_list_model_get_n_items (records), ==, g_list_model_get_n_items (steps));
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SsrTerm) step = g_list_model_get_item (steps, i);
      g_autoptr(SsrStepRecord) record = g_list_model_get_item (records, i);

      g_assert_cmpstr (ssr_step_record_get_step (record), ==, ssr_term_get_id (step));
    }

  g_assert_cmpuint (g_list_model_get_n_items (checks), ==, g_list_model_get_n_items (principles));
  for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
    {
      g_autoptr(SsrTerm) principle = g_list_model_get_item (principles, i);
      g_autoptr(SsrPrincipleCheck) check = g_list_model_get_item (checks, i);

      g_assert_cmpstr (ssr_principle_check_get_principle (check), ==, ssr_term_get_id (principle));
    }

  /* Seven kinds, in turn. */
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 30);
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpint (ssr_finding_get_kind (finding), ==, i % 7);
      g_assert_cmpuint (g_strv_length ((GStrv) ssr_finding_get_actors (finding)), >=, 1);
    }
}

/* Only with -m perf: the sizes of the benchmarks, in well under a second. */
static void
test_speed (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  assessment = ssr_generate_assessment (framework, 5000, 20000, 1);
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "5000 actors, 20000 relations: %.3f s",
                           g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/generate/same-seed", test_same_seed);
  g_test_add_func ("/core/generate/different-seeds", test_different_seeds);
  g_test_add_func ("/core/generate/counts", test_counts);
  g_test_add_func ("/core/generate/large", test_large);
  g_test_add_func ("/core/generate/ids", test_ids);
  g_test_add_func ("/core/generate/framework-terms", test_framework_terms);
  if (g_test_perf ())
    g_test_add_func ("/core/generate/speed", test_speed);

  return g_test_run ();
}
