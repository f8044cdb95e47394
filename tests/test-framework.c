/* test-framework.c: the built-in frameworks and the framework reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-framework"

#include "config.h"

#include "ssr-framework.h"

#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#define THREE_PHASE "ssr-three-phase"
#define USG_CYCLE   "usg-program-cycle"

static SsrFramework *
get_framework (const char *id)
{
  g_autoptr(GError) error = NULL;
  SsrFramework *framework = ssr_framework_get_builtin (id, &error);

  g_assert_no_error (error);
  g_assert_true (SSR_IS_FRAMEWORK (framework));

  return framework;
}

static SsrFramework *
read_framework (const char  *text,
                GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ssr_framework_new_from_bytes (bytes, "test.xml", error);
}

/* The line of a "test.xml:LINE:COL: sentence" message. */
static int
error_line (const GError *error)
{
  int line = 0;
  int column = 0;

  g_assert_true (g_str_has_prefix (error->message, "test.xml:"));
  g_assert_cmpint (sscanf (error->message + strlen ("test.xml:"), "%d:%d: ", &line, &column), ==, 2);
  g_assert_cmpint (column, >, 0);

  return line;
}

static guint
list_length (GListModel *list)
{
  g_assert_nonnull (list);

  return g_list_model_get_n_items (list);
}

static void
test_list_builtin (void)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();

  g_assert_nonnull (ids);
  g_assert_true (g_strv_contains ((const char * const *)ids, THREE_PHASE));
  g_assert_true (g_strv_contains ((const char * const *)ids, USG_CYCLE));
  g_assert_true (g_strv_contains ((const char * const *)ids, SSR_DEFAULT_FRAMEWORK));
}

static void
test_builtin_load (void)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(SsrFramework) framework = get_framework (ids[i]);
      g_autoptr(SsrFramework) again = get_framework (ids[i]);

      g_assert_cmpstr (ssr_framework_get_id (framework), ==, ids[i]);
      g_assert_cmpstr (ssr_framework_get_name (framework), !=, "");
      g_assert_nonnull (ssr_framework_get_description (framework));
      /* loaded once, shared afterwards */
      g_assert_true (framework == again);
    }
}

static void
test_builtin_unknown (void)
{
  const char *ids[] = { "no-such-framework", "../" THREE_PHASE, "" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (ids[i], &error);

      g_assert_null (framework);
      g_assert_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK);
    }
}

static gpointer
get_default_cb (gpointer data)
{
  return ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, NULL);
}

