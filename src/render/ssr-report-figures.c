/* ssr-report-figures.c: the figures of the report: pictures, check boxes, rating dots, status marks, sparklines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-report"

#include "config.h"

#include "ssr-report-private.h"

#include "ssr-indicator.h"
#include "ssr-phase-diagram.h"
#include "ssr-picture.h"

/* Pictures shrink to fit a page down to this, to keep their text legible. */
#define MIN_PICTURE_SCALE 0.7

/*
 * A picture fitted to its rectangle: drawn on a canvas of the rectangle's
 * proportions, as large as the picture's natural size asks, and scaled
 * down into the rectangle, but never so far that its text gets too small
 * to read.
 */
typedef struct
{
  SsrPicture picture;
  double     scale;
} PictureFigure;

/* The pictures of the report leave out what the report leaves out. */
static void
picture_options_init (SsrReport        *self,
                      SsrRenderOptions *options)
{
  ssr_render_options_init (options);
  options->redact = self->options.redact;
}

static void
draw_picture_cb (SsrReport *self,
                 cairo_t   *cr,
                 gpointer   data,
                 double     width,
                 double     height)
{
  PictureFigure *figure = data;
  cairo_rectangle_t canvas = { 0, 0, width / figure->scale, height / figure->scale };
  cairo_surface_t *recording;
  cairo_t *picture_cr;
  SsrRenderOptions options;

  picture_options_init (self, &options);

  /* The picture is drawn unscaled on a surface of its own and scaled as a
   * whole: in a scaled context Pango ellipsizes text that would fit. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &canvas);
  picture_cr = cairo_create (recording);
  ssr_picture_draw (figure->picture, picture_cr, self->framework, self->assessment, &options,
                    canvas.width, canvas.height);
  cairo_destroy (picture_cr);

  cairo_scale (cr, figure->scale, figure->scale);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_surface_destroy (recording);
}

SsrReportFigure *
_ssr_report_picture_figure_new (SsrReport *self,
                                SsrPicture picture,
                                double     width,
                                double     height)
{
  PictureFigure *figure = g_new0 (PictureFigure, 1);
  SsrRenderOptions options;
  double natural_width, natural_height;

  picture_options_init (self, &options);
  ssr_picture_get_natural_size (picture, self->framework, self->assessment, &options,
                                &natural_width, &natural_height);

  figure->picture = picture;
  figure->scale = CLAMP (MIN (width / natural_width, height / natural_height), MIN_PICTURE_SCALE, 1);

  return _ssr_report_figure_new (draw_picture_cb, figure, g_free);
}

/* A picture below a heading of its title, filling @height or the rest of
 * the page. */
void
_ssr_report_flow_picture (SsrReportFlow *flow,
                          SsrPicture     picture,
                          double         height)
{
  SsrReportFigure *figure;
  double room;

  _ssr_report_flow_heading (flow, 2, ssr_picture_get_title (picture));
  room = _ssr_report_flow_room (flow);
  if (height <= 0 || height > room)
    height = room;
  figure = _ssr_report_picture_figure_new (flow->report, picture, flow->width, height);
  _ssr_report_flow_figure (flow, figure, height);
}

static void
draw_checkbox_cb (SsrReport *self,
                  cairo_t   *cr,
                  gpointer   data,
                  double     width,
                  double     height)
{
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  _ssr_render_set_color (cr, &_ssr_report_muted);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  if (GPOINTER_TO_INT (data))
    {
      cairo_move_to (cr, width * 0.18, height * 0.55);
      cairo_line_to (cr, width * 0.42, height * 0.8);
      cairo_line_to (cr, width * 0.85, height * 0.2);
      _ssr_render_set_color (cr, &_ssr_report_accent);
      cairo_set_line_width (cr, 1.4);
      cairo_stroke (cr);
    }
}

SsrReportFigure *
_ssr_report_checkbox_figure_new (gboolean checked)
{
  return _ssr_report_figure_new (draw_checkbox_cb, GINT_TO_POINTER (checked), NULL);
}

/* A rating of 0..5 as five dots, filled up to the rating. */
static void
draw_dots_cb (SsrReport *self,
              cairo_t   *cr,
              gpointer   data,
              double     width,
              double     height)
{
  int rating = GPOINTER_TO_INT (data);
  double radius = MIN (height / 2 - 0.5, 3.5);

  cairo_set_line_width (cr, 0.8);
  for (int i = 0; i < 5; i++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, radius + 0.5 + i * (2 * radius + 3), height / 2, radius, 0, 2 * G_PI);
      _ssr_render_set_color (cr, &_ssr_report_accent);
      if (i < rating)
        cairo_fill_preserve (cr);
      cairo_stroke (cr);
    }
}

SsrReportFigure *
_ssr_report_dots_figure_new (int rating)
{
  return _ssr_report_figure_new (draw_dots_cb, GINT_TO_POINTER (rating), NULL);
}

