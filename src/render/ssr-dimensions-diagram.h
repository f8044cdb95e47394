/* ssr-dimensions-diagram.h: the findings counted over the four dimensions of SSR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ssr-render-options.h"
#include "ssr-types.h"

G_BEGIN_DECLS

/*
 * Draws the framework's "dimensions" (political, institutional, economic,
 * societal), in their order, as quadrants around "SSR". Each quadrant
 * shows how many findings of @assessment belong to that dimension and a
 * bar per finding kind (strength, weakness, …); bars share one scale over
 * the whole picture. Findings without a known dimension are counted below.
 * Sensitive findings are left out when @options->redact; @options may be
 * NULL.
 */
void     ssr_dimensions_diagram_draw           (cairo_t                *cr,
                                                SsrFramework           *framework,
                                                SsrAssessment          *assessment,
                                                const SsrRenderOptions *options,
                                                double                  width,
                                                double                  height);

/*
 * The bar of finding kind @kind in the quadrant of dimension @dimension
 * (an index into the framework's "dimensions") in a diagram drawn at
 * @width × @height. The bar's width is proportional to the count, 0 when
 * there is none. FALSE when there is no such dimension.
 */
gboolean ssr_dimensions_diagram_get_bar_area   (SsrFramework           *framework,
                                                SsrAssessment          *assessment,
                                                const SsrRenderOptions *options,
                                                double                  width,
                                                double                  height,
                                                guint                   dimension,
                                                SsrFindingKind          kind,
                                                double                 *x,
                                                double                 *y,
                                                double                 *bar_width,
                                                double                 *bar_height);

/* The colour of the bars of finding kind @kind, as RGB in 0..1. */
void     ssr_dimensions_diagram_get_kind_color (SsrFindingKind          kind,
                                                double                 *red,
                                                double                 *green,
                                                double                 *blue);

G_END_DECLS
