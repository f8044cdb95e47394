/* ssr-report-sections.c: the sections of the report in order: cover, contents, summary, context, phases
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
#include "ssr-picture.h"
#include "ssr-priority.h"
#include "ssr-step-record.h"
#include "ssr-team-member.h"

#define N_KEY_COLUMNS    4
#define N_TOP_PRIORITIES 5
#define PHASES_HEIGHT    300.0

static const SsrRenderColor key_fill = { 0.93, 0.95, 0.98 };

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
finding_kind_name (SsrFindingKind kind)
{
  switch (kind)
    {
    case SSR_FINDING_STRENGTH:
      return C_("finding", "Strength");
    case SSR_FINDING_WEAKNESS:
      return C_("finding", "Weakness");
    case SSR_FINDING_OPPORTUNITY:
      return C_("finding", "Opportunity");
    case SSR_FINDING_THREAT:
      return C_("finding", "Threat");
    case SSR_FINDING_GAP:
      return C_("finding", "Gap");
    case SSR_FINDING_NEED:
      return C_("finding", "Need");
    case SSR_FINDING_RISK:
    default:
      return C_("finding", "Risk");
    }
}

static void
flow_paragraph_if_any (SsrReportFlow *flow,
                       SsrReportStyle style,
                       const char    *text)
{
  if (text != NULL && *text != '\0')
    _ssr_report_flow_paragraph (flow, style, text);
}

static void
layout_cover_marking (SsrReportFlow *flow,
                      const char    *classification)
{
  g_autoptr(PangoLayout) layout = _ssr_report_layout (flow->report, STYLE_COVER_MARKING, classification,
                                                      FALSE, flow->width - 40);
  double height = _ssr_report_layout_height (layout) + 16;
  PangoRectangle logical;
  double width;

  pango_layout_get_extents (layout, NULL, &logical);
  width = MIN (flow->width, pango_units_to_double (logical.width) + 48);
  _ssr_report_flow_add_rect (flow, flow->left + (flow->width - width) / 2, flow->y,
                             width, height, &_ssr_report_marking_red, 2);
  _ssr_report_flow_add_text (flow, layout, flow->left + 20, flow->y + 8, &_ssr_report_marking_red,
                             0, _ssr_report_layout_height (layout));
  flow->y += height + 28;
}

static gboolean
team_member_row (SsrReportTable *table,
                 gpointer        item,
                 gpointer        data)
{
  SsrTeamMember *member = item;

  _ssr_report_table_set_text (table, 0, ssr_team_member_get_name (member));
  _ssr_report_table_set_text (table, 1, ssr_team_member_get_role (member));
  _ssr_report_table_set_text (table, 2, ssr_team_member_get_agency (member));

  return TRUE;
}

static void
layout_cover_team (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  GListModel *team = ssr_assessment_get_team (self->assessment);
  const SsrReportColumn columns[] = {
    { _("Name"), 0.34, PANGO_ALIGN_LEFT },
    { _("Role"), 0.30, PANGO_ALIGN_LEFT },
    { _("Agency"), 0.36, PANGO_ALIGN_LEFT },
  };
  SsrReportTable table;

  if (g_list_model_get_n_items (team) == 0)
    return;

  _ssr_report_flow_heading_full (flow, 2, STYLE_HEADING_3, _("Assessment team"), FALSE);
  _ssr_report_table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  _ssr_report_table_fill (&table, team, team_member_row, NULL);
}

static void
layout_cover_notice (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  g_autofree char *notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Redacted edition — %u item marked sensitive was left out",
                                                          "Redacted edition — %u items marked sensitive were left out",
                                                          self->n_hidden),
                                             self->n_hidden);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", notice);

  _ssr_report_flow_space (flow, 8);
  _ssr_report_flow_paragraph_full (flow, STYLE_COVER_TEXT, markup, TRUE, 0);
}

static void
layout_cover (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  const char *classification = ssr_assessment_get_classification (self->assessment);
  g_autofree char *period = _ssr_report_period (self);
  g_autofree char *framework = g_strdup_printf (_("Framework: %s"), ssr_framework_get_name (self->framework));
  const char *context_type = _ssr_report_term_name (self, ssr_assessment_get_context_type (self->assessment));

  _ssr_report_flow_new_page (flow);
  flow->y += 16;
  if (classification != NULL && *classification != '\0')
    layout_cover_marking (flow, classification);
  else
    flow->y += 40;

  _ssr_report_flow_heading_full (flow, 1, STYLE_COVER_TITLE, _ssr_report_title (self), FALSE);
  flow_paragraph_if_any (flow, STYLE_COVER_SUBTITLE, ssr_assessment_get_country (self->assessment));
  flow_paragraph_if_any (flow, STYLE_COVER_TEXT, period);
  flow_paragraph_if_any (flow, STYLE_COVER_TEXT, context_type);
  flow_paragraph_if_any (flow, STYLE_COVER_TEXT, framework);
  if (self->options.redact)
    layout_cover_notice (flow);

  _ssr_report_flow_space (flow, 16);
  _ssr_report_flow_add_line (flow, flow->left + flow->width / 4, flow->y,
                             flow->left + 3 * flow->width / 4, flow->y, &_ssr_report_accent, 1);
  flow->y += 20;

  layout_cover_team (flow);
}

static void
layout_contents_entry (SsrReportFlow        *flow,
                       const SsrReportEntry *entry,
                       guint                 page_offset)
{
  SsrReport *self = flow->report;
  SsrReportStyle style = entry->level == 1 ? STYLE_CONTENTS_1 : STYLE_CONTENTS_2;
  double indent = entry->level == 1 ? 0 : 18;
  double number_width = 36;
  g_autofree char *number = g_strdup_printf ("%u", entry->page + page_offset + 1);
  g_autoptr(PangoLayout) title = _ssr_report_layout (self, style, entry->title, FALSE,
                                                     flow->width - indent - number_width - 8);
  g_autoptr(PangoLayout) page = _ssr_report_layout (self, style, number, FALSE, number_width);
  double height = MAX (_ssr_report_layout_height (title), _ssr_report_layout_height (page));
  SsrReportOp *link;

  pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
  _ssr_report_flow_space (flow, _ssr_report_styles[style].space_before);
  _ssr_report_flow_ensure (flow, height);
  _ssr_report_flow_add_text (flow, title, flow->left + indent, flow->y, &_ssr_report_ink,
                             0, _ssr_report_layout_height (title));
  _ssr_report_flow_add_text (flow, page, flow->left + flow->width - number_width, flow->y, &_ssr_report_ink,
                             0, _ssr_report_layout_height (page));
  link = _ssr_report_flow_add_op (flow, OP_LINK, flow->left, flow->y, flow->width, height);
  link->name = g_strdup (entry->dest);
  flow->y += height + _ssr_report_styles[style].space_after;
  _ssr_report_flow_placed (flow);
}

static void
layout_contents (SsrReportFlow *flow,
                 GArray        *entries,
                 guint          page_offset)
{
  _ssr_report_flow_new_page (flow);
  _ssr_report_flow_heading_full (flow, 1, STYLE_HEADING_1, _("Contents"), FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      const SsrReportEntry *entry = &g_array_index (entries, SsrReportEntry, i);

      if (entry->in_contents)
        layout_contents_entry (flow, entry, page_offset);
    }
}

/* A phase and how many of its steps are done, in progress, not started. */
static gboolean
phase_progress_row (SsrReportTable *table,
                    gpointer        item,
                    gpointer        data)
{
  SsrTerm *phase = item;
  GListModel *steps = ssr_term_get_list (phase, "steps");
  guint counts[SSR_STEP_DONE + 1] = { 0 };

  for (guint j = 0; steps != NULL && j < g_list_model_get_n_items (steps); j++)
    {
      g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);

      counts[_ssr_render_step_status (table->flow->report->assessment, step)]++;
    }

  _ssr_report_table_set_text (table, 0, ssr_term_get_name (phase));
  for (guint status = 0; status <= SSR_STEP_DONE; status++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[status]);
      guint column = status == SSR_STEP_DONE ? 1 : status == SSR_STEP_IN_PROGRESS ? 2 : 3;

      _ssr_report_table_set_text (table, column, count);
    }

  return TRUE;
}

