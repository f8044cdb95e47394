/* ssr-coordination-diagram.c: coordination mechanisms between organisations and national actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-coordination-diagram"

#include "config.h"

#include "ssr-coordination-diagram.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-render-private.h"

/* Lengths at font scale 1; all of them grow with it. */
#define MARGIN          14.0
#define HEADER_HEIGHT   30.0
#define MAX_PITCH       44.0
#define MAX_BOX_HEIGHT  34.0
#define MIN_PITCH       22.0
#define LEGEND_ROW      34.0
#define LEGEND_TITLE    24.0
#define N_SWEEPS        6
/* Padding around a label in its box, and lines a label or heading may take. */
#define BOX_PADDING     6.0
#define MAX_LABEL_LINES 2
#define MAX_LEGEND_LINES 4

typedef enum
{
  COLUMN_ORGANISATIONS,
  COLUMN_MECHANISMS,
  COLUMN_ACTORS,
  N_COLUMNS,
} Column;

typedef struct
{
  SsrItem *item;
  Column   column;
  guint    position;
  double   wanted;
  double   x;
  double   y;
  double   width;
  double   height;
} Box;

typedef struct
{
  guint    mechanism;
  guint    member;
  gboolean lead;
} Link;

typedef struct
{
  SsrFramework           *framework;
  const SsrRenderOptions *options;
  double                  font_scale;
  double                  width;
  double                  height;
  GArray                 *boxes;
  GArray                 *links;
  /* Box indices of each column, in drawing order from the top. */
  GArray                 *columns[N_COLUMNS];
  GHashTable             *index_of;
  /* Mechanism types in framework order, and whether each is used. */
  GListModel             *types;
  gboolean               *types_used;
  guint                   n_legend_rows;
  gboolean                show_legend;
  /* Measured at the diagram's width: text wraps rather than being cut. */
  double                  header_height;
  double                  legend_title_height;
  /* One per mechanism type, "other mechanisms" and the lead; 0 when unused. */
  double                 *legend_row_heights;
  double                  label_heights[N_COLUMNS];
  /* Headings and legend lines drawn, and those cut with an ellipsis. */
  guint                   n_texts;
  guint                   n_ellipsized;
} Diagram;

static void
diagram_clear (Diagram *diagram)
{
  g_clear_pointer (&diagram->boxes, g_array_unref);
  g_clear_pointer (&diagram->links, g_array_unref);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_clear_pointer (&diagram->columns[c], g_array_unref);
  g_clear_pointer (&diagram->index_of, g_hash_table_unref);
  g_clear_pointer (&diagram->types_used, g_free);
  g_clear_pointer (&diagram->legend_row_heights, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Diagram, diagram_clear)

static guint
add_box (Diagram *diagram,
         SsrItem *item,
         Column   column)
{
  Box box = { .item = item, .column = column };
  guint index = diagram->boxes->len;

  g_array_append_val (diagram->boxes, box);
  g_array_append_val (diagram->columns[column], index);
  g_hash_table_insert (diagram->index_of, (gpointer) ssr_item_get_id (item), GUINT_TO_POINTER (index));

  return index;
}

/* The box of a member: organisations are always there, national actors
 * join when a mechanism first names them. */
static gboolean
member_box (Diagram       *diagram,
            SsrAssessment *assessment,
            const char    *id,
            guint         *index)
{
  gpointer found;
  SsrItem *item;

  if (id == NULL)
    return FALSE;
  if (g_hash_table_lookup_extended (diagram->index_of, id, NULL, &found))
    {
      *index = GPOINTER_TO_UINT (found);
      return g_array_index (diagram->boxes, Box, *index).column != COLUMN_MECHANISMS;
    }

  item = ssr_assessment_lookup (assessment, id);
  if (!SSR_IS_ACTOR (item))
    return FALSE;
  if (diagram->options->redact && ssr_actor_get_sensitive (SSR_ACTOR (item)))
    return FALSE;

  *index = add_box (diagram, item, COLUMN_ACTORS);

  return TRUE;
}

static void
add_link (Diagram  *diagram,
          guint     mechanism,
          guint     member,
          gboolean  lead)
{
  Link link = { mechanism, member, lead };

  for (guint i = 0; i < diagram->links->len; i++)
    {
      Link *other = &g_array_index (diagram->links, Link, i);

      if (other->mechanism == mechanism && other->member == member)
        {
          other->lead |= lead;
          return;
        }
    }

  g_array_append_val (diagram->links, link);
}

static void
collect (Diagram       *diagram,
         SsrAssessment *assessment)
{
  GListModel *organisations = ssr_assessment_get_organisations (assessment);
  GListModel *mechanisms = ssr_assessment_get_mechanisms (assessment);

  /* The document owns its items for as long as we draw. */
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(SsrItem) item = g_list_model_get_item (organisations, i);

      add_box (diagram, item, COLUMN_ORGANISATIONS);
    }

  for (guint i = 0; i < g_list_model_get_n_items (mechanisms); i++)
    {
      g_autoptr(SsrMechanism) mechanism = g_list_model_get_item (mechanisms, i);
      guint index = add_box (diagram, SSR_ITEM (mechanism), COLUMN_MECHANISMS);
      const char * const *members = ssr_mechanism_get_members (mechanism);
      guint member, type;

      type = _ssr_render_term_index (diagram->types, ssr_mechanism_get_mechanism_type (mechanism));
      diagram->types_used[type] = TRUE;

      for (guint k = 0; members != NULL && members[k] != NULL; k++)
        {
          if (member_box (diagram, assessment, members[k], &member))
            add_link (diagram, index, member, FALSE);
        }
      if (member_box (diagram, assessment, ssr_mechanism_get_lead (mechanism), &member))
        add_link (diagram, index, member, TRUE);
    }
}

