/* ssr-sector-map.c: the security sector as actors in rings around the population
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-sector-map"

#include "config.h"

#include "ssr-sector-map.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-map-layout.h"
#include "ssr-relation.h"
#include "ssr-render-private.h"
#include "ssr-shapes-private.h"

/* Lengths in picture units (pixels at scale 1); those marked × are
 * multiplied by the font scale. */
#define MARGIN             12.0
#define LABEL_MARGIN_X     96.0   /* × room for the labels of the outer band */
#define LABEL_MARGIN_Y     26.0   /* × */
#define MAX_MAP_SCALE      1.6    /* × */
#define LABEL_GAP          3.0
#define MIN_LABEL_RADIUS   3.0
#define LEGEND_COLUMN      330.0  /* × at most */
#define LEGEND_ROW         18.0   /* × */
#define LEGEND_PADDING     10.0
#define GRID_CELL          40.0
#define ELIDED_LENGTH      16
#define LABEL_FONT         "Sans 8"
#define SMALL_LABEL_FONT   "Sans 7"
#define BAND_FONT          "Sans Bold 7.5"
#define LEGEND_FONT        "Sans 8.5"
#define LEGEND_TITLE_FONT  "Sans Bold 8.5"
#define CENTRE_FONT        "Sans Bold 9"

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} Box;

typedef struct
{
  SsrRenderColor color;
  double         dashes[6];
  int            n_dashes;
} RelationStyle;

/* Each type differs from every other in dash pattern as well as colour,
 * so the map reads in greyscale and for colour-blind readers. */
static const RelationStyle relation_styles[] = {
  { { 0.20, 0.20, 0.20 }, { 0 }, 0 },
  { { 0.000, 0.447, 0.698 }, { 9, 3 }, 2 },
  { { 0.000, 0.620, 0.451 }, { 2, 2.5 }, 2 },
  { { 0.337, 0.706, 0.914 }, { 8, 2.5, 2, 2.5 }, 4 },
  { { 0.902, 0.624, 0.000 }, { 14, 4 }, 2 },
  { { 0.800, 0.475, 0.655 }, { 1, 3.5 }, 2 },
  { { 0.40, 0.40, 0.40 }, { 9, 2.5, 2, 2.5, 2, 2.5 }, 6 },
  { { 0.55, 0.43, 0.19 }, { 4, 2, 4, 6 }, 4 },
  { { 0.835, 0.369, 0.000 }, { 5, 4 }, 2 },
};

/* Stances: dark, light, middle and white with a dashed outline. */
static const SsrRenderColor stance_colors[] = {
  [SSR_STANCE_UNKNOWN]  = { 1.0, 1.0, 1.0 },
  [SSR_STANCE_CHAMPION] = { 0.000, 0.447, 0.698 },
  [SSR_STANCE_NEUTRAL]  = { 0.941, 0.894, 0.259 },
  [SSR_STANCE_SPOILER]  = { 0.835, 0.369, 0.000 },
};

/* Viridis at five steps: even in lightness, safe for colour blindness. */
static const SsrRenderColor rating_colors[] = {
  { 0.267, 0.004, 0.329 },
  { 0.231, 0.322, 0.545 },
  { 0.129, 0.565, 0.553 },
  { 0.369, 0.788, 0.384 },
  { 0.992, 0.906, 0.145 },
};

static const SsrRenderColor unrated_color = { 0.80, 0.80, 0.80 };
static const SsrRenderColor band_colors[] = {
  { 0.945, 0.937, 0.914 },
  { 0.894, 0.918, 0.945 },
};
static const SsrRenderColor centre_color = { 0.976, 0.910, 0.745 };

typedef enum
{
  COLOR_BY_CATEGORY,
  COLOR_BY_STANCE,
  COLOR_BY_RATING,
} ColorMode;

typedef enum
{
  LEGEND_TITLE,
  LEGEND_LINE,
  LEGEND_SWATCH,
  LEGEND_NOTE,
} LegendKind;

typedef struct
{
  LegendKind     kind;
  char          *text;
  guint          style;
  gboolean       directed;
  SsrRenderColor color;
  gboolean       dashed;
  gboolean       highlighted;
} LegendEntry;

typedef struct
{
  SsrActor       *actor;
  double          x;
  double          y;
  SsrRenderColor  color;
  gboolean        dashed;
  gboolean        highlighted;
  guint           degree;
} MapNode;

typedef struct
{
  guint    source;
  guint    target;
  guint    style;
  int      strength;
  gboolean arrow_at_source;
  gboolean arrow_at_target;
  gboolean highlighted;
  double   bend;
} MapEdge;

typedef struct
{
  /* The band's nodes lie between inner and outer radius; its tint reaches
   * half-way to the neighbouring bands, so that bands meet. */
  double   inner_radius;
  double   outer_radius;
  double   tint_inner_radius;
  double   tint_outer_radius;
  /* Indices of the categories in the band (-1: unknown), and their names. */
  GArray  *categories;
  GString *names;
} MapBand;

typedef struct
{
  SsrFramework           *framework;
  const SsrRenderOptions *options;
  double                  font_scale;
  gboolean                show_legend;
  double                  width;
  double                  height;
  ColorMode               color_mode;
  SsrTerm                *rating_scale;

  GArray                 *nodes;
  GArray                 *edges;
  GArray                 *bands;
  GArray                 *legend;
  GHashTable             *node_index;

  cairo_matrix_t          transform;
  double                  scale;
  double                  node_radius;
  double                  centre_x;
  double                  centre_y;
  Box                     legend_box;
  double                  legend_column;
  guint                   legend_rows;
} SectorMap;

static void
legend_entry_clear (gpointer data)
{
  LegendEntry *entry = data;

  g_clear_pointer (&entry->text, g_free);
}

static void
map_band_clear (gpointer data)
{
  MapBand *band = data;

  g_clear_pointer (&band->categories, g_array_unref);
  if (band->names != NULL)
    g_string_free (band->names, TRUE);
}

static void
sector_map_clear (SectorMap *map)
{
  g_clear_pointer (&map->nodes, g_array_unref);
  g_clear_pointer (&map->edges, g_array_unref);
  g_clear_pointer (&map->bands, g_array_unref);
  g_clear_pointer (&map->legend, g_array_unref);
  g_clear_pointer (&map->node_index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SectorMap, sector_map_clear)

static void
map_label_clear (gpointer data)
{
  SsrMapLabel *label = data;

  g_clear_pointer (&label->actor_id, g_free);
  g_clear_pointer (&label->text, g_free);
}

/* Node colours */

static ColorMode
color_mode (SsrFramework            *framework,
            const SsrRenderOptions  *options,
            SsrTerm                **scale)
{
  const char *color_by = options->color_by;

  *scale = NULL;
  if (g_strcmp0 (color_by, "stance") == 0)
    return COLOR_BY_STANCE;
  if (color_by != NULL && g_strcmp0 (color_by, "category") != 0)
    {
      *scale = ssr_framework_lookup_in (framework, "rating-scales", color_by);
      if (*scale != NULL)
        return COLOR_BY_RATING;
    }

  return COLOR_BY_CATEGORY;
}

static void
node_color (SsrFramework   *framework,
            SsrActor       *actor,
            ColorMode       mode,
            SsrTerm        *scale,
            SsrRenderColor *color,
            gboolean       *dashed)
{
  *dashed = FALSE;

  switch (mode)
    {
    case COLOR_BY_STANCE:
      {
        SsrStance stance = ssr_actor_get_stance (actor);

        if (stance > SSR_STANCE_SPOILER)
          stance = SSR_STANCE_UNKNOWN;
        *color = stance_colors[stance];
        *dashed = stance == SSR_STANCE_UNKNOWN;
      }
      break;

    case COLOR_BY_RATING:
      {
        int rating = ssr_actor_get_rating (actor, ssr_term_get_id (scale));

        if (rating >= 1 && rating <= 5)
          {
            *color = rating_colors[rating - 1];
          }
        else
          {
            *color = unrated_color;
            *dashed = TRUE;
          }
      }
      break;

    case COLOR_BY_CATEGORY:
    default:
      _ssr_render_category_color (framework, ssr_actor_get_category (actor), color);
      break;
    }
}

void
ssr_sector_map_get_node_color (SsrFramework           *framework,
                               SsrActor               *actor,
                               const SsrRenderOptions *options,
                               double                 *red,
                               double                 *green,
                               double                 *blue)
{
  SsrRenderColor color;
  SsrTerm *scale;
  ColorMode mode;
  gboolean dashed;

  g_return_if_fail (SSR_IS_FRAMEWORK (framework));
  g_return_if_fail (SSR_IS_ACTOR (actor));

  options = _ssr_render_options_or_default (options);
  mode = color_mode (framework, options, &scale);
  node_color (framework, actor, mode, scale, &color, &dashed);
  *red = color.red;
  *green = color.green;
  *blue = color.blue;
}

/* Geometry */

static void
collect_nodes (SectorMap     *map,
               SsrAssessment *assessment,
               GHashTable    *positions)
{
  GListModel *actors = ssr_assessment_get_actors (assessment);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *id = ssr_item_get_id (SSR_ITEM (actor));
      SsrMapPosition *position = g_hash_table_lookup (positions, id);
      MapNode node = { 0 };

      if (position == NULL)
        continue;

      /* The assessment keeps its actors alive while we draw. */
      node.actor = actor;
      node.x = position->x;
      node.y = position->y;
      node.highlighted = _ssr_render_is_highlighted (map->options, id);
      node_color (map->framework, actor, map->color_mode, map->rating_scale, &node.color, &node.dashed);

      g_hash_table_insert (map->node_index, (gpointer) id, GUINT_TO_POINTER (map->nodes->len));
      g_array_append_val (map->nodes, node);
    }
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return (*(const int *) a > *(const int *) b) - (*(const int *) a < *(const int *) b);
}