static void
layout_progress_table (SsrReportFlow *flow)
{
  GListModel *phases = ssr_framework_get_phases (flow->report->framework);
  const SsrReportColumn columns[] = {
    { _("Phase"), 0.46, PANGO_ALIGN_LEFT },
    { _("Done"), 0.18, PANGO_ALIGN_RIGHT },
    { _("In progress"), 0.18, PANGO_ALIGN_RIGHT },
    { _("Not started"), 0.18, PANGO_ALIGN_RIGHT },
  };
  SsrReportTable table;

  if (phases == NULL)
    return;

  _ssr_report_flow_heading (flow, 2, _("Progress"));
  _ssr_report_table_init (&table, flow, columns, G_N_ELEMENTS (columns));
  _ssr_report_table_fill (&table, phases, phase_progress_row, NULL);
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
flow_key_figures (SsrReportFlow *flow,
                  GArray        *figures)
{
  double gap = 8;
  double box_width = (flow->width - (N_KEY_COLUMNS - 1) * gap) / N_KEY_COLUMNS;

  for (guint row = 0; row * N_KEY_COLUMNS < figures->len; row++)
    {
      PangoLayout *values[N_KEY_COLUMNS] = { NULL };
      PangoLayout *labels[N_KEY_COLUMNS] = { NULL };
      guint n = MIN (N_KEY_COLUMNS, figures->len - row * N_KEY_COLUMNS);
      double height = 0;

      for (guint i = 0; i < n; i++)
        {
          KeyFigure *figure = &g_array_index (figures, KeyFigure, row * N_KEY_COLUMNS + i);

          values[i] = _ssr_report_layout (flow->report, STYLE_KEY_FIGURE, figure->value, FALSE, box_width - 16);
          labels[i] = _ssr_report_layout (flow->report, STYLE_SMALL, figure->label, FALSE, box_width - 16);
          height = MAX (height, _ssr_report_layout_height (values[i]) + _ssr_report_layout_height (labels[i]) + 16);
        }

      _ssr_report_flow_ensure (flow, height);
      for (guint i = 0; i < n; i++)
        {
          double x = flow->left + i * (box_width + gap);
          double value_height = _ssr_report_layout_height (values[i]);

          _ssr_report_flow_add_rect (flow, x, flow->y, box_width, height, &key_fill, 0);
          _ssr_report_flow_add_text (flow, values[i], x + 8, flow->y + 6, &_ssr_report_accent, 0, value_height);
          _ssr_report_flow_add_text (flow, labels[i], x + 8, flow->y + 8 + value_height, &_ssr_report_muted,
                                     0, _ssr_report_layout_height (labels[i]));
          g_object_unref (values[i]);
          g_object_unref (labels[i]);
        }
      flow->y += height + gap;
      _ssr_report_flow_placed (flow);
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

      if (!_ssr_report_shows (self, actor))
        continue;
      n_actors++;
      n_champions += ssr_actor_get_stance (actor) == SSR_STANCE_CHAMPION;
      n_spoilers += ssr_actor_get_stance (actor) == SSR_STANCE_SPOILER;
    }

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);

      if (_ssr_report_shows (self, finding) && ssr_finding_get_kind (finding) <= SSR_FINDING_RISK)
        n_findings[ssr_finding_get_kind (finding)]++;
    }

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(SsrIndicator) indicator = g_list_model_get_item (indicators, i);

      n_on_track += _ssr_report_indicator_track (indicator) == TRACK_ON;
    }

  key_figures_add (figures, _("Actors"), g_strdup_printf ("%u", n_actors));
  key_figures_add (figures, _("Champions of reform"), g_strdup_printf ("%u", n_champions));
  key_figures_add (figures, _("Spoilers"), g_strdup_printf ("%u", n_spoilers));
  key_figures_add (figures, _("Priorities"),
                   g_strdup_printf ("%u", g_list_model_get_n_items (ssr_assessment_get_priorities (self->assessment))));
  for (SsrFindingKind kind = SSR_FINDING_STRENGTH; kind <= SSR_FINDING_RISK; kind++)
    key_figures_add (figures, _ssr_render_finding_kind_plural (kind), g_strdup_printf ("%u", n_findings[kind]));
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
  g_autofree char *objective = _ssr_report_scrub (self, ssr_priority_get_objective (priority));
  const char *timeframe = _ssr_report_term_name (self, ssr_priority_get_timeframe (priority));

  if (timeframe != NULL)
    return g_markup_printf_escaped ("<b>%u.</b> %s <span foreground='#666666'>(%s)</span>",
                                    number, objective ? objective : "", timeframe);

  return g_markup_printf_escaped ("<b>%u.</b> %s", number, objective ? objective : "");
}

