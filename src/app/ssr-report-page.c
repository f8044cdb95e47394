/* ssr-report-page.c: the report's options, a preview of its pages, PDF export and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-report-page"

#include "config.h"

#include "ssr-report-page.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ssr-actor.h"
#include "ssr-finding.h"
#include "ssr-window-private.h"
#include "ssr-xml.h"

/*
 * Layout runs in a worker thread on a private copy of the document: the
 * document is written to bytes (a millisecond or two for the worked
 * example, about 20 ms for 1,000 actors) and read back in the thread,
 * where ssr_report_new () then takes 50–100 ms for the worked example
 * and 250–350 ms for 1,000 actors. An SsrAssessment is not thread-safe;
 * the copy is read by nobody else. The report keeps the Pango font map
 * it measured with and draws with it later, on the main thread: each
 * layout gets a font map of its own so that no two threads ever share
 * one.
 */

/* Changes closer together than this are laid out once. */
#define LAYOUT_DELAY_MS 250
/* The widest a page of the preview gets, in pixels. */
#define PREVIEW_MAX_WIDTH 640

#define N_SECTIONS 12

static const struct
{
  SsrReportSections section;
  const char       *property;
  const char       *action;
  const char       *title;
  const char       *subtitle;
} section_info[N_SECTIONS] = {
  { SSR_REPORT_COVER, "section-cover", "report.section-cover",
    N_("Cover"), N_("Title, country, dates, team and classification") },
  { SSR_REPORT_CONTENTS, "section-contents", "report.section-contents",
    N_("Contents"), N_("The sections with their page numbers") },
  { SSR_REPORT_SUMMARY, "section-summary", "report.section-summary",
    N_("Executive summary"), N_("Progress per phase, key figures, top priorities") },
  { SSR_REPORT_CONTEXT, "section-context", "report.section-context",
    N_("Context"), N_("The country context") },
  { SSR_REPORT_PHASES, "section-phases", "report.section-phases",
    N_("Phases and steps"), N_("Status, tasks, notes and findings of each step") },
  { SSR_REPORT_ACTORS, "section-actors", "report.section-actors",
    N_("Actors"), N_("The table of actors") },
  { SSR_REPORT_MAPS, "section-maps", "report.section-maps",
    N_("Maps and diagrams"), N_("Sector map, coordination, who does what, four dimensions") },
  { SSR_REPORT_FINDINGS, "section-findings", "report.section-findings",
    N_("Findings"), N_("SWOT grid, gaps, needs and risks") },
  { SSR_REPORT_PRIORITIES, "section-priorities", "report.section-priorities",
    N_("Priorities"), N_("In sequence, with a timeline") },
  { SSR_REPORT_INDICATORS, "section-indicators", "report.section-indicators",
    N_("Indicators"), N_("Baseline, target, latest value and trend") },
  { SSR_REPORT_PRINCIPLES, "section-principles", "report.section-principles",
    N_("Principle checks"), NULL },
  { SSR_REPORT_SOURCES, "section-sources", "report.section-sources",
    N_("Sources"), N_("An annex citing the framework’s sources") },
};

struct _SsrReportPage
{
  GtkWidget             parent_instance;

  SsrAssessment        *document;
  SsrFramework         *framework;
  SsrReportOptions      options;

  /* The report the preview shows, and its pages drawn so far. */
  SsrReport            *report;
  GPtrArray            *page_paintables;
  /* One item per page of the preview; the list items bound now. */
  GtkStringList        *page_model;
  GPtrArray            *bound_items;

  /* Cancelled when the page goes: layouts and exports in flight. */
  GCancellable         *cancellable;
  guint                 layout_source;
  gint64                layout_started;
  GtkPrintSettings     *print_settings;
  /* The report no longer matches the document or the options. */
  guint                 dirty : 1;
  guint                 laying_out : 1;
  guint                 busy : 1;

  /* The child: bound so that dispose unparents it. */
  AdwFlap              *flap;
  AdwActionRow         *redact_row;
  AdwPreferencesGroup  *sections_group;
  GtkLabel             *status_label;
  GtkSpinner           *spinner;
  GtkLabel             *position_label;
  GtkScrolledWindow    *preview_scroller;
  GtkListView          *preview_list;
};

G_DEFINE_FINAL_TYPE (SsrReportPage, ssr_report_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FRAMEWORK,
  PROP_PAPER,
  PROP_REDACT,
  PROP_REPORT,
  PROP_BUSY,
  PROP_SECTION_FIRST,
  N_PROPS = PROP_SECTION_FIRST + N_SECTIONS
};

