/* ssr-tool-validate.c: "ssr-tool validate", checks that assessment files can be read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-tool"

#include "config.h"

#include "ssr-tool-private.h"

#include <glib/gi18n.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"

static void
describe_assessment (const char    *path,
                     SsrAssessment *assessment)
{
  const char *framework = ssr_assessment_get_framework (assessment);
  g_auto(GStrv) builtin = ssr_framework_list_builtin ();

  /* TRANSLATORS: counts after labels, so that one form fits every number */
  g_print (_("%s: valid (actors: %u, relations: %u, organisations: %u, mechanisms: %u, "
             "findings: %u, priorities: %u, indicators: %u)\n"),
           path,
           g_list_model_get_n_items (ssr_assessment_get_actors (assessment)),
           g_list_model_get_n_items (ssr_assessment_get_relations (assessment)),
           g_list_model_get_n_items (ssr_assessment_get_organisations (assessment)),
           g_list_model_get_n_items (ssr_assessment_get_mechanisms (assessment)),
           g_list_model_get_n_items (ssr_assessment_get_findings (assessment)),
           g_list_model_get_n_items (ssr_assessment_get_priorities (assessment)),
           g_list_model_get_n_items (ssr_assessment_get_indicators (assessment)));

  /* A document outlives framework edits and may follow a framework of
   * another installation: still valid, but its term names cannot be shown. */
  if (framework == NULL || framework[0] == '\0')
    g_print (_("%s: note: the document names no framework\n"), path);
  else if (!g_strv_contains ((const char * const *) builtin, framework))
    g_print (_("%s: note: follows the framework “%s”, which is not built into this program\n"),
             path, framework);
}

static gboolean
validate_file (const char *path,
               gboolean    verbose)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = ssr_tool_load_assessment (path, &error);
  if (assessment == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  if (verbose)
    describe_assessment (path, assessment);

  return TRUE;
}

int
ssr_tool_validate (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) files = NULL;
  gboolean verbose = FALSE;
  gboolean all_valid = TRUE;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Also describe each valid file, and note an unknown framework"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = ssr_tool_option_context_new (_("FILE…"),
                                         _("Checks that each assessment file can be read: "
                                           "well-formed, safe, of a known format version, "
                                           "with valid values and references.\n"
                                           "Prints nothing for a valid file and "
                                           "“FILE:LINE:COLUMN: problem” on the error output "
                                           "for a refused one.\n\n"
                                           "Exit status: 0 when every file is valid, "
                                           "1 when any is refused, 2 on a usage error."),
                                         entries);
  if (!ssr_tool_parse_options (context, &argc, &argv))
    return SSR_TOOL_EXIT_USAGE;

  if (files == NULL || files[0] == NULL)
    return ssr_tool_usage_error (_("no file given"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      if (!validate_file (files[i], verbose))
        all_valid = FALSE;
    }

  return all_valid ? SSR_TOOL_EXIT_SUCCESS : SSR_TOOL_EXIT_FAILURE;
}
