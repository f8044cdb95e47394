/* ssr-report.c: the summary report, laid out once into pages of drawing operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-report"

#include "config.h"

#include "ssr-report.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-indicator.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-phase-diagram.h"
#include "ssr-picture.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-render-options.h"
#include "ssr-step-record.h"
#include "ssr-team-member.h"

/* The page: margins around the text block, furniture in the margins. */
#define MARGIN_X         62.0
#define MARGIN_TOP       70.0
#define MARGIN_BOTTOM    70.0
#define HEADER_Y         30.0
#define FOOTER_Y         48.0   /* from the bottom edge */

#define CELL_PAD         4.0
#define MAX_COLUMNS      12
#define BULLET_INDENT    14.0
#define N_KEY_COLUMNS    4
#define N_TOP_PRIORITIES 5
#define CODED_SHARE      0.07
/* Pictures shrink to fit a page down to this, to keep their text legible. */
#define MIN_PICTURE_SCALE 0.7
#define PHASES_HEIGHT    300.0
#define EPSILON          0.01

typedef struct
{
  double red, green, blue;
} Color;

static const Color ink = { 0.13, 0.13, 0.13 };
static const Color muted = { 0.40, 0.40, 0.40 };
static const Color accent = { 0.11, 0.25, 0.45 };
static const Color marking_red = { 0.70, 0.08, 0.08 };
static const Color rule = { 0.70, 0.72, 0.75 };
static const Color header_fill = { 0.86, 0.89, 0.93 };
static const Color zebra_fill = { 0.96, 0.96, 0.97 };
static const Color key_fill = { 0.93, 0.95, 0.98 };

/* The four SWOT quadrants, light enough for black text in greyscale print. */
static const Color finding_fills[] = {
  [SSR_FINDING_STRENGTH]    = { 0.88, 0.95, 0.88 },
  [SSR_FINDING_WEAKNESS]    = { 0.98, 0.89, 0.88 },
  [SSR_FINDING_OPPORTUNITY] = { 0.88, 0.92, 0.98 },
  [SSR_FINDING_THREAT]      = { 0.99, 0.93, 0.84 },
};

static const Color band_fills[] = {
  { 0.88, 0.95, 0.88 },
  { 0.88, 0.92, 0.98 },
  { 0.93, 0.89, 0.97 },
  { 0.94, 0.94, 0.94 },
};

typedef enum
{
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_TABLE,
  STYLE_TABLE_HEADER,
  STYLE_HEADING_1,
  STYLE_HEADING_2,
  STYLE_HEADING_3,
  STYLE_CONTENTS_1,
  STYLE_CONTENTS_2,
  STYLE_COVER_MARKING,
  STYLE_COVER_TITLE,
  STYLE_COVER_SUBTITLE,
  STYLE_COVER_TEXT,
  STYLE_KEY_FIGURE,
  STYLE_FURNITURE,
  STYLE_FURNITURE_MARKING,
  N_STYLES
} Style;

static const struct
{
  const char    *font;
  double         space_before;
  double         space_after;
  const Color   *color;
  PangoAlignment alignment;
} styles[N_STYLES] = {
  [STYLE_BODY]              = { "Serif 10",        0, 6,  &ink,         PANGO_ALIGN_LEFT },
  [STYLE_SMALL]             = { "Sans 8",          0, 4,  &muted,       PANGO_ALIGN_LEFT },
  [STYLE_TABLE]             = { "Sans 8.5",        0, 0,  &ink,         PANGO_ALIGN_LEFT },
  [STYLE_TABLE_HEADER]      = { "Sans Bold 8.5",   0, 0,  &ink,         PANGO_ALIGN_LEFT },
  [STYLE_HEADING_1]         = { "Sans Bold 18",    0, 14, &accent,      PANGO_ALIGN_LEFT },
  [STYLE_HEADING_2]         = { "Sans Bold 13",    16, 8, &accent,      PANGO_ALIGN_LEFT },
  [STYLE_HEADING_3]         = { "Sans Bold 10.5",  10, 4, &ink,         PANGO_ALIGN_LEFT },
  [STYLE_CONTENTS_1]        = { "Sans Bold 10.5",  8, 3,  &ink,         PANGO_ALIGN_LEFT },
  [STYLE_CONTENTS_2]        = { "Sans 9.5",        0, 3,  &ink,         PANGO_ALIGN_LEFT },
  [STYLE_COVER_MARKING]     = { "Sans Bold 24",    0, 0,  &marking_red, PANGO_ALIGN_CENTER },
  [STYLE_COVER_TITLE]       = { "Serif Bold 28",   0, 14, &accent,      PANGO_ALIGN_CENTER },
  [STYLE_COVER_SUBTITLE]    = { "Serif 17",        0, 10, &ink,         PANGO_ALIGN_CENTER },
  [STYLE_COVER_TEXT]        = { "Sans 10.5",       0, 6,  &ink,         PANGO_ALIGN_CENTER },
  [STYLE_KEY_FIGURE]        = { "Sans Bold 20",    0, 0,  &accent,      PANGO_ALIGN_LEFT },
  [STYLE_FURNITURE]         = { "Sans 8",          0, 0,  &muted,       PANGO_ALIGN_RIGHT },
  [STYLE_FURNITURE_MARKING] = { "Sans Bold 9",     0, 0,  &marking_red, PANGO_ALIGN_CENTER },
};

/*
 * A picture drawn by a callback into a rectangle of the page, with data it
 * owns.
 */
typedef void (*FigureDrawFunc) (SsrReport *report,
                                cairo_t   *cr,
                                gpointer   data,
                                double     width,
                                double     height);

typedef struct
{
  FigureDrawFunc draw;
  gpointer       data;
  GDestroyNotify destroy;
} Figure;

typedef enum
{
  OP_TEXT,
  OP_RECT,
  OP_LINE,
  OP_FIGURE,
  OP_DEST,
  OP_LINK,
} OpKind;

/* One drawing operation of a laid-out page. */
typedef struct
{
  OpKind       kind;
  double       x, y, width, height;
  Color        color;
  /* OP_TEXT: the lines of @layout between clip_top and clip_bottom (layout
   * coordinates) are drawn with their top at y. */
  PangoLayout *layout;
  double       clip_top;
  double       clip_bottom;
  /* OP_RECT: 0 fills; OP_LINE: the pen. */
  double       line_width;
  Figure      *figure;
  /* OP_DEST, OP_LINK: the named destination. */
  char        *name;
} Op;

typedef struct
{
  GArray *ops;
} Page;

/* A heading: a line of the contents and an entry of the PDF outline. */
typedef struct
{
  char     *title;
  char     *dest;
  guint     level;
  guint     page;
  gboolean  in_contents;
} Entry;

struct _SsrReport
{
  GObject               parent_instance;

  SsrFramework         *framework;
  SsrAssessment        *assessment;
  SsrReportOptions      options;
  double                page_width;
  double                page_height;

  PangoContext         *context;
  PangoFontDescription *fonts[N_STYLES];

  /* What redaction leaves out: the ids of the sensitive actors and findings,
   * and the names of the actors, also removed from free text. */
  GHashTable           *hidden;
  GPtrArray            *hidden_names;
  guint                 n_hidden;

  GPtrArray            *pages;
  GArray               *entries;
  guint                 n_dests;
  guint                 n_sections;
  PangoLayout          *marking;
};

G_DEFINE_FINAL_TYPE (SsrReport, ssr_report, G_TYPE_OBJECT)

/* Figures and pages */

static Figure *
figure_new (FigureDrawFunc draw,
            gpointer       data,
            GDestroyNotify destroy)
{
  Figure *figure = g_new0 (Figure, 1);

  figure->draw = draw;
  figure->data = data;
  figure->destroy = destroy;

  return figure;
}

static void
figure_free (Figure *figure)
{
  if (figure->destroy != NULL)
    figure->destroy (figure->data);
  g_free (figure);
}

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
  g_clear_pointer (&op->figure, figure_free);
  g_clear_pointer (&op->name, g_free);
}

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (page->ops, op_clear);

  return page;
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->title, g_free);
  g_clear_pointer (&entry->dest, g_free);
}

static GArray *
entries_new (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_array_set_clear_func (entries, entry_clear);

  return entries;
}

/* Text */

static PangoLayout *
report_layout (SsrReport  *self,
               Style       style,
               const char *text,
               gboolean    markup,
               double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *attrs;

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, styles[style].alignment);

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

static double
layout_height (PangoLayout *layout)
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
static GArray *
layout_line_bounds (PangoLayout *layout)
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
static guint
line_bounds_fit (GArray *bounds,
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

static double
line_bounds_top (GArray *bounds,
                 guint   line)
{
  if (line >= bounds->len / 2)
    return g_array_index (bounds, double, bounds->len - 1);

  return g_array_index (bounds, double, 2 * line);
}

/*
 * Free text as the report shows it: in a redacted report, the names of the
 * actors left out are removed from it as well.
 */
static char *
report_scrub (SsrReport  *self,
              const char *text)
{
  GString *string;

  if (text == NULL)
    return NULL;
  if (self->hidden_names->len == 0)
    return g_strdup (text);

  string = g_string_new (text);
  for (guint i = 0; i < self->hidden_names->len; i++)
    g_string_replace (string, g_ptr_array_index (self->hidden_names, i), _("[withheld]"), 0);

  return g_string_free (string, FALSE);
}

static gboolean
report_hides (SsrReport  *self,
              const char *id)
{
  return id != NULL && g_hash_table_contains (self->hidden, id);
}

static gboolean
report_shows (SsrReport *self,
              gpointer   item)
{
  return !report_hides (self, ssr_item_get_id (SSR_ITEM (item)));
}

/* The label of the item @id, or @id itself when there is none. */
static const char *
report_item_label (SsrReport  *self,
                   const char *id)
{
  SsrItem *item = ssr_assessment_lookup (self->assessment, id);
  const char *label = item ? ssr_item_get_label (item) : NULL;

  return label ? label : id;
}

static const char *
report_term_name (SsrReport  *self,
                  const char *id)
{
  if (id == NULL || *id == '\0')
    return NULL;

  return ssr_framework_get_term_name (self->framework, id);
}

/* The labels of the items @ids that the report shows, joined. */
static char *
report_join_labels (SsrReport          *self,
                    const char * const *ids,
                    const char         *separator)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!report_hides (self, ids[i]))
      g_ptr_array_add (labels, (gpointer) report_item_label (self, ids[i]));
  g_ptr_array_add (labels, NULL);

  return g_strjoinv (separator, (char **) labels->pdata);
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

/* "2 March 2026" in the user's language; the text itself if not a date. */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (!parse_iso_date (iso, &date))
    return g_strdup (iso);

  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);

  /* TRANSLATORS: a date in the report, see g_date_time_format() */
  /* xgettext:no-c-format */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static char *
format_value (double      value,
              const char *unit)
{
  if (unit != NULL && *unit != '\0')
    return g_strdup_printf ("%g %s", value, unit);

  return g_strdup_printf ("%g", value);
}

static const char *
status_name (SsrStepStatus status)
{
  switch (status)
    {
    case SSR_STEP_IN_PROGRESS:
      return _("In progress");
    case SSR_STEP_DONE:
      return _("Done");
    case SSR_STEP_NOT_STARTED:
    default:
      return _("Not started");
    }
}

static const char *
stance_name (SsrStance stance)
{
  switch (stance)
    {
    case SSR_STANCE_CHAMPION:
      return _("Champion");
    case SSR_STANCE_NEUTRAL:
      return _("Neutral");
    case SSR_STANCE_SPOILER:
      return _("Spoiler");
    case SSR_STANCE_UNKNOWN:
    default:
      return _("Unknown");
    }
}

static const char *
finding_kind_name (SsrFindingKind kind)
{
  switch (kind)
    {
    case SSR_FINDING_STRENGTH:
      return _("Strength");
    case SSR_FINDING_WEAKNESS:
      return _("Weakness");
    case SSR_FINDING_OPPORTUNITY:
      return _("Opportunity");
    case SSR_FINDING_THREAT:
      return _("Threat");
    case SSR_FINDING_GAP:
      return _("Gap");
    case SSR_FINDING_NEED:
      return _("Need");
    case SSR_FINDING_RISK:
    default:
      return _("Risk");
    }
}

static const char *
finding_kind_plural (SsrFindingKind kind)
{
  switch (kind)
    {
    case SSR_FINDING_STRENGTH:
      return _("Strengths");
    case SSR_FINDING_WEAKNESS:
      return _("Weaknesses");
    case SSR_FINDING_OPPORTUNITY:
      return _("Opportunities");
    case SSR_FINDING_THREAT:
      return _("Threats");
    case SSR_FINDING_GAP:
      return _("Gaps");
    case SSR_FINDING_NEED:
      return _("Needs");
    case SSR_FINDING_RISK:
    default:
      return _("Risks");
    }
}

