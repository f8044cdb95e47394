/* test-shapes.c: shapes rasterised straight into an image look as cairo draws them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-generate.h"
#include "ssr-sector-map.h"
#include "ssr-shapes-private.h"

/* In whole steps of the image's 8 bits, so that it is stored exactly. */
static const SsrRenderColor background = { 236 / 255.0, 242 / 255.0, 229 / 255.0 };
static const SsrRenderColor blue = { 0.00, 0.45, 0.70 };
static const SsrRenderColor orange = { 0.90, 0.62, 0.00 };
static const SsrRenderColor ink = { 0.12, 0.12, 0.13 };

static cairo_surface_t *
new_canvas (int width,
            int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  cairo_destroy (cr);

  return surface;
}

/* @shapes drawn on a fresh canvas through @matrix (identity when NULL):
 * straight into its pixels when @direct, else as cairo paths. */
static cairo_surface_t *
paint (const SsrShapes      *shapes,
       gboolean              direct,
       const cairo_matrix_t *matrix,
       int                   width,
       int                   height)
{
  cairo_surface_t *surface = new_canvas (width, height);
  cairo_t *cr = cairo_create (surface);

  if (matrix != NULL)
    cairo_set_matrix (cr, matrix);
  if (direct)
    g_assert_true (_ssr_shapes_draw (shapes, cr));
  else
    _ssr_shapes_draw_paths (shapes, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* How far a pixel is from the background, 0 … 255. */
static int
ink_at (cairo_surface_t *surface,
        int              x,
        int              y)
{
  const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                          (gsize) y * cairo_image_surface_get_stride (surface));
  guint32 pixel = row[x];
  int red = (pixel >> 16) & 0xff, green = (pixel >> 8) & 0xff, blue_value = pixel & 0xff;
  int darkest = 0;

  darkest = MAX (darkest, ABS (red - (int) lround (background.red * 255)));
  darkest = MAX (darkest, ABS (green - (int) lround (background.green * 255)));
  darkest = MAX (darkest, ABS (blue_value - (int) lround (background.blue * 255)));

  return darkest;
}

/*
 * Our picture must put as much ink as cairo's (within @tolerance), and in
 * the same places: where either has strong ink, the other has some.
 */
static void
assert_looks_alike (cairo_surface_t *ours,
                    cairo_surface_t *reference,
                    double           tolerance)
{
  int width = cairo_image_surface_get_width (ours);
  int height = cairo_image_surface_get_height (ours);
  double mass_ours = 0, mass_reference = 0;
  guint strong_ours = 0, strong_reference = 0, missing = 0, extra = 0;

  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          int a = ink_at (ours, x, y);
          int b = ink_at (reference, x, y);

          mass_ours += a;
          mass_reference += b;
          if (b >= 128)
            {
              strong_reference++;
              missing += a < 48;
            }
          if (a >= 128)
            {
              strong_ours++;
              extra += b < 48;
            }
        }
    }

  g_test_message ("ink %.0f against %.0f; %u of %u strong pixels missing, %u of %u extra",
                  mass_ours, mass_reference, missing, strong_reference, extra, strong_ours);
  g_assert_cmpfloat (mass_reference, >, 0);
  g_assert_cmpfloat (fabs (mass_ours - mass_reference) / mass_reference, <=, tolerance);
  g_assert_cmpfloat (missing, <=, strong_reference * 0.03);
  g_assert_cmpfloat (extra, <=, strong_ours * 0.03);
}

