/* test-phase-diagram.c: the phase diagram draws each step in its status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-phase-diagram.h"
#include "ssr-step-record.h"

#define WIDTH  900
#define HEIGHT 420

/* Reads the colour at (x, y) of an ARGB32 surface as RGB in 0..1. */
static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

static void
assert_step_color (cairo_surface_t *surface,
                   SsrFramework    *framework,
                   guint            index,
                   SsrStepStatus    status)
{
  double x, y, w, h, rgb[3], expected[3];

  g_assert_true (ssr_phase_diagram_get_step_area (framework, index, WIDTH, HEIGHT, &x, &y, &w, &h));
  ssr_phase_diagram_get_status_color (status, &expected[0], &expected[1], &expected[2]);

  /* Just inside the left edge, half-way down: fill, not outline or text. */
  pixel_at (surface, (int) (x + 4), (int) (y + h / 2), rgb);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat_with_epsilon (rgb[i], expected[i], 0.02);
}

static SsrStepRecord *
add_record (SsrAssessment *assessment,
            const char    *step,
            SsrStepStatus  status)
{
  g_autoptr(SsrStepRecord) record = ssr_step_record_new (NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (record, "step", step, "status", status, NULL);
  g_assert_true (ssr_assessment_append (assessment, SSR_ITEM (record), &error));
  g_assert_no_error (error);

  return record;
}

static void
test_phase_diagram_colours_steps_by_status (void)
{
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, NULL);
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrTerm) first = NULL;
  g_autoptr(SsrTerm) second = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GListModel *steps;

  g_assert_nonnull (framework);
  steps = ssr_framework_get_steps (framework);
  g_assert_cmpuint (g_list_model_get_n_items (steps), >=, 3);
  first = g_list_model_get_item (steps, 0);
  second = g_list_model_get_item (steps, 1);
  add_record (assessment, ssr_term_get_id (first), SSR_STEP_DONE);
  add_record (assessment, ssr_term_get_id (second), SSR_STEP_IN_PROGRESS);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ssr_phase_diagram_draw (cr, framework, assessment, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  assert_step_color (surface, framework, 0, SSR_STEP_DONE);
  assert_step_color (surface, framework, 1, SSR_STEP_IN_PROGRESS);
  assert_step_color (surface, framework, 2, SSR_STEP_NOT_STARTED);

  cairo_surface_destroy (surface);
}

static void
test_phase_diagram_areas_follow_framework (void)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();

  /* Every built-in framework: one area per step, inside the picture, and
   * no two areas overlapping. */
  for (guint f = 0; ids[f] != NULL; f++)
    {
      g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (ids[f], NULL);
      guint n_steps = g_list_model_get_n_items (ssr_framework_get_steps (framework));
      double x, y, w, h;

      for (guint i = 0; i < n_steps; i++)
        {
          double xi, yi, wi, hi;

          g_assert_true (ssr_phase_diagram_get_step_area (framework, i, WIDTH, HEIGHT, &xi, &yi, &wi, &hi));
          g_assert_cmpfloat (xi, >=, 0);
          g_assert_cmpfloat (yi, >=, 0);
          g_assert_cmpfloat (xi + wi, <=, WIDTH);
          g_assert_cmpfloat (yi + hi, <=, HEIGHT);

          for (guint j = 0; j < i; j++)
            {
              double xj, yj, wj, hj;

              ssr_phase_diagram_get_step_area (framework, j, WIDTH, HEIGHT, &xj, &yj, &wj, &hj);
              g_assert_false (xi < xj + wj && xj < xi + wi && yi < yj + hj && yj < yi + hi);
            }
        }

      g_assert_false (ssr_phase_diagram_get_step_area (framework, n_steps, WIDTH, HEIGHT, &x, &y, &w, &h));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/phase-diagram/colours-steps-by-status",
                   test_phase_diagram_colours_steps_by_status);
  g_test_add_func ("/render/phase-diagram/areas-follow-framework",
                   test_phase_diagram_areas_follow_framework);

  return g_test_run ();
}