/* Bands from the layout: one per ring, named by the categories it holds. */
static void
collect_bands (SectorMap  *map,
               GHashTable *positions)
{
  GListModel *categories = ssr_framework_get_list (map->framework, "actor-categories");

  for (guint i = 0; i < map->nodes->len; i++)
    {
      MapNode *node = &g_array_index (map->nodes, MapNode, i);
      SsrMapPosition *position = g_hash_table_lookup (positions, ssr_item_get_id (SSR_ITEM (node->actor)));
      SsrRenderColor color;
      int index = _ssr_render_category_color (map->framework, ssr_actor_get_category (node->actor), &color);
      MapBand *band;
      gboolean seen = FALSE;

      while (map->bands->len <= position->ring)
        {
          MapBand empty = { .categories = g_array_new (FALSE, FALSE, sizeof (int)) };

          g_array_append_val (map->bands, empty);
        }

      band = &g_array_index (map->bands, MapBand, position->ring);
      band->inner_radius = position->inner_radius;
      band->outer_radius = position->outer_radius;
      for (guint k = 0; k < band->categories->len && !seen; k++)
        seen = g_array_index (band->categories, int, k) == index;
      if (!seen)
        g_array_append_val (band->categories, index);
    }

  for (guint b = 0; b < map->bands->len; b++)
    {
      MapBand *band = &g_array_index (map->bands, MapBand, b);
      const MapBand *next = b + 1 < map->bands->len ? band + 1 : NULL;

      if (b == 0)
        band->tint_inner_radius = (SSR_MAP_CENTRE_RADIUS + band->inner_radius) / 2;
      else
        band->tint_inner_radius = ((band - 1)->outer_radius + band->inner_radius) / 2;
      if (next != NULL)
        band->tint_outer_radius = (band->outer_radius + next->inner_radius) / 2;
      else
        band->tint_outer_radius = band->outer_radius + (band->inner_radius - band->tint_inner_radius);

      band->names = g_string_new (NULL);
      g_array_sort (band->categories, compare_ints);
      for (guint k = 0; k < band->categories->len; k++)
        {
          int index = g_array_index (band->categories, int, k);
          g_autoptr(SsrTerm) term = index >= 0 ? g_list_model_get_item (categories, index) : NULL;

          if (band->names->len > 0)
            g_string_append (band->names, " · ");
          g_string_append (band->names, term ? ssr_term_get_name (term) : _("Other actors"));
        }
    }
}

/* The style of relation type @type: its place in the framework's list. */
static guint
relation_style (SsrFramework  *framework,
                const char    *type,
                SsrTerm      **term)
{
  GListModel *types = ssr_framework_get_list (framework, "relation-types");

  *term = type ? ssr_framework_lookup_in (framework, "relation-types", type) : NULL;

  return _ssr_render_term_index (types, type);
}

static gboolean
relation_type_is_directed (SsrTerm *type)
{
  return type == NULL || g_strcmp0 (ssr_term_get_attribute (type, "directed"), "false") != 0;
}

/* Two or more relations between one pair of actors bend apart. */
static void
bend_parallel_edges (GArray *edges)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < edges->len; i++)
        {
          MapEdge *edge = &g_array_index (edges, MapEdge, i);
          gint64 key = (gint64) MIN (edge->source, edge->target) << 32 | MAX (edge->source, edge->target);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key));

          if (pass == 0)
            {
              g_hash_table_replace (counts, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (count + 1));
            }
          else if (count > 1)
            {
              guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, &key));
              double bend = (rank - (count - 1) / 2.0) * 0.22;

              /* Bends are measured on the pair's own direction, so that
               * opposite relations bend to opposite sides. */
              edge->bend = edge->source < edge->target ? bend : -bend;
              g_hash_table_replace (ranks, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (rank + 1));
            }
        }
    }
}

#define DIRECTED_TYPE (1u << 31)

static void
collect_edges (SectorMap     *map,
               SsrAssessment *assessment,
               gboolean      *types_used)
{
  GListModel *relations = ssr_assessment_get_relations (assessment);
  /* Type id → style index + 1, with DIRECTED_TYPE set for directed types:
   * a thousand relations share a handful of types. */
  g_autoptr(GHashTable) styles = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      const char *type = ssr_relation_get_relation_type (relation);
      guint style = GPOINTER_TO_UINT (type ? g_hash_table_lookup (styles, type) : NULL);
      gpointer source, target;
      MapEdge edge = { 0 };

      if (!_ssr_render_filter_accepts (map->options->relation_types, type))
        continue;
      if (!g_hash_table_lookup_extended (map->node_index, ssr_relation_get_source (relation), NULL, &source) ||
          !g_hash_table_lookup_extended (map->node_index, ssr_relation_get_target (relation), NULL, &target) ||
          source == target)
        continue;

      edge.source = GPOINTER_TO_UINT (source);
      edge.target = GPOINTER_TO_UINT (target);
      if (style == 0)
        {
          SsrTerm *term;

          style = (relation_style (map->framework, type, &term) + 1) |
                  (relation_type_is_directed (term) ? DIRECTED_TYPE : 0);
          if (type != NULL)
            g_hash_table_insert (styles, (gpointer) type, GUINT_TO_POINTER (style));
        }

      edge.style = (style & ~DIRECTED_TYPE) - 1;
      edge.strength = CLAMP (ssr_relation_get_strength (relation), 1, 3);
      edge.highlighted = _ssr_render_is_highlighted (map->options, ssr_item_get_id (SSR_ITEM (relation)));
      if (style & DIRECTED_TYPE)
        {
          edge.arrow_at_target = TRUE;
          edge.arrow_at_source = ssr_relation_get_direction (relation) == SSR_DIRECTION_MUTUAL;
        }

      types_used[edge.style] = TRUE;
      g_array_index (map->nodes, MapNode, edge.source).degree++;
      g_array_index (map->nodes, MapNode, edge.target).degree++;
      g_array_append_val (map->edges, edge);
    }

  bend_parallel_edges (map->edges);
}

/* Legend */

static void
legend_add (SectorMap  *map,
            LegendKind  kind,
            const char *text)
{
  LegendEntry entry = { .kind = kind, .text = g_strdup (text) };

  g_array_append_val (map->legend, entry);
}

static LegendEntry *
legend_last (SectorMap *map)
{
  return &g_array_index (map->legend, LegendEntry, map->legend->len - 1);
}