static GParamSpec *properties[N_PROPS];

static void start_layout (SsrReportPage *self);

/* A report to lay out: a copy of the document as bytes, and the options. */
typedef struct
{
  GBytes           *bytes;
  SsrFramework     *framework;
  SsrReportOptions  options;
  char             *path;
} ReportJob;

static ReportJob *
report_job_new (SsrReportPage *self)
{
  ReportJob *job = g_new0 (ReportJob, 1);

  job->bytes = ssr_xml_write (self->document);
  job->framework = g_object_ref (self->framework);
  job->options = self->options;

  return job;
}

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->framework);
  g_clear_pointer (&job->path, g_free);
  g_free (job);
}

/* In a worker thread. */
static SsrReport *
report_job_lay_out (ReportJob  *job,
                    GError    **error)
{
  g_autoptr(SsrAssessment) copy = NULL;
  g_autoptr(PangoFontMap) font_map = NULL;
  SsrReport *report;

  copy = ssr_xml_read (job->bytes, _("the assessment"), error);
  if (copy == NULL)
    return NULL;

  /* ssr_report_new () measures with the thread's default font map. */
  font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (font_map));
  report = ssr_report_new (job->framework, copy, &job->options);
  pango_cairo_font_map_set_default (NULL);

  return report;
}

/* Options */

static const char *
paper_get_name (SsrPaper paper)
{
  return paper == SSR_PAPER_LETTER ? "letter" : "a4";
}

static SsrPaper
paper_for_locale (void)
{
  return g_strcmp0 (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER) == 0
         ? SSR_PAPER_LETTER : SSR_PAPER_A4;
}

static guint
count_sensitive (SsrReportPage *self)
{
  GListModel *actors = ssr_assessment_get_actors (self->document);
  GListModel *findings = ssr_assessment_get_findings (self->document);
  guint n_sensitive = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);

      n_sensitive += ssr_actor_get_sensitive (actor) ? 1 : 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);

      n_sensitive += ssr_finding_get_sensitive (finding) ? 1 : 0;
    }

  return n_sensitive;
}

static void
update_redact_row (SsrReportPage *self)
{
  guint n_sensitive = count_sensitive (self);
  g_autofree char *subtitle = NULL;

  if (n_sensitive == 0)
    subtitle = g_strdup (_("Leave out items marked sensitive; no item is marked so far"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Leave out the %u item marked sensitive",
                                             "Leave out the %u items marked sensitive",
                                             n_sensitive),
                                n_sensitive);

  adw_action_row_set_subtitle (self->redact_row, subtitle);
}

/* Busy, status and position */

static void
update_busy (SsrReportPage *self)
{
  gboolean busy = self->dirty || self->laying_out;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->laying_out);
  gtk_spinner_set_spinning (self->spinner, self->laying_out);

  if (busy == self->busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_status (SsrReportPage *self)
{
  g_autofree char *pages = NULL;
  g_autofree char *status = NULL;
  guint n_pages;

  if (self->report == NULL)
    {
      gtk_label_set_label (self->status_label, _("Laying out the report…"));
      return;
    }

  n_pages = ssr_report_get_n_pages (self->report);
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  /* Translators: the number of pages, then the paper ("A4", "US Letter") */
  status = g_strdup_printf (_("%s · %s"), pages,
                            self->options.paper == SSR_PAPER_LETTER ? _("US Letter") : _("A4"));
  if (self->options.redact)
    {
      g_autofree char *plain = g_steal_pointer (&status);

      /* Translators: the number of pages and the paper, then a note */
      status = g_strdup_printf (_("%s · redacted"), plain);
    }
  gtk_label_set_label (self->status_label, status);
}

/* The page at the middle of the view, counted from 0; the last once the
 * view reaches the end. Every page of a report has the same size, so
 * every row of the list has the same height. */
static guint
get_current_page (SsrReportPage *self,
                  guint          n_pages)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->preview_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);

  if (upper <= 0 || n_pages == 0)
    return 0;
  if (value + page_size >= upper - 1)
    return n_pages - 1;

  return MIN ((guint) ((value + page_size / 2) * n_pages / upper), n_pages - 1);
}