static const char *
indicator_kind_name (SsrIndicatorKind kind)
{
  switch (kind)
    {
    case SSR_INDICATOR_SUPPLY:
      return _("Supply");
    case SSR_INDICATOR_PROCESS:
      return _("Process");
    case SSR_INDICATOR_OUTPUT:
      return _("Output");
    case SSR_INDICATOR_OUTCOME:
    default:
      return _("Outcome");
    }
}

static SsrStepStatus
report_step_status (SsrReport *self,
                    SsrTerm   *step)
{
  SsrStepRecord *record = ssr_assessment_find_step_record (self->assessment, ssr_term_get_id (step));

  return record ? ssr_step_record_get_status (record) : SSR_STEP_NOT_STARTED;
}

typedef enum
{
  TRACK_NO_DATA,
  TRACK_ON,
  TRACK_OFF,
} Track;

/*
 * On track: the latest value has moved from the baseline towards the
 * target at least as far as the time elapsed between their dates.
 */
static Track
indicator_track (SsrIndicator *indicator)
{
  double baseline = ssr_indicator_get_baseline (indicator);
  double target = ssr_indicator_get_target (indicator);
  double latest, progress, expected = 0;
  const char *latest_date;
  GDate start, end, now;

  if (!ssr_indicator_get_latest (indicator, &latest_date, &latest))
    return TRACK_NO_DATA;
  if (fabs (target - baseline) < 1e-9)
    return fabs (latest - target) < 1e-9 ? TRACK_ON : TRACK_OFF;

  progress = (latest - baseline) / (target - baseline);
  if (parse_iso_date (ssr_indicator_get_baseline_date (indicator), &start) &&
      parse_iso_date (ssr_indicator_get_target_date (indicator), &end) &&
      parse_iso_date (latest_date, &now) &&
      g_date_compare (&start, &end) < 0)
    expected = CLAMP ((double) g_date_days_between (&start, &now) / g_date_days_between (&start, &end), 0, 1);

  return progress + 1e-9 >= expected ? TRACK_ON : TRACK_OFF;
}

/* The flow: fills pages from top to bottom */

typedef struct
{
  SsrReport *report;
  GPtrArray *pages;
  GArray    *entries;
  Page      *page;
  double     y;
  /* Keep-with-next: headings placed since the last block move to the next
   * page with it when that block does not fit below them. */
  gboolean   keeping;
  guint      keep_op;
  double     keep_y;
  guint      keep_entry;
} Flow;

static double
flow_left (Flow *flow)
{
  return MARGIN_X;
}

static double
flow_width (Flow *flow)
{
  return flow->report->page_width - 2 * MARGIN_X;
}

static double
flow_top (Flow *flow)
{
  return MARGIN_TOP;
}

static double
flow_bottom (Flow *flow)
{
  return flow->report->page_height - MARGIN_BOTTOM;
}

static double
flow_room (Flow *flow)
{
  return flow->page ? flow_bottom (flow) - flow->y : 0;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->page != NULL && flow->y <= flow_top (flow) + EPSILON;
}

static void
flow_init (Flow      *flow,
           SsrReport *report)
{
  memset (flow, 0, sizeof *flow);
  flow->report = report;
  flow->pages = g_ptr_array_new_with_free_func (page_free);
  flow->entries = entries_new ();
}

static void
flow_clear (Flow *flow)
{
  g_clear_pointer (&flow->pages, g_ptr_array_unref);
  g_clear_pointer (&flow->entries, g_array_unref);
}

static void
flow_new_page (Flow *flow)
{
  flow->page = page_new ();
  g_ptr_array_add (flow->pages, flow->page);
  flow->y = flow_top (flow);
}

/* Moves the ops from @first on to the current page, @shift higher. */
static void
flow_carry_ops (Flow *flow,
                Page *previous,
                guint first,
                double shift)
{
  for (guint i = first; i < previous->ops->len; i++)
    {
      Op *op = &g_array_index (previous->ops, Op, i);
      Op moved = *op;

      moved.y -= shift;
      g_array_append_val (flow->page->ops, moved);
      /* The op now belongs to the new page. */
      memset (op, 0, sizeof *op);
    }
  g_array_remove_range (previous->ops, first, previous->ops->len - first);
}

static void
flow_break_page (Flow *flow)
{
  Page *previous = flow->page;
  double previous_y = flow->y;
  gboolean carry = flow->keeping && previous != NULL && flow->keep_y > flow_top (flow) + EPSILON;
  double shift;

  flow_new_page (flow);
  if (!carry)
    return;

  shift = flow->keep_y - flow_top (flow);
  flow_carry_ops (flow, previous, flow->keep_op, shift);
  flow->y = previous_y - shift;
  for (guint i = flow->keep_entry; i < flow->entries->len; i++)
    g_array_index (flow->entries, Entry, i).page = flow->pages->len - 1;
  flow->keep_op = 0;
  flow->keep_y = flow_top (flow);
}

/* Starts a new page unless the current one is still empty. */
static void
flow_start_page (Flow *flow)
{
  /* A heading left at the end of the previous section stays there. */
  flow->keeping = FALSE;
  if (flow->page == NULL || !flow_at_top (flow) || flow->page->ops->len > 0)
    flow_break_page (flow);
}

/* Makes room for @height, on a new page if need be. */
static void
flow_ensure (Flow   *flow,
             double  height)
{
  if (flow->page == NULL)
    flow_new_page (flow);
  else if (height > flow_room (flow) + EPSILON && !flow_at_top (flow))
    flow_break_page (flow);
}

/* Vertical space, dropped at the top of a page. */
static void
flow_space (Flow   *flow,
            double  space)
{
  if (flow->page != NULL && !flow_at_top (flow))
    flow->y = MIN (flow->y + space, flow_bottom (flow));
}

/* What is placed from here on moves with the next block to a new page
 * when that block does not fit below it. */
static void
flow_keep_with_next (Flow *flow)
{
  if (flow->keeping)
    return;

  flow->keeping = TRUE;
  flow->keep_op = flow->page->ops->len;
  flow->keep_y = flow->y;
  flow->keep_entry = flow->entries->len;
}

/* A block was placed: nothing waits for the next one any more. */
static void
flow_placed (Flow *flow)
{
  flow->keeping = FALSE;
}

static Op *
flow_add_op (Flow   *flow,
             OpKind  kind,
             double  x,
             double  y,
             double  width,
             double  height)
{
  Op op = { 0 };

  op.kind = kind;
  op.x = x;
  op.y = y;
  op.width = width;
  op.height = height;
  op.color = ink;
  g_array_append_val (flow->page->ops, op);

  return &g_array_index (flow->page->ops, Op, flow->page->ops->len - 1);
}

static void
flow_add_text (Flow        *flow,
               PangoLayout *layout,
               double       x,
               double       y,
               const Color *color,
               double       clip_top,
               double       clip_bottom)
{
  Op *op = flow_add_op (flow, OP_TEXT, x, y, pango_units_to_double (pango_layout_get_width (layout)),
                        clip_bottom - clip_top);

  op->layout = g_object_ref (layout);
  op->color = *color;
  op->clip_top = clip_top;
  op->clip_bottom = clip_bottom;
}

static void
flow_add_rect (Flow        *flow,
               double       x,
               double       y,
               double       width,
               double       height,
               const Color *color,
               double       line_width)
{
  Op *op = flow_add_op (flow, OP_RECT, x, y, width, height);

  op->color = *color;
  op->line_width = line_width;
}

static void
flow_add_line (Flow        *flow,
               double       x0,
               double       y0,
               double       x1,
               double       y1,
               const Color *color,
               double       line_width)
{
  Op *op = flow_add_op (flow, OP_LINE, x0, y0, x1 - x0, y1 - y0);

  op->color = *color;
  op->line_width = line_width;
}

static void
flow_add_figure (Flow   *flow,
                 Figure *figure,
                 double  x,
                 double  y,
                 double  width,
                 double  height)
{
  Op *op = flow_add_op (flow, OP_FIGURE, x, y, width, height);

  op->figure = figure;
}

/*
 * Places @layout at @x, splitting it between lines across pages when it
 * does not fit; never leaves a single line of a paragraph alone at the
 * bottom or the top of a page.
 */
static void
flow_text (Flow        *flow,
           PangoLayout *layout,
           double       x,
           const Color *color)
{
  double height = layout_height (layout);
  g_autoptr(GArray) bounds = NULL;
  guint n_lines, first = 0;

  flow_ensure (flow, MIN (height, layout_lines_height (layout, 2)));
  if (height <= flow_room (flow) + EPSILON)
    {
      flow_add_text (flow, layout, x, flow->y, color, 0, height);
      flow->y += height;
      flow_placed (flow);
      return;
    }

  bounds = layout_line_bounds (layout);
  n_lines = bounds->len / 2;
  while (first < n_lines)
    {
      guint end = line_bounds_fit (bounds, first, flow_room (flow));
      double top = line_bounds_top (bounds, first);
      double bottom;

      if (end < n_lines)
        {
          /* No orphan here, no widow there, unless the page is empty. */
          if (n_lines - end < 2 && end - first > 2)
            end--;
          if ((end - first < 2 && n_lines - first > 1) || end == first)
            {
              if (!flow_at_top (flow))
                {
                  flow_break_page (flow);
                  continue;
                }
              end = MAX (end, first + 1);
            }
        }

      bottom = g_array_index (bounds, double, 2 * (end - 1) + 1);
      flow_add_text (flow, layout, x, flow->y, color, top, bottom);
      flow->y += bottom - top;
      flow_placed (flow);
      first = end;
      if (first < n_lines)
        flow_break_page (flow);
    }
}

static void
flow_place_paragraph (Flow        *flow,
                      Style        style,
                      PangoLayout *layout,
                      double       indent)
{
  flow_space (flow, styles[style].space_before);
  flow_text (flow, layout, flow_left (flow) + indent, styles[style].color);
  flow->y += styles[style].space_after;
}

static void
flow_paragraph_full (Flow       *flow,
                     Style       style,
                     const char *text,
                     gboolean    markup,
                     double      indent)
{
  g_autoptr(PangoLayout) layout = report_layout (flow->report, style, text, markup,
                                                 flow_width (flow) - indent);

  flow_place_paragraph (flow, style, layout, indent);
}

/* Moves a short group to the next page rather than splitting it. */
static void
flow_keep_together (Flow   *flow,
                    double  height)
{
  if (height <= (flow_bottom (flow) - flow_top (flow)) / 3)
    flow_ensure (flow, height);
}

/*
 * Paragraphs laid out before they are placed, so that a group can be
 * measured first.
 */
typedef struct
{
  PangoLayout *layout;
  Style        style;
} Block;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
}

static GArray *
blocks_new (void)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));

  g_array_set_clear_func (blocks, block_clear);

  return blocks;
}

static void
blocks_add (Flow       *flow,
            GArray     *blocks,
            Style       style,
            const char *text)
{
  Block block = { report_layout (flow->report, style, text, FALSE, flow_width (flow)), style };

  g_array_append_val (blocks, block);
}

/* Free text as paragraphs, split at blank lines; scrubbed when redacting. */
static void
blocks_add_free_text (Flow       *flow,
                      GArray     *blocks,
                      Style       style,
                      const char *text)
{
  g_autofree char *scrubbed = report_scrub (flow->report, text);
  g_auto(GStrv) paragraphs = NULL;

  if (scrubbed == NULL)
    return;

  paragraphs = g_strsplit (scrubbed, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] != '\0')
        blocks_add (flow, blocks, style, paragraphs[i]);
    }
}

static double
blocks_height (GArray *blocks)
{
  double height = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);

      height += styles[block->style].space_before + layout_height (block->layout) +
                styles[block->style].space_after;
    }

  return height;
}

static void
flow_blocks (Flow   *flow,
             GArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);

      flow_place_paragraph (flow, block->style, block->layout, 0);
    }
}

static void
flow_paragraph (Flow       *flow,
                Style       style,
                const char *text)
{
  flow_paragraph_full (flow, style, text, FALSE, 0);
}

static void
flow_markup (Flow       *flow,
             Style       style,
             const char *markup)
{
  flow_paragraph_full (flow, style, markup, TRUE, 0);
}

static void
flow_free_text (Flow       *flow,
                Style       style,
                const char *text)
{
  g_autoptr(GArray) blocks = blocks_new ();

  blocks_add_free_text (flow, blocks, style, text);
  flow_blocks (flow, blocks);
}

/* A short line that introduces the block after it and stays with it. */
static void
flow_label (Flow       *flow,
            Style       style,
            const char *label)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", label);
  g_autoptr(PangoLayout) layout = report_layout (flow->report, style, markup, TRUE, flow_width (flow));
  double height = layout_height (layout);

  flow_space (flow, 4);
  flow_ensure (flow, height);
  flow_keep_with_next (flow);
  flow_add_text (flow, layout, flow_left (flow), flow->y, styles[style].color, 0, height);
  flow->y += height + styles[style].space_after;
}

