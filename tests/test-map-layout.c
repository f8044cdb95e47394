/* test-map-layout.c: the sector map layout keeps nodes apart, in their bands, and untangles relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-generate.h"
#include "ssr-map-layout.h"
#include "ssr-relation.h"

static SsrFramework *
default_framework (void)
{
  g_autoptr(GError) error = NULL;
  SsrFramework *framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);

  g_assert_no_error (error);
  g_assert_nonnull (framework);

  return framework;
}

static SsrMapPosition *
position_of (GHashTable *positions,
             SsrActor   *actor)
{
  SsrMapPosition *position = g_hash_table_lookup (positions, ssr_item_get_id (SSR_ITEM (actor)));

  g_assert_nonnull (position);

  return position;
}

static int
ring_attribute (SsrFramework *framework,
                SsrActor     *actor)
{
  SsrTerm *category = ssr_framework_lookup_in (framework, "actor-categories", ssr_actor_get_category (actor));

  g_assert_nonnull (category);

  return atoi (ssr_term_get_attribute (category, "ring"));
}

static void
test_map_layout_keeps_nodes_apart_in_their_bands (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_generate_assessment (framework, 400, 800, 3);
  g_autoptr(GHashTable) positions = ssr_map_layout_compute (framework, assessment, NULL);
  GListModel *actors = ssr_assessment_get_actors (assessment);
  guint n_actors = g_list_model_get_n_items (actors);

  g_assert_cmpuint (g_hash_table_size (positions), ==, n_actors);

  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      SsrMapPosition *position = position_of (positions, actor);
      double radius = hypot (position->x, position->y);

      /* Inside its band, node and all. */
      g_assert_false (position->positioned);
      g_assert_cmpfloat (radius - SSR_MAP_NODE_RADIUS, >=, position->inner_radius - 1e-9);
      g_assert_cmpfloat (radius + SSR_MAP_NODE_RADIUS, <=, position->outer_radius + 1e-9);
      g_assert_cmpfloat (position->inner_radius, >, SSR_MAP_CENTRE_RADIUS);

      for (guint j = 0; j < i; j++)
        {
          g_autoptr(SsrActor) other = g_list_model_get_item (actors, j);
          SsrMapPosition *other_position = position_of (positions, other);
          int ring = ring_attribute (framework, actor);
          int other_ring = ring_attribute (framework, other);

          g_assert_cmpfloat (hypot (position->x - other_position->x, position->y - other_position->y),
                             >=, 2 * SSR_MAP_NODE_RADIUS - 1e-9);

          /* Bands follow the categories' rings outwards and never overlap. */
          if (ring == other_ring)
            {
              g_assert_cmpuint (position->ring, ==, other_position->ring);
            }
          else if (ring < other_ring)
            {
              g_assert_cmpuint (position->ring, <, other_position->ring);
              g_assert_cmpfloat (position->outer_radius, <, other_position->inner_radius);
            }
          else
            {
              g_assert_cmpuint (position->ring, >, other_position->ring);
              g_assert_cmpfloat (other_position->outer_radius, <, position->inner_radius);
            }
        }
    }
}

static void
test_map_layout_is_deterministic (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_generate_assessment (framework, 200, 400, 11);
  g_autoptr(GHashTable) first = ssr_map_layout_compute (framework, assessment, NULL);
  g_autoptr(GHashTable) second = ssr_map_layout_compute (framework, assessment, NULL);
  GHashTableIter iter;
  const char *id;
  SsrMapPosition *position;

  g_assert_cmpuint (g_hash_table_size (first), ==, g_hash_table_size (second));
  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &position))
    {
      SsrMapPosition *again = g_hash_table_lookup (second, id);

      g_assert_nonnull (again);
      g_assert_cmpfloat (position->x, ==, again->x);
      g_assert_cmpfloat (position->y, ==, again->y);
      g_assert_cmpuint (position->ring, ==, again->ring);
    }
}

