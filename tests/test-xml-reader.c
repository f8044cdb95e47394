/* test-xml-reader.c: the .ssra reader, on good files and hostile ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-xml-reader"

#include "config.h"

#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment-private.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-step-record.h"
#include "ssr-test-util.h"
#include "ssr-xml.h"

#define NAME "test.ssra"

typedef struct
{
  const char *fixture;
  SsrError    code;
  gboolean    has_line;
  const char *says;     /* a part of the message, or NULL */
} HostileFile;

static const HostileFile hostile_files[] = {
  { "doctype-external-entity.ssra", SSR_ERROR_FORBIDDEN, TRUE, "DOCTYPE" },
  { "entity-bomb.ssra", SSR_ERROR_FORBIDDEN, TRUE, "DOCTYPE" },
  { "undeclared-entity.ssra", SSR_ERROR_FORBIDDEN, TRUE, "entity" },
  { "truncated.ssra", SSR_ERROR_MALFORMED, TRUE, NULL },
  { "invalid-utf8.ssra", SSR_ERROR_MALFORMED, TRUE, "the file is not valid UTF-8 text" },
  { "wrong-root.ssra", SSR_ERROR_NOT_ASSESSMENT, TRUE, "this is not an SSR Workbench assessment: " },
  { "wrong-namespace.ssra", SSR_ERROR_NOT_ASSESSMENT, TRUE, "this is not an SSR Workbench assessment: " },
  { "future-version.ssra", SSR_ERROR_FUTURE_VERSION, TRUE, "(format 2); this version reads format 1" },
  { "missing-version.ssra", SSR_ERROR_INVALID, TRUE, "format-version" },
  { "dangling-reference.ssra", SSR_ERROR_DANGLING_REFERENCE, TRUE, "ac-00000000000000ff" },
  { "duplicate-id.ssra", SSR_ERROR_DUPLICATE_ID, TRUE, "ac-0000000000000001" },
  { "bad-enum.ssra", SSR_ERROR_INVALID, TRUE, "champion, neutral, spoiler" },
  { "non-numeric.ssra", SSR_ERROR_INVALID, TRUE, "a whole number from 0 to 5" },
};

static SsrAssessment *
read_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return ssr_xml_read (bytes, NAME, error);
}

/* The line, counted from 1, of occurrence number @occurrence of @needle. */
static int
line_of (GBytes     *bytes,
         const char *needle,
         guint       occurrence)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *found = NULL;
  const char *p;
  int line = 1;
  guint i;

  for (i = 0; i < occurrence; i++)
    {
      found = strstr (found == NULL ? text : found + 1, needle);
      g_assert_nonnull (found);
    }
  for (p = text; p < found; p++)
    {
      if (*p == '\n')
        line++;
    }

  return line;
}