static void
add_lines (SsrShapes *shapes,
           gboolean   dashed,
           double     cx,
           double     cy)
{
  static const double widths[] = { 0.5, 1.0, 1.6, 2.4, 5.0 };
  static const double dashes[] = { 9, 3, 2, 3 };

  _ssr_shapes_set_dash (shapes, dashes, dashed ? G_N_ELEMENTS (dashes) : 0);
  for (int i = 0; i < 36; i++)
    {
      double angle = i * G_PI / 18 + 0.013;

      _ssr_shapes_set_color (shapes, i % 2 ? &blue : &orange, 1);
      _ssr_shapes_set_line_width (shapes, widths[i % G_N_ELEMENTS (widths)]);
      _ssr_shapes_stroke_line (shapes, cx + 20 * cos (angle), cy + 20 * sin (angle),
                               cx + 140 * cos (angle), cy + 140 * sin (angle));
    }
  /* Exactly horizontal and vertical, and a zero-length one. */
  _ssr_shapes_stroke_line (shapes, cx - 150, cy + 145.3, cx + 150, cy + 145.3);
  _ssr_shapes_stroke_line (shapes, cx + 147.5, cy - 150, cx + 147.5, cy + 140);
  _ssr_shapes_stroke_line (shapes, cx, cy, cx, cy);
}

static SsrShapes *
make_shapes (const char *kind)
{
  SsrShapes *shapes = _ssr_shapes_new ();

  if (g_str_equal (kind, "lines") || g_str_equal (kind, "dashed-lines"))
    {
      add_lines (shapes, g_str_equal (kind, "dashed-lines"), 160, 160);
    }
  else if (g_str_equal (kind, "rings"))
    {
      _ssr_shapes_set_color (shapes, &orange, 1);
      _ssr_shapes_fill_ring (shapes, 160, 160, 60.3, 140.7);
      _ssr_shapes_set_color (shapes, &blue, 1);
      for (int i = 0; i < 40; i++)
        _ssr_shapes_fill_ring (shapes, 20 + (i % 8) * 39.3, 25 + (i / 8) * 61.7, 0, 1.5 + i * 0.4);
    }
  else if (g_str_equal (kind, "circles"))
    {
      static const double dashes[] = { 2.5, 2 };

      _ssr_shapes_set_color (shapes, &ink, 1);
      for (int i = 0; i < 40; i++)
        {
          _ssr_shapes_set_line_width (shapes, 0.5 + (i % 4) * 0.8);
          _ssr_shapes_set_dash (shapes, dashes, i % 3 == 0 ? 2 : 0);
          _ssr_shapes_stroke_circle (shapes, 22 + (i % 8) * 39.3, 25 + (i / 8) * 61.7, 3 + i * 0.45);
        }
    }
  else if (g_str_equal (kind, "curves"))
    {
      static const double dashes[] = { 5, 4 };

      _ssr_shapes_set_color (shapes, &blue, 1);
      _ssr_shapes_set_line_width (shapes, 1.6);
      for (int i = 0; i < 10; i++)
        {
          _ssr_shapes_set_dash (shapes, dashes, i % 2 ? 2 : 0);
          _ssr_shapes_stroke_curve (shapes, 10, 10 + i * 30, 100, -40 + i * 30, 200, 90 + i * 30, 310, 20 + i * 30);
        }
    }
  else if (g_str_equal (kind, "arrowheads"))
    {
      _ssr_shapes_set_color (shapes, &ink, 1);
      for (int i = 0; i < 48; i++)
        {
          double points[8];
          double angle = i * 0.41;

          g_assert_true (_ssr_render_arrowhead_points (20 + (i % 8) * 40, 25 + (i / 8) * 52, cos (angle), sin (angle),
                                                       6 + i * 0.5, points));
          _ssr_shapes_fill_polygon (shapes, points, 4);
        }
    }
  else if (g_str_equal (kind, "rectangles"))
    {
      _ssr_shapes_set_color (shapes, &blue, 1);
      _ssr_shapes_fill_rectangle (shapes, 30.5, 40.25, 250, 60);
      _ssr_shapes_set_color (shapes, &(SsrRenderColor) { 1, 1, 1 }, 0.75);
      for (int i = 0; i < 12; i++)
        _ssr_shapes_fill_rectangle (shapes, 10 + i * 25.3, 20 + i * 22.6, 80.4, 11.7);
    }
  else
    {
      g_assert_not_reached ();
    }

  return shapes;
}

static const char * const kinds[] = {
  "lines", "dashed-lines", "rings", "circles", "curves", "arrowheads", "rectangles",
};