static int
compare_actor_boxes (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  Diagram *diagram = user_data;
  SsrActor *actor_a = SSR_ACTOR (g_array_index (diagram->boxes, Box, *(const guint *) a).item);
  SsrActor *actor_b = SSR_ACTOR (g_array_index (diagram->boxes, Box, *(const guint *) b).item);
  SsrRenderColor color;
  int category_a = _ssr_render_category_color (diagram->framework, ssr_actor_get_category (actor_a), &color);
  int category_b = _ssr_render_category_color (diagram->framework, ssr_actor_get_category (actor_b), &color);

  if (category_a != category_b)
    return (guint) category_a < (guint) category_b ? -1 : 1;

  return g_utf8_collate (ssr_actor_get_name (actor_a) ? ssr_actor_get_name (actor_a) : "",
                         ssr_actor_get_name (actor_b) ? ssr_actor_get_name (actor_b) : "");
}

static void
number_column (Diagram *diagram,
               Column   column)
{
  GArray *indices = diagram->columns[column];

  for (guint i = 0; i < indices->len; i++)
    g_array_index (diagram->boxes, Box, g_array_index (indices, guint, i)).position = i;
}

static double
relative_position (Diagram *diagram,
                   guint    index)
{
  const Box *box = &g_array_index (diagram->boxes, Box, index);

  return (box->position + 0.5) / diagram->columns[box->column]->len;
}

static int
compare_wanted (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  Diagram *diagram = user_data;
  const Box *box_a = &g_array_index (diagram->boxes, Box, *(const guint *) a);
  const Box *box_b = &g_array_index (diagram->boxes, Box, *(const guint *) b);

  if (box_a->wanted != box_b->wanted)
    return box_a->wanted < box_b->wanted ? -1 : 1;

  return (box_a->position > box_b->position) - (box_a->position < box_b->position);
}

/* Reorders @column by the mean place of what each box is linked to. */
static void
sweep_column (Diagram *diagram,
              Column   column)
{
  GArray *indices = diagram->columns[column];
  g_autofree double *sums = g_new0 (double, diagram->boxes->len);
  g_autofree guint *counts = g_new0 (guint, diagram->boxes->len);

  for (guint i = 0; i < diagram->links->len; i++)
    {
      const Link *link = &g_array_index (diagram->links, Link, i);

      if (column == COLUMN_MECHANISMS)
        {
          sums[link->mechanism] += relative_position (diagram, link->member);
          counts[link->mechanism]++;
        }
      else if (g_array_index (diagram->boxes, Box, link->member).column == column)
        {
          sums[link->member] += relative_position (diagram, link->mechanism);
          counts[link->member]++;
        }
    }

  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      Box *box = &g_array_index (diagram->boxes, Box, index);

      box->wanted = counts[index] > 0 ? sums[index] / counts[index] : relative_position (diagram, index);
    }

  g_qsort_with_data (indices->data, indices->len, sizeof (guint), compare_wanted, diagram);
  number_column (diagram, column);
}

