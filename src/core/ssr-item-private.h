/* ssr-item-private.h: what the file format needs of every item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

/*
 * Content the reader did not understand (written by a newer program, or in
 * another namespace). It is kept verbatim and written back unchanged.
 *
 * Foreign attributes are kept as (namespace-uri, qualified-name, value)
 * triples; foreign elements as serialized, self-contained XML fragments
 * (namespace declarations included).
 */
typedef struct
{
  char *ns_uri;
  char *name;
  char *value;
} SsrForeignAttribute;

typedef struct _SsrForeign SsrForeign;

SsrForeign *_ssr_foreign_new                 (void);
void        _ssr_foreign_free                (SsrForeign  *foreign);
void        _ssr_foreign_add_attribute       (SsrForeign  *foreign,
                                              const char  *ns_uri,
                                              const char  *name,
                                              const char  *value);
void        _ssr_foreign_add_element         (SsrForeign  *foreign,
                                              const char  *xml_fragment);
guint       _ssr_foreign_get_n_attributes    (SsrForeign  *foreign);
const SsrForeignAttribute *
            _ssr_foreign_get_attribute       (SsrForeign  *foreign,
                                              guint        index);
guint       _ssr_foreign_get_n_elements      (SsrForeign  *foreign);
const char *_ssr_foreign_get_element         (SsrForeign  *foreign,
                                              guint        index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsrForeign, _ssr_foreign_free)

/* Never NULL: created on first use. Owned by the item. */
SsrForeign *_ssr_item_get_foreign (SsrItem *self);
/* May be NULL when the item holds no foreign content. */
SsrForeign *_ssr_item_peek_foreign (SsrItem *self);

G_END_DECLS