static void
legend_add_swatch (SectorMap            *map,
                   const char           *text,
                   const SsrRenderColor *color,
                   gboolean              dashed)
{
  legend_add (map, LEGEND_SWATCH, text);
  legend_last (map)->color = *color;
  legend_last (map)->dashed = dashed;
}

static void
legend_add_relations (SectorMap      *map,
                      const gboolean *types_used)
{
  GListModel *types = ssr_framework_get_list (map->framework, "relation-types");
  guint n_types = types ? g_list_model_get_n_items (types) : 0;
  gboolean any = FALSE;

  for (guint i = 0; i <= n_types; i++)
    any |= types_used[i];
  if (!any)
    return;

  legend_add (map, LEGEND_TITLE, _("Relations"));
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(SsrTerm) type = g_list_model_get_item (types, i);

      if (!types_used[i])
        continue;
      legend_add (map, LEGEND_LINE, ssr_term_get_name (type));
      legend_last (map)->style = i;
      legend_last (map)->directed = relation_type_is_directed (type);
    }
  if (types_used[n_types])
    {
      legend_add (map, LEGEND_LINE, _("Other relations"));
      legend_last (map)->style = n_types;
      legend_last (map)->directed = TRUE;
    }
}

static void
legend_add_categories (SectorMap *map)
{
  GListModel *categories = ssr_framework_get_list (map->framework, "actor-categories");
  guint n_categories = categories ? g_list_model_get_n_items (categories) : 0;
  g_autofree gboolean *used = g_new0 (gboolean, n_categories + 1);

  for (guint i = 0; i < map->nodes->len; i++)
    {
      SsrActor *actor = g_array_index (map->nodes, MapNode, i).actor;
      SsrRenderColor color;
      int index = _ssr_render_category_color (map->framework, ssr_actor_get_category (actor), &color);

      used[index < 0 ? n_categories : (guint) index] = TRUE;
    }

  legend_add (map, LEGEND_TITLE, _("Actor categories"));
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(SsrTerm) category = g_list_model_get_item (categories, i);
      SsrRenderColor color;

      if (!used[i])
        continue;
      _ssr_render_category_color (map->framework, ssr_term_get_id (category), &color);
      legend_add_swatch (map, ssr_term_get_name (category), &color, FALSE);
    }
  if (used[n_categories])
    {
      SsrRenderColor color;

      _ssr_render_category_color (map->framework, NULL, &color);
      legend_add_swatch (map, _("Other actors"), &color, FALSE);
    }
}

static void
legend_add_stances (SectorMap *map)
{
  legend_add (map, LEGEND_TITLE, _("Stance towards reform"));
  legend_add_swatch (map, _("Champion"), &stance_colors[SSR_STANCE_CHAMPION], FALSE);
  legend_add_swatch (map, _("Neutral"), &stance_colors[SSR_STANCE_NEUTRAL], FALSE);
  legend_add_swatch (map, _("Spoiler"), &stance_colors[SSR_STANCE_SPOILER], FALSE);
  legend_add_swatch (map, _("Unknown"), &stance_colors[SSR_STANCE_UNKNOWN], TRUE);
}

static void
legend_add_ratings (SectorMap *map)
{
  legend_add (map, LEGEND_TITLE, ssr_term_get_name (map->rating_scale));
  for (int rating = 1; rating <= 5; rating++)
    {
      const char *meaning = NULL;
      g_autofree char *text = NULL;

      if (rating == 1)
        meaning = ssr_term_get_attribute (map->rating_scale, "low");
      else if (rating == 5)
        meaning = ssr_term_get_attribute (map->rating_scale, "high");

      if (meaning != NULL)
        text = g_strdup_printf ("%d — %s", rating, meaning);
      else
        text = g_strdup_printf ("%d", rating);
      legend_add_swatch (map, text, &rating_colors[rating - 1], FALSE);
    }
  legend_add_swatch (map, _("Not rated"), &unrated_color, TRUE);
}

static void
collect_legend (SectorMap      *map,
                const gboolean *types_used)
{
  gboolean any_highlighted = FALSE;

  legend_add_relations (map, types_used);

  switch (map->color_mode)
    {
    case COLOR_BY_STANCE:
      legend_add_stances (map);
      break;
    case COLOR_BY_RATING:
      legend_add_ratings (map);
      break;
    case COLOR_BY_CATEGORY:
    default:
      legend_add_categories (map);
      break;
    }

  for (guint i = 0; i < map->nodes->len; i++)
    any_highlighted |= g_array_index (map->nodes, MapNode, i).highlighted;
  if (any_highlighted)
    {
      static const SsrRenderColor white = { 1, 1, 1 };

      legend_add_swatch (map, _("Highlighted"), &white, FALSE);
      legend_last (map)->highlighted = TRUE;
    }

  if (map->options->redact)
    legend_add (map, LEGEND_NOTE, _("Sensitive actors are left out."));
}

static void
measure (PangoLayout *layout,
         const char  *text,
         double      *width,
         double      *height)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *width = pango_units_to_double (logical.width);
  *height = pango_units_to_double (logical.height);
}

/* Where the text of a legend entry starts, from its row's left edge. */
static double
legend_text_offset (SectorMap         *map,
                    const LegendEntry *entry)
{
  if (entry->kind == LEGEND_TITLE || entry->kind == LEGEND_NOTE)
    return 0;

  return (34 + 8) * map->font_scale;
}

/* The width of a legend column: its widest entry, within limits. */
static double
legend_column_width (SectorMap *map)
{
  cairo_t *cr = _ssr_render_create_measuring_context ();
  g_autoptr(PangoLayout) text = _ssr_render_create_layout (cr, LEGEND_FONT, map->font_scale);
  g_autoptr(PangoLayout) title = _ssr_render_create_layout (cr, LEGEND_TITLE_FONT, map->font_scale);
  double widest = 0;

  for (guint i = 0; i < map->legend->len; i++)
    {
      const LegendEntry *entry = &g_array_index (map->legend, LegendEntry, i);
      double text_width, text_height;

      measure (entry->kind == LEGEND_TITLE ? title : text, entry->text, &text_width, &text_height);
      widest = MAX (widest, text_width + legend_text_offset (map, entry));
    }
  cairo_destroy (cr);

  return CLAMP (ceil (widest) + LEGEND_PADDING, 160 * map->font_scale, LEGEND_COLUMN * map->font_scale);
}

/* Where the legend goes: a column on the right of a wide picture, rows
 * along the bottom of a tall one. Returns the rectangle left for the map. */
static Box
place_legend (SectorMap *map)
{
  double row = LEGEND_ROW * map->font_scale;
  guint n = map->legend->len;
  Box area = { MARGIN, MARGIN, map->width - 2 * MARGIN, map->height - 2 * MARGIN };
  double column;

  if (n == 0 || !map->show_legend)
    return area;

  column = map->legend_column = legend_column_width (map);
  if (map->width >= map->height * 1.1)
    {
      guint rows = MAX (1, (guint) ((area.height - 2 * LEGEND_PADDING) / row));
      guint columns = (n + rows - 1) / rows;

      columns = MIN (columns, MAX (1, (guint) (area.width * 0.5 / column)));
      map->legend_rows = rows;
      map->legend_box.width = columns * column + 2 * LEGEND_PADDING;
      map->legend_box.height = MIN (rows, n) * row + 2 * LEGEND_PADDING;
      map->legend_box.x = map->width - MARGIN - map->legend_box.width;
      map->legend_box.y = MARGIN;
      area.width -= map->legend_box.width + MARGIN;
    }
  else
    {
      guint columns = MAX (1, (guint) ((area.width - 2 * LEGEND_PADDING) / column));
      guint rows = (n + columns - 1) / columns;

      rows = MIN (rows, MAX (1, (guint) (area.height * 0.45 / row)));
      columns = MIN (columns, (n + rows - 1) / rows);
      map->legend_rows = rows;
      map->legend_box.width = columns * column + 2 * LEGEND_PADDING;
      map->legend_box.height = rows * row + 2 * LEGEND_PADDING;
      map->legend_box.x = MARGIN;
      map->legend_box.y = map->height - MARGIN - map->legend_box.height;
      area.height -= map->legend_box.height + MARGIN;
    }

  return area;
}

