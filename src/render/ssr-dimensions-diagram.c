/* ssr-dimensions-diagram.c: the findings counted over the four dimensions of SSR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-dimensions-diagram"

#include "config.h"

#include "ssr-dimensions-diagram.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ssr-assessment.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-render-private.h"

/* Lengths at font scale 1; all of them grow with it. */
#define MARGIN        14.0
#define CARD_GAP      18.0
#define CARD_PADDING  12.0
#define TITLE_HEIGHT  30.0
#define FOOTER_HEIGHT 24.0
#define MAX_ROW       22.0
#define LABEL_WIDTH   92.0
#define COUNT_WIDTH   30.0
#define HUB_RADIUS    44.0

#define N_KINDS (SSR_FINDING_RISK + 1)

static const SsrRenderColor kind_colors[N_KINDS] = {
  [SSR_FINDING_STRENGTH]    = { 0.000, 0.620, 0.451 },
  [SSR_FINDING_WEAKNESS]    = { 0.835, 0.369, 0.000 },
  [SSR_FINDING_OPPORTUNITY] = { 0.337, 0.706, 0.914 },
  [SSR_FINDING_THREAT]      = { 0.800, 0.475, 0.655 },
  [SSR_FINDING_GAP]         = { 0.902, 0.624, 0.000 },
  [SSR_FINDING_NEED]        = { 0.000, 0.447, 0.698 },
  [SSR_FINDING_RISK]        = { 0.45, 0.45, 0.45 },
};

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} Rect;

typedef struct
{
  GListModel *dimensions;
  guint       n_dimensions;
  /* counts[d * N_KINDS + kind]; totals per dimension. */
  guint      *counts;
  guint      *totals;
  guint       unassigned;
  guint       max_count;
  double      font_scale;
  double      width;
  double      height;
  guint       n_columns;
  guint       n_rows;
  double      card_width;
  double      card_height;
  double      inset;
  gboolean    hub;
} Diagram;

static void
diagram_clear (Diagram *diagram)
{
  g_clear_pointer (&diagram->counts, g_free);
  g_clear_pointer (&diagram->totals, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Diagram, diagram_clear)

static void
count_findings (Diagram                *diagram,
                SsrAssessment          *assessment,
                const SsrRenderOptions *options)
{
  GListModel *findings = ssr_assessment_get_findings (assessment);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);
      const char *dimension = ssr_finding_get_dimension (finding);
      SsrFindingKind kind = ssr_finding_get_kind (finding);
      gboolean counted = FALSE;

      if (options->redact && ssr_finding_get_sensitive (finding))
        continue;

      for (guint d = 0; dimension != NULL && d < diagram->n_dimensions && !counted; d++)
        {
          g_autoptr(SsrTerm) term = g_list_model_get_item (diagram->dimensions, d);

          if (g_strcmp0 (ssr_term_get_id (term), dimension) != 0 || kind >= N_KINDS)
            continue;
          diagram->counts[d * N_KINDS + kind]++;
          diagram->totals[d]++;
          diagram->max_count = MAX (diagram->max_count, diagram->counts[d * N_KINDS + kind]);
          counted = TRUE;
        }

      diagram->unassigned += !counted;
    }
}

static void
diagram_init (Diagram                *diagram,
              SsrFramework           *framework,
              SsrAssessment          *assessment,
              const SsrRenderOptions *options,
              double                  width,
              double                  height)
{
  double fs = _ssr_render_font_scale (options);
  double grid_width, grid_height;

  options = _ssr_render_options_or_default (options);
  diagram->dimensions = ssr_framework_get_list (framework, "dimensions");
  diagram->n_dimensions = diagram->dimensions ? g_list_model_get_n_items (diagram->dimensions) : 0;
  diagram->counts = g_new0 (guint, MAX (1, diagram->n_dimensions) * N_KINDS);
  diagram->totals = g_new0 (guint, MAX (1, diagram->n_dimensions));
  diagram->font_scale = fs;
  diagram->width = width;
  diagram->height = height;

  count_findings (diagram, assessment, options);

  diagram->n_columns = diagram->n_dimensions > 1 ? 2 : 1;
  diagram->n_rows = MAX (1, (diagram->n_dimensions + diagram->n_columns - 1) / diagram->n_columns);
  grid_width = width - 2 * MARGIN;
  grid_height = height - 2 * MARGIN - (diagram->unassigned > 0 ? FOOTER_HEIGHT * fs : 0);
  diagram->card_width = (grid_width - (diagram->n_columns - 1) * CARD_GAP) / diagram->n_columns;
  diagram->card_height = (grid_height - (diagram->n_rows - 1) * CARD_GAP) / diagram->n_rows;

  /* Four dimensions meet round an "SSR" hub; the cards keep their content
   * clear of it on their inner side. */
  diagram->hub = diagram->n_dimensions == 4;
  diagram->inset = diagram->hub ? MAX (0, MIN (HUB_RADIUS * fs, MIN (diagram->card_width, diagram->card_height) * 0.3)
                                          - CARD_GAP / 2) + 16 : 0;
}