/* Refused with @code, saying where, in the form "NAME:LINE:COL: …". */
static void
assert_refused (GBytes     *bytes,
                SsrError    code,
                gboolean    has_line,
                const char *says)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  int line = -1;
  int column = -1;

  assessment = ssr_xml_read (bytes, NAME, &error);
  g_assert_null (assessment);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, SSR_ERROR, (int) code);
  g_assert_true (g_str_has_prefix (error->message, NAME ":"));
  g_assert_true (ssr_xml_error_get_location (error, &line, &column));
  g_assert_cmpint (column, >=, 0);
  if (has_line)
    g_assert_cmpint (line, >, 0);
  if (says != NULL)
    g_assert_nonnull (strstr (error->message, says));
  /* Nothing of /etc/passwd, whatever the file asked for. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_refuses_hostile_file (gconstpointer data)
{
  const HostileFile *hostile = data;
  g_autoptr(GBytes) bytes = ssr_test_read_data (hostile->fixture);

  assert_refused (bytes, hostile->code, hostile->has_line, hostile->says);
}

static void
test_reads_minimal (void)
{
  g_autoptr(GBytes) bytes = ssr_test_read_data ("minimal.ssra");
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = ssr_xml_read (bytes, NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_actors (assessment)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_findings (assessment)), ==, 0);
  g_assert_null (_ssr_assessment_peek_foreign (assessment, "assessment"));
}

static void
test_reads_full (void)
{
  g_autoptr(GBytes) bytes = ssr_test_read_data ("full.ssra");
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  SsrActor *police;
  SsrRelation *relation;
  SsrMechanism *mechanism;
  SsrIndicator *indicator;
  SsrStepRecord *record;
  GVariant *measurements;
  double value = 0;
  const char *date = NULL;

  assessment = ssr_xml_read (bytes, NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  g_assert_cmpstr (ssr_assessment_get_framework (assessment), ==, "ssr-three-phase");
  g_assert_cmpstr (ssr_assessment_get_title (assessment), ==,
                   "Joint SSR assessment of Norvalia & Côte d’Ivoire");
  g_assert_cmpstr (ssr_assessment_get_context (assessment), ==,
                   "Two lines of context:\na \"quoted\" <word> and an apostrophe ’.");
  g_assert_cmpstr (ssr_assessment_get_start_date (assessment), ==, "2026-03-02");

  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_team (assessment)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_actors (assessment)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_relations (assessment)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_priorities (assessment)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_principles (assessment)), ==, 1);

  police = ssr_test_peek_item (ssr_assessment_get_actors (assessment), 0);
  g_assert_cmpstr (ssr_item_get_id (SSR_ITEM (police)), ==, "ac-0000000000000001");
  g_assert_cmpstr (ssr_actor_get_name (police), ==, "National Police Service");
  g_assert_cmpint (ssr_actor_get_stance (police), ==, SSR_STANCE_CHAMPION);
  g_assert_cmpint (ssr_actor_get_influence (police), ==, 4);
  g_assert_cmpint (ssr_actor_get_interest (police), ==, 5);
  g_assert_true (ssr_actor_get_positioned (police));
  g_assert_cmpfloat (ssr_actor_get_x (police), ==, 120.5);
  g_assert_cmpfloat (ssr_actor_get_y (police), ==, -40);
  g_assert_true (ssr_actor_get_sensitive (police));
  g_assert_cmpint (ssr_actor_get_rating (police, "capacity"), ==, 2);
  g_assert_cmpint (ssr_actor_get_rating (police, "integrity"), ==, 3);
  g_assert_cmpstr (ssr_actor_get_evidence (police), ==, "Donor reports, 2025.");
  g_assert_false (ssr_actor_get_positioned (ssr_test_peek_item (ssr_assessment_get_actors (assessment), 1)));
  g_assert_cmpstr (ssr_actor_get_kind (ssr_test_peek_item (ssr_assessment_get_actors (assessment), 1)), ==,
                   "Ministry (free text)");

  relation = ssr_test_peek_item (ssr_assessment_get_relations (assessment), 1);
  g_assert_cmpstr (ssr_relation_get_source (relation), ==, "ac-0000000000000001");
  g_assert_cmpint (ssr_relation_get_direction (relation), ==, SSR_DIRECTION_MUTUAL);
  g_assert_cmpint (ssr_relation_get_strength (relation), ==, 3);

  mechanism = ssr_test_peek_item (ssr_assessment_get_mechanisms (assessment), 0);
  g_assert_cmpstr (ssr_mechanism_get_lead (mechanism), ==, "or-0000000000000001");
  g_assert_cmpuint (g_strv_length ((char **) ssr_mechanism_get_members (mechanism)), ==, 2);
  g_assert_cmpstr (ssr_mechanism_get_members (mechanism)[1], ==, "ac-0000000000000002");

  record = ssr_test_peek_item (ssr_assessment_get_steps (assessment), 0);
  g_assert_cmpint (ssr_step_record_get_status (record), ==, SSR_STEP_IN_PROGRESS);
  g_assert_true (ssr_step_record_is_task_done (record, "map-institutions"));

  g_assert_cmpint (ssr_finding_get_kind (ssr_test_peek_item (ssr_assessment_get_findings (assessment), 1)),
                   ==, SSR_FINDING_OPPORTUNITY);
  g_assert_cmpstr (ssr_priority_get_objective (ssr_test_peek_item (ssr_assessment_get_priorities (assessment), 1)),
                   ==, "Adopt the police act");
  g_assert_cmpstr (ssr_organisation_get_areas (ssr_test_peek_item (ssr_assessment_get_organisations (assessment), 0))[1],
                   ==, "justice-reform");

  indicator = ssr_test_peek_item (ssr_assessment_get_indicators (assessment), 0);
  g_assert_cmpfloat (ssr_indicator_get_baseline (indicator), ==, 23);
  g_assert_cmpstr (ssr_indicator_get_priority (indicator), ==, "pr-0000000000000001");
  measurements = ssr_indicator_get_measurements (indicator);
  g_assert_cmpuint (g_variant_n_children (measurements), ==, 2);
  g_assert_true (ssr_indicator_get_latest (indicator, &date, &value));
  g_assert_cmpstr (date, ==, "2027-03-31");
  g_assert_cmpfloat (value, ==, -0.25);
}

static void
test_keeps_foreign_content (void)
{
  g_autoptr(GBytes) bytes = ssr_test_read_data ("full.ssra");
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  const SsrForeignAttribute *attribute;
  SsrForeign *foreign;

  assessment = ssr_xml_read (bytes, NAME, &error);
  g_assert_no_error (error);

  foreign = _ssr_assessment_peek_foreign (assessment, "assessment");
  g_assert_nonnull (foreign);
  g_assert_cmpuint (_ssr_foreign_get_n_attributes (foreign), ==, 1);
  attribute = _ssr_foreign_get_attribute (foreign, 0);
  g_assert_cmpstr (attribute->ns_uri, ==, "urn:example:extension");
  g_assert_cmpstr (attribute->name, ==, "ext:origin");
  g_assert_cmpstr (attribute->value, ==, "breakout-group-2");
  g_assert_cmpuint (_ssr_foreign_get_n_elements (foreign), ==, 1);
  g_assert_true (g_str_has_prefix (_ssr_foreign_get_element (foreign, 0), "<ext:workshop "));
  g_assert_nonnull (strstr (_ssr_foreign_get_element (foreign, 0), "xmlns:ext=\"urn:example:extension\""));

  foreign = _ssr_assessment_peek_foreign (assessment, "meta");
  g_assert_nonnull (foreign);
  g_assert_cmpstr (_ssr_foreign_get_attribute (foreign, 0)->name, ==, "ext:reviewed");
  g_assert_nonnull (strstr (_ssr_foreign_get_element (foreign, 0),
                            "season=\"dry\">Hot <ext:b>and</ext:b> dusty</ext:weather>"));

  g_assert_nonnull (_ssr_assessment_peek_foreign (assessment, "actors"));
  g_assert_null (_ssr_assessment_peek_foreign (assessment, "relations"));

  foreign = _ssr_item_peek_foreign (ssr_test_peek_item (ssr_assessment_get_actors (assessment), 0));
  g_assert_nonnull (foreign);
  g_assert_cmpstr (_ssr_foreign_get_attribute (foreign, 0)->name, ==, "ext:colour");
  g_assert_cmpstr (_ssr_foreign_get_attribute (foreign, 0)->value, ==, "#3366cc");
  g_assert_cmpstr (_ssr_foreign_get_element (foreign, 0), ==,
                   "<ext:note xmlns:ext=\"urn:example:extension\" level=\"2\">kept as is</ext:note>");

  g_assert_null (_ssr_item_peek_foreign (ssr_test_peek_item (ssr_assessment_get_relations (assessment), 0)));
}

/* Unknown attributes and elements in our own namespace: a newer minor version. */
static void
test_keeps_unknown_content (void)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  SsrForeign *foreign;

  assessment = read_string ("<assessment xmlns='urn:ssr-workbench:assessment:1' format-version='1'>"
                            "<actors><actor id='ac-1' colour='red'><nickname>Blue</nickname></actor></actors>"
                            "<workshops><vote/></workshops>"
                            "</assessment>", &error);
  g_assert_no_error (error);

  foreign = _ssr_item_peek_foreign (ssr_test_peek_item (ssr_assessment_get_actors (assessment), 0));
  g_assert_nonnull (foreign);
  g_assert_null (_ssr_foreign_get_attribute (foreign, 0)->ns_uri);
  g_assert_cmpstr (_ssr_foreign_get_attribute (foreign, 0)->name, ==, "colour");
  g_assert_cmpstr (_ssr_foreign_get_element (foreign, 0), ==,
                   "<nickname xmlns=\"urn:ssr-workbench:assessment:1\">Blue</nickname>");

  foreign = _ssr_assessment_peek_foreign (assessment, "assessment");
  g_assert_nonnull (foreign);
  g_assert_cmpstr (_ssr_foreign_get_element (foreign, 0), ==,
                   "<workshops xmlns=\"urn:ssr-workbench:assessment:1\"><vote/></workshops>");
}

