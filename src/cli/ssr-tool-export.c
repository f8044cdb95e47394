/* ssr-tool-export.c: "ssr-tool export", writes pictures, tables, GraphML and the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-tool"

#include "config.h"

#include "ssr-tool-private.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ssr-assessment.h"
#include "ssr-csv.h"
#include "ssr-framework.h"
#include "ssr-graphml.h"
#include "ssr-map-layout.h"
#include "ssr-picture.h"
#include "ssr-report.h"
#include "ssr-table-export.h"
#include "ssr-term.h"

#define EXIT_STATUS_TEXT \
  N_("Exit status: 0 on success, 1 when IN cannot be read or OUT cannot be " \
     "written, 2 on a usage error.")

/* Messages about a file start with its name, as the user gave it. */
static void
print_file_error (const char   *path,
                  const GError *error)
{
  if (g_str_has_prefix (error->message, path))
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: %s\n", path, error->message);
}

/*
 * Reads IN and the framework it follows. Without @framework_required, a
 * framework this program does not know gives a NULL framework (term ids
 * then stand for their names). Says why on stderr when it fails.
 */
static SsrAssessment *
load_input (const char    *path,
            gboolean       framework_required,
            SsrFramework **framework)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = ssr_tool_load_assessment (path, &error);
  if (assessment == NULL)
    {
      print_file_error (path, error);
      return NULL;
    }

  *framework = ssr_framework_get_builtin (ssr_assessment_get_framework (assessment), &error);
  if (*framework == NULL && framework_required)
    {
      print_file_error (path, error);
      return NULL;
    }

  return g_steal_pointer (&assessment);
}

/* Replaces @path atomically with @data, or writes it to the standard output for "-". */
static gboolean
write_output (const char *path,
              const char *data,
              gsize       size)
{
  g_autoptr(GError) error = NULL;

  if (strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          int saved_errno = errno;

          g_printerr (_("Could not write to the standard output: %s\n"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
    {
      print_file_error (path, error);
      return FALSE;
    }

  return TRUE;
}

/* Checks that exactly IN and OUT are given. */
static gboolean
take_in_and_out (char        **paths,
                 const char  **in,
                 const char  **out)
{
  if (paths == NULL || g_strv_length (paths) != 2)
    {
      ssr_tool_usage_error (_("expected two files, IN and OUT"));
      return FALSE;
    }

  *in = paths[0];
  *out = paths[1];

  return TRUE;
}

static char *
list_picture_names (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < SSR_N_PICTURES; i++)
    g_strv_builder_add (builder, ssr_picture_get_name (i));
  names = g_strv_builder_end (builder);

  return g_strjoinv (", ", names);
}

static gboolean
has_picture_extension (const char *path)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *extension = NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  extension = g_ascii_strdown (dot + 1, -1);

  return (strcmp (extension, "svg") == 0 ||
          strcmp (extension, "png") == 0 ||
          strcmp (extension, "pdf") == 0);
}

/* "category", "stance", or a rating scale of @framework. */
static gboolean
check_color_by (SsrFramework *framework,
                const char   *color_by)
{
  GListModel *scales = ssr_framework_get_list (framework, "rating-scales");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) choices = NULL;
  g_autofree char *list = NULL;

  if (strcmp (color_by, "category") == 0 || strcmp (color_by, "stance") == 0 ||
      ssr_framework_lookup_in (framework, "rating-scales", color_by) != NULL)
    return TRUE;

  g_strv_builder_add_many (builder, "category", "stance", NULL);
  for (guint i = 0; scales != NULL && i < g_list_model_get_n_items (scales); i++)
    {
      g_autoptr(SsrTerm) scale = g_list_model_get_item (scales, i);

      g_strv_builder_add (builder, ssr_term_get_id (scale));
    }
  choices = g_strv_builder_end (builder);
  list = g_strjoinv (", ", choices);

  ssr_tool_usage_error (_("cannot colour by “%s”; choose one of: %s"), color_by, list);
  return FALSE;
}

