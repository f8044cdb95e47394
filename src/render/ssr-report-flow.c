/* ssr-report-flow.c: text and figures laid out into the pages of the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-report"

#include "config.h"

#include "ssr-report-private.h"

#include <string.h>

#define BULLET_INDENT    14.0

const SsrRenderColor _ssr_report_ink = { 0.13, 0.13, 0.13 };
const SsrRenderColor _ssr_report_muted = { 0.40, 0.40, 0.40 };
const SsrRenderColor _ssr_report_accent = { 0.11, 0.25, 0.45 };
const SsrRenderColor _ssr_report_marking_red = { 0.70, 0.08, 0.08 };
const SsrRenderColor _ssr_report_rule = { 0.70, 0.72, 0.75 };

const SsrReportStyleInfo _ssr_report_styles[N_STYLES] = {
  [STYLE_BODY]              = { "Serif 10",        0, 6,  &_ssr_report_ink,         PANGO_ALIGN_LEFT },
  [STYLE_SMALL]             = { "Sans 8",          0, 4,  &_ssr_report_muted,       PANGO_ALIGN_LEFT },
  [STYLE_TABLE]             = { "Sans 8.5",        0, 0,  &_ssr_report_ink,         PANGO_ALIGN_LEFT },
  [STYLE_TABLE_HEADER]      = { "Sans Bold 8.5",   0, 0,  &_ssr_report_ink,         PANGO_ALIGN_LEFT },
  [STYLE_HEADING_1]         = { "Sans Bold 18",    0, 14, &_ssr_report_accent,      PANGO_ALIGN_LEFT },
  [STYLE_HEADING_2]         = { "Sans Bold 13",    16, 8, &_ssr_report_accent,      PANGO_ALIGN_LEFT },
  [STYLE_HEADING_3]         = { "Sans Bold 10.5",  10, 4, &_ssr_report_ink,         PANGO_ALIGN_LEFT },
  [STYLE_CONTENTS_1]        = { "Sans Bold 10.5",  8, 3,  &_ssr_report_ink,         PANGO_ALIGN_LEFT },
  [STYLE_CONTENTS_2]        = { "Sans 9.5",        0, 3,  &_ssr_report_ink,         PANGO_ALIGN_LEFT },
  [STYLE_COVER_MARKING]     = { "Sans Bold 24",    0, 0,  &_ssr_report_marking_red, PANGO_ALIGN_CENTER },
  [STYLE_COVER_TITLE]       = { "Serif Bold 28",   0, 14, &_ssr_report_accent,      PANGO_ALIGN_CENTER },
  [STYLE_COVER_SUBTITLE]    = { "Serif 17",        0, 10, &_ssr_report_ink,         PANGO_ALIGN_CENTER },
  [STYLE_COVER_TEXT]        = { "Sans 10.5",       0, 6,  &_ssr_report_ink,         PANGO_ALIGN_CENTER },
  [STYLE_KEY_FIGURE]        = { "Sans Bold 20",    0, 0,  &_ssr_report_accent,      PANGO_ALIGN_LEFT },
  [STYLE_FURNITURE]         = { "Sans 8",          0, 0,  &_ssr_report_muted,       PANGO_ALIGN_RIGHT },
  [STYLE_FURNITURE_MARKING] = { "Sans Bold 9",     0, 0,  &_ssr_report_marking_red, PANGO_ALIGN_CENTER },
};

/* Figures and pages */

SsrReportFigure *
_ssr_report_figure_new (SsrReportFigureFunc draw,
                        gpointer            data,
                        GDestroyNotify      destroy)
{
  SsrReportFigure *figure = g_new0 (SsrReportFigure, 1);

  figure->draw = draw;
  figure->data = data;
  figure->destroy = destroy;

  return figure;
}

void
_ssr_report_figure_free (SsrReportFigure *figure)
{
  if (figure->destroy != NULL)
    figure->destroy (figure->data);
  g_free (figure);
}

static void
op_clear (gpointer data)
{
  SsrReportOp *op = data;

  g_clear_object (&op->layout);
  g_clear_pointer (&op->figure, _ssr_report_figure_free);
  g_clear_pointer (&op->name, g_free);
}

