/* test-csv-import.c: importing actors and relations from CSV: round trip, bad rows, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv-import"

#include "config.h"

#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-csv-import.h"
#include "ssr-framework.h"
#include "ssr-relation.h"
#include "ssr-table-export.h"
#include "ssr-test-util.h"

static SsrFramework *
get_framework (void)
{
  g_autoptr(GError) error = NULL;
  SsrFramework *framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);

  g_assert_no_error (error);
  return framework;
}

static char *
export_table (SsrAssessment *assessment,
              SsrFramework  *framework,
              const char    *table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ssr_table_export_csv (assessment, framework, table, FALSE, out, &error));
  g_assert_no_error (error);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static SsrCsvImport *
import_text (SsrAssessment *assessment,
             SsrFramework  *framework,
             const char    *kind,
             const char    *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  SsrCsvImport *import = ssr_csv_import_new (assessment, framework, kind, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_cmpstr (ssr_csv_import_get_kind (import), ==, kind);

  return import;
}

static void
assert_file_refused (SsrAssessment *assessment,
                     SsrFramework  *framework,
                     const char    *kind,
                     const char    *text,
                     const char    *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrCsvImport) import = ssr_csv_import_new (assessment, framework, kind, bytes, &error);

  g_assert_null (import);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SSR_ERROR);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
apply_ok (SsrCsvImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssr_csv_import_apply (import, &error));
  g_assert_no_error (error);
}

/* The lines of the rows that have an error, "3 6 8". */
static char *
error_lines (SsrCsvImport *import)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  GListModel *rows = G_LIST_MODEL (import);

  g_assert_true (g_list_model_get_item_type (rows) == SSR_TYPE_CSV_IMPORT_ROW);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      SsrCsvImportRow *row = ssr_test_peek_item (rows, i);

      /* A row has either an item or a message. */
      g_assert_true ((ssr_csv_import_row_get_item (row) == NULL) !=
                     (ssr_csv_import_row_get_message (row) == NULL));
      if (ssr_csv_import_row_get_message (row) == NULL)
        continue;

      g_string_append_printf (lines, "%s%u", lines->len > 0 ? " " : "",
                              ssr_csv_import_row_get_line (row));
    }

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static SsrCsvImportRow *
row_at_line (SsrCsvImport *import,
             guint         line)
{
  GListModel *rows = G_LIST_MODEL (import);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      SsrCsvImportRow *row = ssr_test_peek_item (rows, i);

      if (ssr_csv_import_row_get_line (row) == line)
        return row;
    }

  g_error ("no row starts on line %u", line);
}

static void
assert_row_error (SsrCsvImport *import,
                  guint         line,
                  const char   *expected)
{
  const char *message = ssr_csv_import_row_get_message (row_at_line (import, line));

  g_assert_nonnull (message);
  if (strstr (message, expected) == NULL)
    g_error ("line %u: “%s” does not say “%s”", line, message, expected);
}

static SsrActor *
row_actor (SsrCsvImport *import,
           guint         line)
{
  SsrItem *item = ssr_csv_import_row_get_item (row_at_line (import, line));

  g_assert_true (SSR_IS_ACTOR (item));
  return SSR_ACTOR (item);
}

static SsrActor *
find_actor (SsrAssessment *assessment,
            const char    *name)
{
  GListModel *actors = ssr_assessment_get_actors (assessment);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      SsrActor *actor = ssr_test_peek_item (actors, i);

      if (g_strcmp0 (ssr_actor_get_name (actor), name) == 0)
        return actor;
    }

  g_error ("no actor named “%s”", name);
}