static void
order_columns (Diagram *diagram)
{
  GArray *actors = diagram->columns[COLUMN_ACTORS];

  g_qsort_with_data (actors->data, actors->len, sizeof (guint), compare_actor_boxes, diagram);
  for (guint c = 0; c < N_COLUMNS; c++)
    number_column (diagram, c);

  for (guint sweep = 0; sweep < N_SWEEPS; sweep++)
    {
      sweep_column (diagram, COLUMN_MECHANISMS);
      sweep_column (diagram, sweep % 2 == 0 ? COLUMN_ORGANISATIONS : COLUMN_ACTORS);
      sweep_column (diagram, COLUMN_MECHANISMS);
      sweep_column (diagram, sweep % 2 == 0 ? COLUMN_ACTORS : COLUMN_ORGANISATIONS);
    }
}

static guint
n_types (Diagram *diagram)
{
  return diagram->types ? g_list_model_get_n_items (diagram->types) : 0;
}

static gboolean
has_lead (Diagram *diagram)
{
  for (guint i = 0; i < diagram->links->len; i++)
    {
      if (g_array_index (diagram->links, Link, i).lead)
        return TRUE;
    }

  return FALSE;
}

static double
legend_height (Diagram *diagram)
{
  double height = diagram->legend_title_height + MARGIN;

  if (!diagram->show_legend)
    return 0;

  for (guint i = 0; i < n_types (diagram) + 2; i++)
    height += diagram->legend_row_heights[i];

  return height;
}

/* The mechanisms' column is the widest: their names are the longest. */
static void
column_span (const Diagram *diagram,
             Column         column,
             double        *x,
             double        *width)
{
  static const double shares[N_COLUMNS] = { 0.24, 0.29, 0.27 };
  double inner_width = diagram->width - 2 * MARGIN;
  double gap = inner_width * (1 - shares[0] - shares[1] - shares[2]) / (N_COLUMNS - 1);

  *x = MARGIN;
  for (guint c = 0; c < column; c++)
    *x += shares[c] * inner_width + gap;
  *width = shares[column] * inner_width;
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_ORGANISATIONS:
      return _("Organisations");
    case COLUMN_MECHANISMS:
      return _("Coordination mechanisms");
    case COLUMN_ACTORS:
    case N_COLUMNS:
    default:
      return _("National counterparts");
    }
}

/* Headings take two lines when one is too short. */
static void
set_heading_text (PangoLayout *layout,
                  const char  *text,
                  double       width)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, pango_units_from_double (MAX (1, width)));
  pango_layout_set_height (layout, -MAX_LABEL_LINES);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

/* Legend lines wrap; only a very narrow legend cuts them. */
static void
set_legend_markup (PangoLayout *layout,
                   const char  *markup,
                   double       width)
{
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, pango_units_from_double (MAX (1, width)));
  pango_layout_set_height (layout, -MAX_LEGEND_LINES);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

static double
legend_text_width (Diagram *diagram)
{
  return diagram->width - 2 * MARGIN - 46 * diagram->font_scale;
}

/* The legend line of @row: a mechanism type, "other mechanisms" after
 * them, then the lead. (transfer full) */
static char *
legend_row_markup (Diagram *diagram,
                   guint    row)
{
  g_autoptr(SsrTerm) type = NULL;
  const char *strength, *risk;

  if (row == n_types (diagram) + 1)
    return g_markup_printf_escaped ("<b>%s</b>\n%s", _("Lead"),
                                    _("The member that leads the mechanism: a bold line and a tag."));
  if (row == n_types (diagram))
    return g_markup_printf_escaped ("<b>%s</b>", _("Other mechanisms"));

  type = g_list_model_get_item (diagram->types, row);
  strength = ssr_term_get_attribute (type, "strength");
  risk = ssr_term_get_attribute (type, "risk");

  return g_markup_printf_escaped ("<b>%s</b>\n%s %s  %s %s", ssr_term_get_name (type),
                                  _("Strength:"), strength ? strength : "—",
                                  _("Risk:"), risk ? risk : "—");
}

static const char *
box_subtitle (Diagram   *diagram,
              const Box *box)
{
  const char *type;

  if (box->column != COLUMN_MECHANISMS)
    return NULL;

  type = ssr_mechanism_get_mechanism_type (SSR_MECHANISM (box->item));

  return type ? ssr_framework_get_term_name (diagram->framework, type) : NULL;
}

