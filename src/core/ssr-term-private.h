/* ssr-term-private.h: building terms (the framework reader)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-term.h"

G_BEGIN_DECLS

SsrTerm *_ssr_term_new           (const char *id,
                                  const char *name);
void     _ssr_term_set_guidance  (SsrTerm    *self,
                                  const char *guidance,
                                  const char *citation);
void     _ssr_term_set_attribute (SsrTerm    *self,
                                  const char *name,
                                  const char *value);
/* Appends @child to the list @list, creating the list on first use. */
void     _ssr_term_append        (SsrTerm    *self,
                                  const char *list,
                                  SsrTerm    *child);

G_END_DECLS
