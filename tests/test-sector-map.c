/* test-sector-map.c: the sector map colours, redacts, hit-tests and labels its actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-generate.h"
#include "ssr-map-layout.h"
#include "ssr-relation.h"
#include "ssr-sector-map.h"

#define WIDTH  1000
#define HEIGHT 700

typedef struct
{
  const char *id;
  const char *name;
  const char *category;
  SsrStance   stance;
  int         capacity;
  gboolean    sensitive;
} ActorSpec;

static const ActorSpec actor_specs[] = {
  { "ac-00000000000000a1", "National Police Service", "core-security", SSR_STANCE_CHAMPION, 2, FALSE },
  { "ac-00000000000000a2", "Armed Forces", "core-security", SSR_STANCE_SPOILER, 4, FALSE },
  { "ac-00000000000000a3", "Ministry of Interior", "management-oversight", SSR_STANCE_NEUTRAL, 0, FALSE },
  { "ac-00000000000000a4", "Defence Committee", "management-oversight", SSR_STANCE_UNKNOWN, 5, FALSE },
  { "ac-00000000000000a5", "Supreme Court", "justice-rule-of-law", SSR_STANCE_CHAMPION, 3, FALSE },
  { "ac-00000000000000a6", "Presidential Intelligence Unit", "core-security", SSR_STANCE_SPOILER, 1, TRUE },
  { "ac-00000000000000a7", "Civic Forum", "civil-society", SSR_STANCE_NEUTRAL, 0, FALSE },
  { "ac-00000000000000a8", "Partner Development Agency", "external", SSR_STANCE_CHAMPION, 0, FALSE },
};

#define SENSITIVE_ID "ac-00000000000000a6"

static const struct
{
  const char   *id;
  const char   *source;
  const char   *target;
  const char   *type;
  SsrDirection  direction;
} relation_specs[] = {
  { "re-00000000000000b1", "ac-00000000000000a3", "ac-00000000000000a1", "command", SSR_DIRECTION_FORWARD },
  { "re-00000000000000b2", "ac-00000000000000a4", "ac-00000000000000a2", "oversight", SSR_DIRECTION_FORWARD },
  { "re-00000000000000b3", "ac-00000000000000a5", "ac-00000000000000a1", "coordination", SSR_DIRECTION_MUTUAL },
  { "re-00000000000000b4", "ac-00000000000000a6", "ac-00000000000000a1", "command", SSR_DIRECTION_FORWARD },
  { "re-00000000000000b5", "ac-00000000000000a8", "ac-00000000000000a1", "training", SSR_DIRECTION_FORWARD },
  { "re-00000000000000b6", "ac-00000000000000a3", "ac-00000000000000a6", "funding", SSR_DIRECTION_FORWARD },
};

static SsrFramework *
default_framework (void)
{
  g_autoptr(GError) error = NULL;
  SsrFramework *framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);

  g_assert_no_error (error);
  g_assert_nonnull (framework);

  return framework;
}

static void
append (SsrAssessment *assessment,
        gpointer       item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssr_assessment_append (assessment, item, &error));
  g_assert_no_error (error);
  g_object_unref (item);
}

/* A small sector; without @sensitive, as if the sensitive actor and its
 * relations had never been recorded. */