static void
test_map_layout_keeps_positioned_actors (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_generate_assessment (framework, 60, 120, 5);
  g_autoptr(SsrActor) actor = g_list_model_get_item (ssr_assessment_get_actors (assessment), 7);
  g_autoptr(GHashTable) before = ssr_map_layout_compute (framework, assessment, NULL);
  g_autoptr(GHashTable) after = NULL;
  SsrMapPosition *position;

  position = position_of (before, actor);
  g_assert_false (position->positioned);
  g_assert_cmpfloat (position->x, !=, 123.5);

  g_object_set (actor, "positioned", TRUE, "x", 123.5, "y", -45.25, NULL);
  after = ssr_map_layout_compute (framework, assessment, NULL);
  position = position_of (after, actor);
  g_assert_true (position->positioned);
  g_assert_cmpfloat (position->x, ==, 123.5);
  g_assert_cmpfloat (position->y, ==, -45.25);
  g_assert_cmpuint (position->ring, ==, position_of (before, actor)->ring);
}

static void
test_map_layout_leaves_out_redacted_and_filtered_actors (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_generate_assessment (framework, 300, 300, 17);
  const char * const categories[] = { "core-security", "civil-society", NULL };
  GListModel *actors = ssr_assessment_get_actors (assessment);
  g_autoptr(GHashTable) redacted = NULL;
  g_autoptr(GHashTable) filtered = NULL;
  SsrRenderOptions options;
  guint n_sensitive = 0, n_chosen = 0;

  ssr_render_options_init (&options);
  options.redact = TRUE;
  redacted = ssr_map_layout_compute (framework, assessment, &options);

  ssr_render_options_init (&options);
  options.categories = categories;
  filtered = ssr_map_layout_compute (framework, assessment, &options);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *id = ssr_item_get_id (SSR_ITEM (actor));
      gboolean chosen = g_strv_contains (categories, ssr_actor_get_category (actor));

      n_sensitive += ssr_actor_get_sensitive (actor);
      n_chosen += chosen;
      g_assert_cmpint (g_hash_table_contains (redacted, id), ==, !ssr_actor_get_sensitive (actor));
      g_assert_cmpint (g_hash_table_contains (filtered, id), ==, chosen);
    }

  /* The generator marks some actors sensitive; otherwise this proves nothing. */
  g_assert_cmpuint (n_sensitive, >, 0);
  g_assert_cmpuint (n_chosen, >, 0);
  g_assert_cmpuint (g_hash_table_size (filtered), ==, n_chosen);
}

typedef struct
{
  double x0, y0, x1, y1;
} Segment;

static gboolean
segments_cross (const Segment *a,
                const Segment *b)
{
  double d1 = (b->x1 - b->x0) * (a->y0 - b->y0) - (b->y1 - b->y0) * (a->x0 - b->x0);
  double d2 = (b->x1 - b->x0) * (a->y1 - b->y0) - (b->y1 - b->y0) * (a->x1 - b->x0);
  double d3 = (a->x1 - a->x0) * (b->y0 - a->y0) - (a->y1 - a->y0) * (b->x0 - a->x0);
  double d4 = (a->x1 - a->x0) * (b->y1 - a->y0) - (a->y1 - a->y0) * (b->x1 - a->x0);

  return d1 * d2 < 0 && d3 * d4 < 0;
}

/* Relations drawn as straight lines that cross another relation's line. */
static guint
count_crossings (SsrAssessment *assessment,
                 GHashTable    *positions)
{
  GListModel *relations = ssr_assessment_get_relations (assessment);
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  guint crossings = 0;

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      SsrMapPosition *source = g_hash_table_lookup (positions, ssr_relation_get_source (relation));
      SsrMapPosition *target = g_hash_table_lookup (positions, ssr_relation_get_target (relation));
      Segment segment;

      g_assert_nonnull (source);
      g_assert_nonnull (target);
      segment = (Segment) { source->x, source->y, target->x, target->y };
      g_array_append_val (segments, segment);
    }

  for (guint i = 0; i < segments->len; i++)
    for (guint j = 0; j < i; j++)
      crossings += segments_cross (&g_array_index (segments, Segment, i), &g_array_index (segments, Segment, j));

  return crossings;
}

static int
compare_angles (gconstpointer a,
                gconstpointer b)
{
  const SsrMapPosition *pa = *(SsrMapPosition * const *) a;
  const SsrMapPosition *pb = *(SsrMapPosition * const *) b;
  double angle_a = atan2 (pa->y, pa->x);
  double angle_b = atan2 (pb->y, pb->x);

  return (angle_a > angle_b) - (angle_a < angle_b);
}

/*
 * The same places as @positions, but filled in document order: within each
 * band the actors take the band's places going round, first come first.
 */
