/* ssr-actor.h: an actor of the security sector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_ACTOR (ssr_actor_get_type ())

G_DECLARE_FINAL_TYPE (SsrActor, ssr_actor, SSR, ACTOR, SsrItem)

/*
 * Properties (all notify; edits from the UI go through
 * ssr_assessment_set() so that they can be undone):
 *   id           string, construct-only
 *   name         string
 *   category     string, a term id of the framework list "actor-categories"
 *   kind         string, a term id of the category's list "kinds" (or free)
 *   description  string
 *   ratings      GVariant "a{si}": rating-scale term id -> 1..5
 *   stance       SsrStance
 *   influence    int 0..5 (0: not judged)
 *   interest     int 0..5 (0: not judged)
 *   evidence     string
 *   positioned   boolean: x and y were set by a person or a layout
 *   x, y         double, map coordinates
 *   sensitive    boolean: left out of redacted exports
 */
SsrActor   *ssr_actor_new             (const char *id);
const char *ssr_actor_get_name        (SsrActor   *self);
void        ssr_actor_set_name        (SsrActor   *self,
                                       const char *name);
const char *ssr_actor_get_category    (SsrActor   *self);
const char *ssr_actor_get_kind        (SsrActor   *self);
const char *ssr_actor_get_description (SsrActor   *self);
GVariant   *ssr_actor_get_ratings     (SsrActor   *self);
int         ssr_actor_get_rating      (SsrActor   *self,
                                       const char *scale);
SsrStance   ssr_actor_get_stance      (SsrActor   *self);
int         ssr_actor_get_influence   (SsrActor   *self);
int         ssr_actor_get_interest    (SsrActor   *self);
const char *ssr_actor_get_evidence    (SsrActor   *self);
gboolean    ssr_actor_get_positioned  (SsrActor   *self);
double      ssr_actor_get_x           (SsrActor   *self);
double      ssr_actor_get_y           (SsrActor   *self);
gboolean    ssr_actor_get_sensitive   (SsrActor   *self);

G_END_DECLS