/* Fits the bands and every node into @area, leaving room for labels. */
static void
fit_map (SectorMap *map,
         Box        area)
{
  double extent = SSR_MAP_CENTRE_RADIUS;
  double min_x, min_y, max_x, max_y;
  double margin_x = MIN (LABEL_MARGIN_X * map->font_scale, area.width / 4);
  double margin_y = MIN (LABEL_MARGIN_Y * map->font_scale, area.height / 4);
  double scale;

  if (map->bands->len > 0)
    extent = MAX (extent, g_array_index (map->bands, MapBand, map->bands->len - 1).tint_outer_radius);
  min_x = min_y = -extent;
  max_x = max_y = extent;

  for (guint i = 0; i < map->nodes->len; i++)
    {
      const MapNode *node = &g_array_index (map->nodes, MapNode, i);

      min_x = MIN (min_x, node->x - SSR_MAP_NODE_RADIUS);
      min_y = MIN (min_y, node->y - SSR_MAP_NODE_RADIUS);
      max_x = MAX (max_x, node->x + SSR_MAP_NODE_RADIUS);
      max_y = MAX (max_y, node->y + SSR_MAP_NODE_RADIUS);
    }

  scale = MIN ((area.width - 2 * margin_x) / (max_x - min_x),
               (area.height - 2 * margin_y) / (max_y - min_y));
  scale = CLAMP (scale, 1e-3, MAX_MAP_SCALE * map->font_scale);

  map->scale = scale;
  map->node_radius = SSR_MAP_NODE_RADIUS * scale;
  cairo_matrix_init_translate (&map->transform,
                               area.x + area.width / 2 - scale * (min_x + max_x) / 2,
                               area.y + area.height / 2 - scale * (min_y + max_y) / 2);
  cairo_matrix_scale (&map->transform, scale, scale);

  map->centre_x = 0;
  map->centre_y = 0;
  cairo_matrix_transform_point (&map->transform, &map->centre_x, &map->centre_y);

  for (guint i = 0; i < map->nodes->len; i++)
    {
      MapNode *node = &g_array_index (map->nodes, MapNode, i);

      cairo_matrix_transform_point (&map->transform, &node->x, &node->y);
    }
}

static void
sector_map_init (SectorMap              *map,
                 SsrFramework           *framework,
                 SsrAssessment          *assessment,
                 const SsrRenderOptions *options,
                 double                  width,
                 double                  height)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autofree gboolean *types_used = NULL;
  GListModel *types = ssr_framework_get_list (framework, "relation-types");

  map->framework = framework;
  map->options = _ssr_render_options_or_default (options);
  map->font_scale = _ssr_render_font_scale (options);
  map->show_legend = map->options->show_legend;
  map->width = width;
  map->height = height;
  map->color_mode = color_mode (framework, map->options, &map->rating_scale);
  map->nodes = g_array_new (FALSE, TRUE, sizeof (MapNode));
  map->edges = g_array_new (FALSE, TRUE, sizeof (MapEdge));
  map->bands = g_array_new (FALSE, TRUE, sizeof (MapBand));
  map->legend = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  map->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_array_set_clear_func (map->bands, map_band_clear);
  g_array_set_clear_func (map->legend, legend_entry_clear);

  types_used = g_new0 (gboolean, (types ? g_list_model_get_n_items (types) : 0) + 1);
  positions = ssr_map_layout_compute (framework, assessment, map->options);
  collect_nodes (map, assessment, positions);
  collect_bands (map, positions);
  collect_edges (map, assessment, types_used);
  collect_legend (map, types_used);
  fit_map (map, place_legend (map));
}

/* Labels */

/* A uniform grid of boxes, for collision tests in constant time. */
typedef struct
{
  GArray  *boxes;
  GArray **cells;
  guint    columns;
  guint    rows;
} BoxGrid;

static void
box_grid_init (BoxGrid *grid,
               double   width,
               double   height)
{
  grid->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  grid->columns = MAX (1, (guint) ceil (width / GRID_CELL));
  grid->rows = MAX (1, (guint) ceil (height / GRID_CELL));
  grid->cells = g_new0 (GArray *, grid->columns * grid->rows);
}

