/* ssr-xml.h: reading and writing the .ssra file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-types.h"

G_BEGIN_DECLS

/* Files larger than this are refused before parsing. */
#define SSR_XML_MAX_SIZE  (256 * 1024 * 1024)
/* Elements nested deeper than this are refused. */
#define SSR_XML_MAX_DEPTH 64

/*
 * Parses @bytes as an assessment. @display_name (usually the file's
 * basename) starts every error message: "NAME:LINE:COL: what is wrong".
 * Never reads other files or the network, never expands entities, refuses
 * a DOCTYPE. Returns NULL and sets @error (domain SSR_ERROR) on failure.
 */
SsrAssessment *ssr_xml_read  (GBytes         *bytes,
                              const char     *display_name,
                              GError        **error);

/* Serializes @assessment. Deterministic: the same model gives the same bytes. */
GBytes        *ssr_xml_write (SsrAssessment  *assessment);

/*
 * Parses the line and column back out of an error message made by
 * ssr_xml_read(); for the UI, which shows where a problem is.
 */
gboolean       ssr_xml_error_get_location (const GError *error,
                                           int          *line,
                                           int          *column);

G_END_DECLS