/* An inclusion is foreign content like any other: kept, never made. */
static void
test_never_includes (void)
{
  g_autoptr(GBytes) bytes = ssr_test_read_data ("xinclude.ssra");
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  SsrForeign *foreign;

  assessment = ssr_xml_read (bytes, NAME, &error);
  g_assert_no_error (error);

  foreign = _ssr_assessment_peek_foreign (assessment, "assessment");
  g_assert_nonnull (foreign);
  g_assert_cmpstr (_ssr_foreign_get_element (foreign, 0), ==,
                   "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                   "href=\"/etc/passwd\" parse=\"text\"/>");

  foreign = _ssr_item_peek_foreign (ssr_test_peek_item (ssr_assessment_get_actors (assessment), 0));
  g_assert_nonnull (foreign);
  g_assert_null (strstr (_ssr_foreign_get_element (foreign, 0), "root:"));
  g_assert_nonnull (strstr (_ssr_foreign_get_element (foreign, 0), "href=\"file:///etc/passwd\""));
}

static void
test_refuses_entity_bomb_fast (void)
{
  g_autoptr(GBytes) bytes = ssr_test_read_data ("entity-bomb.ssra");
  gint64 start = g_get_monotonic_time ();

  assert_refused (bytes, SSR_ERROR_FORBIDDEN, TRUE, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_refuses_deep_nesting (void)
{
  GString *xml = g_string_new ("<assessment xmlns='urn:ssr-workbench:assessment:1' format-version='1'>\n");
  g_autoptr(GBytes) bytes = NULL;
  int i;

  for (i = 0; i < 10000; i++)
    g_string_append (xml, "<ext:deep xmlns:ext='urn:x'>\n");
  for (i = 0; i < 10000; i++)
    g_string_append (xml, "</ext:deep>");
  g_string_append (xml, "</assessment>");
  bytes = g_string_free_to_bytes (xml);

  assert_refused (bytes, SSR_ERROR_TOO_LARGE, TRUE, "nested");
}

static GBytes *
assessment_with_long_attribute (gsize length)
{
  GString *xml = g_string_new ("<assessment xmlns='urn:ssr-workbench:assessment:1'\n"
                               "format-version='1'>\n<meta ext:huge='");
  gsize start = xml->len;

  g_string_set_size (xml, start + length);
  memset (xml->str + start, 'a', length);
  g_string_append (xml, "' xmlns:ext='urn:x'/></assessment>");

  return g_string_free_to_bytes (xml);
}

static void
test_refuses_huge_attribute (void)
{
  g_autoptr(GBytes) huge = assessment_with_long_attribute (20 * 1024 * 1024);
  g_autoptr(GBytes) large = assessment_with_long_attribute (2 * 1024 * 1024);
  g_autoptr(GBytes) fine = assessment_with_long_attribute (1000);
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (huge, SSR_ERROR_TOO_LARGE, TRUE, NULL);
  assert_refused (large, SSR_ERROR_TOO_LARGE, TRUE, "attribute");

  assessment = ssr_xml_read (fine, NAME, &error);
  g_assert_no_error (error);
}

static void
test_refuses_huge_text (void)
{
  GString *xml = g_string_new ("<assessment xmlns='urn:ssr-workbench:assessment:1' format-version='1'>\n"
                               "<meta><context>");
  g_autoptr(GBytes) bytes = NULL;
  gsize start = xml->len;
  gsize length = 20 * 1024 * 1024;

  g_string_set_size (xml, start + length);
  memset (xml->str + start, 'a', length);
  g_string_append (xml, "</context></meta></assessment>");
  bytes = g_string_free_to_bytes (xml);

  assert_refused (bytes, SSR_ERROR_TOO_LARGE, TRUE, "text");
}

/* The size is checked before anything is read: the zeros are never touched. */
static void
test_refuses_huge_file (void)
{
  gsize size = SSR_XML_MAX_SIZE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);

  assert_refused (bytes, SSR_ERROR_TOO_LARGE, FALSE, "MiB");
}

static void
test_refuses_bad_values (void)
{
  static const struct
  {
    const char *xml;
    SsrError    code;
    const char *says;
  } cases[] = {
    { "<actors><actor id='ac-1' influence='6'/></actors>", SSR_ERROR_INVALID, "“influence” of <actor>" },
    { "<actors><actor id='ac-1' x='1'/></actors>", SSR_ERROR_INVALID, "“x” without “y”" },
    { "<actors><actor id='ac-1' x='NaN' y='1'/></actors>", SSR_ERROR_INVALID, "a number" },
    { "<actors><actor id='ac-1' sensitive='yes'/></actors>", SSR_ERROR_INVALID, "true or false" },
    { "<actors><actor id='ac-1'><rating scale='capacity' value='0'/></actor></actors>",
      SSR_ERROR_INVALID, "from 1 to 5" },
    { "<actors><actor id='ac-1'><rating scale='a' value='1'/><rating scale='a' value='2'/></actor></actors>",
      SSR_ERROR_INVALID, "twice" },
    { "<actors><actor id='ac-1'><description/><description/></actor></actors>",
      SSR_ERROR_INVALID, "twice" },
    { "<actors><actor name='No id'/></actors>", SSR_ERROR_INVALID, "has no id" },
    { "<actors><actor id='1 2'/></actors>", SSR_ERROR_INVALID, "is not valid" },
    { "<relations><relation id='re-1' source='ac-1'/></relations>", SSR_ERROR_INVALID, "“target”" },
    { "<meta><start-date>2026-02-30</start-date></meta>", SSR_ERROR_INVALID, "YYYY-MM-DD" },
    { "<indicators><indicator id='in-1'><measurement value='1'/></indicator></indicators>",
      SSR_ERROR_INVALID, "“date” of <measurement> is missing" },
    { "<relations><relation id='re-1' source='ac-1' target='ac-1' strength='4'/></relations>",
      SSR_ERROR_INVALID, "from 1 to 3" },
    { "<actors><actor id='ac-1'/></actors><findings><finding id='fi-1'><actor ref='pr-1'/></finding></findings>",
      SSR_ERROR_DANGLING_REFERENCE, "pr-1" },
    { "<actors><actor id='ac-1'/></actors><priorities><priority id='pr-1'><finding ref='ac-1'/></priority></priorities>",
      SSR_ERROR_DANGLING_REFERENCE, "not a finding" },
    { "<team/><team/>", SSR_ERROR_INVALID, "twice" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_strdup_printf ("<assessment xmlns='urn:ssr-workbench:assessment:1' "
                                              "format-version='1'>\n%s\n</assessment>",
                                              cases[i].xml);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      int line = 0;
      g_autoptr(GError) error = NULL;
      g_autoptr(SsrAssessment) assessment = ssr_xml_read (bytes, NAME, &error);

      g_assert_null (assessment);
      g_assert_nonnull (error);
      g_test_message ("case %u: %s", i, error->message);
      g_assert_error (error, SSR_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_true (ssr_xml_error_get_location (error, &line, NULL));
      g_assert_cmpint (line, ==, 2);
    }
}

static void
test_dangling_reference_line (void)
{
  g_autoptr(GBytes) bytes = ssr_test_read_data ("dangling-reference.ssra");
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  int line = 0;

  assessment = ssr_xml_read (bytes, NAME, &error);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_DANGLING_REFERENCE);
  g_assert_true (ssr_xml_error_get_location (error, &line, NULL));
  g_assert_cmpint (line, ==, line_of (bytes, "ac-00000000000000ff", 1));
  g_assert_nonnull (strstr (error->message, "“target” of <relation>"));
}

static void
test_duplicate_id_lines (void)
{
  g_autoptr(GBytes) bytes = ssr_test_read_data ("duplicate-id.ssra");
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;

  assessment = ssr_xml_read (bytes, NAME, &error);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_DUPLICATE_ID);
  lines = g_strdup_printf ("on line %d and on line %d",
                           line_of (bytes, "id=\"ac-0000000000000001\"", 1),
                           line_of (bytes, "id=\"ac-0000000000000001\"", 2));
  g_assert_nonnull (strstr (error->message, lines));
}

static void
test_doctype_leaks_nothing (void)
{
  g_autoptr(GBytes) bytes = ssr_test_read_data ("doctype-external-entity.ssra");
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  int line = 0;

  assessment = ssr_xml_read (bytes, NAME, &error);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_FORBIDDEN);
  g_assert_null (strstr (error->message, "root:"));
  g_assert_null (strstr (error->message, "/bin/"));
  g_assert_true (ssr_xml_error_get_location (error, &line, NULL));
  g_assert_cmpint (line, ==, line_of (bytes, "<!DOCTYPE", 1));
}