static SsrAssessment *
build_assessment (gboolean sensitive)
{
  SsrAssessment *assessment = ssr_assessment_new ();

  for (guint i = 0; i < G_N_ELEMENTS (actor_specs); i++)
    {
      const ActorSpec *spec = &actor_specs[i];
      g_auto(GVariantBuilder) ratings = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{si}"));

      if (spec->sensitive && !sensitive)
        continue;
      if (spec->capacity > 0)
        g_variant_builder_add (&ratings, "{si}", "capacity", spec->capacity);

      append (assessment, g_object_new (SSR_TYPE_ACTOR,
                                        "id", spec->id,
                                        "name", spec->name,
                                        "category", spec->category,
                                        "stance", spec->stance,
                                        "ratings", g_variant_builder_end (&ratings),
                                        "sensitive", spec->sensitive,
                                        NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (relation_specs); i++)
    {
      if (!sensitive && (g_str_equal (relation_specs[i].source, SENSITIVE_ID) ||
                         g_str_equal (relation_specs[i].target, SENSITIVE_ID)))
        continue;

      append (assessment, g_object_new (SSR_TYPE_RELATION,
                                        "id", relation_specs[i].id,
                                        "source", relation_specs[i].source,
                                        "target", relation_specs[i].target,
                                        "type", relation_specs[i].type,
                                        "direction", relation_specs[i].direction,
                                        NULL));
    }

  return assessment;
}

static SsrAssessment *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SSR_SAMPLES"), "norvalia.ssra", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SsrAssessment *assessment = ssr_assessment_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  return assessment;
}

static cairo_surface_t *
render (SsrFramework           *framework,
        SsrAssessment          *assessment,
        const SsrRenderOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ssr_sector_map_draw (cr, framework, assessment, options, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          double           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

static gboolean
colors_equal (const double a[3],
              const double b[3])
{
  return fabs (a[0] - b[0]) < 0.02 && fabs (a[1] - b[1]) < 0.02 && fabs (a[2] - b[2]) < 0.02;
}

/* Where a map of @assessment at WIDTH × HEIGHT puts @id's node. */
static gboolean
actor_area (SsrFramework           *framework,
            SsrAssessment          *assessment,
            const SsrRenderOptions *options,
            const char             *id,
            double                 *x,
            double                 *y,
            double                 *radius)
{
  g_autoptr(SsrSectorMap) map = ssr_sector_map_new (framework, assessment, options, WIDTH, HEIGHT);

  return ssr_sector_map_get_actor_area (map, id, x, y, radius);
}

static void
node_centre (SsrFramework           *framework,
             SsrAssessment          *assessment,
             const SsrRenderOptions *options,
             const char             *id,
             double                 *x,
             double                 *y)
{
  double radius;

  g_assert_true (actor_area (framework, assessment, options, id, x, y, &radius));
  g_assert_cmpfloat (radius, >, 3);
}

/* Checks every actor's node has its expected fill; returns the pixels. */
static void
assert_node_colors (SsrFramework           *framework,
                    SsrAssessment          *assessment,
                    const SsrRenderOptions *options,
                    double                  pixels[][3])
{
  cairo_surface_t *surface = render (framework, assessment, options);
  GListModel *actors = ssr_assessment_get_actors (assessment);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      double x, y, expected[3];

      node_centre (framework, assessment, options, ssr_item_get_id (SSR_ITEM (actor)), &x, &y);
      ssr_sector_map_get_node_color (framework, actor, options, &expected[0], &expected[1], &expected[2]);
      pixel_at (surface, x, y, pixels[i]);
      g_assert_true (colors_equal (pixels[i], expected));
    }

  cairo_surface_destroy (surface);
}

static void
test_sector_map_colours_nodes_as_asked (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = build_assessment (FALSE);
  guint n_actors = g_list_model_get_n_items (ssr_assessment_get_actors (assessment));
  double by_category[G_N_ELEMENTS (actor_specs)][3];
  double by_stance[G_N_ELEMENTS (actor_specs)][3];
  double by_capacity[G_N_ELEMENTS (actor_specs)][3];
  SsrRenderOptions options;
  guint changed = 0;

  ssr_render_options_init (&options);
  assert_node_colors (framework, assessment, &options, by_category);
  options.color_by = "stance";
  assert_node_colors (framework, assessment, &options, by_stance);
  options.color_by = "capacity";
  assert_node_colors (framework, assessment, &options, by_capacity);

  /* Same category, same colour; same stance, same colour; and the
   * colourings differ from one another. */
  g_assert_true (colors_equal (by_category[0], by_category[1]));
  g_assert_false (colors_equal (by_category[0], by_category[2]));
  g_assert_false (colors_equal (by_stance[0], by_stance[1]));
  g_assert_true (colors_equal (by_stance[0], by_stance[4]));
  g_assert_false (colors_equal (by_capacity[0], by_capacity[1]));
  g_assert_true (colors_equal (by_capacity[2], by_capacity[5]));
  for (guint i = 0; i < n_actors; i++)
    changed += !colors_equal (by_category[i], by_stance[i]);
  g_assert_cmpuint (changed, ==, n_actors);
}

static void
test_sector_map_redaction_leaves_no_trace (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) full = build_assessment (TRUE);
  g_autoptr(SsrAssessment) without = build_assessment (FALSE);
  SsrRenderOptions options, redacted;
  cairo_surface_t *plain, *hidden, *reference;
  double x, y, radius, rgb[3], node[3];
  int size;

  ssr_render_options_init (&options);
  options.show_legend = FALSE;
  redacted = options;
  redacted.redact = TRUE;

  g_assert_true (actor_area (framework, full, &options, SENSITIVE_ID, &x, &y, &radius));
  g_assert_false (actor_area (framework, full, &redacted, SENSITIVE_ID, &x, &y, &radius));

  plain = render (framework, full, &options);
  hidden = render (framework, full, &redacted);
  reference = render (framework, without, &options);
  size = cairo_image_surface_get_stride (plain) * HEIGHT;

  /* Redacted, the map is exactly that of a sector without the actor and
   * its relations; unredacted, it is not. */
  g_assert_true (memcmp (cairo_image_surface_get_data (hidden), cairo_image_surface_get_data (reference), size) == 0);
  g_assert_false (memcmp (cairo_image_surface_get_data (plain), cairo_image_surface_get_data (reference), size) == 0);

  node_centre (framework, full, &options, SENSITIVE_ID, &x, &y);
  pixel_at (plain, x, y, node);
  pixel_at (hidden, x, y, rgb);
  g_assert_false (colors_equal (rgb, node));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (reference);
}

static void
test_sector_map_hit_test_finds_actors (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = build_assessment (TRUE);
  GListModel *actors = ssr_assessment_get_actors (assessment);
  g_autoptr(SsrSectorMap) map = ssr_sector_map_new (framework, assessment, NULL, WIDTH, HEIGHT);
  g_autofree char *last_id = NULL;
  cairo_matrix_t matrix;
  double x = 0, y = 0, radius = 0, centre_x = 0, centre_y = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *id = ssr_item_get_id (SSR_ITEM (actor));

      g_assert_true (ssr_sector_map_get_actor_area (map, id, &x, &y, &radius));
      g_assert_cmpstr (ssr_sector_map_hit_test (map, x + radius / 2, y - radius / 2), ==, id);
      g_free (last_id);
      last_id = g_strdup (id);
    }
  g_assert_false (ssr_sector_map_get_actor_area (map, "no-such-actor", &x, &y, &radius));

  /* The ids are the map's own: they outlive the assessment. */
  g_clear_object (&assessment);
  g_assert_cmpstr (ssr_sector_map_hit_test (map, x, y), ==, last_id);

  /* A corner and the population at the centre hold no actor. */
  g_assert_null (ssr_sector_map_hit_test (map, 2, 2));
  ssr_sector_map_get_matrix (map, &matrix);
  cairo_matrix_transform_point (&matrix, &centre_x, &centre_y);
  g_assert_null (ssr_sector_map_hit_test (map, centre_x, centre_y));
}