static void
update_position (SsrReportPage *self)
{
  g_autofree char *position = NULL;
  guint n_pages;

  if (self->report == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->position_label), FALSE);
      return;
    }

  n_pages = ssr_report_get_n_pages (self->report);
  position = g_strdup_printf (_("Page %u of %u"), get_current_page (self, n_pages) + 1, n_pages);
  gtk_label_set_label (self->position_label, position);
  gtk_widget_set_visible (GTK_WIDGET (self->position_label), TRUE);
}

static void
scrolled_cb (SsrReportPage *self)
{
  update_position (self);
}

/* The preview */

static GdkPaintable *
draw_page_paintable (SsrReportPage *self,
                     guint          page)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double width, height;
  cairo_t *cr;

  ssr_report_get_page_size (self->report, &width, &height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Paper is white, in the dark style too. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ssr_report_draw_page (self->report, cr, page);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (width, height));
}

/* Page @page of the report, drawn once and kept until the next layout. */
static GdkPaintable *
get_page_paintable (SsrReportPage *self,
                    guint          page)
{
  if (self->report == NULL || page >= self->page_paintables->len)
    return NULL;

  if (g_ptr_array_index (self->page_paintables, page) == NULL)
    g_ptr_array_index (self->page_paintables, page) = draw_page_paintable (self, page);

  return g_ptr_array_index (self->page_paintables, page);
}

static void
show_page_in_item (SsrReportPage *self,
                   GtkListItem   *item)
{
  GtkWidget *clamp = gtk_list_item_get_child (item);
  GtkPicture *picture = GTK_PICTURE (adw_clamp_get_child (ADW_CLAMP (clamp)));
  guint page = gtk_list_item_get_position (item);
  g_autofree char *label = NULL;

  gtk_picture_set_paintable (picture, get_page_paintable (self, page));
  if (self->report != NULL)
    label = g_strdup_printf (_("Page %u of %u"), page + 1, ssr_report_get_n_pages (self->report));
  gtk_picture_set_alternative_text (picture, label);
}

static void
setup_page_cb (SsrReportPage            *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *picture = gtk_picture_new ();

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (picture, "card");
  gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), PREVIEW_MAX_WIDTH);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), PREVIEW_MAX_WIDTH);
  adw_clamp_set_child (ADW_CLAMP (clamp), picture);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 18);
  gtk_widget_set_margin_end (clamp, 18);

  gtk_list_item_set_child (item, clamp);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_page_cb (SsrReportPage            *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  g_ptr_array_add (self->bound_items, item);
  show_page_in_item (self, item);
}

static void
unbind_page_cb (SsrReportPage            *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  GtkWidget *clamp = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->bound_items, item);
  gtk_picture_set_paintable (GTK_PICTURE (adw_clamp_get_child (ADW_CLAMP (clamp))), NULL);
}

/* Shows @report (taken over) in the preview, keeping the place the user
 * scrolled to: rows stay, only pages beyond the end come and go. */