static void
test_builtin_threads (void)
{
  /* In a fresh process, so that the first load itself races. */
  if (g_test_subprocess ())
    {
      GThread *threads[8];
      SsrFramework *frameworks[G_N_ELEMENTS (threads)];

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("load", get_default_cb, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        frameworks[i] = g_thread_join (threads[i]);

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          g_assert_true (SSR_IS_FRAMEWORK (frameworks[i]));
          g_assert_true (frameworks[i] == frameworks[0]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_object_unref (frameworks[i]);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_three_phase_steps (void)
{
  const char *expected[] = {
    "conduct-assessment", "consensus-building", "reform-foundation",
    "strategy-design", "quick-impact-projects", "procurement-capacity",
    "sector-wide-reforms", "facilitating-implementation",
    "expert-deployments", "education-awareness",
  };
  g_autoptr(SsrFramework) framework = get_framework (THREE_PHASE);
  GListModel *phases = ssr_framework_get_phases (framework);
  GListModel *steps = ssr_framework_get_steps (framework);
  guint n = 0;

  g_assert_cmpuint (list_length (phases), ==, 3);
  g_assert_cmpuint (list_length (steps), ==, G_N_ELEMENTS (expected));

  /* get_steps is the phases' steps, in phase order */
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *phase_steps = ssr_term_get_list (phase, "steps");

      g_assert_cmpstr (ssr_term_get_guidance (phase), !=, NULL);
      for (guint j = 0; j < list_length (phase_steps); j++, n++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (phase_steps, j);
          g_autoptr(SsrTerm) flat = g_list_model_get_item (steps, n);

          g_assert_true (step == flat);
          g_assert_true (ssr_term_get_parent (step) == phase);
        }
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SsrTerm) step = g_list_model_get_item (steps, i);

      g_assert_cmpstr (ssr_term_get_id (step), ==, expected[i]);
      g_assert_cmpstr (ssr_term_get_name (step), !=, "");
      g_assert_nonnull (ssr_term_get_guidance (step));
      g_assert_cmpuint (strlen (ssr_term_get_guidance (step)), >, 80);
      g_assert_nonnull (ssr_term_get_citation (step));
      g_assert_true (g_str_has_prefix (ssr_term_get_citation (step), "Seed 001"));
      g_assert_cmpuint (list_length (ssr_term_get_list (step, "tasks")), >=, 3);
    }
}

static void
test_three_phase_assessment (void)
{
  g_autoptr(SsrFramework) framework = get_framework (THREE_PHASE);
  SsrTerm *step = ssr_framework_lookup (framework, "conduct-assessment");
  const char * const *names;

  g_assert_nonnull (step);
  g_assert_cmpuint (list_length (ssr_term_get_list (step, "tasks")), ==, 7);
  g_assert_cmpuint (list_length (ssr_term_get_list (step, "toolbox")), ==, 8);

  names = ssr_term_get_list_names (step);
  g_assert_cmpuint (g_strv_length ((GStrv)names), ==, 2);
  g_assert_cmpstr (names[0], ==, "tasks");
  g_assert_cmpstr (names[1], ==, "toolbox");

  g_assert_true (ssr_term_get_parent (ssr_framework_lookup (framework, "set-benchmarks")) == step);
}

static void
test_three_phase_principles (void)
{
  g_autoptr(SsrFramework) framework = get_framework (THREE_PHASE);
  GListModel *principles = ssr_framework_get_list (framework, "principles");

  g_assert_cmpuint (list_length (principles), ==, 15);

  for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
    {
      g_autoptr(SsrTerm) principle = g_list_model_get_item (principles, i);

      g_assert_nonnull (ssr_term_get_guidance (principle));
      g_assert_nonnull (ssr_term_get_citation (principle));
    }
}

static void
test_mechanism_types (void)
{
  const char *ids[] = { THREE_PHASE, USG_CYCLE };

  for (guint f = 0; f < G_N_ELEMENTS (ids); f++)
    {
      g_autoptr(SsrFramework) framework = get_framework (ids[f]);
      GListModel *mechanisms = ssr_framework_get_list (framework, "mechanism-types");

      g_assert_cmpuint (list_length (mechanisms), ==, 5);

      for (guint i = 0; i < g_list_model_get_n_items (mechanisms); i++)
        {
          g_autoptr(SsrTerm) mechanism = g_list_model_get_item (mechanisms, i);
          const char *strength = ssr_term_get_attribute (mechanism, "strength");
          const char *risk = ssr_term_get_attribute (mechanism, "risk");

          g_assert_nonnull (strength);
          g_assert_nonnull (risk);
          g_assert_cmpstr (strength, !=, "");
          g_assert_cmpstr (risk, !=, "");
          g_assert_cmpstr (strength, !=, risk);
        }
    }
}

/* Every term under @term: its id is new, and lookup finds this very term. */
static void
check_ids (SsrFramework *framework,
           SsrTerm      *term,
           GHashTable   *seen)
{
  const char * const *names = ssr_term_get_list_names (term);

  for (guint l = 0; names[l] != NULL; l++)
    {
      GListModel *list = ssr_term_get_list (term, names[l]);

      for (guint i = 0; i < list_length (list); i++)
        {
          g_autoptr(SsrTerm) child = g_list_model_get_item (list, i);
          const char *id = ssr_term_get_id (child);

          if (!g_hash_table_add (seen, (char *)id))
            g_error ("The id “%s” is used twice in %s", id, ssr_framework_get_id (framework));

          g_assert_true (ssr_framework_lookup (framework, id) == child);
          g_assert_true (ssr_term_get_parent (child) == term);
          check_ids (framework, child, seen);
        }
    }
}

static void
test_ids_unique (void)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();

  for (guint f = 0; ids[f] != NULL; f++)
    {
      g_autoptr(SsrFramework) framework = get_framework (ids[f]);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      check_ids (framework, ssr_framework_get_root (framework), seen);
      /* the reference lists alone hold well over a hundred terms */
      g_assert_cmpuint (g_hash_table_size (seen), >, 150);
    }
}

static void
test_lookup (void)
{
  g_autoptr(SsrFramework) framework = get_framework (THREE_PHASE);
  SsrTerm *police = ssr_framework_lookup (framework, "police");
  SsrTerm *core = ssr_framework_lookup_in (framework, "actor-categories", "core-security");
  SsrTerm *external = ssr_framework_lookup_in (framework, "actor-categories", "external");
  SsrTerm *command = ssr_framework_lookup_in (framework, "relation-types", "command");
  SsrTerm *coordination = ssr_framework_lookup_in (framework, "relation-types", "coordination");

  g_assert_nonnull (police);
  g_assert_nonnull (core);
  g_assert_true (ssr_term_get_parent (police) == core);
  g_assert_true (ssr_term_get_parent (core) == ssr_framework_get_root (framework));
  g_assert_cmpstr (ssr_term_get_attribute (core, "ring"), ==, "0");
  g_assert_cmpstr (ssr_term_get_attribute (external, "ring"), ==, "5");
  g_assert_null (ssr_term_get_attribute (core, "no-such-attribute"));
  g_assert_cmpstr (ssr_term_get_attribute (command, "directed"), ==, "true");
  g_assert_cmpstr (ssr_term_get_attribute (coordination, "directed"), ==, "false");

  /* lookup_in: only the named top-level list */
  g_assert_null (ssr_framework_lookup_in (framework, "principles", "core-security"));
  g_assert_null (ssr_framework_lookup_in (framework, "actor-categories", "police"));
  g_assert_null (ssr_framework_lookup_in (framework, "no-such-list", "core-security"));
  g_assert_null (ssr_framework_lookup (framework, "no-such-term"));
  g_assert_null (ssr_framework_get_list (framework, "no-such-list"));

  g_assert_cmpstr (ssr_framework_get_term_name (framework, "police"), ==, ssr_term_get_name (police));
  g_assert_cmpstr (ssr_framework_get_term_name (framework, "police"), !=, "police");
  g_assert_cmpstr (ssr_framework_get_term_name (framework, "no-such-term"), ==, "no-such-term");
}

static void
test_usg_cycle (void)
{
  g_autoptr(SsrFramework) framework = get_framework (USG_CYCLE);
  GListModel *phases = ssr_framework_get_phases (framework);
  GListModel *steps = ssr_framework_get_steps (framework);

  g_assert_cmpuint (list_length (phases), ==, 6);
  g_assert_cmpuint (list_length (steps), >=, 6);
  g_assert_cmpuint (list_length (ssr_framework_get_list (framework, "principles")), ==, 15);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SsrTerm) step = g_list_model_get_item (steps, i);

      g_assert_nonnull (ssr_term_get_guidance (step));
      g_assert_true (g_str_has_prefix (ssr_term_get_citation (step), "Seed 004"));
      g_assert_cmpuint (list_length (ssr_term_get_list (step, "tasks")), >=, 3);
    }
}