static guint
count (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static void
test_round_trip (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) example = ssr_test_load_example ();
  g_autoptr(SsrAssessment) copy = ssr_assessment_new ();
  g_autoptr(SsrCsvImport) actors_import = NULL;
  g_autoptr(SsrCsvImport) relations_import = NULL;
  g_autofree char *actors_csv = NULL;
  g_autofree char *relations_csv = NULL;
  g_autofree char *copied_actors_csv = NULL;
  g_autofree char *copied_relations_csv = NULL;
  GListModel *actors = ssr_assessment_get_actors (example);

  /* Some actors placed on the map, to carry positions across too. */
  for (guint i = 0; i < count (actors); i += 3)
    g_object_set (ssr_test_peek_item (actors, i),
                  "x", 10.5 * i - 200, "y", 1.0 / (i + 7), "positioned", TRUE, NULL);

  actors_csv = export_table (example, framework, "actors");
  relations_csv = export_table (example, framework, "relations");

  actors_import = import_text (copy, framework, "actors", actors_csv);
  g_assert_cmpuint (ssr_csv_import_get_n_errors (actors_import), ==, 0);
  g_assert_cmpuint (count (G_LIST_MODEL (actors_import)), ==, count (actors));
  g_assert_cmpstrv (ssr_csv_import_get_ignored_columns (actors_import), ((const char *[]) { NULL }));
  apply_ok (actors_import);

  relations_import = import_text (copy, framework, "relations", relations_csv);
  {
    g_autofree char *lines = error_lines (relations_import);

    g_assert_cmpstr (lines, ==, "");
  }
  apply_ok (relations_import);

  g_assert_cmpuint (count (ssr_assessment_get_actors (copy)), ==, count (actors));
  g_assert_cmpuint (count (ssr_assessment_get_relations (copy)), ==,
                    count (ssr_assessment_get_relations (example)));
  for (guint i = 0; i < count (actors); i++)
    {
      SsrActor *original = ssr_test_peek_item (actors, i);
      SsrActor *imported = ssr_test_peek_item (ssr_assessment_get_actors (copy), i);

      g_assert_cmpstr (ssr_item_get_id (SSR_ITEM (imported)), ==, ssr_item_get_id (SSR_ITEM (original)));
      g_assert_cmpstr (ssr_actor_get_name (imported), ==, ssr_actor_get_name (original));
      g_assert_cmpstr (ssr_actor_get_category (imported), ==, ssr_actor_get_category (original));
      g_assert_cmpstr (ssr_actor_get_kind (imported), ==, ssr_actor_get_kind (original));
      g_assert_cmpint (ssr_actor_get_stance (imported), ==, ssr_actor_get_stance (original));
      g_assert_true (g_variant_equal (ssr_actor_get_ratings (imported),
                                      ssr_actor_get_ratings (original)));
      g_assert_cmpint (ssr_actor_get_positioned (imported), ==, ssr_actor_get_positioned (original));
      g_assert_cmpfloat (ssr_actor_get_x (imported), ==, ssr_actor_get_x (original));
      g_assert_cmpint (ssr_actor_get_sensitive (imported), ==, ssr_actor_get_sensitive (original));
    }

  /* Everything the tables show came across: exported again, the same bytes. */
  copied_actors_csv = export_table (copy, framework, "actors");
  copied_relations_csv = export_table (copy, framework, "relations");
  g_assert_cmpstr (copied_actors_csv, ==, actors_csv);
  g_assert_cmpstr (copied_relations_csv, ==, relations_csv);
}

/* Three bad rows among good ones, one of them after a field on two lines. */
static const char bad_actors[] =
  "name,category,stance,influence,description\r\n"
  "National Police,core-security,champion,4,Fine\r\n"
  "Shadow Militia,made-up-category,spoiler,2,Unknown category\r\n"
  "Ministry of Interior,Management and oversight bodies,neutral,3,\"Two\r\nlines\"\r\n"
  ",civil-society,neutral,1,No name\r\n"
  "Radio Free,civil-society,neutral,1,Fine\r\n"
  "High Court,justice-rule-of-law,sometimes,2,Unknown stance\r\n"
  "Rights Watch,CIVIL SOCIETY,,,Category by name in another case\r\n";

