/* ssr-map-layout.c: places the actors of the sector map in concentric rings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-map-layout"

#include "config.h"

#include "ssr-map-layout.h"

#include <math.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-relation.h"
#include "ssr-render-private.h"

/* All lengths in map units. */
#define NODE_SPACING   (2 * SSR_MAP_NODE_RADIUS + 6.0)
#define BAND_PADDING   4.0
#define BAND_GAP       28.0
#define N_SWEEPS       8
/* Categories without a ring attribute come after those with one, in list
 * order; actors of categories the framework does not know come last. */
#define UNRINGED_BASE  (G_MAXINT / 2)
#define UNKNOWN_RING   G_MAXINT

typedef struct
{
  SsrActor *actor;
  int       ring_key;
  guint     category_order;
  guint     band;
  guint     slot;
  double    angle;
  double    wanted;
  /* Neighbours in the CSR arrays of Layout. */
  guint     first_neighbour;
  guint     n_neighbours;
} Node;

typedef struct
{
  int     ring_key;
  /* Indices into Layout.nodes of the actors placed by the layout, in slot
   * order; positioned actors belong to the band but take no slot. */
  GArray *members;
  guint   n_slots;
  guint   n_tracks;
  double  first_radius;
  double  rotation;
  double  inner_radius;
  double  outer_radius;
} Band;

typedef struct
{
  GArray *nodes;
  GArray *bands;
  guint  *neighbours;
} Layout;

typedef struct
{
  int   ring_key;
  guint order;
} CategoryInfo;

static void
band_clear (gpointer data)
{
  Band *band = data;

  g_clear_pointer (&band->members, g_array_unref);
}

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->nodes, g_array_unref);
  g_clear_pointer (&layout->bands, g_array_unref);
  g_clear_pointer (&layout->neighbours, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static GHashTable *
collect_categories (SsrFramework *framework)
{
  GHashTable *categories = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *list = ssr_framework_get_list (framework, "actor-categories");

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SsrTerm) term = g_list_model_get_item (list, i);
      const char *ring = ssr_term_get_attribute (term, "ring");
      CategoryInfo *info = g_new0 (CategoryInfo, 1);
      gint64 value;

      info->order = i;
      if (ring != NULL && g_ascii_string_to_signed (ring, 10, 0, UNRINGED_BASE - 1, &value, NULL))
        info->ring_key = value;
      else
        info->ring_key = UNRINGED_BASE + i;

      /* Terms live as long as the framework, which outlives this table. */
      g_hash_table_insert (categories, (gpointer) ssr_term_get_id (term), info);
    }

  return categories;
}

static gboolean
actor_is_shown (SsrActor               *actor,
                const SsrRenderOptions *options)
{
  if (options->redact && ssr_actor_get_sensitive (actor))
    return FALSE;

  return _ssr_render_filter_accepts (options->categories, ssr_actor_get_category (actor));
}

static GArray *
collect_nodes (SsrFramework           *framework,
               SsrAssessment          *assessment,
               const SsrRenderOptions *options,
               GHashTable             *index_of)
{
  g_autoptr(GHashTable) categories = collect_categories (framework);
  GListModel *actors = ssr_assessment_get_actors (assessment);
  GArray *nodes = g_array_new (FALSE, TRUE, sizeof (Node));

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *category = ssr_actor_get_category (actor);
      CategoryInfo *info = category ? g_hash_table_lookup (categories, category) : NULL;
      Node node = { 0 };

      if (!actor_is_shown (actor, options))
        continue;

      /* The assessment holds the actor while the layout runs. */
      node.actor = actor;
      node.ring_key = info ? info->ring_key : UNKNOWN_RING;
      node.category_order = info ? info->order : G_MAXUINT;
      g_hash_table_insert (index_of,
                           (gpointer) ssr_item_get_id (SSR_ITEM (actor)),
                           GUINT_TO_POINTER (nodes->len));
      g_array_append_val (nodes, node);
    }

  return nodes;
}

/* The relations as compressed adjacency lists, both ends of each. */
static guint *
collect_neighbours (SsrAssessment          *assessment,
                    const SsrRenderOptions *options,
                    GHashTable             *index_of,
                    GArray                 *nodes)
{
  GListModel *relations = ssr_assessment_get_relations (assessment);
  guint n_relations = g_list_model_get_n_items (relations);
  g_autofree guint *ends = g_new (guint, 2 * n_relations);
  guint *neighbours;
  guint n_ends = 0;
  guint offset = 0;

  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      gpointer source, target;

      if (!_ssr_render_filter_accepts (options->relation_types, ssr_relation_get_relation_type (relation)))
        continue;
      if (!g_hash_table_lookup_extended (index_of, ssr_relation_get_source (relation), NULL, &source) ||
          !g_hash_table_lookup_extended (index_of, ssr_relation_get_target (relation), NULL, &target) ||
          source == target)
        continue;

      ends[n_ends++] = GPOINTER_TO_UINT (source);
      ends[n_ends++] = GPOINTER_TO_UINT (target);
      g_array_index (nodes, Node, GPOINTER_TO_UINT (source)).n_neighbours++;
      g_array_index (nodes, Node, GPOINTER_TO_UINT (target)).n_neighbours++;
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = &g_array_index (nodes, Node, i);

      node->first_neighbour = offset;
      offset += node->n_neighbours;
      node->n_neighbours = 0;
    }

  neighbours = g_new (guint, MAX (offset, 1));
  for (guint i = 0; i < n_ends; i += 2)
    {
      Node *source = &g_array_index (nodes, Node, ends[i]);
      Node *target = &g_array_index (nodes, Node, ends[i + 1]);

      neighbours[source->first_neighbour + source->n_neighbours++] = ends[i + 1];
      neighbours[target->first_neighbour + target->n_neighbours++] = ends[i];
    }

  return neighbours;
}

