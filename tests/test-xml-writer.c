/* test-xml-writer.c: the .ssra writer: round trips, foreign content, schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-xml-writer"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "ssr-actor.h"
#include "ssr-assessment-private.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-relation.h"
#include "ssr-test-util.h"
#include "ssr-xml.h"

#define NAME "test.ssra"

static SsrAssessment *
read_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  SsrAssessment *assessment = ssr_xml_read (bytes, NAME, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

static char *
to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
log_schema_error (void     *user_data,
                  xmlError *error)
{
  g_test_message ("schema: line %d: %s", error->line, error->message);
}

/* Validates against $SSR_SCHEMA; returns whether the document is valid. */
static gboolean
is_valid (GBytes *bytes)
{
  static xmlRelaxNGPtr schema = NULL;
  xmlRelaxNGValidCtxtPtr context;
  xmlDocPtr doc;
  int result;

  if (schema == NULL)
    {
      const char *path = g_getenv ("SSR_SCHEMA");
      xmlRelaxNGParserCtxtPtr parser;

      g_assert_nonnull (path);
      parser = xmlRelaxNGNewParserCtxt (path);
      xmlRelaxNGSetParserStructuredErrors (parser, log_schema_error, NULL);
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert_nonnull (schema);
    }

  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                       NAME, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  context = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (context, log_schema_error, NULL);
  result = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);
  xmlFreeDoc (doc);

  return result == 0;
}

/* A document built in code, with ratings added out of order. */
static SsrAssessment *
build_assessment (void)
{
  SsrAssessment *assessment = ssr_assessment_new ();
  g_autoptr(GVariantBuilder) ratings = g_variant_builder_new (G_VARIANT_TYPE ("a{si}"));
  g_autoptr(GVariantBuilder) measurements = g_variant_builder_new (G_VARIANT_TYPE ("a(sds)"));
  const char * const actors[] = { "ac-0000000000000002", "ac-0000000000000001", NULL };

  g_object_set (assessment,
                "title", "Sector review",
                "country", "Norvalia",
                "start-date", "2026-01-05",
                NULL);

  g_variant_builder_add (ratings, "{si}", "integrity", 4);
  g_variant_builder_add (ratings, "{si}", "capacity", 2);
  ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR,
                                             "id", "ac-0000000000000001",
                                             "name", "National Police Service",
                                             "category", "core-security",
                                             "kind", "police",
                                             "stance", SSR_STANCE_CHAMPION,
                                             "influence", 4,
                                             "interest", 5,
                                             "x", 120.5,
                                             "y", -40.0,
                                             "positioned", TRUE,
                                             "sensitive", TRUE,
                                             "ratings", g_variant_builder_end (ratings),
                                             "description", "Civilian police",
                                             NULL));
  ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR,
                                             "id", "ac-0000000000000002",
                                             "name", "Army",
                                             "x", 3.0,
                                             NULL));
  ssr_test_append (assessment, g_object_new (SSR_TYPE_RELATION,
                                             "id", "re-0000000000000001",
                                             "source", "ac-0000000000000001",
                                             "target", "ac-0000000000000002",
                                             "type", "oversight",
                                             "strength", 2,
                                             NULL));
  ssr_test_append (assessment, g_object_new (SSR_TYPE_FINDING,
                                             "id", "fi-0000000000000001",
                                             "kind", SSR_FINDING_RISK,
                                             "title", "Coup risk",
                                             "actors", actors,
                                             NULL));

  g_variant_builder_add (measurements, "(sds)", "2026-06-30", 0.1, "");
  g_variant_builder_add (measurements, "(sds)", "2026-09-30", 1e-7, "after the audit");
  ssr_test_append (assessment, g_object_new (SSR_TYPE_INDICATOR,
                                             "id", "in-0000000000000001",
                                             "name", "Audited budget share",
                                             "kind", SSR_INDICATOR_OUTPUT,
                                             "unit", "%",
                                             "baseline", 0.1,
                                             "target", 75.25,
                                             "measurements", g_variant_builder_end (measurements),
                                             NULL));

  return assessment;
}