static int
export_picture (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *view = NULL;
  g_autofree char *color_by = NULL;
  g_autofree char *views = list_picture_names ();
  g_autofree char *summary = NULL;
  gboolean redact = FALSE;
  double font_scale = 1.0;
  const char *in;
  const char *out;
  SsrRenderOptions options;
  SsrPicture picture;
  const GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view,
      N_("The picture to draw (required)"), N_("VIEW") },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Leave out every item marked sensitive"), NULL },
    { "color-by", 0, 0, G_OPTION_ARG_STRING, &color_by,
      N_("Colour the sector map’s actors by category (default), stance, or a rating scale"),
      N_("category|stance|SCALE") },
    { "font-scale", 0, 0, G_OPTION_ARG_DOUBLE, &font_scale,
      N_("Multiply every font size, from 0.5 to 4 (default: 1)"), N_("F") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  summary = g_strdup_printf (_("Draws one picture of the assessment IN into OUT, as SVG, "
                               "PNG or PDF after OUT’s extension (.svg, .png, .pdf). "
                               "VIEW is one of: %s.\n\n"
                               "OUT is replaced atomically; when IN cannot be read, OUT "
                               "is not touched.\n\n%s"),
                             views, _(EXIT_STATUS_TEXT));
  context = ssr_tool_option_context_new (_("IN OUT --view VIEW"), summary, entries);
  if (!ssr_tool_parse_options (context, &argc, &argv))
    return SSR_TOOL_EXIT_USAGE;

  if (!take_in_and_out (paths, &in, &out))
    return SSR_TOOL_EXIT_USAGE;
  if (view == NULL)
    return ssr_tool_usage_error (_("--view is required; choose one of: %s"), views);
  if (!ssr_picture_from_name (view, &picture))
    return ssr_tool_usage_error (_("there is no view “%s”; choose one of: %s"), view, views);
  if (!has_picture_extension (out))
    return ssr_tool_usage_error (_("OUT must end in .svg, .png or .pdf"));
  if (!(font_scale >= 0.5 && font_scale <= 4.0))
    return ssr_tool_usage_error (_("--font-scale must be from 0.5 to 4"));

  assessment = load_input (in, TRUE, &framework);
  if (assessment == NULL)
    return SSR_TOOL_EXIT_FAILURE;
  if (color_by != NULL && !check_color_by (framework, color_by))
    return SSR_TOOL_EXIT_USAGE;

  ssr_render_options_init (&options);
  options.redact = redact;
  options.font_scale = font_scale;
  if (color_by != NULL)
    options.color_by = color_by;

  if (!ssr_picture_export (picture, framework, assessment, &options, out, &error))
    {
      print_file_error (out, error);
      return SSR_TOOL_EXIT_FAILURE;
    }

  return SSR_TOOL_EXIT_SUCCESS;
}

static int
export_graphml (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GBytes) graphml = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *summary = NULL;
  gboolean redact = FALSE;
  const char *in;
  const char *out;
  const GOptionEntry entries[] = {
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Leave out sensitive actors and their relations"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  summary = g_strdup_printf (_("Writes the actors (nodes) and relations (edges) of the "
                               "assessment IN to OUT as GraphML, for yEd, Gephi and other "
                               "graph tools. Nodes carry name, category, kind, stance and "
                               "x and y: the actor’s place on the sector map, as set by "
                               "hand or by the automatic layout. Edges carry type, "
                               "direction and strength.\n\n"
                               "OUT is replaced atomically; “-” writes to the standard "
                               "output.\n\n%s"),
                             _(EXIT_STATUS_TEXT));
  context = ssr_tool_option_context_new (_("IN OUT"), summary, entries);
  if (!ssr_tool_parse_options (context, &argc, &argv))
    return SSR_TOOL_EXIT_USAGE;

  if (!take_in_and_out (paths, &in, &out))
    return SSR_TOOL_EXIT_USAGE;

  assessment = load_input (in, FALSE, &framework);
  if (assessment == NULL)
    return SSR_TOOL_EXIT_FAILURE;

  /* Without its framework there is no layout: the actors a person
   * placed keep their x and y, the others have none. */
  positions = framework != NULL ? ssr_map_layout_compute_points (framework, assessment, redact)
                                : g_hash_table_new (g_str_hash, g_str_equal);
  graphml = ssr_graphml_write (assessment, framework, positions, redact);
  if (!write_output (out, g_bytes_get_data (graphml, NULL), g_bytes_get_size (graphml)))
    return SSR_TOOL_EXIT_FAILURE;

  return SSR_TOOL_EXIT_SUCCESS;
}

