/* ssr-report-text.c: what the report says of items: redaction, labels, names, dates, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-report"

#include "config.h"

#include "ssr-report-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-indicator.h"

/*
 * Free text as the report shows it: in a redacted report, the names of the
 * actors left out are removed from it as well.
 */
char *
_ssr_report_scrub (SsrReport  *self,
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

gboolean
_ssr_report_hides (SsrReport  *self,
                   const char *id)
{
  return id != NULL && g_hash_table_contains (self->hidden, id);
}

gboolean
_ssr_report_shows (SsrReport *self,
                   gpointer   item)
{
  return !_ssr_report_hides (self, ssr_item_get_id (SSR_ITEM (item)));
}

/* The label of the item @id, or @id itself when there is none. */
const char *
_ssr_report_item_label (SsrReport  *self,
                        const char *id)
{
  SsrItem *item = ssr_assessment_lookup (self->assessment, id);
  const char *label = item ? ssr_item_get_label (item) : NULL;

  return label ? label : id;
}

const char *
_ssr_report_term_name (SsrReport  *self,
                       const char *id)
{
  if (id == NULL || *id == '\0')
    return NULL;

  return ssr_framework_get_term_name (self->framework, id);
}

/* The labels of the items @ids that the report shows, joined. */
char *
_ssr_report_join_labels (SsrReport          *self,
                         const char * const *ids,
                         const char         *separator)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!_ssr_report_hides (self, ids[i]))
      g_ptr_array_add (labels, (gpointer) _ssr_report_item_label (self, ids[i]));
  g_ptr_array_add (labels, NULL);

  return g_strjoinv (separator, (char **) labels->pdata);
}

gboolean
_ssr_report_parse_date (const char *text,
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

/* The name of @month as a date writes it, in the language of the
 * messages. (Not the C library's %B: that follows LC_TIME, and a report
 * asked for in French with LANGUAGE=fr would say "2 March".) */
static const char *
month_name (GDateMonth month)
{
  /* TRANSLATORS: the months, as a date in the report writes them
   * ("2 March 2026"): in the case and with the capital your language
   * uses there */
  switch (month)
    {
    case G_DATE_JANUARY:
      return C_("month in a date", "January");
    case G_DATE_FEBRUARY:
      return C_("month in a date", "February");
    case G_DATE_MARCH:
      return C_("month in a date", "March");
    case G_DATE_APRIL:
      return C_("month in a date", "April");
    case G_DATE_MAY:
      return C_("month in a date", "May");
    case G_DATE_JUNE:
      return C_("month in a date", "June");
    case G_DATE_JULY:
      return C_("month in a date", "July");
    case G_DATE_AUGUST:
      return C_("month in a date", "August");
    case G_DATE_SEPTEMBER:
      return C_("month in a date", "September");
    case G_DATE_OCTOBER:
      return C_("month in a date", "October");
    case G_DATE_NOVEMBER:
      return C_("month in a date", "November");
    case G_DATE_DECEMBER:
      return C_("month in a date", "December");
    case G_DATE_BAD_MONTH:
    default:
      g_assert_not_reached ();
    }
}

/* "2 March 2026" in the language of the messages; the text itself if not
 * a date. */
char *
_ssr_report_format_date (const char *iso)
{
  GDate date;

  if (!_ssr_report_parse_date (iso, &date))
    return g_strdup (iso);

  /* TRANSLATORS: a date in the report ("2 March 2026"): %1$u is the day,
   * %2$s the month, %3$u the year; put them in the order and with the
   * words your language writes a date with ("%2$s %1$u, %3$u",
   * "%1$u de %2$s de %3$u") */
  return g_strdup_printf (_("%1$u %2$s %3$u"),
                          (guint) g_date_get_day (&date),
                          month_name (g_date_get_month (&date)),
                          (guint) g_date_get_year (&date));
}

/*
 * On track: the latest value has moved from the baseline towards the
 * target at least as far as the time elapsed between their dates.
 */
SsrReportTrack
_ssr_report_indicator_track (SsrIndicator *indicator)
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
  if (_ssr_report_parse_date (ssr_indicator_get_baseline_date (indicator), &start) &&
      _ssr_report_parse_date (ssr_indicator_get_target_date (indicator), &end) &&
      _ssr_report_parse_date (latest_date, &now) &&
      g_date_compare (&start, &end) < 0)
    expected = CLAMP ((double) g_date_days_between (&start, &now) / g_date_days_between (&start, &end), 0, 1);

  return progress + 1e-9 >= expected ? TRACK_ON : TRACK_OFF;
}

const char *
_ssr_report_title (SsrReport *self)
{
  const char *title = ssr_assessment_get_title (self->assessment);

  return title && *title ? title : _("Untitled assessment");
}

char *
_ssr_report_period (SsrReport *self)
{
  g_autofree char *start = _ssr_report_format_date (ssr_assessment_get_start_date (self->assessment));
  g_autofree char *end = _ssr_report_format_date (ssr_assessment_get_end_date (self->assessment));

  if (start != NULL && end != NULL)
    /* TRANSLATORS: the period of the assessment, from a date to a date */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (start != NULL)
    return g_strdup_printf (_("From %s"), start);
  if (end != NULL)
    return g_strdup_printf (_("Until %s"), end);

  return NULL;
}