static void
layout_summary (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  GListModel *priorities = ssr_assessment_get_priorities (self->assessment);
  g_autoptr(GArray) figures = report_key_figures (self);
  g_autofree char *period = _ssr_report_period (self);
  g_autofree char *intro = NULL;
  const char *country = ssr_assessment_get_country (self->assessment);

  _ssr_report_flow_heading (flow, 1, _("Executive summary"));

  intro = g_strdup_printf (_("This report summarises the assessment of %s (%s), carried out following the %s."),
                           country && *country ? country : _("the country"),
                           period ? period : _("no dates recorded"),
                           ssr_framework_get_name (self->framework));
  _ssr_report_flow_paragraph (flow, STYLE_BODY, intro);

  layout_progress_table (flow);

  _ssr_report_flow_heading (flow, 2, _("Key figures"));
  flow_key_figures (flow, figures);

  _ssr_report_flow_heading (flow, 2, _("Top priorities"));
  if (g_list_model_get_n_items (priorities) == 0)
    _ssr_report_flow_none (flow, _("No priorities recorded."));
  for (guint i = 0; i < MIN (N_TOP_PRIORITIES, g_list_model_get_n_items (priorities)); i++)
    {
      g_autoptr(SsrPriority) priority = g_list_model_get_item (priorities, i);
      g_autofree char *markup = priority_markup (self, priority, i + 1);

      _ssr_report_flow_markup (flow, STYLE_BODY, markup);
    }
}

