/* ssr-render-private.c: drawing, colours, names and files shared by the pictures and the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-render"

#include "config.h"

#include "ssr-render-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-step-record.h"

void
_ssr_render_rounded_rectangle (cairo_t *cr,
                               double   x,
                               double   y,
                               double   width,
                               double   height,
                               double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
_ssr_render_clip (cairo_t *cr,
                  double   width,
                  double   height)
{
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
}

gboolean
_ssr_render_begin (cairo_t *cr,
                   double   width,
                   double   height)
{
  if (width <= 0 || height <= 0)
    return FALSE;

  cairo_save (cr);
  _ssr_render_clip (cr, width, height);

  return TRUE;
}

void
_ssr_render_set_color (cairo_t              *cr,
                       const SsrRenderColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

void
_ssr_render_set_ink (cairo_t *cr)
{
  cairo_set_source_rgb (cr, _SSR_RENDER_INK_RED, _SSR_RENDER_INK_GREEN, _SSR_RENDER_INK_BLUE);
}

void
_ssr_render_context_set_unhinted (PangoContext *context)
{
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Unhinted metrics and unrounded positions: text measures the same on
   * screen, in PNG, PDF and SVG, so labels placed for one fit in all. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

PangoLayout *
_ssr_render_create_layout (cairo_t    *cr,
                           const char *font,
                           double      font_scale)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  PangoLayout *layout;

  _ssr_render_context_set_unhinted (context);
  if (font_scale != 1.0)
    pango_font_description_set_size (description,
                                     pango_font_description_get_size (description) * font_scale);

  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_layout_set_font_description (layout, description);

  return layout;
}

void
_ssr_render_draw_text (cairo_t        *cr,
                       const char     *text,
                       const char     *font,
                       PangoAlignment  alignment,
                       double          x,
                       double          y,
                       double          width,
                       double          height)
{
  g_autoptr(PangoLayout) layout = NULL;
  int text_height;

  if (width <= 0 || height <= 0)
    return;

  layout = _ssr_render_create_layout (cr, font, 1.0);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_height (layout, pango_units_from_double (height));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);

  pango_layout_get_pixel_size (layout, NULL, &text_height);
  cairo_move_to (cr, x, y + MAX (0, (height - text_height) / 2));
  pango_cairo_show_layout (cr, layout);
}

/* Okabe and Ito, "Color Universal Design" (2008). */
static const SsrRenderColor palette[] = {
  { 0.902, 0.624, 0.000 },  /* orange */
  { 0.337, 0.706, 0.914 },  /* sky blue */
  { 0.000, 0.620, 0.451 },  /* bluish green */
  { 0.941, 0.894, 0.259 },  /* yellow */
  { 0.000, 0.447, 0.698 },  /* blue */
  { 0.835, 0.369, 0.000 },  /* vermillion */
  { 0.800, 0.475, 0.655 },  /* reddish purple */
  { 0.600, 0.600, 0.600 },  /* grey */
};

void
_ssr_render_palette_color (guint           index,
                           SsrRenderColor *color)
{
  *color = palette[index % G_N_ELEMENTS (palette)];
}

gboolean
_ssr_render_parse_color (const char     *text,
                         SsrRenderColor *color)
{
  guint channels[3];

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int high = g_ascii_xdigit_value (text[1 + 2 * i]);
      int low = g_ascii_xdigit_value (text[2 + 2 * i]);

      if (high < 0 || low < 0)
        return FALSE;
      channels[i] = high * 16 + low;
    }

  color->red = channels[0] / 255.0;
  color->green = channels[1] / 255.0;
  color->blue = channels[2] / 255.0;

  return TRUE;
}

int
_ssr_render_category_color (SsrFramework   *framework,
                            const char     *category,
                            SsrRenderColor *color)
{
  GListModel *categories = ssr_framework_get_list (framework, "actor-categories");
  guint n_categories = categories ? g_list_model_get_n_items (categories) : 0;
  guint index = _ssr_render_term_index (categories, category);
  g_autoptr(SsrTerm) term = NULL;

  if (index >= n_categories)
    {
      *color = (SsrRenderColor) { 0.85, 0.85, 0.85 };
      return -1;
    }

  term = g_list_model_get_item (categories, index);
  if (!_ssr_render_parse_color (ssr_term_get_attribute (term, "color"), color))
    _ssr_render_palette_color (index, color);

  return index;
}

SsrRenderColor
_ssr_render_tint (const SsrRenderColor *color,
                  double                amount)
{
  return (SsrRenderColor) {
    color->red + (1 - color->red) * amount,
    color->green + (1 - color->green) * amount,
    color->blue + (1 - color->blue) * amount,
  };
}

void
_ssr_render_draw_empty (cairo_t    *cr,
                        const char *message,
                        double      font_scale,
                        double      width,
                        double      height)
{
  g_autoptr(PangoLayout) layout = _ssr_render_create_layout (cr, "Sans 11", font_scale);
  int text_width, text_height;

  pango_layout_set_text (layout, message, -1);
  pango_layout_set_width (layout, pango_units_from_double (MAX (1, width - 24)));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_move_to (cr, 12, (height - text_height) / 2);
  pango_cairo_show_layout (cr, layout);
}