static void
show_report (SsrReportPage *self,
             SsrReport     *report)
{
  guint n_pages = ssr_report_get_n_pages (report);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->page_model));

  g_clear_object (&self->report);
  self->report = report;

  g_ptr_array_set_size (self->page_paintables, 0);
  g_ptr_array_set_size (self->page_paintables, n_pages);

  if (n_pages > n_rows)
    {
      g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

      for (guint i = n_rows; i < n_pages; i++)
        g_ptr_array_add (numbers, g_strdup_printf ("%u", i + 1));
      g_ptr_array_add (numbers, NULL);
      gtk_string_list_splice (self->page_model, n_rows, 0, (const char * const *) numbers->pdata);
    }
  else if (n_pages < n_rows)
    {
      gtk_string_list_splice (self->page_model, n_pages, n_rows - n_pages, NULL);
    }

  for (guint i = 0; i < self->bound_items->len; i++)
    show_page_in_item (self, g_ptr_array_index (self->bound_items, i));

  update_status (self);
  update_position (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/* Layout */

static void
lay_out_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SsrReport *report;
  GError *error = NULL;

  report = report_job_lay_out (task_data, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/*
 * The task holds no reference on the page: the page cancels it when it
 * goes, and a cancelled task's callback leaves @user_data alone.
 */
static void
layout_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SsrReportPage *self;
  SsrReport *report;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SSR_REPORT_PAGE (user_data);
  self->laying_out = FALSE;

  if (report == NULL)
    {
      gtk_label_set_label (self->status_label, error->message);
    }
  else if (self->dirty)
    {
      /* Out of date already: a newer layout follows. */
      g_object_unref (report);
    }
  else
    {
      g_debug ("Laid out %u pages in %" G_GINT64_FORMAT " ms",
               ssr_report_get_n_pages (report),
               (g_get_monotonic_time () - self->layout_started) / 1000);
      show_report (self, report);
    }

  if (self->dirty && self->layout_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_layout (self);

  update_busy (self);
}

static void
start_layout (SsrReportPage *self)
{
  g_autoptr(GTask) task = NULL;

  /* One layout at a time; the one under way starts the next. */
  if (self->laying_out)
    return;

  self->dirty = FALSE;
  self->laying_out = TRUE;
  self->layout_started = g_get_monotonic_time ();

  task = g_task_new (NULL, self->cancellable, layout_done_cb, self);
  g_task_set_source_tag (task, start_layout);
  g_task_set_task_data (task, report_job_new (self), report_job_free);
  g_task_run_in_thread (task, lay_out_thread);

  update_busy (self);
}

static gboolean
layout_timeout_cb (gpointer user_data)
{
  SsrReportPage *self = user_data;

  self->layout_source = 0;
  start_layout (self);

  return G_SOURCE_REMOVE;
}

/* Lays the report out again soon; only while the page shows. */
static void
schedule_layout (SsrReportPage *self)
{
  self->dirty = TRUE;
  g_clear_handle_id (&self->layout_source, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->layout_source = g_timeout_add (LAYOUT_DELAY_MS, layout_timeout_cb, self);

  update_busy (self);
}

static void
document_changed_cb (SsrReportPage *self)
{
  update_redact_row (self);
  schedule_layout (self);
}

static void
set_options (SsrReportPage          *self,
             const SsrReportOptions *options)
{
  SsrReportOptions old = self->options;

  if (old.paper == options->paper && old.redact == options->redact
      && old.sections == options->sections)
    return;

  self->options = *options;

  if (old.paper != options->paper)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
  if (old.redact != options->redact)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACT]);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if ((old.sections ^ options->sections) & section_info[i].section)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_FIRST + i]);
    }

  schedule_layout (self);
}

/* Export and print */

/* A file name from the document's title, without characters that a file
 * system would refuse. */
static char *
suggest_pdf_name (SsrReportPage *self)
{
  const char *title = ssr_assessment_get_title (self->document);
  g_autofree char *name = g_strdup (title && title[0] ? title : _("Report"));

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  if (self->options.redact)
    /* Translators: the file name of a redacted report, before ".pdf" */
    return g_strdup_printf (_("%s (redacted).pdf"), name);

  return g_strconcat (name, ".pdf", NULL);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(SsrReport) report = NULL;
  GError *error = NULL;

  report = report_job_lay_out (job, &error);
  if (report == NULL || !ssr_report_write_pdf (report, job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ssr_report_page_export_async (SsrReportPage       *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ReportJob *job;

  g_return_if_fail (SSR_IS_REPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssr_report_page_export_async);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Could not save the report to “%s”: choose a folder on this computer."),
                               uri);
      return;
    }

  job = report_job_new (self);
  job->path = g_steal_pointer (&path);
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ssr_report_page_export_finish (SsrReportPage  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (SSR_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What an export started from the page reports back to. */
typedef struct
{
  GFile     *file;
  SsrWindow *window;
} PageExport;

static void
page_export_free (PageExport *export)
{
  if (export->window != NULL)
    _ssr_window_end_busy (export->window);
  g_clear_object (&export->file);
  g_clear_object (&export->window);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageExport, page_export_free)

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SsrReportPage *self = SSR_REPORT_PAGE (source);
  g_autoptr(PageExport) export = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = ssr_report_page_export_finish (self, result, &error);

  if (export->window == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (saved)
    _ssr_window_show_saved_toast (export->window, _("Report saved"), export->file);
  else
    _ssr_window_show_error (export->window, _("Could Not Export the Report"), error);
}

static void
export_response_cb (SsrReportPage   *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (chosen);
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SSR_TYPE_WINDOW);
      PageExport *export = g_new0 (PageExport, 1);

      if (g_str_has_suffix (name, ".pdf"))
        {
          export->file = g_steal_pointer (&chosen);
        }
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *with_suffix = g_strconcat (name, ".pdf", NULL);

          export->file = g_file_get_child (parent, with_suffix);
        }

      if (window != NULL)
        {
          export->window = g_object_ref (SSR_WINDOW (window));
          _ssr_window_begin_busy (export->window);
        }
      ssr_report_page_export_async (self, export->file, self->cancellable, export_done_cb, export);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsrReportPage *self = SSR_REPORT_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggest_pdf_name (self);
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  chooser = gtk_file_chooser_native_new (_("Export the Report as PDF"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
draw_print_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    gpointer           user_data)
{
  SsrReport *report = g_object_get_data (G_OBJECT (operation), "ssr-report");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  /* The chosen paper is the report's as a rule; another one (or landscape)
   * gets the page scaled to fit, centred. */
  ssr_report_get_page_size (report, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  ssr_report_draw_page (report, cr, (guint) page);
  cairo_restore (cr);
}

GtkPrintOperation *
ssr_report_page_create_print_operation (SsrReportPage *self)
{
  g_autoptr(SsrReport) report = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPrintOperation *operation;
  const char *title;

  g_return_val_if_fail (SSR_IS_REPORT_PAGE (self), NULL);

  /* The preview's report when it is current; else one laid out now, here
   * on the main thread, where the document itself may be read. */
  if (self->report != NULL && !self->busy)
    report = g_object_ref (self->report);
  else
    report = ssr_report_new (self->framework, self->document, &self->options);

  paper = gtk_paper_size_new (self->options.paper == SSR_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  title = ssr_assessment_get_title (self->document);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, title && title[0] ? title : _("Report"));
  gtk_print_operation_set_n_pages (operation, (int) ssr_report_get_n_pages (report));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);

  g_object_set_data_full (G_OBJECT (operation), "ssr-report", g_steal_pointer (&report), g_object_unref);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_print_page_cb), NULL);

  return operation;
}

static void
show_print_error (SsrReportPage *self,
                  const GError  *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SSR_TYPE_WINDOW);

  if (window != NULL)
    _ssr_window_show_error (SSR_WINDOW (window), _("Could Not Print the Report"), error);
}

static void
print_done_cb (SsrReportPage           *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_print_error (self, error);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SsrReportPage *self = SSR_REPORT_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = ssr_report_page_create_print_operation (self);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self,
                           G_CONNECT_SWAPPED);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (widget)), &error);

  /* A failure before the dialog shows is not reported by "done". */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_signal_handlers_disconnect_by_func (operation, print_done_cb, self);
      show_print_error (self, error);
    }
}