static double
hub_radius (const Diagram *diagram)
{
  return MIN (HUB_RADIUS * diagram->font_scale, MIN (diagram->card_width, diagram->card_height) * 0.3);
}

static Rect
card_rect (const Diagram *diagram,
           guint          dimension)
{
  guint column = dimension % diagram->n_columns;
  guint row = dimension / diagram->n_columns;

  return (Rect) {
    MARGIN + column * (diagram->card_width + CARD_GAP),
    MARGIN + row * (diagram->card_height + CARD_GAP),
    diagram->card_width,
    diagram->card_height,
  };
}

/* The part of a card for title and bars. */
static Rect
content_rect (const Diagram *diagram,
              guint          dimension)
{
  Rect card = card_rect (diagram, dimension);
  double left = CARD_PADDING, right = CARD_PADDING;

  if (diagram->hub && dimension % 2 == 0)
    right = MAX (right, diagram->inset);
  else if (diagram->hub)
    left = MAX (left, diagram->inset);

  return (Rect) { card.x + left, card.y + CARD_PADDING,
                  MAX (0, card.width - left - right), MAX (0, card.height - 2 * CARD_PADDING) };
}

typedef struct
{
  double label_width;
  double count_width;
  double row_height;
  double bar_width;
  double top;
} Rows;

static Rows
rows_of (const Diagram *diagram,
         const Rect    *content)
{
  double fs = diagram->font_scale;
  Rows rows;

  rows.label_width = MIN (LABEL_WIDTH * fs, content->width * 0.4);
  rows.count_width = MIN (COUNT_WIDTH * fs, content->width * 0.15);
  rows.row_height = MIN (MAX_ROW * fs, MAX (0, content->height - TITLE_HEIGHT * fs) / N_KINDS);
  rows.bar_width = MAX (0, content->width - rows.label_width - rows.count_width - 8);
  rows.top = content->y + TITLE_HEIGHT * fs;

  return rows;
}

static void
bar_rect (const Diagram  *diagram,
          guint           dimension,
          SsrFindingKind  kind,
          Rect           *bar)
{
  Rect content = content_rect (diagram, dimension);
  Rows rows = rows_of (diagram, &content);
  guint count = diagram->counts[dimension * N_KINDS + kind];

  bar->x = content.x + rows.label_width + 4;
  bar->height = rows.row_height * 0.62;
  bar->y = rows.top + kind * rows.row_height + (rows.row_height - bar->height) / 2;
  bar->width = diagram->max_count > 0 ? rows.bar_width * count / diagram->max_count : 0;
}

static void
draw_card (cairo_t       *cr,
           const Diagram *diagram,
           guint          dimension,
           PangoLayout   *title,
           PangoLayout   *text)
{
  g_autoptr(SsrTerm) term = g_list_model_get_item (diagram->dimensions, dimension);
  Rect card = card_rect (diagram, dimension);
  Rect content = content_rect (diagram, dimension);
  Rows rows = rows_of (diagram, &content);
  g_autofree char *total = NULL;
  SsrRenderColor color, tint;
  int text_width, text_height;

  _ssr_render_palette_color (dimension + 1, &color);
  tint = _ssr_render_tint (&color, 0.88);
  _ssr_render_rounded_rectangle (cr, card.x, card.y, card.width, card.height, 10);
  _ssr_render_set_color (cr, &tint);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.70, 0.70, 0.70);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", diagram->totals[dimension]),
                           diagram->totals[dimension]);
  pango_layout_set_text (text, total, -1);
  pango_layout_set_width (text, -1);
  pango_layout_get_pixel_size (text, &text_width, &text_height);
  _ssr_render_set_ink (cr);
  cairo_move_to (cr, content.x + content.width - text_width, content.y + 4);
  pango_cairo_show_layout (cr, text);

  pango_layout_set_text (title, ssr_term_get_name (term), -1);
  pango_layout_set_width (title, pango_units_from_double (MAX (1, content.width - text_width - 8)));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, content.x, content.y);
  pango_cairo_show_layout (cr, title);

  if (rows.row_height < 6)
    return;

  for (SsrFindingKind kind = 0; kind < N_KINDS; kind++)
    {
      g_autofree char *count = g_strdup_printf ("%u", diagram->counts[dimension * N_KINDS + kind]);
      double middle = rows.top + kind * rows.row_height + rows.row_height / 2;
      Rect bar;

      bar_rect (diagram, dimension, kind, &bar);
      cairo_rectangle (cr, bar.x, bar.y, rows.bar_width, bar.height);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.7);
      cairo_fill (cr);
      if (bar.width > 0)
        {
          cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
          _ssr_render_set_color (cr, &kind_colors[kind]);
          cairo_fill (cr);
        }

      _ssr_render_set_ink (cr);
      pango_layout_set_text (text, _ssr_render_finding_kind_plural (kind), -1);
      pango_layout_set_width (text, pango_units_from_double (MAX (1, rows.label_width - 4)));
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (text, NULL, &text_height);
      cairo_move_to (cr, content.x, middle - text_height / 2.0);
      pango_cairo_show_layout (cr, text);

      pango_layout_set_text (text, count, -1);
      pango_layout_set_width (text, -1);
      pango_layout_get_pixel_size (text, &text_width, &text_height);
      cairo_move_to (cr, content.x + content.width - text_width, middle - text_height / 2.0);
      pango_cairo_show_layout (cr, text);
    }
}