SsrReportPage *
_ssr_report_page_new (void)
{
  SsrReportPage *page = g_new0 (SsrReportPage, 1);

  page->ops = g_array_new (FALSE, TRUE, sizeof (SsrReportOp));
  g_array_set_clear_func (page->ops, op_clear);

  return page;
}

void
_ssr_report_page_free (gpointer data)
{
  SsrReportPage *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static void
entry_clear (gpointer data)
{
  SsrReportEntry *entry = data;

  g_clear_pointer (&entry->title, g_free);
  g_clear_pointer (&entry->dest, g_free);
}

GArray *
_ssr_report_entries_new (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (SsrReportEntry));

  g_array_set_clear_func (entries, entry_clear);

  return entries;
}

/* Text */

PangoLayout *
_ssr_report_layout (SsrReport     *self,
                    SsrReportStyle style,
                    const char    *text,
                    gboolean       markup,
                    double         width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *attrs;

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, _ssr_report_styles[style].alignment);

  if (markup)
    pango_layout_set_markup (layout, text ? text : "", -1);
  else
    pango_layout_set_text (layout, text ? text : "", -1);

  /* A hyphen inserted at a break inside a long name would change the name
   * in the text a reader copies or searches. */
  attrs = pango_layout_get_attributes (layout);
  attrs = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

double
_ssr_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.height);
}

/* The height of the first @n_lines lines of @layout. */
static double
layout_lines_height (PangoLayout *layout,
                     int          n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int bottom = 0;

  for (int i = 0; i < n_lines; i++)
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = y1;
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);

  return pango_units_to_double (bottom);
}

/* The top and bottom of each line of @layout, in points. */
GArray *
_ssr_report_line_bounds (PangoLayout *layout)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = pango_units_to_double (y0);
      bottom = pango_units_to_double (y1);
      g_array_append_val (bounds, top);
      g_array_append_val (bounds, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return bounds;
}

/*
 * The index of the line after the last one, from @first, that fits into
 * @room; @first itself when none fits.
 */
guint
_ssr_report_line_bounds_fit (GArray *bounds,
                             guint   first,
                             double  room)
{
  guint n_lines = bounds->len / 2;
  double top = g_array_index (bounds, double, 2 * first);
  guint end = first;

  while (end < n_lines && g_array_index (bounds, double, 2 * end + 1) - top <= room + EPSILON)
    end++;

  return end;
}

double
_ssr_report_line_bounds_top (GArray *bounds,
                             guint   line)
{
  if (line >= bounds->len / 2)
    return g_array_index (bounds, double, bounds->len - 1);

  return g_array_index (bounds, double, 2 * line);
}

/* The flow: fills pages from top to bottom */

double
_ssr_report_flow_room (SsrReportFlow *flow)
{
  return flow->page ? flow->bottom - flow->y : 0;
}

gboolean
_ssr_report_flow_at_top (SsrReportFlow *flow)
{
  return flow->page != NULL && flow->y <= flow->top + EPSILON;
}

void
_ssr_report_flow_init (SsrReportFlow *flow,
                       SsrReport     *report)
{
  memset (flow, 0, sizeof *flow);
  flow->report = report;
  flow->left = MARGIN_X;
  flow->width = report->page_width - 2 * MARGIN_X;
  flow->top = MARGIN_TOP;
  flow->bottom = report->page_height - MARGIN_BOTTOM;
  flow->pages = g_ptr_array_new_with_free_func (_ssr_report_page_free);
  flow->entries = _ssr_report_entries_new ();
}

void
_ssr_report_flow_clear (SsrReportFlow *flow)
{
  g_clear_pointer (&flow->pages, g_ptr_array_unref);
  g_clear_pointer (&flow->entries, g_array_unref);
}

void
_ssr_report_flow_new_page (SsrReportFlow *flow)
{
  flow->page = _ssr_report_page_new ();
  g_ptr_array_add (flow->pages, flow->page);
  flow->y = flow->top;
}