static void
test_bad_rows (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrCsvImport) import = import_text (assessment, framework, "actors", bad_actors);
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = error_lines (import);
  SsrActor *ministry;

  g_assert_cmpuint (count (G_LIST_MODEL (import)), ==, 7);
  g_assert_cmpuint (ssr_csv_import_get_n_errors (import), ==, 3);
  g_assert_cmpstr (lines, ==, "3 6 8");
  assert_row_error (import, 3, "The category “made-up-category” is not in the framework.");
  assert_row_error (import, 6, "name");
  assert_row_error (import, 8, "The stance “sometimes” is not one of: unknown, champion, neutral, spoiler.");

  /* The good rows are previewed as the items they would add. */
  ministry = row_actor (import, 4);
  g_assert_cmpstr (ssr_actor_get_name (ministry), ==, "Ministry of Interior");
  g_assert_cmpstr (ssr_actor_get_category (ministry), ==, "management-oversight");
  g_assert_cmpstr (ssr_actor_get_description (ministry), ==, "Two\r\nlines");
  g_assert_cmpint (ssr_actor_get_influence (ministry), ==, 3);
  g_assert_cmpstr (ssr_actor_get_category (row_actor (import, 9)), ==, "civil-society");
  g_assert_cmpint (ssr_actor_get_stance (row_actor (import, 2)), ==, SSR_STANCE_CHAMPION);

  /* Nothing is imported half-way. */
  g_assert_false (ssr_csv_import_apply (import, &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_cmpuint (count (ssr_assessment_get_actors (assessment)), ==, 0);
  g_assert_false (ssr_history_get_can_undo (ssr_assessment_get_history (assessment)));
}

static const char good_actors[] =
  "Name,Category,Kind,Stance,Influence,Interest,rating_capacity,X,Y,Sensitive\n"
  "National Police,Core security actors,Police,champion,4,5,2,10,-20.5,no\n"
  "Riot Unit,core-security,Riot police,spoiler,3,2,,,,yes\n"
  "Radio Free,civil-society,media,NEUTRAL,1,1,5,,,\n";

static void
test_terms_and_values (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrCsvImport) import = import_text (assessment, framework, "actors", good_actors);
  SsrActor *police;
  SsrActor *riot;

  g_assert_cmpuint (ssr_csv_import_get_n_errors (import), ==, 0);

  police = row_actor (import, 2);
  g_assert_cmpstr (ssr_actor_get_category (police), ==, "core-security");
  g_assert_cmpstr (ssr_actor_get_kind (police), ==, "police");
  g_assert_cmpint (ssr_actor_get_interest (police), ==, 5);
  g_assert_cmpint (ssr_actor_get_rating (police, "capacity"), ==, 2);
  g_assert_true (ssr_actor_get_positioned (police));
  g_assert_cmpfloat (ssr_actor_get_y (police), ==, -20.5);
  g_assert_false (ssr_actor_get_sensitive (police));

  /* A kind the framework does not list is kept as written. */
  riot = row_actor (import, 3);
  g_assert_cmpstr (ssr_actor_get_kind (riot), ==, "Riot police");
  g_assert_cmpint (ssr_actor_get_stance (riot), ==, SSR_STANCE_SPOILER);
  g_assert_false (ssr_actor_get_positioned (riot));
  g_assert_true (ssr_actor_get_sensitive (riot));
  g_assert_cmpint (ssr_actor_get_rating (riot, "capacity"), ==, 0);

  g_assert_cmpint (ssr_actor_get_stance (row_actor (import, 4)), ==, SSR_STANCE_NEUTRAL);
  g_assert_cmpstr (ssr_actor_get_kind (row_actor (import, 4)), ==, "media");
}

