/* test-cli.c: tests of ssr-tool, run as a separate program the way users run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-cli"

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-csv.h"
#include "ssr-framework.h"
#include "ssr-table-export.h"
#include "ssr-term.h"
#include "ssr-test-util.h"

/* A document cut short in the middle of an element. */
static const char truncated_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<assessment xmlns=\"urn:ssr-workbench:assessment:1\" format-version=\"1\"\n"
  "            framework=\"ssr-three-phase\">\n"
  "  <meta>\n"
  "    <title>Joint SSR assess";

/* A DOCTYPE is refused, whatever it declares. */
static const char doctype_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!DOCTYPE assessment [\n"
  "  <!ENTITY country \"Norvalia\">\n"
  "]>\n"
  "<assessment xmlns=\"urn:ssr-workbench:assessment:1\" format-version=\"1\"\n"
  "            framework=\"ssr-three-phase\">\n"
  "  <meta><title>&country;</title></meta>\n"
  "</assessment>\n";

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ssr_test_make_folder ("cli");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ssr_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
fixture_write (Fixture    *fixture,
               const char *name,
               const char *contents)
{
  char *path = fixture_path (fixture, name);

  ssr_test_write_file (path, contents);

  return path;
}

/*
 * Runs ssr-tool with the NULL-terminated arguments in @working_directory
 * (NULL: the current one) and returns its exit status. Its output and error
 * output are always captured, so that they never mix with the TAP stream.
 */
static int
run_tool (const char  *working_directory,
          char       **out,
          char       **err,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *captured_out = NULL;
  g_autofree char *captured_err = NULL;
  const char *tool = g_getenv ("SSR_TOOL");
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (tool);
  g_ptr_array_add (args, (char *) tool);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (working_directory, (char **) args->pdata, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &captured_out, &captured_err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("ssr-tool did not exit normally (wait status %d); error output:\n%s",
             wait_status, captured_err);

  if (out != NULL)
    *out = g_steal_pointer (&captured_out);
  if (err != NULL)
    *err = g_steal_pointer (&captured_err);

  return WEXITSTATUS (wait_status);
}

static char *
generate (Fixture    *fixture,
          const char *name,
          const char *actors,
          const char *relations,
          const char *seed)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (NULL, NULL, &err,
                             "generate", "--actors", actors, "--relations", relations,
                             "--seed", seed, path, NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");

  return g_steal_pointer (&path);
}

/*
 * The error output is exactly one line "PATH:LINE:COL: sentence", with
 * PATH as given on the command line and a real line number.
 */
static void
assert_one_located_error (const char *err,
                          const char *path)
{
  g_autofree char *prefix = g_strconcat (path, ":", NULL);
  g_autofree char *start = g_strndup (err, strlen (prefix));
  const char *rest = err + strlen (start);
  char *end = NULL;
  gint64 line;
  gint64 column;

  g_assert_cmpstr (start, ==, prefix);

  line = g_ascii_strtoll (rest, &end, 10);
  g_assert_true (end > rest);
  g_assert_cmpint (line, >, 0);
  g_assert_cmpint (*end, ==, ':');

  rest = end + 1;
  column = g_ascii_strtoll (rest, &end, 10);
  g_assert_true (end > rest);
  g_assert_cmpint (column, >=, 0);
  g_assert_true (g_str_has_prefix (end, ": "));
  g_assert_cmpuint (strlen (end), >, strlen (": \n"));

  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

static guint
count_file_actors (const char *path,
                   guint      *n_relations)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = ssr_assessment_load (file, NULL, &error);
  g_assert_no_error (error);
  *n_relations = g_list_model_get_n_items (ssr_assessment_get_relations (assessment));

  return g_list_model_get_n_items (ssr_assessment_get_actors (assessment));
}

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (NULL, &out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "ssr-tool " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_help (void)
{
  const char *commands[] = { "validate", "convert", "framework", "generate", "export" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bare_out = NULL;
  g_autofree char *bare_err = NULL;

  g_assert_cmpint (run_tool (NULL, &out, &err, "--help", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (out, commands[i]));

  /* Without a command, the same usage goes to the error output. */
  g_assert_cmpint (run_tool (NULL, &bare_out, &bare_err, NULL), ==, 2);
  g_assert_cmpstr (bare_out, ==, "");
  g_assert_cmpstr (bare_err, ==, out);
}

static void
test_command_help (void)
{
  const char *commands[] = { "validate", "convert", "framework", "generate", "export" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *program = g_strconcat ("ssr-tool ", commands[i], " ", NULL);

      g_assert_cmpint (run_tool (NULL, &out, &err, commands[i], "--help", NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, program));
    }
}

static void
test_unknown_command (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *option_err = NULL;

  g_assert_cmpint (run_tool (NULL, &out, &err, "frobnicate", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "frobnicate"));

  g_assert_cmpint (run_tool (NULL, NULL, &option_err, "validate", "--frobnicate", "x.ssra", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (option_err, "--frobnicate"));
}

static void
test_validate_sample (void)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GStatBuf st;

  g_assert_nonnull (g_getenv ("SSR_SAMPLES"));
  path = g_build_filename (g_getenv ("SSR_SAMPLES"), "norvalia.ssra", NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if (st.st_size < 1000)
    {
      g_test_skip ("the sample is still a placeholder");
      return;
    }

  g_assert_cmpint (run_tool (NULL, &out, &err, "validate", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

static void
test_validate_truncated (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_write (fixture, "truncated.ssra", truncated_document);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* A relative path with "./" shows that the message names the file as
   * given: neither its basename nor its absolute path. */
  g_assert_cmpint (run_tool (fixture->dir, &out, &err, "validate", "./truncated.ssra", NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_located_error (err, "./truncated.ssra");
}

static void
test_validate_doctype (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_write (fixture, "doctype.ssra", doctype_document);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (NULL, &out, &err, "validate", path, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_located_error (err, path);
}

static void
test_validate_no_file (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (NULL, &out, &err, "validate", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, !=, "");
}

static void
test_validate_several (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *good = generate (fixture, "good.ssra", "12", "20", "3");
  g_autofree char *broken = fixture_write (fixture, "broken.ssra", truncated_document);
  g_autofree char *missing = fixture_path (fixture, "missing.ssra");
  g_autofree char *good_prefix = g_strconcat (good, ":", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing_err = NULL;

  /* One refused file makes the run fail, and only it is reported. */
  g_assert_cmpint (run_tool (NULL, &out, &err, "validate", "--verbose", good, broken, NULL),
                   ==, 1);
  assert_one_located_error (err, broken);
  g_assert_true (g_str_has_prefix (out, good_prefix));
  g_assert_null (strstr (out, broken));

  g_assert_cmpint (run_tool (NULL, NULL, &missing_err, "validate", missing, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (missing_err, missing));
}

static void
test_validate_unknown_framework (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *generated = generate (fixture, "generated.ssra", "5", "8", "2");
  g_autofree char *contents = ssr_test_read_text (generated);
  g_autofree char *attribute = g_strdup_printf ("framework=\"%s\"", SSR_DEFAULT_FRAMEWORK);
  g_auto(GStrv) parts = g_strsplit (contents, attribute, 2);
  g_autofree char *elsewhere = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *verbose_out = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  elsewhere = g_strjoin ("framework=\"framework-of-elsewhere\"", parts[0], parts[1], NULL);
  path = fixture_write (fixture, "elsewhere.ssra", elsewhere);

  /* Still valid: a document outlives the frameworks it was written with. */
  g_assert_cmpint (run_tool (NULL, &out, &err, "validate", path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run_tool (NULL, &verbose_out, NULL, "validate", "--verbose", path, NULL), ==, 0);
  g_assert_nonnull (strstr (verbose_out, "framework-of-elsewhere"));
}

static void
test_convert_idempotent (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *generated = generate (fixture, "generated.ssra", "40", "90", "11");
  g_autofree char *first = fixture_path (fixture, "first.ssra");
  g_autofree char *second = fixture_path (fixture, "second.ssra");
  g_autofree char *generated_contents = NULL;
  g_autofree char *first_contents = NULL;
  g_autofree char *second_contents = NULL;
  g_autofree char *stdout_contents = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (NULL, NULL, NULL, "convert", generated, first, NULL), ==, 0);
  g_assert_cmpint (run_tool (NULL, NULL, NULL, "convert", first, second, NULL), ==, 0);
  g_assert_cmpint (run_tool (NULL, &stdout_contents, &err, "convert", first, "-", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  generated_contents = ssr_test_read_text (generated);
  first_contents = ssr_test_read_text (first);
  second_contents = ssr_test_read_text (second);
  g_assert_cmpuint (strlen (first_contents), >, 0);
  /* The generator's output goes through the same writer, so reading it
   * back loses nothing. */
  g_assert_cmpstr (first_contents, ==, generated_contents);
  g_assert_cmpstr (second_contents, ==, first_contents);
  g_assert_cmpstr (stdout_contents, ==, first_contents);
}

static void
test_convert_keeps_output_on_failure (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *broken = fixture_write (fixture, "broken.ssra", doctype_document);
  g_autofree char *output = fixture_write (fixture, "output.ssra", "previous content\n");
  g_autofree char *backup = g_strconcat (output, "~", NULL);
  g_autofree char *output_contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (NULL, &out, &err, "convert", broken, output, NULL), ==, 1);
  assert_one_located_error (err, broken);

  output_contents = ssr_test_read_text (output);
  g_assert_cmpstr (output_contents, ==, "previous content\n");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_convert_usage (void)
{
  g_assert_cmpint (run_tool (NULL, NULL, NULL, "convert", NULL), ==, 2);
  g_assert_cmpint (run_tool (NULL, NULL, NULL, "convert", "in.ssra", NULL), ==, 2);
  g_assert_cmpint (run_tool (NULL, NULL, NULL, "convert", "a", "b", "c", NULL), ==, 2);
}

static const char *
assert_after (const char *cursor,
              const char *expected)
{
  const char *found = strstr (cursor, expected);

  if (found == NULL)
    g_error ("“%s” missing from, or out of order in, the outline", expected);

  return found + strlen (expected);
}

static void
test_framework_outline (void)
{
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *named_out = NULL;
  GListModel *phases;
  const char *cursor;
  guint step_number = 0;

  framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);
  g_assert_no_error (error);
  phases = ssr_framework_get_phases (framework);
  g_assert_cmpuint (g_list_model_get_n_items (phases), ==, 3);

  g_assert_cmpint (run_tool (NULL, &out, &err, "framework", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  cursor = assert_after (out, ssr_framework_get_name (framework));
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");

      g_assert_nonnull (steps);
      cursor = assert_after (cursor, ssr_term_get_name (phase));
      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);
          g_autofree char *numbered = g_strdup_printf ("%u. %s", ++step_number,
                                                       ssr_term_get_name (step));

          cursor = assert_after (cursor, numbered);
        }
    }
  g_assert_cmpuint (step_number, ==, g_list_model_get_n_items (ssr_framework_get_steps (framework)));

  g_assert_cmpint (run_tool (NULL, &named_out, NULL, "framework", SSR_DEFAULT_FRAMEWORK, NULL), ==, 0);
  g_assert_cmpstr (named_out, ==, out);
}

static void
test_framework_list (void)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpuint (g_strv_length (ids), >=, 2);
  g_assert_cmpint (run_tool (NULL, &out, &err, "framework", "--list", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(SsrFramework) framework = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *outline = NULL;

      framework = ssr_framework_get_builtin (ids[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, ids[i]));
      g_assert_nonnull (strstr (out, ssr_framework_get_name (framework)));

      g_assert_cmpint (run_tool (NULL, &outline, NULL, "framework", ids[i], NULL), ==, 0);
      g_assert_true (g_str_has_prefix (outline, ssr_framework_get_name (framework)));
    }
}

static void
test_framework_lists (void)
{
  g_autoptr(SsrFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  SsrTerm *root;
  const char * const *names;
  guint n_checked = 0;

  framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);
  g_assert_no_error (error);
  root = ssr_framework_get_root (framework);
  names = ssr_term_get_list_names (root);
  g_assert_nonnull (names);

  g_assert_cmpint (run_tool (NULL, &out, NULL, "framework", "--lists", NULL), ==, 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (names[i], -1);
      g_autofree char *pattern = NULL;
      guint n_items = g_list_model_get_n_items (ssr_term_get_list (root, names[i]));

      if (strcmp (names[i], "phases") == 0)
        continue;

      pattern = g_strdup_printf ("^\\s+%s\\s+%u$", escaped, n_items);
      if (!g_regex_match_simple (pattern, out, G_REGEX_MULTILINE, 0))
        g_error ("no line “%s %u” in:\n%s", names[i], n_items, out);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_framework_unknown (void)
{
  g_auto(GStrv) ids = ssr_framework_list_builtin ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (NULL, &out, &err, "framework", "no-such-framework", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "no-such-framework"));
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_nonnull (strstr (err, ids[i]));
}

static void
test_generate_deterministic (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *first = generate (fixture, "first.ssra", "25", "60", "7");
  g_autofree char *second = generate (fixture, "second.ssra", "25", "60", "7");
  g_autofree char *other = generate (fixture, "other.ssra", "25", "60", "8");
  g_autofree char *first_contents = ssr_test_read_text (first);
  g_autofree char *second_contents = ssr_test_read_text (second);
  g_autofree char *other_contents = ssr_test_read_text (other);
  g_autofree char *stdout_contents = NULL;

  g_assert_cmpstr (second_contents, ==, first_contents);
  g_assert_cmpstr (other_contents, !=, first_contents);

  g_assert_cmpint (run_tool (NULL, &stdout_contents, NULL,
                             "generate", "--actors", "25", "--relations", "60", "--seed", "7", "-",
                             NULL),
                   ==, 0);
  g_assert_cmpstr (stdout_contents, ==, first_contents);
}

static void
test_generate_sizes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = generate (fixture, "sizes.ssra", "30", "80", "5");
  g_autofree char *full = generate (fixture, "full.ssra", "4", "12", "5");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint n_relations = 0;

  g_assert_cmpuint (count_file_actors (path, &n_relations), ==, 30);
  g_assert_cmpuint (n_relations, ==, 80);

  /* The most relations there can be: one per ordered pair. */
  g_assert_cmpuint (count_file_actors (full, &n_relations), ==, 4);
  g_assert_cmpuint (n_relations, ==, 4 * 3);

  g_assert_cmpint (run_tool (NULL, &out, &err, "validate", path, full, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

static void
test_generate_refuses (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "refused.ssra");
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tool (NULL, NULL, &err,
                             "generate", "--actors", "4", "--relations", "13", path, NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "12"));
  g_assert_cmpint (run_tool (NULL, NULL, NULL,
                             "generate", "--actors", "0", "--relations", "1", path, NULL),
                   ==, 2);
  g_assert_cmpint (run_tool (NULL, NULL, NULL,
                             "generate", "--actors", "-3", "--relations", "0", path, NULL),
                   ==, 2);
  g_assert_cmpint (run_tool (NULL, NULL, NULL, "generate", "--relations", "0", path, NULL),
                   ==, 2);
  g_assert_cmpint (run_tool (NULL, NULL, NULL,
                             "generate", "--actors", "2", "--relations", "1", NULL),
                   ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static char *
sample_path (void)
{
  g_assert_nonnull (g_getenv ("SSR_SAMPLES"));

  return g_build_filename (g_getenv ("SSR_SAMPLES"), "norvalia.ssra", NULL);
}

static SsrAssessment *
load_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SsrAssessment *assessment = ssr_assessment_load (file, NULL, &error);

  g_assert_no_error (error);
  return assessment;
}

/* Runs "ssr-tool export ARGS…", which must succeed silently. */
#define assert_export_ok(...) \
  G_STMT_START { \
    g_autofree char *out_ = NULL; \
    g_autofree char *err_ = NULL; \
    g_assert_cmpint (run_tool (NULL, &out_, &err_, "export", __VA_ARGS__, NULL), ==, 0); \
    g_assert_cmpstr (err_, ==, ""); \
    g_assert_cmpstr (out_, ==, ""); \
  } G_STMT_END

/* Runs "ssr-tool export ARGS…", which must fail as a usage error, leaving @out_path absent. */
#define assert_export_usage_error(out_path, ...) \
  G_STMT_START { \
    g_autofree char *out_ = NULL; \
    g_autofree char *err_ = NULL; \
    g_assert_cmpint (run_tool (NULL, &out_, &err_, "export", ##__VA_ARGS__, NULL), ==, 2); \
    g_assert_cmpstr (out_, ==, ""); \
    g_assert_cmpstr (err_, !=, ""); \
    g_assert_false (g_file_test ((out_path), G_FILE_TEST_EXISTS)); \
  } G_STMT_END

static gboolean
bytes_start_with (GBytes     *bytes,
                  const char *prefix,
                  gsize       length)
{
  return (g_bytes_get_size (bytes) >= length &&
          memcmp (g_bytes_get_data (bytes, NULL), prefix, length) == 0);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    {
      if (memcmp (data + i, text, length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The width of a PNG image, from its header. */
static guint32
png_width (GBytes *png)
{
  const guint8 *data = g_bytes_get_data (png, NULL);

  g_assert_cmpuint (g_bytes_get_size (png), >, 24);
  return (guint32) data[16] << 24 | (guint32) data[17] << 16 | (guint32) data[18] << 8 | data[19];
}

static void
test_export_picture (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const views[] = {
    "sector-map", "coordination", "phases", "dimensions", "who-does-what"
  };
  g_autofree char *sample = sample_path ();
  g_autofree char *by_stance_path = fixture_path (fixture, "by-stance.png");
  g_autofree char *large_path = fixture_path (fixture, "large.png");
  g_autofree char *redacted_path = fixture_path (fixture, "redacted.png");
  g_autoptr(GBytes) map = NULL;
  g_autoptr(GBytes) by_stance = NULL;
  g_autoptr(GBytes) large = NULL;
  g_autoptr(GBytes) redacted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *png_name = g_strconcat (views[i], ".png", NULL);
      g_autofree char *svg_name = g_strconcat (views[i], ".svg", NULL);
      g_autofree char *pdf_name = g_strconcat (views[i], ".PDF", NULL);
      g_autofree char *png_path = fixture_path (fixture, png_name);
      g_autofree char *svg_path = fixture_path (fixture, svg_name);
      g_autofree char *pdf_path = fixture_path (fixture, pdf_name);
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *svg_start = NULL;

      assert_export_ok ("picture", sample, png_path, "--view", views[i]);
      assert_export_ok ("picture", sample, svg_path, "--view", views[i]);
      assert_export_ok ("picture", sample, pdf_path, "--view", views[i]);
      png = ssr_test_read_file (png_path);
      svg = ssr_test_read_file (svg_path);
      pdf = ssr_test_read_file (pdf_path);

      /* The format follows the extension, whatever its case. */
      g_assert_true (bytes_start_with (png, "\x89PNG\r\n\x1a\n", 8));
      svg_start = g_strndup (g_bytes_get_data (svg, NULL), 200);
      g_assert_true (g_str_has_prefix (svg_start, "<?xml"));
      g_assert_nonnull (strstr (svg_start, "<svg"));
      g_assert_true (bytes_start_with (pdf, "%PDF-", 5));

      if (i == 0)
        map = g_bytes_ref (png);
    }

  /* The options reach the picture. */
  assert_export_ok ("picture", sample, by_stance_path,
                    "--view", "sector-map", "--color-by", "stance");
  by_stance = ssr_test_read_file (by_stance_path);
  g_assert_false (g_bytes_equal (by_stance, map));

  assert_export_ok ("picture", sample, large_path, "--view", "sector-map", "--font-scale", "2");
  large = ssr_test_read_file (large_path);
  g_assert_cmpuint (png_width (large), >, png_width (map));

  assert_export_ok ("picture", sample, redacted_path, "--view", "sector-map", "--redact");
  redacted = ssr_test_read_file (redacted_path);
  g_assert_false (g_bytes_equal (redacted, map));
}

/* The name of the first sensitive actor of @assessment; how many there are in @n_sensitive. */
static const char *
find_sensitive_actor (SsrAssessment *assessment,
                      guint         *n_sensitive)
{
  GListModel *actors = ssr_assessment_get_actors (assessment);
  const char *name = NULL;

  *n_sensitive = 0;
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      SsrActor *actor = ssr_test_peek_item (actors, i);

      if (!ssr_actor_get_sensitive (actor))
        continue;
      if (name == NULL)
        name = ssr_actor_get_name (actor);
      (*n_sensitive)++;
    }
  g_assert_nonnull (name);

  return name;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_export_graphml (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autofree char *sample = sample_path ();
  g_autofree char *path = fixture_path (fixture, "actors.graphml");
  g_autofree char *redacted_path = fixture_path (fixture, "redacted.graphml");
  g_autofree char *text = NULL;
  g_autofree char *redacted = NULL;
  g_autofree char *stdout_text = NULL;
  guint n_actors = g_list_model_get_n_items (ssr_assessment_get_actors (assessment));
  guint n_relations = g_list_model_get_n_items (ssr_assessment_get_relations (assessment));
  guint n_sensitive = 0;
  const char *sensitive_name = find_sensitive_actor (assessment, &n_sensitive);

  assert_export_ok ("graphml", sample, path);
  assert_export_ok ("graphml", sample, redacted_path, "--redact");
  text = ssr_test_read_text (path);
  redacted = ssr_test_read_text (redacted_path);

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "));
  g_assert_nonnull (strstr (text, "xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
  g_assert_true (g_str_has_suffix (text, "</graphml>\n"));
  g_assert_cmpuint (count_occurrences (text, "<node "), ==, n_actors);
  g_assert_cmpuint (count_occurrences (text, "<edge "), ==, n_relations);
  /* Every actor has a place: its own, or the automatic layout's. */
  g_assert_cmpuint (count_occurrences (text, "<data key=\"x\">"), ==, n_actors);
  g_assert_cmpuint (count_occurrences (text, "<data key=\"y\">"), ==, n_actors);
  g_assert_nonnull (strstr (text, sensitive_name));

  g_assert_cmpuint (count_occurrences (redacted, "<node "), ==, n_actors - n_sensitive);
  g_assert_cmpuint (count_occurrences (redacted, "<edge "), <, n_relations);
  g_assert_null (strstr (redacted, sensitive_name));

  g_assert_cmpint (run_tool (NULL, &stdout_text, NULL, "export", "graphml", sample, "-", NULL), ==, 0);
  g_assert_cmpstr (stdout_text, ==, text);
}

typedef struct
{
  const char  *name;
  const char  *header;
  GListModel *(*get_items) (SsrAssessment *assessment);
} TableCase;

static const TableCase table_cases[] = {
  { "actors", "id,name,category,category_name,kind,kind_name,stance,influence,interest,",
    ssr_assessment_get_actors },
  { "relations",
    "id,source_id,source_name,target_id,target_name,type,type_name,direction,strength,note\r\n",
    ssr_assessment_get_relations },
  { "organisations", "id,name,acronym,kind,kind_name,areas,area_names,description\r\n",
    ssr_assessment_get_organisations },
  { "findings",
    "id,kind,title,step,step_name,dimension,dimension_name,actor_ids,actor_names,evidence,"
    "sensitive\r\n",
    ssr_assessment_get_findings },
  { "priorities",
    "sequence,id,objective,timeframe,timeframe_name,owner,finding_ids,finding_titles,"
    "description\r\n",
    ssr_assessment_get_priorities },
  { "indicators", "id,name,kind,kind_name,unit,baseline,baseline_date,target,target_date,",
    ssr_assessment_get_indicators },
};

static guint
count_csv_rows (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ssr_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return rows->len;
}

static void
test_export_table (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autofree char *sample = sample_path ();
  g_autofree char *redacted_path = fixture_path (fixture, "redacted.csv");
  g_autofree char *bom_path = fixture_path (fixture, "bom.csv");
  g_autofree char *redacted = NULL;
  g_autoptr(GBytes) bom = NULL;
  guint n_sensitive = 0;
  const char *sensitive_name = find_sensitive_actor (assessment, &n_sensitive);
  guint n_actors = g_list_model_get_n_items (ssr_assessment_get_actors (assessment));

  g_assert_cmpuint (G_N_ELEMENTS (table_cases), ==,
                    g_strv_length ((char **) ssr_table_export_get_tables ()));

  for (guint i = 0; i < G_N_ELEMENTS (table_cases); i++)
    {
      g_autofree char *name = g_strconcat (table_cases[i].name, ".csv", NULL);
      g_autofree char *path = fixture_path (fixture, name);
      g_autofree char *text = NULL;
      g_autofree char *stdout_text = NULL;
      guint n_items = g_list_model_get_n_items (table_cases[i].get_items (assessment));

      assert_export_ok ("table", sample, path, "--table", table_cases[i].name);
      text = ssr_test_read_text (path);

      g_assert_cmpuint (n_items, >, 0);
      g_assert_true (g_str_has_prefix (text, table_cases[i].header));
      g_assert_cmpuint (count_csv_rows (text), ==, n_items + 1);

      g_assert_cmpint (run_tool (NULL, &stdout_text, NULL, "export", "table", sample, "-",
                                 "--table", table_cases[i].name, NULL),
                       ==, 0);
      g_assert_cmpstr (stdout_text, ==, text);
    }

  assert_export_ok ("table", sample, redacted_path, "--table", "actors", "--redact");
  redacted = ssr_test_read_text (redacted_path);
  g_assert_cmpuint (count_csv_rows (redacted), ==, n_actors - n_sensitive + 1);
  g_assert_null (strstr (redacted, sensitive_name));

  assert_export_ok ("table", sample, bom_path, "--table", "actors", "--bom");
  bom = ssr_test_read_file (bom_path);
  g_assert_true (bytes_start_with (bom, "\xEF\xBB\xBF" "id,name,", 11));
}

static void
test_export_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *a4_path = fixture_path (fixture, "report.pdf");
  g_autofree char *letter_path = fixture_path (fixture, "letter.pdf");
  g_autoptr(GBytes) a4 = NULL;
  g_autoptr(GBytes) letter = NULL;

  assert_export_ok ("report", sample, a4_path);
  assert_export_ok ("report", sample, letter_path,
                    "--paper", "letter", "--sections", "cover,actors", "--redact");
  a4 = ssr_test_read_file (a4_path);
  letter = ssr_test_read_file (letter_path);

  g_assert_true (bytes_start_with (a4, "%PDF-", 5));
  g_assert_true (bytes_start_with (letter, "%PDF-", 5));
  /* Page sizes stand in the page dictionaries, which cairo leaves uncompressed. */
  g_assert_false (bytes_contain (a4, "/MediaBox [ 0 0 612 792 ]"));
  g_assert_true (bytes_contain (letter, "/MediaBox [ 0 0 612 792 ]"));
  /* Two sections are less than all of them. */
  g_assert_cmpuint (g_bytes_get_size (letter), <, g_bytes_get_size (a4));
}

static void
test_export_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const forms[] = { "picture", "graphml", "table", "report" };
  g_autofree char *sample = sample_path ();
  g_autofree char *png = fixture_path (fixture, "out.png");
  g_autofree char *txt = fixture_path (fixture, "out.txt");
  g_autofree char *csv = fixture_path (fixture, "out.csv");
  g_autofree char *pdf = fixture_path (fixture, "out.pdf");
  g_autofree char *out = NULL;

  assert_export_usage_error (png);
  assert_export_usage_error (png, "frobnicate", sample, png);
  assert_export_usage_error (png, "picture", sample, png);
  assert_export_usage_error (png, "picture", sample, "--view", "phases");
  assert_export_usage_error (png, "picture", sample, png, "--view", "bird-view");
  assert_export_usage_error (txt, "picture", sample, txt, "--view", "phases");
  assert_export_usage_error (png, "picture", sample, png, "--view", "sector-map", "--color-by", "mood");
  assert_export_usage_error (png, "picture", sample, png, "--view", "sector-map", "--font-scale", "0");
  assert_export_usage_error (png, "picture", sample, png, "--view", "phases", "--frobnicate");
  assert_export_usage_error (csv, "table", sample, csv);
  assert_export_usage_error (csv, "table", sample, csv, "--table", "mechanisms-and-more");
  assert_export_usage_error (csv, "graphml", sample);
  assert_export_usage_error (pdf, "report", sample, pdf, "--paper", "a5");
  assert_export_usage_error (pdf, "report", sample, pdf, "--sections", "cover,gossip");

  g_assert_cmpint (run_tool (NULL, &out, NULL, "export", "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *form_out = NULL;
      g_autofree char *program = g_strconcat ("ssr-tool export ", forms[i], NULL);

      g_assert_nonnull (strstr (out, program));
      g_assert_cmpint (run_tool (NULL, &form_out, NULL, "export", forms[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (form_out, program));
    }
}

static void
test_export_refused_input (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *broken = fixture_write (fixture, "broken.ssra", doctype_document);
  g_autofree char *missing = fixture_path (fixture, "missing.ssra");
  g_autofree char *kept = fixture_write (fixture, "kept.csv", "previous content\n");
  g_autofree char *svg = fixture_path (fixture, "out.svg");
  g_autofree char *graphml = fixture_path (fixture, "out.graphml");
  g_autofree char *csv = fixture_path (fixture, "out.csv");
  g_autofree char *pdf = fixture_path (fixture, "out.pdf");
  g_autofree char *sample = sample_path ();
  g_autofree char *nowhere = fixture_path (fixture, "no-such-folder/out.csv");
  g_autofree char *kept_contents = NULL;
  g_autofree char *nowhere_err = NULL;
  const char *inputs[] = { broken, missing };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *picture_err = NULL;
      g_autofree char *graphml_err = NULL;
      g_autofree char *table_err = NULL;
      g_autofree char *report_err = NULL;

      g_assert_cmpint (run_tool (NULL, NULL, &picture_err, "export", "picture", inputs[i], svg,
                                 "--view", "phases", NULL), ==, 1);
      g_assert_cmpint (run_tool (NULL, NULL, &graphml_err, "export", "graphml", inputs[i], graphml,
                                 NULL), ==, 1);
      g_assert_cmpint (run_tool (NULL, NULL, &table_err, "export", "table", inputs[i], csv,
                                 "--table", "actors", NULL), ==, 1);
      g_assert_cmpint (run_tool (NULL, NULL, &report_err, "export", "report", inputs[i], pdf,
                                 NULL), ==, 1);

      /* Each message names the input, and nothing is written. */
      g_assert_true (g_str_has_prefix (picture_err, inputs[i]));
      g_assert_true (g_str_has_prefix (graphml_err, inputs[i]));
      g_assert_true (g_str_has_prefix (table_err, inputs[i]));
      g_assert_true (g_str_has_prefix (report_err, inputs[i]));
      g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (graphml, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  /* What was at OUT stays as it was. */
  g_assert_cmpint (run_tool (NULL, NULL, NULL, "export", "table", broken, kept,
                             "--table", "actors", NULL), ==, 1);
  kept_contents = ssr_test_read_text (kept);
  g_assert_cmpstr (kept_contents, ==, "previous content\n");

  /* An output that cannot be written is named first. */
  g_assert_cmpint (run_tool (NULL, NULL, &nowhere_err, "export", "table", sample, nowhere,
                             "--table", "actors", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (nowhere_err, nowhere));
}

#define add_fixture_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/command-help", test_command_help);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/validate/sample", test_validate_sample);
  add_fixture_test ("/cli/validate/truncated", test_validate_truncated);
  add_fixture_test ("/cli/validate/doctype", test_validate_doctype);
  g_test_add_func ("/cli/validate/no-file", test_validate_no_file);
  add_fixture_test ("/cli/validate/several", test_validate_several);
  add_fixture_test ("/cli/validate/unknown-framework", test_validate_unknown_framework);
  add_fixture_test ("/cli/convert/idempotent", test_convert_idempotent);
  add_fixture_test ("/cli/convert/keeps-output-on-failure", test_convert_keeps_output_on_failure);
  g_test_add_func ("/cli/convert/usage", test_convert_usage);
  g_test_add_func ("/cli/framework/outline", test_framework_outline);
  g_test_add_func ("/cli/framework/list", test_framework_list);
  g_test_add_func ("/cli/framework/lists", test_framework_lists);
  g_test_add_func ("/cli/framework/unknown", test_framework_unknown);
  add_fixture_test ("/cli/generate/deterministic", test_generate_deterministic);
  add_fixture_test ("/cli/generate/sizes", test_generate_sizes);
  add_fixture_test ("/cli/generate/refuses", test_generate_refuses);
  add_fixture_test ("/cli/export/picture", test_export_picture);
  add_fixture_test ("/cli/export/graphml", test_export_graphml);
  add_fixture_test ("/cli/export/table", test_export_table);
  add_fixture_test ("/cli/export/report", test_export_report);
  add_fixture_test ("/cli/export/usage", test_export_usage);
  add_fixture_test ("/cli/export/refused-input", test_export_refused_input);

  return g_test_run ();
}