/* Where a box's text starts: after the mechanism's band or the actor's dot. */
static double
label_offset (const Box *box,
              double     box_height)
{
  if (box->column == COLUMN_MECHANISMS)
    return 12;
  if (box->column == COLUMN_ACTORS)
    return 8 + 2 * MIN (5, box_height / 4) + 4;

  return 8;
}

/*
 * The label of @box in @room, on at most @max_lines lines and ellipsized
 * beyond them. An organisation whose name does not fit on one line goes by
 * its acronym, when it has one.
 */
static void
set_label_text (PangoLayout *layout,
                const Box   *box,
                double       room,
                int          max_lines)
{
  const char *label = ssr_item_get_label (box->item);

  pango_layout_set_text (layout, label ? label : ssr_item_get_id (box->item), -1);
  pango_layout_set_width (layout, pango_units_from_double (MAX (1, room)));
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  if (SSR_IS_ORGANISATION (box->item) &&
      (pango_layout_get_line_count (layout) > 1 || pango_layout_is_ellipsized (layout)))
    {
      const char *acronym = ssr_organisation_get_acronym (SSR_ORGANISATION (box->item));

      if (acronym != NULL && acronym[0] != '\0')
        pango_layout_set_text (layout, acronym, -1);
    }
}

static void
set_subtitle_text (PangoLayout *small,
                   const char  *subtitle,
                   double       room)
{
  pango_layout_set_text (small, subtitle, -1);
  pango_layout_set_width (small, pango_units_from_double (MAX (1, room)));
  pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_END);
}

/* Measures the headings, the legend rows and the labels at the diagram's
 * width, as they will be drawn. */
static void
measure_text (Diagram *diagram)
{
  double fs = diagram->font_scale;
  cairo_t *cr = _ssr_render_create_measuring_context ();
  g_autoptr(PangoLayout) heading = _ssr_render_create_layout (cr, "Sans Bold 10", fs);
  g_autoptr(PangoLayout) title = _ssr_render_create_layout (cr, "Sans Bold 8.5", fs);
  g_autoptr(PangoLayout) text = _ssr_render_create_layout (cr, "Sans 8", fs);
  g_autoptr(PangoLayout) label = _ssr_render_create_layout (cr, "Sans 9", fs);
  g_autoptr(PangoLayout) small = _ssr_render_create_layout (cr, "Sans 7.5", fs);
  gboolean lead = has_lead (diagram);
  int height;

  diagram->header_height = HEADER_HEIGHT * fs;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double x, column_width;

      column_span (diagram, c, &x, &column_width);
      set_heading_text (heading, column_title (c), column_width);
      pango_layout_get_pixel_size (heading, NULL, &height);
      diagram->header_height = MAX (diagram->header_height, height + 8);
    }

  set_legend_markup (title, _("Mechanism types, with their strength and their risk"),
                     diagram->width - 2 * MARGIN);
  pango_layout_get_pixel_size (title, NULL, &height);
  diagram->legend_title_height = MAX (LEGEND_TITLE * fs, height + 10);

  diagram->legend_row_heights = g_new0 (double, n_types (diagram) + 2);
  for (guint i = 0; i < n_types (diagram) + 2; i++)
    {
      g_autofree char *markup = NULL;

      if (i <= n_types (diagram) ? !diagram->types_used[i] : !lead)
        continue;

      markup = legend_row_markup (diagram, i);
      set_legend_markup (text, markup, legend_text_width (diagram));
      pango_layout_get_pixel_size (text, NULL, &height);
      diagram->legend_row_heights[i] = MAX (LEGEND_ROW * fs, height + 8);
    }

  for (guint i = 0; i < diagram->boxes->len; i++)
    {
      const Box *box = &g_array_index (diagram->boxes, Box, i);
      const char *subtitle = box_subtitle (diagram, box);
      double x, column_width, room;
      int small_height = 0;

      column_span (diagram, box->column, &x, &column_width);
      room = column_width - 6 - label_offset (box, MAX_BOX_HEIGHT * fs);
      set_label_text (label, box, room, MAX_LABEL_LINES);
      pango_layout_get_pixel_size (label, NULL, &height);
      if (subtitle != NULL)
        {
          set_subtitle_text (small, subtitle, room);
          pango_layout_get_pixel_size (small, NULL, &small_height);
        }
      diagram->label_heights[box->column] = MAX (diagram->label_heights[box->column],
                                                 height + small_height + BOX_PADDING);
    }

  cairo_destroy (cr);
}

