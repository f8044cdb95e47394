/* test-report-page.c: the report page and the window's exports, driven through their actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-item.h"
#include "ssr-picture.h"
#include "ssr-report-page.h"
#include "ssr-report.h"
#include "ssr-table-export.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"
#include "ssr-window-private.h"

#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 20)

static char *test_folder;

typedef SsrTestPage Fixture;

static SsrReportPage *
report_page (Fixture *fixture)
{
  return SSR_REPORT_PAGE (fixture->page);
}

/* Waits for the layout the page has under way, and returns its report. */
static SsrReport *
wait_for_report (Fixture *fixture)
{
  WAIT_UNTIL (ssr_report_page_get_report (report_page (fixture)) != NULL
              && !ssr_report_page_get_busy (report_page (fixture)));

  return ssr_report_page_get_report (report_page (fixture));
}

/* Activates @action and waits for the new layout it asks for. */
static SsrReport *
activate_and_wait (Fixture    *fixture,
                   const char *action,
                   GVariant   *parameter)
{
  SsrReport *before = ssr_report_page_get_report (report_page (fixture));

  g_assert_true (gtk_widget_activate_action_variant (fixture->page, action, parameter));
  g_assert_true (ssr_report_page_get_busy (report_page (fixture)));
  WAIT_UNTIL (ssr_report_page_get_report (report_page (fixture)) != before
              && !ssr_report_page_get_busy (report_page (fixture)));

  return ssr_report_page_get_report (report_page (fixture));
}

static void
fixture_open (Fixture *fixture)
{
  ssr_test_page_load (fixture, NULL);
  ssr_test_page_show (fixture, ssr_report_page_new (fixture->document, fixture->framework),
                      1200, 800);
  /* Every test starts from the same options, whatever the locale's paper. */
  g_object_set (fixture->page, "paper", "a4", NULL);
  wait_for_report (fixture);
}

/* The report laid out directly, with the page's options. (transfer full) */
static SsrReport *
direct_report (Fixture *fixture)
{
  SsrReportOptions options;

  ssr_report_page_get_options (report_page (fixture), &options);

  return ssr_report_new (fixture->framework, fixture->document, &options);
}

static guint
count_preview_rows (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (ssr_test_find_one (fixture->page, GTK_TYPE_LIST_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* The first page preview shown. */
static GdkPaintable *
first_preview (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (ssr_test_find_one (fixture->page, GTK_TYPE_LIST_VIEW));
  GtkWidget *picture;

  WAIT_UNTIL ((picture = ssr_test_find_first (GTK_WIDGET (list), GTK_TYPE_PICTURE)) != NULL
              && gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL);

  return gtk_picture_get_paintable (GTK_PICTURE (picture));
}

/* Page @page of @report drawn at half size. (transfer full) */
static cairo_surface_t *
draw_page_image (SsrReport *report,
                 guint      page)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  ssr_report_get_page_size (report, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width / 2), (int) (height / 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  ssr_report_draw_page (report, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
same_page (SsrReport *a,
           SsrReport *b,
           guint      page)
{
  cairo_surface_t *image_a = draw_page_image (a, page);
  cairo_surface_t *image_b = draw_page_image (b, page);
  gsize size = (gsize) cairo_image_surface_get_stride (image_a)
               * (gsize) cairo_image_surface_get_height (image_a);
  gboolean same;

  g_assert_cmpint (cairo_image_surface_get_height (image_a), ==, cairo_image_surface_get_height (image_b));
  same = memcmp (cairo_image_surface_get_data (image_a), cairo_image_surface_get_data (image_b), size) == 0;
  cairo_surface_destroy (image_a);
  cairo_surface_destroy (image_b);

  return same;
}

static gboolean
label_starts_with (GtkWidget     *label,
                   gconstpointer  prefix)
{
  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), prefix);
}

/* The number of pages of the PDF file @path, as pdfinfo reads it, or 0
 * when pdfinfo is not installed. */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status = 0;

  if (pdfinfo == NULL)
    return 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  line = strstr (output, "\nPages:");
  g_assert_nonnull (line);

  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static void
assert_file_starts_with (const char *path,
                         const char *signature,
                         gsize       length)
{
  g_autoptr(GBytes) contents = ssr_test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (contents), >, length);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), length, signature, length);
}

