/* ssr-who-does-what.h: the matrix of organisations against SSR areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ssr-render-options.h"
#include "ssr-types.h"

G_BEGIN_DECLS

/*
 * Draws a matrix with the organisations of @assessment as rows and the
 * framework's "ssr-areas" as columns: a cell is filled where the
 * organisation works in the area. A last row counts the organisations per
 * area, marking overlaps (two or more) and hatching gaps (none). Column
 * headers wrap, or turn upright when the columns are narrow, and are
 * shortened rather than leave their box. Highlighted ids of @options mark
 * rows; @options may be NULL.
 */
void     ssr_who_does_what_draw          (cairo_t                *cr,
                                          SsrFramework           *framework,
                                          SsrAssessment          *assessment,
                                          const SsrRenderOptions *options,
                                          double                  width,
                                          double                  height);

/*
 * The cell of organisation @row (its index in the assessment's
 * organisations) and area @column (its index in "ssr-areas") in a matrix
 * drawn at @width × @height; @row equal to the number of organisations is
 * the totals row. FALSE when there is no such cell.
 */
gboolean ssr_who_does_what_get_cell_area (SsrFramework           *framework,
                                          SsrAssessment          *assessment,
                                          const SsrRenderOptions *options,
                                          double                  width,
                                          double                  height,
                                          guint                   row,
                                          guint                   column,
                                          double                 *x,
                                          double                 *y,
                                          double                 *cell_width,
                                          double                 *cell_height);

/* The fill of a cell where the organisation works in the area. */
void     ssr_who_does_what_get_fill_color (double *red,
                                           double *green,
                                           double *blue);

G_END_DECLS