static void
box_grid_clear (BoxGrid *grid)
{
  for (guint i = 0; i < grid->columns * grid->rows; i++)
    g_clear_pointer (&grid->cells[i], g_array_unref);
  g_clear_pointer (&grid->cells, g_free);
  g_clear_pointer (&grid->boxes, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BoxGrid, box_grid_clear)

static void
box_grid_range (const BoxGrid *grid,
                const Box     *box,
                guint         *c0,
                guint         *r0,
                guint         *c1,
                guint         *r1)
{
  *c0 = CLAMP (floor (box->x / GRID_CELL), 0, grid->columns - 1);
  *r0 = CLAMP (floor (box->y / GRID_CELL), 0, grid->rows - 1);
  *c1 = CLAMP (floor ((box->x + box->width) / GRID_CELL), 0, grid->columns - 1);
  *r1 = CLAMP (floor ((box->y + box->height) / GRID_CELL), 0, grid->rows - 1);
}

static guint
box_grid_add (BoxGrid   *grid,
              const Box *box)
{
  guint index = grid->boxes->len;
  guint c0, r0, c1, r1;

  g_array_append_val (grid->boxes, *box);
  box_grid_range (grid, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    {
      for (guint c = c0; c <= c1; c++)
        {
          GArray **cell = &grid->cells[r * grid->columns + c];

          if (*cell == NULL)
            *cell = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (*cell, index);
        }
    }

  return index;
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_grid_collides (const BoxGrid *grid,
                   const Box     *box,
                   guint          ignored)
{
  guint c0, r0, c1, r1;

  box_grid_range (grid, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    {
      for (guint c = c0; c <= c1; c++)
        {
          GArray *cell = grid->cells[r * grid->columns + c];

          for (guint k = 0; cell != NULL && k < cell->len; k++)
            {
              guint index = g_array_index (cell, guint, k);

              if (index != ignored && boxes_overlap (box, &g_array_index (grid->boxes, Box, index)))
                return TRUE;
            }
        }
    }

  return FALSE;
}

/* Highlighted actors first, then the influential and the well connected. */
static int
compare_label_priority (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  GArray *nodes = user_data;
  guint index_a = *(const guint *) a;
  guint index_b = *(const guint *) b;
  const MapNode *node_a = &g_array_index (nodes, MapNode, index_a);
  const MapNode *node_b = &g_array_index (nodes, MapNode, index_b);
  int influence_a = ssr_actor_get_influence (node_a->actor);
  int influence_b = ssr_actor_get_influence (node_b->actor);

  if (node_a->highlighted != node_b->highlighted)
    return node_a->highlighted ? -1 : 1;
  if (influence_a != influence_b)
    return influence_b - influence_a;
  if (node_a->degree != node_b->degree)
    return node_a->degree > node_b->degree ? -1 : 1;

  return (index_a > index_b) - (index_a < index_b);
}

/*
 * The box of a label of @width × @height beside a node at (@cx, @cy) of
 * radius @radius, in direction (@ux, @uy): its nearest corner or edge
 * touches the point LABEL_GAP beyond the node, so the text never covers it.
 */
static Box
label_box (double cx,
           double cy,
           double radius,
           double ux,
           double uy,
           double width,
           double height)
{
  double px = cx + (radius + LABEL_GAP) * ux;
  double py = cy + (radius + LABEL_GAP) * uy;
  Box box = { 0, 0, width, height };

  if (ux > 0.38)
    box.x = px;
  else if (ux < -0.38)
    box.x = px - width;
  else
    box.x = px - width / 2;

  if (uy > 0.38)
    box.y = py;
  else if (uy < -0.38)
    box.y = py - height;
  else
    box.y = py - height / 2;

  return box;
}

static gboolean
box_inside (const Box *box,
            const Box *area)
{
  return box->x >= area->x && box->y >= area->y &&
         box->x + box->width <= area->x + area->width &&
         box->y + box->height <= area->y + area->height;
}

static char *
elide (const char *text)
{
  const char *end;
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= ELIDED_LENGTH)
    return NULL;

  end = g_utf8_offset_to_pointer (text, ELIDED_LENGTH - 1);
  head = g_strndup (text, end - text);
  g_strchomp (head);

  return g_strconcat (head, "…", NULL);
}

/*
 * Each band's name sits above its nodes, at the top of its own tint. The
 * text is straight and the band curves, so a long name is shortened to
 * the chord that stays clear of the next band.
 */
static void
add_band_labels (SectorMap   *map,
                 PangoLayout *layout,
                 BoxGrid     *grid,
                 GArray      *labels)
{
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint b = 0; b < map->bands->len; b++)
    {
      const MapBand *band = &g_array_index (map->bands, MapBand, b);
      double room = (band->tint_outer_radius - band->outer_radius) * map->scale;
      double middle = (band->outer_radius + band->tint_outer_radius) / 2 * map->scale;
      double chord = map->width;
      double text_width, text_height;
      SsrMapLabel label = { 0 };
      Box box;

      if (band->names == NULL || band->names->len == 0)
        continue;

      if (b + 1 < map->bands->len)
        {
          double next = (band + 1)->inner_radius * map->scale;
          double top = middle + room / 2;

          chord = 2 * sqrt (MAX (0, next * next - top * top));
        }
      pango_layout_set_width (layout, pango_units_from_double (MAX (1, chord)));
      measure (layout, band->names->str, &text_width, &text_height);

      box = (Box) { map->centre_x - text_width / 2, map->centre_y - middle - text_height / 2,
                    text_width, text_height };
      if (text_height > room || box.y < 0 || box.x < 0 || box.x + box.width > map->width ||
          box_grid_collides (grid, &box, G_MAXUINT))
        continue;

      box_grid_add (grid, &box);
      label.text = g_strdup (pango_layout_get_text (layout));
      label.x = box.x;
      label.y = box.y;
      label.width = box.width;
      label.height = box.height;
      label.font_size = -1;
      g_array_append_val (labels, label);
    }
}

/* The two sizes of actor labels, and the least room any label needs. */
typedef struct
{
  PangoLayout *normal;
  PangoLayout *small;
  double       normal_size;
  double       small_size;
  double       min_height;
  double       min_char_width;
} LabelFonts;

static void
label_fonts_init (LabelFonts *fonts,
                  cairo_t    *cr,
                  double      font_scale)
{
  double width, height;

  fonts->normal = _ssr_render_create_layout (cr, LABEL_FONT, font_scale);
  fonts->small = _ssr_render_create_layout (cr, SMALL_LABEL_FONT, font_scale);
  fonts->normal_size = 8 * font_scale;
  fonts->small_size = 7 * font_scale;

  /* Narrow glyphs give a lower bound of any label's width per character. */
  measure (fonts->small, "Ag", &width, &fonts->min_height);
  measure (fonts->small, "i", &fonts->min_char_width, &height);
  measure (fonts->small, ".", &width, &height);
  fonts->min_char_width = MIN (fonts->min_char_width, width) * 0.9;
}

static void
label_fonts_clear (LabelFonts *fonts)
{
  g_clear_object (&fonts->normal);
  g_clear_object (&fonts->small);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LabelFonts, label_fonts_clear)

/* Labels keep a little way from the edges of the picture. */
static Box
label_area (const SectorMap *map)
{
  return (Box) { MARGIN / 2, MARGIN / 2, map->width - MARGIN, map->height - MARGIN };
}

/* The directions a label tries round its node, from the best. */
static const double label_turns[] = { 0, 0.61, -0.61, 1.22, -1.22, G_PI };

/*
 * Whether a box of @width × @height fits beside node @index in any of the
 * directions. A box anchored like a label and smaller than it lies inside
 * it, so when even the smallest possible label finds no room, no variant
 * of the label will: this spares measuring text that cannot be placed.
 */
static gboolean
label_may_fit (SectorMap *map,
               BoxGrid   *grid,
               guint      index,
               double     base,
               double     width,
               double     height)
{
  const MapNode *node = &g_array_index (map->nodes, MapNode, index);
  Box picture = label_area (map);

  for (guint t = 0; t < G_N_ELEMENTS (label_turns); t++)
    {
      double angle = base + label_turns[t];
      Box box = label_box (node->x, node->y, map->node_radius, cos (angle), sin (angle), width, height);

      if (box_inside (&box, &picture) && !box_grid_collides (grid, &box, index))
        return TRUE;
    }

  return FALSE;
}

/*
 * Tries the label of node @index: the side away from the centre, then
 * sides turned by ±35° and ±70°, then the inner side; then the same in a
 * smaller font; then shortened. The first box that stays inside the
 * picture and clear of every node and label placed before wins.
 */
static void
place_label (SectorMap  *map,
             BoxGrid    *grid,
             LabelFonts *fonts,
             guint       index,
             GArray     *labels)
{
  const MapNode *node = &g_array_index (map->nodes, MapNode, index);
  const char *name = ssr_actor_get_name (node->actor);
  g_autofree char *elided = NULL;
  Box picture = label_area (map);
  double dx = node->x - map->centre_x;
  double dy = node->y - map->centre_y;
  double base = (fabs (dx) + fabs (dy) > 1e-9) ? atan2 (dy, dx) : -G_PI / 2;
  glong length;

  if (name == NULL || name[0] == '\0')
    name = ssr_item_get_id (SSR_ITEM (node->actor));

  /* The shortened name is the shortest text this label may show. */
  elided = elide (name);
  length = g_utf8_strlen (elided ? elided : name, -1);
  if (!label_may_fit (map, grid, index, base, length * fonts->min_char_width, fonts->min_height))
    return;

  for (guint variant = 0; variant < 3; variant++)
    {
      PangoLayout *layout = variant == 0 ? fonts->normal : fonts->small;
      const char *text = variant == 2 ? elided : name;
      double text_width, text_height;

      if (text == NULL)
        continue;
      measure (layout, text, &text_width, &text_height);

      for (guint t = 0; t < G_N_ELEMENTS (label_turns); t++)
        {
          double angle = base + label_turns[t];
          Box box = label_box (node->x, node->y, map->node_radius, cos (angle), sin (angle),
                               text_width, text_height);
          SsrMapLabel label = { 0 };

          if (!box_inside (&box, &picture) || box_grid_collides (grid, &box, index))
            continue;

          box_grid_add (grid, &box);
          label.actor_id = g_strdup (ssr_item_get_id (SSR_ITEM (node->actor)));
          label.text = g_strdup (text);
          label.x = box.x;
          label.y = box.y;
          label.width = box.width;
          label.height = box.height;
          label.font_size = variant == 0 ? fonts->normal_size : fonts->small_size;
          g_array_append_val (labels, label);
          return;
        }
    }
}

/*
 * Greedy placement, in priority order, against a grid of everything
 * placed so far: nodes, the population, the legend, band names and the
 * labels before. A label with no room is left out.
 */
static GArray *
place_labels (SectorMap *map,
              cairo_t   *cr)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (SsrMapLabel));
  g_autoptr(PangoLayout) band_layout = NULL;
  g_autoptr(GArray) order = NULL;
  g_auto(BoxGrid) grid = { 0 };
  g_auto(LabelFonts) fonts = { 0 };
  double r = map->node_radius;
  double centre = SSR_MAP_CENTRE_RADIUS * map->scale;

  g_array_set_clear_func (labels, map_label_clear);

  box_grid_init (&grid, map->width, map->height);
  for (guint i = 0; i < map->nodes->len; i++)
    {
      const MapNode *node = &g_array_index (map->nodes, MapNode, i);
      Box box = { node->x - r, node->y - r, 2 * r, 2 * r };

      box_grid_add (&grid, &box);
    }
  box_grid_add (&grid, &(Box) { map->centre_x - centre, map->centre_y - centre, 2 * centre, 2 * centre });
  if (map->show_legend && map->legend->len > 0)
    box_grid_add (&grid, &map->legend_box);

  band_layout = _ssr_render_create_layout (cr, BAND_FONT, map->font_scale);
  add_band_labels (map, band_layout, &grid, labels);

  /* Below this size nodes are dots, and their names would be noise. */
  if (r < MIN_LABEL_RADIUS)
    return labels;

  label_fonts_init (&fonts, cr, map->font_scale);
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), map->nodes->len);
  for (guint i = 0; i < map->nodes->len; i++)
    g_array_append_val (order, i);
  g_qsort_with_data (order->data, order->len, sizeof (guint), compare_label_priority, map->nodes);

  for (guint k = 0; k < order->len; k++)
    place_label (map, &grid, &fonts, g_array_index (order, guint, k), labels);

  return labels;
}