/* read → write → read → write gives the same bytes. */
static void
test_round_trip (void)
{
  g_autoptr(GBytes) original = ssr_test_read_data ("full.ssra");
  g_autoptr(SsrAssessment) first = read_bytes (original);
  g_autoptr(GBytes) first_bytes = ssr_xml_write (first);
  g_autoptr(SsrAssessment) second = read_bytes (first_bytes);
  g_autoptr(GBytes) second_bytes = ssr_xml_write (second);

  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  /* The content itself came through, not only the form. */
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_actors (second)), ==, 3);
  g_assert_cmpstr (ssr_assessment_get_title (second), ==,
                   "Joint SSR assessment of Norvalia & Côte d’Ivoire");
  g_assert_cmpint (ssr_actor_get_rating (ssr_test_peek_item (ssr_assessment_get_actors (second), 0),
                                         "integrity"), ==, 3);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
test_keeps_foreign_content (void)
{
  g_autoptr(GBytes) original = ssr_test_read_data ("full.ssra");
  g_autoptr(SsrAssessment) assessment = read_bytes (original);
  g_autoptr(GBytes) bytes = ssr_xml_write (assessment);
  g_autofree char *text = to_string (bytes);
  const char *evidence;
  const char *note;

  g_test_message ("%s", text);

  assert_contains (text, "<assessment xmlns=\"urn:ssr-workbench:assessment:1\" format-version=\"1\" "
                         "framework=\"ssr-three-phase\" ext:origin=\"breakout-group-2\" "
                         "xmlns:ext=\"urn:example:extension\">");
  assert_contains (text, "<meta ext:reviewed=\"yes\" xmlns:ext=\"urn:example:extension\">");
  assert_contains (text, "\n    <ext:weather xmlns:ext=\"urn:example:extension\" season=\"dry\">"
                         "Hot <ext:b>and</ext:b> dusty</ext:weather>\n  </meta>\n");
  assert_contains (text, "<actors ext:layout=\"radial\" xmlns:ext=\"urn:example:extension\">");
  assert_contains (text, "sensitive=\"true\" ext:colour=\"#3366cc\"");
  assert_contains (text, "ext:phone=\"+1 555 0100\"");
  assert_contains (text, "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                         "href=\"/etc/passwd\" parse=\"text\"/>");
  assert_contains (text, "    <ext:vote priority=\"pr-0000000000000001\" count=\"7\"/>\n"
                         "  </ext:workshop>\n</assessment>\n");

  /* Foreign elements after the known children. */
  evidence = strstr (text, "<evidence>Donor reports, 2025.</evidence>");
  note = strstr (text, "<ext:note xmlns:ext=\"urn:example:extension\" level=\"2\">kept as is</ext:note>");
  g_assert_nonnull (evidence);
  g_assert_nonnull (note);
  g_assert_true (note > evidence);
  g_assert_null (strstr (text, "root:"));
}

/* Unknown content in our own namespace comes back too. */
static void
test_keeps_unknown_content (void)
{
  static const char xml[] =
    "<assessment xmlns='urn:ssr-workbench:assessment:1' format-version='1'>"
    "<actors><actor id='ac-1' colour='red'><nickname>Blue</nickname></actor></actors>"
    "</assessment>";
  g_autoptr(GBytes) original = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(SsrAssessment) assessment = read_bytes (original);
  g_autoptr(GBytes) bytes = ssr_xml_write (assessment);
  g_autofree char *text = to_string (bytes);

  assert_contains (text, "<actor id=\"ac-1\" stance=\"unknown\" influence=\"0\" interest=\"0\" "
                         "colour=\"red\">\n"
                         "      <nickname xmlns=\"urn:ssr-workbench:assessment:1\">Blue</nickname>\n"
                         "    </actor>\n");
}

