/* ssr-priority.h: a reform priority (objective); its sequence is its place in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_PRIORITY (ssr_priority_get_type ())

G_DECLARE_FINAL_TYPE (SsrPriority, ssr_priority, SSR, PRIORITY, SsrItem)

/*
 * Properties:
 *   id           string, construct-only
 *   objective    string
 *   description  string
 *   timeframe    string, a term id of the framework list "timeframes"
 *   owner        string, free text (an agency or a person)
 *   findings     GStrv, finding ids
 */
SsrPriority        *ssr_priority_new             (const char  *id);
const char         *ssr_priority_get_objective   (SsrPriority *self);
const char         *ssr_priority_get_description (SsrPriority *self);
const char         *ssr_priority_get_timeframe   (SsrPriority *self);
const char         *ssr_priority_get_owner       (SsrPriority *self);
const char * const *ssr_priority_get_findings    (SsrPriority *self);

G_END_DECLS