static void
collect_error_cb (void        *user_data,
                  xmlErrorPtr  error)
{
  g_string_append_printf (user_data, "line %d: %s", error->line, error->message);
}

/* TRUE when @bytes validates against data/schema/framework.rng. */
static gboolean
validates (GBytes *bytes)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "schema", "framework.rng", NULL);
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGValidCtxtPtr validator;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int result;

  parser = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGSetParserStructuredErrors (parser, collect_error_cb, messages);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  if (schema == NULL)
    g_error ("%s does not load: %s", path, messages->str);

  doc = xmlReadMemory (data, (int)size, "framework.xml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);

  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, collect_error_cb, messages);
  result = xmlRelaxNGValidateDoc (validator, doc);
  if (result != 0)
    g_test_message ("not valid: %s", messages->str);

  xmlRelaxNGFreeValidCtxt (validator);
  xmlRelaxNGFree (schema);
  xmlFreeDoc (doc);

  return result == 0;
}

static void
test_schema_valid (void)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();
  g_autoptr(GBytes) nameless = NULL;
  const char *text =
    "<framework xmlns='urn:ssr-workbench:framework:1' id='t' version='1'>"
    "<list id='phases'><term id='p' name='P'/></list></framework>";

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/org/ssrworkbench/Workbench/frameworks/%s.xml", ids[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      g_assert_nonnull (bytes);
      g_assert_true (validates (bytes));
    }

  /* and the schema does refuse something: a framework without a name */
  nameless = g_bytes_new_static (text, strlen (text));
  g_assert_false (validates (nameless));
}

