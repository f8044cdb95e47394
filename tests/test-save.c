/* test-save.c: tests of loading and saving documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-save"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ssr-assessment.h"
#include "ssr-actor.h"
#include "ssr-organisation.h"
#include "ssr-relation.h"
#include "ssr-test-util.h"
#include "ssr-xml.h"

/* Where the subprocess of the short-write test saves. */
#define SHORT_WRITE_PATH_VARIABLE "SSR_TEST_SHORT_WRITE_PATH"

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ssr_test_make_folder ("save");
  fixture->path = g_build_filename (fixture->dir, "doc.ssra", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* a test may leave it read-only */
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  ssr_test_remove_tree (fixture->dir);

  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* A document with a few items and a context of @context_size bytes. */
static SsrAssessment *
build_document (gsize context_size)
{
  SsrAssessment *assessment = ssr_assessment_new ();
  g_autoptr(SsrActor) police = ssr_actor_new (NULL);
  g_autoptr(SsrActor) parliament = ssr_actor_new (NULL);
  g_autoptr(SsrOrganisation) donor = ssr_organisation_new (NULL);
  g_autoptr(SsrRelation) oversight = ssr_relation_new (NULL);
  g_autofree char *context = g_strnfill (context_size, 'c');
  g_autoptr(GError) error = NULL;

  g_object_set (assessment,
                "title", "Joint assessment of Norvalia",
                "country", "Norvalia",
                "classification", "RESTRICTED",
                "start-date", "2026-03-02",
                "context", context,
                NULL);
  g_object_set (police,
                "name", "National Police Service",
                "description", "Civil police, with “quotes” & <markup>",
                "influence", 4,
                NULL);
  g_object_set (parliament, "name", "Parliament", NULL);
  g_object_set (donor, "name", "Donor agency", "acronym", "DA", NULL);
  g_object_set (oversight,
                "source", ssr_item_get_id (SSR_ITEM (parliament)),
                "target", ssr_item_get_id (SSR_ITEM (police)),
                NULL);

  g_assert_true (ssr_assessment_append (assessment, SSR_ITEM (police), &error));
  g_assert_true (ssr_assessment_append (assessment, SSR_ITEM (parliament), &error));
  g_assert_true (ssr_assessment_append (assessment, SSR_ITEM (donor), &error));
  g_assert_true (ssr_assessment_append (assessment, SSR_ITEM (oversight), &error));
  g_assert_no_error (error);

  return assessment;
}

static void
assert_file_contents (const char *path,
                      GBytes     *expected)
{
  g_autoptr(GBytes) contents = ssr_test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (contents), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (contents, expected));
}

static void
assert_file_text (const char *path,
                  const char *expected)
{
  g_autoptr(GBytes) contents = ssr_test_read_file (path);
  g_autofree char *text = NULL;

  /* a short message when a whole document replaced the text */
  g_assert_cmpuint (g_bytes_get_size (contents), ==, strlen (expected));
  text = g_strndup (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents));
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_same_document (SsrAssessment *a,
                      SsrAssessment *b)
{
  g_autoptr(GBytes) bytes_a = ssr_xml_write (a);
  g_autoptr(GBytes) bytes_b = ssr_xml_write (b);

  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
}

static void
make_modified (SsrAssessment *assessment,
               const char    *title)
{
  ssr_assessment_set (assessment, assessment, "title", title, NULL);
  g_assert_true (ssr_history_get_modified (ssr_assessment_get_history (assessment)));
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **stored = user_data;

  *stored = g_object_ref (result);
}