static void
test_deterministic (void)
{
  g_autoptr(SsrAssessment) one = build_assessment ();
  g_autoptr(SsrAssessment) other = build_assessment ();
  g_autoptr(GBytes) bytes = ssr_xml_write (one);
  g_autoptr(GBytes) again = ssr_xml_write (one);
  g_autoptr(GBytes) other_bytes = ssr_xml_write (other);
  g_autoptr(SsrAssessment) reread = read_bytes (bytes);
  g_autoptr(GBytes) reread_bytes = ssr_xml_write (reread);
  g_autofree char *text = to_string (bytes);

  g_assert_true (g_bytes_equal (bytes, again));
  g_assert_true (g_bytes_equal (bytes, other_bytes));
  g_assert_true (g_bytes_equal (bytes, reread_bytes));

  /* Attribute order of docs/file-format.md, ratings sorted, x/y when placed. */
  assert_contains (text, "<actor id=\"ac-0000000000000001\" name=\"National Police Service\" "
                         "category=\"core-security\" kind=\"police\" stance=\"champion\" "
                         "influence=\"4\" interest=\"5\" x=\"120.5\" y=\"-40\" sensitive=\"true\">\n"
                         "      <description>Civilian police</description>\n"
                         "      <rating scale=\"capacity\" value=\"2\"/>\n"
                         "      <rating scale=\"integrity\" value=\"4\"/>\n"
                         "    </actor>\n");
  assert_contains (text, "<actor id=\"ac-0000000000000002\" name=\"Army\" stance=\"unknown\" "
                         "influence=\"0\" interest=\"0\"/>\n");
  assert_contains (text, "<measurement date=\"2026-09-30\" value=\"1e-07\">"
                         "after the audit</measurement>");
  assert_contains (text, "baseline=\"0.1\" target=\"75.25\"");
  assert_contains (text, "<finding id=\"fi-0000000000000001\" kind=\"risk\">\n"
                         "      <title>Coup risk</title>\n"
                         "      <actor ref=\"ac-0000000000000002\"/>\n"
                         "      <actor ref=\"ac-0000000000000001\"/>\n"
                         "    </finding>\n");
}

/* Every section is written, even empty; the empty document is valid. */
static void
test_writes_every_section (void)
{
  static const char * const sections[] = {
    "meta", "team", "steps", "actors", "relations", "organisations",
    "mechanisms", "findings", "priorities", "indicators", "principles",
  };
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(GBytes) bytes = ssr_xml_write (assessment);
  g_autofree char *text = to_string (bytes);
  const char *previous = text;
  guint i;

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  for (i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *empty = g_strdup_printf ("\n  <%s/>\n", sections[i]);
      const char *found = strstr (text, empty);

      g_assert_nonnull (found);
      g_assert_true (found >= previous);
      previous = found;
    }
  g_assert_true (is_valid (bytes));
}

static void
test_validates (void)
{
  static const char * const fixtures[] = { "minimal.ssra", "full.ssra", "xinclude.ssra" };
  static const char invalid[] =
    "<assessment xmlns='urn:ssr-workbench:assessment:1' format-version='1'>"
    "<actors><actor id='ac-1' stance='friendly'/></actors></assessment>";
  g_autoptr(GBytes) invalid_bytes = g_bytes_new_static (invalid, sizeof invalid - 1);
  g_autoptr(SsrAssessment) built = build_assessment ();
  g_autoptr(GBytes) built_bytes = ssr_xml_write (built);
  guint i;

  /* The check can fail. */
  g_assert_false (is_valid (invalid_bytes));

  g_assert_true (is_valid (built_bytes));
  for (i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GBytes) original = ssr_test_read_data (fixtures[i]);
      g_autoptr(SsrAssessment) assessment = read_bytes (original);
      g_autoptr(GBytes) bytes = ssr_xml_write (assessment);

      g_test_message ("%s", fixtures[i]);
      g_assert_true (is_valid (original));
      g_assert_true (is_valid (bytes));
    }
}

static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SSR_SAMPLES"), "norvalia.ssra", NULL);
  g_autoptr(GBytes) original = ssr_test_read_file (path);
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(SsrAssessment) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;

  if (g_bytes_get_size (original) < 1000)
    {
      g_test_skip ("the sample is still a placeholder");
      return;
    }

  assessment = read_bytes (original);
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_actors (assessment)), >, 0);
  g_assert_true (is_valid (original));

  bytes = ssr_xml_write (assessment);
  g_assert_true (is_valid (bytes));
  reread = read_bytes (bytes);
  again = ssr_xml_write (reread);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_special_characters (void)
{
  static const char *texts[] = {
    "a < b & c > d",
    "\"double\" and 'single' quotes",
    "two\nlines\r\nand a\ttab",
    "Côte d’Ivoire, Ελλάδα, 日本, 🛡",
    "  leading and trailing spaces  ",
    "]]> and &amp; as text",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
      g_autoptr(SsrAssessment) reread = NULL;
      g_autoptr(GBytes) bytes = NULL;
      SsrActor *actor;

      g_object_set (assessment, "title", texts[i], "context", texts[i], NULL);
      ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR,
                                                 "id", "ac-0000000000000001",
                                                 "name", texts[i],
                                                 "kind", texts[i],
                                                 "evidence", texts[i],
                                                 NULL));
      bytes = ssr_xml_write (assessment);
      g_assert_true (is_valid (bytes));
      reread = read_bytes (bytes);

      g_assert_cmpstr (ssr_assessment_get_title (reread), ==, texts[i]);
      g_assert_cmpstr (ssr_assessment_get_context (reread), ==, texts[i]);
      actor = ssr_test_peek_item (ssr_assessment_get_actors (reread), 0);
      g_assert_cmpstr (ssr_actor_get_name (actor), ==, texts[i]);
      g_assert_cmpstr (ssr_actor_get_kind (actor), ==, texts[i]);
      g_assert_cmpstr (ssr_actor_get_evidence (actor), ==, texts[i]);
    }
}