static void
test_refuses_doctype (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = read_framework (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE framework [ <!ENTITY a \"aaaaaaaaaaaaaaaa\"> <!ENTITY b \"&a;&a;&a;&a;&a;&a;\"> ]>\n"
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" id=\"t\" version=\"1\">\n"
    "  <name>&b;</name>\n"
    "  <list id=\"phases\"/>\n"
    "</framework>\n", &error);

  g_assert_null (framework);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK);
  g_assert_cmpint (error_line (error), ==, 2);
  g_assert_nonnull (strstr (error->message, "DOCTYPE"));
}

static void
test_refuses_duplicate_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = read_framework (
    "<?xml version=\"1.0\"?>\n"
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" id=\"t\" version=\"1\">\n"
    "  <name>Test</name>\n"
    "  <list id=\"phases\">\n"
    "    <term id=\"first\" name=\"First\">\n"
    "      <list id=\"steps\"><term id=\"step\" name=\"Step\"/></list>\n"
    "    </term>\n"
    "  </list>\n"
    "  <list id=\"principles\">\n"
    "    <term id=\"step\" name=\"Again\"/>\n"
    "  </list>\n"
    "</framework>\n", &error);

  g_assert_null (framework);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK);
  g_assert_cmpint (error_line (error), ==, 10);
  g_assert_nonnull (strstr (error->message, "“step”"));
  g_assert_nonnull (strstr (error->message, "line 6"));
}

static void
test_refuses_truncated (void)
{
  g_autoptr(GBytes) whole = g_resources_lookup_data ("/org/ssrworkbench/Workbench/frameworks/" THREE_PHASE ".xml", 0, NULL);
  g_autoptr(GBytes) half = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = NULL;
  gsize size;
  const char *data = g_bytes_get_data (whole, &size);
  int lines = 1;

  half = g_bytes_new_from_bytes (whole, 0, size / 2);
  for (gsize i = 0; i < size / 2; i++)
    lines += data[i] == '\n';

  framework = ssr_framework_new_from_bytes (half, "test.xml", &error);

  g_assert_null (framework);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK);
  /* reported where the data ends */
  g_assert_cmpint (error_line (error), >=, lines - 1);
  g_assert_cmpint (error_line (error), <=, lines);
}

static void
test_refuses_other_files (void)
{
  const char *texts[] = {
    "",
    "<assessment xmlns=\"urn:ssr-workbench:assessment:1\" format-version=\"1\"/>",
    "<framework id=\"t\" version=\"1\"><name>No namespace</name><list id=\"phases\"/></framework>",
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" id=\"t\" version=\"2\">"
    "<name>Newer</name><list id=\"phases\"/></framework>",
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" id=\"t\" version=\"1\">"
    "<list id=\"phases\"/></framework>",
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" id=\"t\" version=\"1\">"
    "<name>No phases</name><list id=\"principles\"/></framework>",
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" id=\"t\" version=\"1\">"
    "<name>Bad id</name><list id=\"phases\"><term id=\"1st\" name=\"x\"/></list></framework>",
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" id=\"t\" version=\"1\">"
    "<name>Twice</name><list id=\"phases\"/><list id=\"phases\"/></framework>",
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" id=\"t\" version=\"1\">"
    "<name>&undefined;</name><list id=\"phases\"/></framework>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsrFramework) framework = read_framework (texts[i], &error);

      g_assert_null (framework);
      g_assert_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK);
      g_assert_cmpint (error_line (error), >=, 1);
    }
}