/* The tallest box and the widest pitch of @column: more than usual when a
 * label takes two lines. */
static void
column_limits (Diagram *diagram,
               Column   column,
               double  *max_box_height,
               double  *max_pitch)
{
  double fs = diagram->font_scale;

  *max_box_height = MAX (MAX_BOX_HEIGHT * fs, diagram->label_heights[column]);
  *max_pitch = MAX (MAX_PITCH * fs, *max_box_height / 0.78);
}

static guint
max_rows (Diagram *diagram)
{
  guint rows = 1;

  for (guint c = 0; c < N_COLUMNS; c++)
    rows = MAX (rows, diagram->columns[c]->len);

  return rows;
}

/* The legend gives way when the rows would be too short to read. */
static void
count_legend_rows (Diagram *diagram)
{
  diagram->n_legend_rows = 0;
  for (guint i = 0; i <= n_types (diagram); i++)
    diagram->n_legend_rows += diagram->types_used[i];
  diagram->n_legend_rows += has_lead (diagram);

  diagram->show_legend = diagram->options->show_legend && diagram->n_legend_rows > 0;
  if (diagram->show_legend &&
      (diagram->height - (MARGIN + diagram->header_height) - MARGIN - legend_height (diagram))
      / max_rows (diagram) < MIN_PITCH * diagram->font_scale)
    diagram->show_legend = FALSE;
}

static void
place_boxes (Diagram *diagram)
{
  double top = MARGIN + diagram->header_height;
  double rows_height = MAX (1, diagram->height - top - MARGIN - legend_height (diagram));

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GArray *indices = diagram->columns[c];
      double pitch, box_height, start, x, column_width, max_box_height, max_pitch;

      if (indices->len == 0)
        continue;

      column_span (diagram, c, &x, &column_width);
      column_limits (diagram, c, &max_box_height, &max_pitch);
      pitch = MIN (max_pitch, rows_height / indices->len);
      box_height = MIN (max_box_height, pitch * 0.78);
      /* Boxes give up some of the gap between them for a second line. */
      if (box_height < diagram->label_heights[c])
        box_height = MIN (diagram->label_heights[c], pitch * 0.92);
      start = top + (rows_height - pitch * indices->len) / 2;

      for (guint i = 0; i < indices->len; i++)
        {
          Box *box = &g_array_index (diagram->boxes, Box, g_array_index (indices, guint, i));

          box->x = x;
          box->y = start + i * pitch + (pitch - box_height) / 2;
          box->width = column_width;
          box->height = box_height;
        }
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
  diagram->framework = framework;
  diagram->options = _ssr_render_options_or_default (options);
  diagram->font_scale = _ssr_render_font_scale (options);
  diagram->width = width;
  diagram->height = height;
  diagram->boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  diagram->links = g_array_new (FALSE, TRUE, sizeof (Link));
  for (guint c = 0; c < N_COLUMNS; c++)
    diagram->columns[c] = g_array_new (FALSE, FALSE, sizeof (guint));
  diagram->index_of = g_hash_table_new (g_str_hash, g_str_equal);
  diagram->types = ssr_framework_get_list (framework, "mechanism-types");
  diagram->types_used = g_new0 (gboolean, (diagram->types ? g_list_model_get_n_items (diagram->types) : 0) + 1);

  collect (diagram, assessment);
  order_columns (diagram);
  measure_text (diagram);
  count_legend_rows (diagram);
  place_boxes (diagram);
}

/* Drawing */

static void
mechanism_color (Diagram        *diagram,
                 guint           type_index,
                 SsrRenderColor *color)
{
  guint n_types = diagram->types ? g_list_model_get_n_items (diagram->types) : 0;

  if (type_index >= n_types)
    *color = (SsrRenderColor) { 0.6, 0.6, 0.6 };
  else
    _ssr_render_palette_color ((type_index + 4) % 7, color);
}

