/* ssr-tool-framework.c: "ssr-tool framework", shows the outline of an SSR framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-tool"

#include "config.h"

#include "ssr-tool-private.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ssr-framework.h"
#include "ssr-term.h"

#define TEXT_WIDTH 76

/* Framework texts come from XML and may carry its line breaks and indentation. */
static void
print_wrapped (const char *text,
               guint       indent)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  guint line_width = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint word_width = g_utf8_strlen (words[i], -1);

      if (word_width == 0)
        continue;

      if (line_width > 0 && indent + line_width + 1 + word_width > TEXT_WIDTH)
        {
          g_print ("%*s%s\n", (int) indent, "", line->str);
          g_string_truncate (line, 0);
          line_width = 0;
        }

      if (line_width > 0)
        {
          g_string_append_c (line, ' ');
          line_width++;
        }
      g_string_append (line, words[i]);
      line_width += word_width;
    }

  if (line_width > 0)
    g_print ("%*s%s\n", (int) indent, "", line->str);
}

static void
print_tasks (SsrTerm *step)
{
  GListModel *tasks = ssr_term_get_list (step, "tasks");
  guint n_tasks = tasks != NULL ? g_list_model_get_n_items (tasks) : 0;

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(SsrTerm) task = g_list_model_get_item (tasks, i);

      g_print ("      - %s\n", ssr_term_get_name (task));
    }
}

static void
print_outline (SsrFramework *framework)
{
  GListModel *phases = ssr_framework_get_phases (framework);
  guint n_phases = g_list_model_get_n_items (phases);
  const char *description = ssr_framework_get_description (framework);
  guint step_number = 0;

  g_print ("%s (%s)\n", ssr_framework_get_name (framework), ssr_framework_get_id (framework));
  if (description != NULL)
    print_wrapped (description, 2);

  for (guint i = 0; i < n_phases; i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");
      guint n_steps = steps != NULL ? g_list_model_get_n_items (steps) : 0;

      g_print ("\n");
      g_print (_("Phase %u: %s\n"), i + 1, ssr_term_get_name (phase));

      /* Steps are numbered across phases, as the framework's guidance does. */
      for (guint j = 0; j < n_steps; j++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);

          g_print ("  %2u. %s\n", ++step_number, ssr_term_get_name (step));
          print_tasks (step);
        }
    }
}

static void
print_reference_lists (SsrFramework *framework,
                       guint         indent)
{
  SsrTerm *root = ssr_framework_get_root (framework);
  const char * const *names = ssr_term_get_list_names (root);

  g_print ("%*s%s\n", (int) indent, "", _("Reference lists:"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GListModel *list;

      /* The phases are the outline, not a reference list. */
      if (strcmp (names[i], "phases") == 0)
        continue;

      list = ssr_term_get_list (root, names[i]);
      g_print ("%*s  %-24s %4u\n", (int) indent, "", names[i], g_list_model_get_n_items (list));
    }
}

static int
list_frameworks (gboolean with_lists)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();
  int status = SSR_TOOL_EXIT_SUCCESS;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(SsrFramework) framework = NULL;
      g_autoptr(GError) error = NULL;

      framework = ssr_framework_get_builtin (ids[i], &error);
      if (framework == NULL)
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          status = SSR_TOOL_EXIT_FAILURE;
          continue;
        }

      g_print ("%-24s %s%s\n",
               ids[i],
               ssr_framework_get_name (framework),
               strcmp (ids[i], SSR_DEFAULT_FRAMEWORK) == 0 ? _(" (default)") : "");
      if (with_lists)
        {
          print_reference_lists (framework, 2);
          g_print ("\n");
        }
    }

  return status;
}

static int
show_framework (const char *id,
                gboolean    with_lists)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_strv_contains ((const char * const *) ids, id))
    {
      g_autofree char *known = g_strjoinv (", ", ids);

      g_printerr (_("%s: unknown framework “%s”; the built-in frameworks are: %s\n"),
                  g_get_prgname (), id, known);
      return SSR_TOOL_EXIT_FAILURE;
    }

  framework = ssr_framework_get_builtin (id, &error);
  if (framework == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return SSR_TOOL_EXIT_FAILURE;
    }

  print_outline (framework);
  if (with_lists)
    {
      g_print ("\n");
      print_reference_lists (framework, 0);
    }

  return SSR_TOOL_EXIT_SUCCESS;
}

int
ssr_tool_framework (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) names = NULL;
  gboolean list = FALSE;
  gboolean lists = FALSE;
  const GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list,
      N_("List the built-in frameworks instead"), NULL },
    { "lists", 0, 0, G_OPTION_ARG_NONE, &lists,
      N_("Also show the reference lists (actor categories, relation types…) and their sizes"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &names, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  summary = g_strdup_printf (_("Shows the outline of the built-in framework NAME "
                               "(by default “%s”): its phases, its steps numbered "
                               "across phases, and each step’s tasks.\n\n"
                               "Exit status: 0 on success, 1 when NAME is not a "
                               "built-in framework, 2 on a usage error."),
                             SSR_DEFAULT_FRAMEWORK);
  context = ssr_tool_option_context_new (_("[NAME]"), summary, entries);
  if (!ssr_tool_parse_options (context, &argc, &argv))
    return SSR_TOOL_EXIT_USAGE;

  if (names != NULL && g_strv_length (names) > 1)
    return ssr_tool_usage_error (_("expected at most one framework name"));

  if (list)
    {
      if (names != NULL && names[0] != NULL)
        return ssr_tool_usage_error (_("--list takes no framework name"));

      return list_frameworks (lists);
    }

  return show_framework (names != NULL && names[0] != NULL ? names[0] : SSR_DEFAULT_FRAMEWORK,
                         lists);
}
