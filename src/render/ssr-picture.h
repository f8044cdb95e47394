/* ssr-picture.h: every picture by name, drawn or exported to SVG, PNG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ssr-render-options.h"
#include "ssr-types.h"

G_BEGIN_DECLS

typedef enum
{
  SSR_PICTURE_SECTOR_MAP,
  SSR_PICTURE_COORDINATION,
  SSR_PICTURE_PHASES,
  SSR_PICTURE_DIMENSIONS,
  SSR_PICTURE_WHO_DOES_WHAT,
} SsrPicture;

#define SSR_N_PICTURES (SSR_PICTURE_WHO_DOES_WHAT + 1)

/*
 * The picture called @name ("sector-map", "coordination", "phases",
 * "dimensions", "who-does-what"); FALSE when there is none.
 */
gboolean    ssr_picture_from_name         (const char             *name,
                                           SsrPicture             *picture);
/* The name of @picture, as ssr_picture_from_name() takes it. */
const char *ssr_picture_get_name          (SsrPicture              picture);
/* The title of @picture for people, translated. */
const char *ssr_picture_get_title         (SsrPicture              picture);

/* Draws @picture into the rectangle (0, 0, @width, @height) of @cr. */
void        ssr_picture_draw              (SsrPicture              picture,
                                           cairo_t                *cr,
                                           SsrFramework           *framework,
                                           SsrAssessment          *assessment,
                                           const SsrRenderOptions *options,
                                           double                  width,
                                           double                  height);

/*
 * A size at which @picture shows its content well, whatever the page: it
 * grows with the number of actors, organisations, rows… and with
 * @options->font_scale.
 */
void        ssr_picture_get_natural_size  (SsrPicture              picture,
                                           SsrFramework           *framework,
                                           SsrAssessment          *assessment,
                                           const SsrRenderOptions *options,
                                           double                 *width,
                                           double                 *height);

/*
 * Writes @picture at its natural size on a white page to @path, as SVG,
 * PNG (at twice the size, for sharpness, but at most 8192 pixels a side)
 * or PDF (one page) after the extension of @path. The file is replaced atomically: a failed export
 * leaves what was at @path untouched. An unknown extension fails with
 * G_IO_ERROR_INVALID_ARGUMENT.
 */
gboolean    ssr_picture_export            (SsrPicture              picture,
                                           SsrFramework           *framework,
                                           SsrAssessment          *assessment,
                                           const SsrRenderOptions *options,
                                           const char             *path,
                                           GError                **error);

G_END_DECLS
