/* ssr-picture.c: every picture by name, drawn or exported to SVG, PNG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-picture"

#include "config.h"

#include "ssr-picture.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ssr-assessment.h"
#include "ssr-coordination-diagram.h"
#include "ssr-dimensions-diagram.h"
#include "ssr-framework.h"
#include "ssr-map-layout.h"
#include "ssr-phase-diagram.h"
#include "ssr-render-private.h"
#include "ssr-sector-map.h"
#include "ssr-who-does-what.h"

/* PNG exports are drawn at twice their natural size, for sharp print,
 * unless that would make a side longer than PNG_MAX_SIDE pixels. */
#define PNG_SCALE    2.0
#define PNG_MAX_SIDE 8192.0

static const struct
{
  const char *name;
  const char *title;
} pictures[SSR_N_PICTURES] = {
  [SSR_PICTURE_SECTOR_MAP]    = { "sector-map", N_("Security sector map") },
  [SSR_PICTURE_COORDINATION]  = { "coordination", N_("Coordination mechanisms") },
  [SSR_PICTURE_PHASES]        = { "phases", N_("Phases and steps") },
  [SSR_PICTURE_DIMENSIONS]    = { "dimensions", N_("Four dimensions of SSR") },
  [SSR_PICTURE_WHO_DOES_WHAT] = { "who-does-what", N_("Who does what") },
};

gboolean
ssr_picture_from_name (const char *name,
                       SsrPicture *picture)
{
  g_return_val_if_fail (picture != NULL, FALSE);

  for (guint i = 0; name != NULL && i < SSR_N_PICTURES; i++)
    {
      if (g_strcmp0 (pictures[i].name, name) == 0)
        {
          *picture = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ssr_picture_get_name (SsrPicture picture)
{
  g_return_val_if_fail (picture < SSR_N_PICTURES, NULL);

  return pictures[picture].name;
}

const char *
ssr_picture_get_title (SsrPicture picture)
{
  g_return_val_if_fail (picture < SSR_N_PICTURES, NULL);

  return _(pictures[picture].title);
}

void
ssr_picture_draw (SsrPicture              picture,
                  cairo_t                *cr,
                  SsrFramework           *framework,
                  SsrAssessment          *assessment,
                  const SsrRenderOptions *options,
                  double                  width,
                  double                  height)
{
  g_return_if_fail (picture < SSR_N_PICTURES);

  switch (picture)
    {
    case SSR_PICTURE_SECTOR_MAP:
      ssr_sector_map_draw (cr, framework, assessment, options, width, height);
      break;
    case SSR_PICTURE_COORDINATION:
      ssr_coordination_diagram_draw (cr, framework, assessment, options, width, height);
      break;
    case SSR_PICTURE_PHASES:
      ssr_phase_diagram_draw (cr, framework, assessment, width, height);
      break;
    case SSR_PICTURE_DIMENSIONS:
      ssr_dimensions_diagram_draw (cr, framework, assessment, options, width, height);
      break;
    case SSR_PICTURE_WHO_DOES_WHAT:
    default:
      ssr_who_does_what_draw (cr, framework, assessment, options, width, height);
      break;
    }
}

/* Room for the bands at about 1.25 pixels per map unit (more with larger
 * text, which needs more room between nodes), the labels of the outer
 * band and the legend column. */
static void
sector_map_size (SsrFramework           *framework,
                 SsrAssessment          *assessment,
                 const SsrRenderOptions *options,
                 double                 *width,
                 double                 *height)
{
  g_autoptr(GHashTable) positions = ssr_map_layout_compute (framework, assessment, options);
  double fs = _ssr_render_font_scale (options);
  double extent = SSR_MAP_CENTRE_RADIUS;
  double diameter;
  GHashTableIter iter;
  SsrMapPosition *position;

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &position))
    {
      extent = MAX (extent, position->outer_radius);
      extent = MAX (extent, MAX (fabs (position->x), fabs (position->y)) + SSR_MAP_NODE_RADIUS);
    }

  diameter = CLAMP (2 * extent * 1.25 * fs, 420, 3000);
  *width = diameter + 2 * 96 * fs + 24 + 250 * fs + 12;
  *height = MAX (diameter + 2 * 26 * fs + 24, 560 * fs);
}

static void
phases_size (SsrFramework *framework,
             double       *width,
             double       *height)
{
  GListModel *phases = ssr_framework_get_phases (framework);
  guint n_phases = phases ? g_list_model_get_n_items (phases) : 0;
  guint n_rows = _ssr_render_max_steps (phases);

  *width = MAX (640, 24 + n_phases * 250);
  *height = 24 + 44 + n_rows * 74;
}

void
ssr_picture_get_natural_size (SsrPicture              picture,
                              SsrFramework           *framework,
                              SsrAssessment          *assessment,
                              const SsrRenderOptions *options,
                              double                 *width,
                              double                 *height)
{
  double fs = _ssr_render_font_scale (options);

  g_return_if_fail (picture < SSR_N_PICTURES);
  g_return_if_fail (SSR_IS_FRAMEWORK (framework));
  g_return_if_fail (SSR_IS_ASSESSMENT (assessment));
  g_return_if_fail (width != NULL && height != NULL);

  switch (picture)
    {
    case SSR_PICTURE_SECTOR_MAP:
      sector_map_size (framework, assessment, options, width, height);
      break;

    case SSR_PICTURE_COORDINATION:
      *width = 1100 * fs;
      *height = MAX (360 * fs, ssr_coordination_diagram_get_natural_height (framework, assessment, options, *width));
      break;

    case SSR_PICTURE_PHASES:
      phases_size (framework, width, height);
      break;

    case SSR_PICTURE_DIMENSIONS:
      *width = 960 * fs;
      *height = 520 * fs;
      break;

    case SSR_PICTURE_WHO_DOES_WHAT:
    default:
      {
        GListModel *areas = ssr_framework_get_list (framework, "ssr-areas");
        guint n_areas = areas ? g_list_model_get_n_items (areas) : 0;
        guint n_rows = g_list_model_get_n_items (ssr_assessment_get_organisations (assessment)) + 1;

        *width = 28 + 300 * fs + MAX (4, n_areas) * 90 * fs;
        *height = MAX (300 * fs, 28 + 64 * fs + n_rows * 26 * fs + 6 + 30 * fs);
      }
      break;
    }

  *width = ceil (*width);
  *height = ceil (*height);
}

typedef enum
{
  FORMAT_SVG,
  FORMAT_PNG,
  FORMAT_PDF,
} Format;

static gboolean
format_from_path (const char *path,
                  Format     *format)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *extension = NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  extension = g_ascii_strdown (dot + 1, -1);
  if (g_str_equal (extension, "svg"))
    *format = FORMAT_SVG;
  else if (g_str_equal (extension, "png"))
    *format = FORMAT_PNG;
  else if (g_str_equal (extension, "pdf"))
    *format = FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  SsrPicture       picture,
                  SsrAssessment   *assessment)
{
  const char *title = ssr_assessment_get_title (assessment);
  g_autofree char *full_title = NULL;

  if (title != NULL && title[0] != '\0')
    full_title = g_strdup_printf ("%s — %s", ssr_picture_get_title (picture), title);
  else
    full_title = g_strdup (ssr_picture_get_title (picture));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, full_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
}

