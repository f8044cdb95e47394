/* ssr-report.c: the summary report object, its pages drawn and its PDF written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-report"

#include "config.h"

#include "ssr-report.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-report-private.h"
#include "ssr-team-member.h"

/* The furniture in the margins of the page. */
#define HEADER_Y         30.0
#define FOOTER_Y         48.0   /* from the bottom edge */

G_DEFINE_FINAL_TYPE (SsrReport, ssr_report, G_TYPE_OBJECT)

/* Drawing */

static void
draw_text_op (cairo_t           *cr,
              const SsrReportOp *op)
{
  PangoLayoutIter *iter;

  _ssr_render_set_color (cr, &op->color);
  if (op->clip_top <= EPSILON && op->clip_bottom + EPSILON >= _ssr_report_layout_height (op->layout))
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
draw_op (SsrReport         *self,
         cairo_t           *cr,
         const SsrReportOp *op)
{
  g_autofree char *attributes = NULL;

  switch (op->kind)
    {
    case OP_TEXT:
      draw_text_op (cr, op);
      break;

    case OP_RECT:
      _ssr_render_set_color (cr, &op->color);
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
      _ssr_render_set_color (cr, &op->color);
      cairo_set_line_width (cr, op->line_width);
      cairo_move_to (cr, op->x, op->y);
      cairo_line_to (cr, op->x + op->width, op->y + op->height);
      cairo_stroke (cr);
      break;

    case OP_FIGURE:
      cairo_save (cr);
      cairo_translate (cr, op->x, op->y);
      _ssr_render_clip (cr, op->width, op->height);
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
  g_autoptr(PangoLayout) page_number = _ssr_report_layout (self, STYLE_FURNITURE, number, FALSE, width);

  if (self->marking != NULL)
    {
      const SsrRenderColor *color = _ssr_report_styles[STYLE_FURNITURE_MARKING].color;

      _ssr_render_set_color (cr, color);
      cairo_move_to (cr, MARGIN_X, HEADER_Y);
      pango_cairo_show_layout (cr, self->marking);
      cairo_move_to (cr, MARGIN_X, footer_y);
      pango_cairo_show_layout (cr, self->marking);
    }

  _ssr_render_set_color (cr, &_ssr_report_rule);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, footer_y - 6);
  cairo_line_to (cr, self->page_width - MARGIN_X, footer_y - 6);
  cairo_stroke (cr);

  _ssr_render_set_color (cr, &_ssr_report_muted);
  cairo_move_to (cr, MARGIN_X, footer_y + (self->marking ? _ssr_report_layout_height (self->marking) + 2 : 0));
  pango_cairo_show_layout (cr, page_number);
}

void
ssr_report_draw_page (SsrReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  SsrReportPage *content;

  g_return_if_fail (SSR_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  content = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  draw_furniture (self, cr, page);
  for (guint i = 0; i < content->ops->len; i++)
    draw_op (self, cr, &g_array_index (content->ops, SsrReportOp, i));
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
      const SsrReportEntry *entry = &g_array_index (self->entries, SsrReportEntry, i);
      guint level = CLAMP (entry->level, 1, 3);
      g_autofree char *link = g_strdup_printf ("dest='%s'", entry->dest);
      int id;

      id = cairo_pdf_surface_add_outline (surface, parents[level - 1], entry->title, link, 0);
      for (guint deeper = level; deeper < G_N_ELEMENTS (parents); deeper++)
        parents[deeper] = id;
    }
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

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _ssr_report_title (self));
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

static gboolean
report_write_stream (SsrReport      *self,
                     SsrRenderFile  *file,
                     GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (_ssr_render_file_write_cb, file,
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

  if (file->saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (file->saved_errno),
                   _("Could not write the report: %s"), g_strerror (file->saved_errno));
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
  g_auto(SsrRenderFile) file = { 0 };
  g_autofree char *display = NULL;

  g_return_val_if_fail (SSR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (!_ssr_render_file_open (&file, path))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (file.saved_errno),
                   _("Could not create the report “%s”: %s"), display, g_strerror (file.saved_errno));
      return FALSE;
    }

  if (!report_write_stream (self, &file, error))
    return FALSE;

  if (!_ssr_render_file_close (&file))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (file.saved_errno),
                   _("Could not write the report “%s”: %s"), display, g_strerror (file.saved_errno));
      return FALSE;
    }

  if (!_ssr_render_file_commit (&file))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (file.saved_errno),
                   _("Could not save the report as “%s”: %s"), display, g_strerror (file.saved_errno));
      return FALSE;
    }

  return TRUE;
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
  self->pages = g_ptr_array_new_with_free_func (_ssr_report_page_free);
  self->entries = _ssr_report_entries_new ();
}

/*
 * Text is measured without hinting, at one unit per point, so that the
 * layout is the same whatever it is drawn on: PDF, a printer, a preview.
 */
static void
report_init_text (SsrReport *self)
{
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  _ssr_render_context_set_unhinted (self->context);

  for (guint i = 0; i < N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (_ssr_report_styles[i].font);
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
    self->marking = _ssr_report_layout (self, STYLE_FURNITURE_MARKING, classification, FALSE,
                                        self->page_width - 2 * MARGIN_X);

  _ssr_report_lay_out (self);

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
