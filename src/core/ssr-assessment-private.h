/* ssr-assessment-private.h: what the file format needs of the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-assessment.h"
#include "ssr-item-private.h"

G_BEGIN_DECLS

/*
 * Foreign content kept at the level of a section of the document:
 * @section is the element name of the container ("assessment", "meta",
 * "team", "actors", …). Never NULL: created on first use.
 */
SsrForeign *_ssr_assessment_get_foreign  (SsrAssessment *self,
                                          const char    *section);
SsrForeign *_ssr_assessment_peek_foreign (SsrAssessment *self,
                                          const char    *section);

/*
 * Appends @items, all of @item_type, to their collection at once (one
 * items-changed), without recording it in the history. Fails as
 * ssr_assessment_append() does, appending none, on a duplicate id.
 */
gboolean    _ssr_assessment_append_all   (SsrAssessment  *self,
                                          GType           item_type,
                                          SsrItem       **items,
                                          guint           n_items,
                                          GError        **error);

G_END_DECLS