static void
flow_none (Flow       *flow,
           const char *message)
{
  g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", message);

  flow_markup (flow, STYLE_BODY, markup);
}

/*
 * An indented item: @marker (a figure) or @bullet (text) in the margin of
 * its first line, @markup beside it.
 */
static void
flow_item (Flow       *flow,
           Style       style,
           const char *bullet,
           Figure     *marker,
           const char *markup)
{
  double width = flow_width (flow) - BULLET_INDENT;
  g_autoptr(PangoLayout) layout = report_layout (flow->report, style, markup, TRUE, width);
  double first_line = layout_lines_height (layout, 1);

  flow_ensure (flow, MIN (layout_height (layout), layout_lines_height (layout, 2)));
  if (marker != NULL)
    {
      double size = MIN (first_line - 2, 8);

      flow_add_figure (flow, marker, flow_left (flow) + 1, flow->y + (first_line - size) / 2,
                       size, size);
    }
  else
    {
      g_autoptr(PangoLayout) mark = report_layout (flow->report, style, bullet, FALSE, BULLET_INDENT);

      flow_add_text (flow, mark, flow_left (flow), flow->y, styles[style].color,
                     0, layout_height (mark));
    }
  flow_text (flow, layout, flow_left (flow) + BULLET_INDENT, styles[style].color);
  flow->y += styles[style].space_after / 2;
}

static void
flow_bullet (Flow       *flow,
             Style       style,
             const char *markup)
{
  flow_item (flow, style, "•", NULL, markup);
}

/*
 * A heading in @style: the outline (and, when @in_contents, the contents)
 * point at it, and it moves to the next page with the block that follows
 * when that block does not fit below it.
 */
static void
flow_heading_full (Flow       *flow,
                   guint       level,
                   Style       style,
                   const char *title,
                   gboolean    in_contents)
{
  SsrReport *self = flow->report;
  g_autoptr(PangoLayout) layout = report_layout (self, style, title, FALSE, flow_width (flow));
  double height = layout_height (layout);
  Entry entry = { 0 };
  Op *dest;

  flow_space (flow, styles[style].space_before);
  flow_ensure (flow, height);
  flow_keep_with_next (flow);

  entry.title = g_strdup (title);
  entry.dest = g_strdup_printf ("section-%u", ++self->n_dests);
  entry.level = level;
  entry.page = flow->pages->len - 1;
  entry.in_contents = in_contents;
  g_array_append_val (flow->entries, entry);

  dest = flow_add_op (flow, OP_DEST, flow_left (flow), flow->y, 0, 0);
  dest->name = g_strdup (entry.dest);
  flow_add_text (flow, layout, flow_left (flow), flow->y, styles[style].color, 0, height);
  flow->y += height + styles[style].space_after;
}

/* A heading of the contents; level 1 starts a numbered section on a new
 * page. */
static void
flow_heading (Flow       *flow,
              guint       level,
              const char *title)
{
  g_autofree char *numbered = NULL;
  double rule_y;

  if (level > 1)
    {
      flow_heading_full (flow, level, level == 2 ? STYLE_HEADING_2 : STYLE_HEADING_3, title, level == 2);
      return;
    }

  numbered = g_strdup_printf ("%u  %s", ++flow->report->n_sections, title);
  flow_start_page (flow);
  flow_heading_full (flow, 1, STYLE_HEADING_1, numbered, TRUE);
  rule_y = flow->y - styles[STYLE_HEADING_1].space_after / 2;
  flow_add_line (flow, flow_left (flow), rule_y, flow_left (flow) + flow_width (flow), rule_y, &accent, 0.8);
}

static void
flow_figure (Flow   *flow,
             Figure *figure,
             double  height)
{
  flow_ensure (flow, height);
  flow_add_figure (flow, figure, flow_left (flow), flow->y, flow_width (flow), height);
  flow->y += height;
  flow_placed (flow);
}

/* Tables: rows break across pages, the header row is repeated */

typedef struct
{
  const char     *title;
  double          share;
  PangoAlignment  alignment;
} TableColumn;

typedef struct
{
  PangoLayout *layout;
  Figure      *figure;
  double       figure_height;
  gboolean     has_fill;
  Color        fill;
} TableCell;

/* Where a row was placed: its ops from @first_op of @page on. */
typedef struct
{
  Page     *page;
  guint     first_op;
  double    y;
  double    height;
  gboolean  split;
} TablePlace;

typedef struct
{
  Flow        *flow;
  guint        n_columns;
  double       x[MAX_COLUMNS];
  double       width[MAX_COLUMNS];
  PangoAlignment alignment[MAX_COLUMNS];
  PangoLayout *headers[MAX_COLUMNS];
  double       header_height;
  Page        *header_page;
  TableCell    cells[MAX_COLUMNS];
  guint        n_rows;
  gboolean     zebra;
  /* Where the last rows went, the latest last. */
  TablePlace   placed[3];
} Table;

static double
table_cell_width (Table *table,
                  guint  column)
{
  return table->width[column] - 2 * CELL_PAD;
}

static void
table_init (Table             *table,
            Flow              *flow,
            const TableColumn *columns,
            guint              n_columns)
{
  double x = flow_left (flow);
  double total = 0;

  g_assert (n_columns <= MAX_COLUMNS);
  memset (table, 0, sizeof *table);
  table->flow = flow;
  table->n_columns = n_columns;
  table->zebra = TRUE;

  for (guint i = 0; i < n_columns; i++)
    total += columns[i].share;

  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      table->width[i] = flow_width (flow) * columns[i].share / total;
      table->alignment[i] = columns[i].alignment;
      x += table->width[i];

      if (columns[i].title != NULL)
        {
          table->headers[i] = report_layout (flow->report, STYLE_TABLE_HEADER, columns[i].title,
                                             FALSE, table_cell_width (table, i));
          pango_layout_set_alignment (table->headers[i], columns[i].alignment);
          /* Headers are words, not names: a narrow column may hyphenate them. */
          pango_layout_set_attributes (table->headers[i], NULL);
          table->header_height = MAX (table->header_height,
                                      layout_height (table->headers[i]) + 2 * CELL_PAD);
        }
    }
}

static void
table_cell_clear (TableCell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->figure, figure_free);
  memset (cell, 0, sizeof *cell);
}

/*
 * A last row alone on its page takes the row before it along, as long as
 * that leaves a row on the page before.
 */
static void
table_avoid_lone_last_row (Table *table)
{
  Flow *flow = table->flow;
  TablePlace *earlier = &table->placed[0];
  TablePlace *before = &table->placed[1];
  TablePlace *last = &table->placed[2];
  GArray *from, *to;
  guint n_moved;

  if (table->n_rows < 3 || last->split || before->split ||
      last->page != flow->page || before->page == last->page || earlier->page != before->page ||
      flow_room (flow) < before->height)
    return;

  from = before->page->ops;
  to = last->page->ops;
  n_moved = from->len - before->first_op;

  for (guint i = last->first_op; i < to->len; i++)
    g_array_index (to, Op, i).y += before->height;
  for (guint i = before->first_op; i < from->len; i++)
    g_array_index (from, Op, i).y += last->y - before->y;

  g_array_insert_vals (to, last->first_op, &g_array_index (from, Op, before->first_op), n_moved);
  /* The ops now belong to the last page. */
  memset (&g_array_index (from, Op, before->first_op), 0, n_moved * sizeof (Op));
  g_array_remove_range (from, before->first_op, n_moved);
  flow->y += before->height;
}

static void
table_finish (Table *table)
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
table_set_layout (Table       *table,
                  guint        column,
                  Style        style,
                  const char  *text,
                  gboolean     markup)
{
  TableCell *cell = &table->cells[column];

  g_clear_object (&cell->layout);
  cell->layout = report_layout (table->flow->report, style, text, markup,
                                table_cell_width (table, column));
  pango_layout_set_alignment (cell->layout, table->alignment[column]);
}

static void
table_set_text (Table      *table,
                guint       column,
                const char *text)
{
  table_set_layout (table, column, STYLE_TABLE, text, FALSE);
}

static void
table_set_markup (Table      *table,
                  guint       column,
                  const char *markup)
{
  table_set_layout (table, column, STYLE_TABLE, markup, TRUE);
}

/* Lines after the first of each paragraph start as far in as @prefix is
 * wide: wrapped list items align with their text, not their bullet. */
static void
table_set_hanging_indent (Table      *table,
                          guint       column,
                          const char *prefix)
{
  g_autoptr(PangoLayout) measure = report_layout (table->flow->report, STYLE_TABLE, prefix, FALSE,
                                                  table_cell_width (table, column));
  PangoRectangle logical;

  pango_layout_get_extents (measure, NULL, &logical);
  pango_layout_set_indent (table->cells[column].layout, -logical.width);
}

static void
table_set_figure (Table  *table,
                  guint   column,
                  Figure *figure,
                  double  height)
{
  TableCell *cell = &table->cells[column];

  g_clear_pointer (&cell->figure, figure_free);
  cell->figure = figure;
  cell->figure_height = height;
}

static void
table_set_fill (Table       *table,
                guint        column,
                const Color *fill)
{
  table->cells[column].has_fill = TRUE;
  table->cells[column].fill = *fill;
}

static double
table_cell_height (TableCell *cell)
{
  double height = cell->layout ? layout_height (cell->layout) : 0;

  return MAX (height, cell->figure ? cell->figure_height : 0);
}

static gboolean
table_has_header (Table *table)
{
  return table->header_height > 0;
}

static void
table_place_header (Table *table)
{
  Flow *flow = table->flow;

  if (!table_has_header (table) || table->header_page == flow->page)
    return;

  flow_add_rect (flow, flow_left (flow), flow->y, flow_width (flow), table->header_height,
                 &header_fill, 0);
  for (guint i = 0; i < table->n_columns; i++)
    if (table->headers[i] != NULL)
      flow_add_text (flow, table->headers[i], table->x[i] + CELL_PAD, flow->y + CELL_PAD, &ink,
                     0, layout_height (table->headers[i]));
  flow->y += table->header_height;
  flow_add_line (flow, flow_left (flow), flow->y, flow_left (flow) + flow_width (flow), flow->y,
                 &accent, 0.8);
  table->header_page = flow->page;
}

static double
table_header_needed (Table *table)
{
  return table->header_page == table->flow->page ? 0 : table->header_height;
}

/*
 * Draws the part of the current row from line first[i] to end[i] of each
 * text cell; figures only with the first part.
 */
static void
table_place_part (Table        *table,
                  GArray      **bounds,
                  const guint  *first,
                  const guint  *end,
                  double        content_height,
                  gboolean      first_part)
{
  Flow *flow = table->flow;
  double height = content_height + 2 * CELL_PAD;

  for (guint i = 0; i < table->n_columns; i++)
    {
      TableCell *cell = &table->cells[i];

      if (cell->has_fill)
        flow_add_rect (flow, table->x[i], flow->y, table->width[i], height, &cell->fill, 0);
      else if (table->zebra && table->n_rows % 2 == 1)
        flow_add_rect (flow, table->x[i], flow->y, table->width[i], height, &zebra_fill, 0);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      TableCell *cell = &table->cells[i];
      double x = table->x[i] + CELL_PAD;
      double y = flow->y + CELL_PAD;

      if (cell->figure != NULL && first_part)
        {
          flow_add_figure (flow, g_steal_pointer (&cell->figure), x, y,
                           table_cell_width (table, i), cell->figure_height);
        }
      if (cell->layout != NULL && end[i] > first[i])
        {
          double top = line_bounds_top (bounds[i], first[i]);
          double bottom = g_array_index (bounds[i], double, 2 * (end[i] - 1) + 1);

          flow_add_text (flow, cell->layout, x, y, &ink, top, bottom);
        }
    }

  flow->y += height;
  flow_add_line (flow, flow_left (flow), flow->y, flow_left (flow) + flow_width (flow), flow->y,
                 &rule, 0.4);
}

/* Places the current row, splitting it between lines when it is taller
 * than a page. */