static void
test_bad_values (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrCsvImport) import = NULL;
  g_autofree char *lines = NULL;

  import = import_text (assessment, framework, "actors",
                        "name,category,category_name,kind,influence,rating_capacity,x,y,sensitive,id\n"
                        "A,core-security,Civil society,,,,,,,\n"
                        "B,core-security,,police,6,,,,,\n"
                        "C,core-security,,,,0,,,,\n"
                        "D,core-security,,,,,12,,,\n"
                        "E,core-security,,,,,1.5,abc,,\n"
                        "F,core-security,,,,,,,maybe,\n"
                        "G,core-security,,,,,,,,1bad\n"
                        "H,core-security,,,,,,,,,extra\n"
                        "I,core-security,Core security actors,Police,,,,,,,,\n");
  lines = error_lines (import);
  g_assert_cmpstr (lines, ==, "2 3 4 5 6 7 8 9");
  assert_row_error (import, 2, "The category is given as “core-security” and as “Civil society”, which are not the same.");
  assert_row_error (import, 3, "The influence “6” is not a whole number from 0 to 5.");
  assert_row_error (import, 4, "The rating “0” on the scale “capacity” is not a whole number from 1 to 5.");
  assert_row_error (import, 5, "x and y");
  assert_row_error (import, 6, "The y coordinate “abc” is not a number; write numbers with a decimal point, as in 12.5.");
  assert_row_error (import, 7, "The sensitive mark “maybe” is neither “true” nor “false”.");
  assert_row_error (import, 8, "1bad");
  assert_row_error (import, 9, "columns");
  g_assert_cmpstr (ssr_actor_get_kind (row_actor (import, 10)), ==, "police");
}

static void
test_one_undo_step (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrCsvImport) actors = NULL;
  g_autoptr(SsrCsvImport) relations = NULL;
  g_autoptr(GError) error = NULL;
  SsrHistory *history = ssr_assessment_get_history (assessment);
  guint n_changed = 0;

  g_signal_connect_swapped (assessment, "changed", G_CALLBACK (ssr_test_count_emission_cb), &n_changed);

  actors = import_text (assessment, framework, "actors", good_actors);
  apply_ok (actors);
  g_assert_cmpuint (count (ssr_assessment_get_actors (assessment)), ==, 3);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpstr (ssr_history_get_undo_label (history), ==, "Import Actors");

  /* Relations find their ends by name, in any case, or by id. */
  relations = import_text (assessment, framework, "relations",
                           "source,target_name,type_name,direction,strength,note\n"
                           "national police,Riot Unit,Command,,3,One\n"
                           "Radio Free,National Police,oversight,mutual,,Two\n");
  g_assert_cmpuint (ssr_csv_import_get_n_errors (relations), ==, 0);
  apply_ok (relations);
  g_assert_cmpuint (count (ssr_assessment_get_relations (assessment)), ==, 2);
  g_assert_cmpuint (n_changed, ==, 2);
  {
    SsrRelation *first = ssr_test_peek_item (ssr_assessment_get_relations (assessment), 0);
    SsrRelation *second = ssr_test_peek_item (ssr_assessment_get_relations (assessment), 1);

    g_assert_cmpstr (ssr_relation_get_source (first), ==,
                     ssr_item_get_id (SSR_ITEM (find_actor (assessment, "National Police"))));
    g_assert_cmpstr (ssr_relation_get_target (first), ==,
                     ssr_item_get_id (SSR_ITEM (find_actor (assessment, "Riot Unit"))));
    g_assert_cmpstr (ssr_relation_get_relation_type (first), ==, "command");
    g_assert_cmpint (ssr_relation_get_strength (first), ==, 3);
    g_assert_cmpint (ssr_relation_get_direction (second), ==, SSR_DIRECTION_MUTUAL);
    g_assert_cmpint (ssr_relation_get_strength (second), ==, 1);
    g_assert_cmpstr (ssr_relation_get_note (second), ==, "Two");
  }

  /* Each import is one step back. */
  g_assert_true (ssr_history_undo (history));
  g_assert_cmpuint (count (ssr_assessment_get_relations (assessment)), ==, 0);
  g_assert_cmpuint (count (ssr_assessment_get_actors (assessment)), ==, 3);
  g_assert_true (ssr_history_undo (history));
  g_assert_cmpuint (count (ssr_assessment_get_actors (assessment)), ==, 0);
  g_assert_false (ssr_history_get_can_undo (history));
  g_assert_true (ssr_history_redo (history));
  g_assert_cmpuint (count (ssr_assessment_get_actors (assessment)), ==, 3);

  /* Once only. */
  g_assert_false (ssr_csv_import_apply (actors, &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_INVALID);
  g_assert_cmpuint (count (ssr_assessment_get_actors (assessment)), ==, 3);
}

