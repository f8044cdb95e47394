/* ssr-report-table.c: the tables of the report: rows break across pages, the header row is repeated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-report"

#include "config.h"

#include "ssr-report-private.h"

#include <math.h>
#include <string.h>

static const SsrRenderColor header_fill = { 0.86, 0.89, 0.93 };
static const SsrRenderColor zebra_fill = { 0.96, 0.96, 0.97 };

static double
table_cell_width (SsrReportTable *table,
                  guint           column)
{
  return table->width[column] - 2 * CELL_PAD;
}

/* The width of @text on one line, however long, in @style. */
static double
text_width (SsrReportFlow  *flow,
            SsrReportStyle  style,
            const char     *text)
{
  g_autoptr(PangoLayout) layout = _ssr_report_layout (flow->report, style, text, FALSE, 1);
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.width);
}

/* The width @column needs so that none of its words breaks: neither those
 * it shows nor those of its title. */
static double
table_column_min_width (SsrReportFlow         *flow,
                        const SsrReportColumn *column)
{
  double widest = 0;

  for (guint i = 0; column->words != NULL && column->words[i] != NULL; i++)
    widest = MAX (widest, text_width (flow, STYLE_TABLE, column->words[i]));

  if (column->title != NULL)
    {
      g_auto(GStrv) title_words = g_strsplit (column->title, " ", -1);

      for (guint i = 0; title_words[i] != NULL; i++)
        widest = MAX (widest, text_width (flow, STYLE_TABLE_HEADER, title_words[i]));
    }

  return ceil (widest) + 2 * CELL_PAD;
}

/*
 * The widths of the columns: after their shares, except that a column is
 * never narrower than its widest word (a stance, "Saboteador", or a word
 * of its title, "Influencia"), which a translation may make longer; the
 * other columns share what is left.
 */
static void
table_set_widths (SsrReportTable        *table,
                  const SsrReportColumn *columns)
{
  SsrReportFlow *flow = table->flow;
  gboolean widened[MAX_COLUMNS] = { FALSE };
  double min_width[MAX_COLUMNS] = { 0 };
  gboolean changed = TRUE;

  for (guint i = 0; i < table->n_columns; i++)
    min_width[i] = table_column_min_width (flow, &columns[i]);

  /* Widening a column narrows the others, which may then need widening
   * too; at worst every column is, and the table is as wide as it must. */
  while (changed)
    {
      double room = flow->width;
      double other_shares = 0;

      for (guint i = 0; i < table->n_columns; i++)
        {
          if (widened[i])
            room -= min_width[i];
          else
            other_shares += columns[i].share;
        }

      changed = FALSE;
      for (guint i = 0; i < table->n_columns; i++)
        {
          table->width[i] = widened[i] ? min_width[i] : MAX (room, 0) * columns[i].share / other_shares;
          if (!widened[i] && table->width[i] < min_width[i])
            widened[i] = changed = TRUE;
        }
    }
}

void
_ssr_report_table_init (SsrReportTable        *table,
                        SsrReportFlow         *flow,
                        const SsrReportColumn *columns,
                        guint                  n_columns)
{
  double x = flow->left;

  g_assert (n_columns <= MAX_COLUMNS);
  memset (table, 0, sizeof *table);
  table->flow = flow;
  table->n_columns = n_columns;
  table->zebra = TRUE;

  table_set_widths (table, columns);

  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      table->alignment[i] = columns[i].alignment;
      x += table->width[i];

      if (columns[i].title != NULL)
        {
          table->headers[i] = _ssr_report_layout (flow->report, STYLE_TABLE_HEADER, columns[i].title,
                                                  FALSE, table_cell_width (table, i));
          pango_layout_set_alignment (table->headers[i], columns[i].alignment);
          /* Headers are words, not names: a narrow column may hyphenate them. */
          pango_layout_set_attributes (table->headers[i], NULL);
          table->header_height = MAX (table->header_height,
                                      _ssr_report_layout_height (table->headers[i]) + 2 * CELL_PAD);
        }
    }
}

static void
table_cell_clear (SsrReportCell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->figure, _ssr_report_figure_free);
  memset (cell, 0, sizeof *cell);
}

/*
 * A last row alone on its page takes the row before it along, as long as
 * that leaves a row on the page before.
 */