static void
test_reads_and_ignores (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = read_framework (
    "<?xml version=\"1.0\"?>\n"
    "<framework xmlns=\"urn:ssr-workbench:framework:1\" xmlns:x=\"urn:example\"\n"
    "           id=\"t\" version=\"1\" x:extra=\"kept out\">\n"
    "  <name>  Test\n   framework </name>\n"
    "  <x:note>ignored</x:note>\n"
    "  <future-element><list id=\"hidden\"><term id=\"hidden-term\" name=\"H\"/></list></future-element>\n"
    "  <list id=\"phases\">\n"
    "    <term id=\"p\" name=\"Police &amp; courts\">\n"
    "      <guidance cite=\"Seed 001, A &amp; B\">One\n        two <x:b>not this</x:b>three.</guidance>\n"
    "      <attribute name=\"strength\">Joint &lt;planning&gt;</attribute>\n"
    "      <attribute name=\"empty\"/>\n"
    "      <list id=\"steps\"/>\n"
    "      <list id=\"tasks\"><term id=\"t1\" name=\"T&#38;1\"/></list>\n"
    "      <unknown/>\n"
    "    </term>\n"
    "  </list>\n"
    "</framework>\n", &error);
  SsrTerm *term;
  const char * const *names;

  g_assert_no_error (error);
  g_assert_nonnull (framework);
  g_assert_cmpstr (ssr_framework_get_id (framework), ==, "t");
  g_assert_cmpstr (ssr_framework_get_name (framework), ==, "Test framework");
  g_assert_null (ssr_framework_get_description (framework));
  g_assert_null (ssr_framework_lookup (framework, "hidden-term"));
  g_assert_null (ssr_framework_get_list (framework, "hidden"));
  g_assert_cmpuint (list_length (ssr_framework_get_steps (framework)), ==, 0);

  term = ssr_framework_lookup_in (framework, "phases", "p");
  g_assert_nonnull (term);
  g_assert_cmpstr (ssr_term_get_name (term), ==, "Police & courts");
  g_assert_cmpstr (ssr_term_get_guidance (term), ==, "One two three.");
  g_assert_cmpstr (ssr_term_get_citation (term), ==, "Seed 001, A & B");
  g_assert_cmpstr (ssr_term_get_attribute (term, "strength"), ==, "Joint <planning>");
  g_assert_cmpstr (ssr_term_get_attribute (term, "empty"), ==, "");
  g_assert_cmpstr (ssr_framework_get_term_name (framework, "t1"), ==, "T&1");

  names = ssr_term_get_list_names (term);
  g_assert_cmpuint (g_strv_length ((GStrv)names), ==, 2);
  g_assert_cmpstr (names[0], ==, "steps");
  g_assert_cmpstr (names[1], ==, "tasks");
  g_assert_cmpuint (list_length (ssr_term_get_list (term, "steps")), ==, 0);

  names = ssr_term_get_list_names (ssr_framework_lookup (framework, "t1"));
  g_assert_null (names[0]);
}

/* Walks every step of @framework many times, checking each item is the
 * one a single-threaded walk found; returns the number of mismatches. */
static gpointer
walk_steps_cb (gpointer data)
{
  GPtrArray *expected = data;
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, NULL);
  GListModel *steps = ssr_framework_get_steps (framework);
  guint mismatches = 0;

  for (guint round = 0; round < 20000; round++)
    {
      /* Jump about, so that a cached last position would be wrong. */
      guint position = (round * 7) % expected->len;
      g_autoptr(SsrTerm) step = g_list_model_get_item (steps, position);

      if (step != g_ptr_array_index (expected, position))
        mismatches++;
    }

  return GUINT_TO_POINTER (mismatches);
}

/* The framework is shared by the window and worker threads (report
 * layout, exports): its lists must read right from several at once. */
static void
test_lists_shared_by_threads (void)
{
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, NULL);
  GListModel *steps = ssr_framework_get_steps (framework);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  GThread *threads[4];

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    g_ptr_array_add (expected, g_list_model_get_item (steps, i));
  g_assert_cmpuint (expected->len, >, 1);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("walk", walk_steps_cb, expected);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/framework/list-builtin", test_list_builtin);
  g_test_add_func ("/core/framework/builtin-load", test_builtin_load);
  g_test_add_func ("/core/framework/builtin-unknown", test_builtin_unknown);
  g_test_add_func ("/core/framework/builtin-threads", test_builtin_threads);
  g_test_add_func ("/core/framework/lists-shared-by-threads", test_lists_shared_by_threads);
  g_test_add_func ("/core/framework/three-phase/steps", test_three_phase_steps);
  g_test_add_func ("/core/framework/three-phase/assessment", test_three_phase_assessment);
  g_test_add_func ("/core/framework/three-phase/principles", test_three_phase_principles);
  g_test_add_func ("/core/framework/mechanism-types", test_mechanism_types);
  g_test_add_func ("/core/framework/ids-unique", test_ids_unique);
  g_test_add_func ("/core/framework/lookup", test_lookup);
  g_test_add_func ("/core/framework/usg-cycle", test_usg_cycle);
  g_test_add_func ("/core/framework/schema-valid", test_schema_valid);
  g_test_add_func ("/core/framework/refuses-doctype", test_refuses_doctype);
  g_test_add_func ("/core/framework/refuses-duplicate-id", test_refuses_duplicate_id);
  g_test_add_func ("/core/framework/refuses-truncated", test_refuses_truncated);
  g_test_add_func ("/core/framework/refuses-other-files", test_refuses_other_files);
  g_test_add_func ("/core/framework/reads-and-ignores", test_reads_and_ignores);

  return g_test_run ();
}
