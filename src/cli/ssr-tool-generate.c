/* ssr-tool-generate.c: "ssr-tool generate", writes a synthetic assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-tool"

#include "config.h"

#include "ssr-tool-private.h"

#include <glib/gi18n.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-generate.h"

/* Sizes are required, and any int may be typed; this one stands for none. */
#define NOT_GIVEN G_MININT

static gboolean
check_sizes (int actors,
             int relations)
{
  gint64 max_relations;

  if (actors == NOT_GIVEN || relations == NOT_GIVEN)
    {
      ssr_tool_usage_error (_("both --actors and --relations are required"));
      return FALSE;
    }

  if (actors < 0 || relations < 0)
    {
      ssr_tool_usage_error (_("the numbers of actors and relations cannot be negative"));
      return FALSE;
    }

  if (actors == 0 && relations > 0)
    {
      ssr_tool_usage_error (_("relations need actors: use --actors to give at least two"));
      return FALSE;
    }

  /* A relation joins two distinct actors, and one ordered pair carries at
   * most one relation. */
  max_relations = (gint64) actors * (actors - 1);
  if (relations > max_relations)
    {
      /* Formatted apart: xgettext cannot see through G_GINT64_FORMAT. */
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, max_relations);

      ssr_tool_usage_error (ngettext ("%d actor allows at most %s relations "
                                      "(one per ordered pair of distinct actors), not %d",
                                      "%d actors allow at most %s relations "
                                      "(one per ordered pair of distinct actors), not %d",
                                      actors),
                            actors, limit, relations);
      return FALSE;
    }

  return TRUE;
}

int
ssr_tool_generate (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  int actors = NOT_GIVEN;
  int relations = NOT_GIVEN;
  gint64 seed = G_MININT64;
  const GOptionEntry entries[] = {
    { "actors", 'a', 0, G_OPTION_ARG_INT, &actors,
      N_("Number of actors"), N_("N") },
    { "relations", 'r', 0, G_OPTION_ARG_INT, &relations,
      N_("Number of relations, at most N×(N−1)"), N_("M") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the generator, 0 to 4294967295 (default: random)"), N_("S") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = ssr_tool_option_context_new (_("--actors N --relations M OUT"),
                                         _("Writes a realistic-looking assessment of a fictional "
                                           "country, following the default framework, to OUT "
                                           "(“-” for the standard output), for tests, "
                                           "demonstrations and benchmarks. The same seed and "
                                           "sizes give the same bytes.\n\n"
                                           "Exit status: 0 on success, 1 when OUT cannot be "
                                           "written, 2 on a usage error."),
                                         entries);
  if (!ssr_tool_parse_options (context, &argc, &argv))
    return SSR_TOOL_EXIT_USAGE;

  if (paths == NULL || g_strv_length (paths) != 1)
    return ssr_tool_usage_error (_("expected one output file, OUT"));

  if (!check_sizes (actors, relations))
    return SSR_TOOL_EXIT_USAGE;

  if (seed == G_MININT64)
    seed = g_random_int ();
  else if (seed < 0 || seed > G_MAXUINT32)
    return ssr_tool_usage_error (_("the seed must be between 0 and %u"), G_MAXUINT32);

  framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);
  if (framework == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return SSR_TOOL_EXIT_FAILURE;
    }

  assessment = ssr_generate_assessment (framework, actors, relations, (guint32) seed);
  if (!ssr_tool_write_assessment (assessment, paths[0], &error))
    {
      g_printerr ("%s\n", error->message);
      return SSR_TOOL_EXIT_FAILURE;
    }

  return SSR_TOOL_EXIT_SUCCESS;
}