static void
test_relation_errors (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrCsvImport) import = NULL;
  g_autoptr(GString) text = g_string_new ("source_id,source_name,target_id,target_name,type,type_name,strength,id\n");
  g_autofree char *lines = NULL;
  const char *twin_a;
  const char *police_id;

  ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR, "name", "Police", NULL));
  ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR, "name", "Court", NULL));
  twin_a = ssr_item_get_id (ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR, "name", "Twin", NULL)));
  ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR, "name", "twin", NULL));
  police_id = ssr_item_get_id (SSR_ITEM (find_actor (assessment, "Police")));

  g_string_append_printf (text, "%s,,,Court,oversight,,2,\n", police_id);              /* 2: fine */
  g_string_append (text, "ac-0000000000000000,Police,,Court,command,,,\n");            /* 3: id gone, name found */
  g_string_append (text, ",Nobody,,Court,command,,,\n");                               /* 4 */
  g_string_append (text, ",Police,,Twin,command,,,\n");                                /* 5: ambiguous */
  g_string_append_printf (text, ",Police,%s,,command,,,\n", twin_a);                   /* 6: fine by id */
  g_string_append (text, ",Police,,Court,friendship,,,\n");                            /* 7 */
  g_string_append (text, ",Police,,Court,command,Oversight,,\n");                      /* 8: disagree */
  g_string_append (text, ",Police,,Court,command,,7,\n");                              /* 9 */
  g_string_append (text, ",Police,,Police,command,,,\n");                              /* 10: itself */
  g_string_append (text, ",Police,,Court,,,,\n");                                      /* 11: no type */
  g_string_append (text, ",,,Court,command,,,\n");                                     /* 12: no source */
  g_string_append (text, ",Police,,Court,command,,,re-1\n");                           /* 13: fine */
  g_string_append (text, ",Court,,Police,command,,,re-1\n");                           /* 14: same id */
  g_string_append (text, ",Court,,Police,command,,,,extra\n");                         /* 15: wide */

  import = import_text (assessment, framework, "relations", text->str);
  lines = error_lines (import);
  g_assert_cmpstr (lines, ==, "4 5 7 8 9 10 11 12 14 15");
  assert_row_error (import, 4, "The source “Nobody” is neither the id nor the name of an actor in the document; import the actors first.");
  assert_row_error (import, 5, "More than one actor is named “Twin”; give the target by its id.");
  assert_row_error (import, 7, "The relation type “friendship” is not in the framework.");
  assert_row_error (import, 8, "The relation type is given as “command” and as “Oversight”, which are not the same.");
  assert_row_error (import, 9, "The strength “7” is not a whole number from 1 to 3.");
  assert_row_error (import, 10, "itself");
  assert_row_error (import, 11, "type");
  assert_row_error (import, 12, "The relation has no source; give an actor’s id or name.");
  assert_row_error (import, 14, "line 13");
  assert_row_error (import, 15, "columns");
  g_assert_cmpstr (ssr_relation_get_source (SSR_RELATION (ssr_csv_import_row_get_item (row_at_line (import, 3)))),
                   ==, police_id);
  g_assert_cmpstr (ssr_relation_get_target (SSR_RELATION (ssr_csv_import_row_get_item (row_at_line (import, 6)))),
                   ==, twin_a);
}

