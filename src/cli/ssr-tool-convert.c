/* ssr-tool-convert.c: "ssr-tool convert", rewrites an assessment in the current format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-tool"

#include "config.h"

#include "ssr-tool-private.h"

#include <glib/gi18n.h>

#include "ssr-assessment.h"

int
ssr_tool_convert (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *summary = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  summary = g_strdup_printf (_("Reads the assessment IN and writes it to OUT in the "
                              "current file format (version %d), normalised: "
                              "sections in order, values in their canonical form, "
                              "unknown content kept. Converting a file twice gives "
                              "the same bytes.\n\n"
                              "Files written by older versions of the format are "
                              "upgraded on the way; files written by a newer "
                              "program are refused.\n\n"
                              "OUT is replaced atomically and its previous content "
                              "kept as OUT~; when IN cannot be read, OUT is not "
                              "touched. OUT may be IN, or “-” for the standard "
                              "output.\n\n"
                              "Exit status: 0 on success, 1 when IN cannot be read "
                              "or OUT cannot be written, 2 on a usage error."),
                            SSR_FORMAT_VERSION);
  context = ssr_tool_option_context_new (_("IN OUT"), summary, entries);
  if (!ssr_tool_parse_options (context, &argc, &argv))
    return SSR_TOOL_EXIT_USAGE;

  if (paths == NULL || g_strv_length (paths) != 2)
    return ssr_tool_usage_error (_("expected two files, IN and OUT"));

  assessment = ssr_tool_load_assessment (paths[0], &error);
  if (assessment == NULL ||
      !ssr_tool_write_assessment (assessment, paths[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return SSR_TOOL_EXIT_FAILURE;
    }

  return SSR_TOOL_EXIT_SUCCESS;
}
