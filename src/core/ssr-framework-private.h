/* ssr-framework-private.h: building frameworks (the framework reader)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-framework.h"

G_BEGIN_DECLS

/*
 * Takes @root (the term holding the top-level lists) and @index (term id →
 * SsrTerm, the values borrowed from the tree under @root).
 */
SsrFramework *_ssr_framework_new       (const char  *id,
                                        const char  *name,
                                        const char  *description,
                                        SsrTerm     *root,
                                        GHashTable  *index);

/*
 * Parses a framework file. @display_name starts every error message:
 * "NAME:LINE:COL: what is wrong" (domain SSR_ERROR, code
 * SSR_ERROR_FRAMEWORK). Refuses a DOCTYPE and duplicate term ids; never
 * reads other files or the network.
 */
SsrFramework *_ssr_xml_read_framework  (GBytes      *bytes,
                                        const char  *display_name,
                                        GError     **error);

G_END_DECLS