/* However long a bad value, a message quotes at most about 40 characters of it. */
static void
test_messages_quote_little (void)
{
  g_autofree char *secret = g_strnfill (200, 's');
  g_autofree char *xml = g_strdup_printf ("<assessment xmlns='urn:ssr-workbench:assessment:1' "
                                          "format-version='1'><actors>"
                                          "<actor id='ac-1' stance='%s'/></actors></assessment>",
                                          secret);
  g_autofree char *forty_one = g_strnfill (41, 's');
  g_autofree char *forty = g_strnfill (40, 's');
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = read_string (xml, &error);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, forty));
  g_assert_null (strstr (error->message, forty_one));
  g_assert_nonnull (strstr (error->message, "…"));
}

static void
test_error_location (void)
{
  g_autoptr(GError) error = NULL;
  int line = 0;
  int column = 0;

  error = g_error_new (SSR_ERROR, SSR_ERROR_INVALID, "C:/data/a:b.ssra:12:7: something is wrong");
  g_assert_true (ssr_xml_error_get_location (error, &line, &column));
  g_assert_cmpint (line, ==, 12);
  g_assert_cmpint (column, ==, 7);
  g_clear_error (&error);

  error = g_error_new (SSR_ERROR, SSR_ERROR_INVALID, "no location: 12 here");
  g_assert_false (ssr_xml_error_get_location (error, &line, &column));
}