static void
table_avoid_lone_last_row (SsrReportTable *table)
{
  SsrReportFlow *flow = table->flow;
  SsrReportRowPlace *earlier = &table->placed[0];
  SsrReportRowPlace *before = &table->placed[1];
  SsrReportRowPlace *last = &table->placed[2];
  GArray *from, *to;
  guint n_moved;

  if (table->n_rows < 3 || last->split || before->split ||
      last->page != flow->page || before->page == last->page || earlier->page != before->page ||
      _ssr_report_flow_room (flow) < before->height)
    return;

  from = before->page->ops;
  to = last->page->ops;
  n_moved = from->len - before->first_op;

  for (guint i = last->first_op; i < to->len; i++)
    g_array_index (to, SsrReportOp, i).y += before->height;
  for (guint i = before->first_op; i < from->len; i++)
    g_array_index (from, SsrReportOp, i).y += last->y - before->y;

  g_array_insert_vals (to, last->first_op, &g_array_index (from, SsrReportOp, before->first_op), n_moved);
  /* The ops now belong to the last page. */
  memset (&g_array_index (from, SsrReportOp, before->first_op), 0, n_moved * sizeof (SsrReportOp));
  g_array_remove_range (from, before->first_op, n_moved);
  flow->y += before->height;
}

void
_ssr_report_table_finish (SsrReportTable *table)
{
  table_avoid_lone_last_row (table);

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_clear_object (&table->headers[i]);
      table_cell_clear (&table->cells[i]);
    }
  table->flow->y += 10;
}

static void
table_set_layout (SsrReportTable *table,
                  guint           column,
                  SsrReportStyle  style,
                  const char     *text,
                  gboolean        markup)
{
  SsrReportCell *cell = &table->cells[column];

  g_clear_object (&cell->layout);
  cell->layout = _ssr_report_layout (table->flow->report, style, text, markup,
                                     table_cell_width (table, column));
  pango_layout_set_alignment (cell->layout, table->alignment[column]);
}

void
_ssr_report_table_set_text (SsrReportTable *table,
                            guint           column,
                            const char     *text)
{
  table_set_layout (table, column, STYLE_TABLE, text, FALSE);
}

void
_ssr_report_table_set_markup (SsrReportTable *table,
                              guint           column,
                              const char     *markup)
{
  table_set_layout (table, column, STYLE_TABLE, markup, TRUE);
}

/* Lines after the first of each paragraph start as far in as @prefix is
 * wide: wrapped list items align with their text, not their bullet. */
void
_ssr_report_table_set_hanging_indent (SsrReportTable *table,
                                      guint           column,
                                      const char     *prefix)
{
  g_autoptr(PangoLayout) measure = _ssr_report_layout (table->flow->report, STYLE_TABLE, prefix, FALSE,
                                                       table_cell_width (table, column));
  PangoRectangle logical;

  pango_layout_get_extents (measure, NULL, &logical);
  pango_layout_set_indent (table->cells[column].layout, -logical.width);
}

void
_ssr_report_table_set_figure (SsrReportTable  *table,
                              guint            column,
                              SsrReportFigure *figure,
                              double           height)
{
  SsrReportCell *cell = &table->cells[column];

  g_clear_pointer (&cell->figure, _ssr_report_figure_free);
  cell->figure = figure;
  cell->figure_height = height;
}

void
_ssr_report_table_set_fill (SsrReportTable       *table,
                            guint                 column,
                            const SsrRenderColor *fill)
{
  table->cells[column].has_fill = TRUE;
  table->cells[column].fill = *fill;
}

static double
table_cell_height (SsrReportCell *cell)
{
  double height = cell->layout ? _ssr_report_layout_height (cell->layout) : 0;

  return MAX (height, cell->figure ? cell->figure_height : 0);
}

static gboolean
table_has_header (SsrReportTable *table)
{
  return table->header_height > 0;
}

static void
table_place_header (SsrReportTable *table)
{
  SsrReportFlow *flow = table->flow;

  if (!table_has_header (table) || table->header_page == flow->page)
    return;

  _ssr_report_flow_add_rect (flow, flow->left, flow->y, flow->width, table->header_height,
                             &header_fill, 0);
  for (guint i = 0; i < table->n_columns; i++)
    if (table->headers[i] != NULL)
      _ssr_report_flow_add_text (flow, table->headers[i], table->x[i] + CELL_PAD, flow->y + CELL_PAD, &_ssr_report_ink,
                                 0, _ssr_report_layout_height (table->headers[i]));
  flow->y += table->header_height;
  _ssr_report_flow_add_rule (flow, flow->y, &_ssr_report_accent, 0.8);
  table->header_page = flow->page;
}

static double
table_header_needed (SsrReportTable *table)
{
  return table->header_page == table->flow->page ? 0 : table->header_height;
}

/*
 * Draws the part of the current row from line first[i] to end[i] of each
 * text cell; figures only with the first part.
 */