/* Moves the ops from @first on to the current page, @shift higher. */
static void
flow_carry_ops (SsrReportFlow *flow,
                SsrReportPage *previous,
                guint          first,
                double         shift)
{
  for (guint i = first; i < previous->ops->len; i++)
    {
      SsrReportOp *op = &g_array_index (previous->ops, SsrReportOp, i);
      SsrReportOp moved = *op;

      moved.y -= shift;
      g_array_append_val (flow->page->ops, moved);
      /* The op now belongs to the new page. */
      memset (op, 0, sizeof *op);
    }
  g_array_remove_range (previous->ops, first, previous->ops->len - first);
}

void
_ssr_report_flow_break_page (SsrReportFlow *flow)
{
  SsrReportPage *previous = flow->page;
  double previous_y = flow->y;
  gboolean carry = flow->keeping && previous != NULL && flow->keep_y > flow->top + EPSILON;
  double shift;

  _ssr_report_flow_new_page (flow);
  if (!carry)
    return;

  shift = flow->keep_y - flow->top;
  flow_carry_ops (flow, previous, flow->keep_op, shift);
  flow->y = previous_y - shift;
  for (guint i = flow->keep_entry; i < flow->entries->len; i++)
    g_array_index (flow->entries, SsrReportEntry, i).page = flow->pages->len - 1;
  flow->keep_op = 0;
  flow->keep_y = flow->top;
}

/* Starts a new page unless the current one is still empty. */
void
_ssr_report_flow_start_page (SsrReportFlow *flow)
{
  /* A heading left at the end of the previous section stays there. */
  flow->keeping = FALSE;
  if (flow->page == NULL || !_ssr_report_flow_at_top (flow) || flow->page->ops->len > 0)
    _ssr_report_flow_break_page (flow);
}

/* Makes room for @height, on a new page if need be. */
void
_ssr_report_flow_ensure (SsrReportFlow *flow,
                         double         height)
{
  if (flow->page == NULL)
    _ssr_report_flow_new_page (flow);
  else if (height > _ssr_report_flow_room (flow) + EPSILON && !_ssr_report_flow_at_top (flow))
    _ssr_report_flow_break_page (flow);
}

/* Vertical space, dropped at the top of a page. */
void
_ssr_report_flow_space (SsrReportFlow *flow,
                        double         space)
{
  if (flow->page != NULL && !_ssr_report_flow_at_top (flow))
    flow->y = MIN (flow->y + space, flow->bottom);
}

/* What is placed from here on moves with the next block to a new page
 * when that block does not fit below it. */
static void
flow_keep_with_next (SsrReportFlow *flow)
{
  if (flow->keeping)
    return;

  flow->keeping = TRUE;
  flow->keep_op = flow->page->ops->len;
  flow->keep_y = flow->y;
  flow->keep_entry = flow->entries->len;
}

/* A block was placed: nothing waits for the next one any more. */
void
_ssr_report_flow_placed (SsrReportFlow *flow)
{
  flow->keeping = FALSE;
}

SsrReportOp *
_ssr_report_flow_add_op (SsrReportFlow  *flow,
                         SsrReportOpKind kind,
                         double          x,
                         double          y,
                         double          width,
                         double          height)
{
  SsrReportOp op = { 0 };

  op.kind = kind;
  op.x = x;
  op.y = y;
  op.width = width;
  op.height = height;
  op.color = _ssr_report_ink;
  g_array_append_val (flow->page->ops, op);

  return &g_array_index (flow->page->ops, SsrReportOp, flow->page->ops->len - 1);
}

void
_ssr_report_flow_add_text (SsrReportFlow        *flow,
                           PangoLayout          *layout,
                           double                x,
                           double                y,
                           const SsrRenderColor *color,
                           double                clip_top,
                           double                clip_bottom)
{
  double width = pango_units_to_double (pango_layout_get_width (layout));
  SsrReportOp *op = _ssr_report_flow_add_op (flow, OP_TEXT, x, y, width, clip_bottom - clip_top);

  op->layout = g_object_ref (layout);
  op->color = *color;
  op->clip_top = clip_top;
  op->clip_bottom = clip_bottom;
}