GArray *
ssr_sector_map_get_labels (SsrFramework           *framework,
                           SsrAssessment          *assessment,
                           const SsrRenderOptions *options,
                           double                  width,
                           double                  height)
{
  g_auto(SectorMap) map = { 0 };
  cairo_t *cr;
  GArray *labels;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), NULL);

  sector_map_init (&map, framework, assessment, options, width, height);
  cr = _ssr_render_create_measuring_context ();
  labels = place_labels (&map, cr);
  cairo_destroy (cr);

  return labels;
}

/* Drawing */

static const SsrRenderColor ink_color = { _SSR_RENDER_INK_RED, _SSR_RENDER_INK_GREEN, _SSR_RENDER_INK_BLUE };

static void
add_bands (SsrShapes *shapes,
           SectorMap *map)
{
  for (guint b = 0; b < map->bands->len; b++)
    {
      const MapBand *band = &g_array_index (map->bands, MapBand, b);

      if (band->names == NULL)
        continue;

      _ssr_shapes_set_color (shapes, &band_colors[b % G_N_ELEMENTS (band_colors)], 1);
      _ssr_shapes_fill_ring (shapes, map->centre_x, map->centre_y,
                             band->tint_inner_radius * map->scale, band->tint_outer_radius * map->scale);
    }
}

static void
add_centre (SsrShapes *shapes,
            SectorMap *map)
{
  static const SsrRenderColor outline = { 0.55, 0.48, 0.33 };
  double radius = SSR_MAP_CENTRE_RADIUS * map->scale;

  _ssr_shapes_set_color (shapes, &centre_color, 1);
  _ssr_shapes_fill_ring (shapes, map->centre_x, map->centre_y, 0, radius);
  _ssr_shapes_set_color (shapes, &outline, 1);
  _ssr_shapes_set_line_width (shapes, 1.0);
  _ssr_shapes_set_dash (shapes, NULL, 0);
  _ssr_shapes_stroke_circle (shapes, map->centre_x, map->centre_y, radius);
}

/* The population's name in the largest font that fits its disc. */
static void
draw_centre_name (cairo_t   *cr,
                  SectorMap *map)
{
  static const char * const fonts[] = { CENTRE_FONT, "Sans Bold 7" };
  double radius = SSR_MAP_CENTRE_RADIUS * map->scale;

  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      g_autoptr(PangoLayout) layout = _ssr_render_create_layout (cr, fonts[i], map->font_scale);
      double text_width, text_height;

      measure (layout, _("Population"), &text_width, &text_height);
      if (text_width > 1.9 * radius || text_height > radius)
        continue;

      _ssr_render_set_ink (cr);
      cairo_move_to (cr, map->centre_x - text_width / 2, map->centre_y - text_height / 2);
      pango_cairo_show_layout (cr, layout);
      break;
    }
}

static double
line_width_of (const MapEdge *edge)
{
  static const double widths[] = { 1.0, 1.6, 2.4 };

  return widths[edge->strength - 1] * (edge->highlighted ? 2 : 1);
}

static int
compare_edge_styles (gconstpointer a,
                     gconstpointer b)
{
  const MapEdge *edge_a = a;
  const MapEdge *edge_b = b;
  int key_a = edge_a->style * 8 + edge_a->strength * 2 + edge_a->highlighted;
  int key_b = edge_b->style * 8 + edge_b->strength * 2 + edge_b->highlighted;

  return key_a - key_b;
}

static void
unit (double  dx,
      double  dy,
      double *ux,
      double *uy)
{
  double norm = hypot (dx, dy);

  *ux = norm > 0 ? dx / norm : 0;
  *uy = norm > 0 ? dy / norm : 0;
}

typedef struct
{
  double x0, y0;
  double x1, y1;
  double qx, qy;
  double u0x, u0y;
  double u1x, u1y;
  double arrow;
} EdgeGeometry;

/* Where @edge runs: from the rim of one node to the rim of the other,
 * bent through (qx, qy) when it has parallel relations. FALSE when the
 * nodes touch and there is no line to draw. */
static gboolean
edge_geometry (SectorMap     *map,
               const MapEdge *edge,
               EdgeGeometry  *g)
{
  const MapNode *source = &g_array_index (map->nodes, MapNode, edge->source);
  const MapNode *target = &g_array_index (map->nodes, MapNode, edge->target);
  double r = map->node_radius;
  double dx = target->x - source->x;
  double dy = target->y - source->y;

  if (hypot (dx, dy) <= 2 * r + 2)
    return FALSE;

  g->arrow = (6 + 1.5 * edge->strength) * map->font_scale;
  g->qx = (source->x + target->x) / 2 - edge->bend * dy;
  g->qy = (source->y + target->y) / 2 + edge->bend * dx;
  unit (g->qx - source->x, g->qy - source->y, &g->u0x, &g->u0y);
  unit (target->x - g->qx, target->y - g->qy, &g->u1x, &g->u1y);
  g->x0 = source->x + g->u0x * (r + 1);
  g->y0 = source->y + g->u0y * (r + 1);
  g->x1 = target->x - g->u1x * (r + 1);
  g->y1 = target->y - g->u1y * (r + 1);

  return TRUE;
}

static void
add_edge_line (SsrShapes          *shapes,
               const MapEdge      *edge,
               const EdgeGeometry *g)
{
  double x0 = g->x0, y0 = g->y0, x1 = g->x1, y1 = g->y1;

  /* The line stops inside the arrowhead, so its end does not blunt the tip. */
  if (edge->arrow_at_source)
    {
      x0 += g->u0x * g->arrow * 0.7;
      y0 += g->u0y * g->arrow * 0.7;
    }
  if (edge->arrow_at_target)
    {
      x1 -= g->u1x * g->arrow * 0.7;
      y1 -= g->u1y * g->arrow * 0.7;
    }

  if (edge->bend == 0)
    _ssr_shapes_stroke_line (shapes, x0, y0, x1, y1);
  else
    _ssr_shapes_stroke_curve (shapes, x0, y0,
                              x0 + 2.0 / 3 * (g->qx - x0), y0 + 2.0 / 3 * (g->qy - y0),
                              x1 + 2.0 / 3 * (g->qx - x1), y1 + 2.0 / 3 * (g->qy - y1),
                              x1, y1);
}

static void
add_edge_arrows (SsrShapes          *shapes,
                 const MapEdge      *edge,
                 const EdgeGeometry *g)
{
  double points[8];

  if (edge->arrow_at_source && _ssr_render_arrowhead_points (g->x0, g->y0, -g->u0x, -g->u0y, g->arrow, points))
    _ssr_shapes_fill_polygon (shapes, points, 4);
  if (edge->arrow_at_target && _ssr_render_arrowhead_points (g->x1, g->y1, g->u1x, g->u1y, g->arrow, points))
    _ssr_shapes_fill_polygon (shapes, points, 4);
}

/* The colour of relation style @style_index, lightened by @fade towards
 * the page and kept opaque, and its dash pattern at @scale. */
static int
relation_look (guint           style_index,
               double          fade,
               double          scale,
               SsrRenderColor *color,
               double          dashes[6])
{
  const RelationStyle *style = &relation_styles[style_index % G_N_ELEMENTS (relation_styles)];

  *color = _ssr_render_tint (&style->color, fade);
  for (int i = 0; i < style->n_dashes; i++)
    dashes[i] = style->dashes[i] * scale;

  return style->n_dashes;
}