static int
export_table (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *table = NULL;
  g_autofree char *tables = g_strjoinv (", ", (char **) ssr_table_export_get_tables ());
  g_autofree char *summary = NULL;
  gboolean redact = FALSE;
  gboolean bom = FALSE;
  const char *in;
  const char *out;
  const GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table,
      N_("The table to write (required)"), N_("TABLE") },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Leave out sensitive actors, their relations, and sensitive findings"), NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("Start with a byte order mark, for spreadsheets that want one to read UTF-8"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  summary = g_strdup_printf (_("Writes one collection of the assessment IN to OUT as a CSV "
                               "table (RFC 4180, UTF-8): a header row, then one row per "
                               "item. TABLE is one of: %s. Framework terms show their id and "
                               "their name; references show the other item’s id and name. "
                               "The actors and relations tables import back into the "
                               "workbench.\n\n"
                               "OUT is replaced atomically; “-” writes to the standard "
                               "output.\n\n%s"),
                             tables, _(EXIT_STATUS_TEXT));
  context = ssr_tool_option_context_new (_("IN OUT --table TABLE"), summary, entries);
  if (!ssr_tool_parse_options (context, &argc, &argv))
    return SSR_TOOL_EXIT_USAGE;

  if (!take_in_and_out (paths, &in, &out))
    return SSR_TOOL_EXIT_USAGE;
  if (table == NULL)
    return ssr_tool_usage_error (_("--table is required; choose one of: %s"), tables);
  if (!g_strv_contains (ssr_table_export_get_tables (), table))
    return ssr_tool_usage_error (_("there is no table “%s”; choose one of: %s"), table, tables);

  assessment = load_input (in, FALSE, &framework);
  if (assessment == NULL)
    return SSR_TOOL_EXIT_FAILURE;

  csv = g_string_new (bom ? SSR_CSV_BOM : NULL);
  if (!ssr_table_export_csv (assessment, framework, table, redact, csv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return SSR_TOOL_EXIT_FAILURE;
    }
  if (!write_output (out, csv->str, csv->len))
    return SSR_TOOL_EXIT_FAILURE;

  return SSR_TOOL_EXIT_SUCCESS;
}