static int
compare_ring_keys (gconstpointer a,
                   gconstpointer b)
{
  int key_a = *(const int *) a;
  int key_b = *(const int *) b;

  return (key_a > key_b) - (key_a < key_b);
}

/* Categories sharing a band start grouped, each by kind then by name. */
static int
compare_initial_order (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GArray *nodes = user_data;
  const Node *node_a = &g_array_index (nodes, Node, *(const guint *) a);
  const Node *node_b = &g_array_index (nodes, Node, *(const guint *) b);
  int result;

  if (node_a->category_order != node_b->category_order)
    return node_a->category_order < node_b->category_order ? -1 : 1;

  result = g_strcmp0 (ssr_actor_get_kind (node_a->actor), ssr_actor_get_kind (node_b->actor));
  if (result == 0)
    result = g_strcmp0 (ssr_actor_get_name (node_a->actor), ssr_actor_get_name (node_b->actor));
  if (result == 0)
    result = (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);

  return result;
}

static GArray *
collect_bands (GArray *nodes)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *bands = g_array_new (FALSE, TRUE, sizeof (Band));

  g_array_set_clear_func (bands, band_clear);

  for (guint i = 0; i < nodes->len; i++)
    g_array_append_val (keys, g_array_index (nodes, Node, i).ring_key);
  g_array_sort (keys, compare_ring_keys);

  for (guint i = 0; i < keys->len; i++)
    {
      int key = g_array_index (keys, int, i);

      if (i == 0 || key != g_array_index (keys, int, i - 1))
        {
          Band band = { .ring_key = key, .members = g_array_new (FALSE, FALSE, sizeof (guint)) };

          g_array_append_val (bands, band);
        }
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = &g_array_index (nodes, Node, i);

      for (guint b = 0; b < bands->len; b++)
        {
          Band *band = &g_array_index (bands, Band, b);

          if (band->ring_key != node->ring_key)
            continue;

          node->band = b;
          if (!ssr_actor_get_positioned (node->actor))
            g_array_append_val (band->members, i);
          break;
        }
    }

  for (guint b = 0; b < bands->len; b++)
    {
      GArray *members = g_array_index (bands, Band, b).members;

      g_qsort_with_data (members->data, members->len, sizeof (guint), compare_initial_order, nodes);
    }

  return bands;
}

/*
 * Gives each band as many tracks as it needs for its actors to keep
 * NODE_SPACING apart: slot i of the band lies on track i mod n_tracks, so
 * neighbouring slots are a track apart, and slots of one track are spread
 * evenly round it. Bands are stacked outwards from the population.
 */
static void
size_bands (GArray *bands)
{
  double radius = SSR_MAP_CENTRE_RADIUS + BAND_GAP;

  for (guint b = 0; b < bands->len; b++)
    {
      Band *band = &g_array_index (bands, Band, b);
      guint n = band->members->len;
      guint tracks = 1;
      double first;

      band->inner_radius = radius;
      first = radius + BAND_PADDING + SSR_MAP_NODE_RADIUS;

      while (tracks < n)
        {
          guint slots = (n + tracks - 1) / tracks * tracks;

          if (2 * first * sin (G_PI * tracks / slots) >= NODE_SPACING)
            break;
          tracks++;
        }

      band->n_tracks = tracks;
      band->n_slots = MAX (1, (n + tracks - 1) / tracks * tracks);
      band->first_radius = first;
      band->outer_radius = first + (tracks - 1) * NODE_SPACING + SSR_MAP_NODE_RADIUS + BAND_PADDING;
      band->rotation = -G_PI / 2;
      radius = band->outer_radius + BAND_GAP;
    }
}

static double
slot_angle (const Band *band,
            guint       slot)
{
  return band->rotation + 2 * G_PI * (slot + 0.5) / band->n_slots;
}

static double
node_angle (const Node *node)
{
  if (ssr_actor_get_positioned (node->actor))
    return atan2 (ssr_actor_get_y (node->actor), ssr_actor_get_x (node->actor));

  return node->angle;
}

static void
place_band (Layout *layout,
            Band   *band)
{
  for (guint i = 0; i < band->members->len; i++)
    {
      Node *node = &g_array_index (layout->nodes, Node, g_array_index (band->members, guint, i));

      node->slot = i;
      node->angle = slot_angle (band, i);
    }
}

