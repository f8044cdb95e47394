/* ssr-report-analysis.c: the analysis in the report: actors, maps, findings, priorities, indicators, sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-report"

#include "config.h"

#include "ssr-report-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-indicator.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-picture.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"

#define CODED_SHARE      0.07

/* The four SWOT quadrants, light enough for black text in greyscale print. */
static const SsrRenderColor finding_fills[] = {
  [SSR_FINDING_STRENGTH]    = { 0.88, 0.95, 0.88 },
  [SSR_FINDING_WEAKNESS]    = { 0.98, 0.89, 0.88 },
  [SSR_FINDING_OPPORTUNITY] = { 0.88, 0.92, 0.98 },
  [SSR_FINDING_THREAT]      = { 0.99, 0.93, 0.84 },
};

static const SsrRenderColor band_fills[] = {
  { 0.88, 0.95, 0.88 },
  { 0.88, 0.92, 0.98 },
  { 0.93, 0.89, 0.97 },
  { 0.94, 0.94, 0.94 },
};

static char *
format_value (double      value,
              const char *unit)
{
  if (unit != NULL && *unit != '\0')
    return g_strdup_printf ("%g %s", value, unit);

  return g_strdup_printf ("%g", value);
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

static char *
level_text (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("–");
}

/* The rating scales the actor table shows, a column each. */
typedef struct
{
  GListModel *scales;
  guint       n_scales;
} ActorScales;

static gboolean
actor_row (SsrReportTable *table,
           gpointer        item,
           gpointer        data)
{
  SsrReport *self = table->flow->report;
  SsrActor *actor = item;
  const ActorScales *scales = data;
  const char *category = _ssr_report_term_name (self, ssr_actor_get_category (actor));
  const char *kind = _ssr_report_term_name (self, ssr_actor_get_kind (actor));
  g_autofree char *influence = level_text (ssr_actor_get_influence (actor));
  g_autofree char *interest = level_text (ssr_actor_get_interest (actor));
  g_autofree char *levels = g_strdup_printf ("%s / %s", influence, interest);
  g_autofree char *classes = NULL;

  if (!_ssr_report_shows (self, actor))
    return FALSE;

  if (category != NULL && kind != NULL)
    classes = g_markup_printf_escaped ("%s\n<span foreground='#666666'>%s</span>", category, kind);
  else
    classes = g_markup_escape_text (category ? category : kind ? kind : "", -1);

  _ssr_report_table_set_text (table, 0, ssr_actor_get_name (actor));
  _ssr_report_table_set_markup (table, 1, classes);
  _ssr_report_table_set_text (table, 2, stance_name (ssr_actor_get_stance (actor)));
  _ssr_report_table_set_text (table, 3, levels);
  for (guint k = 0; k < scales->n_scales; k++)
    {
      g_autoptr(SsrTerm) scale = g_list_model_get_item (scales->scales, k);
      g_autofree char *rating = level_text (ssr_actor_get_rating (actor, ssr_term_get_id (scale)));

      _ssr_report_table_set_text (table, 4 + k, rating);
    }

  return TRUE;
}

/* TRUE when no word of @text is wider than @width in @style. */
static gboolean
report_words_fit (SsrReport     *self,
                  SsrReportStyle style,
                  const char    *text,
                  double         width)
{
  g_autoptr(PangoLayout) layout = _ssr_report_layout (self, style, text, FALSE, width);
  PangoRectangle logical;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.width) <= width + EPSILON;
}

/*
 * The columns of the rating scales, after the first four of @columns. The
 * scales' names (or their "short" attributes) head their columns when
 * their words fit; otherwise codes do, explained in @note. @headers keeps
 * the titles.
 */
