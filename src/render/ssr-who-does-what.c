/* ssr-who-does-what.c: the matrix of organisations against SSR areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-who-does-what"

#include "config.h"

#include "ssr-who-does-what.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-organisation.h"
#include "ssr-render-private.h"

/* Lengths at font scale 1; those marked × grow with it. */
#define MARGIN          14.0
#define LABEL_WIDTH     300.0  /* × at most */
#define MAX_ROW         26.0   /* × */
#define LEGEND_HEIGHT   30.0   /* × */
#define TOTALS_GAP      6.0
#define HEADER_PADDING  10.0
#define MAX_HEADER_LINES 3
#define HEADER_FONT     "Sans 8.5"

static const SsrRenderColor fill_color = { 0.000, 0.447, 0.698 };
static const SsrRenderColor overlap_color = { 0.902, 0.624, 0.000 };

typedef struct
{
  GListModel *areas;
  GListModel *organisations;
  guint       n_areas;
  guint       n_organisations;
  guint      *totals;
  double      font_scale;
  double      width;
  double      height;
  double      label_width;
  double      column_width;
  double      header_height;
  gboolean    upright_headers;
  double      row_height;
  double      legend_height;
} Matrix;

static void
matrix_clear (Matrix *matrix)
{
  g_clear_pointer (&matrix->totals, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Matrix, matrix_clear)

static gboolean
works_in (SsrOrganisation *organisation,
          const char      *area)
{
  const char * const *areas = ssr_organisation_get_areas (organisation);

  return areas != NULL && g_strv_contains (areas, area);
}

static PangoLayout *
header_layout (cairo_t *cr,
               Matrix  *matrix)
{
  return _ssr_render_create_layout (cr, HEADER_FONT, matrix->font_scale);
}

/*
 * Headers lie flat, wrapped at words, when every one fits its column in a
 * few lines without breaking a word; otherwise they stand upright,
 * shortened to the header's height.
 */
static void
measure_headers (cairo_t *cr,
                 Matrix  *matrix)
{
  g_autoptr(PangoLayout) layout = header_layout (cr, matrix);
  double room = matrix->column_width - 6;
  double flat_height = 0, upright_length = 0;
  gboolean flat = room > 0;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  for (guint i = 0; i < matrix->n_areas; i++)
    {
      g_autoptr(SsrTerm) area = g_list_model_get_item (matrix->areas, i);
      int text_width, text_height;

      pango_layout_set_text (layout, ssr_term_get_name (area), -1);
      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      upright_length = MAX (upright_length, text_width);

      pango_layout_set_width (layout, pango_units_from_double (MAX (1, room)));
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      if (text_width > room || pango_layout_get_line_count (layout) > MAX_HEADER_LINES)
        flat = FALSE;
      flat_height = MAX (flat_height, text_height);
    }

  matrix->upright_headers = !flat;
  if (flat)
    matrix->header_height = flat_height + HEADER_PADDING;
  else
    matrix->header_height = MIN (upright_length + HEADER_PADDING, matrix->height * 0.35);
}

static void
matrix_init (Matrix                 *matrix,
             cairo_t                *cr,
             SsrFramework           *framework,
             SsrAssessment          *assessment,
             const SsrRenderOptions *options,
             double                  width,
             double                  height)
{
  double rows_height;

  matrix->font_scale = _ssr_render_font_scale (options);
  options = _ssr_render_options_or_default (options);
  matrix->width = width;
  matrix->height = height;
  matrix->areas = ssr_framework_get_list (framework, "ssr-areas");
  matrix->n_areas = matrix->areas ? g_list_model_get_n_items (matrix->areas) : 0;
  matrix->organisations = ssr_assessment_get_organisations (assessment);
  matrix->n_organisations = g_list_model_get_n_items (matrix->organisations);
  matrix->totals = g_new0 (guint, MAX (1, matrix->n_areas));

  for (guint c = 0; c < matrix->n_areas; c++)
    {
      g_autoptr(SsrTerm) area = g_list_model_get_item (matrix->areas, c);

      for (guint r = 0; r < matrix->n_organisations; r++)
        {
          g_autoptr(SsrOrganisation) organisation = g_list_model_get_item (matrix->organisations, r);

          matrix->totals[c] += works_in (organisation, ssr_term_get_id (area));
        }
    }

  matrix->label_width = MIN (LABEL_WIDTH * matrix->font_scale, (width - 2 * MARGIN) * 0.3);
  matrix->column_width = matrix->n_areas > 0 ? (width - 2 * MARGIN - matrix->label_width) / matrix->n_areas : 0;
  matrix->legend_height = options->show_legend ? LEGEND_HEIGHT * matrix->font_scale : 0;
  measure_headers (cr, matrix);

  rows_height = height - 2 * MARGIN - matrix->header_height - matrix->legend_height - TOTALS_GAP;
  matrix->row_height = MIN (MAX_ROW * matrix->font_scale, MAX (0, rows_height) / (matrix->n_organisations + 1));
}

static void
cell_rect (const Matrix *matrix,
           guint         row,
           guint         column,
           double       *x,
           double       *y,
           double       *width,
           double       *height)
{
  *x = MARGIN + matrix->label_width + column * matrix->column_width;
  *y = MARGIN + matrix->header_height + row * matrix->row_height +
       (row == matrix->n_organisations ? TOTALS_GAP : 0);
  *width = matrix->column_width;
  *height = matrix->row_height;
}

static void
draw_headers (cairo_t *cr,
              Matrix  *matrix)
{
  g_autoptr(PangoLayout) layout = header_layout (cr, matrix);
  double room = matrix->header_height - HEADER_PADDING;

  if (matrix->upright_headers)
    {
      pango_layout_set_width (layout, pango_units_from_double (MAX (1, room)));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (layout, pango_units_from_double (MAX (1, matrix->column_width - 6)));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }

  _ssr_render_set_ink (cr);
  for (guint c = 0; c < matrix->n_areas; c++)
    {
      g_autoptr(SsrTerm) area = g_list_model_get_item (matrix->areas, c);
      double x = MARGIN + matrix->label_width + c * matrix->column_width;
      int text_width, text_height;

      pango_layout_set_text (layout, ssr_term_get_name (area), -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);

      /* Whatever the text, it stays inside its column's header. */
      cairo_save (cr);
      cairo_rectangle (cr, x, MARGIN, matrix->column_width, matrix->header_height);
      cairo_clip (cr);
      if (matrix->upright_headers)
        {
          cairo_move_to (cr, x + (matrix->column_width - text_height) / 2,
                         MARGIN + matrix->header_height - HEADER_PADDING / 2);
          cairo_rotate (cr, -G_PI / 2);
          pango_cairo_update_layout (cr, layout);
          pango_cairo_show_layout (cr, layout);
        }
      else
        {
          cairo_move_to (cr, x + 3, MARGIN + matrix->header_height - HEADER_PADDING / 2 - text_height);
          pango_cairo_show_layout (cr, layout);
        }
      cairo_restore (cr);
    }
}

static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  for (double d = -height; d < width; d += 5)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_rows (cairo_t                *cr,
           Matrix                 *matrix,
           const SsrRenderOptions *options)
{
  g_autoptr(PangoLayout) layout = _ssr_render_create_layout (cr, "Sans 9", matrix->font_scale);
  double inset = MIN (1.5, matrix->row_height / 8);

  pango_layout_set_width (layout, pango_units_from_double (MAX (1, matrix->label_width - 10)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint r = 0; r < matrix->n_organisations; r++)
    {
      g_autoptr(SsrOrganisation) organisation = g_list_model_get_item (matrix->organisations, r);
      const char *name = ssr_organisation_get_name (organisation);
      double x, y, w, h;
      int text_height;

      cell_rect (matrix, r, 0, &x, &y, &w, &h);
      if (r % 2 == 1)
        {
          cairo_rectangle (cr, MARGIN, y, matrix->label_width + matrix->n_areas * matrix->column_width, h);
          cairo_set_source_rgb (cr, 0.955, 0.955, 0.955);
          cairo_fill (cr);
        }

      pango_layout_set_text (layout, name ? name : ssr_item_get_id (SSR_ITEM (organisation)), -1);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      if (text_height <= h + 2)
        {
          _ssr_render_set_ink (cr);
          cairo_move_to (cr, MARGIN + 4, y + (h - text_height) / 2);
          pango_cairo_show_layout (cr, layout);
        }

      for (guint c = 0; c < matrix->n_areas; c++)
        {
          g_autoptr(SsrTerm) area = g_list_model_get_item (matrix->areas, c);

          cell_rect (matrix, r, c, &x, &y, &w, &h);
          cairo_rectangle (cr, x + inset, y + inset, w - 2 * inset, h - 2 * inset);
          if (works_in (organisation, ssr_term_get_id (area)))
            {
              _ssr_render_set_color (cr, &fill_color);
              cairo_fill (cr);
            }
          else
            {
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_fill_preserve (cr);
              cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
              cairo_set_line_width (cr, 1.0);
              cairo_stroke (cr);
            }
        }

      if (_ssr_render_is_highlighted (options, ssr_item_get_id (SSR_ITEM (organisation))))
        {
          cell_rect (matrix, r, 0, &x, &y, &w, &h);
          cairo_rectangle (cr, MARGIN - 1, y - 1, matrix->label_width + matrix->n_areas * w + 2, h + 2);
          _ssr_render_set_ink (cr);
          cairo_set_line_width (cr, 3.0);
          cairo_stroke (cr);
        }
    }
}

static void
draw_totals (cairo_t *cr,
             Matrix  *matrix)
{
  g_autoptr(PangoLayout) layout = _ssr_render_create_layout (cr, "Sans Bold 9", matrix->font_scale);
  double x, y, w, h;
  int text_width, text_height;

  cell_rect (matrix, matrix->n_organisations, 0, &x, &y, &w, &h);
  pango_layout_set_text (layout, _("Organisations per area"), -1);
  pango_layout_set_width (layout, pango_units_from_double (MAX (1, matrix->label_width - 10)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  _ssr_render_set_ink (cr);
  cairo_move_to (cr, MARGIN + 4, y + (h - text_height) / 2);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_width (layout, -1);

  for (guint c = 0; c < matrix->n_areas; c++)
    {
      g_autofree char *count = g_strdup_printf ("%u", matrix->totals[c]);

      cell_rect (matrix, matrix->n_organisations, c, &x, &y, &w, &h);
      if (matrix->totals[c] == 0)
        hatch (cr, x + 1, y + 1, w - 2, h - 2);
      else if (matrix->totals[c] >= 2)
        {
          cairo_rectangle (cr, x + 1, y + 1, w - 2, h - 2);
          _ssr_render_set_color (cr, &overlap_color);
          cairo_fill (cr);
        }
      cairo_rectangle (cr, x + 1, y + 1, w - 2, h - 2);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);

      pango_layout_set_text (layout, count, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      if (text_width + 4 > w || text_height > h + 2)
        continue;
      /* A white plate keeps the number readable over the hatching. */
      if (matrix->totals[c] == 0)
        {
          cairo_rectangle (cr, x + (w - text_width) / 2 - 2, y + (h - text_height) / 2,
                           text_width + 4, text_height);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill (cr);
        }
      _ssr_render_set_ink (cr);
      cairo_move_to (cr, x + (w - text_width) / 2, y + (h - text_height) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_legend (cairo_t *cr,
             Matrix  *matrix)
{
  const char *labels[] = {
    _("Works in the area"),
    _("Overlap: two or more organisations"),
    _("Gap: no organisation"),
  };
  g_autoptr(PangoLayout) layout = _ssr_render_create_layout (cr, "Sans 8.5", matrix->font_scale);
  double size = 12 * matrix->font_scale;
  double y = matrix->height - MARGIN - matrix->legend_height / 2;
  double x = MARGIN;

  if (matrix->legend_height <= 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int text_width, text_height;

      if (i == 0)
        {
          cairo_rectangle (cr, x, y - size / 2, size, size);
          _ssr_render_set_color (cr, &fill_color);
          cairo_fill (cr);
        }
      else if (i == 1)
        {
          cairo_rectangle (cr, x, y - size / 2, size, size);
          _ssr_render_set_color (cr, &overlap_color);
          cairo_fill (cr);
        }
      else
        hatch (cr, x, y - size / 2, size, size);
      cairo_rectangle (cr, x, y - size / 2, size, size);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);

      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      _ssr_render_set_ink (cr);
      cairo_move_to (cr, x + size + 6, y - text_height / 2.0);
      pango_cairo_show_layout (cr, layout);
      x += size + 6 + text_width + 24;
    }
}

void
ssr_who_does_what_draw (cairo_t                *cr,
                        SsrFramework           *framework,
                        SsrAssessment          *assessment,
                        const SsrRenderOptions *options,
                        double                  width,
                        double                  height)
{
  g_auto(Matrix) matrix = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (SSR_IS_FRAMEWORK (framework));
  g_return_if_fail (SSR_IS_ASSESSMENT (assessment));

  if (!_ssr_render_begin (cr, width, height))
    return;

  matrix_init (&matrix, cr, framework, assessment, options, width, height);

  if (matrix.n_areas == 0)
    _ssr_render_draw_empty (cr, _("This framework names no SSR areas."), matrix.font_scale, width, height);
  else if (matrix.n_organisations == 0)
    _ssr_render_draw_empty (cr, _("No organisations recorded yet."), matrix.font_scale, width, height);
  else
    {
      draw_headers (cr, &matrix);
      draw_rows (cr, &matrix, options);
      draw_totals (cr, &matrix);
      draw_legend (cr, &matrix);
    }

  cairo_restore (cr);
}

gboolean
ssr_who_does_what_get_cell_area (SsrFramework           *framework,
                                 SsrAssessment          *assessment,
                                 const SsrRenderOptions *options,
                                 double                  width,
                                 double                  height,
                                 guint                   row,
                                 guint                   column,
                                 double                 *x,
                                 double                 *y,
                                 double                 *cell_width,
                                 double                 *cell_height)
{
  g_auto(Matrix) matrix = { 0 };
  cairo_t *cr;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), FALSE);

  cr = _ssr_render_create_measuring_context ();
  matrix_init (&matrix, cr, framework, assessment, options, width, height);
  cairo_destroy (cr);

  if (row > matrix.n_organisations || column >= matrix.n_areas)
    return FALSE;

  cell_rect (&matrix, row, column, x, y, cell_width, cell_height);

  return TRUE;
}

void
ssr_who_does_what_get_fill_color (double *red,
                                  double *green,
                                  double *blue)
{
  *red = fill_color.red;
  *green = fill_color.green;
  *blue = fill_color.blue;
}
