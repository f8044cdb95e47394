/* ssr-relation.h: a relation between two actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_RELATION (ssr_relation_get_type ())

G_DECLARE_FINAL_TYPE (SsrRelation, ssr_relation, SSR, RELATION, SsrItem)

/*
 * Properties:
 *   id         string, construct-only
 *   source     string, an actor id
 *   target     string, an actor id
 *   type       string, a term id of the framework list "relation-types"
 *   direction  SsrDirection
 *   strength   int 1..3
 *   note       string
 */
SsrRelation  *ssr_relation_new           (const char  *id);
const char   *ssr_relation_get_source    (SsrRelation *self);
const char   *ssr_relation_get_target    (SsrRelation *self);
const char   *ssr_relation_get_relation_type (SsrRelation *self);
SsrDirection  ssr_relation_get_direction (SsrRelation *self);
int           ssr_relation_get_strength  (SsrRelation *self);
const char   *ssr_relation_get_note      (SsrRelation *self);

G_END_DECLS
