/* ssr-finding.h: a finding: SWOT, gap, need or risk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_FINDING (ssr_finding_get_type ())

G_DECLARE_FINAL_TYPE (SsrFinding, ssr_finding, SSR, FINDING, SsrItem)

/*
 * Properties:
 *   id         string, construct-only
 *   kind       SsrFindingKind
 *   title      string
 *   step       string, a step term id of the framework, or NULL
 *   dimension  string, a term id of the framework list "dimensions", or NULL
 *   actors     GStrv, actor ids
 *   evidence   string
 *   sensitive  boolean
 */
SsrFinding         *ssr_finding_new           (const char *id);
SsrFindingKind      ssr_finding_get_kind      (SsrFinding *self);
const char         *ssr_finding_get_title     (SsrFinding *self);
const char         *ssr_finding_get_step      (SsrFinding *self);
const char         *ssr_finding_get_dimension (SsrFinding *self);
const char * const *ssr_finding_get_actors    (SsrFinding *self);
const char         *ssr_finding_get_evidence  (SsrFinding *self);
gboolean            ssr_finding_get_sensitive (SsrFinding *self);

G_END_DECLS