static void
test_each_kind_looks_as_cairo_draws_it (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(SsrShapes) shapes = make_shapes (kinds[i]);
      cairo_surface_t *ours = paint (shapes, TRUE, NULL, 320, 320);
      cairo_surface_t *reference = paint (shapes, FALSE, NULL, 320, 320);

      g_test_message ("%s", kinds[i]);
      assert_looks_alike (ours, reference, 0.06);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (reference);
    }
}

/* A zoomed and scrolled view, as the map canvas draws it. */
static void
test_zoomed_view_looks_as_cairo_draws_it (void)
{
  cairo_matrix_t matrix;

  cairo_matrix_init_translate (&matrix, -130.5, 42);
  cairo_matrix_scale (&matrix, 2.5, 2.5);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(SsrShapes) shapes = make_shapes (kinds[i]);
      cairo_surface_t *ours = paint (shapes, TRUE, &matrix, 640, 480);
      cairo_surface_t *reference = paint (shapes, FALSE, &matrix, 640, 480);

      g_test_message ("%s", kinds[i]);
      assert_looks_alike (ours, reference, 0.06);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (reference);
    }
}

/* A dash pattern shows where cairo's does: on where it is on, off where
 * it is off, along a horizontal line. */
static void
test_dashes_fall_where_cairo_puts_them (void)
{
  static const double dashes[] = { 9, 3, 2, 3 };
  g_autoptr(SsrShapes) shapes = _ssr_shapes_new ();
  cairo_surface_t *ours, *reference;
  guint on = 0;

  _ssr_shapes_set_color (shapes, &ink, 1);
  _ssr_shapes_set_line_width (shapes, 2);
  _ssr_shapes_set_dash (shapes, dashes, G_N_ELEMENTS (dashes));
  _ssr_shapes_stroke_line (shapes, 10, 20, 300, 20);
  /* Backwards: the pattern starts at the right. */
  _ssr_shapes_stroke_line (shapes, 300, 40, 10, 40);

  ours = paint (shapes, TRUE, NULL, 320, 60);
  reference = paint (shapes, FALSE, NULL, 320, 60);
  for (int row = 19; row <= 39; row += 20)
    {
      for (int x = 10; x < 300; x++)
        {
          int a = ink_at (ours, x, row);
          int b = ink_at (reference, x, row);

          /* Pixels wholly on or wholly off agree; edges may differ. */
          if (b > 200)
            g_assert_cmpint (a, >, 150);
          if (b < 10)
            g_assert_cmpint (a, <, 60);
          on += b > 200;
        }
    }
  g_assert_cmpuint (on, >, 200);
  g_assert_cmpuint (on, <, 460);

  cairo_surface_destroy (ours);
  cairo_surface_destroy (reference);
}

static void
test_direct_only_into_images (void)
{
  g_autoptr(SsrShapes) shapes = make_shapes ("lines");
  cairo_surface_t *image = new_canvas (320, 320);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (NULL, NULL, 320, 320);
  cairo_surface_t *a8 = cairo_image_surface_create (CAIRO_FORMAT_A8, 320, 320);
  cairo_surface_t *reference;
  cairo_matrix_t rotation;
  cairo_t *cr;

  /* Vector targets get paths. */
  cr = cairo_create (recording);
  g_assert_false (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);
  cr = cairo_create (pdf);
  g_assert_false (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);
  cr = cairo_create (a8);
  g_assert_false (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);

  /* So does a rotated view, or another operator; the picture is then
   * exactly cairo's. */
  cairo_matrix_init_rotate (&rotation, 0.3);
  cr = cairo_create (image);
  cairo_set_matrix (cr, &rotation);
  g_assert_false (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);
  reference = paint (shapes, FALSE, &rotation, 320, 320);
  cairo_surface_flush (image);
  g_assert_cmpmem (cairo_image_surface_get_data (image), 320 * cairo_image_surface_get_stride (image),
                   cairo_image_surface_get_data (reference), 320 * cairo_image_surface_get_stride (reference));

  cr = cairo_create (image);
  cairo_set_operator (cr, CAIRO_OPERATOR_ADD);
  g_assert_false (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);

  /* A clip with rounded corners is cairo's to draw; a rectangle whose
   * edges fall between pixels, as a zoomed picture's bounds, is ours. */
  cr = cairo_create (image);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 160, 160, 100, 0, 2 * G_PI);
  cairo_clip (cr);
  g_assert_false (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);

  cr = cairo_create (image);
  cairo_translate (cr, -10.3, 4.6);
  cairo_scale (cr, 1.03, 1.03);
  cairo_rectangle (cr, 0, 0, 300, 290);
  cairo_clip (cr);
  g_assert_true (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);

  cairo_surface_destroy (reference);
  cairo_surface_destroy (recording);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (a8);
  cairo_surface_destroy (image);
}