static void
table_place_row (Table *table)
{
  Flow *flow = table->flow;
  GArray *bounds[MAX_COLUMNS] = { NULL };
  guint first[MAX_COLUMNS] = { 0 };
  guint end[MAX_COLUMNS] = { 0 };
  double content_height = 0;
  double page_room = flow_bottom (flow) - flow_top (flow);
  gboolean first_part = TRUE;
  gboolean done = FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      content_height = MAX (content_height, table_cell_height (&table->cells[i]));
      if (table->cells[i].layout != NULL)
        {
          bounds[i] = layout_line_bounds (table->cells[i].layout);
          end[i] = bounds[i]->len / 2;
        }
    }

  if (flow->page == NULL)
    flow_new_page (flow);
  if (content_height + 2 * CELL_PAD + table_header_needed (table) > flow_room (flow) + EPSILON &&
      content_height + 2 * CELL_PAD + table->header_height <= page_room)
    flow_break_page (flow);

  memmove (&table->placed[0], &table->placed[1], 2 * sizeof (TablePlace));
  if (content_height + 2 * CELL_PAD + table_header_needed (table) <= flow_room (flow) + EPSILON)
    {
      TablePlace *place = &table->placed[2];

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
      gboolean fresh = flow_at_top (flow);
      double room, part_height = 0;
      gboolean progress = FALSE;

      table_place_header (table);
      room = flow_room (flow) - 2 * CELL_PAD;
      done = TRUE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          guint n_lines = bounds[i] ? bounds[i]->len / 2 : 0;

          if (first_part && table->cells[i].figure != NULL)
            part_height = MAX (part_height, table->cells[i].figure_height);
          if (first[i] >= n_lines)
            continue;

          end[i] = line_bounds_fit (bounds[i], first[i], room);
          /* A line taller than a page still moves on. */
          if (end[i] == first[i] && fresh)
            end[i] = first[i] + 1;
          if (end[i] > first[i])
            {
              double lines_height = line_bounds_top (bounds[i], end[i]) - line_bounds_top (bounds[i], first[i]);

              part_height = MAX (part_height, lines_height);
              progress = TRUE;
            }
          if (end[i] < n_lines)
            done = FALSE;
        }

      if (!progress && !done)
        {
          flow_break_page (flow);
          continue;
        }

      table_place_part (table, bounds, first, end, part_height, first_part);
      flow_placed (flow);
      first_part = FALSE;
      memcpy (first, end, sizeof first);
      if (!done)
        flow_break_page (flow);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_clear_pointer (&bounds[i], g_array_unref);
      table_cell_clear (&table->cells[i]);
    }
  table->n_rows++;
  flow_placed (flow);
}

static void
table_end_row (Table *table)
{
  table_place_row (table);
}

/* Figures */

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

  ssr_render_options_init (&options);
  options.redact = self->options.redact;

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

static Figure *
picture_figure_new (SsrReport  *self,
                    SsrPicture  picture,
                    double      width,
                    double      height)
{
  PictureFigure *figure = g_new0 (PictureFigure, 1);
  SsrRenderOptions options;
  double natural_width, natural_height;

  ssr_render_options_init (&options);
  options.redact = self->options.redact;
  ssr_picture_get_natural_size (picture, self->framework, self->assessment, &options,
                                &natural_width, &natural_height);

  figure->picture = picture;
  figure->scale = CLAMP (MIN (width / natural_width, height / natural_height), MIN_PICTURE_SCALE, 1);

  return figure_new (draw_picture_cb, figure, g_free);
}

/* A picture below a heading of its title, filling @height or the rest of
 * the page. */
static void
flow_picture (Flow       *flow,
              SsrPicture  picture,
              double      height)
{
  double room;

  flow_heading (flow, 2, ssr_picture_get_title (picture));
  room = flow_room (flow);
  if (height <= 0 || height > room)
    height = room;
  flow_figure (flow, picture_figure_new (flow->report, picture, flow_width (flow), height), height);
}

static void
draw_checkbox_cb (SsrReport *self,
                  cairo_t   *cr,
                  gpointer   data,
                  double     width,
                  double     height)
{
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_source_rgb (cr, muted.red, muted.green, muted.blue);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  if (GPOINTER_TO_INT (data))
    {
      cairo_move_to (cr, width * 0.18, height * 0.55);
      cairo_line_to (cr, width * 0.42, height * 0.8);
      cairo_line_to (cr, width * 0.85, height * 0.2);
      cairo_set_source_rgb (cr, accent.red, accent.green, accent.blue);
      cairo_set_line_width (cr, 1.4);
      cairo_stroke (cr);
    }
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
      cairo_set_source_rgb (cr, accent.red, accent.green, accent.blue);
      if (i < rating)
        cairo_fill_preserve (cr);
      cairo_stroke (cr);
    }
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
  cairo_set_source_rgb (cr, muted.red, muted.green, muted.blue);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

/* An indicator's values over time, with its target as a dashed line. */
typedef struct
{
  guint   n_points;
  double *x;
  double *y;
  double  target;
  /* The time axis runs to the target date when there is one. */
  double  end_x;
  Track   track;
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
  sparkline->track = indicator_track (indicator);

  if (parse_iso_date (ssr_indicator_get_baseline_date (indicator), &date))
    sparkline->x[0] = g_date_get_julian (&date);
  else
    by_date = FALSE;
  sparkline->y[0] = ssr_indicator_get_baseline (indicator);

  for (guint i = 0; i < n; i++)
    {
      const char *when;
      double value;

      g_variant_get_child (measurements, i, "(&sd&s)", &when, &value, NULL);
      if (parse_iso_date (when, &date))
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
  if (by_date && parse_iso_date (ssr_indicator_get_target_date (indicator), &date))
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
  cairo_set_source_rgb (cr, muted.red, muted.green, muted.blue);
  cairo_move_to (cr, pad, SPARK_Y (sparkline->target));
  cairo_line_to (cr, width - pad, SPARK_Y (sparkline->target));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_set_line_width (cr, 1.2);
  cairo_set_source_rgb (cr, accent.red, accent.green, accent.blue);
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

/* The sections */

static const char *
report_title (SsrReport *self)
{
  const char *title = ssr_assessment_get_title (self->assessment);

  return title && *title ? title : _("Untitled assessment");
}

static char *
report_period (SsrReport *self)
{
  g_autofree char *start = format_date (ssr_assessment_get_start_date (self->assessment));
  g_autofree char *end = format_date (ssr_assessment_get_end_date (self->assessment));

  if (start != NULL && end != NULL)
    /* TRANSLATORS: the period of the assessment, from a date to a date */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (start != NULL)
    return g_strdup_printf (_("From %s"), start);
  if (end != NULL)
    return g_strdup_printf (_("Until %s"), end);

  return NULL;
}

/* The agencies of the team, each once, in order of appearance. */
static char *
report_agencies (SsrReport *self)
{
  GListModel *team = ssr_assessment_get_team (self->assessment);
  g_autoptr(GPtrArray) agencies = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (team); i++)
    {
      g_autoptr(SsrTeamMember) member = g_list_model_get_item (team, i);
      const char *agency = ssr_team_member_get_agency (member);

      if (agency != NULL && *agency != '\0' &&
          !g_ptr_array_find_with_equal_func (agencies, agency, g_str_equal, NULL))
        g_ptr_array_add (agencies, (gpointer) agency);
    }
  g_ptr_array_add (agencies, NULL);

  /* Agencies often name a unit after a comma: a semicolon keeps them apart. */
  return g_strjoinv ("; ", (char **) agencies->pdata);
}

static void
flow_paragraph_if_any (Flow       *flow,
                       Style       style,
                       const char *text)
{
  if (text != NULL && *text != '\0')
    flow_paragraph (flow, style, text);
}

static void
layout_cover_marking (Flow       *flow,
                      const char *classification)
{
  g_autoptr(PangoLayout) layout = report_layout (flow->report, STYLE_COVER_MARKING, classification,
                                                 FALSE, flow_width (flow) - 40);
  double height = layout_height (layout) + 16;
  PangoRectangle logical;
  double width;

  pango_layout_get_extents (layout, NULL, &logical);
  width = MIN (flow_width (flow), pango_units_to_double (logical.width) + 48);
  flow_add_rect (flow, flow_left (flow) + (flow_width (flow) - width) / 2, flow->y,
                 width, height, &marking_red, 2);
  flow_add_text (flow, layout, flow_left (flow) + 20, flow->y + 8, &marking_red,
                 0, layout_height (layout));
  flow->y += height + 28;
}

static void
layout_cover_team (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *team = ssr_assessment_get_team (self->assessment);
  const TableColumn columns[] = {
    { _("Name"), 0.34, PANGO_ALIGN_LEFT },
    { _("Role"), 0.30, PANGO_ALIGN_LEFT },
    { _("Agency"), 0.36, PANGO_ALIGN_LEFT },
  };
  Table table;

  if (g_list_model_get_n_items (team) == 0)
    return;

  flow_heading_full (flow, 2, STYLE_HEADING_3, _("Assessment team"), FALSE);
  table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (team); i++)
    {
      g_autoptr(SsrTeamMember) member = g_list_model_get_item (team, i);

      table_set_text (&table, 0, ssr_team_member_get_name (member));
      table_set_text (&table, 1, ssr_team_member_get_role (member));
      table_set_text (&table, 2, ssr_team_member_get_agency (member));
      table_end_row (&table);
    }
  table_finish (&table);
}

static void
layout_cover_notice (Flow *flow)
{
  SsrReport *self = flow->report;
  g_autofree char *notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Redacted edition — %u item marked sensitive was left out",
                                                          "Redacted edition — %u items marked sensitive were left out",
                                                          self->n_hidden),
                                             self->n_hidden);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", notice);

  flow_space (flow, 8);
  flow_paragraph_full (flow, STYLE_COVER_TEXT, markup, TRUE, 0);
}

static void
layout_cover (Flow *flow)
{
  SsrReport *self = flow->report;
  const char *classification = ssr_assessment_get_classification (self->assessment);
  g_autofree char *period = report_period (self);
  g_autofree char *framework = g_strdup_printf (_("Framework: %s"), ssr_framework_get_name (self->framework));
  const char *context_type = report_term_name (self, ssr_assessment_get_context_type (self->assessment));

  flow_new_page (flow);
  flow->y += 16;
  if (classification != NULL && *classification != '\0')
    layout_cover_marking (flow, classification);
  else
    flow->y += 40;

  flow_heading_full (flow, 1, STYLE_COVER_TITLE, report_title (self), FALSE);
  flow_paragraph_if_any (flow, STYLE_COVER_SUBTITLE, ssr_assessment_get_country (self->assessment));
  flow_paragraph_if_any (flow, STYLE_COVER_TEXT, period);
  flow_paragraph_if_any (flow, STYLE_COVER_TEXT, context_type);
  flow_paragraph_if_any (flow, STYLE_COVER_TEXT, framework);
  if (self->options.redact)
    layout_cover_notice (flow);

  flow_space (flow, 16);
  flow_add_line (flow, flow_left (flow) + flow_width (flow) / 4, flow->y,
                 flow_left (flow) + 3 * flow_width (flow) / 4, flow->y, &accent, 1);
  flow->y += 20;

  layout_cover_team (flow);
}

static void
layout_contents_entry (Flow        *flow,
                       const Entry *entry,
                       guint        page_offset)
{
  SsrReport *self = flow->report;
  Style style = entry->level == 1 ? STYLE_CONTENTS_1 : STYLE_CONTENTS_2;
  double indent = entry->level == 1 ? 0 : 18;
  double number_width = 36;
  g_autofree char *number = g_strdup_printf ("%u", entry->page + page_offset + 1);
  g_autoptr(PangoLayout) title = report_layout (self, style, entry->title, FALSE,
                                                flow_width (flow) - indent - number_width - 8);
  g_autoptr(PangoLayout) page = report_layout (self, style, number, FALSE, number_width);
  double height = MAX (layout_height (title), layout_height (page));
  Op *link;

  pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
  flow_space (flow, styles[style].space_before);
  flow_ensure (flow, height);
  flow_add_text (flow, title, flow_left (flow) + indent, flow->y, &ink, 0, layout_height (title));
  flow_add_text (flow, page, flow_left (flow) + flow_width (flow) - number_width, flow->y, &ink,
                 0, layout_height (page));
  link = flow_add_op (flow, OP_LINK, flow_left (flow), flow->y, flow_width (flow), height);
  link->name = g_strdup (entry->dest);
  flow->y += height + styles[style].space_after;
  flow_placed (flow);
}

static void
layout_contents (Flow   *flow,
                 GArray *entries,
                 guint   page_offset)
{
  flow_new_page (flow);
  flow_heading_full (flow, 1, STYLE_HEADING_1, _("Contents"), FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->in_contents)
        layout_contents_entry (flow, entry, page_offset);
    }
}

