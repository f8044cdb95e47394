/* bench-map.c: times the sector map's layout and a full redraw, and writes
 * the same positioned graph as DOT for Graphviz to draw in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-map [--actors N] [--relations M] [--repeat R] [--dot FILE] [--png FILE]
 */

#define G_LOG_DOMAIN "ssr-bench"

#include "config.h"

#include <cairo.h>

#include "bench-common.h"
#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-generate.h"
#include "ssr-map-layout.h"
#include "ssr-relation.h"
#include "ssr-sector-map.h"

#define WIDTH  1920
#define HEIGHT 1080

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The graph Graphviz is asked to draw: the nodes at our layout's positions
 * (neato -n2 keeps them), labelled, with the relations as edges. */
static void
write_dot (SsrAssessment *assessment,
           GHashTable    *positions,
           const char    *path)
{
  GListModel *actors = ssr_assessment_get_actors (assessment);
  GListModel *relations = ssr_assessment_get_relations (assessment);
  g_autoptr(GString) dot = g_string_new ("digraph map {\n"
                                         "  node [shape=circle, width=0.3, fixedsize=true, fontsize=8];\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *id = ssr_item_get_id (SSR_ITEM (actor));
      const SsrMapPosition *position = g_hash_table_lookup (positions, id);
      g_autofree char *label = g_strescape (ssr_actor_get_name (actor), NULL);

      if (position == NULL)
        continue;
      g_string_append_printf (dot, "  \"%s\" [label=\"%s\", pos=\"%.1f,%.1f\"];\n",
                              id, label, position->x, -position->y);
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);

      g_string_append_printf (dot, "  \"%s\" -> \"%s\";\n",
                              ssr_relation_get_source (relation),
                              ssr_relation_get_target (relation));
    }

  g_string_append (dot, "}\n");
  if (!g_file_set_contents (path, dot->str, dot->len, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GArray) layout_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) prepare_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraw_zoomed_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SsrSectorMap) map = NULL;
  g_autofree char *png_path = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autofree char *dot_path = NULL;
  SsrRenderOptions options;
  cairo_surface_t *surface;
  int n_actors = 1000, n_relations = 3000, repeat = 7;
  GOptionEntry entries[] = {
    { "actors", 0, 0, G_OPTION_ARG_INT, &n_actors, "Actors (default 1000)", "N" },
    { "relations", 0, 0, G_OPTION_ARG_INT, &n_relations, "Relations (default 3000)", "M" },
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs (default 7)", "R" },
    { "dot", 0, 0, G_OPTION_ARG_FILENAME, &dot_path, "Also write the positioned graph as DOT", "FILE" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png_path, "Also write the last frame as PNG", "FILE" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_actors < 1 || n_relations < 0 || repeat < 1)
    {
      g_printerr ("usage: bench-map [--actors N] [--relations M] [--repeat R] [--dot FILE] [--png FILE]\n");
      return 2;
    }

  framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);
  g_assert_no_error (error);
  assessment = ssr_generate_assessment (framework, n_actors, n_relations, 1);
  ssr_render_options_init (&options);

  for (int i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_clear_pointer (&positions, g_hash_table_unref);
      positions = ssr_map_layout_compute (framework, assessment, &options);
      ms = elapsed_ms (start);
      g_array_append_val (layout_times, ms);
    }

  /* As the map canvas draws: on white, the whole picture. "draw" lays the
   * map out and draws it (an export, or the first frame after an edit);
   * "redraw" draws a map laid out before (zooming, scrolling). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  for (int i = 0; i < repeat + 1; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double ms;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      ssr_sector_map_draw (cr, framework, assessment, &options, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      ms = elapsed_ms (start);
      cairo_destroy (cr);

      /* The first draw fills font and glyph caches; it is not counted. */
      if (i > 0)
        g_array_append_val (draw_times, ms);
    }

  for (int i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_clear_object (&map);
      map = ssr_sector_map_new (framework, assessment, &options, WIDTH, HEIGHT);
      ms = elapsed_ms (start);
      g_array_append_val (prepare_times, ms);
    }

  /* The middle of the map at twice the size (the same pixels, with wider
   * lines and larger nodes), then the whole map, the frame --png keeps. */
  for (int i = 0; i < 2 * repeat; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      gboolean zoomed = i < repeat;
      double ms;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      if (zoomed)
        {
          cairo_translate (cr, -WIDTH / 2.0, -HEIGHT / 2.0);
          cairo_scale (cr, 2, 2);
        }
      ssr_sector_map_render (map, cr);
      cairo_surface_flush (surface);
      ms = elapsed_ms (start);
      cairo_destroy (cr);
      g_array_append_val (zoomed ? redraw_zoomed_times : redraw_times, ms);
    }

  if (png_path != NULL && cairo_surface_write_to_png (surface, png_path) != CAIRO_STATUS_SUCCESS)
    g_error ("Could not write %s", png_path);
  cairo_surface_destroy (surface);

  if (dot_path != NULL)
    write_dot (assessment, positions, dot_path);

  g_print ("layout %.1f\n", bench_median (layout_times));
  g_print ("draw %.1f\n", bench_median (draw_times));
  g_print ("prepare %.1f\n", bench_median (prepare_times));
  g_print ("redraw %.1f\n", bench_median (redraw_times));
  g_print ("redraw-2x %.1f\n", bench_median (redraw_zoomed_times));

  return 0;
}
