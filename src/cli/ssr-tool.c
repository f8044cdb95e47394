/* ssr-tool.c: the ssr-tool command, which dispatches to its sub-commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-tool"

#include "config.h"

#include "ssr-tool-private.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ssr-assessment.h"
#include "ssr-xml.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int    argc,
                    char **argv);
} SsrToolCommand;

static const SsrToolCommand commands[] = {
  { "validate", N_("Check that assessment files can be read"), ssr_tool_validate },
  { "convert", N_("Read an assessment and write it in the current format"), ssr_tool_convert },
  { "framework", N_("Show the outline of an SSR framework"), ssr_tool_framework },
  { "generate", N_("Write a synthetic assessment for tests and benchmarks"), ssr_tool_generate },
  { "export", N_("Write a picture, a CSV table, GraphML or the PDF report"), ssr_tool_export },
};

static void
print_usage (gboolean to_stderr)
{
  g_autoptr(GString) usage = g_string_new (NULL);

  g_string_append_printf (usage, "%s\n  %s\n\n%s\n",
                          _("Usage:"),
                          _("ssr-tool COMMAND [OPTION…] [ARGUMENT…]"),
                          _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (usage, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (usage, "\n%s\n  -h, --help  %s\n  --version   %s\n\n%s\n",
                          _("Options:"),
                          _("Show this help"),
                          _("Show the version"),
                          _("Run “ssr-tool COMMAND --help” to see the options of a command."));

  if (to_stderr)
    g_printerr ("%s", usage->str);
  else
    g_print ("%s", usage->str);
}

static const SsrToolCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

GOptionContext *
ssr_tool_option_context_new (const char         *parameter_string,
                             const char         *summary,
                             const GOptionEntry *entries)
{
  GOptionContext *context;

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
ssr_tool_parse_options (GOptionContext   *context,
                        int              *argc,
                        char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      ssr_tool_usage_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

int
ssr_tool_usage_error (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s --help” to see how it is used.\n"), g_get_prgname ());

  return SSR_TOOL_EXIT_USAGE;
}

/* Every message about a file starts with the file's name as the user gave it. */
static void
propagate_error_with_path (GError     **dest,
                           GError      *src,
                           const char  *path)
{
  if (g_str_has_prefix (src->message, path))
    g_propagate_error (dest, src);
  else
    g_propagate_prefixed_error (dest, src, "%s: ", path);
}

SsrAssessment *
ssr_tool_load_assessment (const char  *path,
                          GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;
  SsrAssessment *assessment;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      propagate_error_with_path (error, local_error, path);
      return NULL;
    }

  /* The path as given, not the basename, so that a message names the file
   * the way the user named it. */
  assessment = ssr_xml_read (bytes, path, &local_error);
  if (assessment == NULL)
    propagate_error_with_path (error, local_error, path);

  return assessment;
}

static gboolean
write_standard_output (SsrAssessment  *assessment,
                       GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;

  bytes = ssr_xml_write (assessment);
  data = g_bytes_get_data (bytes, &size);

  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write to the standard output: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
ssr_tool_write_assessment (SsrAssessment  *assessment,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(GFile) file = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (strcmp (path, "-") == 0)
    return write_standard_output (assessment, error);

  file = g_file_new_for_commandline_arg (path);
  if (!ssr_assessment_save (assessment, file, NULL, &local_error))
    {
      propagate_error_with_path (error, local_error, path);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const SsrToolCommand *command;
  g_autofree char *prgname = NULL;
  /* Lets tests and uninstalled runs use the catalogues of the build tree
   * (BUILDDIR/po), where the program is not installed yet. */
  const char *localedir = g_getenv ("SSR_WORKBENCH_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("ssr-tool");

  if (argc < 2)
    {
      print_usage (TRUE);
      return SSR_TOOL_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 ||
      strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (FALSE);
      return SSR_TOOL_EXIT_SUCCESS;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("ssr-tool %s\n", PACKAGE_VERSION);
      return SSR_TOOL_EXIT_SUCCESS;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("ssr-tool: unknown command “%s”\n\n"), argv[1]);
      print_usage (TRUE);
      return SSR_TOOL_EXIT_USAGE;
    }

  /* So that a sub-command's --help and messages name it: "ssr-tool convert". */
  prgname = g_strdup_printf ("ssr-tool %s", command->name);
  g_set_prgname (prgname);

  return command->run (argc - 1, argv + 1);
}