void
_ssr_report_flow_add_rect (SsrReportFlow        *flow,
                           double                x,
                           double                y,
                           double                width,
                           double                height,
                           const SsrRenderColor *color,
                           double                line_width)
{
  SsrReportOp *op = _ssr_report_flow_add_op (flow, OP_RECT, x, y, width, height);

  op->color = *color;
  op->line_width = line_width;
}

void
_ssr_report_flow_add_line (SsrReportFlow        *flow,
                           double                x0,
                           double                y0,
                           double                x1,
                           double                y1,
                           const SsrRenderColor *color,
                           double                line_width)
{
  SsrReportOp *op = _ssr_report_flow_add_op (flow, OP_LINE, x0, y0, x1 - x0, y1 - y0);

  op->color = *color;
  op->line_width = line_width;
}

/* A line across the text block at @y. */
void
_ssr_report_flow_add_rule (SsrReportFlow        *flow,
                           double                y,
                           const SsrRenderColor *color,
                           double                line_width)
{
  _ssr_report_flow_add_line (flow, flow->left, y, flow->left + flow->width, y, color, line_width);
}

void
_ssr_report_flow_add_figure (SsrReportFlow   *flow,
                             SsrReportFigure *figure,
                             double           x,
                             double           y,
                             double           width,
                             double           height)
{
  SsrReportOp *op = _ssr_report_flow_add_op (flow, OP_FIGURE, x, y, width, height);

  op->figure = figure;
}

/*
 * Places @layout at @x, splitting it between lines across pages when it
 * does not fit; never leaves a single line of a paragraph alone at the
 * bottom or the top of a page.
 */
static void
flow_text (SsrReportFlow        *flow,
           PangoLayout          *layout,
           double                x,
           const SsrRenderColor *color)
{
  double height = _ssr_report_layout_height (layout);
  g_autoptr(GArray) bounds = NULL;
  guint n_lines, first = 0;

  _ssr_report_flow_ensure (flow, MIN (height, layout_lines_height (layout, 2)));
  if (height <= _ssr_report_flow_room (flow) + EPSILON)
    {
      _ssr_report_flow_add_text (flow, layout, x, flow->y, color, 0, height);
      flow->y += height;
      _ssr_report_flow_placed (flow);
      return;
    }

  bounds = _ssr_report_line_bounds (layout);
  n_lines = bounds->len / 2;
  while (first < n_lines)
    {
      guint end = _ssr_report_line_bounds_fit (bounds, first, _ssr_report_flow_room (flow));
      double top = _ssr_report_line_bounds_top (bounds, first);
      double bottom;

      if (end < n_lines)
        {
          /* No orphan here, no widow there, unless the page is empty. */
          if (n_lines - end < 2 && end - first > 2)
            end--;
          if ((end - first < 2 && n_lines - first > 1) || end == first)
            {
              if (!_ssr_report_flow_at_top (flow))
                {
                  _ssr_report_flow_break_page (flow);
                  continue;
                }
              end = MAX (end, first + 1);
            }
        }

      bottom = g_array_index (bounds, double, 2 * (end - 1) + 1);
      _ssr_report_flow_add_text (flow, layout, x, flow->y, color, top, bottom);
      flow->y += bottom - top;
      _ssr_report_flow_placed (flow);
      first = end;
      if (first < n_lines)
        _ssr_report_flow_break_page (flow);
    }
}

static void
flow_place_paragraph (SsrReportFlow *flow,
                      SsrReportStyle style,
                      PangoLayout   *layout,
                      double         indent)
{
  _ssr_report_flow_space (flow, _ssr_report_styles[style].space_before);
  flow_text (flow, layout, flow->left + indent, _ssr_report_styles[style].color);
  flow->y += _ssr_report_styles[style].space_after;
}

void
_ssr_report_flow_paragraph_full (SsrReportFlow *flow,
                                 SsrReportStyle style,
                                 const char    *text,
                                 gboolean       markup,
                                 double         indent)
{
  g_autoptr(PangoLayout) layout = _ssr_report_layout (flow->report, style, text, markup,
                                                      flow->width - indent);

  flow_place_paragraph (flow, style, layout, indent);
}

