/* ssr-shapes-private.h: simple shapes drawn through cairo, or straight into an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ssr-render-private.h"

G_BEGIN_DECLS

/*
 * A list of the simple shapes a dense picture is made of — filled rings
 * and discs, stroked circles, lines and curves (solid or dashed), small
 * polygons and translucent rectangles — recorded once in picture
 * coordinates and drawn as often as needed.
 *
 * Drawing a thousand nodes and three thousand dashed lines through
 * cairo 1.16's general rasteriser takes a tenth of a second; a map being
 * zoomed needs it in a few milliseconds. So when the target is an image
 * surface seen through a plain scale and translation (the screen, PNG
 * exports), the shapes are rasterised straight into its pixels, with
 * antialiasing and dashes alike, by as many threads as there are
 * processors, each over its own band of rows. Every other target (PDF,
 * SVG, printing, a rotated or sheared view) gets the same shapes as cairo
 * paths, so vector output stays vector.
 *
 * Recording state works like cairo's: a colour, a line width and a dash
 * pattern apply to the shapes added after them. Shapes are drawn in the
 * order they were added, each over the ones before.
 */
typedef struct _SsrShapes SsrShapes;

SsrShapes *_ssr_shapes_new               (void);
void       _ssr_shapes_free              (SsrShapes            *shapes);

/* The paint of the shapes added next: @color at @alpha (1 is opaque). */
void       _ssr_shapes_set_color         (SsrShapes            *shapes,
                                          const SsrRenderColor *color,
                                          double                alpha);
/* The width of the strokes added next. */
void       _ssr_shapes_set_line_width    (SsrShapes            *shapes,
                                          double                width);
/* The dash pattern of the strokes added next, as cairo_set_dash() with
 * offset 0: on and off lengths; @n_dashes 0 for solid strokes. */
void       _ssr_shapes_set_dash          (SsrShapes            *shapes,
                                          const double         *dashes,
                                          int                   n_dashes);

/* The area between two circles round (@cx, @cy); a disc when
 * @inner_radius is 0. */
void       _ssr_shapes_fill_ring         (SsrShapes            *shapes,
                                          double                cx,
                                          double                cy,
                                          double                inner_radius,
                                          double                outer_radius);
/* The outline of a circle, dashed from its rightmost point clockwise. */
void       _ssr_shapes_stroke_circle     (SsrShapes            *shapes,
                                          double                cx,
                                          double                cy,
                                          double                radius);
/* A line with butt ends. */
void       _ssr_shapes_stroke_line       (SsrShapes            *shapes,
                                          double                x0,
                                          double                y0,
                                          double                x1,
                                          double                y1);
/* A cubic Bézier curve from (@x0, @y0) to (@x3, @y3), as cairo_curve_to(). */
void       _ssr_shapes_stroke_curve      (SsrShapes            *shapes,
                                          double                x0,
                                          double                y0,
                                          double                x1,
                                          double                y1,
                                          double                x2,
                                          double                y2,
                                          double                x3,
                                          double                y3);
/*
 * A polygon of @n_points points (@points holds x and y of each) that is
 * star-shaped from its first point: every convex polygon, and arrowheads
 * with a notch, whose tip comes first.
 */
void       _ssr_shapes_fill_polygon      (SsrShapes            *shapes,
                                          const double         *points,
                                          guint                 n_points);
void       _ssr_shapes_fill_rectangle    (SsrShapes            *shapes,
                                          double                x,
                                          double                y,
                                          double                width,
                                          double                height);

/*
 * Draws the shapes on @cr, leaving its state as it was. Returns TRUE when
 * they were rasterised straight into an image surface, FALSE when cairo
 * drew them.
 */
gboolean   _ssr_shapes_draw              (const SsrShapes      *shapes,
                                          cairo_t              *cr);
/* Draws the shapes as cairo paths, whatever the target. */
void       _ssr_shapes_draw_paths        (const SsrShapes      *shapes,
                                          cairo_t              *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsrShapes, _ssr_shapes_free)

G_END_DECLS