/* What XML cannot carry is left out, so that the file opens again. */
static void
test_drops_what_xml_cannot_carry (void)
{
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrAssessment) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_object_set (assessment, "title", "bell\a, escape\x1b and \xef\xbf\xbe done", NULL);
  bytes = ssr_xml_write (assessment);
  reread = read_bytes (bytes);

  g_assert_cmpstr (ssr_assessment_get_title (reread), ==, "bell, escape and  done");
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GBytes) original = ssr_test_read_data ("full.ssra");
  g_autoptr(SsrAssessment) assessment = read_bytes (original);

  g_task_return_pointer (task, ssr_xml_write (assessment), (GDestroyNotify) g_bytes_unref);
}

/* Loads and saves run in worker threads, several at a time. */
static void
test_threads (void)
{
  g_autoptr(GBytes) expected = NULL;
  GTask *tasks[8];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      tasks[i] = g_task_new (NULL, NULL, NULL, NULL);
      g_task_run_in_thread (tasks[i], write_in_thread);
    }

  for (i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      while (!g_task_get_completed (tasks[i]))
        g_main_context_iteration (NULL, TRUE);
      bytes = g_task_propagate_pointer (tasks[i], &error);
      g_assert_no_error (error);
      if (expected == NULL)
        expected = g_bytes_ref (bytes);
      g_assert_true (g_bytes_equal (bytes, expected));
      g_object_unref (tasks[i]);
    }
}

/* Numbers are written in their shortest exact form, and read back exactly. */
static void
test_numbers_shortest_and_exact (void)
{
  static const double values[] = { 9.35, 0.1 + 0.2, 120.5, -40.0, 1e-7, 12345678.9 };
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrAssessment) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(SsrActor) actor = ssr_actor_new (NULL);

      g_object_set (actor, "name", "A", "positioned", TRUE, "x", values[i], "y", 0.0, NULL);
      g_assert_true (ssr_assessment_append (assessment, SSR_ITEM (actor), &error));
    }

  bytes = ssr_xml_write (assessment);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (g_strstr_len (text, g_bytes_get_size (bytes), "x=\"9.35\""));
  g_assert_nonnull (g_strstr_len (text, g_bytes_get_size (bytes), "x=\"120.5\""));
  g_assert_null (g_strstr_len (text, g_bytes_get_size (bytes), "9.3499999"));

  reread = read_bytes (bytes);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (ssr_assessment_get_actors (reread), i);

      g_assert_true (ssr_actor_get_x (actor) == values[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/xml-writer/round-trip", test_round_trip);
  g_test_add_func ("/core/xml-writer/keeps-foreign-content", test_keeps_foreign_content);
  g_test_add_func ("/core/xml-writer/keeps-unknown-content", test_keeps_unknown_content);
  g_test_add_func ("/core/xml-writer/deterministic", test_deterministic);
  g_test_add_func ("/core/xml-writer/writes-every-section", test_writes_every_section);
  g_test_add_func ("/core/xml-writer/validates", test_validates);
  g_test_add_func ("/core/xml-writer/sample", test_sample);
  g_test_add_func ("/core/xml-writer/special-characters", test_special_characters);
  g_test_add_func ("/core/xml-writer/drops-what-xml-cannot-carry", test_drops_what_xml_cannot_carry);
  g_test_add_func ("/core/xml-writer/threads", test_threads);
  g_test_add_func ("/core/xml-writer/numbers-shortest-and-exact", test_numbers_shortest_and_exact);

  return g_test_run ();
}