static void
draw_links (cairo_t *cr,
            Diagram *diagram)
{
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Members first, leads over them. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < diagram->links->len; i++)
        {
          const Link *link = &g_array_index (diagram->links, Link, i);
          const Box *mechanism = &g_array_index (diagram->boxes, Box, link->mechanism);
          const Box *member = &g_array_index (diagram->boxes, Box, link->member);
          gboolean left = member->column == COLUMN_ORGANISATIONS;
          double x0 = left ? member->x + member->width : mechanism->x + mechanism->width;
          double y0 = left ? member->y + member->height / 2 : mechanism->y + mechanism->height / 2;
          double x1 = left ? mechanism->x : member->x;
          double y1 = left ? mechanism->y + mechanism->height / 2 : member->y + member->height / 2;
          double middle = (x0 + x1) / 2;

          if (link->lead != (pass == 1))
            continue;

          cairo_move_to (cr, x0, y0);
          cairo_curve_to (cr, middle, y0, middle, y1, x1, y1);
          if (link->lead)
            {
              _ssr_render_set_ink (cr);
              cairo_set_line_width (cr, 3.2);
            }
          else
            {
              cairo_set_source_rgba (cr, 0.35, 0.35, 0.35, 0.75);
              cairo_set_line_width (cr, 1.2);
            }
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}

