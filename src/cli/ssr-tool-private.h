/* ssr-tool-private.h: the sub-commands of ssr-tool and what they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-types.h"

G_BEGIN_DECLS

/* The exit statuses of ssr-tool and of every sub-command. */
#define SSR_TOOL_EXIT_SUCCESS 0
#define SSR_TOOL_EXIT_FAILURE 1
#define SSR_TOOL_EXIT_USAGE   2

/*
 * The sub-commands. Each receives the arguments after "ssr-tool", so
 * argv[0] is the sub-command's name, and returns the exit status.
 */
int             ssr_tool_validate            (int                  argc,
                                              char               **argv);
int             ssr_tool_convert             (int                  argc,
                                              char               **argv);
int             ssr_tool_framework           (int                  argc,
                                              char               **argv);
int             ssr_tool_generate            (int                  argc,
                                              char               **argv);
int             ssr_tool_export              (int                  argc,
                                              char               **argv);

/*
 * An option context for a sub-command, translated, with its summary and
 * options. (transfer full)
 */
GOptionContext *ssr_tool_option_context_new (const char          *parameter_string,
                                              const char          *summary,
                                              const GOptionEntry  *entries);
/*
 * Parses the options; on failure says why on stderr and returns FALSE (the
 * caller then returns SSR_TOOL_EXIT_USAGE).
 */
gboolean        ssr_tool_parse_options       (GOptionContext      *context,
                                              int                 *argc,
                                              char              ***argv);
/*
 * Says on stderr what is wrong with the command line, and how to get help.
 * Returns SSR_TOOL_EXIT_USAGE.
 */
int             ssr_tool_usage_error         (const char          *format,
                                              ...) G_GNUC_PRINTF (1, 2);

/*
 * Reads the assessment at @path, a path or URI as given on the command
 * line. Every error message starts with @path, and parse errors have the
 * form "PATH:LINE:COL: sentence". (transfer full)
 */
SsrAssessment  *ssr_tool_load_assessment     (const char          *path,
                                              GError             **error);
/*
 * Writes @assessment to @path with an atomic save, or to the standard
 * output when @path is "-".
 */
gboolean        ssr_tool_write_assessment    (SsrAssessment       *assessment,
                                              const char          *path,
                                              GError             **error);

G_END_DECLS