static void
test_previews_every_page (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrReport) expected = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  SsrReport *report;
  GtkAdjustment *adjustment;
  GtkWidget *scroller;
  GtkWidget *position;
  GdkPaintable *preview;
  double width, height;
  guint n_pages;

  fixture_open (&fixture);
  report = ssr_report_page_get_report (report_page (&fixture));
  expected = direct_report (&fixture);
  n_pages = ssr_report_get_n_pages (report);

  /* The preview is the report as it is written: every page, in A4 */
  g_assert_cmpuint (n_pages, >, 5);
  g_assert_cmpuint (n_pages, ==, ssr_report_get_n_pages (expected));
  g_assert_cmpuint (count_preview_rows (&fixture), ==, n_pages);
  g_assert_true (same_page (report, expected, 0));
  g_assert_true (same_page (report, expected, n_pages - 1));

  ssr_report_get_page_size (report, &width, &height);
  preview = first_preview (&fixture);
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (preview),
                                  width / height, 0.001);

  /* "Page X of Y" follows the scrolling */
  position = ssr_test_find_passing (fixture.page, GTK_TYPE_LABEL, label_starts_with, "Page ");
  g_assert_nonnull (position);
  first = g_strdup_printf ("Page 1 of %u", n_pages);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (position)), ==, first);
  scroller = gtk_widget_get_ancestor (ssr_test_find_one (fixture.page, GTK_TYPE_LIST_VIEW),
                                      GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  /* rows as tall as their pages, so the list is many pages tall */
  WAIT_UNTIL (gtk_adjustment_get_upper (adjustment)
              > (n_pages - 1) * gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  WAIT_UNTIL (g_strcmp0 (gtk_label_get_label (GTK_LABEL (position)), last) == 0);

  g_clear_object (&expected);
  ssr_test_page_close (&fixture);
}

static void
test_redaction (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrReport) full = NULL;
  g_autoptr(SsrReport) expected = NULL;
  GtkWidget *redact_switch;
  GtkWidget *redact_row;
  SsrReport *redacted;

  fixture_open (&fixture);
  full = g_object_ref (ssr_report_page_get_report (report_page (&fixture)));
  redact_switch = ssr_test_find_one (fixture.page, GTK_TYPE_SWITCH);
  redact_row = ssr_test_find_row (fixture.page, ADW_TYPE_ACTION_ROW, "Redacted edition");
  g_assert_nonnull (redact_row);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (redact_switch)));
  /* the worked example marks three items sensitive */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (redact_row)), ==,
                   "Leave out the 3 items marked sensitive");

  redacted = activate_and_wait (&fixture, "report.redact", NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (redact_switch)));
  expected = direct_report (&fixture);

  /* the cover says the report is redacted: it is the redacted report's cover */
  g_assert_cmpuint (ssr_report_get_n_pages (redacted), ==, ssr_report_get_n_pages (expected));
  g_assert_true (same_page (redacted, expected, 0));
  g_assert_false (same_page (redacted, full, 0));
  g_assert_cmpuint (count_preview_rows (&fixture), ==, ssr_report_get_n_pages (redacted));

  /* a fourth sensitive item counts, and lays the report out again */
  {
    g_autoptr(SsrActor) actor = g_list_model_get_item (ssr_assessment_get_actors (fixture.document), 0);
    SsrReport *before = redacted;

    g_assert_false (ssr_actor_get_sensitive (actor));
    ssr_assessment_set (fixture.document, actor, "sensitive", TRUE, NULL);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (redact_row)), ==,
                     "Leave out the 4 items marked sensitive");
    g_assert_true (ssr_report_page_get_busy (report_page (&fixture)));
    WAIT_UNTIL (ssr_report_page_get_report (report_page (&fixture)) != before
                && !ssr_report_page_get_busy (report_page (&fixture)));
    g_clear_object (&expected);
    expected = direct_report (&fixture);
    g_assert_true (same_page (ssr_report_page_get_report (report_page (&fixture)), expected, 0));
    g_assert_false (same_page (ssr_report_page_get_report (report_page (&fixture)), full, 0));
  }

  ssr_history_undo (ssr_assessment_get_history (fixture.document));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (redact_row)), ==,
                   "Leave out the 3 items marked sensitive");

  g_clear_object (&expected);
  g_clear_object (&full);
  ssr_test_page_close (&fixture);
}