/* A "lead" tag on the lead's line, next to the lead's own box. */
static void
draw_lead_markers (cairo_t     *cr,
                   Diagram     *diagram,
                   PangoLayout *layout)
{
  int text_width, text_height;

  pango_layout_set_text (layout, C_("coordination lead", "lead"), -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  for (guint i = 0; i < diagram->links->len; i++)
    {
      const Link *link = &g_array_index (diagram->links, Link, i);
      const Box *member = &g_array_index (diagram->boxes, Box, link->member);
      gboolean left = member->column == COLUMN_ORGANISATIONS;
      double w = text_width + 8, h = text_height + 2;
      double x = left ? member->x + member->width + 4 : member->x - 4 - w;
      double y = member->y + member->height / 2 - h / 2;

      if (!link->lead)
        continue;

      _ssr_render_rounded_rectangle (cr, x, y, w, h, h / 2);
      _ssr_render_set_ink (cr);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, x + 4, y + 1);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_box_text (cairo_t     *cr,
               PangoLayout *layout,
               PangoLayout *small,
               const Box   *box,
               const char  *subtitle,
               double       x,
               double       room)
{
  int height, small_height = 0;
  double y;

  /* Two lines when the box holds them, else one, ellipsized. */
  set_label_text (layout, box, room, MAX_LABEL_LINES);
  pango_layout_get_pixel_size (layout, NULL, &height);
  if (height > box->height && pango_layout_get_line_count (layout) > 1)
    {
      set_label_text (layout, box, room, 1);
      pango_layout_get_pixel_size (layout, NULL, &height);
    }

  if (subtitle != NULL)
    {
      set_subtitle_text (small, subtitle, room);
      pango_layout_get_pixel_size (small, NULL, &small_height);
      if (height + small_height > box->height)
        small_height = 0;
    }
  if (height > box->height + 4)
    return;

  y = box->y + (box->height - height - small_height) / 2;
  _ssr_render_set_ink (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  if (small_height > 0)
    {
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, x, y + height);
      pango_cairo_show_layout (cr, small);
    }
}

static void
draw_boxes (cairo_t *cr,
            Diagram *diagram)
{
  g_autoptr(PangoLayout) layout = _ssr_render_create_layout (cr, "Sans 9", diagram->font_scale);
  g_autoptr(PangoLayout) small = _ssr_render_create_layout (cr, "Sans 7.5", diagram->font_scale);
  g_autoptr(PangoLayout) lead = _ssr_render_create_layout (cr, "Sans Bold 7", diagram->font_scale);

  for (guint i = 0; i < diagram->boxes->len; i++)
    {
      const Box *box = &g_array_index (diagram->boxes, Box, i);
      double radius = MIN (6, box->height / 3);
      double text_x = box->x + label_offset (box, box->height);
      const char *subtitle = box_subtitle (diagram, box);
      SsrRenderColor color;

      _ssr_render_rounded_rectangle (cr, box->x, box->y, box->width, box->height, radius);
      if (box->column == COLUMN_MECHANISMS)
        {
          const char *type = ssr_mechanism_get_mechanism_type (SSR_MECHANISM (box->item));
          SsrRenderColor tint;

          mechanism_color (diagram, _ssr_render_term_index (diagram->types, type), &color);
          tint = _ssr_render_tint (&color, 0.7);
          _ssr_render_set_color (cr, &tint);
        }
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);

      /* Mechanisms carry their type's colour as a band on the left, actors
       * their category's as a dot, as on the sector map. */
      if (box->column == COLUMN_MECHANISMS)
        {
          cairo_save (cr);
          _ssr_render_rounded_rectangle (cr, box->x, box->y, box->width, box->height, radius);
          cairo_clip (cr);
          cairo_rectangle (cr, box->x, box->y, 6, box->height);
          _ssr_render_set_color (cr, &color);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      else if (box->column == COLUMN_ACTORS)
        {
          double dot = MIN (5, box->height / 4);

          cairo_new_path (cr);
          _ssr_render_category_color (diagram->framework, ssr_actor_get_category (SSR_ACTOR (box->item)), &color);
          cairo_arc (cr, box->x + 6 + dot, box->y + box->height / 2, dot, 0, 2 * G_PI);
          _ssr_render_set_color (cr, &color);
          cairo_fill_preserve (cr);
          _ssr_render_set_ink (cr);
          cairo_set_line_width (cr, 0.8);
          cairo_stroke (cr);
        }

      if (_ssr_render_is_highlighted (diagram->options, ssr_item_get_id (box->item)))
        {
          _ssr_render_rounded_rectangle (cr, box->x - 3, box->y - 3, box->width + 6, box->height + 6, radius + 3);
          _ssr_render_set_ink (cr);
          cairo_set_line_width (cr, 3.0);
          cairo_stroke (cr);
        }

      draw_box_text (cr, layout, small, box, subtitle, text_x, box->x + box->width - 6 - text_x);
    }

  draw_lead_markers (cr, diagram, lead);
}

/* Counts a heading or legend line, and whether it was cut. */
static void
count_text (Diagram     *diagram,
            PangoLayout *layout)
{
  diagram->n_texts++;
  diagram->n_ellipsized += pango_layout_is_ellipsized (layout);
}

static void
draw_headers (cairo_t *cr,
              Diagram *diagram)
{
  g_autoptr(PangoLayout) layout = _ssr_render_create_layout (cr, "Sans Bold 10", diagram->font_scale);
  double room = diagram->header_height - 8;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double x, column_width;
      int height;

      column_span (diagram, c, &x, &column_width);
      set_heading_text (layout, column_title (c), column_width);
      pango_layout_get_pixel_size (layout, NULL, &height);
      count_text (diagram, layout);
      _ssr_render_set_ink (cr);
      cairo_move_to (cr, x, MARGIN + MAX (0, (room - height) / 2));
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_legend (cairo_t *cr,
             Diagram *diagram)
{
  double fs = diagram->font_scale;
  double height = legend_height (diagram);
  double y = diagram->height - height + MARGIN / 2;
  double x = MARGIN;
  g_autoptr(PangoLayout) text = _ssr_render_create_layout (cr, "Sans 8", fs);
  g_autoptr(PangoLayout) title = _ssr_render_create_layout (cr, "Sans Bold 8.5", fs);

  if (height <= 0)
    return;

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, diagram->width - MARGIN, y);
  cairo_stroke (cr);

  set_legend_markup (title, _("Mechanism types, with their strength and their risk"),
                     diagram->width - 2 * MARGIN);
  count_text (diagram, title);
  _ssr_render_set_ink (cr);
  cairo_move_to (cr, x, y + 6);
  pango_cairo_show_layout (cr, title);
  y += diagram->legend_title_height;

  for (guint i = 0; i < n_types (diagram) + 2; i++)
    {
      g_autofree char *line = NULL;
      SsrRenderColor color, tint;

      if (diagram->legend_row_heights[i] <= 0)
        continue;

      if (i <= n_types (diagram))
        {
          mechanism_color (diagram, i, &color);
          tint = _ssr_render_tint (&color, 0.7);
          _ssr_render_rounded_rectangle (cr, x, y + 4, 36 * fs, LEGEND_ROW * fs - 10, 4);
          _ssr_render_set_color (cr, &tint);
          cairo_fill (cr);
          cairo_rectangle (cr, x, y + 4, 6, LEGEND_ROW * fs - 10);
          _ssr_render_set_color (cr, &color);
          cairo_fill (cr);
        }
      else
        {
          _ssr_render_set_ink (cr);
          cairo_set_line_width (cr, 3.2);
          cairo_move_to (cr, x, y + LEGEND_ROW * fs / 2);
          cairo_line_to (cr, x + 36 * fs, y + LEGEND_ROW * fs / 2);
          cairo_stroke (cr);
        }

      line = legend_row_markup (diagram, i);
      set_legend_markup (text, line, legend_text_width (diagram));
      count_text (diagram, text);
      _ssr_render_set_ink (cr);
      cairo_move_to (cr, x + 46 * fs, y + 2);
      pango_cairo_show_layout (cr, text);
      y += diagram->legend_row_heights[i];
    }
}

void
ssr_coordination_diagram_draw (cairo_t                *cr,
                               SsrFramework           *framework,
                               SsrAssessment          *assessment,
                               const SsrRenderOptions *options,
                               double                  width,
                               double                  height)
{
  g_auto(Diagram) diagram = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (SSR_IS_FRAMEWORK (framework));
  g_return_if_fail (SSR_IS_ASSESSMENT (assessment));

  if (!_ssr_render_begin (cr, width, height))
    return;

  diagram_init (&diagram, framework, assessment, options, width, height);

  if (diagram.boxes->len == 0)
    _ssr_render_draw_empty (cr, _("No organisations or coordination mechanisms recorded yet."),
                            diagram.font_scale, width, height);
  else
    {
      draw_headers (cr, &diagram);
      draw_links (cr, &diagram);
      draw_boxes (cr, &diagram);
      draw_legend (cr, &diagram);
    }

  cairo_restore (cr);
}

gboolean
ssr_coordination_diagram_get_item_area (SsrFramework           *framework,
                                        SsrAssessment          *assessment,
                                        const SsrRenderOptions *options,
                                        double                  width,
                                        double                  height,
                                        const char             *id,
                                        double                 *x,
                                        double                 *y,
                                        double                 *item_width,
                                        double                 *item_height)
{
  g_auto(Diagram) diagram = { 0 };
  gpointer index;
  const Box *box;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  diagram_init (&diagram, framework, assessment, options, width, height);
  if (!g_hash_table_lookup_extended (diagram.index_of, id, NULL, &index))
    return FALSE;

  box = &g_array_index (diagram.boxes, Box, GPOINTER_TO_UINT (index));
  *x = box->x;
  *y = box->y;
  *item_width = box->width;
  *item_height = box->height;

  return TRUE;
}

gboolean
ssr_coordination_diagram_hit_test (SsrFramework           *framework,
                                   SsrAssessment          *assessment,
                                   const SsrRenderOptions *options,
                                   double                  width,
                                   double                  height,
                                   double                  px,
                                   double                  py,
                                   char                  **id)
{
  g_auto(Diagram) diagram = { 0 };

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  diagram_init (&diagram, framework, assessment, options, width, height);

  for (guint i = 0; i < diagram.boxes->len; i++)
    {
      const Box *box = &g_array_index (diagram.boxes, Box, i);

      if (px >= box->x && px < box->x + box->width &&
          py >= box->y && py < box->y + box->height)
        {
          *id = g_strdup (ssr_item_get_id (box->item));
          return TRUE;
        }
    }

  return FALSE;
}

double
ssr_coordination_diagram_get_natural_height (SsrFramework           *framework,
                                             SsrAssessment          *assessment,
                                             const SsrRenderOptions *options,
                                             double                  width)
{
  g_auto(Diagram) diagram = { 0 };
  double rows_height = 0;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), 0);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), 0);

  /* Tall enough for every row at full pitch and for the legend. */
  diagram_init (&diagram, framework, assessment, options, width, G_MAXINT / 2);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double max_box_height, max_pitch;

      column_limits (&diagram, c, &max_box_height, &max_pitch);
      rows_height = MAX (rows_height, MAX (1, diagram.columns[c]->len) * max_pitch);
    }

  return MARGIN + diagram.header_height + rows_height + legend_height (&diagram) + MARGIN;
}

guint
ssr_coordination_diagram_count_ellipsized_text (SsrFramework           *framework,
                                                SsrAssessment          *assessment,
                                                const SsrRenderOptions *options,
                                                double                  width,
                                                double                  height,
                                                guint                  *n_texts)
{
  g_auto(Diagram) diagram = { 0 };
  cairo_t *cr;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), 0);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), 0);

  diagram_init (&diagram, framework, assessment, options, width, height);
  if (diagram.boxes->len > 0)
    {
      cr = _ssr_render_create_measuring_context ();
      draw_headers (cr, &diagram);
      draw_legend (cr, &diagram);
      cairo_destroy (cr);
    }

  if (n_texts != NULL)
    *n_texts = diagram.n_texts;

  return diagram.n_ellipsized;
}
