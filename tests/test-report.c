/* test-report.c: the PDF report, checked through poppler's command-line tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-report.h"

static char *tmp_dir;

/*
 * Runs a poppler tool and returns its standard output; NULL, with the test
 * skipped, when the tool is not installed.
 */
static char *
run_tool (const char *tool,
          ...)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  int status;
  va_list args;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", tool);

      g_test_skip (message);
      return NULL;
    }

  g_ptr_array_add (argv, program);
  va_start (args, tool);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  if (error != NULL)
    g_test_message ("%s: %s", tool, err);
  g_assert_no_error (error);

  return out;
}

/* The value of "Key:" in pdfinfo's output. */
static char *
pdfinfo_field (const char *info,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", key);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));

  return NULL;
}

/* @text without any whitespace, so that words wrapped apart still match. */
static char *
squeeze (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (squeezed, c);
    }

  return g_string_free (squeezed, FALSE);
}

static gboolean
text_contains (const char *text,
               const char *needle)
{
  g_autofree char *haystack = squeeze (text);
  g_autofree char *squeezed = squeeze (needle);

  return strstr (haystack, squeezed) != NULL;
}

static SsrAssessment *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SSR_SAMPLES"), "norvalia.ssra", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SsrAssessment *assessment = ssr_assessment_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  return assessment;
}

static SsrFramework *
framework_of (SsrAssessment *assessment)
{
  g_autoptr(GError) error = NULL;
  SsrFramework *framework = ssr_framework_get_builtin (ssr_assessment_get_framework (assessment), &error);

  g_assert_no_error (error);

  return framework;
}

/* The report of an empty assessment, with the default options. */
static SsrReport *
empty_report (void)
{
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, NULL);
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  SsrReportOptions options;

  ssr_report_options_init (&options);

  return ssr_report_new (framework, assessment, &options);
}

/* Writes the report of @assessment to a new file under the test folder. */
static char *
write_report (SsrAssessment          *assessment,
              const SsrReportOptions *options,
              const char             *name,
              guint                  *n_pages)
{
  g_autoptr(SsrFramework) framework = framework_of (assessment);
  g_autoptr(SsrReport) report = ssr_report_new (framework, assessment, options);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (ssr_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = ssr_report_get_n_pages (report);

  return path;
}

static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);

  if (page == 0)
    return run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);

  return run_tool ("pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL);
}

static void
test_report_pages_and_title (void)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *title = NULL;
  SsrReportOptions options;
  guint n_pages;

  ssr_report_options_init (&options);
  path = write_report (assessment, &options, "pages.pdf", &n_pages);
  info = run_tool ("pdfinfo", path, NULL);
  if (info == NULL)
    return;

  /* Cover, contents and a page per section at least. */
  g_assert_cmpuint (n_pages, >=, 12);
  pages = pdfinfo_field (info, "Pages");
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==, n_pages);

  title = pdfinfo_field (info, "Title");
  g_assert_cmpstr (title, ==, ssr_assessment_get_title (assessment));
}

static void
test_report_marking_on_every_page (void)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  const char *classification = ssr_assessment_get_classification (assessment);
  g_autofree char *path = NULL;
  SsrReportOptions options;
  guint n_pages;

  g_assert_nonnull (classification);
  g_assert_cmpstr (classification, !=, "");

  ssr_report_options_init (&options);
  path = write_report (assessment, &options, "marking.pdf", &n_pages);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      g_autofree char *numbering = g_strdup_printf ("Page %u of %u", page, n_pages);
      char *first;

      if (text == NULL)
        return;

      /* In the header and again in the footer. */
      first = strstr (text, classification);
      g_assert_nonnull (first);
      g_assert_nonnull (strstr (first + strlen (classification), classification));
      g_assert_true (text_contains (text, numbering));
    }
}