static void
test_paper (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GVariant) letter = g_variant_ref_sink (g_variant_new_string ("letter"));
  g_autoptr(GVariant) a4 = g_variant_ref_sink (g_variant_new_string ("a4"));
  g_autoptr(SsrReport) expected = NULL;
  g_autofree char *paper = NULL;
  GtkWidget *letter_row;
  GtkWidget *letter_check;
  SsrReport *report;
  double width, height;

  fixture_open (&fixture);
  ssr_report_get_page_size (ssr_report_page_get_report (report_page (&fixture)), &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);

  report = activate_and_wait (&fixture, "report.paper", letter);
  g_object_get (fixture.page, "paper", &paper, NULL);
  g_assert_cmpstr (paper, ==, "letter");
  ssr_report_get_page_size (report, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
  expected = direct_report (&fixture);
  g_assert_cmpuint (ssr_report_get_n_pages (report), ==, ssr_report_get_n_pages (expected));
  g_assert_cmpuint (count_preview_rows (&fixture), ==, ssr_report_get_n_pages (report));
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (first_preview (&fixture)),
                                  612.0 / 792.0, 0.001);

  /* the radio row shows the paper chosen */
  letter_row = ssr_test_find_row (fixture.page, ADW_TYPE_ACTION_ROW, "US Letter");
  g_assert_nonnull (letter_row);
  letter_check = ssr_test_find_first (letter_row, GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (letter_check)));

  report = activate_and_wait (&fixture, "report.paper", a4);
  ssr_report_get_page_size (report, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (letter_check)));

  g_clear_object (&expected);
  ssr_test_page_close (&fixture);
}

static void
test_sections (void)
{
  Fixture fixture = { 0 };
  g_autoptr(SsrReport) expected = NULL;
  SsrReportOptions options;
  guint n_all;
  SsrReport *report;
  GtkWidget *maps_row;
  GtkWidget *maps_check;

  fixture_open (&fixture);
  n_all = ssr_report_get_n_pages (ssr_report_page_get_report (report_page (&fixture)));
  maps_row = ssr_test_find_row (fixture.page, ADW_TYPE_ACTION_ROW, "Maps and diagrams");
  g_assert_nonnull (maps_row);
  maps_check = ssr_test_find_first (maps_row, GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (maps_check)));

  report = activate_and_wait (&fixture, "report.section-maps", NULL);
  report = activate_and_wait (&fixture, "report.section-sources", NULL);
  ssr_report_page_get_options (report_page (&fixture), &options);
  g_assert_cmpint (options.sections, ==, SSR_REPORT_ALL & ~(SSR_REPORT_MAPS | SSR_REPORT_SOURCES));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (maps_check)));

  expected = direct_report (&fixture);
  g_assert_cmpuint (ssr_report_get_n_pages (report), <, n_all);
  g_assert_cmpuint (ssr_report_get_n_pages (report), ==, ssr_report_get_n_pages (expected));
  g_assert_cmpuint (count_preview_rows (&fixture), ==, ssr_report_get_n_pages (report));
  /* the contents page lists the sections left */
  g_assert_true (same_page (report, expected, 1));

  report = activate_and_wait (&fixture, "report.section-maps", NULL);
  report = activate_and_wait (&fixture, "report.section-sources", NULL);
  g_assert_cmpuint (ssr_report_get_n_pages (report), ==, n_all);

  g_clear_object (&expected);
  ssr_test_page_close (&fixture);
}

