/* test-csv.c: the CSV writer and parser: quoting, line ends, errors with lines, bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ssr-csv.h"
#include "ssr-types.h"

static GPtrArray *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = ssr_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static SsrCsvRow *
row_at (GPtrArray *rows,
        guint      index)
{
  g_assert_cmpuint (index, <, rows->len);

  return g_ptr_array_index (rows, index);
}

/* Parses @length bytes that must fail with @code, on line @line. */
static void
assert_parse_error (const char *text,
                    gsize       length,
                    int         code,
                    guint       line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ssr_csv_parse (text, length, &error);
  g_autofree char *prefix = g_strdup_printf ("Line %u: ", line);

  g_assert_null (rows);
  g_assert_error (error, SSR_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected an error on line %u, got “%s”", line, error->message);
}

static void
test_quoting (void)
{
  const char * const fields[] = {
    "plain", "with,comma", "with \"quotes\"", "two\nlines", "carriage\rreturn",
    "", " leading space", "trailing space ", "Ünïcödé – ok", NULL
  };
  g_autoptr(GString) out = g_string_new (NULL);

  ssr_csv_append_row (out, fields);

  g_assert_cmpstr (out->str, ==,
                   "plain,\"with,comma\",\"with \"\"quotes\"\"\",\"two\nlines\","
                   "\"carriage\rreturn\",,\" leading space\",\"trailing space \","
                   "Ünïcödé – ok\r\n");
}

static void
test_crlf (void)
{
  const char * const first[] = { "a", "b", NULL };
  const char * const second[] = { "c", "d\ne", NULL };
  g_autoptr(GString) out = g_string_new (NULL);

  ssr_csv_append_row (out, first);
  ssr_csv_append_row (out, second);

  /* Rows end in CR LF; a line break inside a field stays as it is. */
  g_assert_cmpstr (out->str, ==, "a,b\r\nc,\"d\ne\"\r\n");
  g_assert_false (g_str_has_prefix (out->str, SSR_CSV_BOM));
}

static void
test_round_trip (void)
{
  const char * const tricky[] = {
    "", "\"", "\"\"", "\"quoted at both ends\"", ",", ",,,", "a\r\nb", "\r\n",
    "\n\n\n", "tab\tinside", "  ", "x\"y", "end with quote\"", "日本語, with comma",
    "=SUM(A1:A2)", "semi; colon", NULL
  };
  const char * const short_row[] = { "only", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  guint n_tricky = g_strv_length ((char **) tricky);
  guint expected_line = 1;

  ssr_csv_append_row (out, tricky);
  ssr_csv_append_row (out, short_row);
  ssr_csv_append_row (out, tricky);

  rows = parse_ok (out->str);
  g_assert_cmpuint (rows->len, ==, 3);

  for (guint r = 0; r < rows->len; r++)
    {
      SsrCsvRow *row = row_at (rows, r);
      const char * const *expected = r == 1 ? short_row : tricky;

      g_assert_cmpuint (row->line, ==, expected_line);
      g_assert_cmpuint (row->n_fields, ==, r == 1 ? 1 : n_tricky);
      g_assert_cmpuint (g_strv_length (row->fields), ==, row->n_fields);
      for (guint i = 0; expected[i] != NULL; i++)
        {
          g_assert_cmpstr (row->fields[i], ==, expected[i]);
          /* Every line break inside a field moves the next row down a line. */
          for (const char *p = expected[i]; *p != '\0'; p++)
            {
              if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                expected_line++;
            }
        }
      expected_line++;
    }
}

static void
test_line_ends (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  /* A byte order mark, LF, CR and CR LF line ends, blank lines, and a last
   * row without a line end. */
  rows = parse_ok (SSR_CSV_BOM "a,b\n\nc,d\re,f\r\n\r\n\r\n\"g\",\n,h");
  g_assert_cmpuint (rows->len, ==, 5);

  g_assert_cmpuint (row_at (rows, 0)->line, ==, 1);
  g_assert_cmpstr (row_at (rows, 0)->fields[0], ==, "a");
  g_assert_cmpstr (row_at (rows, 0)->fields[1], ==, "b");
  g_assert_cmpuint (row_at (rows, 1)->line, ==, 3);
  g_assert_cmpstr (row_at (rows, 1)->fields[0], ==, "c");
  g_assert_cmpuint (row_at (rows, 2)->line, ==, 4);
  g_assert_cmpstr (row_at (rows, 2)->fields[1], ==, "f");
  g_assert_cmpuint (row_at (rows, 3)->line, ==, 7);
  g_assert_cmpuint (row_at (rows, 3)->n_fields, ==, 2);
  g_assert_cmpstr (row_at (rows, 3)->fields[0], ==, "g");
  g_assert_cmpstr (row_at (rows, 3)->fields[1], ==, "");
  g_assert_cmpuint (row_at (rows, 4)->line, ==, 8);
  g_assert_cmpstr (row_at (rows, 4)->fields[0], ==, "");
  g_assert_cmpstr (row_at (rows, 4)->fields[1], ==, "h");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse_ok ("");
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_errors (void)
{
  static const char invalid_utf8[] = "a,b\r\nc,d\r\n\"e\nf\",g\r\nh,\xC3\x28\r\n";
  static const char with_nul[] = "a,b\nc,d\0e\n";

  /* The line where the open quote is, not the end of the file. */
  assert_parse_error ("name,note\r\nA,fine\r\nB,\"never closed\r\nC,more\r\nD,text\r\n",
                      strlen ("name,note\r\nA,fine\r\nB,\"never closed\r\nC,more\r\nD,text\r\n"),
                      SSR_ERROR_MALFORMED, 3);
  assert_parse_error ("a,b\nc,d\"e\n", strlen ("a,b\nc,d\"e\n"), SSR_ERROR_MALFORMED, 2);
  assert_parse_error ("a\n\"one\ntwo\"x,y\n", strlen ("a\n\"one\ntwo\"x,y\n"),
                      SSR_ERROR_MALFORMED, 3);
  assert_parse_error (invalid_utf8, strlen (invalid_utf8), SSR_ERROR_MALFORMED, 5);
  assert_parse_error (with_nul, sizeof with_nul - 1, SSR_ERROR_MALFORMED, 2);
}

static void
test_bounds (void)
{
  gsize big_size = SSR_CSV_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (big_size);
  g_autoptr(GString) long_row = g_string_new ("a,b\n");
  g_autoptr(GString) long_quoted = g_string_new ("a\n\n\"");
  g_autoptr(GString) wide = g_string_new ("a\n");
  g_autoptr(GString) many = g_string_sized_new (2 * (SSR_CSV_MAX_ROWS + 1));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  /* Refused before it is read. */
  memset (big, 'a', big_size);
  rows = ssr_csv_parse (big, big_size, &error);
  g_assert_null (rows);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_TOO_LARGE);

  g_string_append_len (long_row, big, SSR_CSV_MAX_ROW_SIZE + 1);
  g_string_append (long_row, "\nc,d\n");
  assert_parse_error (long_row->str, long_row->len, SSR_ERROR_TOO_LARGE, 2);

  /* A quote that is never closed stops at the row bound, not at the end. */
  g_string_append_len (long_quoted, big, SSR_CSV_MAX_ROW_SIZE + 1);
  assert_parse_error (long_quoted->str, long_quoted->len, SSR_ERROR_TOO_LARGE, 3);

  for (guint i = 1; i < SSR_CSV_MAX_FIELDS; i++)
    g_string_append_c (wide, ',');
  rows = parse_ok (wide->str);
  g_assert_cmpuint (row_at (rows, 1)->n_fields, ==, SSR_CSV_MAX_FIELDS);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_string_append_c (wide, ',');
  assert_parse_error (wide->str, wide->len, SSR_ERROR_TOO_LARGE, 2);

  for (guint i = 0; i < SSR_CSV_MAX_ROWS; i++)
    g_string_append (many, "a\n");
  rows = parse_ok (many->str);
  g_assert_cmpuint (rows->len, ==, SSR_CSV_MAX_ROWS);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_string_append (many, "a\n");
  assert_parse_error (many->str, many->len, SSR_ERROR_TOO_LARGE, SSR_CSV_MAX_ROWS + 1);
}

static void
test_format_number (void)
{
  const double values[] = { 0, 9.35, -120.5, 0.1 + 0.2, 1.0 / 3.0, 1e-300, 6.02214076e23, -0.0 };
  char text[32];

  g_assert_cmpstr (ssr_csv_format_number (text, sizeof text, 9.35), ==, "9.35");
  g_assert_cmpstr (ssr_csv_format_number (text, sizeof text, 42), ==, "42");
  g_assert_cmpstr (ssr_csv_format_number (text, sizeof text, 0.1 + 0.2), ==, "0.30000000000000004");
  g_assert_cmpstr (ssr_csv_format_number (text, sizeof text, NAN), ==, "");
  g_assert_cmpstr (ssr_csv_format_number (text, sizeof text, -INFINITY), ==, "");

  /* Whatever the value, it reads back exactly. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      ssr_csv_format_number (text, sizeof text, values[i]);
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, values[i]);
      g_assert_null (strchr (text, ','));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/quoting", test_quoting);
  g_test_add_func ("/core/csv/crlf", test_crlf);
  g_test_add_func ("/core/csv/round-trip", test_round_trip);
  g_test_add_func ("/core/csv/line-ends", test_line_ends);
  g_test_add_func ("/core/csv/errors", test_errors);
  g_test_add_func ("/core/csv/bounds", test_bounds);
  g_test_add_func ("/core/csv/format-number", test_format_number);

  return g_test_run ();
}