static void
layout_progress_table (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *phases = ssr_framework_get_phases (self->framework);
  const TableColumn columns[] = {
    { _("Phase"), 0.46, PANGO_ALIGN_LEFT },
    { _("Done"), 0.18, PANGO_ALIGN_RIGHT },
    { _("In progress"), 0.18, PANGO_ALIGN_RIGHT },
    { _("Not started"), 0.18, PANGO_ALIGN_RIGHT },
  };
  Table table;

  if (phases == NULL)
    return;

  flow_heading (flow, 2, _("Progress"));
  table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");
      guint counts[SSR_STEP_DONE + 1] = { 0 };

      for (guint j = 0; steps != NULL && j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);

          counts[report_step_status (self, step)]++;
        }

      table_set_text (&table, 0, ssr_term_get_name (phase));
      for (guint status = 0; status <= SSR_STEP_DONE; status++)
        {
          g_autofree char *count = g_strdup_printf ("%u", counts[status]);
          guint column = status == SSR_STEP_DONE ? 1 : status == SSR_STEP_IN_PROGRESS ? 2 : 3;

          table_set_text (&table, column, count);
        }
      table_end_row (&table);
    }
  table_finish (&table);
}

typedef struct
{
  char       *value;
  const char *label;
} KeyFigure;

static void
key_figure_clear (gpointer data)
{
  KeyFigure *figure = data;

  g_free (figure->value);
}

static void
key_figures_add (GArray     *figures,
                 const char *label,
                 char       *value)
{
  KeyFigure figure = { value, label };

  g_array_append_val (figures, figure);
}

/* Boxes with a large number and a label, N_KEY_COLUMNS to a row. */
static void
flow_key_figures (Flow   *flow,
                  GArray *figures)
{
  double gap = 8;
  double box_width = (flow_width (flow) - (N_KEY_COLUMNS - 1) * gap) / N_KEY_COLUMNS;

  for (guint row = 0; row * N_KEY_COLUMNS < figures->len; row++)
    {
      PangoLayout *values[N_KEY_COLUMNS] = { NULL };
      PangoLayout *labels[N_KEY_COLUMNS] = { NULL };
      guint n = MIN (N_KEY_COLUMNS, figures->len - row * N_KEY_COLUMNS);
      double height = 0;

      for (guint i = 0; i < n; i++)
        {
          KeyFigure *figure = &g_array_index (figures, KeyFigure, row * N_KEY_COLUMNS + i);

          values[i] = report_layout (flow->report, STYLE_KEY_FIGURE, figure->value, FALSE, box_width - 16);
          labels[i] = report_layout (flow->report, STYLE_SMALL, figure->label, FALSE, box_width - 16);
          height = MAX (height, layout_height (values[i]) + layout_height (labels[i]) + 16);
        }

      flow_ensure (flow, height);
      for (guint i = 0; i < n; i++)
        {
          double x = flow_left (flow) + i * (box_width + gap);
          double value_height = layout_height (values[i]);

          flow_add_rect (flow, x, flow->y, box_width, height, &key_fill, 0);
          flow_add_text (flow, values[i], x + 8, flow->y + 6, &accent, 0, value_height);
          flow_add_text (flow, labels[i], x + 8, flow->y + 8 + value_height, &muted,
                         0, layout_height (labels[i]));
          g_object_unref (values[i]);
          g_object_unref (labels[i]);
        }
      flow->y += height + gap;
      flow_placed (flow);
    }
  flow->y += 6;
}

static GArray *
report_key_figures (SsrReport *self)
{
  GArray *figures = g_array_new (FALSE, TRUE, sizeof (KeyFigure));
  GListModel *actors = ssr_assessment_get_actors (self->assessment);
  GListModel *findings = ssr_assessment_get_findings (self->assessment);
  GListModel *indicators = ssr_assessment_get_indicators (self->assessment);
  guint n_actors = 0, n_champions = 0, n_spoilers = 0, n_on_track = 0;
  guint n_findings[SSR_FINDING_RISK + 1] = { 0 };

  g_array_set_clear_func (figures, key_figure_clear);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);

      if (!report_shows (self, actor))
        continue;
      n_actors++;
      n_champions += ssr_actor_get_stance (actor) == SSR_STANCE_CHAMPION;
      n_spoilers += ssr_actor_get_stance (actor) == SSR_STANCE_SPOILER;
    }

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);

      if (report_shows (self, finding) && ssr_finding_get_kind (finding) <= SSR_FINDING_RISK)
        n_findings[ssr_finding_get_kind (finding)]++;
    }

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(SsrIndicator) indicator = g_list_model_get_item (indicators, i);

      n_on_track += indicator_track (indicator) == TRACK_ON;
    }

  key_figures_add (figures, _("Actors"), g_strdup_printf ("%u", n_actors));
  key_figures_add (figures, _("Champions of reform"), g_strdup_printf ("%u", n_champions));
  key_figures_add (figures, _("Spoilers"), g_strdup_printf ("%u", n_spoilers));
  key_figures_add (figures, _("Priorities"),
                   g_strdup_printf ("%u", g_list_model_get_n_items (ssr_assessment_get_priorities (self->assessment))));
  for (SsrFindingKind kind = SSR_FINDING_STRENGTH; kind <= SSR_FINDING_RISK; kind++)
    key_figures_add (figures, finding_kind_plural (kind), g_strdup_printf ("%u", n_findings[kind]));
  /* TRANSLATORS: indicators on track, "3 of 5" */
  key_figures_add (figures, _("Indicators on track"),
                   g_strdup_printf (_("%u of %u"), n_on_track, g_list_model_get_n_items (indicators)));

  return figures;
}

static char *
priority_markup (SsrReport   *self,
                 SsrPriority *priority,
                 guint        number)
{
  g_autofree char *objective = report_scrub (self, ssr_priority_get_objective (priority));
  const char *timeframe = report_term_name (self, ssr_priority_get_timeframe (priority));

  if (timeframe != NULL)
    return g_markup_printf_escaped ("<b>%u.</b> %s <span foreground='#666666'>(%s)</span>",
                                    number, objective ? objective : "", timeframe);

  return g_markup_printf_escaped ("<b>%u.</b> %s", number, objective ? objective : "");
}

static void
layout_summary (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *priorities = ssr_assessment_get_priorities (self->assessment);
  g_autoptr(GArray) figures = report_key_figures (self);
  g_autofree char *period = report_period (self);
  g_autofree char *intro = NULL;
  const char *country = ssr_assessment_get_country (self->assessment);

  flow_heading (flow, 1, _("Executive summary"));

  intro = g_strdup_printf (_("This report summarises the assessment of %s (%s), carried out following the %s."),
                           country && *country ? country : _("the country"),
                           period ? period : _("no dates recorded"),
                           ssr_framework_get_name (self->framework));
  flow_paragraph (flow, STYLE_BODY, intro);

  layout_progress_table (flow);

  flow_heading (flow, 2, _("Key figures"));
  flow_key_figures (flow, figures);

  flow_heading (flow, 2, _("Top priorities"));
  if (g_list_model_get_n_items (priorities) == 0)
    flow_none (flow, _("No priorities recorded."));
  for (guint i = 0; i < MIN (N_TOP_PRIORITIES, g_list_model_get_n_items (priorities)); i++)
    {
      g_autoptr(SsrPriority) priority = g_list_model_get_item (priorities, i);
      g_autofree char *markup = priority_markup (self, priority, i + 1);

      flow_markup (flow, STYLE_BODY, markup);
    }
}

static void
layout_context (Flow *flow)
{
  SsrReport *self = flow->report;
  const char *type_id = ssr_assessment_get_context_type (self->assessment);
  SsrTerm *type = type_id ? ssr_framework_lookup (self->framework, type_id) : NULL;
  const char *context = ssr_assessment_get_context (self->assessment);

  flow_heading (flow, 1, _("Context"));

  if (type_id != NULL && *type_id != '\0')
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Type of context:"),
                                                         report_term_name (self, type_id));

      flow_markup (flow, STYLE_BODY, markup);
      if (type != NULL && ssr_term_get_guidance (type) != NULL)
        flow_paragraph (flow, STYLE_SMALL, ssr_term_get_guidance (type));
      flow_space (flow, 6);
    }

  if (context != NULL && *context != '\0')
    flow_free_text (flow, STYLE_BODY, context);
  else
    flow_none (flow, _("No description of the context recorded."));
}

static void
layout_step_tasks (Flow          *flow,
                   SsrTerm       *step,
                   SsrStepRecord *record)
{
  GListModel *tasks = ssr_term_get_list (step, "tasks");

  if (tasks == NULL || g_list_model_get_n_items (tasks) == 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(SsrTerm) task = g_list_model_get_item (tasks, i);
      gboolean done = record && ssr_step_record_is_task_done (record, ssr_term_get_id (task));
      g_autofree char *markup = g_markup_escape_text (ssr_term_get_name (task), -1);

      flow_item (flow, STYLE_TABLE, NULL, figure_new (draw_checkbox_cb, GINT_TO_POINTER (done), NULL),
                 markup);
    }
  flow->y += 4;
}

static void
layout_step_findings (Flow    *flow,
                      SsrTerm *step)
{
  SsrReport *self = flow->report;
  GListModel *findings = ssr_assessment_get_findings (self->assessment);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *title = NULL;
      g_autofree char *markup = NULL;

      if (!report_shows (self, finding) ||
          g_strcmp0 (ssr_finding_get_step (finding), ssr_term_get_id (step)) != 0)
        continue;

      if (!any)
        {
          flow_label (flow, STYLE_TABLE, _("Findings recorded at this step"));
          any = TRUE;
        }
      title = report_scrub (self, ssr_finding_get_title (finding));
      markup = g_markup_printf_escaped ("<i>%s:</i> %s", finding_kind_name (ssr_finding_get_kind (finding)),
                                        title ? title : "");
      flow_bullet (flow, STYLE_TABLE, markup);
    }
}

static void
layout_step (Flow    *flow,
             SsrTerm *step,
             guint    number)
{
  SsrReport *self = flow->report;
  SsrStepRecord *record = ssr_assessment_find_step_record (self->assessment, ssr_term_get_id (step));
  SsrStepStatus status = record ? ssr_step_record_get_status (record) : SSR_STEP_NOT_STARTED;
  g_autofree char *title = g_strdup_printf ("%u. %s", number, ssr_term_get_name (step));
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Status:"), status_name (status));

  flow_heading (flow, 3, title);
  flow_item (flow, STYLE_TABLE, NULL, figure_new (draw_status_cb, GINT_TO_POINTER (status), NULL), markup);
  flow->y += 4;
  layout_step_tasks (flow, step, record);

  if (record != NULL && ssr_step_record_get_notes (record) != NULL)
    flow_free_text (flow, STYLE_BODY, ssr_step_record_get_notes (record));

  layout_step_findings (flow, step);
}

static void
layout_phases (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *phases = ssr_framework_get_phases (self->framework);
  guint number = 0;

  flow_heading (flow, 1, _("Phases and steps"));
  flow_figure (flow, picture_figure_new (self, SSR_PICTURE_PHASES, flow_width (flow), PHASES_HEIGHT),
               PHASES_HEIGHT);
  flow->y += 8;

  for (guint i = 0; phases != NULL && i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");
      const char *numeral = ssr_term_get_attribute (phase, "number");
      g_autofree char *title = numeral ? g_strdup_printf ("%s. %s", numeral, ssr_term_get_name (phase))
                                       : g_strdup (ssr_term_get_name (phase));

      flow_heading (flow, 2, title);
      for (guint j = 0; steps != NULL && j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);

          layout_step (flow, step, ++number);
        }
    }
}

static char *
level_text (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("–");
}

static void
layout_actor_row (Table      *table,
                  SsrActor   *actor,
                  GListModel *scales,
                  guint       n_scales)
{
  SsrReport *self = table->flow->report;
  const char *category = report_term_name (self, ssr_actor_get_category (actor));
  const char *kind = report_term_name (self, ssr_actor_get_kind (actor));
  g_autofree char *influence = level_text (ssr_actor_get_influence (actor));
  g_autofree char *interest = level_text (ssr_actor_get_interest (actor));
  g_autofree char *levels = g_strdup_printf ("%s / %s", influence, interest);
  g_autofree char *classes = NULL;

  if (category != NULL && kind != NULL)
    classes = g_markup_printf_escaped ("%s\n<span foreground='#666666'>%s</span>", category, kind);
  else
    classes = g_markup_escape_text (category ? category : kind ? kind : "", -1);

  table_set_text (table, 0, ssr_actor_get_name (actor));
  table_set_markup (table, 1, classes);
  table_set_text (table, 2, stance_name (ssr_actor_get_stance (actor)));
  table_set_text (table, 3, levels);
  for (guint k = 0; k < n_scales; k++)
    {
      g_autoptr(SsrTerm) scale = g_list_model_get_item (scales, k);
      g_autofree char *rating = level_text (ssr_actor_get_rating (actor, ssr_term_get_id (scale)));

      table_set_text (table, 4 + k, rating);
    }
  table_end_row (table);
}

/* TRUE when no word of @text is wider than @width in @style. */
static gboolean
report_words_fit (SsrReport  *self,
                  Style       style,
                  const char *text,
                  double      width)
{
  g_autoptr(PangoLayout) layout = report_layout (self, style, text, FALSE, width);
  PangoRectangle logical;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.width) <= width + EPSILON;
}

