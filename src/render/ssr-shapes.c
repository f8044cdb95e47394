/* ssr-shapes.c: simple shapes drawn through cairo, or straight into an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-shapes"

#include "config.h"

#include "ssr-shapes-private.h"

#include <math.h>
#include <string.h>
#include <wchar.h>

/* Four pixels at a time where the processor has SSE2 (every x86-64);
 * the tests also build the rasteriser without, as others compile it. */
#if defined (__SSE2__) && !defined (SSR_SHAPES_SCALAR)
#define SSR_SHAPES_SSE2 1
#include <emmintrin.h>
#endif

#define MAX_DASHES  8
#define MAX_THREADS 4

typedef enum
{
  SHAPE_RING,
  SHAPE_CIRCLE,
  SHAPE_LINE,
  SHAPE_CURVE,
  SHAPE_POLYGON,
  SHAPE_RECTANGLE,
} ShapeKind;

typedef struct
{
  ShapeKind kind;
  guint     paint;
  guint     dash;
  double    line_width;
  /* ring: cx, cy, inner, outer; circle: cx, cy, radius; line: x0, y0,
   * x1, y1; curve: four points; polygon: first point, number of points;
   * rectangle: x, y, width, height */
  double    v[8];
} Shape;

typedef struct
{
  SsrRenderColor color;
  double         alpha;
} Paint;

typedef struct
{
  double lengths[MAX_DASHES];
  int    n;
} Dash;

struct _SsrShapes
{
  GArray *shapes;
  GArray *paints;
  GArray *dashes;   /* the first is solid */
  GArray *points;   /* x and y of the polygons' points */

  guint   paint;
  guint   dash;
  double  line_width;
};

SsrShapes *
_ssr_shapes_new (void)
{
  SsrShapes *shapes = g_new0 (SsrShapes, 1);
  Paint black = { { 0, 0, 0 }, 1 };
  Dash solid = { { 0 }, 0 };

  shapes->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  shapes->paints = g_array_new (FALSE, FALSE, sizeof (Paint));
  shapes->dashes = g_array_new (FALSE, FALSE, sizeof (Dash));
  shapes->points = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (shapes->paints, black);
  g_array_append_val (shapes->dashes, solid);
  shapes->line_width = 2;

  return shapes;
}

void
_ssr_shapes_free (SsrShapes *shapes)
{
  if (shapes == NULL)
    return;

  g_array_unref (shapes->shapes);
  g_array_unref (shapes->paints);
  g_array_unref (shapes->dashes);
  g_array_unref (shapes->points);
  g_free (shapes);
}

/* Recording */

void
_ssr_shapes_set_color (SsrShapes            *shapes,
                       const SsrRenderColor *color,
                       double                alpha)
{
  const Paint *last = &g_array_index (shapes->paints, Paint, shapes->paints->len - 1);
  Paint paint = { *color, CLAMP (alpha, 0, 1) };

  /* Shapes of one colour come in runs: keep one paint per run. */
  if (memcmp (last, &paint, sizeof paint) != 0)
    g_array_append_val (shapes->paints, paint);
  shapes->paint = shapes->paints->len - 1;
}

void
_ssr_shapes_set_line_width (SsrShapes *shapes,
                            double     width)
{
  shapes->line_width = MAX (0, width);
}

void
_ssr_shapes_set_dash (SsrShapes    *shapes,
                      const double *dashes,
                      int           n_dashes)
{
  Dash dash = { { 0 }, 0 };
  double total = 0;

  g_return_if_fail (n_dashes >= 0 && n_dashes <= MAX_DASHES);

  /* As in cairo, an odd pattern repeats once more with on and off swapped. */
  for (int i = 0; i < n_dashes; i++)
    dash.lengths[dash.n++] = MAX (0, dashes[i]);
  if (n_dashes % 2 == 1)
    {
      g_return_if_fail (2 * n_dashes <= MAX_DASHES);
      for (int i = 0; i < n_dashes; i++)
        dash.lengths[dash.n++] = MAX (0, dashes[i]);
    }
  for (int i = 0; i < dash.n; i++)
    total += dash.lengths[i];
  if (total <= 0)
    dash.n = 0;

  shapes->dash = 0;
  if (dash.n == 0)
    return;

  for (guint i = 1; i < shapes->dashes->len; i++)
    {
      if (memcmp (&g_array_index (shapes->dashes, Dash, i), &dash, sizeof dash) == 0)
        {
          shapes->dash = i;
          return;
        }
    }
  g_array_append_val (shapes->dashes, dash);
  shapes->dash = shapes->dashes->len - 1;
}

static void
add_shape (SsrShapes    *shapes,
           ShapeKind     kind,
           const double *values,
           guint         n_values)
{
  Shape shape = { kind, shapes->paint, shapes->dash, shapes->line_width, { 0 } };

  memcpy (shape.v, values, n_values * sizeof (double));
  g_array_append_val (shapes->shapes, shape);
}

void
_ssr_shapes_fill_ring (SsrShapes *shapes,
                       double     cx,
                       double     cy,
                       double     inner_radius,
                       double     outer_radius)
{
  if (outer_radius <= 0 || inner_radius >= outer_radius)
    return;

  add_shape (shapes, SHAPE_RING, (double[]) { cx, cy, MAX (0, inner_radius), outer_radius }, 4);
}

void
_ssr_shapes_stroke_circle (SsrShapes *shapes,
                           double     cx,
                           double     cy,
                           double     radius)
{
  if (radius <= 0)
    return;

  add_shape (shapes, SHAPE_CIRCLE, (double[]) { cx, cy, radius }, 3);
}

void
_ssr_shapes_stroke_line (SsrShapes *shapes,
                         double     x0,
                         double     y0,
                         double     x1,
                         double     y1)
{
  add_shape (shapes, SHAPE_LINE, (double[]) { x0, y0, x1, y1 }, 4);
}

void
_ssr_shapes_stroke_curve (SsrShapes *shapes,
                          double     x0,
                          double     y0,
                          double     x1,
                          double     y1,
                          double     x2,
                          double     y2,
                          double     x3,
                          double     y3)
{
  add_shape (shapes, SHAPE_CURVE, (double[]) { x0, y0, x1, y1, x2, y2, x3, y3 }, 8);
}

void
_ssr_shapes_fill_polygon (SsrShapes    *shapes,
                          const double *points,
                          guint         n_points)
{
  if (n_points < 3)
    return;

  add_shape (shapes, SHAPE_POLYGON, (double[]) { shapes->points->len / 2, n_points }, 2);
  g_array_append_vals (shapes->points, points, 2 * n_points);
}

void
_ssr_shapes_fill_rectangle (SsrShapes *shapes,
                            double     x,
                            double     y,
                            double     width,
                            double     height)
{
  if (width <= 0 || height <= 0)
    return;

  add_shape (shapes, SHAPE_RECTANGLE, (double[]) { x, y, width, height }, 4);
}

/* Drawing as cairo paths */

void
_ssr_shapes_draw_paths (const SsrShapes *shapes,
                        cairo_t         *cr)
{
  guint paint = G_MAXUINT;
  guint dash = G_MAXUINT;
  double line_width = -1;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);

  for (guint i = 0; i < shapes->shapes->len; i++)
    {
      const Shape *shape = &g_array_index (shapes->shapes, Shape, i);
      const double *v = shape->v;
      gboolean stroke = shape->kind == SHAPE_CIRCLE || shape->kind == SHAPE_LINE || shape->kind == SHAPE_CURVE;

      if (shape->paint != paint)
        {
          const Paint *p = &g_array_index (shapes->paints, Paint, shape->paint);

          cairo_set_source_rgba (cr, p->color.red, p->color.green, p->color.blue, p->alpha);
          paint = shape->paint;
        }
      if (stroke && shape->dash != dash)
        {
          const Dash *d = &g_array_index (shapes->dashes, Dash, shape->dash);

          cairo_set_dash (cr, d->lengths, d->n, 0);
          dash = shape->dash;
        }
      if (stroke && shape->line_width != line_width)
        {
          cairo_set_line_width (cr, shape->line_width);
          line_width = shape->line_width;
        }

      switch (shape->kind)
        {
        case SHAPE_RING:
          cairo_arc (cr, v[0], v[1], v[3], 0, 2 * G_PI);
          if (v[2] > 0)
            {
              cairo_new_sub_path (cr);
              cairo_arc_negative (cr, v[0], v[1], v[2], 2 * G_PI, 0);
            }
          cairo_fill (cr);
          break;

        case SHAPE_CIRCLE:
          cairo_arc (cr, v[0], v[1], v[2], 0, 2 * G_PI);
          cairo_stroke (cr);
          break;

        case SHAPE_LINE:
          cairo_move_to (cr, v[0], v[1]);
          cairo_line_to (cr, v[2], v[3]);
          cairo_stroke (cr);
          break;

        case SHAPE_CURVE:
          cairo_move_to (cr, v[0], v[1]);
          cairo_curve_to (cr, v[2], v[3], v[4], v[5], v[6], v[7]);
          cairo_stroke (cr);
          break;

        case SHAPE_POLYGON:
          {
            const double *p = &g_array_index (shapes->points, double, 2 * (guint) v[0]);

            cairo_move_to (cr, p[0], p[1]);
            for (guint k = 1; k < (guint) v[1]; k++)
              cairo_line_to (cr, p[2 * k], p[2 * k + 1]);
            cairo_close_path (cr);
            cairo_fill (cr);
          }
          break;

        case SHAPE_RECTANGLE:
        default:
          cairo_rectangle (cr, v[0], v[1], v[2], v[3]);
          cairo_fill (cr);
          break;
        }
    }

  cairo_restore (cr);
}

