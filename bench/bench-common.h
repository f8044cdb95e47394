/* bench-common.h: what the benchmarks share: the median of their timings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @values, an array of double it sorts; it must not be empty. */
static inline double
bench_median (GArray *values)
{
  guint n = values->len;

  g_assert (n > 0);

  g_array_sort (values, bench_compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

G_END_DECLS