static void
draw_status_cb (SsrReport *self,
                cairo_t   *cr,
                gpointer   data,
                double     width,
                double     height)
{
  double red, green, blue;

  ssr_phase_diagram_get_status_color (GPOINTER_TO_INT (data), &red, &green, &blue);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill_preserve (cr);
  _ssr_render_set_color (cr, &_ssr_report_muted);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

SsrReportFigure *
_ssr_report_status_figure_new (SsrStepStatus status)
{
  return _ssr_report_figure_new (draw_status_cb, GINT_TO_POINTER (status), NULL);
}

/* An indicator's values over time, with its target as a dashed line. */
typedef struct
{
  guint           n_points;
  double         *x;
  double         *y;
  double          target;
  /* The time axis runs to the target date when there is one. */
  double          end_x;
  SsrReportTrack  track;
} Sparkline;

static void
sparkline_free (gpointer data)
{
  Sparkline *sparkline = data;

  g_free (sparkline->x);
  g_free (sparkline->y);
  g_free (sparkline);
}

static Sparkline *
sparkline_new (SsrIndicator *indicator)
{
  Sparkline *sparkline = g_new0 (Sparkline, 1);
  GVariant *measurements = ssr_indicator_get_measurements (indicator);
  guint n = measurements ? g_variant_n_children (measurements) : 0;
  gboolean by_date = TRUE;
  GDate date;

  sparkline->x = g_new (double, n + 1);
  sparkline->y = g_new (double, n + 1);
  sparkline->target = ssr_indicator_get_target (indicator);
  sparkline->track = _ssr_report_indicator_track (indicator);

  if (_ssr_report_parse_date (ssr_indicator_get_baseline_date (indicator), &date))
    sparkline->x[0] = g_date_get_julian (&date);
  else
    by_date = FALSE;
  sparkline->y[0] = ssr_indicator_get_baseline (indicator);

  for (guint i = 0; i < n; i++)
    {
      const char *when;
      double value;

      g_variant_get_child (measurements, i, "(&sd&s)", &when, &value, NULL);
      if (_ssr_report_parse_date (when, &date))
        sparkline->x[i + 1] = g_date_get_julian (&date);
      else
        by_date = FALSE;
      sparkline->y[i + 1] = value;
    }
  sparkline->n_points = n + 1;

  /* Without dates throughout, the points are evenly spaced. */
  for (guint i = 0; !by_date && i < sparkline->n_points; i++)
    sparkline->x[i] = i;

  sparkline->end_x = sparkline->x[n];
  if (by_date && _ssr_report_parse_date (ssr_indicator_get_target_date (indicator), &date))
    sparkline->end_x = MAX (sparkline->end_x, g_date_get_julian (&date));

  return sparkline;
}

static void
draw_sparkline_cb (SsrReport *self,
                   cairo_t   *cr,
                   gpointer   data,
                   double     width,
                   double     height)
{
  Sparkline *sparkline = data;
  double min_x = sparkline->x[0], max_x = sparkline->end_x;
  double min_y = sparkline->target, max_y = sparkline->target;
  double pad = 2.5, last_x, last_y;

  for (guint i = 0; i < sparkline->n_points; i++)
    {
      min_x = MIN (min_x, sparkline->x[i]);
      max_x = MAX (max_x, sparkline->x[i]);
      min_y = MIN (min_y, sparkline->y[i]);
      max_y = MAX (max_y, sparkline->y[i]);
    }
  if (max_x - min_x < 1e-9)
    max_x = min_x + 1;
  if (max_y - min_y < 1e-9)
    max_y = min_y + 1;

#define SPARK_X(v) (pad + ((v) - min_x) / (max_x - min_x) * (width - 2 * pad))
#define SPARK_Y(v) (height - pad - ((v) - min_y) / (max_y - min_y) * (height - 2 * pad))

  cairo_set_line_width (cr, 0.7);
  cairo_set_dash (cr, (const double[]) { 2.0, 2.0 }, 2, 0);
  _ssr_render_set_color (cr, &_ssr_report_muted);
  cairo_move_to (cr, pad, SPARK_Y (sparkline->target));
  cairo_line_to (cr, width - pad, SPARK_Y (sparkline->target));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_set_line_width (cr, 1.2);
  _ssr_render_set_color (cr, &_ssr_report_accent);
  for (guint i = 0; i < sparkline->n_points; i++)
    cairo_line_to (cr, SPARK_X (sparkline->x[i]), SPARK_Y (sparkline->y[i]));
  cairo_stroke (cr);

  last_x = SPARK_X (sparkline->x[sparkline->n_points - 1]);
  last_y = SPARK_Y (sparkline->y[sparkline->n_points - 1]);
#undef SPARK_X
#undef SPARK_Y

  cairo_arc (cr, last_x, last_y, 2.2, 0, 2 * G_PI);
  if (sparkline->track == TRACK_ON)
    cairo_set_source_rgb (cr, 0.18, 0.55, 0.34);
  else if (sparkline->track == TRACK_OFF)
    cairo_set_source_rgb (cr, 0.85, 0.45, 0.10);
  cairo_fill (cr);
}

SsrReportFigure *
_ssr_report_sparkline_figure_new (SsrIndicator *indicator)
{
  return _ssr_report_figure_new (draw_sparkline_cb, sparkline_new (indicator), sparkline_free);
}