/*
 * Rasterising
 *
 * Coverage is computed, not sampled: a pixel is a unit square, and each
 * shape covers the part of it that a box filter across the shape's edge
 * gives — along the radius for circles, across the line for strokes,
 * from each edge for polygons. That is what cairo's antialiasing looks
 * like, at a fraction of its cost for thin shapes.
 */

typedef struct
{
  guint32  premultiplied;  /* ARGB, as the image stores it */
  guint    alpha;          /* 0 … 256 */
  gboolean opaque;
} Ink;

/* A dash pattern in pixels. */
typedef struct
{
  double  lengths[MAX_DASHES];
  int     n;
  double  period;
} DeviceDash;

typedef struct
{
  const SsrShapes *shapes;
  guint32         *data;
  int              stride;     /* in pixels */
  /* the pixels this band may touch: [x0, x1) × [y0, y1) */
  int              x0, y0, x1, y1;
  /* device = user × scale + (tx, ty) */
  double           scale;
  double           tx, ty;
  Ink             *inks;
  DeviceDash      *dashes;
  /* a worker's own: what of each step of a thin stroke is on */
  guint16         *factors;
} Raster;

static inline double
clamp01 (double value)
{
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/* @value rounded down, within [@low, @high]: pictures zoomed far in have
 * coordinates no int holds. Clamped first, so the rounding is the
 * processor's conversion, not a call into the maths library. */
static G_ALWAYS_INLINE inline int
floor_within (double value,
              int    low,
              int    high)
{
  int whole;

  /* Written so that NaN gives @low. */
  if (!(value >= low))
    return low;
  if (value >= high)
    return high;

  whole = (int) value;

  return whole - (whole > value);
}

/* @value within [@low, @high]; NaN gives @low. */
static G_ALWAYS_INLINE inline double
clamp_within (double value,
              int    low,
              int    high)
{
  return !(value >= low) ? low : value > high ? high : value;
}

static G_ALWAYS_INLINE inline int
ceil_within (double value,
             int    low,
             int    high)
{
  int whole;

  if (!(value >= low))
    return low;
  if (value >= high)
    return high;

  whole = (int) value;

  return whole + (whole < value);
}

/* @n pixels of @value: the C library's wide-character fill is the one
 * tuned for 32-bit values. */
G_STATIC_ASSERT (sizeof (wchar_t) == sizeof (guint32));

static inline void
fill_run (guint32 *pixels,
          guint32  value,
          int      n)
{
  wmemset ((wchar_t *) pixels, (wchar_t) value, n);
}

/*
 * @ink over the pixel with @m/256 of it, in premultiplied ARGB, two
 * channels at a time. An opaque ink and its complement sum to 256, so no
 * channel overflows into the next; a translucent one gets 32 bits for
 * each pair of channels, and a clamp.
 */
static inline guint32
blend_translucent_pixel (guint32 d,
                         guint64 s_rb,
                         guint64 s_ag,
                         guint   im)
{
  guint64 d_rb = (d & 0xff) | (guint64) (d & 0xff0000) << 16;
  guint64 d_ag = ((d >> 8) & 0xff) | (guint64) ((d >> 8) & 0xff0000) << 16;
  guint64 rb = ((s_rb + d_rb * im + 0x0000008000000080) >> 8) & 0x000001ff000001ff;
  guint64 ag = ((s_ag + d_ag * im + 0x0000008000000080) >> 8) & 0x000001ff000001ff;

  /* A channel that rounded up to 256 is 255. */
  rb = (rb | ((rb >> 8) & 0x0000000100000001) * 0xff) & 0x000000ff000000ff;
  ag = (ag | ((ag >> 8) & 0x0000000100000001) * 0xff) & 0x000000ff000000ff;

  return (guint32) (rb | rb >> 16) | (guint32) (ag | ag >> 16) << 8;
}

/* @n pixels under a translucent @ink with @m/256 of it. */
static void
blend_translucent_run (guint32   *pixels,
                       int        n,
                       const Ink *ink,
                       guint      m)
{
  guint32 s = ink->premultiplied;
  guint64 s_rb = ((s & 0xff) | (guint64) (s & 0xff0000) << 16) * m;
  guint64 s_ag = (((s >> 8) & 0xff) | (guint64) ((s >> 8) & 0xff0000) << 16) * m;
  guint im = 256 - ((ink->alpha * m + 255) >> 8);
  int i = 0;

#ifdef SSR_SHAPES_SSE2
  {
    /* The same sums four pixels at a time; adding with saturation is
     * the clamp. */
    __m128i zero = _mm_setzero_si128 ();
    __m128i source = _mm_mullo_epi16 (_mm_unpacklo_epi8 (_mm_set1_epi32 ((int) s), zero),
                                      _mm_set1_epi16 ((short) m));
    __m128i rest = _mm_set1_epi16 ((short) im);
    __m128i half = _mm_set1_epi16 (0x80);

    source = _mm_adds_epu16 (source, half);
    for (; i + 4 <= n; i += 4)
      {
        __m128i d = _mm_loadu_si128 ((const __m128i *) &pixels[i]);
        __m128i lo = _mm_adds_epu16 (source, _mm_mullo_epi16 (_mm_unpacklo_epi8 (d, zero), rest));
        __m128i hi = _mm_adds_epu16 (source, _mm_mullo_epi16 (_mm_unpackhi_epi8 (d, zero), rest));

        _mm_storeu_si128 ((__m128i *) &pixels[i], _mm_packus_epi16 (_mm_srli_epi16 (lo, 8), _mm_srli_epi16 (hi, 8)));
      }
  }
#endif

  for (; i < n; i++)
    pixels[i] = blend_translucent_pixel (pixels[i], s_rb, s_ag, im);
}

static G_NO_INLINE void
blend_translucent (guint32   *pixel,
                   const Ink *ink,
                   guint      m)
{
  blend_translucent_run (pixel, 1, ink, m);
}

static inline void
blend_opaque (guint32 *pixel,
              guint32  s,
              guint    m)
{
  guint32 d = *pixel;
  guint im = 256 - m;
  guint32 rb = (((s & 0xff00ff) * m + (d & 0xff00ff) * im) >> 8) & 0xff00ff;
  guint32 ag = (((s >> 8) & 0xff00ff) * m + ((d >> 8) & 0xff00ff) * im) & 0xff00ff00;

  *pixel = rb | ag;
}

static inline void
blend_fixed (guint32   *pixel,
             const Ink *ink,
             guint      m)
{
  if (G_LIKELY (ink->opaque))
    blend_opaque (pixel, ink->premultiplied, m);
  else if (m > 0)
    {
      blend_translucent (pixel, ink, m);
    }
}

static inline void
blend (guint32   *pixel,
       const Ink *ink,
       double     coverage)
{
  if (coverage < 0.5 / 256)
    return;

  blend_fixed (pixel, ink, coverage >= 1 ? 256 : (guint) (coverage * 256 + 0.5));
}

static void
device_dash_init (DeviceDash *device,
                  const Dash *dash,
                  double      scale)
{
  device->n = dash->n;
  for (int i = 0; i < dash->n; i++)
    {
      device->lengths[i] = dash->lengths[i] * scale;
      device->period += device->lengths[i];
    }
}

/* Whether the point @s along a stroke (@s >= 0) falls in an "on" dash. */
static gboolean
dash_is_on (const DeviceDash *dash,
            double            s)
{
  double rest = fmod (s, dash->period);

  for (int k = 0; k < dash->n; k++)
    {
      if (rest < dash->lengths[k])
        return k % 2 == 0;
      rest -= dash->lengths[k];
    }

  return FALSE;
}

/*
 * Rings, discs and circle outlines: a pixel whose centre is at distance d
 * from the centre is covered clamp(outer - d + ½) - clamp(inner - d + ½).
 * Each row has a run inside the hole, two solid runs and the partial
 * pixels between; only those are measured.
 */
static void
raster_ring (const Raster     *r,
             const Ink        *ink,
             double            cx,
             double            cy,
             double            inner,
             double            outer,
             const DeviceDash *dash,
             double            dash_radius)
{
  int y0 = floor_within (cy - outer - 0.5, r->y0, r->y1);
  int y1 = ceil_within (cy + outer + 0.5, r->y0, r->y1);
  double reach = outer + 0.5;
  double solid = outer - 0.5;
  double clear = inner + 0.5;
  double hole = inner - 0.5;

  for (int y = y0; y < y1; y++)
    {
      double dy = y + 0.5 - cy;
      double dy2 = dy * dy;
      double half, solid_half, clear_half, hole_half;
      int x0, x1;
      guint32 *row;

      if (dy2 >= reach * reach)
        continue;

      half = sqrt (reach * reach - dy2);
      solid_half = solid > 0 && dy2 < solid * solid ? sqrt (solid * solid - dy2) : -1;
      clear_half = clear > 0 && dy2 < clear * clear ? sqrt (clear * clear - dy2) : 0;
      hole_half = inner > 0 && hole > 0 && dy2 < hole * hole ? sqrt (hole * hole - dy2) : -1;
      x0 = floor_within (cx - half, r->x0, r->x1);
      x1 = ceil_within (cx + half, r->x0, r->x1);
      row = r->data + (gsize) y * r->stride;

      for (int x = x0; x < x1; x++)
        {
          double dx = x + 0.5 - cx;
          double ax = fabs (dx);
          double coverage;

          if (ax <= hole_half)
            {
              /* Skip the hole: on to its first pixel on the right. */
              int next = floor_within (cx + hole_half - 0.5, r->x0 - 1, r->x1) + 1;

              if (next > x)
                x = next - 1;
              continue;
            }

          if (dash == NULL && ax >= clear_half && ax <= solid_half)
            {
              /* A solid run: to its last pixel. */
              int last = floor_within (dx < 0 ? cx - clear_half - 0.5 : cx + solid_half - 0.5, x, x1 - 1);

              if (ink->opaque)
                {
                  fill_run (&row[x], ink->premultiplied, last - x + 1);
                  x = last;
                }
              else
                {
                  for (; x <= last; x++)
                    blend (&row[x], ink, 1);
                  x--;
                }
              continue;
            }

          {
            double d = sqrt (dx * dx + dy2);

            coverage = clamp01 (outer - d + 0.5);
            if (inner > 0)
              coverage -= clamp01 (inner - d + 0.5);
          }

          if (dash != NULL && coverage > 0)
            {
              double angle = atan2 (dy, dx);
              double s;

              if (angle < 0)
                angle += 2 * G_PI;
              s = angle * dash_radius;
              if (!dash_is_on (dash, s))
                coverage = 0;
            }

          if (coverage > 0)
            blend (&row[x], ink, coverage);
        }
    }
}

/*
 * A stroke with butt ends, walked along its major axis: each step covers,
 * across the line, the part of each pixel within half the width measured
 * along the minor axis, in 256ths.
 */
typedef struct
{
  double  a0, b0;          /* start, in major and minor coordinates */
  double  k;               /* minor per major */
  double  half;            /* half the width along the minor axis */
  gint64  slope;           /* k in 65536ths */
  gint64  upper_at_lo;     /* the top of the step at the first in view */
  double  cut;             /* how far a square end reaches along major;
                            * 0 for ends cut along the steps */
  /* The unit vector along the stroke, in major and minor parts: how far
   * along it a point lies is their dot product with its offset from the
   * start, and a distance along it is t_per_major × that in major. */
  double  t_per_major;
  double  t_per_minor;
  int     thickness;       /* 2 × half in 256ths */
  int     span;            /* pixels any step may touch */
  int     minor_lo, minor_hi;
  gsize   major_stride, minor_stride;
} Stroke;

/*
 * Step @i of @stroke, whose top lies at @upper_fixed (in 65536ths of a
 * pixel along the minor axis), with @factor/256 of each pixel's coverage.
 */
static G_ALWAYS_INLINE inline void
cover_step (const Raster *r,
            const Ink    *ink,
            const Stroke *stroke,
            int           i,
            gint64        upper_fixed,
            guint         factor)
{
  int upper = (int) (upper_fixed >> 8);
  int lower = upper + stroke->thickness;
  int j0 = upper >> 8;
  guint32 *pixel;

  if (G_LIKELY (ink->opaque && j0 >= stroke->minor_lo && j0 + stroke->span <= stroke->minor_hi))
    {
      /* The usual step: as many pixels as every other, so the loop is
       * one the processor predicts. */
      pixel = r->data + (gsize) i * stroke->major_stride + (gsize) j0 * stroke->minor_stride;
      for (int n = 0, j = j0; n < stroke->span; n++, j++, pixel += stroke->minor_stride)
        {
          int coverage = MAX (0, MIN ((j + 1) << 8, lower) - MAX (j << 8, upper));

          blend_opaque (pixel, ink->premultiplied, ((guint) coverage * factor) >> 8);
        }
    }
  else
    {
      int j1 = MIN (stroke->minor_hi, (lower + 255) >> 8);

      j0 = MAX (stroke->minor_lo, j0);
      pixel = r->data + (gsize) i * stroke->major_stride + (gsize) j0 * stroke->minor_stride;
      for (int j = j0; j < j1; j++, pixel += stroke->minor_stride)
        blend_fixed (pixel, ink, ((guint) (MIN ((j + 1) << 8, lower) - MAX (j << 8, upper)) * factor) >> 8);
    }
}

#ifdef SSR_SHAPES_SSE2
/*
 * Four pixels in a row under an opaque ink, each with its own share of
 * it: @coverage holds them, 0 … 256, in its low four 16-bit lanes. The
 * same sums as blend_opaque(), so the result is the same to the bit.
 */
static G_ALWAYS_INLINE inline void
blend_opaque_4 (guint32 *pixels,
                __m128i  source,
                __m128i  coverage)
{
  __m128i zero = _mm_setzero_si128 ();
  __m128i whole = _mm_set1_epi16 (256);
  __m128i d = _mm_loadu_si128 ((const __m128i *) pixels);
  __m128i pairs = _mm_unpacklo_epi16 (coverage, coverage);
  __m128i m_lo = _mm_unpacklo_epi32 (pairs, pairs);
  __m128i m_hi = _mm_unpackhi_epi32 (pairs, pairs);
  __m128i d_lo = _mm_unpacklo_epi8 (d, zero);
  __m128i d_hi = _mm_unpackhi_epi8 (d, zero);
  __m128i lo = _mm_add_epi16 (_mm_mullo_epi16 (source, m_lo), _mm_mullo_epi16 (d_lo, _mm_sub_epi16 (whole, m_lo)));
  __m128i hi = _mm_add_epi16 (_mm_mullo_epi16 (source, m_hi), _mm_mullo_epi16 (d_hi, _mm_sub_epi16 (whole, m_hi)));

  _mm_storeu_si128 ((__m128i *) pixels, _mm_packus_epi16 (_mm_srli_epi16 (lo, 8), _mm_srli_epi16 (hi, 8)));
}

/* @ink's colour, as blend_opaque_4() takes it: two pixels' channels in
 * 16-bit lanes. */
static G_ALWAYS_INLINE inline __m128i
ink_source_4 (const Ink *ink)
{
  return _mm_unpacklo_epi8 (_mm_set1_epi32 ((int) ink->premultiplied), _mm_setzero_si128 ());
}

/* What of the pixels whose top (or left) edges are at @edges, in 256ths,
 * a step from @upper to @lower covers, times @factors/256: 0 … 256 each. */
static G_ALWAYS_INLINE inline __m128i
step_coverage_4 (__m128i edges,
                 __m128i upper,
                 __m128i lower,
                 __m128i factors)
{
  __m128i one = _mm_set1_epi16 (256);
  __m128i coverage = _mm_max_epi16 (_mm_setzero_si128 (),
                                    _mm_sub_epi16 (_mm_min_epi16 (_mm_add_epi16 (edges, one), lower),
                                                   _mm_max_epi16 (edges, upper)));

  /* (coverage × factor) >> 8, as the high half of (coverage × 128) ×
   * (factor × 2): neither overflows 16 bits, even at 256 × 256. */
  return _mm_mulhi_epu16 (_mm_slli_epi16 (coverage, 7), _mm_slli_epi16 (factors, 1));
}
#endif

/*
 * Steps [@lo, @hi) of a thin stroke, step i covered @factors[i - @lo]/256
 * (a step two dashes share may sum to a little over 256). Four pixels at
 * a time where they lie side by side: across a steep stroke, or four
 * steps of a shallow one.
 */
static void
cover_factors (const Raster  *r,
               const Ink     *ink,
               const Stroke  *stroke,
               const guint16 *factors,
               int            lo,
               int            hi)
{
  int i = lo;

#ifdef SSR_SHAPES_SSE2
  if (ink->opaque && stroke->thickness < 16 * 256)
    {
      __m128i source = ink_source_4 (ink);
      __m128i whole = _mm_set1_epi16 (256);

      if (stroke->minor_stride == 1)
        {
          /* Steep: a step's pixels are side by side in a row, in as many
           * fours as span it. */
          int width = (stroke->span + 3) & ~3;

          for (; i < hi; i++)
            {
              guint factor = MIN (factors[i - lo], 256);
              gint64 upper_fixed = stroke->upper_at_lo + (gint64) (i - lo) * stroke->slope;
              int upper = (int) (upper_fixed >> 8);
              int j0 = upper >> 8;
              guint32 *row;
              __m128i top, bottom, scale;

              if (factor == 0)
                continue;
              if (G_UNLIKELY (j0 < stroke->minor_lo || j0 + width > stroke->minor_hi))
                {
                  cover_step (r, ink, stroke, i, upper_fixed, factor);
                  continue;
                }

              upper -= j0 << 8;
              top = _mm_set1_epi16 ((short) upper);
              bottom = _mm_set1_epi16 ((short) (upper + stroke->thickness));
              scale = _mm_set1_epi16 ((short) factor);
              row = r->data + (gsize) i * stroke->major_stride + j0;
              for (int j = 0; j < width; j += 4)
                blend_opaque_4 (row + j, source,
                                step_coverage_4 (_mm_setr_epi16 ((short) (j << 8), (short) ((j + 1) << 8),
                                                                 (short) ((j + 2) << 8), (short) ((j + 3) << 8),
                                                                 0, 0, 0, 0),
                                                 top, bottom, scale));
            }
        }
      else if (stroke->major_stride == 1)
        {
          /* Shallow: four steps side by side, row by row. */
          for (; i + 4 <= hi; i += 4)
            {
              gint64 upper_fixed = stroke->upper_at_lo + (gint64) (i - lo) * stroke->slope;
              int u[4], top = G_MAXINT, bottom = G_MININT;
              __m128i four = _mm_loadl_epi64 ((const __m128i *) &factors[i - lo]);
              __m128i upper, lower;

              /* Four steps all off, as between dashes. */
              if ((_mm_movemask_epi8 (_mm_cmpeq_epi16 (four, _mm_setzero_si128 ())) & 0xff) == 0xff)
                continue;

              for (int m = 0; m < 4; m++)
                {
                  u[m] = (int) ((upper_fixed + m * stroke->slope) >> 8);
                  top = MIN (top, u[m] >> 8);
                  bottom = MAX (bottom, (u[m] + stroke->thickness - 1) >> 8);
                }
              if (G_UNLIKELY (top < stroke->minor_lo || bottom >= stroke->minor_hi))
                {
                  for (int m = 0; m < 4; m++)
                    if (factors[i + m - lo] > 0)
                      cover_step (r, ink, stroke, i + m, upper_fixed + m * stroke->slope,
                                  MIN (factors[i + m - lo], 256));
                  continue;
                }

              for (int m = 0; m < 4; m++)
                u[m] -= top << 8;
              upper = _mm_setr_epi16 ((short) u[0], (short) u[1], (short) u[2], (short) u[3], 0, 0, 0, 0);
              lower = _mm_add_epi16 (upper, _mm_set1_epi16 ((short) stroke->thickness));
              four = _mm_min_epi16 (four, whole);
              for (int j = top; j <= bottom; j++)
                blend_opaque_4 (r->data + (gsize) j * stroke->minor_stride + i, source,
                                step_coverage_4 (_mm_set1_epi16 ((short) ((j - top) << 8)), upper, lower, four));
            }
        }
    }
#endif

  for (; i < hi; i++)
    {
      if (factors[i - lo] > 0)
        cover_step (r, ink, stroke, i, stroke->upper_at_lo + (gint64) (i - lo) * stroke->slope,
                    MIN (factors[i - lo], 256));
    }
}

/*
 * Adds to @factors (step i at i - @lo) what of each step in [@lo, @hi)
 * the part of a thin stroke from @amin to @amax along the major axis
 * covers, times @full/256: its ends are cut along the steps. In 256ths
 * of a pixel, which is all a factor can tell.
 */
static void
add_piece (guint16 *factors,
           double   amin,
           double   amax,
           int      lo,
           int      hi,
           guint    full)
{
  int from = (int) (clamp_within (amin, lo, hi) * 256 + 0.5);
  int to = (int) (clamp_within (amax, lo, hi) * 256 + 0.5);
  int first = from >> 8, last = (to - 1) >> 8;

  if (to <= from)
    return;

  if (first == last)
    {
      factors[first - lo] += (guint16) (((guint) (to - from) * full) >> 8);
      return;
    }

  factors[first - lo] += (guint16) (((guint) ((first + 1) * 256 - from) * full) >> 8);
  for (int i = first + 1; i < last; i++)
    factors[i - lo] += (guint16) full;
  factors[last - lo] += (guint16) (((guint) (to - last * 256) * full) >> 8);
}

/*
 * Steps [@from, @to) of @stroke, which its square ends cross: each pixel
 * is covered as far as it lies between them, at @t_from and @t_to along
 * the stroke, as cairo's butt caps.
 */
static void
cut_steps (const Raster *r,
           const Ink    *ink,
           const Stroke *stroke,
           double        t_from,
           double        t_to,
           int           from,
           int           to,
           int           lo)
{
  for (int i = from; i < to; i++)
    {
      gint64 upper_fixed = stroke->upper_at_lo + (gint64) (i - lo) * stroke->slope;
      int upper = (int) (upper_fixed >> 8);
      int lower = upper + stroke->thickness;
      int j0 = MAX (stroke->minor_lo, upper >> 8);
      int j1 = MIN (stroke->minor_hi, (lower + 255) >> 8);
      double along = (i + 0.5 - stroke->a0) * stroke->t_per_major + (j0 + 0.5 - stroke->b0) * stroke->t_per_minor;
      guint32 *pixel = r->data + (gsize) i * stroke->major_stride + (gsize) j0 * stroke->minor_stride;

      for (int j = j0; j < j1; j++, pixel += stroke->minor_stride, along += stroke->t_per_minor)
        {
          double inside = MIN (along + 0.5, t_to) - MAX (along - 0.5, t_from);
          int coverage = MIN ((j + 1) << 8, lower) - MAX (j << 8, upper);

          if (inside > 0)
            blend_fixed (pixel, ink, (guint) (coverage * MIN (inside, 1) + 0.5));
        }
    }
}

/*
 * The part of the stroke from @t_from to @t_to along it (distances from
 * its start), within steps [@lo, @hi). What it covers of each step is
 * added to @factors (times @full/256), to be blended when all its parts
 * are in. A thin stroke's ends are cut along the steps: within a pixel,
 * that looks the same. Where a square end crosses steps (Stroke.cut),
 * those are drawn now, pixel by pixel.
 */
static void
stroke_piece (const Raster *r,
              const Ink    *ink,
              const Stroke *stroke,
              guint16      *factors,
              double        t_from,
              double        t_to,
              int           lo,
              int           hi,
              guint         full)
{
  double a_from = stroke->a0 + t_from * stroke->t_per_major;
  double a_to = stroke->a0 + t_to * stroke->t_per_major;
  double amin = MIN (a_from, a_to), amax = MAX (a_from, a_to);
  int i0, i1, square_to, square_from;

  if (stroke->cut == 0)
    {
      add_piece (factors, amin, amax, lo, hi, full);
      return;
    }

  i0 = floor_within (amin - stroke->cut, lo, hi);
  i1 = ceil_within (amax + stroke->cut, lo, hi);
  square_to = ceil_within (amin + stroke->cut, i0, i1);
  square_from = floor_within (amax - stroke->cut, square_to, i1);

  cut_steps (r, ink, stroke, t_from, t_to, i0, square_to, lo);
  add_piece (factors, MAX (amin, square_to), MIN (amax, square_from), lo, hi, full);
  cut_steps (r, ink, stroke, t_from, t_to, square_from, i1, lo);
}

/*
 * A stroke from (@x0, @y0) to (@x1, @y1). A dashed one is drawn as its
 * "on" pieces, as cairo's dasher does: what is off costs nothing. @s0 is
 * how far along the dash pattern the segment starts.
 */
static void
raster_segment (const Raster     *r,
                const Ink        *ink,
                const DeviceDash *dash,
                double            x0,
                double            y0,
                double            x1,
                double            y1,
                double            width,
                double            s0)
{
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  double a1 = steep ? y1 : x1;
  double b1 = steep ? x1 : y1;
  int major_lo = steep ? r->y0 : r->x0;
  int major_hi = steep ? r->y1 : r->x1;
  Stroke stroke;
  double amin, amax, step, direction, length;
  guint full = 256;
  int lo, hi;

  stroke.a0 = steep ? y0 : x0;
  stroke.b0 = steep ? x0 : y0;
  stroke.minor_lo = steep ? r->x0 : r->y0;
  stroke.minor_hi = steep ? r->x1 : r->y1;
  stroke.major_stride = steep ? (gsize) r->stride : 1;
  stroke.minor_stride = steep ? 1 : (gsize) r->stride;
  amin = MIN (stroke.a0, a1);
  amax = MAX (stroke.a0, a1);
  if (amax - amin < 1e-9 || width <= 0)
    return;

  stroke.k = (b1 - stroke.b0) / (a1 - stroke.a0);
  step = sqrt (1 + stroke.k * stroke.k);
  stroke.half = width / 2 * step;
  /* A square end crosses the steps within this of where it lies; within
   * a pixel, cutting the end along the step looks the same, and costs a
   * fraction of measuring each pixel along the line. */
  stroke.cut = width / 2 * fabs (stroke.k) / step;
  stroke.cut = stroke.cut >= 1 ? stroke.cut + 0.5 : 0;
  stroke.slope = (gint64) lrint (stroke.k * 65536);
  stroke.thickness = (int) (2 * stroke.half * 256 + 0.5);
  stroke.span = (stroke.thickness + 255) / 256 + 1;
  direction = a1 > stroke.a0 ? 1 : -1;
  stroke.t_per_major = direction / step;
  stroke.t_per_minor = direction * stroke.k / step;

  /* Only the steps whose pixels reach the clip's rows or columns. */
  lo = floor_within (amin - stroke.cut, major_lo, major_hi);
  hi = ceil_within (amax + stroke.cut, major_lo, major_hi);
  if (fabs (stroke.k) > 1e-12)
    {
      double ta = stroke.a0 + (stroke.minor_lo - stroke.half - 1 - stroke.b0) / stroke.k;
      double tb = stroke.a0 + (stroke.minor_hi + stroke.half + 1 - stroke.b0) / stroke.k;

      lo = floor_within (MIN (ta, tb), lo, hi);
      hi = ceil_within (MAX (ta, tb), lo, hi);
    }
  else if (stroke.b0 + stroke.half < stroke.minor_lo || stroke.b0 - stroke.half > stroke.minor_hi)
    {
      return;
    }
  if (lo >= hi)
    return;

  stroke.upper_at_lo = (gint64) lrint ((stroke.b0 + (lo + 0.5 - stroke.a0) * stroke.k - stroke.half) * 65536);

  length = (amax - amin) * step;
  if (dash != NULL && !(dash->period >= (s0 + length) * 1e-9))
    {
      /* Dashes the numbers cannot tell apart along a stroke this long. */
      dash = NULL;
    }
  if (dash != NULL && stroke.cut == 0 && dash->period < step)
    {
      /* Dashes finer than the steps: an even tint of what is on. */
      double on = 0;

      for (int k = 0; k < dash->n; k += 2)
        on += dash->lengths[k];
      full = (guint) (on / dash->period * 256 + 0.5);
      dash = NULL;
    }
  memset (r->factors, 0, (gsize) (hi - lo) * sizeof (guint16));

  if (dash == NULL)
    {
      stroke_piece (r, ink, &stroke, r->factors, 0, length, lo, hi, full);
    }
  else
    {
      /* The part of the stroke in view, as distances from its start. */
      double seen_from = CLAMP (((direction > 0 ? lo - stroke.cut : hi + stroke.cut) - stroke.a0) * direction * step, 0, length);
      double seen_to = CLAMP (((direction > 0 ? hi + stroke.cut : lo - stroke.cut) - stroke.a0) * direction * step, 0, length);
      double position = s0 + seen_from;
      double edge = floor (position / dash->period) * dash->period;
      int k = 0;

      /* The dash that holds the first point in view: within a period. */
      for (int guard = 0; guard < 2 * MAX_DASHES && edge + dash->lengths[k] <= position; guard++)
        {
          edge += dash->lengths[k];
          k = k + 1 < dash->n ? k + 1 : 0;
        }

      while (edge - s0 < seen_to)
        {
          double on_from = MAX (edge - s0, seen_from);
          double on_to = MIN (edge + dash->lengths[k] - s0, seen_to);

          if (k % 2 == 0 && on_to > on_from)
            stroke_piece (r, ink, &stroke, r->factors, on_from, on_to, lo, hi, 256);

          edge += dash->lengths[k];
          k = k + 1 < dash->n ? k + 1 : 0;
        }
    }

  cover_factors (r, ink, &stroke, r->factors, lo, hi);
}

static inline double
distance (double x0,
          double y0,
          double x1,
          double y1)
{
  return sqrt ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
}

/* A curve as segments a few pixels long, the dash running on. */
static void
raster_curve (const Raster     *r,
              const Ink        *ink,
              const DeviceDash *dash,
              const double     *p,
              double            width)
{
  double hull = distance (p[0], p[1], p[2], p[3]) + distance (p[2], p[3], p[4], p[5]) +
                distance (p[4], p[5], p[6], p[7]);
  int n = CLAMP ((int) (hull / 6), 4, 96);
  double px = p[0], py = p[1], s = 0;

  for (int i = 1; i <= n; i++)
    {
      double t = (double) i / n;
      double u = 1 - t;
      double x = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
      double y = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];

      raster_segment (r, ink, dash, px, py, x, y, width, s);
      s += distance (px, py, x, y);
      px = x;
      py = y;
    }
}