static void
draw_hub (cairo_t       *cr,
          const Diagram *diagram)
{
  double radius = hub_radius (diagram);
  double x = MARGIN + diagram->card_width + CARD_GAP / 2;
  double y = MARGIN + diagram->card_height + CARD_GAP / 2;
  g_autoptr(PangoLayout) layout = _ssr_render_create_layout (cr, "Sans Bold 14", diagram->font_scale);
  int text_width, text_height;

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.18, 0.30, 0.45);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 4.0);
  cairo_stroke (cr);

  pango_layout_set_text (layout, C_("security sector reform", "SSR"), -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  if (text_width < 1.8 * radius)
    {
      cairo_move_to (cr, x - text_width / 2.0, y - text_height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

void
ssr_dimensions_diagram_draw (cairo_t                *cr,
                             SsrFramework           *framework,
                             SsrAssessment          *assessment,
                             const SsrRenderOptions *options,
                             double                  width,
                             double                  height)
{
  g_auto(Diagram) diagram = { 0 };
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) text = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (SSR_IS_FRAMEWORK (framework));
  g_return_if_fail (SSR_IS_ASSESSMENT (assessment));

  if (!_ssr_render_begin (cr, width, height))
    return;

  diagram_init (&diagram, framework, assessment, options, width, height);

  if (diagram.n_dimensions == 0)
    {
      _ssr_render_draw_empty (cr, _("This framework names no dimensions."), diagram.font_scale, width, height);
      cairo_restore (cr);
      return;
    }

  title = _ssr_render_create_layout (cr, "Sans Bold 11", diagram.font_scale);
  text = _ssr_render_create_layout (cr, "Sans 8.5", diagram.font_scale);

  for (guint d = 0; d < diagram.n_dimensions; d++)
    draw_card (cr, &diagram, d, title, text);
  if (diagram.hub)
    draw_hub (cr, &diagram);

  if (diagram.unassigned > 0)
    {
      g_autofree char *footer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u finding has no dimension.",
                                                              "%u findings have no dimension.",
                                                              diagram.unassigned),
                                                 diagram.unassigned);

      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      _ssr_render_draw_text (cr, footer, "Sans 8.5", PANGO_ALIGN_LEFT, MARGIN,
                             height - MARGIN - FOOTER_HEIGHT * diagram.font_scale,
                             width - 2 * MARGIN, FOOTER_HEIGHT * diagram.font_scale);
    }

  cairo_restore (cr);
}

gboolean
ssr_dimensions_diagram_get_bar_area (SsrFramework           *framework,
                                     SsrAssessment          *assessment,
                                     const SsrRenderOptions *options,
                                     double                  width,
                                     double                  height,
                                     guint                   dimension,
                                     SsrFindingKind          kind,
                                     double                 *x,
                                     double                 *y,
                                     double                 *bar_width,
                                     double                 *bar_height)
{
  g_auto(Diagram) diagram = { 0 };
  Rect bar;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), FALSE);

  diagram_init (&diagram, framework, assessment, options, width, height);
  if (dimension >= diagram.n_dimensions || kind >= N_KINDS)
    return FALSE;

  bar_rect (&diagram, dimension, kind, &bar);
  *x = bar.x;
  *y = bar.y;
  *bar_width = bar.width;
  *bar_height = bar.height;

  return TRUE;
}

void
ssr_dimensions_diagram_get_kind_color (SsrFindingKind  kind,
                                       double         *red,
                                       double         *green,
                                       double         *blue)
{
  if (kind >= N_KINDS)
    kind = SSR_FINDING_RISK;

  *red = kind_colors[kind].red;
  *green = kind_colors[kind].green;
  *blue = kind_colors[kind].blue;
}