static void
layout_context (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  const char *type_id = ssr_assessment_get_context_type (self->assessment);
  SsrTerm *type = type_id ? ssr_framework_lookup (self->framework, type_id) : NULL;
  const char *context = ssr_assessment_get_context (self->assessment);

  _ssr_report_flow_heading (flow, 1, _("Context"));

  if (type_id != NULL && *type_id != '\0')
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Type of context:"),
                                                         _ssr_report_term_name (self, type_id));

      _ssr_report_flow_markup (flow, STYLE_BODY, markup);
      if (type != NULL && ssr_term_get_guidance (type) != NULL)
        _ssr_report_flow_paragraph (flow, STYLE_SMALL, ssr_term_get_guidance (type));
      _ssr_report_flow_space (flow, 6);
    }

  if (context != NULL && *context != '\0')
    _ssr_report_flow_free_text (flow, STYLE_BODY, context);
  else
    _ssr_report_flow_none (flow, _("No description of the context recorded."));
}

static void
layout_step_tasks (SsrReportFlow *flow,
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

      _ssr_report_flow_item (flow, STYLE_TABLE, NULL, _ssr_report_checkbox_figure_new (done),
                             markup);
    }
  flow->y += 4;
}

static void
layout_step_findings (SsrReportFlow *flow,
                      SsrTerm       *step)
{
  SsrReport *self = flow->report;
  GListModel *findings = ssr_assessment_get_findings (self->assessment);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *title = NULL;
      g_autofree char *markup = NULL;

      if (!_ssr_report_shows (self, finding) ||
          g_strcmp0 (ssr_finding_get_step (finding), ssr_term_get_id (step)) != 0)
        continue;

      if (!any)
        {
          _ssr_report_flow_label (flow, STYLE_TABLE, _("Findings recorded at this step"));
          any = TRUE;
        }
      title = _ssr_report_scrub (self, ssr_finding_get_title (finding));
      markup = g_markup_printf_escaped ("<i>%s:</i> %s", finding_kind_name (ssr_finding_get_kind (finding)),
                                        title ? title : "");
      _ssr_report_flow_bullet (flow, STYLE_TABLE, markup);
    }
}

static void
layout_step (SsrReportFlow *flow,
             SsrTerm       *step,
             guint          number)
{
  SsrReport *self = flow->report;
  SsrStepRecord *record = ssr_assessment_find_step_record (self->assessment, ssr_term_get_id (step));
  SsrStepStatus status = record ? ssr_step_record_get_status (record) : SSR_STEP_NOT_STARTED;
  g_autofree char *title = g_strdup_printf ("%u. %s", number, ssr_term_get_name (step));
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Status:"), status_name (status));

  _ssr_report_flow_heading (flow, 3, title);
  _ssr_report_flow_item (flow, STYLE_TABLE, NULL, _ssr_report_status_figure_new (status), markup);
  flow->y += 4;
  layout_step_tasks (flow, step, record);

  if (record != NULL && ssr_step_record_get_notes (record) != NULL)
    _ssr_report_flow_free_text (flow, STYLE_BODY, ssr_step_record_get_notes (record));

  layout_step_findings (flow, step);
}