static void
layout_actor_table (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *actors = ssr_assessment_get_actors (self->assessment);
  GListModel *scales = ssr_framework_get_list (self->framework, "rating-scales");
  guint n_scales = scales ? MIN (g_list_model_get_n_items (scales), MAX_COLUMNS - 4) : 0;
  TableColumn columns[MAX_COLUMNS] = {
    { _("Actor"), 0.25, PANGO_ALIGN_LEFT },
    { _("Category and kind"), 0.19, PANGO_ALIGN_LEFT },
    { _("Stance"), 0.11, PANGO_ALIGN_LEFT },
    { _("Influence / interest"), 0.12, PANGO_ALIGN_CENTER },
  };
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) note = g_string_new (_("Influence, interest and ratings run from 1 (lowest) to 5 (highest); – means not judged."));
  double scale_share = n_scales ? 0.33 / n_scales : 0;
  gboolean coded = FALSE;
  Table table;
  guint n_shown = 0;

  /* The scales' names (or their "short" attributes) head their columns
   * when their words fit; otherwise codes do, explained above the table. */
  for (guint k = 0; k < n_scales; k++)
    {
      g_autoptr(SsrTerm) scale = g_list_model_get_item (scales, k);
      const char *label = ssr_term_get_attribute (scale, "short");

      g_ptr_array_add (headers, g_strdup (label ? label : ssr_term_get_name (scale)));
      if (!report_words_fit (self, STYLE_TABLE_HEADER, label ? label : ssr_term_get_name (scale),
                             flow_width (flow) * scale_share - 2 * CELL_PAD))
        coded = TRUE;
    }

  /* Codes need narrow columns only: the names get the room. */
  if (coded && n_scales * CODED_SHARE < 0.33)
    {
      columns[0].share += (0.33 - n_scales * CODED_SHARE) / 2;
      columns[1].share += (0.33 - n_scales * CODED_SHARE) / 2;
      scale_share = CODED_SHARE;
    }

  for (guint k = 0; k < n_scales; k++)
    {
      if (coded)
        {
          g_autoptr(SsrTerm) scale = g_list_model_get_item (scales, k);

          g_free (g_ptr_array_index (headers, k));
          /* TRANSLATORS: the code of a rating scale in a table header */
          g_ptr_array_index (headers, k) = g_strdup_printf (_("R%u"), k + 1);
          g_string_append_printf (note, " %s: %s.", (char *) g_ptr_array_index (headers, k),
                                  ssr_term_get_name (scale));
        }

      columns[4 + k].title = g_ptr_array_index (headers, k);
      columns[4 + k].share = scale_share;
      columns[4 + k].alignment = PANGO_ALIGN_CENTER;
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors) && n_shown == 0; i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);

      n_shown += report_shows (self, actor);
    }
  if (n_shown == 0)
    {
      flow_none (flow, _("No actors recorded."));
      return;
    }

  flow_paragraph (flow, STYLE_SMALL, note->str);
  table_init (&table, flow, columns, 4 + n_scales);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);

      if (report_shows (self, actor))
        layout_actor_row (&table, actor, scales, n_scales);
    }
  table_finish (&table);
}

static char *
organisation_areas (SsrReport       *self,
                    SsrOrganisation *organisation)
{
  const char * const *areas = ssr_organisation_get_areas (organisation);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) report_term_name (self, areas[i]));
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static void
layout_organisations (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *organisations = ssr_assessment_get_organisations (self->assessment);
  const TableColumn columns[] = {
    { _("Organisation"), 0.36, PANGO_ALIGN_LEFT },
    { _("Kind"), 0.22, PANGO_ALIGN_LEFT },
    { _("SSR areas"), 0.42, PANGO_ALIGN_LEFT },
  };
  Table table;

  if (g_list_model_get_n_items (organisations) == 0)
    return;

  flow_heading (flow, 2, _("External organisations"));
  table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(SsrOrganisation) organisation = g_list_model_get_item (organisations, i);
      const char *acronym = ssr_organisation_get_acronym (organisation);
      g_autofree char *name = acronym && *acronym
                              ? g_strdup_printf ("%s (%s)", ssr_organisation_get_name (organisation), acronym)
                              : g_strdup (ssr_organisation_get_name (organisation));
      g_autofree char *areas = organisation_areas (self, organisation);

      table_set_text (&table, 0, name);
      table_set_text (&table, 1, report_term_name (self, ssr_organisation_get_kind (organisation)));
      table_set_text (&table, 2, areas);
      table_end_row (&table);
    }
  table_finish (&table);
}

static void
layout_actors (Flow *flow)
{
  flow_heading (flow, 1, _("Actors"));
  layout_actor_table (flow);
  layout_organisations (flow);
}

static void
layout_mechanisms (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *mechanisms = ssr_assessment_get_mechanisms (self->assessment);
  const TableColumn columns[] = {
    { _("Mechanism"), 0.28, PANGO_ALIGN_LEFT },
    { _("Type"), 0.2, PANGO_ALIGN_LEFT },
    { _("Lead"), 0.2, PANGO_ALIGN_LEFT },
    { _("Members"), 0.32, PANGO_ALIGN_LEFT },
  };
  Table table;

  if (g_list_model_get_n_items (mechanisms) == 0)
    return;

  flow_heading (flow, 2, _("Coordination mechanisms in detail"));
  table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (mechanisms); i++)
    {
      g_autoptr(SsrMechanism) mechanism = g_list_model_get_item (mechanisms, i);
      const char *lead = ssr_mechanism_get_lead (mechanism);
      g_autofree char *members = report_join_labels (self, ssr_mechanism_get_members (mechanism), ", ");

      table_set_text (&table, 0, ssr_mechanism_get_name (mechanism));
      table_set_text (&table, 1, report_term_name (self, ssr_mechanism_get_mechanism_type (mechanism)));
      table_set_text (&table, 2, lead && !report_hides (self, lead) ? report_item_label (self, lead) : "");
      table_set_text (&table, 3, members);
      table_end_row (&table);
    }
  table_finish (&table);
}

/* The pictures each on a page of their own, filling it. */
static void
layout_maps (Flow *flow)
{
  flow_heading (flow, 1, _("Maps and diagrams"));
  flow_picture (flow, SSR_PICTURE_SECTOR_MAP, 0);
  flow_start_page (flow);
  flow_picture (flow, SSR_PICTURE_COORDINATION, 0);
  layout_mechanisms (flow);
  flow_start_page (flow);
  flow_picture (flow, SSR_PICTURE_WHO_DOES_WHAT, 0);
  flow_start_page (flow);
  flow_picture (flow, SSR_PICTURE_DIMENSIONS, 0);
}

static char *
finding_details (SsrReport  *self,
                 SsrFinding *finding)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *step = report_term_name (self, ssr_finding_get_step (finding));
  const char *dimension = report_term_name (self, ssr_finding_get_dimension (finding));
  g_autofree char *actors = report_join_labels (self, ssr_finding_get_actors (finding), ", ");

  if (dimension != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Dimension: %s"), dimension));
  if (step != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Step: %s"), step));
  if (*actors != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Actors: %s"), actors));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* The titles of the findings of @kind as a bulleted markup list. */
static char *
swot_quadrant_markup (SsrReport      *self,
                      SsrFindingKind  kind)
{
  GListModel *findings = ssr_assessment_get_findings (self->assessment);
  g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", finding_kind_plural (kind));
  GString *markup = g_string_new (heading);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *title = NULL;
      g_autofree char *line = NULL;

      if (ssr_finding_get_kind (finding) != kind || !report_shows (self, finding))
        continue;
      title = report_scrub (self, ssr_finding_get_title (finding));
      line = g_markup_printf_escaped ("\n• %s", title ? title : "");
      g_string_append (markup, line);
      n++;
    }
  if (n == 0)
    g_string_append_printf (markup, "\n<i>%s</i>", _("None recorded."));

  return g_string_free (markup, FALSE);
}

static void
layout_swot (Flow *flow)
{
  SsrReport *self = flow->report;
  const TableColumn columns[] = {
    { NULL, 0.5, PANGO_ALIGN_LEFT },
    { NULL, 0.5, PANGO_ALIGN_LEFT },
  };
  Table table;

  flow_heading (flow, 2, _("Strengths, weaknesses, opportunities and threats"));
  table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  table.zebra = FALSE;
  for (SsrFindingKind kind = SSR_FINDING_STRENGTH; kind <= SSR_FINDING_THREAT; kind++)
    {
      g_autofree char *markup = swot_quadrant_markup (self, kind);
      guint column = kind % 2;

      table_set_markup (&table, column, markup);
      table_set_hanging_indent (&table, column, "• ");
      table_set_fill (&table, column, &finding_fills[kind]);
      if (column == 1)
        table_end_row (&table);
    }
  table_finish (&table);
}

static void
layout_finding_list (Flow           *flow,
                     SsrFindingKind  kind)
{
  SsrReport *self = flow->report;
  GListModel *findings = ssr_assessment_get_findings (self->assessment);
  gboolean any = FALSE;

  flow_heading (flow, 2, finding_kind_plural (kind));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *title = NULL;
      g_autofree char *evidence = NULL;
      g_autofree char *details = NULL;
      g_autofree char *markup = NULL;

      if (ssr_finding_get_kind (finding) != kind || !report_shows (self, finding))
        continue;

      title = report_scrub (self, ssr_finding_get_title (finding));
      evidence = report_scrub (self, ssr_finding_get_evidence (finding));
      details = finding_details (self, finding);
      markup = g_markup_printf_escaped ("<b>%s</b>%s%s%s<span size='small' foreground='#555555'>%s</span>",
                                        title ? title : "",
                                        evidence && *evidence ? "\n" : "", evidence ? evidence : "",
                                        *details ? "\n" : "", details);
      flow_bullet (flow, STYLE_TABLE, markup);
      any = TRUE;
    }

  if (!any)
    flow_none (flow, _("None recorded."));
}

static void
layout_findings (Flow *flow)
{
  flow_heading (flow, 1, _("Findings"));
  layout_swot (flow);
  for (SsrFindingKind kind = SSR_FINDING_GAP; kind <= SSR_FINDING_RISK; kind++)
    layout_finding_list (flow, kind);
}

/* The priorities by timeframe: one column per band of the framework's
 * "timeframes", the priorities of each band in sequence below. */
static void
layout_timeline (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *priorities = ssr_assessment_get_priorities (self->assessment);
  GListModel *timeframes = ssr_framework_get_list (self->framework, "timeframes");
  guint n_bands = timeframes ? MIN (g_list_model_get_n_items (timeframes), MAX_COLUMNS - 1) : 0;
  g_autoptr(GPtrArray) bands = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  TableColumn columns[MAX_COLUMNS] = { { 0 } };
  guint n_rows = 0;
  Table table;

  for (guint b = 0; b <= n_bands; b++)
    g_ptr_array_add (bands, g_ptr_array_new ());

  /* The last band takes priorities without a known timeframe. */
  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr(SsrPriority) priority = g_list_model_get_item (priorities, i);
      const char *timeframe = ssr_priority_get_timeframe (priority);
      guint band = n_bands;

      for (guint b = 0; b < n_bands; b++)
        {
          g_autoptr(SsrTerm) term = g_list_model_get_item (timeframes, b);

          if (g_strcmp0 (timeframe, ssr_term_get_id (term)) == 0)
            band = b;
        }
      g_ptr_array_add (g_ptr_array_index (bands, band), GUINT_TO_POINTER (i));
    }

  for (guint b = 0; b < n_bands; b++)
    {
      g_autoptr(SsrTerm) term = g_list_model_get_item (timeframes, b);

      columns[b].title = ssr_term_get_name (term);
      columns[b].share = 1;
      n_rows = MAX (n_rows, ((GPtrArray *) g_ptr_array_index (bands, b))->len);
    }
  if (((GPtrArray *) g_ptr_array_index (bands, n_bands))->len > 0)
    {
      columns[n_bands].title = _("No timeframe");
      columns[n_bands].share = 1;
      n_rows = MAX (n_rows, ((GPtrArray *) g_ptr_array_index (bands, n_bands))->len);
      n_bands++;
    }
  if (n_bands == 0)
    return;

  table_init (&table, flow, columns, n_bands);
  table.zebra = FALSE;
  for (guint row = 0; row < n_rows; row++)
    {
      for (guint b = 0; b < n_bands; b++)
        {
          GPtrArray *band = g_ptr_array_index (bands, b);
          g_autoptr(SsrPriority) priority = NULL;
          g_autofree char *objective = NULL;
          g_autofree char *markup = NULL;
          guint index;

          if (row >= band->len)
            continue;
          index = GPOINTER_TO_UINT (g_ptr_array_index (band, row));
          priority = g_list_model_get_item (priorities, index);
          objective = report_scrub (self, ssr_priority_get_objective (priority));
          markup = g_markup_printf_escaped ("<b>%u.</b> %s", index + 1, objective ? objective : "");
          table_set_markup (&table, b, markup);
          table_set_fill (&table, b, &band_fills[MIN (b, G_N_ELEMENTS (band_fills) - 1)]);
        }
      table_end_row (&table);
    }
  table_finish (&table);
}

