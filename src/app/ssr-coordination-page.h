/* ssr-coordination-page.h: the coordination diagram and the list of what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-map-canvas.h"

G_BEGIN_DECLS

#define SSR_TYPE_COORDINATION_PAGE (ssr_coordination_page_get_type ())

G_DECLARE_FINAL_TYPE (SsrCoordinationPage, ssr_coordination_page, SSR, COORDINATION_PAGE, GtkWidget)

/*
 * The coordination diagram of a document on a canvas (organisations,
 * mechanisms, national counterparts), and beside it a list of the same.
 *
 * Actions, scoped "map.": zoom-in, zoom-out, zoom-reset, export, edit,
 * show-list.
 */
GtkWidget    *ssr_coordination_page_new        (SsrAssessment       *document,
                                                SsrFramework        *framework);
SsrMapCanvas *ssr_coordination_page_get_canvas (SsrCoordinationPage *self);

G_END_DECLS