/* Changes come in bursts: one layout follows a burst, and the preview
 * follows edits, undo and redo. */
static void
test_follows_document (void)
{
  Fixture fixture = { 0 };
  SsrHistory *history;
  SsrReport *before;
  g_autoptr(SsrReport) expected = NULL;
  guint n_reports = 0;

  fixture_open (&fixture);
  history = ssr_assessment_get_history (fixture.document);
  before = ssr_report_page_get_report (report_page (&fixture));
  g_signal_connect_swapped (fixture.page, "notify::report",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_reports);

  ssr_assessment_set (fixture.document, fixture.document, "title", "First", NULL);
  ssr_assessment_set (fixture.document, fixture.document, "title", "Second title of the review", NULL);
  g_assert_true (ssr_report_page_get_busy (report_page (&fixture)));
  WAIT_UNTIL (!ssr_report_page_get_busy (report_page (&fixture)));
  g_assert_cmpuint (n_reports, ==, 1);
  g_assert_true (ssr_report_page_get_report (report_page (&fixture)) != before);
  expected = direct_report (&fixture);
  g_assert_true (same_page (ssr_report_page_get_report (report_page (&fixture)), expected, 0));

  ssr_history_undo (history);
  ssr_history_undo (history);
  WAIT_UNTIL (!ssr_report_page_get_busy (report_page (&fixture)));
  g_assert_cmpuint (n_reports, ==, 2);
  g_clear_object (&expected);
  expected = direct_report (&fixture);
  g_assert_true (same_page (ssr_report_page_get_report (report_page (&fixture)), expected, 0));

  /* hidden, the page waits; shown again, it catches up at once */
  gtk_widget_set_visible (fixture.page, FALSE);
  ssr_history_redo (history);
  g_assert_true (ssr_report_page_get_busy (report_page (&fixture)));
  g_usleep (G_USEC_PER_SEC / 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_reports, ==, 2);
  gtk_widget_set_visible (fixture.page, TRUE);
  WAIT_UNTIL (!ssr_report_page_get_busy (report_page (&fixture)));
  g_assert_cmpuint (n_reports, ==, 3);

  g_signal_handlers_disconnect_by_func (fixture.page, ssr_test_count_emission_cb, &n_reports);
  g_clear_object (&expected);
  ssr_test_page_close (&fixture);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!ssr_report_page_export_finish (SSR_REPORT_PAGE (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_export_pdf (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = g_build_filename (test_folder, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (test_folder, "no-such-folder", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) outcome = NULL;
  guint n_pages;
  guint n_written;

  fixture_open (&fixture);
  activate_and_wait (&fixture, "report.redact", NULL);
  n_pages = ssr_report_get_n_pages (ssr_report_page_get_report (report_page (&fixture)));

  ssr_report_page_export_async (report_page (&fixture), file, NULL, export_done_cb, &outcome);
  WAIT_UNTIL (outcome != NULL);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_file_starts_with (path, "%PDF-", 5);
  n_written = count_pdf_pages (path);
  if (n_written == 0)
    g_test_message ("pdfinfo is not installed: the page count is not checked");
  else
    g_assert_cmpuint (n_written, ==, n_pages);

  /* a folder that is not there: an error, and no file */
  g_clear_error (&outcome);
  ssr_report_page_export_async (report_page (&fixture), missing_file, NULL, export_done_cb, &outcome);
  WAIT_UNTIL (outcome != NULL);
  g_assert_false (g_error_matches (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  ssr_test_page_close (&fixture);
}

static void
test_print (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = g_build_filename (test_folder, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) letter = g_variant_ref_sink (g_variant_new_string ("letter"));
  GtkPrintOperationResult result;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  SsrReport *report;
  guint n_written;

  fixture_open (&fixture);
  report = activate_and_wait (&fixture, "report.paper", letter);

  operation = ssr_report_page_create_print_operation (report_page (&fixture));
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  assert_file_starts_with (path, "%PDF-", 5);
  n_written = count_pdf_pages (path);
  if (n_written == 0)
    {
      g_test_message ("pdfinfo is not installed: the page count is not checked");
    }
  else
    {
      g_assert_cmpuint (n_written, ==, ssr_report_get_n_pages (report));
      /* on the paper of the report */
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, &info, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (info, "612 x 792 pts"));
    }

  ssr_test_page_close (&fixture);
}

static void
test_accessible_options (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) checks = NULL;

  fixture_open (&fixture);
  /* two papers and twelve sections, each check named for screen readers */
  checks = ssr_test_find_all (fixture.page, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 14);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

      g_assert_nonnull (row);
      g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == check);
      g_assert_nonnull (gtk_actionable_get_action_name (GTK_ACTIONABLE (check)));
    }

  ssr_test_page_close (&fixture);
}

/* The window's Export menu */

typedef struct
{
  gboolean  done;
  GError   *error;
} ExportOutcome;

static void
window_export_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ExportOutcome *outcome = user_data;

  _ssr_window_export_finish (SSR_WINDOW (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
window_export (SsrWindow       *window,
               SsrWindowExport  kind,
               const char      *name,
               const char      *path,
               gboolean         redact)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ExportOutcome outcome = { 0 };

  _ssr_window_export_async (window, kind, name, file, redact, window_export_done_cb, &outcome);
  WAIT_UNTIL (outcome.done);
  g_assert_no_error (outcome.error);
}

static SsrWindow *
create_window_with_example (void)
{
  SsrWindow *window = ssr_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  WAIT_UNTIL (ssr_window_get_document (window) != NULL);

  return window;
}

static void
destroy_window (SsrWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

static void
test_window_exports (void)
{
  static const struct {
    const char *picture;
    const char *suffix;
    const char *signature;
  } pictures[] = {
    { "sector-map", "svg", "<?xml" },
    { "coordination", "png", "\x89PNG" },
    { "phases", "pdf", "%PDF-" },
    { "dimensions", "svg", "<?xml" },
    { "who-does-what", "png", "\x89PNG" },
  };
  SsrWindow *window = create_window_with_example ();
  g_autofree char *folder = g_build_filename (test_folder, "exports", NULL);
  const char * const *tables = ssr_table_export_get_tables ();
  SsrAssessment *document = ssr_window_get_document (window);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autofree char *name = g_strconcat (pictures[i].picture, ".", pictures[i].suffix, NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      window_export (window, SSR_WINDOW_EXPORT_PICTURE, pictures[i].picture, path, FALSE);
      assert_file_starts_with (path, pictures[i].signature, strlen (pictures[i].signature));
    }

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (tables[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *written = NULL;

      window_export (window, SSR_WINDOW_EXPORT_TABLE, tables[i], path, TRUE);
      /* the table of the document, redacted as asked */
      g_assert_true (ssr_table_export_csv (document, window->framework, tables[i], TRUE, expected, &error));
      g_assert_no_error (error);
      written = ssr_test_read_text (path);
      g_assert_cmpstr (written, ==, expected->str);
    }

  {
    g_autofree char *path = g_build_filename (folder, "graph.graphml", NULL);
    g_autofree char *graphml = NULL;
    g_autoptr(SsrActor) actor = g_list_model_get_item (ssr_assessment_get_actors (document), 0);
    g_autofree char *node = g_strdup_printf ("<node id=\"%s\"", ssr_item_get_id (SSR_ITEM (actor)));

    window_export (window, SSR_WINDOW_EXPORT_GRAPHML, NULL, path, FALSE);
    graphml = ssr_test_read_text (path);
    g_assert_true (g_str_has_prefix (graphml, "<?xml"));
    g_assert_nonnull (strstr (graphml, "<graphml"));
    g_assert_nonnull (strstr (graphml, node));
    /* every actor has a place, set by hand or by the automatic layout */
    g_assert_nonnull (strstr (graphml, "key=\"x\""));
  }

  /* an unknown picture is an error, and writes nothing */
  {
    g_autofree char *path = g_build_filename (folder, "nothing.svg", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    ExportOutcome outcome = { 0 };

    _ssr_window_export_async (window, SSR_WINDOW_EXPORT_PICTURE, "no-such-picture", file, FALSE,
                              window_export_done_cb, &outcome);
    WAIT_UNTIL (outcome.done);
    g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&outcome.error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* win.export-report shows the report page */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL));
  g_assert_cmpstr (ssr_window_get_page (window), ==, "report");
  g_assert_true (SSR_IS_REPORT_PAGE (gtk_stack_get_visible_child (window->page_stack)));
  WAIT_UNTIL (!ssr_report_page_get_busy (SSR_REPORT_PAGE (gtk_stack_get_visible_child (window->page_stack))));

  destroy_window (window);
}

static guint
count_toplevels (void)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ());
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window))
        return window;
    }

  return NULL;
}

