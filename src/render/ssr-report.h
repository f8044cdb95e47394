/* ssr-report.h: the printable summary report of an assessment (PDF, print)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ssr-types.h"

G_BEGIN_DECLS

typedef enum
{
  SSR_PAPER_A4,
  SSR_PAPER_LETTER,
} SsrPaper;

typedef enum
{
  SSR_REPORT_COVER       = 1 << 0,
  SSR_REPORT_CONTENTS    = 1 << 1,
  SSR_REPORT_SUMMARY     = 1 << 2,
  SSR_REPORT_CONTEXT     = 1 << 3,
  SSR_REPORT_PHASES      = 1 << 4,
  SSR_REPORT_ACTORS      = 1 << 5,
  SSR_REPORT_MAPS        = 1 << 6,
  SSR_REPORT_FINDINGS    = 1 << 7,
  SSR_REPORT_PRIORITIES  = 1 << 8,
  SSR_REPORT_INDICATORS  = 1 << 9,
  SSR_REPORT_PRINCIPLES  = 1 << 10,
  SSR_REPORT_SOURCES     = 1 << 11,
  SSR_REPORT_ALL         = 0xfff,
} SsrReportSections;

/*
 * What a report shows, as plain data: the command line and the print
 * dialog fill it alike.
 */
typedef struct
{
  SsrPaper          paper;
  /* Leave out every item marked sensitive, and what only they explain. */
  gboolean          redact;
  SsrReportSections sections;
} SsrReportOptions;

/* Sets the defaults: A4, no redaction, every section. */
void     ssr_report_options_init         (SsrReportOptions  *options);

/*
 * Parses a comma-separated list of section names ("cover,summary,actors";
 * "all" for every section) as the command line takes it. Fails on an
 * unknown name, naming it.
 */
gboolean ssr_report_sections_from_string (const char        *list,
                                          SsrReportSections *out,
                                          GError           **error);

#define SSR_TYPE_REPORT (ssr_report_get_type ())

G_DECLARE_FINAL_TYPE (SsrReport, ssr_report, SSR, REPORT, GObject)

/*
 * Lays the report of @assessment out into pages once; the same layout is
 * then drawn into a PDF file or into the pages of a print operation. The
 * report keeps references to @framework and @assessment; edits made to the
 * assessment afterwards are not reflected. (transfer full)
 */
SsrReport *ssr_report_new           (SsrFramework           *framework,
                                     SsrAssessment          *assessment,
                                     const SsrReportOptions *options);

guint      ssr_report_get_n_pages   (SsrReport              *self);

/* The paper size in points (1/72 inch). */
void       ssr_report_get_page_size (SsrReport              *self,
                                     double                 *width_pt,
                                     double                 *height_pt);

/*
 * Draws page @page (counted from 0) into @cr, whose user space is one
 * point per unit with the origin at the top left corner of the paper.
 * On a PDF surface it also adds the links and the destinations of the page.
 */
void       ssr_report_draw_page     (SsrReport              *self,
                                     cairo_t                *cr,
                                     guint                   page);

/*
 * Writes the whole report as a PDF file with outline and metadata. The
 * file is written beside @path under a temporary name and renamed into
 * place once complete, so a failure leaves no partial file behind and an
 * existing file at @path untouched.
 */
gboolean   ssr_report_write_pdf     (SsrReport              *self,
                                     const char             *path,
                                     GError                **error);

G_END_DECLS
