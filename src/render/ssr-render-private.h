/* ssr-render-private.h: drawing, colours, names and files shared by the pictures and the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
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

/* Clips @cr to the rectangle (0, 0, @width, @height) and leaves no path. */
void          _ssr_render_clip              (cairo_t      *cr,
                                             double        width,
                                             double        height);

/*
 * Starts drawing a picture into (0, 0, @width, @height) of @cr: saves the
 * state of @cr and clips to the rectangle. FALSE, doing nothing, when the
 * rectangle is empty; otherwise end with cairo_restore().
 */
gboolean      _ssr_render_begin             (cairo_t      *cr,
                                             double        width,
                                             double        height);

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
 * Makes the text of @context measure alike on every target: no hinting of
 * metrics or outlines, glyph positions not rounded.
 */
void          _ssr_render_context_set_unhinted (PangoContext *context);

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

/*
 * The four points of an arrowhead with its tip at (@x, @y), pointing along
 * (@dx, @dy), notched at the back: tip first, then x and y of each point.
 * FALSE when (@dx, @dy) has no direction.
 */
gboolean      _ssr_render_arrowhead_points  (double        x,
                                             double        y,
                                             double        dx,
                                             double        dy,
                                             double        length,
                                             double        points[8]);

/* A closed arrowhead with its tip at (@x, @y), pointing along (@dx, @dy). */
void          _ssr_render_arrowhead_path    (cairo_t      *cr,
                                             double        x,
                                             double        y,
                                             double        dx,
                                             double        dy,
                                             double        length);

/* The place of the term @id in @list; the number of its items when absent. */
guint         _ssr_render_term_index        (GListModel   *list,
                                             const char   *id);

/* The name of @kind in the plural ("Strengths"), translated. */
const char   *_ssr_render_finding_kind_plural (SsrFindingKind kind);

/* The status of @step in @assessment: not started without a record, or
 * when @assessment is NULL. */
SsrStepStatus _ssr_render_step_status       (SsrAssessment *assessment,
                                             SsrTerm       *step);

/* The most steps any of @phases has, at least 1; @phases may be NULL. */
guint         _ssr_render_max_steps         (GListModel   *phases);

/*
 * A file written under a temporary name beside @path and renamed over it
 * once complete: whatever fails, what was at @path stays as it was.
 * Zero-initialise it; g_auto() closes and removes what was not committed.
 * A failing call keeps the errno of the first failure in @saved_errno
 * (0 when none, or when cairo rather than the system failed).
 */
typedef struct
{
  char *path;
  char *temporary;
  int   fd;
  int   saved_errno;
} SsrRenderFile;

/* Creates the temporary file; FALSE when it cannot. */
gboolean       _ssr_render_file_open        (SsrRenderFile *file,
                                             const char    *path);
/* A cairo_write_func_t writing to the temporary file, a SsrRenderFile. */
cairo_status_t _ssr_render_file_write_cb    (void                *closure,
                                             const unsigned char *data,
                                             unsigned int         length);
/* Flushes the temporary file to the disk and closes it. */
gboolean       _ssr_render_file_close       (SsrRenderFile *file);
/* Renames the closed temporary file to @path. */
gboolean       _ssr_render_file_commit      (SsrRenderFile *file);
void           _ssr_render_file_clear       (SsrRenderFile *file);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SsrRenderFile, _ssr_render_file_clear)

G_END_DECLS