static void
layout_priority (Flow        *flow,
                 SsrPriority *priority,
                 guint        number)
{
  SsrReport *self = flow->report;
  g_autofree char *objective = report_scrub (self, ssr_priority_get_objective (priority));
  g_autofree char *title = g_strdup_printf ("%u. %s", number, objective ? objective : "");
  g_autoptr(PangoLayout) heading = report_layout (self, STYLE_HEADING_3, title, FALSE, flow_width (flow));
  const char *timeframe = report_term_name (self, ssr_priority_get_timeframe (priority));
  const char *owner = ssr_priority_get_owner (priority);
  g_autofree char *findings = report_join_labels (self, ssr_priority_get_findings (priority), "; ");
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) blocks = blocks_new ();

  if (timeframe != NULL)
    g_ptr_array_add (facts, g_strdup_printf (_("Timeframe: %s"), timeframe));
  if (owner != NULL && *owner != '\0')
    g_ptr_array_add (facts, g_strdup_printf (_("Owner: %s"), owner));
  if (facts->len > 0)
    {
      g_autofree char *line = NULL;

      g_ptr_array_add (facts, NULL);
      line = g_strjoinv (" · ", (char **) facts->pdata);
      blocks_add (flow, blocks, STYLE_SMALL, line);
    }

  blocks_add_free_text (flow, blocks, STYLE_BODY, ssr_priority_get_description (priority));

  if (*findings != '\0')
    {
      g_autofree char *scrubbed = report_scrub (self, findings);
      g_autofree char *line = g_strdup_printf (_("Responds to: %s"), scrubbed);

      blocks_add (flow, blocks, STYLE_SMALL, line);
    }

  flow_keep_together (flow, styles[STYLE_HEADING_3].space_before + layout_height (heading) +
                            styles[STYLE_HEADING_3].space_after + blocks_height (blocks));
  flow_heading_full (flow, 3, STYLE_HEADING_3, title, FALSE);
  flow_blocks (flow, blocks);
}

static void
layout_priorities (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *priorities = ssr_assessment_get_priorities (self->assessment);

  flow_heading (flow, 1, _("Priorities"));
  if (g_list_model_get_n_items (priorities) == 0)
    {
      flow_none (flow, _("No priorities recorded."));
      return;
    }

  flow_heading (flow, 2, _("Timeline"));
  layout_timeline (flow);

  flow_heading (flow, 2, _("Priorities in sequence"));
  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr(SsrPriority) priority = g_list_model_get_item (priorities, i);

      layout_priority (flow, priority, i + 1);
    }
}

static char *
indicator_value_markup (double      value,
                        const char *unit,
                        const char *iso)
{
  g_autofree char *text = format_value (value, unit);
  g_autofree char *date = format_date (iso);

  if (date == NULL)
    return g_markup_escape_text (text, -1);

  return g_markup_printf_escaped ("%s\n<span size='small' foreground='#666666'>%s</span>", text, date);
}

static char *
indicator_latest_markup (SsrIndicator *indicator)
{
  const char *iso;
  double latest;

  if (!ssr_indicator_get_latest (indicator, &iso, &latest))
    return g_strdup ("–");

  return indicator_value_markup (latest, ssr_indicator_get_unit (indicator), iso);
}

static void
layout_indicators (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *indicators = ssr_assessment_get_indicators (self->assessment);
  const TableColumn columns[] = {
    { _("Indicator"), 0.31, PANGO_ALIGN_LEFT },
    { _("Baseline"), 0.16, PANGO_ALIGN_RIGHT },
    { _("Target"), 0.16, PANGO_ALIGN_RIGHT },
    { _("Latest"), 0.16, PANGO_ALIGN_RIGHT },
    { _("Trend"), 0.21, PANGO_ALIGN_LEFT },
  };
  Table table;

  flow_heading (flow, 1, _("Indicators"));
  if (g_list_model_get_n_items (indicators) == 0)
    {
      flow_none (flow, _("No indicators recorded."));
      return;
    }

  table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(SsrIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *unit = ssr_indicator_get_unit (indicator);
      const char *owner = ssr_indicator_get_owner (indicator);
      g_autofree char *name = g_markup_printf_escaped ("%s\n<span size='small' foreground='#666666'>%s%s%s</span>",
                                                       ssr_indicator_get_name (indicator),
                                                       indicator_kind_name (ssr_indicator_get_kind (indicator)),
                                                       owner && *owner ? " · " : "", owner ? owner : "");
      g_autofree char *baseline = indicator_value_markup (ssr_indicator_get_baseline (indicator), unit,
                                                          ssr_indicator_get_baseline_date (indicator));
      g_autofree char *target = indicator_value_markup (ssr_indicator_get_target (indicator), unit,
                                                        ssr_indicator_get_target_date (indicator));
      g_autofree char *latest = indicator_latest_markup (indicator);

      table_set_markup (&table, 0, name);
      table_set_markup (&table, 1, baseline);
      table_set_markup (&table, 2, target);
      table_set_markup (&table, 3, latest);
      table_set_figure (&table, 4, figure_new (draw_sparkline_cb, sparkline_new (indicator), sparkline_free), 20);
      table_end_row (&table);
    }
  table_finish (&table);
  flow_paragraph (flow, STYLE_SMALL, _("Trend: the baseline and every measurement over time; the dashed line is the target, the last point green when on track."));
}

static void
layout_principles (Flow *flow)
{
  SsrReport *self = flow->report;
  GListModel *principles = ssr_assessment_get_principles (self->assessment);
  const TableColumn columns[] = {
    { _("Principle"), 0.32, PANGO_ALIGN_LEFT },
    { _("Rating"), 0.14, PANGO_ALIGN_LEFT },
    { _("Note"), 0.54, PANGO_ALIGN_LEFT },
  };
  Table table;

  flow_heading (flow, 1, _("Principles"));
  if (g_list_model_get_n_items (principles) == 0)
    {
      flow_none (flow, _("No principle checks recorded."));
      return;
    }

  table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
    {
      g_autoptr(SsrPrincipleCheck) check = g_list_model_get_item (principles, i);
      g_autofree char *note = report_scrub (self, ssr_principle_check_get_note (check));
      int rating = ssr_principle_check_get_rating (check);

      table_set_text (&table, 0, report_term_name (self, ssr_principle_check_get_principle (check)));
      table_set_figure (&table, 1, figure_new (draw_dots_cb, GINT_TO_POINTER (rating), NULL), 9);
      table_set_text (&table, 2, note);
      table_end_row (&table);
    }
  table_finish (&table);
}

/*
 * The citations of @term and the terms below it, grouped by the document
 * they cite: "Seed 001 (Sedra 2010), Implementation, step 1" names the
 * document before its first comma, the place in it after.
 */
static void
collect_citations (SsrTerm    *term,
                   GPtrArray  *documents,
                   GHashTable *places)
{
  const char *citation = ssr_term_get_citation (term);
  const char * const *lists = ssr_term_get_list_names (term);

  if (citation != NULL && *citation != '\0')
    {
      const char *comma = strstr (citation, ", ");
      g_autofree char *document = comma ? g_strndup (citation, comma - citation) : g_strdup (citation);
      GPtrArray *cited = g_hash_table_lookup (places, document);

      if (cited == NULL)
        {
          cited = g_ptr_array_new ();
          g_ptr_array_add (documents, g_strdup (document));
          g_hash_table_insert (places, g_steal_pointer (&document), cited);
        }
      if (comma != NULL && !g_ptr_array_find_with_equal_func (cited, comma + 2, g_str_equal, NULL))
        g_ptr_array_add (cited, (gpointer) (comma + 2));
    }

  for (guint i = 0; lists != NULL && lists[i] != NULL; i++)
    {
      GListModel *list = ssr_term_get_list (term, lists[i]);

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(SsrTerm) child = g_list_model_get_item (list, j);

          collect_citations (child, documents, places);
        }
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/*
 * The framework's sources as markup lines: its list "sources" when it has
 * one (a term per document, its guidance or name the reference),
 * otherwise the documents its guidance cites, each with the places cited.
 */
static GPtrArray *
report_sources (SsrReport *self)
{
  GListModel *sources = ssr_framework_get_list (self->framework, "sources");
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) places = NULL;

  if (sources != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(SsrTerm) source = g_list_model_get_item (sources, i);
          const char *guidance = ssr_term_get_guidance (source);

          g_ptr_array_add (lines, g_markup_escape_text (guidance ? guidance : ssr_term_get_name (source), -1));
        }
      return lines;
    }

  documents = g_ptr_array_new_with_free_func (g_free);
  places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  collect_citations (ssr_framework_get_root (self->framework), documents, places);
  g_ptr_array_sort (documents, compare_strings);

  for (guint i = 0; i < documents->len; i++)
    {
      const char *document = g_ptr_array_index (documents, i);
      GPtrArray *cited = g_hash_table_lookup (places, document);
      g_autofree char *joined = NULL;

      g_ptr_array_add (cited, NULL);
      joined = g_strjoinv ("; ", (char **) cited->pdata);
      if (*joined == '\0')
        g_ptr_array_add (lines, g_markup_printf_escaped ("<b>%s</b>", document));
      else
        g_ptr_array_add (lines, g_markup_printf_escaped ("<b>%s</b>\n<span size='small' foreground='#555555'>%s %s</span>",
                                                         document, _("Cited at:"), joined));
    }

  return lines;
}

static void
layout_sources (Flow *flow)
{
  SsrReport *self = flow->report;
  g_autoptr(GPtrArray) sources = report_sources (self);
  GListModel *indicators = ssr_assessment_get_indicators (self->assessment);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *about = g_strdup_printf (_("The guidance of the framework “%s” rests on these documents."),
                                            ssr_framework_get_name (self->framework));

  flow_heading (flow, 1, _("Annex: sources"));
  flow_heading (flow, 2, _("Framework sources"));
  flow_paragraph (flow, STYLE_BODY, about);
  for (guint i = 0; i < sources->len; i++)
    flow_bullet (flow, STYLE_TABLE, g_ptr_array_index (sources, i));

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(SsrIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *source = ssr_indicator_get_source (indicator);
      g_autofree char *markup = NULL;

      if (source == NULL || *source == '\0' || !g_hash_table_add (seen, (gpointer) source))
        continue;
      if (g_hash_table_size (seen) == 1)
        flow_heading (flow, 2, _("Sources of indicator data"));
      markup = g_markup_escape_text (source, -1);
      flow_bullet (flow, STYLE_TABLE, markup);
    }
}

typedef void (*SectionLayoutFunc) (Flow *flow);

static const struct
{
  SsrReportSections section;
  const char       *name;
  SectionLayoutFunc layout;
} sections[] = {
  { SSR_REPORT_COVER, "cover", NULL },
  { SSR_REPORT_CONTENTS, "contents", NULL },
  { SSR_REPORT_SUMMARY, "summary", layout_summary },
  { SSR_REPORT_CONTEXT, "context", layout_context },
  { SSR_REPORT_PHASES, "phases", layout_phases },
  { SSR_REPORT_ACTORS, "actors", layout_actors },
  { SSR_REPORT_MAPS, "maps", layout_maps },
  { SSR_REPORT_FINDINGS, "findings", layout_findings },
  { SSR_REPORT_PRIORITIES, "priorities", layout_priorities },
  { SSR_REPORT_INDICATORS, "indicators", layout_indicators },
  { SSR_REPORT_PRINCIPLES, "principles", layout_principles },
  { SSR_REPORT_SOURCES, "sources", layout_sources },
};

/* Moves the pages and entries of @flow to the end of the report. */
static void
report_take_flow (SsrReport *self,
                  Flow      *flow)
{
  guint offset = self->pages->len;
  gsize n_pages;
  g_autofree gpointer *pages = g_ptr_array_steal (flow->pages, &n_pages);

  for (gsize i = 0; i < n_pages; i++)
    g_ptr_array_add (self->pages, pages[i]);

  for (guint i = 0; i < flow->entries->len; i++)
    {
      Entry *entry = &g_array_index (flow->entries, Entry, i);
      Entry moved = *entry;

      moved.page += offset;
      g_array_append_val (self->entries, moved);
      memset (entry, 0, sizeof *entry);
    }
  g_array_set_size (flow->entries, 0);
}

