/* ssr-xml-private.h: what the readers of assessments and frameworks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>

#include "ssr-types.h"

G_BEGIN_DECLS

/*
 * The options of every parse, for safety: no network, and libxml2's
 * messages go to the reader's error handler, never to stderr. Never
 * XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE: no entity is
 * substituted, no DTD loaded, no inclusion made, libxml2's own limits
 * stay. Each reader also refuses a DOCTYPE as soon as it is read.
 */
#define _SSR_XML_SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Sets libxml2 up, exactly once, from whichever thread reads first. */
void    _ssr_xml_init                (void);

/* An error whose message reads "NAME:LINE:COL: sentence"; see
 * ssr_xml_error_get_location(). (transfer full) */
GError *_ssr_xml_new_error           (const char     *display_name,
                                      SsrError        code,
                                      int             line,
                                      int             column,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (5, 6);

/*
 * Stops @ctxt; unless *@error is set already, first records in it the
 * problem said by @format, at the parser's position.
 */
void    _ssr_xml_stop_parser_valist  (xmlParserCtxt  *ctxt,
                                      GError        **error,
                                      const char     *display_name,
                                      SsrError        code,
                                      const char     *format,
                                      va_list         args) G_GNUC_PRINTF (5, 0);

G_END_DECLS