/* Moves a short group to the next page rather than splitting it. */
void
_ssr_report_flow_keep_together (SsrReportFlow *flow,
                                double         height)
{
  if (height <= (flow->bottom - flow->top) / 3)
    _ssr_report_flow_ensure (flow, height);
}

/*
 * Paragraphs laid out before they are placed, so that a group can be
 * measured first.
 */
typedef struct
{
  PangoLayout    *layout;
  SsrReportStyle  style;
} Block;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
}

GArray *
_ssr_report_blocks_new (void)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));

  g_array_set_clear_func (blocks, block_clear);

  return blocks;
}

void
_ssr_report_blocks_add (SsrReportFlow *flow,
                        GArray        *blocks,
                        SsrReportStyle style,
                        const char    *text)
{
  Block block = { _ssr_report_layout (flow->report, style, text, FALSE, flow->width), style };

  g_array_append_val (blocks, block);
}

/* Free text as paragraphs, split at blank lines; scrubbed when redacting. */
void
_ssr_report_blocks_add_free_text (SsrReportFlow *flow,
                                  GArray        *blocks,
                                  SsrReportStyle style,
                                  const char    *text)
{
  g_autofree char *scrubbed = _ssr_report_scrub (flow->report, text);
  g_auto(GStrv) paragraphs = NULL;

  if (scrubbed == NULL)
    return;

  paragraphs = g_strsplit (scrubbed, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] != '\0')
        _ssr_report_blocks_add (flow, blocks, style, paragraphs[i]);
    }
}

double
_ssr_report_blocks_height (GArray *blocks)
{
  double height = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);

      height += _ssr_report_styles[block->style].space_before + _ssr_report_layout_height (block->layout) +
                _ssr_report_styles[block->style].space_after;
    }

  return height;
}

void
_ssr_report_flow_blocks (SsrReportFlow *flow,
                         GArray        *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);

      flow_place_paragraph (flow, block->style, block->layout, 0);
    }
}

void
_ssr_report_flow_paragraph (SsrReportFlow *flow,
                            SsrReportStyle style,
                            const char    *text)
{
  _ssr_report_flow_paragraph_full (flow, style, text, FALSE, 0);
}

void
_ssr_report_flow_markup (SsrReportFlow *flow,
                         SsrReportStyle style,
                         const char    *markup)
{
  _ssr_report_flow_paragraph_full (flow, style, markup, TRUE, 0);
}

void
_ssr_report_flow_free_text (SsrReportFlow *flow,
                            SsrReportStyle style,
                            const char    *text)
{
  g_autoptr(GArray) blocks = _ssr_report_blocks_new ();

  _ssr_report_blocks_add_free_text (flow, blocks, style, text);
  _ssr_report_flow_blocks (flow, blocks);
}

/* A short line that introduces the block after it and stays with it. */
void
_ssr_report_flow_label (SsrReportFlow *flow,
                        SsrReportStyle style,
                        const char    *label)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", label);
  g_autoptr(PangoLayout) layout = _ssr_report_layout (flow->report, style, markup, TRUE, flow->width);
  double height = _ssr_report_layout_height (layout);

  _ssr_report_flow_space (flow, 4);
  _ssr_report_flow_ensure (flow, height);
  flow_keep_with_next (flow);
  _ssr_report_flow_add_text (flow, layout, flow->left, flow->y, _ssr_report_styles[style].color, 0, height);
  flow->y += height + _ssr_report_styles[style].space_after;
}

void
_ssr_report_flow_none (SsrReportFlow *flow,
                       const char    *message)
{
  g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", message);

  _ssr_report_flow_markup (flow, STYLE_BODY, markup);
}

/*
 * An indented item: @marker (a figure) or @bullet (text) in the margin of
 * its first line, @markup beside it.
 */
