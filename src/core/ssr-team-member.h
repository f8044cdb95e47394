/* ssr-team-member.h: a member of the assessment team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_TEAM_MEMBER (ssr_team_member_get_type ())

G_DECLARE_FINAL_TYPE (SsrTeamMember, ssr_team_member, SSR, TEAM_MEMBER, SsrItem)

/*
 * Properties:
 *   id      string, construct-only
 *   name    string
 *   agency  string
 *   role    string
 */
SsrTeamMember *ssr_team_member_new        (const char    *id);
const char    *ssr_team_member_get_name   (SsrTeamMember *self);
const char    *ssr_team_member_get_agency (SsrTeamMember *self);
const char    *ssr_team_member_get_role   (SsrTeamMember *self);

G_END_DECLS