/*
 * A polygon star-shaped from its first point, as the fan of triangles
 * from it. Each triangle covers the product of the coverage across its
 * three edges; triangles of the fan share edges, where their coverages
 * add up to one, so no seam shows.
 */
typedef struct
{
  double nx[3], ny[3], c[3];
} Triangle;

static gboolean
triangle_init (Triangle     *triangle,
               const double *a,
               const double *b,
               const double *c)
{
  const double *points[3] = { a, b, c };
  double area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  double orientation = area > 0 ? 1 : -1;

  if (fabs (area) < 1e-9)
    return FALSE;

  for (int e = 0; e < 3; e++)
    {
      const double *p = points[e];
      const double *q = points[(e + 1) % 3];
      double ex = q[0] - p[0], ey = q[1] - p[1];
      double length = sqrt (ex * ex + ey * ey);

      /* The inward normal: signed distances are positive inside. */
      triangle->nx[e] = -ey / length * orientation;
      triangle->ny[e] = ex / length * orientation;
      triangle->c[e] = -(triangle->nx[e] * p[0] + triangle->ny[e] * p[1]);
    }

  return TRUE;
}

/* What the fan of @n triangles covers of the pixel whose centre is
 * (@px, @py): the product of the coverages across each one's edges. */
static double
fan_coverage (const Triangle *triangles,
              guint           n,
              double          px,
              double          py)
{
  double coverage = 0;

  for (guint t = 0; t < n; t++)
    {
      const Triangle *tri = &triangles[t];
      double e0 = tri->nx[0] * px + tri->ny[0] * py + tri->c[0] + 0.5;
      double e1, e2;

      if (e0 <= 0)
        continue;
      e1 = tri->nx[1] * px + tri->ny[1] * py + tri->c[1] + 0.5;
      if (e1 <= 0)
        continue;
      e2 = tri->nx[2] * px + tri->ny[2] * py + tri->c[2] + 0.5;
      if (e2 <= 0)
        continue;
      coverage += MIN (e0, 1) * MIN (e1, 1) * MIN (e2, 1);
    }

  return MIN (coverage, 1);
}