static void
actor_scale_columns (SsrReportFlow     *flow,
                     const ActorScales *scales,
                     SsrReportColumn   *columns,
                     GPtrArray         *headers,
                     GString           *note)
{
  guint n_scales = scales->n_scales;
  double scale_share = n_scales ? 0.33 / n_scales : 0;
  gboolean coded = FALSE;

  for (guint k = 0; k < n_scales; k++)
    {
      g_autoptr(SsrTerm) scale = g_list_model_get_item (scales->scales, k);
      const char *label = ssr_term_get_attribute (scale, "short");

      g_ptr_array_add (headers, g_strdup (label ? label : ssr_term_get_name (scale)));
      if (!report_words_fit (flow->report, STYLE_TABLE_HEADER, label ? label : ssr_term_get_name (scale),
                             flow->width * scale_share - 2 * CELL_PAD))
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
          g_autoptr(SsrTerm) scale = g_list_model_get_item (scales->scales, k);

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
}

static gboolean
report_shows_any (SsrReport  *self,
                  GListModel *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (_ssr_report_shows (self, item))
        return TRUE;
    }

  return FALSE;
}

static void
layout_actor_table (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  GListModel *actors = ssr_assessment_get_actors (self->assessment);
  GListModel *scales = ssr_framework_get_list (self->framework, "rating-scales");
  ActorScales shown = { scales, scales ? MIN (g_list_model_get_n_items (scales), MAX_COLUMNS - 4) : 0 };
  const char * const stances[] = {
    stance_name (SSR_STANCE_UNKNOWN), stance_name (SSR_STANCE_CHAMPION),
    stance_name (SSR_STANCE_NEUTRAL), stance_name (SSR_STANCE_SPOILER), NULL
  };
  SsrReportColumn columns[MAX_COLUMNS] = {
    { _("Actor"), 0.25, PANGO_ALIGN_LEFT, NULL },
    { _("Category and kind"), 0.19, PANGO_ALIGN_LEFT, NULL },
    { _("Stance"), 0.11, PANGO_ALIGN_LEFT, stances },
    { _("Influence / interest"), 0.12, PANGO_ALIGN_CENTER, NULL },
  };
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) note = NULL;
  SsrReportTable table;

  if (!report_shows_any (self, actors))
    {
      _ssr_report_flow_none (flow, _("No actors recorded."));
      return;
    }

  note = g_string_new (_("Influence, interest and ratings run from 1 (lowest) to 5 (highest); – means not judged."));
  actor_scale_columns (flow, &shown, columns, headers, note);
  _ssr_report_flow_paragraph (flow, STYLE_SMALL, note->str);
  _ssr_report_table_init (&table, flow, columns, 4 + shown.n_scales);
  _ssr_report_table_fill (&table, actors, actor_row, &shown);
}

/* A table of @items below a heading of its own; nothing when there are none. */
static void
layout_item_table (SsrReportFlow         *flow,
                   const char            *heading,
                   GListModel            *items,
                   const SsrReportColumn *columns,
                   guint                  n_columns,
                   SsrReportRowFunc       fill_row)
{
  SsrReportTable table;

  if (g_list_model_get_n_items (items) == 0)
    return;

  _ssr_report_flow_heading (flow, 2, heading);
  _ssr_report_table_init (&table, flow, columns, n_columns);
  _ssr_report_table_fill (&table, items, fill_row, NULL);
}

/* A table of @items, or @none when there are none: FALSE then. */
static gboolean
layout_table_or_none (SsrReportFlow         *flow,
                      GListModel            *items,
                      const char            *none,
                      const SsrReportColumn *columns,
                      guint                  n_columns,
                      SsrReportRowFunc       fill_row)
{
  SsrReportTable table;

  if (g_list_model_get_n_items (items) == 0)
    {
      _ssr_report_flow_none (flow, none);
      return FALSE;
    }

  _ssr_report_table_init (&table, flow, columns, n_columns);
  _ssr_report_table_fill (&table, items, fill_row, NULL);

  return TRUE;
}

