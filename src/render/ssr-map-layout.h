/* ssr-map-layout.h: places the actors of the sector map in concentric rings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ssr-render-options.h"
#include "ssr-types.h"

G_BEGIN_DECLS

/* The radius of an actor's node, in map coordinates. */
#define SSR_MAP_NODE_RADIUS 10.0
/* The radius of the population disc at the centre of the map. */
#define SSR_MAP_CENTRE_RADIUS 40.0

/*
 * Where one actor stands on the map. Map coordinates have the population
 * at (0, 0) and y growing downwards, as on the page.
 *
 * @ring counts the bands of the map from the centre (0: innermost band
 * drawn). A band holds the categories sharing one "ring" attribute; the
 * band reaches from @inner_radius to @outer_radius, and every node the
 * layout places lies inside it, node radius included. Actors placed by a
 * person (positioned) keep their x and y wherever those are.
 */
typedef struct
{
  double   x;
  double   y;
  guint    ring;
  double   inner_radius;
  double   outer_radius;
  gboolean positioned;
} SsrMapPosition;

/*
 * Lays out the actors @options lets through (redaction, category filter):
 * each band is a ring of one or more tracks around the population, every
 * category's actors spread over its band, in an order that follows their
 * relations (a few barycentre sweeps) so that fewer relations cross. Nodes
 * never overlap: a band that holds many actors gets more tracks and the
 * bands outside it move out. Deterministic: the same document and options
 * give the same positions.
 *
 * @options may be NULL (the defaults). Returns a table from actor id to
 * its SsrMapPosition. (transfer full)
 */
GHashTable *ssr_map_layout_compute (SsrFramework           *framework,
                                    SsrAssessment          *assessment,
                                    const SsrRenderOptions *options);

/*
 * The same layout as actor id → double[2] (x, y), the form
 * ssr_graphml_write() takes, so that exports carry the map's positions
 * (positioned actors keep theirs). (transfer full)
 */
GHashTable *ssr_map_layout_compute_points (SsrFramework           *framework,
                                           SsrAssessment          *assessment,
                                           gboolean                redact);

G_END_DECLS