#ifdef SSR_SHAPES_SSE2
/* The same for the four pixels from (@x, @py - ½), in 256ths, in the
 * low four 16-bit lanes. Each distance is worked out at the first pixel
 * in double precision; the steps across stay small for single. */
static __m128i
fan_coverage_4 (const Triangle *triangles,
                guint           n,
                int             x,
                double          py)
{
  __m128 across = _mm_setr_ps (0.5f, 1.5f, 2.5f, 3.5f);
  __m128 zero = _mm_setzero_ps ();
  __m128 one = _mm_set1_ps (1);
  __m128 coverage = zero;
  __m128i fixed;

  for (guint t = 0; t < n; t++)
    {
      const Triangle *tri = &triangles[t];
      __m128 product = one;

      for (int e = 0; e < 3; e++)
        {
          double first = tri->nx[e] * x + tri->ny[e] * py + tri->c[e] + 0.5;
          __m128 distance = _mm_add_ps (_mm_set1_ps ((float) first),
                                        _mm_mul_ps (_mm_set1_ps ((float) tri->nx[e]), across));

          product = _mm_mul_ps (product, _mm_min_ps (_mm_max_ps (distance, zero), one));
        }
      coverage = _mm_add_ps (coverage, product);
    }

  coverage = _mm_min_ps (coverage, one);
  fixed = _mm_cvttps_epi32 (_mm_add_ps (_mm_mul_ps (coverage, _mm_set1_ps (256)), _mm_set1_ps (0.5f)));

  return _mm_packs_epi32 (fixed, fixed);
}
#endif