static gboolean
boxes_overlap (const SsrMapLabel *a,
               const SsrMapLabel *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static double
box_distance (const SsrMapLabel *box,
              double             x,
              double             y)
{
  double dx = MAX (MAX (box->x - x, 0), x - (box->x + box->width));
  double dy = MAX (MAX (box->y - y, 0), y - (box->y + box->height));

  return hypot (dx, dy);
}

/* No two labels overlap, none leaves the picture or covers a node. */
static GArray *
assert_labels_clear (SsrFramework  *framework,
                     SsrAssessment *assessment,
                     double         width,
                     double         height)
{
  GArray *labels = ssr_sector_map_get_labels (framework, assessment, NULL, width, height);
  g_autoptr(GHashTable) positions = ssr_map_layout_compute (framework, assessment, NULL);
  g_autoptr(SsrSectorMap) map = NULL;
  cairo_matrix_t matrix;
  double radius;
  GHashTableIter iter;
  SsrMapPosition *position;

  map = ssr_sector_map_new (framework, assessment, NULL, width, height);
  ssr_sector_map_get_matrix (map, &matrix);
  radius = SSR_MAP_NODE_RADIUS * matrix.xx;

  for (guint i = 0; i < labels->len; i++)
    {
      const SsrMapLabel *label = &g_array_index (labels, SsrMapLabel, i);

      g_assert_nonnull (label->text);
      g_assert_cmpfloat (label->width, >, 0);
      g_assert_cmpfloat (label->x, >=, 0);
      g_assert_cmpfloat (label->y, >=, 0);
      g_assert_cmpfloat (label->x + label->width, <=, width);
      g_assert_cmpfloat (label->y + label->height, <=, height);

      for (guint j = 0; j < i; j++)
        g_assert_false (boxes_overlap (label, &g_array_index (labels, SsrMapLabel, j)));

      g_hash_table_iter_init (&iter, positions);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &position))
        {
          double x = position->x, y = position->y;

          cairo_matrix_transform_point (&matrix, &x, &y);
          g_assert_cmpfloat (box_distance (label, x, y), >=, radius - 0.01);
        }
    }

  return labels;
}

static guint
count_actor_labels (GArray *labels)
{
  guint count = 0;

  for (guint i = 0; i < labels->len; i++)
    count += g_array_index (labels, SsrMapLabel, i).actor_id != NULL;

  return count;
}

