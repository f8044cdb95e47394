/* ssr-phase-diagram.c: the framework's phases and steps, coloured by status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-phase-diagram"

#include "config.h"

#include "ssr-phase-diagram.h"

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-render-private.h"

#define MARGIN         12.0
#define COLUMN_GAP     16.0
#define HEADER_HEIGHT  44.0
#define STEP_GAP       10.0
#define MAX_STEP_HEIGHT 64.0
#define CORNER_RADIUS  6.0

/* Colours chosen to differ in lightness as well as hue, so that the three
 * states stay apart in greyscale print and for colour-blind readers. */
static const double status_colors[][3] = {
  [SSR_STEP_NOT_STARTED] = { 0.93, 0.93, 0.92 },
  [SSR_STEP_IN_PROGRESS] = { 0.97, 0.77, 0.33 },
  [SSR_STEP_DONE]        = { 0.18, 0.55, 0.34 },
};

void
ssr_phase_diagram_get_status_color (SsrStepStatus  status,
                                    double        *red,
                                    double        *green,
                                    double        *blue)
{
  if (status > SSR_STEP_DONE)
    status = SSR_STEP_NOT_STARTED;

  *red = status_colors[status][0];
  *green = status_colors[status][1];
  *blue = status_colors[status][2];
}

/* The geometry shared by drawing and hit testing. */
typedef struct
{
  double column_width;
  double step_height;
} Layout;

static gboolean
compute_layout (GListModel *phases,
                double      width,
                double      height,
                Layout     *layout)
{
  guint n_phases = g_list_model_get_n_items (phases);
  guint n_rows = _ssr_render_max_steps (phases);

  if (n_phases == 0)
    return FALSE;

  layout->column_width = (width - 2 * MARGIN - (n_phases - 1) * COLUMN_GAP) / n_phases;
  layout->step_height = (height - 2 * MARGIN - HEADER_HEIGHT - (n_rows - 1) * STEP_GAP) / n_rows;
  layout->step_height = MIN (layout->step_height, MAX_STEP_HEIGHT);

  return layout->column_width > 0 && layout->step_height > 0;
}

gboolean
ssr_phase_diagram_get_step_area (SsrFramework *framework,
                                 guint         index,
                                 double        width,
                                 double        height,
                                 double       *x,
                                 double       *y,
                                 double       *step_width,
                                 double       *step_height)
{
  GListModel *phases;
  Layout layout;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), FALSE);

  phases = ssr_framework_get_phases (framework);
  if (phases == NULL || !compute_layout (phases, width, height, &layout))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");
      guint n_steps = steps ? g_list_model_get_n_items (steps) : 0;

      if (index < n_steps)
        {
          *x = MARGIN + i * (layout.column_width + COLUMN_GAP);
          *y = MARGIN + HEADER_HEIGHT + index * (layout.step_height + STEP_GAP);
          *step_width = layout.column_width;
          *step_height = layout.step_height;
          return TRUE;
        }

      index -= n_steps;
    }

  return FALSE;
}

static void
draw_step (cairo_t       *cr,
           SsrTerm       *step,
           SsrStepStatus  status,
           guint          number,
           double         x,
           double         y,
           double         w,
           double         h)
{
  g_autofree char *label = g_strdup_printf ("%u. %s", number, ssr_term_get_name (step));
  double red, green, blue;

  ssr_phase_diagram_get_status_color (status, &red, &green, &blue);
  _ssr_render_rounded_rectangle (cr, x, y, w, h, CORNER_RADIUS);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 1.0);
  /* A dashed outline marks steps not started, in print as on screen. */
  if (status == SSR_STEP_NOT_STARTED)
    cairo_set_dash (cr, (const double[]) { 4.0, 3.0 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (status == SSR_STEP_DONE)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  _ssr_render_draw_text (cr, label, "Sans 9", PANGO_ALIGN_CENTER, x + 6, y + 2, w - 12, h - 4);
}

void
ssr_phase_diagram_draw (cairo_t       *cr,
                        SsrFramework  *framework,
                        SsrAssessment *assessment,
                        double         width,
                        double         height)
{
  GListModel *phases;
  Layout layout;
  guint number = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (SSR_IS_FRAMEWORK (framework));
  g_return_if_fail (assessment == NULL || SSR_IS_ASSESSMENT (assessment));

  phases = ssr_framework_get_phases (framework);
  if (phases == NULL || !compute_layout (phases, width, height, &layout))
    return;

  cairo_save (cr);

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");
      double x = MARGIN + i * (layout.column_width + COLUMN_GAP);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      _ssr_render_draw_text (cr, ssr_term_get_name (phase), "Sans Bold 10", PANGO_ALIGN_CENTER,
                             x, MARGIN, layout.column_width, HEADER_HEIGHT - 8);

      for (guint j = 0; steps != NULL && j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);
          double y = MARGIN + HEADER_HEIGHT + j * (layout.step_height + STEP_GAP);

          draw_step (cr, step, _ssr_render_step_status (assessment, step), ++number,
                     x, y, layout.column_width, layout.step_height);
        }
    }

  cairo_restore (cr);
}