static void
table_place_part (SsrReportTable *table,
                  GArray        **bounds,
                  const guint    *first,
                  const guint    *end,
                  double          content_height,
                  gboolean        first_part)
{
  SsrReportFlow *flow = table->flow;
  double height = content_height + 2 * CELL_PAD;

  for (guint i = 0; i < table->n_columns; i++)
    {
      SsrReportCell *cell = &table->cells[i];

      if (cell->has_fill)
        _ssr_report_flow_add_rect (flow, table->x[i], flow->y, table->width[i], height, &cell->fill, 0);
      else if (table->zebra && table->n_rows % 2 == 1)
        _ssr_report_flow_add_rect (flow, table->x[i], flow->y, table->width[i], height, &zebra_fill, 0);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      SsrReportCell *cell = &table->cells[i];
      double x = table->x[i] + CELL_PAD;
      double y = flow->y + CELL_PAD;

      if (cell->figure != NULL && first_part)
        {
          _ssr_report_flow_add_figure (flow, g_steal_pointer (&cell->figure), x, y,
                                       table_cell_width (table, i), cell->figure_height);
        }
      if (cell->layout != NULL && end[i] > first[i])
        {
          double top = _ssr_report_line_bounds_top (bounds[i], first[i]);
          double bottom = g_array_index (bounds[i], double, 2 * (end[i] - 1) + 1);

          _ssr_report_flow_add_text (flow, cell->layout, x, y, &_ssr_report_ink, top, bottom);
        }
    }

  flow->y += height;
  _ssr_report_flow_add_rule (flow, flow->y, &_ssr_report_rule, 0.4);
}

/* Places the current row, splitting it between lines when it is taller
 * than a page. */
void
_ssr_report_table_end_row (SsrReportTable *table)
{
  SsrReportFlow *flow = table->flow;
  GArray *bounds[MAX_COLUMNS] = { NULL };
  guint first[MAX_COLUMNS] = { 0 };
  guint end[MAX_COLUMNS] = { 0 };
  double content_height = 0;
  double page_room = flow->bottom - flow->top;
  gboolean first_part = TRUE;
  gboolean done = FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      content_height = MAX (content_height, table_cell_height (&table->cells[i]));
      if (table->cells[i].layout != NULL)
        {
          bounds[i] = _ssr_report_line_bounds (table->cells[i].layout);
          end[i] = bounds[i]->len / 2;
        }
    }

  if (flow->page == NULL)
    _ssr_report_flow_new_page (flow);
  if (content_height + 2 * CELL_PAD + table_header_needed (table) > _ssr_report_flow_room (flow) + EPSILON &&
      content_height + 2 * CELL_PAD + table->header_height <= page_room)
    _ssr_report_flow_break_page (flow);

  memmove (&table->placed[0], &table->placed[1], 2 * sizeof (SsrReportRowPlace));
  if (content_height + 2 * CELL_PAD + table_header_needed (table) <= _ssr_report_flow_room (flow) + EPSILON)
    {
      SsrReportRowPlace *place = &table->placed[2];

      table_place_header (table);
      place->page = flow->page;
      place->first_op = flow->page->ops->len;
      place->y = flow->y;
      place->split = FALSE;
      table_place_part (table, bounds, first, end, content_height, TRUE);
      place->height = flow->y - place->y;
      done = TRUE;
    }
  else
    table->placed[2].split = TRUE;

  /* Taller than a page: as many lines of each cell as fit, then the rest
   * below the repeated header on the next page. */
  while (!done)
    {
      gboolean fresh = _ssr_report_flow_at_top (flow);
      double room, part_height = 0;
      gboolean progress = FALSE;

      table_place_header (table);
      room = _ssr_report_flow_room (flow) - 2 * CELL_PAD;
      done = TRUE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          guint n_lines = bounds[i] ? bounds[i]->len / 2 : 0;

          if (first_part && table->cells[i].figure != NULL)
            part_height = MAX (part_height, table->cells[i].figure_height);
          if (first[i] >= n_lines)
            continue;

          end[i] = _ssr_report_line_bounds_fit (bounds[i], first[i], room);
          /* A line taller than a page still moves on. */
          if (end[i] == first[i] && fresh)
            end[i] = first[i] + 1;
          if (end[i] > first[i])
            {
              double lines_height = _ssr_report_line_bounds_top (bounds[i], end[i]) -
                                    _ssr_report_line_bounds_top (bounds[i], first[i]);

              part_height = MAX (part_height, lines_height);
              progress = TRUE;
            }
          if (end[i] < n_lines)
            done = FALSE;
        }

      if (!progress && !done)
        {
          _ssr_report_flow_break_page (flow);
          continue;
        }

      table_place_part (table, bounds, first, end, part_height, first_part);
      _ssr_report_flow_placed (flow);
      first_part = FALSE;
      memcpy (first, end, sizeof first);
      if (!done)
        _ssr_report_flow_break_page (flow);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_clear_pointer (&bounds[i], g_array_unref);
      table_cell_clear (&table->cells[i]);
    }
  table->n_rows++;
  _ssr_report_flow_placed (flow);
}

/* A row for each item of @items that @fill_row fills, then the end of the
 * table. */
void
_ssr_report_table_fill (SsrReportTable   *table,
                        GListModel       *items,
                        SsrReportRowFunc  fill_row,
                        gpointer          data)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (fill_row (table, item, data))
        _ssr_report_table_end_row (table);
    }
  _ssr_report_table_finish (table);
}
