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

/* The flags of every property of an item but its id. */
#define SSR_ITEM_PARAM_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/*
 * A new id for an item of @item_type drawn from @rand, so that a seeded
 * generator gives the same ids every time; %NULL draws from g_random.
 */
char       *_ssr_item_new_id_from_rand (GType  item_type,
                                        GRand *rand);

/* Lists and variants: %NULL is the same as empty. */
gboolean    _ssr_item_strv_equal    (const char * const *a,
                                     const char * const *b);
gboolean    _ssr_item_variant_equal (GVariant           *a,
                                     GVariant           *b);
/* @strv, or an empty list when it is %NULL. */
const char * const *
            _ssr_item_strv_or_empty (char              **strv);

/*
 * Property setters for subclasses: store @value in @field and notify
 * @pspec, only when the value really changes. Lists store empty as %NULL;
 * variants store %NULL as an empty array of @pspec's type.
 */
void        _ssr_item_set_string    (SsrItem            *self,
                                     char              **field,
                                     const char         *value,
                                     GParamSpec         *pspec);
void        _ssr_item_set_strv      (SsrItem            *self,
                                     char             ***field,
                                     const char * const *value,
                                     GParamSpec         *pspec);
void        _ssr_item_set_variant   (SsrItem            *self,
                                     GVariant          **field,
                                     GVariant           *value,
                                     GParamSpec         *pspec);
void        _ssr_item_set_int       (SsrItem            *self,
                                     int                *field,
                                     int                 value,
                                     GParamSpec         *pspec);
void        _ssr_item_set_boolean   (SsrItem            *self,
                                     gboolean           *field,
                                     gboolean            value,
                                     GParamSpec         *pspec);
void        _ssr_item_set_double    (SsrItem            *self,
                                     double             *field,
                                     double              value,
                                     GParamSpec         *pspec);

/*
 * For readers: sets a property of a new item that nothing watches yet,
 * without notification. @value holds the property's type; a value out
 * of range is refused with a critical, as g_object_set_property() does.
 */
void        _ssr_item_init_property (SsrItem            *self,
                                     GParamSpec         *pspec,
                                     GValue             *value);

G_END_DECLS