static void
layout_phases (SsrReportFlow *flow)
{
  SsrReport *self = flow->report;
  GListModel *phases = ssr_framework_get_phases (self->framework);
  guint number = 0;

  _ssr_report_flow_heading (flow, 1, _("Phases and steps"));
  _ssr_report_flow_figure (flow, _ssr_report_picture_figure_new (self, SSR_PICTURE_PHASES, flow->width, PHASES_HEIGHT),
                           PHASES_HEIGHT);
  flow->y += 8;

  for (guint i = 0; phases != NULL && i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");
      const char *numeral = ssr_term_get_attribute (phase, "number");
      g_autofree char *title = numeral ? g_strdup_printf ("%s. %s", numeral, ssr_term_get_name (phase))
                                       : g_strdup (ssr_term_get_name (phase));

      _ssr_report_flow_heading (flow, 2, title);
      for (guint j = 0; steps != NULL && j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);

          layout_step (flow, step, ++number);
        }
    }
}

typedef void (*SectionLayoutFunc) (SsrReportFlow *flow);

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
  { SSR_REPORT_ACTORS, "actors", _ssr_report_layout_actors },
  { SSR_REPORT_MAPS, "maps", _ssr_report_layout_maps },
  { SSR_REPORT_FINDINGS, "findings", _ssr_report_layout_findings },
  { SSR_REPORT_PRIORITIES, "priorities", _ssr_report_layout_priorities },
  { SSR_REPORT_INDICATORS, "indicators", _ssr_report_layout_indicators },
  { SSR_REPORT_PRINCIPLES, "principles", _ssr_report_layout_principles },
  { SSR_REPORT_SOURCES, "sources", _ssr_report_layout_sources },
};

/* Moves the pages and entries of @flow to the end of the report. */
static void
report_take_flow (SsrReport     *self,
                  SsrReportFlow *flow)
{
  guint offset = self->pages->len;
  gsize n_pages;
  g_autofree gpointer *pages = g_ptr_array_steal (flow->pages, &n_pages);

  for (gsize i = 0; i < n_pages; i++)
    g_ptr_array_add (self->pages, pages[i]);

  for (guint i = 0; i < flow->entries->len; i++)
    {
      SsrReportEntry *entry = &g_array_index (flow->entries, SsrReportEntry, i);
      SsrReportEntry moved = *entry;

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
  SsrReportFlow scratch;
  guint n_pages;

  _ssr_report_flow_init (&scratch, self);
  layout_contents (&scratch, entries, 0);
  n_pages = scratch.pages->len;
  _ssr_report_flow_clear (&scratch);

  return n_pages;
}

void
_ssr_report_lay_out (SsrReport *self)
{
  SsrReportFlow cover, body, contents;

  _ssr_report_flow_init (&cover, self);
  if (self->options.sections & SSR_REPORT_COVER)
    layout_cover (&cover);

  _ssr_report_flow_init (&body, self);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].layout != NULL && (self->options.sections & sections[i].section))
      sections[i].layout (&body);

  /* The contents are laid out twice: first to learn how many pages they
   * take, then with the page numbers that follow from it. The numbers sit
   * in a column of their own, so the second pass breaks alike. */
  _ssr_report_flow_init (&contents, self);
  if (self->options.sections & SSR_REPORT_CONTENTS)
    {
      guint n_contents = report_count_contents_pages (self, body.entries);

      layout_contents (&contents, body.entries, cover.pages->len + n_contents);
      g_assert (contents.pages->len == n_contents);
    }

  report_take_flow (self, &cover);
  report_take_flow (self, &contents);
  report_take_flow (self, &body);
  _ssr_report_flow_clear (&cover);
  _ssr_report_flow_clear (&contents);
  _ssr_report_flow_clear (&body);

  /* An empty report is still one (blank) page. */
  if (self->pages->len == 0)
    g_ptr_array_add (self->pages, _ssr_report_page_new ());
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