static void
set_relation_style (cairo_t *cr,
                    guint    style_index,
                    double   fade,
                    double   scale)
{
  SsrRenderColor color;
  double dashes[6];
  int n_dashes = relation_look (style_index, fade, scale, &color, dashes);

  _ssr_render_set_color (cr, &color);
  cairo_set_dash (cr, dashes, n_dashes, 0);
}

/* The relations in groups of one style and width; dense maps fade their
 * lines behind the nodes. */
static void
add_edges (SsrShapes *shapes,
           SectorMap *map)
{
  g_autoptr(GArray) edges = NULL;
  double fade = map->edges->len > 300 ? 0.45 : 0.1;
  guint start = 0;

  if (map->edges->len == 0)
    return;

  edges = g_array_copy (map->edges);
  g_array_sort (edges, compare_edge_styles);

  while (start < edges->len)
    {
      const MapEdge *first = &g_array_index (edges, MapEdge, start);
      SsrRenderColor color;
      double dashes[6];
      int n_dashes;
      guint end = start;

      while (end < edges->len && compare_edge_styles (first, &g_array_index (edges, MapEdge, end)) == 0)
        end++;

      /* Lines thicken with the text, for projectors. */
      n_dashes = relation_look (first->style, first->highlighted ? 0 : fade, map->font_scale, &color, dashes);
      _ssr_shapes_set_color (shapes, &color, 1);
      _ssr_shapes_set_dash (shapes, dashes, n_dashes);
      _ssr_shapes_set_line_width (shapes, line_width_of (first) * map->font_scale);
      for (guint i = start; i < end; i++)
        {
          const MapEdge *edge = &g_array_index (edges, MapEdge, i);
          EdgeGeometry g;

          if (!edge_geometry (map, edge, &g))
            continue;

          add_edge_line (shapes, edge, &g);
          add_edge_arrows (shapes, edge, &g);
        }

      start = end;
    }
}

static void
add_nodes (SsrShapes *shapes,
           SectorMap *map)
{
  static const double dashes[] = { 2.5, 2 };
  double r = map->node_radius;

  _ssr_shapes_set_line_width (shapes, MIN (1.0, MAX (0.5, r / 5)));

  for (guint i = 0; i < map->nodes->len; i++)
    {
      const MapNode *node = &g_array_index (map->nodes, MapNode, i);

      _ssr_shapes_set_color (shapes, &node->color, 1);
      _ssr_shapes_fill_ring (shapes, node->x, node->y, 0, r);
      _ssr_shapes_set_color (shapes, &ink_color, 1);
      /* Dashed outlines for the unknown and the unrated. */
      _ssr_shapes_set_dash (shapes, dashes, node->dashed ? G_N_ELEMENTS (dashes) : 0);
      _ssr_shapes_stroke_circle (shapes, node->x, node->y, r);

      if (node->highlighted)
        {
          _ssr_shapes_set_dash (shapes, NULL, 0);
          _ssr_shapes_set_line_width (shapes, 3.0);
          _ssr_shapes_stroke_circle (shapes, node->x, node->y, r + 3.5);
          _ssr_shapes_set_line_width (shapes, MIN (1.0, MAX (0.5, r / 5)));
        }
    }
}

/* A light veil under each label keeps it readable over the lines. */
static void
add_label_veils (SsrShapes *shapes,
                 GArray    *labels)
{
  static const SsrRenderColor white = { 1, 1, 1 };

  _ssr_shapes_set_color (shapes, &white, 0.75);
  for (guint i = 0; i < labels->len; i++)
    {
      const SsrMapLabel *label = &g_array_index (labels, SsrMapLabel, i);

      _ssr_shapes_fill_rectangle (shapes, label->x, label->y, label->width, label->height);
    }
}

/*
 * The text of each label, laid out once: a map redrawn at another zoom or
 * scrolled shows the same words. Layouts measure alike on every target,
 * so those of the measuring context draw on any.
 */
static GPtrArray *
lay_out_labels (SectorMap *map,
                GArray    *labels)
{
  GPtrArray *layouts = g_ptr_array_new_full (labels->len, g_object_unref);
  cairo_t *cr = _ssr_render_create_measuring_context ();

  for (guint i = 0; i < labels->len; i++)
    {
      const SsrMapLabel *label = &g_array_index (labels, SsrMapLabel, i);
      PangoLayout *layout;

      if (label->actor_id == NULL)
        {
          layout = _ssr_render_create_layout (cr, BAND_FONT, map->font_scale);
          pango_layout_set_width (layout, pango_units_from_double (label->width + 0.5));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      else
        {
          layout = _ssr_render_create_layout (cr, label->font_size >= 8 * map->font_scale ? LABEL_FONT : SMALL_LABEL_FONT,
                                              map->font_scale);
        }
      pango_layout_set_text (layout, label->text, -1);
      g_ptr_array_add (layouts, layout);
    }
  cairo_destroy (cr);

  return layouts;
}

static void
draw_labels (cairo_t   *cr,
             GArray    *labels,
             GPtrArray *layouts)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const SsrMapLabel *label = &g_array_index (labels, SsrMapLabel, i);

      if (label->actor_id == NULL)
        cairo_set_source_rgb (cr, 0.40, 0.40, 0.40);
      else
        _ssr_render_set_ink (cr);

      cairo_move_to (cr, label->x, label->y);
      pango_cairo_show_layout (cr, g_ptr_array_index (layouts, i));
    }
}

/* The text of each legend entry, laid out once, as the labels are. */
static GPtrArray *
lay_out_legend (SectorMap *map)
{
  GPtrArray *layouts = g_ptr_array_new_full (map->legend->len, g_object_unref);
  cairo_t *cr = _ssr_render_create_measuring_context ();

  for (guint i = 0; i < map->legend->len; i++)
    {
      const LegendEntry *entry = &g_array_index (map->legend, LegendEntry, i);
      const char *font = entry->kind == LEGEND_TITLE ? LEGEND_TITLE_FONT : LEGEND_FONT;
      PangoLayout *layout = _ssr_render_create_layout (cr, font, map->font_scale);
      double width = map->legend_column - LEGEND_PADDING - legend_text_offset (map, entry);

      pango_layout_set_text (layout, entry->text, -1);
      pango_layout_set_width (layout, pango_units_from_double (MAX (1, width)));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      g_ptr_array_add (layouts, layout);
    }
  cairo_destroy (cr);

  return layouts;
}

