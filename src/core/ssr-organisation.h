/* ssr-organisation.h: an external actor: donor, international organisation, agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_ORGANISATION (ssr_organisation_get_type ())

G_DECLARE_FINAL_TYPE (SsrOrganisation, ssr_organisation, SSR, ORGANISATION, SsrItem)

/*
 * Properties:
 *   id           string, construct-only
 *   name         string
 *   acronym      string
 *   kind         string, a term id of the framework list "organisation-kinds"
 *   description  string
 *   areas        GStrv, term ids of the framework list "ssr-areas"
 */
SsrOrganisation    *ssr_organisation_new             (const char      *id);
const char         *ssr_organisation_get_name        (SsrOrganisation *self);
const char         *ssr_organisation_get_acronym     (SsrOrganisation *self);
const char         *ssr_organisation_get_kind        (SsrOrganisation *self);
const char         *ssr_organisation_get_description (SsrOrganisation *self);
const char * const *ssr_organisation_get_areas       (SsrOrganisation *self);

G_END_DECLS
