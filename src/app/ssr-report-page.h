/* ssr-report-page.h: the report's options, a preview of its pages, PDF export and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-report.h"

G_BEGIN_DECLS

#define SSR_TYPE_REPORT_PAGE (ssr_report_page_get_type ())

G_DECLARE_FINAL_TYPE (SsrReportPage, ssr_report_page, SSR, REPORT_PAGE, GtkWidget)

/*
 * Actions (prefix "report."): export-pdf (Ctrl+Shift+E), print (Ctrl+P),
 * and the options as stateful actions bound to the properties of the same
 * name: paper ("a4" or "letter"), redact, section-cover, section-contents,
 * section-summary, section-context, section-phases, section-actors,
 * section-maps, section-findings, section-priorities, section-indicators,
 * section-principles, section-sources.
 */

GtkWidget         *ssr_report_page_new          (SsrAssessment        *document,
                                                 SsrFramework         *framework);

/* The options the page lays the report out with, as plain data. */
void               ssr_report_page_get_options  (SsrReportPage        *self,
                                                 SsrReportOptions     *options);

/*
 * The report the preview shows: laid out from a copy of the document
 * when the options or the document last changed, or NULL before the
 * first layout. (transfer none)
 */
SsrReport         *ssr_report_page_get_report   (SsrReportPage        *self);
/* Whether a new layout is waiting or under way: the preview is not current. */
gboolean           ssr_report_page_get_busy     (SsrReportPage        *self);

/*
 * Writes the report of the document as it is now, with the page's
 * options, to @file as PDF, in a worker thread. @file must have a local
 * path; it is replaced atomically.
 */
void               ssr_report_page_export_async  (SsrReportPage       *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean           ssr_report_page_export_finish (SsrReportPage       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/*
 * A print operation drawing the pages of the report, laid out as the PDF
 * is, on the page setup of the chosen paper. report.print runs it with
 * the print dialog. (transfer full)
 */
GtkPrintOperation *ssr_report_page_create_print_operation (SsrReportPage *self);

G_END_DECLS
