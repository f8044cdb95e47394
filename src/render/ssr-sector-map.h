/* ssr-sector-map.h: the security sector as actors in rings around the population
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "ssr-render-options.h"
#include "ssr-types.h"

G_BEGIN_DECLS

#define SSR_TYPE_SECTOR_MAP (ssr_sector_map_get_type ())

/*
 * A sector map laid out for a picture of a given size: positions, colours,
 * labels and the shapes to draw, ready to be drawn again and again (at any
 * zoom, on any target) without laying it out again. It keeps nothing of
 * the assessment: make a new one when the assessment or the options
 * change. Used from one thread at a time.
 */
G_DECLARE_FINAL_TYPE (SsrSectorMap, ssr_sector_map, SSR, SECTOR_MAP, GObject)

SsrSectorMap *ssr_sector_map_new        (SsrFramework           *framework,
                                         SsrAssessment          *assessment,
                                         const SsrRenderOptions *options,
                                         double                  width,
                                         double                  height);
/* Draws the map as ssr_sector_map_draw() would have. */
void     ssr_sector_map_render          (SsrSectorMap           *self,
                                         cairo_t                *cr);
/*
 * The transformation from map coordinates (those of SsrActor's x and y and
 * of ssr_map_layout_compute()) to the picture's, for a canvas that lets
 * people drag actors.
 */
void     ssr_sector_map_get_matrix      (SsrSectorMap           *self,
                                         cairo_matrix_t         *matrix);

/*
 * Draws the sector map of @assessment into the rectangle (0, 0, @width,
 * @height) of @cr: the population at the centre, the actor categories in
 * concentric bands around it (ring order from the framework, external
 * actors outermost), each actor a node coloured as @options->color_by says,
 * its name outside the node, and the relations between actors as lines
 * whose colour, dash pattern and arrowheads tell their type apart (they
 * stay readable in greyscale). A legend explains lines and colours when
 * @options->show_legend.
 *
 * Actors with map coordinates (positioned) are drawn there; the others
 * where ssr_map_layout_compute() puts them. The map is fitted into the
 * rectangle keeping its aspect ratio. Redaction, the category and relation
 * filters and the highlighted ids of @options apply; @options may be NULL
 * (the defaults). The same call draws on screen, into PDF, SVG and PNG.
 */
void     ssr_sector_map_draw            (cairo_t                *cr,
                                         SsrFramework           *framework,
                                         SsrAssessment          *assessment,
                                         const SsrRenderOptions *options,
                                         double                  width,
                                         double                  height);

/*
 * The actor whose node is under (@px, @py) in the picture of @self, or
 * NULL: its id, which @self owns.
 */
const char *ssr_sector_map_hit_test     (SsrSectorMap           *self,
                                         double                  px,
                                         double                  py);

/*
 * The centre and radius of the node of actor @actor_id in the picture of
 * @self; FALSE when the map does not show that actor (redacted, filtered
 * out, unknown).
 */
gboolean ssr_sector_map_get_actor_area  (SsrSectorMap           *self,
                                         const char             *actor_id,
                                         double                 *x,
                                         double                 *y,
                                         double                 *radius);

/* The fill colour of @actor's node under @options, as RGB in 0..1. */
void     ssr_sector_map_get_node_color  (SsrFramework           *framework,
                                         SsrActor               *actor,
                                         const SsrRenderOptions *options,
                                         double                 *red,
                                         double                 *green,
                                         double                 *blue);

/*
 * One placed label: the text drawn for an actor's name (shortened with an
 * ellipsis when it had to be), the box it fills and its font size. A label
 * with no @actor_id names a band; its text is cut to the box with an
 * ellipsis where needed. The array owns the strings.
 */
typedef struct
{
  char       *actor_id;
  char       *text;
  double      x;
  double      y;
  double      width;
  double      height;
  double      font_size;
} SsrMapLabel;

/*
 * The labels the map draws at @width × @height, after collisions were
 * resolved: each label sits outside its node, away from the centre, and is
 * nudged round its node, set smaller or shortened with an ellipsis when it
 * would cover another label, a node, the legend or leave the picture; a
 * label that cannot be placed is left out. No two boxes overlap.
 * Returns an array of SsrMapLabel. (transfer full)
 */
GArray  *ssr_sector_map_get_labels      (SsrFramework           *framework,
                                         SsrAssessment          *assessment,
                                         const SsrRenderOptions *options,
                                         double                  width,
                                         double                  height);

G_END_DECLS
