/* ssr-csv.c: comma-separated values as RFC 4180 has them, written and read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-csv"

#include "config.h"

#include "ssr-csv.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ssr-types.h"

static gboolean
needs_quotes (const char *field)
{
  gsize length = strlen (field);

  if (length == 0)
    return FALSE;

  /* Spreadsheets may trim unquoted spaces at either end. */
  return (strpbrk (field, ",\"\r\n") != NULL ||
          field[0] == ' ' || field[0] == '\t' ||
          field[length - 1] == ' ' || field[length - 1] == '\t');
}

static void
append_field (GString    *out,
              const char *field)
{
  if (!needs_quotes (field))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * ssr_csv_append_row:
 * @out: where the row goes
 * @fields: (array zero-terminated=1): the fields of the row
 *
 * Appends one row, quoted where needed and ended by CR LF.
 */
void
ssr_csv_append_row (GString            *out,
                    const char * const *fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/**
 * ssr_csv_format_number:
 * @buffer: where the text goes
 * @size: the size of @buffer
 * @value: a number
 *
 * Writes the shortest decimal that reads back as exactly @value; an empty
 * string for infinities and NaN, which have no place in a table.
 *
 * Returns: @buffer
 */
const char *
ssr_csv_format_number (char   *buffer,
                       gsize   size,
                       double  value)
{
  static const char * const formats[] = { "%.15g", "%.16g" };

  g_return_val_if_fail (buffer != NULL && size > 0, NULL);

  if (!isfinite (value))
    {
      buffer[0] = '\0';
      return buffer;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, size, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return buffer;
    }

  return g_ascii_formatd (buffer, size, "%.17g", value);
}

void
ssr_csv_row_free (SsrCsvRow *row)
{
  if (row == NULL)
    return;

  g_strfreev (row->fields);
  g_free (row);
}

typedef struct
{
  const char *p;
  const char *end;
  /* The line p is on. */
  guint       line;
} Parser;

static gboolean
at_line_end (Parser *parser)
{
  return parser->p < parser->end && (*parser->p == '\r' || *parser->p == '\n');
}

/* Consumes CR LF, LF or CR. */
static void
skip_line_end (Parser *parser)
{
  if (*parser->p == '\r' && parser->p + 1 < parser->end && parser->p[1] == '\n')
    parser->p++;
  parser->p++;
  parser->line++;
}

static gboolean
row_too_long (Parser      *parser,
              const char  *row_start,
              guint        row_line,
              GError     **error)
{
  if (parser->p - row_start <= SSR_CSV_MAX_ROW_SIZE)
    return FALSE;

  g_set_error (error, SSR_ERROR, SSR_ERROR_TOO_LARGE,
               _("Line %u: the row is longer than %d MiB."),
               row_line, SSR_CSV_MAX_ROW_SIZE / (1024 * 1024));
  return TRUE;
}

static gboolean
parse_quoted_field (Parser      *parser,
                    const char  *row_start,
                    guint        row_line,
                    GString     *field,
                    GError     **error)
{
  guint quote_line = parser->line;

  parser->p++;
  for (;;)
    {
      char c;

      if (parser->p == parser->end)
        {
          g_set_error (error, SSR_ERROR, SSR_ERROR_MALFORMED,
                       _("Line %u: a quoted field is never closed; a field that starts "
                         "with a quote must end with one."),
                       quote_line);
          return FALSE;
        }
      if (row_too_long (parser, row_start, row_line, error))
        return FALSE;

      c = *parser->p;
      if (c == '"')
        {
          if (parser->p + 1 < parser->end && parser->p[1] == '"')
            {
              g_string_append_c (field, '"');
              parser->p += 2;
              continue;
            }
          parser->p++;
          break;
        }

      if (c == '\n' ||
          (c == '\r' && (parser->p + 1 == parser->end || parser->p[1] != '\n')))
        parser->line++;
      g_string_append_c (field, c);
      parser->p++;
    }

  if (parser->p < parser->end && *parser->p != ',' && !at_line_end (parser))
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_MALFORMED,
                   _("Line %u: text follows the quote that closes a field; write a "
                     "quote inside a quoted field as two quotes."),
                   parser->line);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_plain_field (Parser      *parser,
                   const char  *row_start,
                   guint        row_line,
                   GString     *field,
                   GError     **error)
{
  const char *start = parser->p;

  while (parser->p < parser->end && *parser->p != ',' && !at_line_end (parser))
    {
      if (*parser->p == '"')
        {
          g_set_error (error, SSR_ERROR, SSR_ERROR_MALFORMED,
                       _("Line %u: a quote stands inside a field; a field that holds "
                         "a quote must be quoted, with the quote written twice."),
                       parser->line);
          return FALSE;
        }
      parser->p++;
    }

  if (row_too_long (parser, row_start, row_line, error))
    return FALSE;

  g_string_append_len (field, start, parser->p - start);
  return TRUE;
}

static SsrCsvRow *
parse_row (Parser  *parser,
           GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *row_start = parser->p;
  guint row_line = parser->line;
  SsrCsvRow *row;

  for (;;)
    {
      gboolean ok;

      g_string_truncate (field, 0);
      if (parser->p < parser->end && *parser->p == '"')
        ok = parse_quoted_field (parser, row_start, row_line, field, error);
      else
        ok = parse_plain_field (parser, row_start, row_line, field, error);
      if (!ok)
        return NULL;

      if (fields->len == SSR_CSV_MAX_FIELDS)
        {
          g_set_error (error, SSR_ERROR, SSR_ERROR_TOO_LARGE,
                       _("Line %u: the row has more than %d fields."),
                       row_line, SSR_CSV_MAX_FIELDS);
          return NULL;
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (parser->p == parser->end)
        break;
      if (*parser->p != ',')
        {
          skip_line_end (parser);
          break;
        }
      parser->p++;
    }

  row = g_new0 (SsrCsvRow, 1);
  row->line = row_line;
  row->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  row->fields = (char **) g_ptr_array_steal (fields, NULL);

  return row;
}

static guint
count_lines (const char *start,
             const char *end)
{
  Parser parser = { start, end, 1 };

  while (parser.p < end)
    {
      if (at_line_end (&parser))
        skip_line_end (&parser);
      else
        parser.p++;
    }

  return parser.line;
}

/**
 * ssr_csv_parse:
 * @data: (array length=length): the text
 * @length: its size in bytes
 * @error: return location for a #GError
 *
 * Parses CSV text into rows of fields.
 *
 * Returns: (element-type SsrCsvRow) (transfer full): the rows, or %NULL
 */
GPtrArray *
ssr_csv_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  const char *invalid = NULL;
  Parser parser;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > SSR_CSV_MAX_SIZE)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB."), SSR_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length > 0 && !g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_MALFORMED,
                   _("Line %u: the text is not in UTF-8; save the file as “CSV, UTF-8”."),
                   count_lines (data, invalid));
      return NULL;
    }

  parser.p = data;
  parser.end = data + length;
  parser.line = 1;
  if (length >= strlen (SSR_CSV_BOM) && memcmp (data, SSR_CSV_BOM, strlen (SSR_CSV_BOM)) == 0)
    parser.p += strlen (SSR_CSV_BOM);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ssr_csv_row_free);
  while (parser.p < parser.end)
    {
      SsrCsvRow *row;

      if (at_line_end (&parser))
        {
          skip_line_end (&parser);
          continue;
        }

      if (rows->len == SSR_CSV_MAX_ROWS)
        {
          g_set_error (error, SSR_ERROR, SSR_ERROR_TOO_LARGE,
                       _("Line %u: the file has more than %d rows."),
                       parser.line, SSR_CSV_MAX_ROWS);
          return NULL;
        }

      row = parse_row (&parser, error);
      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}
