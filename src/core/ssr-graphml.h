/* ssr-graphml.h: the actors and relations of an assessment as a GraphML graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ssr-types.h"

G_BEGIN_DECLS

#define SSR_GRAPHML_NAMESPACE "http://graphml.graphdrawing.org/xmlns"

/*
 * Writes the actors of @assessment as the nodes and its relations as the
 * edges of one GraphML graph, in document order, for yEd, Gephi and other
 * graph tools. Only standard GraphML: <key> declarations and <data>.
 *
 * Nodes (id: the actor's id) carry the keys "label" and "name" (the
 * actor's name; Gephi shows "label"), "category", "category_name",
 * "kind", "kind_name", "stance", and "x" and "y" (attr.type double).
 * Edges (id: the relation's id) go from the relation's source to its
 * target and carry "label" (the type's name), "type", "type_name",
 * "direction" ("forward" or "mutual") and "strength" (attr.type int). A
 * mutual relation is not written as an undirected edge: several tools
 * (NetworkX, igraph) refuse mixed graphs.
 *
 * An actor's x and y are its own when it is positioned, else those of
 * @positions (actor id → double[2], x then y), else none. They are map
 * coordinates: the population at (0, 0), y growing downwards as on the
 * page (Gephi and Graphviz have y growing upwards). @framework may
 * be NULL: names are then the term ids. With @redact, sensitive actors and
 * their relations are left out. (transfer full)
 */
GBytes *ssr_graphml_write (SsrAssessment *assessment,
                           SsrFramework  *framework,
                           GHashTable    *positions,
                           gboolean       redact);

G_END_DECLS