static void
test_report_contents_page_numbers (void)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autoptr(GRegex) line = g_regex_new ("^\\s*([0-9]+)\\s+(.+?)\\s+([0-9]+)\\s*$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  SsrReportOptions options;
  guint n_pages, n_sections = 0;

  ssr_report_options_init (&options);
  path = write_report (assessment, &options, "contents.pdf", &n_pages);
  /* The cover is page 1, the contents page 2. */
  contents = run_tool ("pdftotext", "-layout", "-f", "2", "-l", "2", path, "-", NULL);
  if (contents == NULL)
    return;

  /* Each numbered section: its heading is on the page the contents give. */
  g_regex_match (line, contents, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *title = g_match_info_fetch (match, 2);
      g_autofree char *page = g_match_info_fetch (match, 3);
      g_autofree char *heading = g_strdup_printf ("%s %s", number, title);
      guint64 page_number = g_ascii_strtoull (page, NULL, 10);
      g_autofree char *text = NULL;

      g_assert_cmpuint (page_number, >, 2);
      g_assert_cmpuint (page_number, <=, n_pages);
      text = pdf_text (path, page_number);
      if (!text_contains (text, heading))
        g_test_message ("“%s” is not on page %s", heading, page);
      g_assert_true (text_contains (text, heading));
      n_sections++;
      g_match_info_next (match, NULL);
    }

  g_assert_cmpuint (n_sections, ==, 10);
}

static void
test_report_without_marking (void)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  const char *classification = ssr_assessment_get_classification (assessment);
  g_autofree char *marking = g_strdup (classification);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SsrReportOptions options;

  g_object_set (assessment, "classification", NULL, NULL);
  ssr_report_options_init (&options);
  options.sections = SSR_REPORT_COVER | SSR_REPORT_CONTEXT;
  path = write_report (assessment, &options, "unmarked.pdf", NULL);
  text = pdf_text (path, 0);
  if (text == NULL)
    return;

  g_assert_null (strstr (text, marking));
  g_assert_true (text_contains (text, "Page 1 of"));
}

static void
test_report_names_every_actor (void)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  GListModel *actors = ssr_assessment_get_actors (assessment);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SsrReportOptions options;

  g_assert_cmpuint (g_list_model_get_n_items (actors), >, 0);

  ssr_report_options_init (&options);
  path = write_report (assessment, &options, "actors.pdf", NULL);
  text = pdf_text (path, 0);
  if (text == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);

      gboolean found = text_contains (text, ssr_actor_get_name (actor));

      if (!found)
        g_test_message ("“%s” is missing from the report", ssr_actor_get_name (actor));
      g_assert_true (found);
    }
}

/* The sample marks items sensitive; should it ever stop, mark some here. */
static guint
count_sensitive (SsrAssessment *assessment)
{
  GListModel *actors = ssr_assessment_get_actors (assessment);
  GListModel *findings = ssr_assessment_get_findings (assessment);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);

      n += ssr_actor_get_sensitive (actor);
    }
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);

      n += ssr_finding_get_sensitive (finding);
    }

  return n;
}

static void
ensure_sensitive_items (SsrAssessment *assessment)
{
  g_autoptr(SsrActor) actor = NULL;
  g_autoptr(SsrFinding) finding = NULL;

  if (count_sensitive (assessment) > 0)
    return;

  actor = g_list_model_get_item (ssr_assessment_get_actors (assessment), 0);
  finding = g_list_model_get_item (ssr_assessment_get_findings (assessment), 0);
  g_assert_nonnull (actor);
  g_assert_nonnull (finding);
  g_object_set (actor, "sensitive", TRUE, NULL);
  g_object_set (finding, "sensitive", TRUE, NULL);
}

static void
test_report_redacted (void)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  GListModel *actors = ssr_assessment_get_actors (assessment);
  GListModel *findings = ssr_assessment_get_findings (assessment);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *notice = NULL;
  SsrReportOptions options;
  guint n_hidden = 0, n_shown = 0;

  ensure_sensitive_items (assessment);

  ssr_report_options_init (&options);
  options.redact = TRUE;
  path = write_report (assessment, &options, "redacted.pdf", NULL);
  text = pdf_text (path, 0);
  cover = pdf_text (path, 1);
  if (text == NULL || cover == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      gboolean found = text_contains (text, ssr_actor_get_name (actor));

      if (ssr_actor_get_sensitive (actor) && found)
        g_test_message ("the sensitive actor “%s” is in the redacted report", ssr_actor_get_name (actor));
      g_assert_false (ssr_actor_get_sensitive (actor) && found);
      n_hidden += ssr_actor_get_sensitive (actor);
      n_shown += found;
    }
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);
      gboolean leaked = ssr_finding_get_sensitive (finding) &&
                        text_contains (text, ssr_finding_get_title (finding));

      if (leaked)
        g_test_message ("the sensitive finding “%s” is in the redacted report", ssr_finding_get_title (finding));
      g_assert_false (leaked);
      n_hidden += ssr_finding_get_sensitive (finding);
    }

  /* What is not sensitive is still there. */
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_hidden, >, 0);
  notice = g_strdup_printf (n_hidden == 1 ? "%u item marked sensitive was left out"
                                          : "%u items marked sensitive were left out", n_hidden);
  g_assert_true (text_contains (cover, notice));
}