static void
draw_legend_entry (cairo_t           *cr,
                   SectorMap         *map,
                   const LegendEntry *entry,
                   PangoLayout       *layout,
                   double             x,
                   double             y)
{
  double fs = map->font_scale;
  double row = LEGEND_ROW * fs;
  double sample = 34 * fs;
  double mid = y + row / 2;
  PangoRectangle logical;

  switch (entry->kind)
    {
    case LEGEND_TITLE:
    case LEGEND_NOTE:
      break;

    case LEGEND_LINE:
      cairo_save (cr);
      set_relation_style (cr, entry->style, 0, fs);
      cairo_set_line_width (cr, 1.6 * fs);
      cairo_move_to (cr, x, mid);
      cairo_line_to (cr, x + sample - (entry->directed ? 5 * fs : 0), mid);
      cairo_stroke (cr);
      if (entry->directed)
        {
          set_relation_style (cr, entry->style, 0, fs);
          _ssr_render_arrowhead_path (cr, x + sample, mid, 1, 0, 8 * fs);
          cairo_fill (cr);
        }
      cairo_restore (cr);
      break;

    case LEGEND_SWATCH:
    default:
      {
        double radius = MIN (6 * fs, row / 2 - 2);
        double cx = x + sample / 2;

        cairo_save (cr);
        cairo_new_path (cr);
        cairo_arc (cr, cx, mid, radius, 0, 2 * G_PI);
        _ssr_render_set_color (cr, &entry->color);
        cairo_fill_preserve (cr);
        _ssr_render_set_ink (cr);
        cairo_set_line_width (cr, 1.0);
        if (entry->dashed)
          cairo_set_dash (cr, (const double[]) { 2.5, 2 }, 2, 0);
        cairo_stroke (cr);
        if (entry->highlighted)
          {
            cairo_set_line_width (cr, 3.0);
            cairo_arc (cr, cx, mid, radius + 3, 0, 2 * G_PI);
            cairo_stroke (cr);
          }
        cairo_restore (cr);
      }
      break;
    }

  pango_layout_get_extents (layout, NULL, &logical);
  _ssr_render_set_ink (cr);
  cairo_move_to (cr, x + legend_text_offset (map, entry), mid - pango_units_to_double (logical.height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (cairo_t   *cr,
             SectorMap *map,
             GPtrArray *layouts)
{
  const Box *box = &map->legend_box;
  double row = LEGEND_ROW * map->font_scale;
  double column = map->legend_column;

  if (!map->show_legend || map->legend->len == 0)
    return;

  cairo_save (cr);
  _ssr_render_rounded_rectangle (cr, box->x, box->y, box->width, box->height, 6);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  /* Entries that do not fit the picture are cut off. They stay within
   * the padding, clear of the rounded corners: a rectangle clips them as
   * well, and costs nothing to draw through. */
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_clip (cr);

  for (guint i = 0; i < map->legend->len; i++)
    {
      guint column_index = i / map->legend_rows;
      guint row_index = i % map->legend_rows;

      draw_legend_entry (cr, map, &g_array_index (map->legend, LegendEntry, i), g_ptr_array_index (layouts, i),
                         box->x + LEGEND_PADDING + column_index * column,
                         box->y + LEGEND_PADDING + row_index * row);
    }

  cairo_restore (cr);
}

/* The prepared map */

struct _SsrSectorMap
{
  GObject    parent_instance;

  SectorMap  map;
  GArray    *labels;
  GPtrArray *label_layouts;
  GPtrArray *legend_layouts;
  SsrShapes *shapes;
  /* The shown actors' ids, in the order of the map's nodes, and the
   * nodes by id (keyed by those strings). */
  GPtrArray  *node_ids;
  GHashTable *node_index;
};

G_DEFINE_FINAL_TYPE (SsrSectorMap, ssr_sector_map, G_TYPE_OBJECT)

static void
ssr_sector_map_finalize (GObject *object)
{
  SsrSectorMap *self = SSR_SECTOR_MAP (object);

  sector_map_clear (&self->map);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->label_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->legend_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->shapes, _ssr_shapes_free);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_clear_pointer (&self->node_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_sector_map_parent_class)->finalize (object);
}

static void
ssr_sector_map_class_init (SsrSectorMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssr_sector_map_finalize;
}

static void
ssr_sector_map_init (SsrSectorMap *self)
{
}

/**
 * ssr_sector_map_new:
 *
 * Lays out the sector map of @assessment for a picture of @width ×
 * @height: everything but the pixels.
 *
 * Returns: (transfer full): the prepared map
 */
SsrSectorMap *
ssr_sector_map_new (SsrFramework           *framework,
                    SsrAssessment          *assessment,
                    const SsrRenderOptions *options,
                    double                  width,
                    double                  height)
{
  SsrSectorMap *self;
  cairo_t *cr;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (SSR_TYPE_SECTOR_MAP, NULL);
  self->shapes = _ssr_shapes_new ();
  self->map.width = width;
  self->map.height = height;
  if (width <= 0 || height <= 0)
    {
      self->labels = g_array_new (FALSE, TRUE, sizeof (SsrMapLabel));
      self->label_layouts = g_ptr_array_new ();
      self->legend_layouts = g_ptr_array_new ();
      return self;
    }

  sector_map_init (&self->map, framework, assessment, options, width, height);
  cr = _ssr_render_create_measuring_context ();
  self->labels = place_labels (&self->map, cr);
  cairo_destroy (cr);
  self->label_layouts = lay_out_labels (&self->map, self->labels);
  self->legend_layouts = lay_out_legend (&self->map);

  add_bands (self->shapes, &self->map);
  add_centre (self->shapes, &self->map);
  add_edges (self->shapes, &self->map);
  add_nodes (self->shapes, &self->map);
  add_label_veils (self->shapes, self->labels);

  /* What was borrowed from the caller is not kept: the map outlives the
   * call, and the assessment may change after it. The ids are copied. */
  self->node_ids = g_ptr_array_new_full (self->map.nodes->len, g_free);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->map.nodes->len; i++)
    {
      MapNode *node = &g_array_index (self->map.nodes, MapNode, i);
      char *id = g_strdup (ssr_item_get_id (SSR_ITEM (node->actor)));

      g_ptr_array_add (self->node_ids, id);
      g_hash_table_insert (self->node_index, id, GUINT_TO_POINTER (i));
      node->actor = NULL;
    }
  g_clear_pointer (&self->map.node_index, g_hash_table_unref);
  self->map.framework = NULL;
  self->map.options = NULL;
  self->map.rating_scale = NULL;

  return self;
}

/**
 * ssr_sector_map_render:
 *
 * Draws the prepared map into (0, 0, width, height) of @cr, at whatever
 * transformation @cr has.
 */
void
ssr_sector_map_render (SsrSectorMap *self,
                       cairo_t      *cr)
{
  g_return_if_fail (SSR_IS_SECTOR_MAP (self));
  g_return_if_fail (cr != NULL);

  if (!_ssr_render_begin (cr, self->map.width, self->map.height))
    return;

  _ssr_shapes_draw (self->shapes, cr);
  draw_centre_name (cr, &self->map);
  draw_labels (cr, self->labels, self->label_layouts);
  draw_legend (cr, &self->map, self->legend_layouts);

  cairo_restore (cr);
}

/**
 * ssr_sector_map_get_matrix:
 *
 * Sets @matrix to the transformation from map coordinates to the picture's.
 */
void
ssr_sector_map_get_matrix (SsrSectorMap   *self,
                           cairo_matrix_t *matrix)
{
  g_return_if_fail (SSR_IS_SECTOR_MAP (self));
  g_return_if_fail (matrix != NULL);

  if (self->map.nodes == NULL)
    cairo_matrix_init_identity (matrix);
  else
    *matrix = self->map.transform;
}

void
ssr_sector_map_draw (cairo_t                *cr,
                     SsrFramework           *framework,
                     SsrAssessment          *assessment,
                     const SsrRenderOptions *options,
                     double                  width,
                     double                  height)
{
  g_autoptr(SsrSectorMap) map = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (SSR_IS_FRAMEWORK (framework));
  g_return_if_fail (SSR_IS_ASSESSMENT (assessment));

  if (width <= 0 || height <= 0)
    return;

  map = ssr_sector_map_new (framework, assessment, options, width, height);
  ssr_sector_map_render (map, cr);
}

/**
 * ssr_sector_map_hit_test:
 *
 * Returns: (nullable) (transfer none): the id of the actor whose node is
 * under (@px, @py), the nearest where nodes are close
 */
const char *
ssr_sector_map_hit_test (SsrSectorMap *self,
                         double        px,
                         double        py)
{
  double best = G_MAXDOUBLE;
  const char *hit = NULL;

  g_return_val_if_fail (SSR_IS_SECTOR_MAP (self), NULL);

  if (self->map.nodes == NULL)
    return NULL;

  /* Tiny nodes get a little slack, so that they can still be picked. */
  for (guint i = 0; i < self->map.nodes->len; i++)
    {
      const MapNode *node = &g_array_index (self->map.nodes, MapNode, i);
      double distance = hypot (px - node->x, py - node->y);

      if (distance <= MAX (self->map.node_radius, 4.0) && distance < best)
        {
          best = distance;
          hit = g_ptr_array_index (self->node_ids, i);
        }
    }

  return hit;
}

gboolean
ssr_sector_map_get_actor_area (SsrSectorMap *self,
                               const char   *actor_id,
                               double       *x,
                               double       *y,
                               double       *radius)
{
  gpointer index;
  const MapNode *node;

  g_return_val_if_fail (SSR_IS_SECTOR_MAP (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);

  if (self->node_index == NULL || !g_hash_table_lookup_extended (self->node_index, actor_id, NULL, &index))
    return FALSE;

  node = &g_array_index (self->map.nodes, MapNode, GPOINTER_TO_UINT (index));
  *x = node->x;
  *y = node->y;
  *radius = self->map.node_radius;

  return TRUE;
}
