/* ssr-table-export.h: the collections of an assessment as CSV tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ssr-types.h"

G_BEGIN_DECLS

/*
 * The tables there are, in the order a user meets them: "actors",
 * "relations", "organisations", "findings", "priorities", "indicators".
 * (transfer none)
 */
const char * const *ssr_table_export_get_tables (void);

/*
 * Appends the table @table of @assessment to @out as CSV (RFC 4180, CR LF
 * line ends, UTF-8 without byte order mark): a header row, then one row
 * per item in document order.
 *
 * Columns are named in lower case with "_" between words. A framework term
 * gets two columns, its id ("category") and its name in @framework
 * ("category_name"); a reference to another item gets its id and the
 * item's label ("source_id", "source_name"); several values share one
 * field, joined with "; ". Actors have a "rating_SCALE" column for every
 * rating scale of @framework (and any other scale one of them is rated
 * on). The actors and relations tables are the columns that
 * ssr_csv_import_new() reads back.
 *
 * @framework may be NULL (the document follows a framework this program
 * does not know): names are then the term ids. With @redact, sensitive
 * actors and their relations, and sensitive findings, are left out, and so
 * are the references to them from other rows.
 *
 * Fails with G_IO_ERROR_INVALID_ARGUMENT on an unknown @table.
 */
gboolean ssr_table_export_csv (SsrAssessment  *assessment,
                               SsrFramework   *framework,
                               const char     *table,
                               gboolean        redact,
                               GString        *out,
                               GError        **error);

G_END_DECLS