static gboolean
parse_paper (const char *name,
             SsrPaper   *paper)
{
  if (name == NULL || g_ascii_strcasecmp (name, "a4") == 0)
    *paper = SSR_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = SSR_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

static int
export_report (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(SsrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *summary = NULL;
  gboolean redact = FALSE;
  const char *in;
  const char *out;
  SsrReportOptions options;
  const GOptionEntry entries[] = {
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("The paper size: a4 (default) or letter"), N_("a4|letter") },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Leave out every item marked sensitive, and say so on the cover"), NULL },
    { "sections", 0, 0, G_OPTION_ARG_STRING, &sections,
      N_("The sections to include, separated by commas (default: all)"), N_("LIST") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  summary = g_strdup_printf (_("Writes the summary report of the assessment IN to OUT as a "
                               "PDF file, with the classification marking on every page. "
                               "The sections are cover, contents, summary, context, phases, "
                               "actors, maps, findings, priorities, indicators, principles "
                               "and sources, or all.\n\n"
                               "OUT is replaced atomically; when IN cannot be read, OUT is "
                               "not touched.\n\n%s"),
                             _(EXIT_STATUS_TEXT));
  context = ssr_tool_option_context_new (_("IN OUT"), summary, entries);
  if (!ssr_tool_parse_options (context, &argc, &argv))
    return SSR_TOOL_EXIT_USAGE;

  if (!take_in_and_out (paths, &in, &out))
    return SSR_TOOL_EXIT_USAGE;

  ssr_report_options_init (&options);
  options.redact = redact;
  if (!parse_paper (paper, &options.paper))
    return ssr_tool_usage_error (_("there is no paper size “%s”; choose a4 or letter"), paper);
  if (sections != NULL)
    {
      if (!ssr_report_sections_from_string (sections, &options.sections, &error))
        return ssr_tool_usage_error ("%s", error->message);
      if (options.sections == 0)
        return ssr_tool_usage_error (_("--sections names no section"));
    }

  assessment = load_input (in, TRUE, &framework);
  if (assessment == NULL)
    return SSR_TOOL_EXIT_FAILURE;

  report = ssr_report_new (framework, assessment, &options);
  if (!ssr_report_write_pdf (report, out, &error))
    {
      print_file_error (out, error);
      return SSR_TOOL_EXIT_FAILURE;
    }

  return SSR_TOOL_EXIT_SUCCESS;
}

typedef struct
{
  const char *name;
  const char *usage;
  const char *summary;
  int       (*run) (int    argc,
                    char **argv);
} ExportForm;

static const ExportForm forms[] = {
  { "picture", N_("IN OUT.svg|.png|.pdf --view VIEW"),
    N_("A picture: sector map, coordination, phases, dimensions, who does what"),
    export_picture },
  { "graphml", N_("IN OUT.graphml"),
    N_("Actors and relations as a graph for yEd and Gephi"), export_graphml },
  { "table", N_("IN OUT.csv --table TABLE"),
    N_("One collection as a CSV table"), export_table },
  { "report", N_("IN OUT.pdf"),
    N_("The summary report as PDF"), export_report },
};

static void
print_export_usage (gboolean to_stderr)
{
  g_autoptr(GString) usage = g_string_new (NULL);

  g_string_append_printf (usage, "%s\n  %s\n\n%s\n",
                          _("Usage:"),
                          _("ssr-tool export FORM [OPTION…] IN OUT"),
                          _("Forms:"));
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    g_string_append_printf (usage, "  %-8s %s\n           ssr-tool export %s %s\n",
                            forms[i].name, _(forms[i].summary),
                            forms[i].name, _(forms[i].usage));
  g_string_append_printf (usage, "\n%s\n\n%s\n",
                          _("Run “ssr-tool export FORM --help” to see the options of a form."),
                          _(EXIT_STATUS_TEXT));

  if (to_stderr)
    g_printerr ("%s", usage->str);
  else
    g_print ("%s", usage->str);
}

int
ssr_tool_export (int    argc,
                 char **argv)
{
  g_autofree char *prgname = NULL;

  if (argc < 2)
    {
      print_export_usage (TRUE);
      return SSR_TOOL_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_export_usage (FALSE);
      return SSR_TOOL_EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (strcmp (argv[1], forms[i].name) != 0)
        continue;

      /* So that the form's --help and messages name it: "ssr-tool export table". */
      prgname = g_strdup_printf ("ssr-tool export %s", forms[i].name);
      g_set_prgname (prgname);

      return forms[i].run (argc - 1, argv + 1);
    }

  g_printerr (_("ssr-tool export: unknown form “%s”\n\n"), argv[1]);
  print_export_usage (TRUE);

  return SSR_TOOL_EXIT_USAGE;
}