/* Draws @picture on a white page of @surface, scaled by @scale. */
static cairo_status_t
paint (cairo_surface_t        *surface,
       double                  scale,
       SsrPicture              picture,
       SsrFramework           *framework,
       SsrAssessment          *assessment,
       const SsrRenderOptions *options,
       double                  width,
       double                  height)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ssr_picture_draw (picture, cr, framework, assessment, options, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return status;
}

static cairo_status_t
write_picture (SsrRenderFile          *file,
               Format                  format,
               SsrPicture              picture,
               SsrFramework           *framework,
               SsrAssessment          *assessment,
               const SsrRenderOptions *options)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height, scale;

  ssr_picture_get_natural_size (picture, framework, assessment, options, &width, &height);
  scale = MIN (PNG_SCALE, PNG_MAX_SIDE / MAX (width, height));

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (_ssr_render_file_write_cb, file, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (_ssr_render_file_write_cb, file, width, height);
      set_pdf_metadata (surface, picture, assessment);
      break;
    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width * scale), ceil (height * scale));
      break;
    }

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = paint (surface, format == FORMAT_PNG ? scale : 1.0,
                    picture, framework, assessment, options, width, height);
  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, _ssr_render_file_write_cb, file);

  /* Vector surfaces write their last pages when finished. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static gboolean
set_cairo_error (GError         **error,
                 const char      *path,
                 cairo_status_t   status,
                 int              saved_errno)
{
  g_autofree char *display_name = g_filename_display_name (path);

  if (saved_errno != 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not write the picture to “%s”: %s"), display_name, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not draw the picture for “%s”: %s"), display_name, cairo_status_to_string (status));

  return FALSE;
}

gboolean
ssr_picture_export (SsrPicture              picture,
                    SsrFramework           *framework,
                    SsrAssessment          *assessment,
                    const SsrRenderOptions *options,
                    const char             *path,
                    GError                **error)
{
  g_auto(SsrRenderFile) file = { 0 };
  cairo_status_t status;
  Format format;

  g_return_val_if_fail (picture < SSR_N_PICTURES, FALSE);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!format_from_path (path, &format))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export a picture to “%s”: the file name must end in .svg, .png or .pdf."),
                   display_name);
      return FALSE;
    }

  if (!_ssr_render_file_open (&file, path))
    {
      g_autofree char *directory = g_path_get_dirname (path);
      g_autofree char *display_directory = g_filename_display_name (directory);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (file.saved_errno),
                   _("Could not create a file in “%s”: %s"), display_directory, g_strerror (file.saved_errno));
      return FALSE;
    }

  status = write_picture (&file, format, picture, framework, assessment, options);
  if (!_ssr_render_file_close (&file) && status == CAIRO_STATUS_SUCCESS)
    status = CAIRO_STATUS_WRITE_ERROR;
  if (status != CAIRO_STATUS_SUCCESS)
    return set_cairo_error (error, path, status, file.saved_errno);

  if (!_ssr_render_file_commit (&file))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (file.saved_errno),
                   _("Could not replace “%s”: %s"), display_name, g_strerror (file.saved_errno));
      return FALSE;
    }

  return TRUE;
}
