/* ssr-csv.h: comma-separated values as RFC 4180 has them, written and read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused before parsing. */
#define SSR_CSV_MAX_SIZE       (64 * 1024 * 1024)
/* A row (its fields and separators) longer than this is refused. */
#define SSR_CSV_MAX_ROW_SIZE   (1024 * 1024)
/* A row with more fields than this is refused. */
#define SSR_CSV_MAX_FIELDS     1024
/* A file with more rows than this is refused (as many as a spreadsheet holds). */
#define SSR_CSV_MAX_ROWS       1048576

/* The byte order mark that some spreadsheet programs want first. */
#define SSR_CSV_BOM "\xEF\xBB\xBF"

/*
 * Appends one row to @out: the NULL-terminated @fields, separated by
 * commas, ended by CR LF. A field that holds a comma, a double quote, a
 * CR or a LF (or starts or ends with a space, which spreadsheets trim)
 * is quoted, its quotes doubled; NULL writes an empty field.
 */
void        ssr_csv_append_row    (GString            *out,
                                   const char * const *fields);

/*
 * The shortest decimal that reads back as exactly @value ("9.35", not
 * "9.3499999999999996"), in the C locale, into @buffer of @size bytes
 * (32 is enough). Returns @buffer.
 */
const char *ssr_csv_format_number (char               *buffer,
                                   gsize               size,
                                   double              value);

/* One row of a parsed file. */
typedef struct
{
  /* The line of the file on which the row starts, counted from 1. */
  guint  line;
  guint  n_fields;
  /* NULL-terminated. */
  char **fields;
} SsrCsvRow;

void        ssr_csv_row_free      (SsrCsvRow          *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsrCsvRow, ssr_csv_row_free)

/*
 * Parses @length bytes of @data as CSV: UTF-8 (a leading byte order mark
 * is skipped), fields separated by commas, rows ended by CR LF, LF or CR;
 * quoted fields may hold commas, doubled quotes and line breaks. Empty
 * lines are skipped.
 *
 * Returns (element-type SsrCsvRow) (transfer full) the rows, or NULL with
 * @error set (domain SSR_ERROR) on text that is not UTF-8, a quote that is
 * never closed or that stands inside a field, and on input beyond the
 * bounds above. The message names the line: "Line 12: …".
 */
GPtrArray  *ssr_csv_parse         (const char         *data,
                                   gsize               length,
                                   GError            **error);

G_END_DECLS