static GHashTable *
naive_positions (SsrAssessment *assessment,
                 GHashTable    *positions)
{
  GListModel *actors = ssr_assessment_get_actors (assessment);
  GHashTable *naive = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) places = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      SsrMapPosition *position = position_of (positions, actor);
      GPtrArray *ring = g_hash_table_lookup (places, GUINT_TO_POINTER (position->ring));

      if (ring == NULL)
        {
          ring = g_ptr_array_new ();
          g_hash_table_insert (places, GUINT_TO_POINTER (position->ring), ring);
        }
      g_ptr_array_add (ring, position);
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      guint ring_index = position_of (positions, actor)->ring;
      GPtrArray *ring = g_hash_table_lookup (places, GUINT_TO_POINTER (ring_index));
      guint next = GPOINTER_TO_UINT (g_hash_table_lookup (used, GUINT_TO_POINTER (ring_index)));

      if (next == 0)
        g_ptr_array_sort (ring, compare_angles);
      g_hash_table_insert (naive, g_strdup (ssr_item_get_id (SSR_ITEM (actor))),
                           g_memdup2 (g_ptr_array_index (ring, next), sizeof (SsrMapPosition)));
      g_hash_table_insert (used, GUINT_TO_POINTER (ring_index), GUINT_TO_POINTER (next + 1));
    }

  return naive;
}

static void
test_map_layout_reduces_crossings (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();

  for (guint32 seed = 1; seed <= 3; seed++)
    {
      g_autoptr(SsrAssessment) assessment = ssr_generate_assessment (framework, 150, 250, seed);
      g_autoptr(GHashTable) positions = ssr_map_layout_compute (framework, assessment, NULL);
      g_autoptr(GHashTable) naive = naive_positions (assessment, positions);
      guint crossings = count_crossings (assessment, positions);
      guint naive_crossings = count_crossings (assessment, naive);

      g_test_message ("seed %u: %u crossings, %u in document order", seed, crossings, naive_crossings);
      g_assert_cmpuint (naive_crossings, >, 0);
      g_assert_cmpuint (crossings, <, naive_crossings);
    }
}

static void
test_map_layout_is_fast_on_large_maps (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_generate_assessment (framework, 1000, 3000, 23);
  g_autoptr(GHashTable) positions = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  positions = ssr_map_layout_compute (framework, assessment, NULL);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_test_message ("1000 actors, 3000 relations: %.3f s", seconds);
  g_assert_cmpuint (g_hash_table_size (positions), ==, 1000);
  g_assert_cmpfloat (seconds, <, 1.0);
}

/* The points exports take are the layout's positions, one per actor shown,
 * and redaction leaves the sensitive actors out of them too. */
static void
test_map_layout_points_match_layout (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_generate_assessment (framework, 80, 160, 29);
  SsrRenderOptions options;

  ssr_render_options_init (&options);

  for (int redact = 0; redact <= 1; redact++)
    {
      g_autoptr(GHashTable) layout = NULL;
      g_autoptr(GHashTable) points = ssr_map_layout_compute_points (framework, assessment, redact);
      GHashTableIter iter;
      gpointer key, value;

      options.redact = redact;
      layout = ssr_map_layout_compute (framework, assessment, &options);
      g_assert_cmpuint (g_hash_table_size (points), ==, g_hash_table_size (layout));

      g_hash_table_iter_init (&iter, layout);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const SsrMapPosition *position = value;
          const double *xy = g_hash_table_lookup (points, key);

          g_assert_nonnull (xy);
          g_assert_cmpfloat (xy[0], ==, position->x);
          g_assert_cmpfloat (xy[1], ==, position->y);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/map-layout/keeps-nodes-apart-in-their-bands",
                   test_map_layout_keeps_nodes_apart_in_their_bands);
  g_test_add_func ("/render/map-layout/points-match-layout",
                   test_map_layout_points_match_layout);
  g_test_add_func ("/render/map-layout/is-deterministic",
                   test_map_layout_is_deterministic);
  g_test_add_func ("/render/map-layout/keeps-positioned-actors",
                   test_map_layout_keeps_positioned_actors);
  g_test_add_func ("/render/map-layout/leaves-out-redacted-and-filtered-actors",
                   test_map_layout_leaves_out_redacted_and_filtered_actors);
  g_test_add_func ("/render/map-layout/reduces-crossings",
                   test_map_layout_reduces_crossings);
  g_test_add_func ("/render/map-layout/is-fast-on-large-maps",
                   test_map_layout_is_fast_on_large_maps);

  return g_test_run ();
}