static int
compare_wanted_angles (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GArray *nodes = user_data;
  const Node *node_a = &g_array_index (nodes, Node, *(const guint *) a);
  const Node *node_b = &g_array_index (nodes, Node, *(const guint *) b);

  if (node_a->wanted != node_b->wanted)
    return node_a->wanted < node_b->wanted ? -1 : 1;

  return (node_a->slot > node_b->slot) - (node_a->slot < node_b->slot);
}

/*
 * One barycentre step for a band: each actor wants the mean direction of
 * its neighbours (a circular mean, so that neighbours on both sides of
 * the cut at ±π do not cancel out); the band is reordered by that, and
 * turned as a whole to where its actors want to be.
 */
static void
sweep_band (Layout *layout,
            Band   *band)
{
  double turn_x = 0, turn_y = 0;

  if (band->members->len == 0)
    return;

  for (guint i = 0; i < band->members->len; i++)
    {
      Node *node = &g_array_index (layout->nodes, Node, g_array_index (band->members, guint, i));
      double sum_x = 0, sum_y = 0;

      for (guint k = 0; k < node->n_neighbours; k++)
        {
          const Node *other = &g_array_index (layout->nodes, Node, layout->neighbours[node->first_neighbour + k]);
          double angle = node_angle (other);

          sum_x += cos (angle);
          sum_y += sin (angle);
        }

      if (hypot (sum_x, sum_y) > 1e-6)
        node->wanted = atan2 (sum_y, sum_x);
      else
        node->wanted = remainder (node->angle, 2 * G_PI);
    }

  g_qsort_with_data (band->members->data, band->members->len, sizeof (guint),
                     compare_wanted_angles, layout->nodes);

  band->rotation = 0;
  for (guint i = 0; i < band->members->len; i++)
    {
      Node *node = &g_array_index (layout->nodes, Node, g_array_index (band->members, guint, i));
      double offset = node->wanted - slot_angle (band, i);

      turn_x += cos (offset);
      turn_y += sin (offset);
    }
  if (hypot (turn_x, turn_y) > 1e-6)
    band->rotation = atan2 (turn_y, turn_x);

  place_band (layout, band);
}

static void
order_bands (Layout *layout)
{
  for (guint b = 0; b < layout->bands->len; b++)
    place_band (layout, &g_array_index (layout->bands, Band, b));

  /* Alternate outwards and inwards, as layered layouts do. */
  for (guint sweep = 0; sweep < N_SWEEPS; sweep++)
    {
      for (guint i = 0; i < layout->bands->len; i++)
        {
          guint b = sweep % 2 == 0 ? i : layout->bands->len - 1 - i;

          sweep_band (layout, &g_array_index (layout->bands, Band, b));
        }
    }
}

GHashTable *
ssr_map_layout_compute (SsrFramework           *framework,
                        SsrAssessment          *assessment,
                        const SsrRenderOptions *options)
{
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Layout) layout = { 0 };
  GHashTable *positions;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), NULL);

  options = _ssr_render_options_or_default (options);
  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  layout.nodes = collect_nodes (framework, assessment, options, index_of);
  layout.neighbours = collect_neighbours (assessment, options, index_of, layout.nodes);
  layout.bands = collect_bands (layout.nodes);
  size_bands (layout.bands);
  order_bands (&layout);

  for (guint i = 0; i < layout.nodes->len; i++)
    {
      const Node *node = &g_array_index (layout.nodes, Node, i);
      const Band *band = &g_array_index (layout.bands, Band, node->band);
      SsrMapPosition *position = g_new0 (SsrMapPosition, 1);

      position->ring = node->band;
      position->inner_radius = band->inner_radius;
      position->outer_radius = band->outer_radius;
      position->positioned = ssr_actor_get_positioned (node->actor);

      if (position->positioned)
        {
          position->x = ssr_actor_get_x (node->actor);
          position->y = ssr_actor_get_y (node->actor);
        }
      else
        {
          double radius = band->first_radius + (node->slot % band->n_tracks) * NODE_SPACING;

          position->x = radius * cos (node->angle);
          position->y = radius * sin (node->angle);
        }

      g_hash_table_insert (positions, g_strdup (ssr_item_get_id (SSR_ITEM (node->actor))), position);
    }

  return positions;
}

GHashTable *
ssr_map_layout_compute_points (SsrFramework  *framework,
                               SsrAssessment *assessment,
                               gboolean       redact)
{
  GHashTable *points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) layout = NULL;
  SsrRenderOptions options;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  ssr_render_options_init (&options);
  options.redact = redact;
  layout = ssr_map_layout_compute (framework, assessment, &options);

  g_hash_table_iter_init (&iter, layout);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SsrMapPosition *position = value;
      double *xy = g_new (double, 2);

      xy[0] = position->x;
      xy[1] = position->y;
      g_hash_table_insert (points, g_strdup (key), xy);
    }

  return points;
}
