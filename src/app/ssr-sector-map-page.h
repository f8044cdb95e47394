/* ssr-sector-map-page.h: the security-sector map, its tools and the list of what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-map-canvas.h"

G_BEGIN_DECLS

#define SSR_TYPE_SECTOR_MAP_PAGE (ssr_sector_map_page_get_type ())

G_DECLARE_FINAL_TYPE (SsrSectorMapPage, ssr_sector_map_page, SSR, SECTOR_MAP_PAGE, GtkWidget)

/*
 * The sector map of a document on a canvas, with a search that highlights,
 * filters by actor category and relation type, a choice of node colours,
 * and beside it a list of what it shows (the canvas's accessible twin).
 *
 * Actions, scoped "map.": zoom-in, zoom-out, zoom-reset, relayout,
 * import-csv, export, edit, delete, sensitive (the selected actors are
 * sensitive), move "(dd)" (the selected actors, by picture pixels),
 * color-by "s", show-legend, show-list, search. Scoped "map-filter.": category-ID and
 * relation-ID (shown or not), show-all.
 */
GtkWidget    *ssr_sector_map_page_new        (SsrAssessment    *document,
                                              SsrFramework     *framework);
SsrMapCanvas *ssr_sector_map_page_get_canvas (SsrSectorMapPage *self);

G_END_DECLS