static void
test_keeps_within_the_clip (void)
{
  g_autoptr(SsrShapes) shapes = make_shapes ("lines");
  cairo_surface_t *untouched = new_canvas (320, 320);
  cairo_surface_t *surface = new_canvas (320, 320);
  cairo_t *cr = cairo_create (surface);
  guint changed = 0;

  cairo_translate (cr, -100, -150);
  cairo_scale (cr, 2, 2);
  cairo_rectangle (cr, 100, 130, 60, 40);   /* pixels (100, 110) to (220, 190) */
  cairo_clip (cr);
  g_assert_true (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < 320; y++)
    {
      for (int x = 0; x < 320; x++)
        {
          gboolean inside = x >= 100 && x < 220 && y >= 110 && y < 190;

          if (!inside)
            g_assert_cmpint (ink_at (surface, x, y), ==, ink_at (untouched, x, y));
          else
            changed += ink_at (surface, x, y) > 0;
        }
    }
  g_assert_cmpuint (changed, >, 500);
  cairo_surface_destroy (surface);

  /* Edges between pixels: (10.3, 35.5) to (113.3, 117.9) in pixels; no
   * pixel whose centre is outside is touched. */
  surface = new_canvas (320, 320);
  cr = cairo_create (surface);
  cairo_translate (cr, -10.3, 4.6);
  cairo_scale (cr, 1.03, 1.03);
  cairo_rectangle (cr, 20, 30, 100, 80);
  cairo_clip (cr);
  g_assert_true (_ssr_shapes_draw (shapes, cr));
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  changed = 0;
  for (int y = 0; y < 320; y++)
    {
      for (int x = 0; x < 320; x++)
        {
          if (x <= 9 || x >= 114 || y <= 34 || y >= 118)
            g_assert_cmpint (ink_at (surface, x, y), ==, ink_at (untouched, x, y));
          else
            changed += ink_at (surface, x, y) > 0;
        }
    }
  g_assert_cmpuint (changed, >, 200);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (untouched);
}

/*
 * A tall picture with enough shapes is drawn in bands of rows, by several
 * threads: a line across all of them shows no seam, and no band draws
 * twice.
 */
static void
test_bands_leave_no_seams (void)
{
  g_autoptr(SsrShapes) shapes = _ssr_shapes_new ();
  cairo_surface_t *ours, *reference;
  const guint32 *data;
  guint32 line_colour;
  int stride;

  _ssr_shapes_set_color (shapes, &blue, 1);
  _ssr_shapes_set_line_width (shapes, 1);
  _ssr_shapes_stroke_line (shapes, 100.5, 0, 100.5, 1000);
  _ssr_shapes_set_color (shapes, &orange, 1);
  for (int i = 0; i < 400; i++)
    _ssr_shapes_stroke_line (shapes, 150 + (i % 40) * 2.3, 3 + i * 2.4, 290 - (i % 40) * 2.9, 997 - i * 2.1);

  ours = paint (shapes, TRUE, NULL, 300, 1000);
  reference = paint (shapes, FALSE, NULL, 300, 1000);
  assert_looks_alike (ours, reference, 0.06);

  data = (const guint32 *) cairo_image_surface_get_data (ours);
  stride = cairo_image_surface_get_stride (ours) / 4;
  line_colour = data[500 * stride + 100];
  for (int y = 1; y < 999; y++)
    {
      g_assert_cmphex (data[y * stride + 100], ==, line_colour);
      g_assert_cmpint (ink_at (ours, 99, y), ==, 0);
      g_assert_cmpint (ink_at (ours, 101, y), ==, 0);
    }

  cairo_surface_destroy (ours);
  cairo_surface_destroy (reference);
}