static void
assert_page_size (SsrPaper    paper,
                  const char *expected)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  SsrReportOptions options;

  ssr_report_options_init (&options);
  options.paper = paper;
  options.sections = SSR_REPORT_COVER | SSR_REPORT_SUMMARY;
  path = write_report (assessment, &options, "paper.pdf", NULL);
  info = run_tool ("pdfinfo", path, NULL);
  if (info == NULL)
    return;

  size = pdfinfo_field (info, "Page size");
  g_assert_cmpstr (size, ==, expected);
}

static void
test_report_paper_sizes (void)
{
  assert_page_size (SSR_PAPER_A4, "595.276 x 841.89 pts (A4)");
  assert_page_size (SSR_PAPER_LETTER, "612 x 792 pts (letter)");
}

static void
test_report_fonts_embedded (void)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  SsrReportOptions options;
  guint n_fonts = 0;
  int emb_column = -1;

  ssr_report_options_init (&options);
  path = write_report (assessment, &options, "fonts.pdf", NULL);
  fonts = run_tool ("pdffonts", path, NULL);
  if (fonts == NULL)
    return;

  /* A header line names the columns, a line of dashes sets their widths. */
  lines = g_strsplit (fonts, "\n", -1);
  g_assert_nonnull (lines[0]);
  emb_column = strstr (lines[0], "emb") - lines[0];
  g_assert_cmpint (emb_column, >, 0);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_cmpint (strlen (lines[i]), >, emb_column + 3);
      g_assert_true (g_str_has_prefix (lines[i] + emb_column, "yes"));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_report_long_name (void)
{
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, NULL);
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrActor) actor = ssr_actor_new (NULL);
  g_autoptr(SsrReport) report = NULL;
  g_autoptr(GString) name = g_string_new ("Directorate-General for the Oversight of ");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "long-name.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  SsrReportOptions options;

  /* Words, then a run without any place to break. */
  while (name->len < 180)
    g_string_append (name, "Provincial Police ");
  while (name->len < 300)
    g_string_append_c (name, 'A' + name->len % 26);
  g_assert_cmpuint (name->len, ==, 300);

  g_object_set (assessment, "framework", SSR_DEFAULT_FRAMEWORK, "title", "Tiny", NULL);
  g_object_set (actor, "name", name->str, "category", "core-security", NULL);
  g_assert_true (ssr_assessment_append (assessment, SSR_ITEM (actor), &error));
  g_assert_no_error (error);

  ssr_report_options_init (&options);
  report = ssr_report_new (framework, assessment, &options);
  g_assert_true (ssr_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  info = run_tool ("pdfinfo", path, NULL);
  text = pdf_text (path, 0);
  if (info == NULL || text == NULL)
    return;
  g_assert_true (text_contains (text, name->str));
}