static char *
organisation_areas (SsrReport       *self,
                    SsrOrganisation *organisation)
{
  const char * const *areas = ssr_organisation_get_areas (organisation);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) _ssr_report_term_name (self, areas[i]));
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static gboolean
organisation_row (SsrReportTable *table,
                  gpointer        item,
                  gpointer        data)
{
  SsrReport *self = table->flow->report;
  SsrOrganisation *organisation = item;
  const char *name = ssr_organisation_get_name (organisation);
  const char *acronym = ssr_organisation_get_acronym (organisation);
  g_autofree char *title = acronym && *acronym ? g_strdup_printf ("%s (%s)", name, acronym) : g_strdup (name);
  g_autofree char *areas = organisation_areas (self, organisation);

  _ssr_report_table_set_text (table, 0, title);
  _ssr_report_table_set_text (table, 1, _ssr_report_term_name (self, ssr_organisation_get_kind (organisation)));
  _ssr_report_table_set_text (table, 2, areas);

  return TRUE;
}

static void
layout_organisations (SsrReportFlow *flow)
{
  GListModel *organisations = ssr_assessment_get_organisations (flow->report->assessment);
  const SsrReportColumn columns[] = {
    { _("Organisation"), 0.36, PANGO_ALIGN_LEFT },
    { _("Kind"), 0.22, PANGO_ALIGN_LEFT },
    { _("SSR areas"), 0.42, PANGO_ALIGN_LEFT },
  };

  layout_item_table (flow, _("External organisations"), organisations, columns, G_N_ELEMENTS (columns),
                     organisation_row);
}

void
_ssr_report_layout_actors (SsrReportFlow *flow)
{
  _ssr_report_flow_heading (flow, 1, _("Actors"));
  layout_actor_table (flow);
  layout_organisations (flow);
}

static gboolean
mechanism_row (SsrReportTable *table,
               gpointer        item,
               gpointer        data)
{
  SsrReport *self = table->flow->report;
  SsrMechanism *mechanism = item;
  const char *type = ssr_mechanism_get_mechanism_type (mechanism);
  const char *lead = ssr_mechanism_get_lead (mechanism);
  g_autofree char *members = _ssr_report_join_labels (self, ssr_mechanism_get_members (mechanism), ", ");

  _ssr_report_table_set_text (table, 0, ssr_mechanism_get_name (mechanism));
  _ssr_report_table_set_text (table, 1, _ssr_report_term_name (self, type));
  _ssr_report_table_set_text (table, 2, lead && !_ssr_report_hides (self, lead) ? _ssr_report_item_label (self, lead) : "");
  _ssr_report_table_set_text (table, 3, members);

  return TRUE;
}

static void
layout_mechanisms (SsrReportFlow *flow)
{
  GListModel *mechanisms = ssr_assessment_get_mechanisms (flow->report->assessment);
  const SsrReportColumn columns[] = {
    { _("Mechanism"), 0.28, PANGO_ALIGN_LEFT },
    { _("Type"), 0.2, PANGO_ALIGN_LEFT },
    { _("Lead"), 0.2, PANGO_ALIGN_LEFT },
    { _("Members"), 0.32, PANGO_ALIGN_LEFT },
  };

  layout_item_table (flow, _("Coordination mechanisms in detail"), mechanisms, columns, G_N_ELEMENTS (columns),
                     mechanism_row);
}

/* The pictures each on a page of their own, filling it. */
void
_ssr_report_layout_maps (SsrReportFlow *flow)
{
  _ssr_report_flow_heading (flow, 1, _("Maps and diagrams"));
  _ssr_report_flow_picture (flow, SSR_PICTURE_SECTOR_MAP, 0);
  _ssr_report_flow_start_page (flow);
  _ssr_report_flow_picture (flow, SSR_PICTURE_COORDINATION, 0);
  layout_mechanisms (flow);
  _ssr_report_flow_start_page (flow);
  _ssr_report_flow_picture (flow, SSR_PICTURE_WHO_DOES_WHAT, 0);
  _ssr_report_flow_start_page (flow);
  _ssr_report_flow_picture (flow, SSR_PICTURE_DIMENSIONS, 0);
}

