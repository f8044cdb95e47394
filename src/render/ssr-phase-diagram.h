/* ssr-phase-diagram.h: the framework's phases and steps, coloured by status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ssr-types.h"

G_BEGIN_DECLS

/*
 * Draws the phases of @framework side by side, each as a column headed by
 * its name, with its steps below in sequence as numbered boxes filled by
 * the status the @assessment records for them (not started, in progress,
 * done). Fills the rectangle (0, 0, @width, @height) of @cr; the same call
 * draws on screen, into PDF, SVG and PNG.
 */
void ssr_phase_diagram_draw (cairo_t       *cr,
                             SsrFramework  *framework,
                             SsrAssessment *assessment,
                             double         width,
                             double         height);

/*
 * The rectangle of step @index (counted over all phases from 0) in a
 * diagram of @width × @height; FALSE when there is no such step. For hit
 * testing and for tests.
 */
gboolean ssr_phase_diagram_get_step_area (SsrFramework *framework,
                                          guint         index,
                                          double        width,
                                          double        height,
                                          double       *x,
                                          double       *y,
                                          double       *step_width,
                                          double       *step_height);

/* The fill colour of a step with @status, as RGB in 0..1. */
void ssr_phase_diagram_get_status_color (SsrStepStatus  status,
                                         double        *red,
                                         double        *green,
                                         double        *blue);

G_END_DECLS
