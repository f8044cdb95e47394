/* bench-report.c: times laying out and writing the PDF report of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "bench-common.h"
#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-generate.h"
#include "ssr-report.h"

typedef struct
{
  double layout_ms;
  double write_ms;
  guint  n_pages;
} Run;

/* Lays the report out and writes it to @path once. */
static gboolean
run_once (SsrFramework           *framework,
          SsrAssessment          *assessment,
          const SsrReportOptions *options,
          const char             *path,
          Run                    *run,
          GError                **error)
{
  g_autoptr(SsrReport) report = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 laid_out;

  report = ssr_report_new (framework, assessment, options);
  laid_out = g_get_monotonic_time ();
  if (!ssr_report_write_pdf (report, path, error))
    return FALSE;

  run->layout_ms = (laid_out - start) / 1000.0;
  run->write_ms = (g_get_monotonic_time () - laid_out) / 1000.0;
  run->n_pages = ssr_report_get_n_pages (report);

  return TRUE;
}

static SsrAssessment *
load_assessment (const char  *path,
                 guint        n_actors,
                 GError     **error)
{
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(GFile) file = NULL;

  if (path != NULL)
    {
      file = g_file_new_for_commandline_arg (path);
      return ssr_assessment_load (file, NULL, error);
    }

  framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, error);
  if (framework == NULL)
    return NULL;

  return ssr_generate_assessment (framework, n_actors, 2 * n_actors, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(GArray) layout_times = NULL;
  g_autoptr(GArray) write_times = NULL;
  g_autoptr(GArray) total_times = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  int repeat = 5;
  int n_actors = 1000;
  gboolean redact = FALSE;
  SsrReportOptions options;
  Run run = { 0 };
  double total;
  const GOptionEntry entries[] = {
    { "repeat", 'n', 0, G_OPTION_ARG_INT, &repeat, "Repetitions (default: 5)", "N" },
    { "actors", 'a', 0, G_OPTION_ARG_INT, &n_actors, "Without FILE: actors of the generated assessment (default: 1000)", "N" },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact, "Write the redacted edition", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "[FILE]" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new ("[FILE]");
  g_option_context_set_summary (context,
                                "Times the PDF report of FILE, or of a generated assessment, and "
                                "prints the median wall times of the layout and of the writing "
                                "in ms, the pages and the pages per second.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-report: %s\n", error->message);
      return 2;
    }
  if ((files != NULL && g_strv_length (files) != 1) || repeat < 1 || n_actors < 1)
    {
      g_printerr ("bench-report: expected at most one FILE, --repeat and --actors of at least 1\n");
      return 2;
    }

  assessment = load_assessment (files ? files[0] : NULL, n_actors, &error);
  if (assessment != NULL)
    framework = ssr_framework_get_builtin (ssr_assessment_get_framework (assessment), &error);
  if (framework == NULL)
    {
      g_printerr ("bench-report: %s\n", error->message);
      return 1;
    }

  folder = g_dir_make_tmp ("ssr-bench-report-XXXXXX", &error);
  if (folder == NULL)
    {
      g_printerr ("bench-report: %s\n", error->message);
      return 1;
    }
  output = g_build_filename (folder, "report.pdf", NULL);

  ssr_report_options_init (&options);
  options.redact = redact;
  layout_times = g_array_new (FALSE, FALSE, sizeof (double));
  write_times = g_array_new (FALSE, FALSE, sizeof (double));
  total_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < repeat; i++)
    {
      if (!run_once (framework, assessment, &options, output, &run, &error))
        {
          g_printerr ("bench-report: %s\n", error->message);
          g_remove (output);
          g_rmdir (folder);
          return 1;
        }
      total = run.layout_ms + run.write_ms;
      g_array_append_val (layout_times, run.layout_ms);
      g_array_append_val (write_times, run.write_ms);
      g_array_append_val (total_times, total);
    }
  g_remove (output);
  g_rmdir (folder);

  total = bench_median (total_times);
  g_print ("# %s: %u actors; median of %d runs\n", files ? files[0] : "generated",
           g_list_model_get_n_items (ssr_assessment_get_actors (assessment)), repeat);
  g_print ("%-10s %10.2f ms   %s\n", "layout", bench_median (layout_times), "ssr_report_new");
  g_print ("%-10s %10.2f ms   %s\n", "write", bench_median (write_times), "ssr_report_write_pdf, atomic");
  g_print ("%-10s %10.2f ms\n", "total", total);
  g_print ("%-10s %10u\n", "pages", run.n_pages);
  g_print ("%-10s %10.1f\n", "pages/s", run.n_pages / (total / 1000.0));

  return 0;
}
