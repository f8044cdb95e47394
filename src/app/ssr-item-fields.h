/* ssr-item-fields.h: what the item page shows and edits, per item type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-item.h"

G_BEGIN_DECLS

/* How a column shows its property. */
typedef enum
{
  SSR_COLUMN_TEXT,      /* a string */
  SSR_COLUMN_TERM,      /* a term id, shown by its name */
  SSR_COLUMN_ENUM,      /* an enum value, shown by its translated label */
  SSR_COLUMN_NUMBER,    /* an int or a double */
  SSR_COLUMN_BADGE,     /* an enum or a boolean, shown as a coloured tag */
  SSR_COLUMN_REF,       /* an item id, shown by the item's label */
  SSR_COLUMN_SEQUENCE,  /* the position in the collection ("#") */
} SsrColumnKind;

typedef struct
{
  const char    *property;
  const char    *title;       /* N_(), or NC_() with @title_context */
  SsrColumnKind  kind;
  int            width;       /* fixed width in average characters, or -1 */
  gboolean       expand;
  /* the msgctxt of @title where the word alone is ambiguous, or NULL */
  const char    *title_context;
} SsrColumnInfo;

/* How a form field edits its property. */
typedef enum
{
  SSR_FIELD_TEXT,          /* one line */
  SSR_FIELD_MULTILINE,     /* notes, descriptions */
  SSR_FIELD_TERM,          /* a term id of a framework list */
  SSR_FIELD_ENUM,          /* a value of an enum type */
  SSR_FIELD_INT,           /* in [min, max] */
  SSR_FIELD_DOUBLE,
  SSR_FIELD_BOOLEAN,
  SSR_FIELD_DATE,          /* ISO 8601 YYYY-MM-DD, or empty */
  SSR_FIELD_REF,           /* one item id */
  SSR_FIELD_REFS,          /* a list of item ids */
  SSR_FIELD_TERMS,         /* a list of term ids */
  SSR_FIELD_RATINGS,       /* a{si}: rating-scale term id -> 1..5 */
  SSR_FIELD_MEASUREMENTS,  /* a(sds): date, value, note */
} SsrFieldKind;

typedef struct
{
  const char   *property;
  const char   *label;        /* N_() */
  SsrFieldKind  kind;
  /*
   * TERM, TERMS: the framework list(s), separated by spaces ("steps" is
   * every step of every phase); with @depends_on, the list of the term
   * named by that property, looked up in @depends_list.
   */
  const char   *list;
  const char   *depends_on;
  const char   *depends_list;
  /* REF, REFS: up to two item types offered */
  GType       (*ref_types[2]) (void);
  /* TERM, REF: whether "None" is offered */
  gboolean      allow_none;
  /* INT, DOUBLE */
  double        min;
  double        max;
  /* a line under the label ("Left out of redacted reports"), N_() */
  const char   *subtitle;
} SsrFieldInfo;

/* What the filter drop-down of a page filters on. */
typedef struct
{
  const char *property;
  const char *all_label;      /* N_("All categories") */
  const char *list;           /* a term property: the framework list */
  GType     (*enum_type) (void); /* an enum property: its type */
} SsrFilterInfo;

typedef struct
{
  GType             (*item_type) (void);
  const char         *title;           /* N_("Actors") */
  const char         *new_label;       /* N_("New actor"), the default label */
  const char         *label_property;  /* the property holding the label */
  const char         *empty_title;     /* N_("No actors yet") */
  const char         *empty_description;
  /* the position is the item's meaning (priorities: the sequence) */
  gboolean            ordered;
  const char * const *search_properties;
  SsrFilterInfo       filter;          /* property NULL: no filter */
  const SsrColumnInfo *columns;
  guint               n_columns;
  const SsrFieldInfo *fields;
  guint               n_fields;
} SsrItemFields;

/* The description for @item_type, or NULL for a type without a page. */
const SsrItemFields *ssr_item_fields_lookup          (GType                item_type);

/* "12 of 45 actors", or "45 actors" when @n_shown == @n_total. */
char                *ssr_item_fields_format_count    (const SsrItemFields *fields,
                                                      guint                n_shown,
                                                      guint                n_total);

/*
 * What a toast says after @label was deleted: "Actor “X” deleted, with 3
 * relations" (@n_relations: relations that went with it; @n_changed:
 * other items that lost a reference to it).
 */
char                *ssr_item_fields_format_deleted  (const SsrItemFields *fields,
                                                      const char          *label,
                                                      guint                n_relations,
                                                      guint                n_changed);

/* The translated label of an enum value ("Champion", "Weakness"). */
const char          *ssr_item_fields_get_enum_label  (GType                enum_type,
                                                      int                  value);

/*
 * The text a column shows for @item: term names instead of term ids,
 * labels instead of item ids, translated enum labels. (transfer full)
 */
/* The title of @column, translated. */
const char          *ssr_column_info_get_title       (const SsrColumnInfo *column);
char                *ssr_item_fields_format_column   (const SsrColumnInfo *column,
                                                      SsrItem             *item,
                                                      SsrAssessment       *document,
                                                      SsrFramework        *framework);

/* What a person calls @item: its label, term names resolved; a relation
 * by its ends ("A → B"). (transfer full) */
char                *ssr_item_fields_get_display_label (const SsrItemFields *fields,
                                                        SsrItem             *item,
                                                        SsrAssessment       *document,
                                                        SsrFramework        *framework);

/* The text searched: the search properties, term names resolved. (transfer full) */
char                *ssr_item_fields_get_search_text (const SsrItemFields *fields,
                                                      SsrItem             *item,
                                                      SsrAssessment       *document,
                                                      SsrFramework        *framework);

G_END_DECLS
