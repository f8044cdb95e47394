/* ssr-principle-check.h: a check of the assessment against one SSR principle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_PRINCIPLE_CHECK (ssr_principle_check_get_type ())

G_DECLARE_FINAL_TYPE (SsrPrincipleCheck, ssr_principle_check, SSR, PRINCIPLE_CHECK, SsrItem)

/*
 * Properties:
 *   id         string, construct-only
 *   principle  string, a term id of the framework list "principles"
 *              or "usg-principles"
 *   rating     int 0..5 (0: not rated)
 *   note       string
 */
SsrPrincipleCheck *ssr_principle_check_new           (const char        *id);
const char        *ssr_principle_check_get_principle (SsrPrincipleCheck *self);
int                ssr_principle_check_get_rating    (SsrPrincipleCheck *self);
const char        *ssr_principle_check_get_note      (SsrPrincipleCheck *self);

G_END_DECLS
