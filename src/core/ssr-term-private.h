/* ssr-term-private.h: building terms (the framework reader)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-term.h"

G_BEGIN_DECLS

SsrTerm    *_ssr_term_new           (const char *id,
                                     const char *name);
void        _ssr_term_set_guidance  (SsrTerm    *self,
                                     const char *guidance,
                                     const char *citation);
void        _ssr_term_set_attribute (SsrTerm    *self,
                                     const char *name,
                                     const char *value);
/* Creates the empty list @list; FALSE when the term already has it. */
gboolean    _ssr_term_add_list      (SsrTerm    *self,
                                     const char *list);
/* Appends @child to the list @list, creating the list on first use. */
void        _ssr_term_append        (SsrTerm    *self,
                                     const char *list,
                                     SsrTerm    *child);
/* The name of the parent's list that holds this term, or NULL. */
const char *_ssr_term_get_container (SsrTerm    *self);

G_END_DECLS
