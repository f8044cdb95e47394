/* ssr-csv-import.h: actors and relations from a team's spreadsheet, previewed, then added at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-types.h"

G_BEGIN_DECLS

#define SSR_TYPE_CSV_IMPORT_ROW (ssr_csv_import_row_get_type ())

G_DECLARE_FINAL_TYPE (SsrCsvImportRow, ssr_csv_import_row, SSR, CSV_IMPORT_ROW, GObject)

/*
 * One data row of the file: the item it would add, or why it cannot.
 *
 * Properties (read-only): line (the line of the file on which the row
 * starts), item (SsrItem or NULL), message (string or NULL).
 */
guint       ssr_csv_import_row_get_line    (SsrCsvImportRow *self);
/* The item the row would add, not yet in the document; NULL on error. (transfer none) */
SsrItem    *ssr_csv_import_row_get_item    (SsrCsvImportRow *self);
/* What is wrong with the row, as one sentence; NULL when it is fine. */
const char *ssr_csv_import_row_get_message (SsrCsvImportRow *self);

#define SSR_TYPE_CSV_IMPORT (ssr_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (SsrCsvImport, ssr_csv_import, SSR, CSV_IMPORT, GObject)

/*
 * An import of actors or relations from CSV, in two stages: new() reads
 * and checks every row against the document and its framework, and is a
 * GListModel of SsrCsvImportRow for a preview; apply() adds every item as
 * one undoable action, and only when no row has an error: nothing is ever
 * imported half-way.
 *
 * The first row names the columns, in any order and case; they are the
 * columns ssr_table_export_csv() writes for "actors" and "relations", so
 * that an export imports back:
 *
 *   actors     name (required), category or category_name (required),
 *              kind, kind_name, stance, influence, interest,
 *              rating_SCALE…, x, y, sensitive, description, evidence, id
 *   relations  source_id or source_name, target_id or target_name,
 *              type or type_name (all required), direction, strength,
 *              note, id
 *
 * Columns the import does not know (derived ones like "source_name" are
 * known) are ignored and listed by get_ignored_columns(). A category, kind
 * or relation type may be given by its framework id or by its name; an
 * actor kind the framework does not list is kept as written. A relation
 * end is an actor of the document, found by id, else by name. An id is
 * kept when given, so that a document exported and imported elsewhere
 * keeps its references; an id already in the document is an error.
 */

/*
 * Reads @csv as @kind ("actors" or "relations") for @assessment. Fails
 * (domain SSR_ERROR) only when the file as a whole cannot be read: not
 * CSV, too large, no header row, a required column missing; problems of
 * single rows are reported by the rows. @framework may be NULL only when
 * the document follows a framework this program does not know: every
 * category and type is then taken as written. (transfer full)
 */
SsrCsvImport       *ssr_csv_import_new                  (SsrAssessment  *assessment,
                                                         SsrFramework   *framework,
                                                         const char     *kind,
                                                         GBytes         *csv,
                                                         GError        **error);
const char         *ssr_csv_import_get_kind             (SsrCsvImport   *self);
/* The number of rows with an error. */
guint               ssr_csv_import_get_n_errors         (SsrCsvImport   *self);
/* The header names of the columns that are ignored, as written. (transfer none) */
const char * const *ssr_csv_import_get_ignored_columns  (SsrCsvImport   *self);
/*
 * Adds the item of every row to the document as one undoable action
 * ("Import actors"). Fails with SSR_ERROR_INVALID when a row has an error,
 * when the import was applied already, or when the document changed since
 * the preview so that an id is now taken or a relation end is gone; the
 * document is then left as it was.
 */
gboolean            ssr_csv_import_apply                (SsrCsvImport   *self,
                                                         GError        **error);

G_END_DECLS
