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

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-term.h"

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
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ssr-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
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
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
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
  const char *commands[] = { "validate", "convert", "framework", "generate" };
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
  const char *commands[] = { "validate", "convert", "framework", "generate" };

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
  g_autofree char *contents = read_file (generated);
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

  generated_contents = read_file (generated);
  first_contents = read_file (first);
  second_contents = read_file (second);
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

  output_contents = read_file (output);
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
  g_autofree char *first_contents = read_file (first);
  g_autofree char *second_contents = read_file (second);
  g_autofree char *other_contents = read_file (other);
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
  g_test_add ("/cli/validate/truncated", Fixture, NULL,
              fixture_set_up, test_validate_truncated, fixture_tear_down);
  g_test_add ("/cli/validate/doctype", Fixture, NULL,
              fixture_set_up, test_validate_doctype, fixture_tear_down);
  g_test_add_func ("/cli/validate/no-file", test_validate_no_file);
  g_test_add ("/cli/validate/several", Fixture, NULL,
              fixture_set_up, test_validate_several, fixture_tear_down);
  g_test_add ("/cli/validate/unknown-framework", Fixture, NULL,
              fixture_set_up, test_validate_unknown_framework, fixture_tear_down);
  g_test_add ("/cli/convert/idempotent", Fixture, NULL,
              fixture_set_up, test_convert_idempotent, fixture_tear_down);
  g_test_add ("/cli/convert/keeps-output-on-failure", Fixture, NULL,
              fixture_set_up, test_convert_keeps_output_on_failure, fixture_tear_down);
  g_test_add_func ("/cli/convert/usage", test_convert_usage);
  g_test_add_func ("/cli/framework/outline", test_framework_outline);
  g_test_add_func ("/cli/framework/list", test_framework_list);
  g_test_add_func ("/cli/framework/lists", test_framework_lists);
  g_test_add_func ("/cli/framework/unknown", test_framework_unknown);
  g_test_add ("/cli/generate/deterministic", Fixture, NULL,
              fixture_set_up, test_generate_deterministic, fixture_tear_down);
  g_test_add ("/cli/generate/sizes", Fixture, NULL,
              fixture_set_up, test_generate_sizes, fixture_tear_down);
  g_test_add ("/cli/generate/refuses", Fixture, NULL,
              fixture_set_up, test_generate_refuses, fixture_tear_down);

  return g_test_run ();
}
