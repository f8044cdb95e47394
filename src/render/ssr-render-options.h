/* ssr-render-options.h: what a picture or report shows, as plain data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Options are plain structs, never widgets: the screen, the exports and the
 * command line fill them alike.
 */
typedef struct
{
  /* Leave out every item marked sensitive, and what only they explain. */
  gboolean    redact;
  /* Sector map node colour: "category", "stance", or a rating-scale term
   * id of the framework ("capacity", …). */
  const char *color_by;
  /* Draw the legend inside the picture. */
  gboolean    show_legend;
  /* Multiplies every font size (large text on a projector). */
  double      font_scale;
  /* Sector map: only these actor categories / relation types (NULL: all). */
  const char * const *categories;
  const char * const *relation_types;
  /* Item ids drawn highlighted (search results, selection); may be NULL. */
  GHashTable *highlighted;
} SsrRenderOptions;

/* Sets the defaults: no redaction, colour by category, legend, scale 1. */
void ssr_render_options_init (SsrRenderOptions *options);

G_END_DECLS