/* Widget */

static void
create_section_rows (SsrReportPage *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *title = _(section_info[i].title);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), section_info[i].action);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (section_info[i].subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(section_info[i].subtitle));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->sections_group, row);
    }
}

static void
ssr_report_page_constructed (GObject *object)
{
  SsrReportPage *self = SSR_REPORT_PAGE (object);

  G_OBJECT_CLASS (ssr_report_page_parent_class)->constructed (object);

  g_assert (SSR_IS_ASSESSMENT (self->document));
  g_assert (SSR_IS_FRAMEWORK (self->framework));

  update_redact_row (self);
  update_status (self);
  update_position (self);
  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  schedule_layout (self);
}

static void
ssr_report_page_map (GtkWidget *widget)
{
  SsrReportPage *self = SSR_REPORT_PAGE (widget);

  GTK_WIDGET_CLASS (ssr_report_page_parent_class)->map (widget);

  /* Changes made on other pages are laid out on arrival, at once. */
  if (self->dirty && self->layout_source == 0)
    start_layout (self);
}

static void
ssr_report_page_unmap (GtkWidget *widget)
{
  SsrReportPage *self = SSR_REPORT_PAGE (widget);

  g_clear_handle_id (&self->layout_source, g_source_remove);

  GTK_WIDGET_CLASS (ssr_report_page_parent_class)->unmap (widget);
}

static void
ssr_report_page_dispose (GObject *object)
{
  SsrReportPage *self = SSR_REPORT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->layout_source, g_source_remove);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_REPORT_PAGE);

  g_clear_object (&self->report);
  g_clear_object (&self->page_model);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->framework);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ssr_report_page_parent_class)->dispose (object);
}

static void
ssr_report_page_finalize (GObject *object)
{
  SsrReportPage *self = SSR_REPORT_PAGE (object);

  g_clear_pointer (&self->page_paintables, g_ptr_array_unref);
  g_clear_pointer (&self->bound_items, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ssr_report_page_parent_class)->finalize (object);
}

