/* ssr-indicator.h: an indicator with baseline, target and dated measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_INDICATOR (ssr_indicator_get_type ())

G_DECLARE_FINAL_TYPE (SsrIndicator, ssr_indicator, SSR, INDICATOR, SsrItem)

/*
 * Properties:
 *   id             string, construct-only
 *   name           string
 *   kind           SsrIndicatorKind
 *   unit           string
 *   baseline       double
 *   baseline-date  string, ISO 8601 date or NULL
 *   target         double
 *   target-date    string, ISO 8601 date or NULL
 *   source         string
 *   owner          string
 *   priority       string, a priority id or NULL
 *   measurements   GVariant "a(sds)": (ISO date, value, note), sorted by date
 */
SsrIndicator     *ssr_indicator_new                (const char   *id);
const char       *ssr_indicator_get_name           (SsrIndicator *self);
SsrIndicatorKind  ssr_indicator_get_kind           (SsrIndicator *self);
const char       *ssr_indicator_get_unit           (SsrIndicator *self);
double            ssr_indicator_get_baseline       (SsrIndicator *self);
const char       *ssr_indicator_get_baseline_date  (SsrIndicator *self);
double            ssr_indicator_get_target         (SsrIndicator *self);
const char       *ssr_indicator_get_target_date    (SsrIndicator *self);
const char       *ssr_indicator_get_source         (SsrIndicator *self);
const char       *ssr_indicator_get_owner          (SsrIndicator *self);
const char       *ssr_indicator_get_priority       (SsrIndicator *self);
GVariant         *ssr_indicator_get_measurements   (SsrIndicator *self);
/* The latest measurement; FALSE when there is none. */
gboolean          ssr_indicator_get_latest         (SsrIndicator *self,
                                                    const char  **date,
                                                    double       *value);

G_END_DECLS