static void
test_unknown_columns (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrCsvImport) import = NULL;
  const char * const expected[] = { "Workshop notes", "colour", "source", NULL };

  /* "source" is a relations column: an actors file does not read it. */
  import = import_text (assessment, framework, "actors",
                        "Workshop notes,name,colour,category,source,\n"
                        "said a lot,Police,blue,core-security,x,\n");
  g_assert_cmpstrv (ssr_csv_import_get_ignored_columns (import), expected);
  g_assert_cmpuint (ssr_csv_import_get_n_errors (import), ==, 0);
  g_assert_cmpstr (ssr_actor_get_name (row_actor (import, 2)), ==, "Police");
  g_assert_null (ssr_actor_get_description (row_actor (import, 2)));
}

static void
test_file_errors (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();

  assert_file_refused (assessment, framework, "actors", "", "empty");
  assert_file_refused (assessment, framework, "actors", "\r\n\r\n", "empty");
  assert_file_refused (assessment, framework, "actors", "category,kind\ncore-security,police\n", "“name”");
  assert_file_refused (assessment, framework, "actors", "name,kind\nPolice,police\n", "“category”");
  assert_file_refused (assessment, framework, "relations", "source,target,note\na,b,c\n", "“type”");
  assert_file_refused (assessment, framework, "actors", "name,category,Name\n", "twice");
  assert_file_refused (assessment, framework, "actors",
                       "name,category,rating_capacity,Rating_Capacity\n", "twice");
  assert_file_refused (assessment, framework, "actors",
                       "name,category\nPolice,core-security\n\"Court,justice-rule-of-law\n",
                       "Line 3:");
}

static void
test_ids (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(SsrCsvImport) import = NULL;
  g_autoptr(SsrCsvImport) relations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("id,name,category\n");
  SsrActor *police;
  SsrActor *court;

  police = ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR, "name", "Police", NULL));
  court = ssr_test_append (assessment, g_object_new (SSR_TYPE_ACTOR, "name", "Court", NULL));

  g_string_append_printf (text, "%s,Police again,core-security\n", ssr_item_get_id (SSR_ITEM (police)));
  g_string_append (text, "ac-00000000000000aa,Army,core-security\n");
  g_string_append (text, "ac-00000000000000aa,Navy,core-security\n");
  g_string_append (text, ",Gendarmerie,core-security\n");
  import = import_text (assessment, framework, "actors", text->str);
  {
    g_autofree char *lines = error_lines (import);

    g_assert_cmpstr (lines, ==, "2 4");
  }
  assert_row_error (import, 2, "already used in the document");
  assert_row_error (import, 4, "line 3");
  g_assert_cmpstr (ssr_item_get_id (ssr_csv_import_row_get_item (row_at_line (import, 3))), ==,
                   "ac-00000000000000aa");
  g_assert_nonnull (ssr_item_get_id (ssr_csv_import_row_get_item (row_at_line (import, 5))));

  /* The document changes between the preview and the import. */
  relations = import_text (assessment, framework, "relations",
                           "source,target,type\nPolice,Court,oversight\n");
  g_assert_cmpuint (ssr_csv_import_get_n_errors (relations), ==, 0);
  ssr_assessment_remove_item (assessment, SSR_ITEM (court));
  g_assert_false (ssr_csv_import_apply (relations, &error));
  g_assert_error (error, SSR_ERROR, SSR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "changed"));
  g_assert_cmpuint (count (ssr_assessment_get_relations (assessment)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv-import/round-trip", test_round_trip);
  g_test_add_func ("/core/csv-import/bad-rows", test_bad_rows);
  g_test_add_func ("/core/csv-import/terms-and-values", test_terms_and_values);
  g_test_add_func ("/core/csv-import/bad-values", test_bad_values);
  g_test_add_func ("/core/csv-import/one-undo-step", test_one_undo_step);
  g_test_add_func ("/core/csv-import/relation-errors", test_relation_errors);
  g_test_add_func ("/core/csv-import/unknown-columns", test_unknown_columns);
  g_test_add_func ("/core/csv-import/file-errors", test_file_errors);
  g_test_add_func ("/core/csv-import/ids", test_ids);

  return g_test_run ();
}