static char *
finding_details (SsrReport  *self,
                 SsrFinding *finding)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *step = _ssr_report_term_name (self, ssr_finding_get_step (finding));
  const char *dimension = _ssr_report_term_name (self, ssr_finding_get_dimension (finding));
  g_autofree char *actors = _ssr_report_join_labels (self, ssr_finding_get_actors (finding), ", ");

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
  g_autofree char *heading = g_markup_printf_escaped ("<b>%s</b>", _ssr_render_finding_kind_plural (kind));
  GString *markup = g_string_new (heading);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *title = NULL;
      g_autofree char *line = NULL;

      if (ssr_finding_get_kind (finding) != kind || !_ssr_report_shows (self, finding))
        continue;
      title = _ssr_report_scrub (self, ssr_finding_get_title (finding));
      line = g_markup_printf_escaped ("\n• %s", title ? title : "");
      g_string_append (markup, line);
      n++;
    }
  if (n == 0)
    g_string_append_printf (markup, "\n<i>%s</i>", _("None recorded."));

  return g_string_free (markup, FALSE);
}

static void
layout_swot (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  const SsrReportColumn columns[] = {
    { NULL, 0.5, PANGO_ALIGN_LEFT },
    { NULL, 0.5, PANGO_ALIGN_LEFT },
  };
  SsrReportTable table;

  _ssr_report_flow_heading (flow, 2, _("Strengths, weaknesses, opportunities and threats"));
  _ssr_report_table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  table.zebra = FALSE;
  for (SsrFindingKind kind = SSR_FINDING_STRENGTH; kind <= SSR_FINDING_THREAT; kind++)
    {
      g_autofree char *markup = swot_quadrant_markup (self, kind);
      guint column = kind % 2;

      _ssr_report_table_set_markup (&table, column, markup);
      _ssr_report_table_set_hanging_indent (&table, column, "• ");
      _ssr_report_table_set_fill (&table, column, &finding_fills[kind]);
      if (column == 1)
        _ssr_report_table_end_row (&table);
    }
  _ssr_report_table_finish (&table);
}

static void
layout_finding_list (SsrReportFlow *flow,
                     SsrFindingKind kind)
{
  SsrReport *self = flow->report;
  GListModel *findings = ssr_assessment_get_findings (self->assessment);
  gboolean any = FALSE;

  _ssr_report_flow_heading (flow, 2, _ssr_render_finding_kind_plural (kind));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *title = NULL;
      g_autofree char *evidence = NULL;
      g_autofree char *details = NULL;
      g_autofree char *markup = NULL;

      if (ssr_finding_get_kind (finding) != kind || !_ssr_report_shows (self, finding))
        continue;

      title = _ssr_report_scrub (self, ssr_finding_get_title (finding));
      evidence = _ssr_report_scrub (self, ssr_finding_get_evidence (finding));
      details = finding_details (self, finding);
      markup = g_markup_printf_escaped ("<b>%s</b>%s%s%s<span size='small' foreground='#555555'>%s</span>",
                                        title ? title : "",
                                        evidence && *evidence ? "\n" : "", evidence ? evidence : "",
                                        *details ? "\n" : "", details);
      _ssr_report_flow_bullet (flow, STYLE_TABLE, markup);
      any = TRUE;
    }

  if (!any)
    _ssr_report_flow_none (flow, _("None recorded."));
}

void
_ssr_report_layout_findings (SsrReportFlow *flow)
{
  _ssr_report_flow_heading (flow, 1, _("Findings"));
  layout_swot (flow);
  for (SsrFindingKind kind = SSR_FINDING_GAP; kind <= SSR_FINDING_RISK; kind++)
    layout_finding_list (flow, kind);
}

/* The priorities by timeframe: one column per band of the framework's
 * "timeframes", the priorities of each band in sequence below. */
