/* ssr-mechanism.h: a coordination mechanism and its members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_MECHANISM (ssr_mechanism_get_type ())

G_DECLARE_FINAL_TYPE (SsrMechanism, ssr_mechanism, SSR, MECHANISM, SsrItem)

/*
 * Properties:
 *   id       string, construct-only
 *   name     string
 *   type     string, a term id of the framework list "mechanism-types"
 *   lead     string, an organisation or actor id, or NULL
 *   members  GStrv, organisation or actor ids
 *   notes    string
 */
SsrMechanism       *ssr_mechanism_new         (const char   *id);
const char         *ssr_mechanism_get_name    (SsrMechanism *self);
const char         *ssr_mechanism_get_mechanism_type (SsrMechanism *self);
const char         *ssr_mechanism_get_lead    (SsrMechanism *self);
const char * const *ssr_mechanism_get_members (SsrMechanism *self);
const char         *ssr_mechanism_get_notes   (SsrMechanism *self);

G_END_DECLS