/* The number of pages the contents take. */
static guint
report_count_contents_pages (SsrReport *self,
                             GArray    *entries)
{
  Flow scratch;
  guint n_pages;

  flow_init (&scratch, self);
  layout_contents (&scratch, entries, 0);
  n_pages = scratch.pages->len;
  flow_clear (&scratch);

  return n_pages;
}

static void
report_lay_out (SsrReport *self)
{
  Flow cover, body, contents;

  flow_init (&cover, self);
  if (self->options.sections & SSR_REPORT_COVER)
    layout_cover (&cover);

  flow_init (&body, self);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].layout != NULL && (self->options.sections & sections[i].section))
      sections[i].layout (&body);

  /* The contents are laid out twice: first to learn how many pages they
   * take, then with the page numbers that follow from it. The numbers sit
   * in a column of their own, so the second pass breaks alike. */
  flow_init (&contents, self);
  if (self->options.sections & SSR_REPORT_CONTENTS)
    {
      guint n_contents = report_count_contents_pages (self, body.entries);

      layout_contents (&contents, body.entries, cover.pages->len + n_contents);
      g_assert (contents.pages->len == n_contents);
    }

  report_take_flow (self, &cover);
  report_take_flow (self, &contents);
  report_take_flow (self, &body);
  flow_clear (&cover);
  flow_clear (&contents);
  flow_clear (&body);

  /* An empty report is still one (blank) page. */
  if (self->pages->len == 0)
    g_ptr_array_add (self->pages, page_new ());
}

/* Drawing */

static void
draw_text_op (cairo_t  *cr,
              const Op *op)
{
  PangoLayoutIter *iter;

  cairo_set_source_rgb (cr, op->color.red, op->color.green, op->color.blue);
  if (op->clip_top <= EPSILON && op->clip_bottom + EPSILON >= layout_height (op->layout))
    {
      cairo_move_to (cr, op->x, op->y);
      pango_cairo_show_layout (cr, op->layout);
      return;
    }

  /* Only the lines of this part, so that no text is hidden under a clip. */
  iter = pango_layout_get_iter (op->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (pango_units_to_double (y0) + EPSILON < op->clip_top ||
          pango_units_to_double (y1) > op->clip_bottom + EPSILON)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, op->x + pango_units_to_double (logical.x),
                     op->y - op->clip_top + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_op (SsrReport *self,
         cairo_t   *cr,
         const Op  *op)
{
  g_autofree char *attributes = NULL;

  switch (op->kind)
    {
    case OP_TEXT:
      draw_text_op (cr, op);
      break;

    case OP_RECT:
      cairo_set_source_rgb (cr, op->color.red, op->color.green, op->color.blue);
      cairo_rectangle (cr, op->x, op->y, op->width, op->height);
      if (op->line_width > 0)
        {
          cairo_set_line_width (cr, op->line_width);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      break;

    case OP_LINE:
      cairo_set_source_rgb (cr, op->color.red, op->color.green, op->color.blue);
      cairo_set_line_width (cr, op->line_width);
      cairo_move_to (cr, op->x, op->y);
      cairo_line_to (cr, op->x + op->width, op->y + op->height);
      cairo_stroke (cr);
      break;

    case OP_FIGURE:
      cairo_save (cr);
      cairo_translate (cr, op->x, op->y);
      cairo_rectangle (cr, 0, 0, op->width, op->height);
      cairo_clip (cr);
      cairo_new_path (cr);
      op->figure->draw (self, cr, op->figure->data, op->width, op->height);
      cairo_restore (cr);
      break;

    case OP_DEST:
      /* Whole points: the attribute parser wants a dot, never a comma. */
      attributes = g_strdup_printf ("name='%s' x=%d y=%d", op->name, (int) op->x, (int) op->y);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
      cairo_tag_end (cr, CAIRO_TAG_DEST);
      break;

    case OP_LINK:
      attributes = g_strdup_printf ("dest='%s' rect=[%d %d %d %d]", op->name, (int) op->x, (int) op->y,
                                    (int) ceil (op->width), (int) ceil (op->height));
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The classification in the header and the footer, the page number. */
static void
draw_furniture (SsrReport *self,
                cairo_t   *cr,
                guint      page)
{
  double width = self->page_width - 2 * MARGIN_X;
  double footer_y = self->page_height - FOOTER_Y;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) page_number = report_layout (self, STYLE_FURNITURE, number, FALSE, width);

  if (self->marking != NULL)
    {
      const Color *color = styles[STYLE_FURNITURE_MARKING].color;

      cairo_set_source_rgb (cr, color->red, color->green, color->blue);
      cairo_move_to (cr, MARGIN_X, HEADER_Y);
      pango_cairo_show_layout (cr, self->marking);
      cairo_move_to (cr, MARGIN_X, footer_y);
      pango_cairo_show_layout (cr, self->marking);
    }

  cairo_set_source_rgb (cr, rule.red, rule.green, rule.blue);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, footer_y - 6);
  cairo_line_to (cr, self->page_width - MARGIN_X, footer_y - 6);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, muted.red, muted.green, muted.blue);
  cairo_move_to (cr, MARGIN_X, footer_y + (self->marking ? layout_height (self->marking) + 2 : 0));
  pango_cairo_show_layout (cr, page_number);
}

void
ssr_report_draw_page (SsrReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  Page *content;

  g_return_if_fail (SSR_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  content = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  draw_furniture (self, cr, page);
  for (guint i = 0; i < content->ops->len; i++)
    draw_op (self, cr, &g_array_index (content->ops, Op, i));
  cairo_restore (cr);
}

/* Writing the PDF */

static void
report_add_outline (SsrReport       *self,
                    cairo_surface_t *surface)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      guint level = CLAMP (entry->level, 1, 3);
      g_autofree char *link = g_strdup_printf ("dest='%s'", entry->dest);
      int id;

      id = cairo_pdf_surface_add_outline (surface, parents[level - 1], entry->title, link, 0);
      for (guint deeper = level; deeper < G_N_ELEMENTS (parents); deeper++)
        parents[deeper] = id;
    }
}

static void
report_set_metadata (SsrReport       *self,
                     cairo_surface_t *surface)
{
  g_autofree char *agencies = report_agencies (self);
  g_autofree char *creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  const char *country = ssr_assessment_get_country (self->assessment);
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *created = NULL;

  /* Reproducible builds of the documentation set the date from outside. */
  if (epoch != NULL)
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report_title (self));
  if (*agencies != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, agencies);
  if (country != NULL && *country != '\0')
    {
      g_autofree char *subject = g_strdup_printf (_("Security sector reform assessment of %s"), country);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

typedef struct
{
  int fd;
  int error;
} PdfSink;

static cairo_status_t
pdf_sink_write_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno != EINTR)
        sink->error = errno;
      else if (written == 0)
        sink->error = EIO;
      else if (written > 0)
        {
          data += written;
          length -= written;
        }
    }

  return sink->error ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static gboolean
report_write_stream (SsrReport  *self,
                     PdfSink    *sink,
                     GError    **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (pdf_sink_write_cb, sink,
                                                 self->page_width, self->page_height);
  report_set_metadata (self, surface);
  report_add_outline (self, surface);

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      ssr_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink->error != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink->error),
                   _("Could not write the report: %s"), g_strerror (sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
ssr_report_write_pdf (SsrReport   *self,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *display = NULL;
  PdfSink sink = { -1, 0 };
  int saved_errno;

  g_return_val_if_fail (SSR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  display = g_filename_display_name (path);
  temporary = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, name);

  sink.fd = g_mkstemp_full (temporary, O_RDWR, 0666);
  if (sink.fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the report “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!report_write_stream (self, &sink, error))
    goto failed;

  if (fsync (sink.fd) != 0 || close (sink.fd) != 0)
    {
      saved_errno = errno;
      sink.fd = -1;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the report “%s”: %s"), display, g_strerror (saved_errno));
      goto failed;
    }
  sink.fd = -1;

  if (g_rename (temporary, path) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save the report as “%s”: %s"), display, g_strerror (saved_errno));
      goto failed;
    }

  return TRUE;

failed:
  if (sink.fd >= 0)
    close (sink.fd);
  g_unlink (temporary);
  return FALSE;
}

/* The object */

static void
ssr_report_finalize (GObject *object)
{
  SsrReport *self = (SsrReport *) object;

  g_clear_object (&self->framework);
  g_clear_object (&self->assessment);
  g_clear_object (&self->marking);
  g_clear_object (&self->context);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->hidden_names, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (ssr_report_parent_class)->finalize (object);
}

static void
ssr_report_class_init (SsrReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssr_report_finalize;
}

static void
ssr_report_init (SsrReport *self)
{
  self->hidden = g_hash_table_new (g_str_hash, g_str_equal);
  self->hidden_names = g_ptr_array_new ();
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->entries = entries_new ();
}

/*
 * Text is measured without hinting, at one unit per point, so that the
 * layout is the same whatever it is drawn on: PDF, a printer, a preview.
 */
static void
report_init_text (SsrReport *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (styles[i].font);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  return (int) strlen (*(const char **) b) - (int) strlen (*(const char **) a);
}

/* Collects what a redacted report leaves out. */
static void
report_collect_hidden (SsrReport *self)
{
  GListModel *actors = ssr_assessment_get_actors (self->assessment);
  GListModel *findings = ssr_assessment_get_findings (self->assessment);

  if (!self->options.redact)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *name = ssr_actor_get_name (actor);

      if (!ssr_actor_get_sensitive (actor))
        continue;
      g_hash_table_add (self->hidden, (gpointer) ssr_item_get_id (SSR_ITEM (actor)));
      self->n_hidden++;
      /* Very short names ("UN") would blank out parts of ordinary words. */
      if (name != NULL && g_utf8_strlen (name, -1) >= 4)
        g_ptr_array_add (self->hidden_names, (gpointer) name);
    }
  g_ptr_array_sort (self->hidden_names, compare_longest_first);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);

      if (!ssr_finding_get_sensitive (finding))
        continue;
      g_hash_table_add (self->hidden, (gpointer) ssr_item_get_id (SSR_ITEM (finding)));
      self->n_hidden++;
    }
}

SsrReport *
ssr_report_new (SsrFramework           *framework,
                SsrAssessment          *assessment,
                const SsrReportOptions *options)
{
  SsrReport *self;
  const char *classification;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (SSR_TYPE_REPORT, NULL);
  self->framework = g_object_ref (framework);
  self->assessment = g_object_ref (assessment);
  self->options = *options;

  if (options->paper == SSR_PAPER_LETTER)
    {
      self->page_width = 612;
      self->page_height = 792;
    }
  else
    {
      self->page_width = 595.276;
      self->page_height = 841.89;
    }

  report_init_text (self);
  report_collect_hidden (self);

  classification = ssr_assessment_get_classification (assessment);
  if (classification != NULL && *classification != '\0')
    self->marking = report_layout (self, STYLE_FURNITURE_MARKING, classification, FALSE,
                                   self->page_width - 2 * MARGIN_X);

  report_lay_out (self);

  return self;
}

guint
ssr_report_get_n_pages (SsrReport *self)
{
  g_return_val_if_fail (SSR_IS_REPORT (self), 0);

  return self->pages->len;
}

void
ssr_report_get_page_size (SsrReport *self,
                          double    *width_pt,
                          double    *height_pt)
{
  g_return_if_fail (SSR_IS_REPORT (self));

  if (width_pt != NULL)
    *width_pt = self->page_width;
  if (height_pt != NULL)
    *height_pt = self->page_height;
}

/* Options */

void
ssr_report_options_init (SsrReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->paper = SSR_PAPER_A4;
  options->redact = FALSE;
  options->sections = SSR_REPORT_ALL;
}

gboolean
ssr_report_sections_from_string (const char         *list,
                                 SsrReportSections  *out,
                                 GError            **error)
{
  g_auto(GStrv) names = NULL;
  SsrReportSections result = 0;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean known = FALSE;

      if (*name == '\0')
        continue;

      if (g_ascii_strcasecmp (name, "all") == 0)
        {
          result |= SSR_REPORT_ALL;
          continue;
        }

      for (guint j = 0; j < G_N_ELEMENTS (sections) && !known; j++)
        {
          if (g_ascii_strcasecmp (name, sections[j].name) == 0)
            {
              result |= sections[j].section;
              known = TRUE;
            }
        }

      if (!known)
        {
          g_set_error (error, SSR_ERROR, SSR_ERROR_INVALID,
                       _("Unknown report section “%s”; the sections are cover, contents, summary, context, phases, actors, maps, findings, priorities, indicators, principles and sources"),
                       name);
          return FALSE;
        }
    }

  if (result == 0)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_INVALID, _("The list of report sections is empty"));
      return FALSE;
    }

  *out = result;
  return TRUE;
}