/* Coordinates a zoom or a broken layout could give draw what fits, and
 * return. */
static void
test_survives_huge_and_undefined_coordinates (void)
{
  g_autoptr(SsrShapes) shapes = _ssr_shapes_new ();
  double points[] = { -1e12, -1e12, 1e12, 3, 5, 1e12, NAN, 7 };
  cairo_surface_t *surface;
  guint changed = 0;

  _ssr_shapes_set_color (shapes, &ink, 1);
  _ssr_shapes_set_line_width (shapes, 2);
  _ssr_shapes_stroke_line (shapes, -1e9, -1e9, 1e9, 1e9);
  _ssr_shapes_stroke_line (shapes, NAN, 0, 100, INFINITY);
  _ssr_shapes_stroke_curve (shapes, 0, 0, 1e15, -1e15, NAN, 4, 300, 300);
  _ssr_shapes_fill_ring (shapes, 1e7, 5e6, 0, 2e7);
  _ssr_shapes_fill_ring (shapes, NAN, 10, 0, 5);
  _ssr_shapes_stroke_circle (shapes, 150, 150, 1e9);
  _ssr_shapes_fill_polygon (shapes, points, 4);
  _ssr_shapes_fill_rectangle (shapes, -1e18, -1e18, 2e18, 1e18 + 20);

  surface = paint (shapes, TRUE, NULL, 300, 300);
  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 300; x++)
      changed += ink_at (surface, x, y) > 0;
  /* The diagonal at least, and the huge disc that covers all. */
  g_assert_cmpuint (changed, >, 300);
  cairo_surface_destroy (surface);
}

/* The whole sector map, straight into pixels and through cairo. */
static void
test_sector_map_looks_as_cairo_draws_it (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(SsrSectorMap) map = NULL;
  cairo_surface_t *ours = new_canvas (1200, 800);
  cairo_surface_t *reference = new_canvas (1200, 800);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr;

  g_assert_no_error (error);
  assessment = ssr_generate_assessment (framework, 200, 500, 3);
  map = ssr_sector_map_new (framework, assessment, NULL, 1200, 800);

  cr = cairo_create (ours);
  ssr_sector_map_render (map, cr);
  cairo_destroy (cr);

  /* Through a recording surface, the shapes are cairo paths. */
  cr = cairo_create (recording);
  ssr_sector_map_render (map, cr);
  cairo_destroy (cr);
  cr = cairo_create (reference);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  cairo_surface_flush (ours);
  cairo_surface_flush (reference);
  assert_looks_alike (ours, reference, 0.04);

  cairo_surface_destroy (recording);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (reference);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/shapes/each-kind-looks-as-cairo-draws-it",
                   test_each_kind_looks_as_cairo_draws_it);
  g_test_add_func ("/render/shapes/zoomed-view-looks-as-cairo-draws-it",
                   test_zoomed_view_looks_as_cairo_draws_it);
  g_test_add_func ("/render/shapes/dashes-fall-where-cairo-puts-them",
                   test_dashes_fall_where_cairo_puts_them);
  g_test_add_func ("/render/shapes/direct-only-into-images",
                   test_direct_only_into_images);
  g_test_add_func ("/render/shapes/keeps-within-the-clip",
                   test_keeps_within_the_clip);
  g_test_add_func ("/render/shapes/bands-leave-no-seams",
                   test_bands_leave_no_seams);
  g_test_add_func ("/render/shapes/survives-huge-and-undefined-coordinates",
                   test_survives_huge_and_undefined_coordinates);
  g_test_add_func ("/render/shapes/sector-map-looks-as-cairo-draws-it",
                   test_sector_map_looks_as_cairo_draws_it);

  return g_test_run ();
}