/* The Export menu's path as a person takes it: the chooser proposes a
 * name, the person types one without a suffix and accepts. */
static void
test_window_export_chooser (void)
{
  SsrWindow *window = create_window_with_example ();
  g_autoptr(GVariant) picture = g_variant_ref_sink (g_variant_new_string ("sector-map"));
  g_autofree char *folder = g_build_filename (test_folder, "chosen", NULL);
  g_autofree char *expected = g_build_filename (folder, "map.svg", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *proposed = NULL;
  GtkWindow *chooser;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.export-picture", picture));
  WAIT_UNTIL ((chooser = find_file_chooser ()) != NULL);

  proposed = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_str_has_suffix (proposed, " - Security sector map.svg"));

  /* the chooser lists its first folder before it is given another */
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (G_USEC_PER_SEC / 10);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder_file, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "map");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  WAIT_UNTIL (g_file_test (expected, G_FILE_TEST_EXISTS));
  assert_file_starts_with (expected, "<?xml", 5);

  destroy_window (window);
}

static void
test_window_export_actions_need_document (void)
{
  SsrWindow *window = ssr_window_new (NULL);
  g_autoptr(GVariant) table = g_variant_ref_sink (g_variant_new_string ("actors"));
  guint n_toplevels;

  gtk_window_present (GTK_WINDOW (window));
  n_toplevels = count_toplevels ();

  /* without a document, nothing to export: no chooser comes up */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-graphml", NULL);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.export-table", table);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_toplevels (), ==, n_toplevels);
  g_assert_null (ssr_window_get_page (window));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_folder = ssr_test_make_folder ("report-page");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/report-page/previews-every-page", test_previews_every_page);
  g_test_add_func ("/ui/report-page/redaction", test_redaction);
  g_test_add_func ("/ui/report-page/paper", test_paper);
  g_test_add_func ("/ui/report-page/sections", test_sections);
  g_test_add_func ("/ui/report-page/follows-document", test_follows_document);
  g_test_add_func ("/ui/report-page/export-pdf", test_export_pdf);
  g_test_add_func ("/ui/report-page/print", test_print);
  g_test_add_func ("/ui/report-page/accessible-options", test_accessible_options);
  g_test_add_func ("/ui/window/exports", test_window_exports);
  g_test_add_func ("/ui/window/export-chooser", test_window_export_chooser);
  g_test_add_func ("/ui/window/export-actions-need-document", test_window_export_actions_need_document);

  status = g_test_run ();

  ssr_test_remove_tree (test_folder);
  g_free (test_folder);

  return status;
}