static void
test_sector_map_labels_do_not_overlap (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) small = build_assessment (TRUE);
  g_autoptr(SsrAssessment) sample = load_sample ();
  g_autoptr(SsrAssessment) large = ssr_generate_assessment (framework, 300, 500, 9);
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) sample_labels = NULL;
  g_autoptr(GArray) large_labels = NULL;
  g_autoptr(GArray) tall_labels = NULL;
  cairo_surface_t *surface;

  /* With room to spare every actor is named in full. */
  labels = assert_labels_clear (framework, small, WIDTH, HEIGHT);
  g_assert_cmpuint (count_actor_labels (labels), ==, G_N_ELEMENTS (actor_specs));
  for (guint i = 0; i < labels->len; i++)
    {
      const SsrMapLabel *label = &g_array_index (labels, SsrMapLabel, i);
      SsrActor *actor;

      if (label->actor_id == NULL)
        continue;
      actor = SSR_ACTOR (ssr_assessment_lookup (small, label->actor_id));
      g_assert_cmpstr (label->text, ==, ssr_actor_get_name (actor));
    }

  /* The drawn map has ink in each label's box. */
  surface = render (framework, small, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      const SsrMapLabel *label = &g_array_index (labels, SsrMapLabel, i);
      double darkest = 1;

      for (double y = label->y; y < label->y + label->height; y++)
        for (double x = label->x; x < label->x + label->width; x++)
          {
            double rgb[3];

            pixel_at (surface, x, y, rgb);
            darkest = MIN (darkest, (rgb[0] + rgb[1] + rgb[2]) / 3);
          }
      g_assert_cmpfloat (darkest, <, 0.5);
    }
  cairo_surface_destroy (surface);

  sample_labels = assert_labels_clear (framework, sample, 1200, 800);
  g_assert_cmpuint (count_actor_labels (sample_labels), >, g_list_model_get_n_items (ssr_assessment_get_actors (sample)) / 2);

  /* Crowded maps drop or shorten labels instead of piling them up. */
  large_labels = assert_labels_clear (framework, large, 1200, 800);
  tall_labels = assert_labels_clear (framework, large, 700, 1000);
  g_assert_cmpuint (count_actor_labels (large_labels), >, 0);
  g_assert_cmpuint (count_actor_labels (large_labels), <, 300);
  g_assert_cmpuint (count_actor_labels (tall_labels), >, 0);
}

static void
test_sector_map_highlights_and_filters (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = build_assessment (TRUE);
  g_autoptr(GHashTable) highlighted = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const categories[] = { "core-security", NULL };
  const char *id = actor_specs[2].id;
  SsrRenderOptions options;
  cairo_surface_t *plain, *marked;
  double x, y, radius, before[3], after[3];

  ssr_render_options_init (&options);
  plain = render (framework, assessment, &options);
  g_hash_table_add (highlighted, (gpointer) id);
  options.highlighted = highlighted;
  marked = render (framework, assessment, &options);

  /* A strong dark ring just outside the highlighted node. */
  g_assert_true (actor_area (framework, assessment, &options, id, &x, &y, &radius));
  pixel_at (plain, x, y + radius + 3.5, before);
  pixel_at (marked, x, y + radius + 3.5, after);
  g_assert_cmpfloat (after[0] + after[1] + after[2], <, 0.9);
  g_assert_false (colors_equal (before, after));
  cairo_surface_destroy (plain);
  cairo_surface_destroy (marked);

  ssr_render_options_init (&options);
  options.categories = categories;
  g_assert_true (actor_area (framework, assessment, &options, actor_specs[0].id, &x, &y, &radius));
  g_assert_false (actor_area (framework, assessment, &options, actor_specs[2].id, &x, &y, &radius));
}

static void
test_sector_map_draws_an_empty_sector (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(GArray) labels = ssr_sector_map_get_labels (framework, assessment, NULL, WIDTH, HEIGHT);
  g_autoptr(SsrSectorMap) map = ssr_sector_map_new (framework, assessment, NULL, WIDTH, HEIGHT);
  cairo_surface_t *surface = render (framework, assessment, NULL);

  g_assert_cmpuint (labels->len, ==, 0);
  g_assert_null (ssr_sector_map_hit_test (map, WIDTH / 2, HEIGHT / 2));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/sector-map/colours-nodes-as-asked",
                   test_sector_map_colours_nodes_as_asked);
  g_test_add_func ("/render/sector-map/redaction-leaves-no-trace",
                   test_sector_map_redaction_leaves_no_trace);
  g_test_add_func ("/render/sector-map/hit-test-finds-actors",
                   test_sector_map_hit_test_finds_actors);
  g_test_add_func ("/render/sector-map/labels-do-not-overlap",
                   test_sector_map_labels_do_not_overlap);
  g_test_add_func ("/render/sector-map/highlights-and-filters",
                   test_sector_map_highlights_and_filters);
  g_test_add_func ("/render/sector-map/draws-an-empty-sector",
                   test_sector_map_draws_an_empty_sector);

  return g_test_run ();
}