static void
raster_polygon (const Raster *r,
                const Ink    *ink,
                const double *points,
                guint         n_points)
{
  Triangle stack[8];
  g_autofree Triangle *heap = n_points > G_N_ELEMENTS (stack) ? g_new (Triangle, n_points) : NULL;
  Triangle *triangles = heap != NULL ? heap : stack;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  guint n = 0;
  int x0, y0, x1, y1, x, end;
#ifdef SSR_SHAPES_SSE2
  __m128i source = ink_source_4 (ink);
#endif

  for (guint i = 0; i < n_points; i++)
    {
      min_x = MIN (min_x, points[2 * i]);
      max_x = MAX (max_x, points[2 * i]);
      min_y = MIN (min_y, points[2 * i + 1]);
      max_y = MAX (max_y, points[2 * i + 1]);
    }
  for (guint i = 1; i + 1 < n_points; i++)
    n += triangle_init (&triangles[n], &points[0], &points[2 * i], &points[2 * i + 2]);

  x0 = floor_within (min_x - 0.5, r->x0, r->x1);
  x1 = ceil_within (max_x + 0.5, r->x0, r->x1);
  y0 = floor_within (min_y - 0.5, r->y0, r->y1);
  y1 = ceil_within (max_y + 0.5, r->y0, r->y1);

  for (int y = y0; y < y1; y++)
    {
      guint32 *row = r->data + (gsize) y * r->stride;
      double py = y + 0.5;
      double from = x1, to = x0;

      /* Only the pixels whose centres some triangle's edges all reach:
       * along the row, each edge's distance is a line in x. */
      for (guint t = 0; t < n; t++)
        {
          const Triangle *tri = &triangles[t];
          double low = x0, high = x1;

          for (int e = 0; e < 3; e++)
            {
              double offset = tri->ny[e] * py + tri->c[e] + 0.5;

              if (tri->nx[e] > 1e-12)
                low = MAX (low, -offset / tri->nx[e] - 0.5);
              else if (tri->nx[e] < -1e-12)
                high = MIN (high, -offset / tri->nx[e] - 0.5);
              else if (offset <= 0)
                high = low;
            }
          if (high > low)
            {
              from = MIN (from, low);
              to = MAX (to, high);
            }
        }

      x = floor_within (from, x0, x1);
      end = ceil_within (to + 1, x0, x1);
#ifdef SSR_SHAPES_SSE2
      if (ink->opaque)
        {
          for (; x < end; x += 4)
            {
              __m128i coverage = fan_coverage_4 (triangles, n, x, py);
              guint32 edge[4] = { 0 };

              if (G_LIKELY (x + 4 <= r->x1))
                {
                  blend_opaque_4 (&row[x], source, coverage);
                  continue;
                }

              /* At the clip's edge: through a copy, to touch no pixel
               * beyond it. */
              memcpy (edge, &row[x], (r->x1 - x) * sizeof (guint32));
              blend_opaque_4 (edge, source, coverage);
              memcpy (&row[x], edge, (r->x1 - x) * sizeof (guint32));
            }
        }
#endif
      for (; x < end; x++)
        blend (&row[x], ink, fan_coverage (triangles, n, x + 0.5, py));
    }
}