/* Tests */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = build_document (100);
  g_autoptr(SsrAssessment) loaded = NULL;
  g_autoptr(GBytes) written = ssr_xml_write (assessment);
  g_autoptr(GError) error = NULL;

  g_assert_true (ssr_assessment_save (assessment, fixture->file, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (fixture->path, written);

  loaded = ssr_assessment_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_same_document (loaded, assessment);
  g_assert_false (ssr_history_get_modified (ssr_assessment_get_history (loaded)));
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = build_document (100);
  g_autofree char *backup = g_strconcat (fixture->path, "~", NULL);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  ssr_test_write_file (fixture->path, "the old contents");

  g_assert_true (ssr_assessment_save (assessment, fixture->file, NULL, &error));
  g_assert_no_error (error);
  assert_file_text (backup, "the old contents");
  first = ssr_test_read_file (fixture->path);

  make_modified (assessment, "Second title");
  second = ssr_xml_write (assessment);
  g_assert_true (ssr_assessment_save (assessment, fixture->file, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (fixture->path, second);
  assert_file_contents (backup, first);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = build_document (100);
  g_autoptr(GError) error = NULL;

  ssr_test_write_file (fixture->path, "the old contents");
  make_modified (assessment, "Changed");

  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  if (access (fixture->dir, W_OK) == 0)
    {
      g_test_skip ("The folder stays writable (running as root); "
                   "/core/save/short-write tests the failure path");
      return;
    }

  g_assert_false (ssr_assessment_save (assessment, fixture->file, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "doc.ssra"));

  assert_file_text (fixture->path, "the old contents");
  g_assert_true (ssr_history_get_modified (ssr_assessment_get_history (assessment)));
}

/*
 * In a subprocess limited to files of 4 KiB, with SIGXFSZ ignored, writing
 * a larger document fails with EFBIG half-way: the original file must stay
 * as it was and no temporary file may be left. Works as root, unlike a
 * read-only folder.
 */
static void
short_write_subprocess (void)
{
  const char *path = g_getenv (SHORT_WRITE_PATH_VARIABLE);
  g_autoptr(SsrAssessment) assessment = build_document (64 * 1024);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 4096, 4096 };

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  make_modified (assessment, "Changed");

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (ssr_assessment_save (assessment, file, NULL, &error));
  g_assert_nonnull (error);
  g_print ("sync: %s\n", error->message);
  g_clear_error (&error);
  g_assert_true (ssr_history_get_modified (ssr_assessment_get_history (assessment)));

  ssr_assessment_save_async (assessment, file, NULL, store_result_cb, &result);
  g_assert_false (ssr_assessment_save_finish (assessment, wait_for_result (&result), &error));
  g_assert_nonnull (error);
  g_print ("async: %s\n", error->message);
  g_assert_true (ssr_history_get_modified (ssr_assessment_get_history (assessment)));
}

static void
test_short_write (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *names = NULL;

  if (g_test_subprocess ())
    {
      short_write_subprocess ();
      return;
    }

  ssr_test_write_file (fixture->path, "the old contents");
  g_setenv (SHORT_WRITE_PATH_VARIABLE, fixture->path, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv (SHORT_WRITE_PATH_VARIABLE);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("sync: *doc.ssra*\nasync: *doc.ssra*");

  assert_file_text (fixture->path, "the old contents");
  names = ssr_test_list_folder (fixture->dir, NULL);
  g_assert_cmpstr (names, ==, "doc.ssra");
}

static void
test_modified (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = build_document (100);
  SsrHistory *history = ssr_assessment_get_history (assessment);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing", "doc.ssra", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;

  make_modified (assessment, "Changed");

  g_assert_false (ssr_assessment_save (assessment, missing, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "doc.ssra"));
  g_assert_true (ssr_history_get_modified (history));
  g_clear_error (&error);

  g_assert_true (ssr_assessment_save (assessment, fixture->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ssr_history_get_modified (history));

  /* the saved state is where the history stood */
  make_modified (assessment, "Changed again");
  g_assert_true (ssr_history_undo (history));
  g_assert_false (ssr_history_get_modified (history));
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = build_document (100);
  g_autoptr(SsrAssessment) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GError) error = NULL;

  make_modified (assessment, "Changed");

  ssr_assessment_save_async (assessment, fixture->file, NULL, store_result_cb, &saved);
  g_assert_true (ssr_assessment_save_finish (assessment, wait_for_result (&saved), &error));
  g_assert_no_error (error);
  g_assert_false (ssr_history_get_modified (ssr_assessment_get_history (assessment)));

  ssr_assessment_load_async (fixture->file, NULL, store_result_cb, &read);
  loaded = ssr_assessment_load_finish (wait_for_result (&read), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_same_document (loaded, assessment);
  g_assert_cmpstr (ssr_assessment_get_title (loaded), ==, "Changed");
}

static void
test_edit_during_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = build_document (100);
  g_autoptr(SsrAssessment) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;

  make_modified (assessment, "Saved title");

  /* the document is serialized when the save starts */
  ssr_assessment_save_async (assessment, fixture->file, NULL, store_result_cb, &saved);
  make_modified (assessment, "Later title");
  g_assert_true (ssr_assessment_save_finish (assessment, wait_for_result (&saved), &error));
  g_assert_no_error (error);
  g_assert_true (ssr_history_get_modified (ssr_assessment_get_history (assessment)));

  loaded = ssr_assessment_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ssr_assessment_get_title (loaded), ==, "Saved title");
}

typedef struct
{
  GMainLoop     *loop;
  SsrAssessment *loaded;
  gboolean       saved;
  GError        *error;
} AsyncState;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_null (object);
  state->loaded = ssr_assessment_load_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  state->saved = ssr_assessment_save_finish (SSR_ASSESSMENT (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async_main_loop (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SsrAssessment) assessment = build_document (1000);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState state = { loop, NULL, FALSE, NULL };

  ssr_assessment_save_async (assessment, fixture->file, NULL, saved_cb, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_true (state.saved);

  ssr_assessment_load_async (fixture->file, NULL, loaded_cb, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.loaded);
  assert_same_document (state.loaded, assessment);
  g_clear_object (&state.loaded);
}

static void
test_load_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SsrAssessment) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  loaded = ssr_assessment_load (fixture->file, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not open “doc.ssra”: "));
  g_clear_error (&error);

  ssr_assessment_load_async (fixture->file, NULL, store_result_cb, &result);
  loaded = ssr_assessment_load_finish (wait_for_result (&result), &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "doc.ssra"));
}

static void
test_load_too_large (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SsrAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* sparse: nothing is written, and a read would take long */
  ssr_test_write_file (fixture->path, "");
  g_assert_cmpint (truncate (fixture->path, (off_t)SSR_XML_MAX_SIZE + 1), ==, 0);

  loaded = ssr_assessment_load (fixture->file, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, SSR_ERROR, SSR_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "doc.ssra"));
}

#define add_fixture_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_fixture_test ("/core/save/round-trip", test_round_trip);
  add_fixture_test ("/core/save/backup", test_backup);
  add_fixture_test ("/core/save/read-only-folder", test_read_only_folder);
  add_fixture_test ("/core/save/short-write", test_short_write);
  add_fixture_test ("/core/save/modified", test_modified);
  add_fixture_test ("/core/save/async", test_async);
  add_fixture_test ("/core/save/async-main-loop", test_async_main_loop);
  add_fixture_test ("/core/save/edit-during-save", test_edit_during_save);
  add_fixture_test ("/core/save/load-missing", test_load_missing);
  add_fixture_test ("/core/save/load-too-large", test_load_too_large);

  return g_test_run ();
}