cairo_t *
_ssr_render_create_measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);

  return cr;
}

gboolean
_ssr_render_arrowhead_points (double x,
                              double y,
                              double dx,
                              double dy,
                              double length,
                              double points[8])
{
  double norm = hypot (dx, dy);
  double ux, uy;

  if (norm <= 0)
    return FALSE;

  ux = dx / norm;
  uy = dy / norm;
  points[0] = x;
  points[1] = y;
  points[2] = x - length * ux - length * 0.45 * uy;
  points[3] = y - length * uy + length * 0.45 * ux;
  points[4] = x - length * 0.75 * ux;
  points[5] = y - length * 0.75 * uy;
  points[6] = x - length * ux + length * 0.45 * uy;
  points[7] = y - length * uy - length * 0.45 * ux;

  return TRUE;
}

void
_ssr_render_arrowhead_path (cairo_t *cr,
                            double   x,
                            double   y,
                            double   dx,
                            double   dy,
                            double   length)
{
  double points[8];

  if (!_ssr_render_arrowhead_points (x, y, dx, dy, length, points))
    return;

  cairo_move_to (cr, points[0], points[1]);
  for (int i = 2; i < 8; i += 2)
    cairo_line_to (cr, points[i], points[i + 1]);
  cairo_close_path (cr);
}

guint
_ssr_render_term_index (GListModel *list,
                        const char *id)
{
  guint n_items = list ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SsrTerm) term = g_list_model_get_item (list, i);

      if (g_strcmp0 (ssr_term_get_id (term), id) == 0)
        return i;
    }

  return n_items;
}

const char *
_ssr_render_finding_kind_plural (SsrFindingKind kind)
{
  switch (kind)
    {
    case SSR_FINDING_STRENGTH:
      return _("Strengths");
    case SSR_FINDING_WEAKNESS:
      return _("Weaknesses");
    case SSR_FINDING_OPPORTUNITY:
      return _("Opportunities");
    case SSR_FINDING_THREAT:
      return _("Threats");
    case SSR_FINDING_GAP:
      return _("Gaps");
    case SSR_FINDING_NEED:
      return _("Needs");
    case SSR_FINDING_RISK:
    default:
      return _("Risks");
    }
}

SsrStepStatus
_ssr_render_step_status (SsrAssessment *assessment,
                         SsrTerm       *step)
{
  SsrStepRecord *record = NULL;

  if (assessment != NULL)
    record = ssr_assessment_find_step_record (assessment, ssr_term_get_id (step));

  return record ? ssr_step_record_get_status (record) : SSR_STEP_NOT_STARTED;
}

guint
_ssr_render_max_steps (GListModel *phases)
{
  guint n_phases = phases ? g_list_model_get_n_items (phases) : 0;
  guint max = 1;

  for (guint i = 0; i < n_phases; i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");

      if (steps != NULL)
        max = MAX (max, g_list_model_get_n_items (steps));
    }

  return max;
}

/* Files replaced atomically */

gboolean
_ssr_render_file_open (SsrRenderFile *file,
                       const char    *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s-XXXXXX", basename);

  file->fd = -1;
  file->saved_errno = 0;
  file->path = g_strdup (path);
  file->temporary = g_build_filename (directory, template, NULL);
  file->fd = g_mkstemp_full (file->temporary, O_RDWR | O_CLOEXEC, 0666);
  if (file->fd >= 0)
    return TRUE;

  file->saved_errno = errno;
  g_clear_pointer (&file->temporary, g_free);

  return FALSE;
}

cairo_status_t
_ssr_render_file_write_cb (void                *closure,
                           const unsigned char *data,
                           unsigned int         length)
{
  SsrRenderFile *file = closure;

  while (length > 0 && file->saved_errno == 0)
    {
      ssize_t written = write (file->fd, data, length);

      if (written < 0 && errno != EINTR)
        file->saved_errno = errno;
      else if (written == 0)
        file->saved_errno = EIO;
      else if (written > 0)
        {
          data += written;
          length -= written;
        }
    }

  return file->saved_errno ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static void
file_fail (SsrRenderFile *file)
{
  /* The first failure is the one to report. */
  if (file->saved_errno == 0)
    file->saved_errno = errno;
}

gboolean
_ssr_render_file_close (SsrRenderFile *file)
{
  gboolean ok = TRUE;

  if (fsync (file->fd) != 0)
    {
      file_fail (file);
      ok = FALSE;
    }
  if (close (file->fd) != 0 && ok)
    {
      file_fail (file);
      ok = FALSE;
    }
  file->fd = -1;

  return ok;
}

gboolean
_ssr_render_file_commit (SsrRenderFile *file)
{
  if (g_rename (file->temporary, file->path) != 0)
    {
      file_fail (file);
      return FALSE;
    }

  g_clear_pointer (&file->temporary, g_free);

  return TRUE;
}

void
_ssr_render_file_clear (SsrRenderFile *file)
{
  /* Never opened: nothing to undo. */
  if (file->path == NULL)
    return;

  if (file->fd >= 0)
    close (file->fd);
  file->fd = -1;
  if (file->temporary != NULL)
    g_unlink (file->temporary);
  g_clear_pointer (&file->temporary, g_free);
  g_clear_pointer (&file->path, g_free);
}