static void
raster_rectangle (const Raster *r,
                  const Ink    *ink,
                  double        x,
                  double        y,
                  double        width,
                  double        height)
{
  int x0 = floor_within (x, r->x0, r->x1);
  int x1 = ceil_within (x + width, r->x0, r->x1);
  int y0 = floor_within (y, r->y0, r->y1);
  int y1 = ceil_within (y + height, r->y0, r->y1);
  guint first, last;

  if (x0 >= x1)
    return;

  /* Partial columns at the sides, whole ones between. */
  first = (guint) ((MIN (x0 + 1, x + width) - MAX (x0, x)) * 256 + 0.5);
  last = (guint) ((MIN (x1, x + width) - MAX (x1 - 1, x)) * 256 + 0.5);

  for (int j = y0; j < y1; j++)
    {
      guint32 *row = r->data + (gsize) j * r->stride;
      guint m = (guint) ((MIN (j + 1, y + height) - MAX (j, y)) * 256 + 0.5);

      if (x1 - x0 == 1)
        {
          blend_fixed (&row[x0], ink, MIN (first, last) * m >> 8);
          continue;
        }

      blend_fixed (&row[x0], ink, first * m >> 8);
      if (ink->opaque && m == 256)
        fill_run (&row[x0 + 1], ink->premultiplied, x1 - x0 - 2);
      else if (ink->opaque)
        for (int i = x0 + 1; i < x1 - 1; i++)
          blend_opaque (&row[i], ink->premultiplied, m);
      else
        blend_translucent_run (&row[x0 + 1], x1 - x0 - 2, ink, m);
      blend_fixed (&row[x1 - 1], ink, last * m >> 8);
    }
}

/*
 * Small rings come in few sizes — a map's nodes share one radius — so
 * each is drawn once per size, dash and quarter-pixel offset, as a
 * coverage sprite, and stamped wherever it recurs. Rounding the centre
 * to a quarter of a pixel moves an edge by an eighth at most.
 */
#define SPRITE_MAX_RADIUS 24
#define SPRITE_OFFSETS    4
#define SPRITE_SLOTS      128

typedef struct
{
  double   inner, outer, dash_radius;
  guint    dash;
  int      qx, qy;
  int      size;             /* the sprite is size × size pixels */
  guint16 *coverage;         /* 0 … 256; NULL for an empty slot */
} Sprite;

typedef struct
{
  Sprite slots[SPRITE_SLOTS];
} SpriteCache;

static void
sprite_cache_clear (SpriteCache *cache)
{
  for (guint i = 0; i < SPRITE_SLOTS; i++)
    g_clear_pointer (&cache->slots[i].coverage, g_free);
}

/* The sprite of a ring round (@radius + offset) in a square of 2 × radius
 * + 1 pixels, from the rasteriser itself drawing white on black. */
static void
sprite_draw (Sprite           *sprite,
             const DeviceDash *dash)
{
  int reach = (int) ceil (sprite->outer) + 1;
  g_autofree guint32 *pixels = NULL;
  Ink white = { 0xffffffff, 256, TRUE };
  Raster scratch = { 0 };

  sprite->size = 2 * reach + 1;
  pixels = g_new0 (guint32, sprite->size * sprite->size);
  scratch.data = pixels;
  scratch.stride = sprite->size;
  scratch.x1 = scratch.y1 = sprite->size;
  raster_ring (&scratch, &white, reach + (sprite->qx + 0.5) / SPRITE_OFFSETS,
               reach + (sprite->qy + 0.5) / SPRITE_OFFSETS,
               sprite->inner, sprite->outer, dash, sprite->dash_radius);

  sprite->coverage = g_new (guint16, sprite->size * sprite->size);
  for (int i = 0; i < sprite->size * sprite->size; i++)
    {
      guint value = pixels[i] & 0xff;

      sprite->coverage[i] = value + (value >> 7);
    }
}

static const Sprite *
sprite_lookup (SpriteCache      *cache,
               double            inner,
               double            outer,
               const DeviceDash *dash,
               guint             dash_index,
               double            dash_radius,
               int               qx,
               int               qy)
{
  /* Radii are within ±SPRITE_MAX_RADIUS: ints hold them in 64ths. */
  guint hash = (guint) (int) (outer * 64) * 31 + (guint) (int) (inner * 64) * 17 + dash_index * 7 +
               (guint) (qy * SPRITE_OFFSETS + qx);

  for (guint probe = 0; probe < SPRITE_SLOTS; probe++)
    {
      Sprite *sprite = &cache->slots[(hash + probe) % SPRITE_SLOTS];

      if (sprite->coverage == NULL)
        {
          *sprite = (Sprite) { inner, outer, dash_radius, dash_index, qx, qy, 0, NULL };
          sprite_draw (sprite, dash);
          return sprite;
        }
      if (sprite->inner == inner && sprite->outer == outer && sprite->dash == dash_index &&
          sprite->dash_radius == dash_radius && sprite->qx == qx && sprite->qy == qy)
        return sprite;
    }

  return NULL;
}