static void
layout_timeline (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  GListModel *priorities = ssr_assessment_get_priorities (self->assessment);
  GListModel *timeframes = ssr_framework_get_list (self->framework, "timeframes");
  guint n_bands = timeframes ? MIN (g_list_model_get_n_items (timeframes), MAX_COLUMNS - 1) : 0;
  g_autoptr(GPtrArray) bands = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  SsrReportColumn columns[MAX_COLUMNS] = { { 0 } };
  guint n_rows = 0;
  SsrReportTable table;

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

  _ssr_report_table_init (&table, flow, columns, n_bands);
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
          objective = _ssr_report_scrub (self, ssr_priority_get_objective (priority));
          markup = g_markup_printf_escaped ("<b>%u.</b> %s", index + 1, objective ? objective : "");
          _ssr_report_table_set_markup (&table, b, markup);
          _ssr_report_table_set_fill (&table, b, &band_fills[MIN (b, G_N_ELEMENTS (band_fills) - 1)]);
        }
      _ssr_report_table_end_row (&table);
    }
  _ssr_report_table_finish (&table);
}

/* The timeframe and the owner of @priority on one line; NULL without either. */
static char *
priority_facts (SsrReport   *self,
                SsrPriority *priority)
{
  const char *timeframe = _ssr_report_term_name (self, ssr_priority_get_timeframe (priority));
  const char *owner = ssr_priority_get_owner (priority);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);

  if (timeframe != NULL)
    g_ptr_array_add (facts, g_strdup_printf (_("Timeframe: %s"), timeframe));
  if (owner != NULL && *owner != '\0')
    g_ptr_array_add (facts, g_strdup_printf (_("Owner: %s"), owner));
  if (facts->len == 0)
    return NULL;

  g_ptr_array_add (facts, NULL);

  return g_strjoinv (" · ", (char **) facts->pdata);
}

static void
layout_priority (SsrReportFlow *flow,
                 SsrPriority   *priority,
                 guint          number)
{
  SsrReport *self = flow->report;
  g_autofree char *objective = _ssr_report_scrub (self, ssr_priority_get_objective (priority));
  g_autofree char *title = g_strdup_printf ("%u. %s", number, objective ? objective : "");
  g_autoptr(PangoLayout) heading = _ssr_report_layout (self, STYLE_HEADING_3, title, FALSE, flow->width);
  g_autofree char *facts = priority_facts (self, priority);
  g_autofree char *findings = _ssr_report_join_labels (self, ssr_priority_get_findings (priority), "; ");
  g_autoptr(GArray) blocks = _ssr_report_blocks_new ();
  const SsrReportStyleInfo *style = &_ssr_report_styles[STYLE_HEADING_3];

  if (facts != NULL)
    _ssr_report_blocks_add (flow, blocks, STYLE_SMALL, facts);

  _ssr_report_blocks_add_free_text (flow, blocks, STYLE_BODY, ssr_priority_get_description (priority));

  if (*findings != '\0')
    {
      g_autofree char *scrubbed = _ssr_report_scrub (self, findings);
      g_autofree char *line = g_strdup_printf (_("Responds to: %s"), scrubbed);

      _ssr_report_blocks_add (flow, blocks, STYLE_SMALL, line);
    }

  _ssr_report_flow_keep_together (flow, style->space_before + _ssr_report_layout_height (heading) +
                                        style->space_after + _ssr_report_blocks_height (blocks));
  _ssr_report_flow_heading_full (flow, 3, STYLE_HEADING_3, title, FALSE);
  _ssr_report_flow_blocks (flow, blocks);
}