static void
ssr_report_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsrReportPage *self = SSR_REPORT_PAGE (object);

  if (prop_id >= PROP_SECTION_FIRST && prop_id < N_PROPS)
    {
      SsrReportSections section = section_info[prop_id - PROP_SECTION_FIRST].section;

      g_value_set_boolean (value, (self->options.sections & section) != 0);
      return;
    }

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;

    case PROP_PAPER:
      g_value_set_string (value, paper_get_name (self->options.paper));
      break;

    case PROP_REDACT:
      g_value_set_boolean (value, self->options.redact);
      break;

    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_report_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsrReportPage *self = SSR_REPORT_PAGE (object);
  SsrReportOptions options = self->options;

  if (prop_id >= PROP_SECTION_FIRST && prop_id < N_PROPS)
    {
      SsrReportSections section = section_info[prop_id - PROP_SECTION_FIRST].section;

      if (g_value_get_boolean (value))
        options.sections |= section;
      else
        options.sections &= ~section;
      set_options (self, &options);
      return;
    }

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_FRAMEWORK:
      self->framework = g_value_dup_object (value);
      break;

    case PROP_PAPER:
      if (g_strcmp0 (g_value_get_string (value), "letter") == 0)
        options.paper = SSR_PAPER_LETTER;
      else if (g_strcmp0 (g_value_get_string (value), "a4") == 0)
        options.paper = SSR_PAPER_A4;
      else
        g_critical ("Unknown paper “%s”: expected “a4” or “letter”", g_value_get_string (value));
      set_options (self, &options);
      break;

    case PROP_REDACT:
      options.redact = g_value_get_boolean (value);
      set_options (self, &options);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_report_page_class_init (SsrReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssr_report_page_constructed;
  object_class->dispose = ssr_report_page_dispose;
  object_class->finalize = ssr_report_page_finalize;
  object_class->get_property = ssr_report_page_get_property;
  object_class->set_property = ssr_report_page_set_property;

  widget_class->map = ssr_report_page_map;
  widget_class->unmap = ssr_report_page_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SSR_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL,
                         SSR_TYPE_FRAMEWORK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAPER] =
    g_param_spec_string ("paper", NULL, NULL,
                         "a4",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDACT] =
    g_param_spec_boolean ("redact", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL,
                         SSR_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < N_SECTIONS; i++)
    properties[PROP_SECTION_FIRST + i] =
      g_param_spec_boolean (section_info[i].property, NULL, NULL,
                            TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrReportPage, flap);
  gtk_widget_class_bind_template_child (widget_class, SsrReportPage, redact_row);
  gtk_widget_class_bind_template_child (widget_class, SsrReportPage, sections_group);
  gtk_widget_class_bind_template_child (widget_class, SsrReportPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SsrReportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsrReportPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, SsrReportPage, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, SsrReportPage, preview_list);

  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_property_action (widget_class, "report.paper", "paper");
  gtk_widget_class_install_property_action (widget_class, "report.redact", "redact");
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_widget_class_install_property_action (widget_class, section_info[i].action,
                                              section_info[i].property);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "report.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "report.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ssr_report_page_init (SsrReportPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  ssr_report_options_init (&self->options);
  self->options.paper = paper_for_locale ();
  self->cancellable = g_cancellable_new ();
  self->page_paintables = g_ptr_array_new_with_free_func (g_object_unref);
  self->bound_items = g_ptr_array_new ();
  self->page_model = gtk_string_list_new (NULL);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_page_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->preview_list, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->page_model)));
  gtk_list_view_set_model (self->preview_list, GTK_SELECTION_MODEL (selection));

  adjustment = gtk_scrolled_window_get_vadjustment (self->preview_scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);

  create_section_rows (self);
}

/**
 * ssr_report_page_new:
 * @document: the document reported on
 * @framework: the framework @document follows
 *
 * Returns: (transfer floating): a new report page
 */
GtkWidget *
ssr_report_page_new (SsrAssessment *document,
                     SsrFramework  *framework)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);

  return g_object_new (SSR_TYPE_REPORT_PAGE,
                       "document", document,
                       "framework", framework,
                       NULL);
}

void
ssr_report_page_get_options (SsrReportPage    *self,
                             SsrReportOptions *options)
{
  g_return_if_fail (SSR_IS_REPORT_PAGE (self));
  g_return_if_fail (options != NULL);

  *options = self->options;
}

SsrReport *
ssr_report_page_get_report (SsrReportPage *self)
{
  g_return_val_if_fail (SSR_IS_REPORT_PAGE (self), NULL);

  return self->report;
}

gboolean
ssr_report_page_get_busy (SsrReportPage *self)
{
  g_return_val_if_fail (SSR_IS_REPORT_PAGE (self), FALSE);

  return self->busy;
}