static void
test_report_missing_folder (void)
{
  g_autoptr(SsrReport) report = empty_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_build_filename (tmp_dir, "empty", NULL);
  g_autofree char *folder = g_build_filename (parent, "missing", NULL);
  g_autofree char *path = g_build_filename (folder, "report.pdf", NULL);
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (g_mkdir (parent, 0700), ==, 0);

  g_assert_false (ssr_report_write_pdf (report, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  dir = g_dir_open (parent, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  g_rmdir (parent);
}

static void
test_report_replaces_atomically (void)
{
  g_autoptr(SsrReport) report = empty_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (tmp_dir, "replace", NULL);
  g_autofree char *path = g_build_filename (folder, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  g_assert_true (ssr_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* No temporary file is left beside it. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "report.pdf");
  g_assert_null (g_dir_read_name (dir));
}

static void
test_report_sections_from_string (void)
{
  g_autoptr(GError) error = NULL;
  SsrReportSections sections = 0;

  g_assert_true (ssr_report_sections_from_string ("cover, summary,actors", &sections, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sections, ==, SSR_REPORT_COVER | SSR_REPORT_SUMMARY | SSR_REPORT_ACTORS);

  g_assert_true (ssr_report_sections_from_string ("all", &sections, &error));
  g_assert_cmpint (sections, ==, SSR_REPORT_ALL);

  sections = SSR_REPORT_COVER;
  g_assert_false (ssr_report_sections_from_string ("summary,swot", &sections, &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "swot"));
  g_assert_cmpint (sections, ==, SSR_REPORT_COVER);
  g_clear_error (&error);

  g_assert_false (ssr_report_sections_from_string (" , ", &sections, &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_INVALID);
}

static void
test_report_sections_choose_pages (void)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autoptr(SsrFramework) framework = framework_of (assessment);
  g_autoptr(SsrReport) full = NULL;
  g_autoptr(SsrReport) summary = NULL;
  SsrReportOptions options;

  ssr_report_options_init (&options);
  full = ssr_report_new (framework, assessment, &options);
  options.sections = SSR_REPORT_SUMMARY;
  summary = ssr_report_new (framework, assessment, &options);

  g_assert_cmpuint (ssr_report_get_n_pages (summary), >=, 1);
  g_assert_cmpuint (ssr_report_get_n_pages (summary), <, ssr_report_get_n_pages (full));
}

/*
 * Runs the calling test again in a subprocess whose messages are in
 * @language, from the catalogues of the build; TRUE in that subprocess,
 * which does the test's work.
 */
static gboolean
in_language (const char *language)
{
  if (g_test_subprocess ())
    {
      g_autofree char *locale_folder = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      /* glibc follows LANGUAGE unless the locale is "C" */
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      bindtextdomain (GETTEXT_PACKAGE, locale_folder);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      return TRUE;
    }

  /* the subprocess inherits it */
  g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();

  return FALSE;
}

/* A stance is a word, not broken over two lines in its narrow column,
 * even in Spanish ("Saboteador"), which is longer than the English. */
static void
test_report_stance_words_whole (void)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  SsrReportOptions options;

  if (!in_language ("es"))
    return;

  assessment = load_sample ();
  ssr_report_options_init (&options);
  path = write_report (assessment, &options, "stance-es.pdf", NULL);
  text = pdf_text (path, 0);
  if (text == NULL)
    return;

  /* the report is in Spanish, and a spoiler's row starts with the whole word */
  g_assert_true (text_contains (text, "Postura"));
  g_assert_nonnull (strstr (text, "\nSaboteador "));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (lines[i], "Sabotead") && !g_str_has_prefix (lines[i], "Saboteador"));
}

/* Dates are in the language of the messages, not in that of LC_TIME (the
 * C locale here): "2 mars 2026", not "2 March 2026". */
static void
test_report_dates_in_language (void)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SsrReportOptions options;

  if (!in_language ("fr"))
    return;

  assessment = load_sample ();
  ssr_report_options_init (&options);
  path = write_report (assessment, &options, "dates-fr.pdf", NULL);
  text = pdf_text (path, 0);
  if (text == NULL)
    return;

  g_assert_true (text_contains (text, "2 mars 2026"));
  g_assert_true (text_contains (text, "27 novembre 2026"));
  g_assert_false (text_contains (text, "2 March 2026"));
  g_assert_false (text_contains (text, "27 November 2026"));
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *inner = g_build_filename (path, "report.pdf", NULL);

          g_unlink (inner);
          g_rmdir (path);
        }
      else
        g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/report/pages-and-title", test_report_pages_and_title);
  g_test_add_func ("/render/report/marking-on-every-page", test_report_marking_on_every_page);
  g_test_add_func ("/render/report/contents-page-numbers", test_report_contents_page_numbers);
  g_test_add_func ("/render/report/without-marking", test_report_without_marking);
  g_test_add_func ("/render/report/names-every-actor", test_report_names_every_actor);
  g_test_add_func ("/render/report/redacted", test_report_redacted);
  g_test_add_func ("/render/report/paper-sizes", test_report_paper_sizes);
  g_test_add_func ("/render/report/fonts-embedded", test_report_fonts_embedded);
  g_test_add_func ("/render/report/long-name", test_report_long_name);
  g_test_add_func ("/render/report/missing-folder", test_report_missing_folder);
  g_test_add_func ("/render/report/replaces-atomically", test_report_replaces_atomically);
  g_test_add_func ("/render/report/sections-from-string", test_report_sections_from_string);
  g_test_add_func ("/render/report/sections-choose-pages", test_report_sections_choose_pages);
  g_test_add_func ("/render/report/stance-words-whole", test_report_stance_words_whole);
  g_test_add_func ("/render/report/dates-in-language", test_report_dates_in_language);

  status = g_test_run ();

  remove_tmp_dir ();
  g_free (tmp_dir);

  return status;
}