/* A ring through a sprite; FALSE when it is not one to stamp. */
static gboolean
stamp_ring (const Raster     *r,
            SpriteCache      *cache,
            const Ink        *ink,
            double            cx,
            double            cy,
            double            inner,
            double            outer,
            const DeviceDash *dash,
            guint             dash_index,
            double            dash_radius)
{
  const Sprite *sprite;
  int ix, iy, reach, x0, y0, x1, y1;

  if (!ink->opaque || outer > SPRITE_MAX_RADIUS || !isfinite (cx) || !isfinite (cy) ||
      fabs (cx) > 1e6 || fabs (cy) > 1e6)
    return FALSE;

  ix = (int) floor (cx);
  iy = (int) floor (cy);
  sprite = sprite_lookup (cache, inner, outer, dash, dash_index, dash_radius,
                          (int) ((cx - ix) * SPRITE_OFFSETS), (int) ((cy - iy) * SPRITE_OFFSETS));
  if (sprite == NULL)
    return FALSE;

  reach = sprite->size / 2;
  x0 = MAX (r->x0, ix - reach);
  y0 = MAX (r->y0, iy - reach);
  x1 = MIN (r->x1, ix - reach + sprite->size);
  y1 = MIN (r->y1, iy - reach + sprite->size);
  for (int y = y0; y < y1; y++)
    {
      const guint16 *coverage = &sprite->coverage[(y - iy + reach) * sprite->size - ix + reach];
      guint32 *row = r->data + (gsize) y * r->stride;
      int x = x0;

#ifdef SSR_SHAPES_SSE2
      {
        __m128i source = ink_source_4 (ink);

        for (; x + 4 <= x1; x += 4)
          blend_opaque_4 (&row[x], source, _mm_loadl_epi64 ((const __m128i *) &coverage[x]));
      }
#endif
      for (; x < x1; x++)
        if (coverage[x] != 0)
          blend_opaque (&row[x], ink->premultiplied, coverage[x]);
    }

  return TRUE;
}

/* Draws the shapes of @indices, in that order, within @r's clip. */
static void
raster_shapes (const Raster *r,
               SpriteCache  *cache,
               const guint  *indices,
               guint         n_indices)
{
  const SsrShapes *shapes = r->shapes;
  double s = r->scale;

  for (guint i = 0; i < n_indices; i++)
    {
      const Shape *shape = &g_array_index (shapes->shapes, Shape, indices[i]);
      const Ink *ink = &r->inks[shape->paint];
      const DeviceDash *dash = shape->dash > 0 ? &r->dashes[shape->dash] : NULL;
      const double *v = shape->v;
      double width = shape->line_width * s;

      switch (shape->kind)
        {
        case SHAPE_RING:
          if (!stamp_ring (r, cache, ink, v[0] * s + r->tx, v[1] * s + r->ty, v[2] * s, v[3] * s, NULL, 0, 0))
            raster_ring (r, ink, v[0] * s + r->tx, v[1] * s + r->ty, v[2] * s, v[3] * s, NULL, 0);
          break;

        case SHAPE_CIRCLE:
          if (!stamp_ring (r, cache, ink, v[0] * s + r->tx, v[1] * s + r->ty,
                           v[2] * s - width / 2, v[2] * s + width / 2, dash, shape->dash, v[2] * s))
            raster_ring (r, ink, v[0] * s + r->tx, v[1] * s + r->ty,
                         v[2] * s - width / 2, v[2] * s + width / 2, dash, v[2] * s);
          break;

        case SHAPE_LINE:
          raster_segment (r, ink, dash, v[0] * s + r->tx, v[1] * s + r->ty,
                          v[2] * s + r->tx, v[3] * s + r->ty, width, 0);
          break;

        case SHAPE_CURVE:
          {
            double p[8];

            for (int k = 0; k < 8; k += 2)
              {
                p[k] = v[k] * s + r->tx;
                p[k + 1] = v[k + 1] * s + r->ty;
              }
            raster_curve (r, ink, dash, p, width);
          }
          break;

        case SHAPE_POLYGON:
          {
            guint n = (guint) v[1];
            const double *user = &g_array_index (shapes->points, double, 2 * (guint) v[0]);
            g_autofree double *device = g_new (double, 2 * n);

            for (guint k = 0; k < n; k++)
              {
                device[2 * k] = user[2 * k] * s + r->tx;
                device[2 * k + 1] = user[2 * k + 1] * s + r->ty;
              }
            raster_polygon (r, ink, device, n);
          }
          break;

        case SHAPE_RECTANGLE:
        default:
          raster_rectangle (r, ink, v[0] * s + r->tx, v[1] * s + r->ty, v[2] * s, v[3] * s);
          break;
        }
    }
}

/* The rows of pixels @shape may touch, in device space. */
static void
shape_rows (const SsrShapes *shapes,
            const Shape     *shape,
            const Raster    *r,
            double          *top,
            double          *bottom)
{
  const double *v = shape->v;
  double reach = shape->line_width * r->scale + 1;
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;

  switch (shape->kind)
    {
    case SHAPE_RING:
      low = v[1] - v[3];
      high = v[1] + v[3];
      reach = 1;
      break;

    case SHAPE_CIRCLE:
      low = v[1] - v[2];
      high = v[1] + v[2];
      break;

    case SHAPE_LINE:
    case SHAPE_CURVE:
      /* A Bézier curve stays within its control points. */
      for (int k = 1; k < (shape->kind == SHAPE_LINE ? 4 : 8); k += 2)
        {
          low = MIN (low, v[k]);
          high = MAX (high, v[k]);
        }
      break;

    case SHAPE_POLYGON:
      {
        const double *points = &g_array_index (shapes->points, double, 2 * (guint) v[0]);

        for (guint k = 0; k < (guint) v[1]; k++)
          {
            low = MIN (low, points[2 * k + 1]);
            high = MAX (high, points[2 * k + 1]);
          }
        reach = 1;
      }
      break;

    case SHAPE_RECTANGLE:
    default:
      low = v[1];
      high = v[1] + v[3];
      reach = 1;
      break;
    }

  *top = low * r->scale + r->ty - reach;
  *bottom = high * r->scale + r->ty + reach;
}

/*
 * The target is drawn in bands of rows small enough to stay in a
 * processor's cache while every shape crossing them is drawn: lines
 * across the whole picture would otherwise fetch a row of pixels from
 * memory at each step. Each band gets the shapes that cross it, in
 * order; workers take bands in turn, so the result does not depend on
 * how many there are.
 */
#define BAND_ROWS 64

typedef struct
{
  Raster  whole;
  guint   n_bands;
  guint  *band_starts;   /* n_bands + 1 offsets into band_shapes */
  guint  *band_shapes;
  guint   n_workers;
} RasterJob;

typedef struct
{
  const RasterJob *job;
  guint            first_band;
} RasterWorker;

static void
raster_job_init (RasterJob       *job,
                 const SsrShapes *shapes)
{
  guint n = shapes->shapes->len;
  g_autofree int *first = g_new (int, n);
  g_autofree int *last = g_new (int, n);
  g_autofree guint *filled = NULL;
  int rows = job->whole.y1 - job->whole.y0;

  job->n_bands = (guint) MAX (0, (rows + BAND_ROWS - 1) / BAND_ROWS);
  job->band_starts = g_new0 (guint, job->n_bands + 1);

  for (guint i = 0; i < n; i++)
    {
      double top, bottom;

      shape_rows (shapes, &g_array_index (shapes->shapes, Shape, i), &job->whole, &top, &bottom);
      first[i] = floor_within ((top - job->whole.y0) / BAND_ROWS, 0, (int) job->n_bands);
      last[i] = floor_within ((bottom - job->whole.y0) / BAND_ROWS, -1, (int) job->n_bands - 1);
      for (int b = first[i]; b <= last[i]; b++)
        job->band_starts[b + 1]++;
    }
  for (guint b = 0; b < job->n_bands; b++)
    job->band_starts[b + 1] += job->band_starts[b];

  job->band_shapes = g_new (guint, MAX (1, job->band_starts[job->n_bands]));
  filled = g_memdup2 (job->band_starts, sizeof (guint) * (job->n_bands + 1));
  for (guint i = 0; i < n; i++)
    for (int b = first[i]; b <= last[i]; b++)
      job->band_shapes[filled[b]++] = i;
}

