/* ssr-coordination-diagram.h: coordination mechanisms between organisations and national actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ssr-render-options.h"
#include "ssr-types.h"

G_BEGIN_DECLS

/*
 * Draws the coordination mechanisms of @assessment in three columns: the
 * external organisations on the left, the mechanisms in the middle (filled
 * by mechanism type) and the national actors that are members on the right.
 * Lines join each mechanism to its members; the lead's line is bold and
 * carries a "lead" marker. The rows of each column are ordered so that
 * fewer lines cross. A legend lists the mechanism types with their
 * strength and risk when @options->show_legend. Redaction and highlighted
 * ids of @options apply; @options may be NULL.
 */
void     ssr_coordination_diagram_draw         (cairo_t                *cr,
                                                SsrFramework           *framework,
                                                SsrAssessment          *assessment,
                                                const SsrRenderOptions *options,
                                                double                  width,
                                                double                  height);

/*
 * The box of the item @id (an organisation, a mechanism or an actor) in a
 * diagram drawn at @width × @height; FALSE when the diagram does not show
 * it. For hit testing and tests.
 */
gboolean ssr_coordination_diagram_get_item_area (SsrFramework           *framework,
                                                 SsrAssessment          *assessment,
                                                 const SsrRenderOptions *options,
                                                 double                  width,
                                                 double                  height,
                                                 const char             *id,
                                                 double                 *x,
                                                 double                 *y,
                                                 double                 *item_width,
                                                 double                 *item_height);

/*
 * The item (an organisation, a mechanism or an actor) whose box is under
 * (@px, @py) in a diagram drawn at @width × @height with the same inputs.
 * On success sets @id to its id (transfer full) and returns TRUE.
 */
gboolean ssr_coordination_diagram_hit_test      (SsrFramework           *framework,
                                                 SsrAssessment          *assessment,
                                                 const SsrRenderOptions *options,
                                                 double                  width,
                                                 double                  height,
                                                 double                  px,
                                                 double                  py,
                                                 char                  **id);

/* The height the diagram needs at @width to give each row room. */
double   ssr_coordination_diagram_get_natural_height (SsrFramework           *framework,
                                                      SsrAssessment          *assessment,
                                                      const SsrRenderOptions *options,
                                                      double                  width);

/*
 * How many of the column headings and legend lines of the diagram drawn at
 * @width × @height are cut with an ellipsis; @n_texts, when not NULL, is
 * set to how many were drawn (none of the legend when it gives way to the
 * rows). Headings take up to two lines and legend lines wrap, so a
 * diagram of reasonable width cuts none. For tests.
 */
guint    ssr_coordination_diagram_count_ellipsized_text (SsrFramework           *framework,
                                                         SsrAssessment          *assessment,
                                                         const SsrRenderOptions *options,
                                                         double                  width,
                                                         double                  height,
                                                         guint                  *n_texts);

G_END_DECLS