/* Messages come out of libxml2 as errors, never as text on stderr. */
static void
test_libxml_is_silent (void)
{
  if (g_test_subprocess ())
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (hostile_files); i++)
        {
          g_autoptr(GBytes) bytes = ssr_test_read_data (hostile_files[i].fixture);
          g_autoptr(GError) error = NULL;
          g_autoptr(SsrAssessment) assessment = ssr_xml_read (bytes, NAME, &error);

          g_assert_null (assessment);
        }
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SsrAssessment) assessment = read_string ("<a><p:b/></a>", &error);

        g_assert_error (error, SSR_ERROR, SSR_ERROR_MALFORMED);
      }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

int
main (int   argc,
      char *argv[])
{
  guint i;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/xml/reads-minimal", test_reads_minimal);
  g_test_add_func ("/core/xml/reads-full", test_reads_full);
  g_test_add_func ("/core/xml/keeps-foreign-content", test_keeps_foreign_content);
  g_test_add_func ("/core/xml/keeps-unknown-content", test_keeps_unknown_content);
  g_test_add_func ("/core/xml/never-includes", test_never_includes);

  for (i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *base = g_strndup (hostile_files[i].fixture,
                                         strlen (hostile_files[i].fixture) - strlen (".ssra"));
      g_autofree char *path = g_strdup_printf ("/core/xml/refuses/%s", base);

      g_test_add_data_func (path, &hostile_files[i], test_refuses_hostile_file);
    }

  g_test_add_func ("/core/xml/refuses-entity-bomb-fast", test_refuses_entity_bomb_fast);
  g_test_add_func ("/core/xml/refuses-deep-nesting", test_refuses_deep_nesting);
  g_test_add_func ("/core/xml/refuses-huge-attribute", test_refuses_huge_attribute);
  g_test_add_func ("/core/xml/refuses-huge-text", test_refuses_huge_text);
  g_test_add_func ("/core/xml/refuses-huge-file", test_refuses_huge_file);
  g_test_add_func ("/core/xml/refuses-bad-values", test_refuses_bad_values);
  g_test_add_func ("/core/xml/dangling-reference-line", test_dangling_reference_line);
  g_test_add_func ("/core/xml/duplicate-id-lines", test_duplicate_id_lines);
  g_test_add_func ("/core/xml/doctype-leaks-nothing", test_doctype_leaks_nothing);
  g_test_add_func ("/core/xml/messages-quote-little", test_messages_quote_little);
  g_test_add_func ("/core/xml/error-location", test_error_location);
  g_test_add_func ("/core/xml/libxml-is-silent", test_libxml_is_silent);

  return g_test_run ();
}
