/* ssr-term.h: one entry of a framework: a phase, a step, a task, a category…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-types.h"

G_BEGIN_DECLS

#define SSR_TYPE_TERM (ssr_term_get_type ())

G_DECLARE_FINAL_TYPE (SsrTerm, ssr_term, SSR, TERM, GObject)

/*
 * A term has an id (unique within the framework), a short name, optional
 * guidance text with its citation, free attributes (e.g. a mechanism type's
 * "strength" and "risk", a colour), and named lists of child terms (a phase's
 * "steps", a step's "tasks" and "toolbox", a category's "kinds").
 *
 * Properties (read-only): id, name, guidance, citation.
 */
const char *ssr_term_get_id        (SsrTerm    *self);
const char *ssr_term_get_name      (SsrTerm    *self);
const char *ssr_term_get_guidance  (SsrTerm    *self);
const char *ssr_term_get_citation  (SsrTerm    *self);
const char *ssr_term_get_attribute (SsrTerm    *self,
                                    const char *name);
/* A named list of child terms, or NULL. (transfer none) */
GListModel *ssr_term_get_list      (SsrTerm    *self,
                                    const char *list);
/* The names of the term's lists, in file order. (transfer none) */
const char * const *ssr_term_get_list_names (SsrTerm *self);
/* The term that holds this one in a list, or NULL. (transfer none) */
SsrTerm    *ssr_term_get_parent    (SsrTerm    *self);

G_END_DECLS