void
_ssr_report_flow_item (SsrReportFlow   *flow,
                       SsrReportStyle   style,
                       const char      *bullet,
                       SsrReportFigure *marker,
                       const char      *markup)
{
  double width = flow->width - BULLET_INDENT;
  g_autoptr(PangoLayout) layout = _ssr_report_layout (flow->report, style, markup, TRUE, width);
  double first_line = layout_lines_height (layout, 1);

  _ssr_report_flow_ensure (flow, MIN (_ssr_report_layout_height (layout), layout_lines_height (layout, 2)));
  if (marker != NULL)
    {
      double size = MIN (first_line - 2, 8);

      _ssr_report_flow_add_figure (flow, marker, flow->left + 1, flow->y + (first_line - size) / 2,
                                   size, size);
    }
  else
    {
      g_autoptr(PangoLayout) mark = _ssr_report_layout (flow->report, style, bullet, FALSE, BULLET_INDENT);

      _ssr_report_flow_add_text (flow, mark, flow->left, flow->y, _ssr_report_styles[style].color,
                                 0, _ssr_report_layout_height (mark));
    }
  flow_text (flow, layout, flow->left + BULLET_INDENT, _ssr_report_styles[style].color);
  flow->y += _ssr_report_styles[style].space_after / 2;
}

void
_ssr_report_flow_bullet (SsrReportFlow *flow,
                         SsrReportStyle style,
                         const char    *markup)
{
  _ssr_report_flow_item (flow, style, "•", NULL, markup);
}

/*
 * A heading in @style: the outline (and, when @in_contents, the contents)
 * point at it, and it moves to the next page with the block that follows
 * when that block does not fit below it.
 */
void
_ssr_report_flow_heading_full (SsrReportFlow *flow,
                               guint          level,
                               SsrReportStyle style,
                               const char    *title,
                               gboolean       in_contents)
{
  SsrReport *self = flow->report;
  g_autoptr(PangoLayout) layout = _ssr_report_layout (self, style, title, FALSE, flow->width);
  double height = _ssr_report_layout_height (layout);
  SsrReportEntry entry = { 0 };
  SsrReportOp *dest;

  _ssr_report_flow_space (flow, _ssr_report_styles[style].space_before);
  _ssr_report_flow_ensure (flow, height);
  flow_keep_with_next (flow);

  entry.title = g_strdup (title);
  entry.dest = g_strdup_printf ("section-%u", ++self->n_dests);
  entry.level = level;
  entry.page = flow->pages->len - 1;
  entry.in_contents = in_contents;
  g_array_append_val (flow->entries, entry);

  dest = _ssr_report_flow_add_op (flow, OP_DEST, flow->left, flow->y, 0, 0);
  dest->name = g_strdup (entry.dest);
  _ssr_report_flow_add_text (flow, layout, flow->left, flow->y, _ssr_report_styles[style].color, 0, height);
  flow->y += height + _ssr_report_styles[style].space_after;
}

/* A heading of the contents; level 1 starts a numbered section on a new
 * page. */
void
_ssr_report_flow_heading (SsrReportFlow *flow,
                          guint          level,
                          const char    *title)
{
  g_autofree char *numbered = NULL;
  double rule_y;

  if (level > 1)
    {
      _ssr_report_flow_heading_full (flow, level, level == 2 ? STYLE_HEADING_2 : STYLE_HEADING_3, title, level == 2);
      return;
    }

  numbered = g_strdup_printf ("%u  %s", ++flow->report->n_sections, title);
  _ssr_report_flow_start_page (flow);
  _ssr_report_flow_heading_full (flow, 1, STYLE_HEADING_1, numbered, TRUE);
  rule_y = flow->y - _ssr_report_styles[STYLE_HEADING_1].space_after / 2;
  _ssr_report_flow_add_rule (flow, rule_y, &_ssr_report_accent, 0.8);
}

void
_ssr_report_flow_figure (SsrReportFlow   *flow,
                         SsrReportFigure *figure,
                         double           height)
{
  _ssr_report_flow_ensure (flow, height);
  _ssr_report_flow_add_figure (flow, figure, flow->left, flow->y, flow->width, height);
  flow->y += height;
  _ssr_report_flow_placed (flow);
}