void
_ssr_report_layout_priorities (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  GListModel *priorities = ssr_assessment_get_priorities (self->assessment);

  _ssr_report_flow_heading (flow, 1, _("Priorities"));
  if (g_list_model_get_n_items (priorities) == 0)
    {
      _ssr_report_flow_none (flow, _("No priorities recorded."));
      return;
    }

  _ssr_report_flow_heading (flow, 2, _("Timeline"));
  layout_timeline (flow);

  _ssr_report_flow_heading (flow, 2, _("Priorities in sequence"));
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
  g_autofree char *date = _ssr_report_format_date (iso);

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

static gboolean
indicator_row (SsrReportTable *table,
               gpointer        item,
               gpointer        data)
{
  SsrIndicator *indicator = item;
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

  _ssr_report_table_set_markup (table, 0, name);
  _ssr_report_table_set_markup (table, 1, baseline);
  _ssr_report_table_set_markup (table, 2, target);
  _ssr_report_table_set_markup (table, 3, latest);
  _ssr_report_table_set_figure (table, 4, _ssr_report_sparkline_figure_new (indicator), 20);

  return TRUE;
}

void
_ssr_report_layout_indicators (SsrReportFlow *flow)
{
  GListModel *indicators = ssr_assessment_get_indicators (flow->report->assessment);
  const SsrReportColumn columns[] = {
    { _("Indicator"), 0.31, PANGO_ALIGN_LEFT },
    { _("Baseline"), 0.16, PANGO_ALIGN_RIGHT },
    { _("Target"), 0.16, PANGO_ALIGN_RIGHT },
    { _("Latest"), 0.16, PANGO_ALIGN_RIGHT },
    { _("Trend"), 0.21, PANGO_ALIGN_LEFT },
  };

  _ssr_report_flow_heading (flow, 1, _("Indicators"));
  if (layout_table_or_none (flow, indicators, _("No indicators recorded."), columns, G_N_ELEMENTS (columns),
                            indicator_row))
    _ssr_report_flow_paragraph (flow, STYLE_SMALL,
                                _("Trend: the baseline and every measurement over time; the dashed line is the target, the last point green when on track."));
}

static gboolean
principle_row (SsrReportTable *table,
               gpointer        item,
               gpointer        data)
{
  SsrReport *self = table->flow->report;
  SsrPrincipleCheck *check = item;
  g_autofree char *note = _ssr_report_scrub (self, ssr_principle_check_get_note (check));
  int rating = ssr_principle_check_get_rating (check);

  _ssr_report_table_set_text (table, 0, _ssr_report_term_name (self, ssr_principle_check_get_principle (check)));
  _ssr_report_table_set_figure (table, 1, _ssr_report_dots_figure_new (rating), 9);
  _ssr_report_table_set_text (table, 2, note);

  return TRUE;
}

void
_ssr_report_layout_principles (SsrReportFlow *flow)
{
  GListModel *principles = ssr_assessment_get_principles (flow->report->assessment);
  const SsrReportColumn columns[] = {
    { _("Principle"), 0.32, PANGO_ALIGN_LEFT },
    { _("Rating"), 0.14, PANGO_ALIGN_LEFT },
    { _("Note"), 0.54, PANGO_ALIGN_LEFT },
  };

  _ssr_report_flow_heading (flow, 1, _("Principles"));
  layout_table_or_none (flow, principles, _("No principle checks recorded."), columns, G_N_ELEMENTS (columns),
                        principle_row);
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

void
_ssr_report_layout_sources (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  g_autoptr(GPtrArray) sources = report_sources (self);
  GListModel *indicators = ssr_assessment_get_indicators (self->assessment);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *about = g_strdup_printf (_("The guidance of the framework “%s” rests on these documents."),
                                            ssr_framework_get_name (self->framework));

  _ssr_report_flow_heading (flow, 1, _("Annex: sources"));
  _ssr_report_flow_heading (flow, 2, _("Framework sources"));
  _ssr_report_flow_paragraph (flow, STYLE_BODY, about);
  for (guint i = 0; i < sources->len; i++)
    _ssr_report_flow_bullet (flow, STYLE_TABLE, g_ptr_array_index (sources, i));

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(SsrIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *source = ssr_indicator_get_source (indicator);
      g_autofree char *markup = NULL;

      if (source == NULL || *source == '\0' || !g_hash_table_add (seen, (gpointer) source))
        continue;
      if (g_hash_table_size (seen) == 1)
        _ssr_report_flow_heading (flow, 2, _("Sources of indicator data"));
      markup = g_markup_escape_text (source, -1);
      _ssr_report_flow_bullet (flow, STYLE_TABLE, markup);
    }
}
