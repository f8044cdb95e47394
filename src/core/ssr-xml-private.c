/* ssr-xml-private.c: what the readers of assessments and frameworks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-xml"

#include "config.h"

#include "ssr-xml-private.h"

#include <string.h>

#include <libxml/SAX2.h>

#include "ssr-xml.h"

void
_ssr_xml_init (void)
{
  static gsize initialized = 0;

  /* Loads run in worker threads; libxml2 must be set up exactly once. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

GError *
_ssr_xml_new_error (const char *display_name,
                    SsrError    code,
                    int         line,
                    int         column,
                    const char *format,
                    ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  return g_error_new (SSR_ERROR, code, "%s:%d:%d: %s",
                      display_name, MAX (line, 0), MAX (column, 0), sentence);
}

void
_ssr_xml_stop_parser_valist (xmlParserCtxt  *ctxt,
                             GError        **error,
                             const char     *display_name,
                             SsrError        code,
                             const char     *format,
                             va_list         args)
{
  if (*error == NULL)
    {
      g_autofree char *sentence = g_strdup_vprintf (format, args);

      *error = _ssr_xml_new_error (display_name, code,
                                   xmlSAX2GetLineNumber (ctxt),
                                   xmlSAX2GetColumnNumber (ctxt),
                                   "%s", sentence);
    }

  xmlStopParser (ctxt);
}

gboolean
ssr_xml_error_get_location (const GError *error,
                            int          *line,
                            int          *column)
{
  const char *p;

  g_return_val_if_fail (error != NULL, FALSE);

  /* The display name may hold colons: find the first ":LINE:COL: ". */
  for (p = strchr (error->message, ':'); p != NULL; p = strchr (p + 1, ':'))
    {
      char *end;
      gint64 parsed_line;
      gint64 parsed_column;

      if (!g_ascii_isdigit (p[1]))
        continue;
      parsed_line = g_ascii_strtoll (p + 1, &end, 10);
      if (*end != ':' || !g_ascii_isdigit (end[1]))
        continue;
      parsed_column = g_ascii_strtoll (end + 1, &end, 10);
      if (end[0] != ':' || end[1] != ' ' ||
          parsed_line > G_MAXINT || parsed_column > G_MAXINT)
        continue;

      if (line != NULL)
        *line = (int) parsed_line;
      if (column != NULL)
        *column = (int) parsed_column;
      return TRUE;
    }

  return FALSE;
}