static void
raster_job_clear (RasterJob *job)
{
  g_clear_pointer (&job->band_starts, g_free);
  g_clear_pointer (&job->band_shapes, g_free);
}

static gpointer
raster_worker_run (gpointer data)
{
  const RasterWorker *worker = data;
  const RasterJob *job = worker->job;
  g_autofree SpriteCache *cache = g_new0 (SpriteCache, 1);
  /* A stroke in view has at most a step per row or column. */
  g_autofree guint16 *factors = g_new (guint16, MAX (job->whole.x1, job->whole.y1) + 1);

  for (guint b = worker->first_band; b < job->n_bands; b += job->n_workers)
    {
      Raster band = job->whole;

      band.y0 = job->whole.y0 + (int) b * BAND_ROWS;
      band.y1 = MIN (job->whole.y1, band.y0 + BAND_ROWS);
      band.factors = factors;
      raster_shapes (&band, cache, &job->band_shapes[job->band_starts[b]],
                     job->band_starts[b + 1] - job->band_starts[b]);
    }
  sprite_cache_clear (cache);

  return NULL;
}

static gboolean
pixel_in_clip (cairo_t *cr,
               int      x,
               int      y)
{
  double px = x + 0.5, py = y + 0.5;

  cairo_device_to_user (cr, &px, &py);

  return cairo_in_clip (cr, px, py);
}

/*
 * Whether the clip of @cr is a rectangle as far as pixels go: its extents
 * (rounded out to whole pixels by cairo), less an edge row or column
 * whose centres fall outside, when the pixels at the four corners are in
 * it — a rounded or slanted clip leaves them out. Narrows @r to those
 * pixels.
 */
static gboolean
clip_is_rectangle (Raster  *r,
                   cairo_t *cr)
{
  double left, top, right, bottom;
  int x0, y0, x1, y1, middle_x, middle_y;

  cairo_clip_extents (cr, &left, &top, &right, &bottom);
  cairo_user_to_device (cr, &left, &top);
  cairo_user_to_device (cr, &right, &bottom);
  x0 = floor_within (left + 0.5, r->x0, r->x1);
  y0 = floor_within (top + 0.5, r->y0, r->y1);
  x1 = floor_within (right + 0.5, x0, r->x1);
  y1 = floor_within (bottom + 0.5, y0, r->y1);
  if (x1 <= x0 || y1 <= y0)
    {
      r->x1 = r->x0;
      return TRUE;
    }

  middle_x = (x0 + x1) / 2;
  middle_y = (y0 + y1) / 2;
  if (!pixel_in_clip (cr, x0, middle_y))
    x0++;
  if (!pixel_in_clip (cr, x1 - 1, middle_y))
    x1--;
  if (!pixel_in_clip (cr, middle_x, y0))
    y0++;
  if (!pixel_in_clip (cr, middle_x, y1 - 1))
    y1--;

  if (x1 > x0 && y1 > y0 &&
      !(pixel_in_clip (cr, x0, y0) && pixel_in_clip (cr, x1 - 1, y0) &&
        pixel_in_clip (cr, x0, y1 - 1) && pixel_in_clip (cr, x1 - 1, y1 - 1)))
    return FALSE;

  r->x0 = x0;
  r->y0 = y0;
  r->x1 = MAX (x0, x1);
  r->y1 = MAX (y0, y1);

  return TRUE;
}

/*
 * Whether @cr lets the shapes be rasterised straight into its target: an
 * image surface in a 32-bit format, drawn over, seen through a uniform
 * scale and a translation, clipped to at most one rectangle. Fills in
 * @r's target, transform and clip.
 */
static gboolean
raster_init (Raster  *r,
             cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_rectangle_list_t *clip;
  cairo_format_t format;
  cairo_matrix_t matrix;
  double offset_x, offset_y, scale_x, scale_y;
  gboolean ok = TRUE;

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER ||
      cairo_get_antialias (cr) == CAIRO_ANTIALIAS_NONE)
    return FALSE;

  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;

  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);
  if (offset_x != 0 || offset_y != 0 || scale_x != 1 || scale_y != 1)
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || matrix.xx != matrix.yy)
    return FALSE;

  r->scale = matrix.xx;
  r->tx = matrix.x0;
  r->ty = matrix.y0;
  r->data = (guint32 *) cairo_image_surface_get_data (target);
  r->stride = cairo_image_surface_get_stride (target) / 4;
  r->x0 = 0;
  r->y0 = 0;
  r->x1 = cairo_image_surface_get_width (target);
  r->y1 = cairo_image_surface_get_height (target);
  if (r->data == NULL)
    return FALSE;

  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status == CAIRO_STATUS_CLIP_NOT_REPRESENTABLE)
    {
      /* A rectangle whose edges fall between pixels — a picture's bounds
       * at most zooms — is not a list of pixel rectangles either. */
      ok = clip_is_rectangle (r, cr);
    }
  else if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles > 1)
    {
      ok = FALSE;
    }
  else if (clip->num_rectangles == 0)
    {
      r->x1 = r->x0;
    }
  else
    {
      /* In user space: the matrix takes it to pixels, rounded as cairo
       * does a clip that falls between them. */
      const cairo_rectangle_t *box = &clip->rectangles[0];
      double left = box->x, top = box->y;
      double right = box->x + box->width, bottom = box->y + box->height;

      cairo_user_to_device (cr, &left, &top);
      cairo_user_to_device (cr, &right, &bottom);
      r->x0 = floor_within (left + 0.5, r->x0, r->x1);
      r->y0 = floor_within (top + 0.5, r->y0, r->y1);
      r->x1 = floor_within (right + 0.5, r->x0, r->x1);
      r->y1 = floor_within (bottom + 0.5, r->y0, r->y1);
    }
  cairo_rectangle_list_destroy (clip);

  return ok;
}

static void
ink_init (Ink         *ink,
          const Paint *paint)
{
  guint a = (guint) (paint->alpha * 255 + 0.5);
  guint red = (guint) (paint->color.red * paint->alpha * 255 + 0.5);
  guint green = (guint) (paint->color.green * paint->alpha * 255 + 0.5);
  guint blue = (guint) (paint->color.blue * paint->alpha * 255 + 0.5);

  ink->premultiplied = (guint32) a << 24 | MIN (red, a) << 16 | MIN (green, a) << 8 | MIN (blue, a);
  ink->alpha = (guint) (paint->alpha * 256 + 0.5);
  ink->opaque = a == 255;
}

gboolean
_ssr_shapes_draw (const SsrShapes *shapes,
                  cairo_t         *cr)
{
  cairo_surface_t *target;
  g_autofree Ink *inks = NULL;
  g_autofree DeviceDash *dashes = NULL;
  Raster whole = { 0 };
  RasterJob job = { 0 };
  RasterWorker workers[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };

  g_return_val_if_fail (shapes != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (shapes->shapes->len == 0)
    return FALSE;

  if (!raster_init (&whole, cr))
    {
      _ssr_shapes_draw_paths (shapes, cr);
      return FALSE;
    }

  inks = g_new (Ink, shapes->paints->len);
  for (guint i = 0; i < shapes->paints->len; i++)
    ink_init (&inks[i], &g_array_index (shapes->paints, Paint, i));

  dashes = g_new0 (DeviceDash, shapes->dashes->len);
  for (guint i = 1; i < shapes->dashes->len; i++)
    device_dash_init (&dashes[i], &g_array_index (shapes->dashes, Dash, i), whole.scale);

  whole.shapes = shapes;
  whole.inks = inks;
  whole.dashes = dashes;

  target = cairo_get_group_target (cr);
  cairo_surface_flush (target);

  job.whole = whole;
  raster_job_init (&job, shapes);
  job.n_workers = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  if (job.n_bands < 2 * job.n_workers || shapes->shapes->len < 256)
    job.n_workers = 1;

  for (guint t = 0; t < job.n_workers; t++)
    workers[t] = (RasterWorker) { &job, t };
  for (guint t = 1; t < job.n_workers; t++)
    threads[t] = g_thread_new ("ssr-shapes", raster_worker_run, &workers[t]);
  raster_worker_run (&workers[0]);
  for (guint t = 1; t < job.n_workers; t++)
    g_thread_join (threads[t]);
  raster_job_clear (&job);

  if (whole.x1 > whole.x0 && whole.y1 > whole.y0)
    cairo_surface_mark_dirty_rectangle (target, whole.x0, whole.y0,
                                        whole.x1 - whole.x0, whole.y1 - whole.y0);

  return TRUE;
}
