/* ssr-render-private.h: drawing helpers shared by the pictures of the render layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "ssr-render-options.h"
#include "ssr-types.h"

G_BEGIN_DECLS

/* The colour of text and outlines on the white page. */
#define _SSR_RENDER_INK_RED   0.12
#define _SSR_RENDER_INK_GREEN 0.12
#define _SSR_RENDER_INK_BLUE  0.13

typedef struct
{
  double red;
  double green;
  double blue;
} SsrRenderColor;

void          _ssr_render_rounded_rectangle (cairo_t      *cr,
                                             double        x,
                                             double        y,
                                             double        width,
                                             double        height,
                                             double        radius);

/* Sets @color as the source of @cr. */
void          _ssr_render_set_color         (cairo_t      *cr,
                                             const SsrRenderColor *color);
void          _ssr_render_set_ink           (cairo_t      *cr);

/*
 * Text laid out in the box (@x, @y, @width, @height): wrapped at words,
 * ellipsized at the end when it does not fit, centred vertically and
 * aligned as @alignment says.
 */
void          _ssr_render_draw_text         (cairo_t        *cr,
                                             const char     *text,
                                             const char     *font,
                                             PangoAlignment  alignment,
                                             double          x,
                                             double          y,
                                             double          width,
                                             double          height);

/*
 * A layout for @cr whose metrics do not depend on the target (screen, PNG,
 * PDF or SVG): metric hinting is off, so a label measured for one export
 * is as wide in every other. (transfer full)
 */
PangoLayout  *_ssr_render_create_layout     (cairo_t      *cr,
                                             const char   *font,
                                             double        font_scale);

/* The font scale of @options (1 when @options is NULL). */
double        _ssr_render_font_scale        (const SsrRenderOptions *options);

/* The default options when @options is NULL, else @options. */
const SsrRenderOptions *_ssr_render_options_or_default (const SsrRenderOptions *options);

/* TRUE when @id is in the highlighted set of @options. */
gboolean      _ssr_render_is_highlighted    (const SsrRenderOptions *options,
                                             const char             *id);

/* TRUE when @value is in @filter, or when @filter is NULL (no filter). */
gboolean      _ssr_render_filter_accepts    (const char * const *filter,
                                             const char         *value);

/*
 * The @index-th colour of a qualitative palette that stays apart for
 * colour-blind readers (Okabe and Ito); it repeats after eight colours.
 */
void          _ssr_render_palette_color     (guint         index,
                                             SsrRenderColor       *color);

/*
 * The colour of actor category @category: the term's "color" attribute
 * ("#rrggbb") when it has one, else the palette colour of its place in the
 * framework's "actor-categories". Returns that place, or -1 (and a light
 * grey) for a category the framework does not know.
 */
int           _ssr_render_category_color    (SsrFramework   *framework,
                                             const char     *category,
                                             SsrRenderColor *color);

/* @color mixed with white: 0 leaves it, 1 gives white. */
SsrRenderColor _ssr_render_tint             (const SsrRenderColor *color,
                                             double                amount);

/* A short centred sentence for a picture with nothing to show. */
void          _ssr_render_draw_empty        (cairo_t      *cr,
                                             const char   *message,
                                             double        font_scale,
                                             double        width,
                                             double        height);

/* Parses "#rrggbb"; FALSE when @text is NULL or not of that form. */
gboolean      _ssr_render_parse_color       (const char   *text,
                                             SsrRenderColor       *color);

/*
 * A surface for measuring text when there is no target yet (hit testing,
 * tests). The layouts made from it measure as those of a real target.
 * (transfer full)
 */
cairo_t      *_ssr_render_create_measuring_context (void);

/* A closed arrowhead with its tip at (@x, @y), pointing along (@dx, @dy). */
void          _ssr_render_arrowhead_path    (cairo_t      *cr,
                                             double        x,
                                             double        y,
                                             double        dx,
                                             double        dy,
                                             double        length);

G_END_DECLS
