/* test-recovery.c: tests of drafts and crash recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-recovery"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ssr-assessment.h"
#include "ssr-recovery.h"
#include "ssr-test-util.h"

typedef struct
{
  char *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *parent = ssr_test_make_folder ("recovery");

  /* A folder that does not exist yet: ssr_recovery_start() makes it. */
  fixture->folder = g_build_filename (parent, "state", "recovery", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *state = g_path_get_dirname (fixture->folder);
  g_autofree char *parent = g_path_get_dirname (state);

  ssr_test_remove_tree (parent);
  g_clear_pointer (&fixture->folder, g_free);
}

static char *
session_path (Fixture *fixture)
{
  return g_build_filename (fixture->folder, "session.ini", NULL);
}

/* A crash: the object goes away without ssr_recovery_shutdown(). */
static void
crash (SsrRecovery *recovery)
{
  g_assert_finalize_object (recovery);
}

static void
write_draft (SsrRecovery   *recovery,
             const char    *draft_id,
             SsrAssessment *document,
             GFile         *original)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssr_recovery_write_draft (recovery, draft_id, document, original, &error));
  g_assert_no_error (error);
}

/* A crash, then the next run: it offers no draft. */
static void
assert_crash_offers_nothing (Fixture      *fixture,
                             SsrRecovery **recovery)
{
  g_autoptr(GPtrArray) drafts = NULL;

  crash (*recovery);
  drafts = ssr_test_restart_recovery (fixture->folder, recovery);
  g_assert_cmpuint (drafts->len, ==, 0);
}

static SsrDraft *
find_draft (GPtrArray  *drafts,
            const char *draft_id)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      SsrDraft *draft = g_ptr_array_index (drafts, i);

      if (g_str_equal (ssr_draft_get_id (draft), draft_id))
        return draft;
    }

  return NULL;
}

static void
test_crash_offers_drafts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autoptr(SsrAssessment) untitled = ssr_assessment_new ();
  g_autoptr(SsrAssessment) recovered = NULL;
  g_autoptr(GFile) original = g_file_new_for_path ("/srv/workshops/norvalia.ssra");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *untitled_id = NULL;
  SsrRecovery *recovery = ssr_test_start_empty_recovery (fixture->folder);
  SsrDraft *draft;

  id = ssr_recovery_new_draft_id (recovery);
  untitled_id = ssr_recovery_new_draft_id (recovery);
  g_assert_cmpstr (id, !=, untitled_id);

  ssr_assessment_set (document, document, "title", "Norvalia, edited before the crash", NULL);
  write_draft (recovery, id, document, original);
  write_draft (recovery, untitled_id, untitled, NULL);

  crash (recovery);

  drafts = ssr_test_restart_recovery (fixture->folder, &recovery);
  g_assert_cmpuint (drafts->len, ==, 2);

  draft = find_draft (drafts, id);
  g_assert_nonnull (draft);
  g_assert_cmpstr (ssr_draft_get_title (draft), ==, "Norvalia, edited before the crash");
  g_assert_nonnull (ssr_draft_get_original (draft));
  g_assert_true (g_file_equal (ssr_draft_get_original (draft), original));
  g_assert_nonnull (ssr_draft_get_modified (draft));
  /* Whole seconds in the file: allow the second the test started in. */
  g_assert_cmpint (g_date_time_difference (ssr_draft_get_modified (draft), before), >, -G_TIME_SPAN_SECOND);

  recovered = ssr_recovery_load_draft (recovery, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovered);
  g_assert_cmpstr (ssr_assessment_get_title (recovered), ==, "Norvalia, edited before the crash");
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_actors (recovered)), ==,
                    g_list_model_get_n_items (ssr_assessment_get_actors (document)));
  g_assert_cmpuint (g_list_model_get_n_items (ssr_assessment_get_findings (recovered)), ==,
                    g_list_model_get_n_items (ssr_assessment_get_findings (document)));

  draft = find_draft (drafts, untitled_id);
  g_assert_nonnull (draft);
  g_assert_null (ssr_draft_get_original (draft));

  /* A second crash before the user decides keeps the drafts on offer. */
  crash (recovery);
  again = ssr_test_restart_recovery (fixture->folder, &recovery);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_nonnull (find_draft (again, id));
  g_assert_nonnull (find_draft (again, untitled_id));

  ssr_test_shut_down_recovery (recovery);
}

static void
test_clean_shutdown (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  SsrRecovery *recovery = ssr_test_start_empty_recovery (fixture->folder);

  id = ssr_recovery_new_draft_id (recovery);
  path = ssr_test_draft_path (fixture->folder, id);
  write_draft (recovery, id, document, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  ssr_test_shut_down_recovery (recovery);

  drafts = ssr_test_restart_recovery (fixture->folder, &recovery);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = ssr_test_list_folder (fixture->folder, NULL);
  g_assert_cmpstr (listing, ==, "session.ini");

  /* This run is the one that is running now: a crash offers nothing. */
  assert_crash_offers_nothing (fixture, &recovery);

  ssr_test_shut_down_recovery (recovery);
}

static void
test_remove_draft (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *removed_path = NULL;
  g_autofree char *kept_path = NULL;
  SsrRecovery *recovery = ssr_test_start_empty_recovery (fixture->folder);

  kept = ssr_recovery_new_draft_id (recovery);
  removed = ssr_recovery_new_draft_id (recovery);
  kept_path = ssr_test_draft_path (fixture->folder, kept);
  removed_path = ssr_test_draft_path (fixture->folder, removed);

  write_draft (recovery, kept, document, NULL);
  write_draft (recovery, removed, document, NULL);
  g_assert_true (g_file_test (removed_path, G_FILE_TEST_IS_REGULAR));

  ssr_recovery_remove_draft (recovery, removed);
  g_assert_false (g_file_test (removed_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_IS_REGULAR));

  /* Removing twice, or a draft never written, is harmless. */
  ssr_recovery_remove_draft (recovery, removed);

  /* Put the file back behind the session's back: only the session entry
   * can still offer it, and it must be gone too. */
  ssr_test_write_file (removed_path, "<stale/>");

  crash (recovery);
  drafts = ssr_test_restart_recovery (fixture->folder, &recovery);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (ssr_draft_get_id (g_ptr_array_index (drafts, 0)), ==, kept);

  /* Restored or discarded: the offered draft goes too. */
  ssr_recovery_remove_draft (recovery, kept);
  g_assert_false (g_file_test (kept_path, G_FILE_TEST_EXISTS));
  assert_crash_offers_nothing (fixture, &recovery);

  ssr_test_shut_down_recovery (recovery);
}

static void
test_damaged_draft (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autoptr(SsrAssessment) loaded = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  SsrRecovery *recovery = ssr_test_start_empty_recovery (fixture->folder);

  id = ssr_recovery_new_draft_id (recovery);
  path = ssr_test_draft_path (fixture->folder, id);
  write_draft (recovery, id, document, NULL);
  crash (recovery);

  /* Cut the draft in half, as a full disk might have. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100);
  g_assert_true (g_file_set_contents (path, contents, length / 2, &error));
  g_assert_no_error (error);

  drafts = ssr_test_restart_recovery (fixture->folder, &recovery);
  g_assert_cmpuint (drafts->len, ==, 1);

  loaded = ssr_recovery_load_draft (recovery, g_ptr_array_index (drafts, 0), &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SSR_ERROR);
  g_assert_nonnull (strstr (error->message, id));
  g_clear_error (&error);

  /* Gone meanwhile: refused as well. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  loaded = ssr_recovery_load_draft (recovery, g_ptr_array_index (drafts, 0), &error);
  g_assert_null (loaded);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  ssr_test_shut_down_recovery (recovery);
}

static void
test_original_untouched (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autofree char *original_path = NULL;
  g_autoptr(GFile) original = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *after = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf saved_stat;
  GStatBuf after_stat;
  SsrRecovery *recovery = ssr_test_start_empty_recovery (fixture->folder);

  original_path = g_build_filename (fixture->folder, "..", "original.ssra", NULL);
  original = g_file_new_for_path (original_path);
  g_assert_true (ssr_assessment_save (document, original, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ssr_history_get_modified (ssr_assessment_get_history (document)));
  saved = ssr_test_read_text (original_path);
  g_assert_cmpint (g_stat (original_path, &saved_stat), ==, 0);

  ssr_assessment_set (document, document, "title", "Edited, not saved", NULL);
  g_assert_true (ssr_history_get_modified (ssr_assessment_get_history (document)));

  id = ssr_recovery_new_draft_id (recovery);
  path = ssr_test_draft_path (fixture->folder, id);
  write_draft (recovery, id, document, original);

  /* The draft has the edit; the original and the modified flag do not. */
  draft = ssr_test_read_text (path);
  g_assert_nonnull (strstr (draft, "Edited, not saved"));
  after = ssr_test_read_text (original_path);
  g_assert_cmpstr (after, ==, saved);
  g_assert_null (strstr (after, "Edited, not saved"));
  g_assert_cmpint (g_stat (original_path, &after_stat), ==, 0);
  g_assert_cmpint (after_stat.st_ino, ==, saved_stat.st_ino);
  g_assert_cmpint (after_stat.st_mtime, ==, saved_stat.st_mtime);
  g_assert_true (ssr_history_get_modified (ssr_assessment_get_history (document)));

  /* Removing the draft leaves the original where it is. */
  ssr_recovery_remove_draft (recovery, id);
  g_assert_true (g_file_test (original_path, G_FILE_TEST_IS_REGULAR));

  ssr_test_shut_down_recovery (recovery);
  g_assert_cmpint (g_unlink (original_path), ==, 0);
}

static gboolean
session_lists (const char *path,
               const char *draft_id)
{
  g_autoptr(GKeyFile) session = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *group = g_strconcat ("Draft ", draft_id, NULL);

  g_assert_true (g_key_file_load_from_file (session, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_has_key (session, "Session", "Shutdown", NULL));

  return g_key_file_has_group (session, group);
}

static void
test_atomic_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autofree char *session = session_path (fixture);
  g_autofree char *old_session = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *old_draft = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  GStatBuf before;
  GStatBuf after;
  SsrRecovery *recovery = ssr_test_start_empty_recovery (fixture->folder);

  first = ssr_recovery_new_draft_id (recovery);
  second = ssr_recovery_new_draft_id (recovery);
  first_path = ssr_test_draft_path (fixture->folder, first);
  write_draft (recovery, first, document, NULL);

  /* Drafts may hold classified assessments: the user's eyes only. */
  g_assert_cmpint (g_stat (fixture->folder, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (session, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (first_path, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 0777, ==, 0600);

  /* Keep the present session and draft through hard links: a file
   * rewritten in place would change under them, a replaced one does not. */
  old_session = g_build_filename (fixture->folder, "..", "old-session", NULL);
  old_draft = g_build_filename (fixture->folder, "..", "old-draft", NULL);
  g_assert_cmpint (link (session, old_session), ==, 0);
  g_assert_cmpint (link (first_path, old_draft), ==, 0);
  g_assert_cmpint (g_stat (session, &before), ==, 0);

  ssr_assessment_set (document, document, "title", "Second version", NULL);
  write_draft (recovery, first, document, NULL);
  write_draft (recovery, second, document, NULL);

  g_assert_cmpint (g_stat (session, &after), ==, 0);
  g_assert_cmpint (after.st_ino, !=, before.st_ino);
  g_assert_true (session_lists (session, first));
  g_assert_true (session_lists (session, second));
  /* The old inode is a whole session, of before the write. */
  g_assert_true (session_lists (old_session, first));
  g_assert_false (session_lists (old_session, second));

  {
    g_autofree char *old_contents = NULL;
    g_autofree char *new_contents = NULL;

    old_contents = ssr_test_read_text (old_draft);
    new_contents = ssr_test_read_text (first_path);
    g_assert_null (strstr (old_contents, "Second version"));
    g_assert_nonnull (strstr (new_contents, "Second version"));
  }

  /* No temporary file left behind. */
  listing = ssr_test_list_folder (fixture->folder, NULL);
  if (g_strcmp0 (first, second) < 0)
    expected = g_strdup_printf ("%s.ssra %s.ssra session.ini", first, second);
  else
    expected = g_strdup_printf ("%s.ssra %s.ssra session.ini", second, first);
  g_assert_cmpstr (listing, ==, expected);

  g_assert_cmpint (g_unlink (old_session), ==, 0);
  g_assert_cmpint (g_unlink (old_draft), ==, 0);
  ssr_test_shut_down_recovery (recovery);
}

static void
test_foreign_names (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *session = session_path (fixture);
  g_autofree char *notes = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *text = NULL;
  SsrRecovery *recovery;

  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
  notes = g_build_filename (fixture->folder, "notes.ssra", NULL);
  outside = g_build_filename (fixture->folder, "..", "outside.ssra", NULL);
  ssr_test_write_file (notes, "<mine/>");
  ssr_test_write_file (outside, "<mine/>");

  /* A crashed session naming files that are not drafts of ours. */
  text = g_strdup ("[Session]\nVersion=1\nShutdown=false\n\n"
                   "[Draft ../outside]\nTitle=Escape\n\n"
                   "[Draft notes]\nTitle=Notes\n");
  ssr_test_write_file (session, text);

  drafts = ssr_test_restart_recovery (fixture->folder, &recovery);
  g_assert_cmpuint (drafts->len, ==, 0);
  ssr_test_shut_down_recovery (recovery);

  /* The clean start that follows sweeps drafts, and drafts only. */
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = ssr_test_restart_recovery (fixture->folder, &recovery);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_true (g_file_test (notes, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (outside, G_FILE_TEST_IS_REGULAR));

  ssr_test_shut_down_recovery (recovery);
  g_assert_cmpint (g_unlink (outside), ==, 0);
}

static void
test_lost_session (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SsrAssessment) document = ssr_test_load_example ();
  g_autoptr(SsrAssessment) loaded = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session = session_path (fixture);
  g_autofree char *id = NULL;
  SsrRecovery *recovery = ssr_test_start_empty_recovery (fixture->folder);

  id = ssr_recovery_new_draft_id (recovery);
  ssr_assessment_set (document, document, "title", "Kept without a session", NULL);
  write_draft (recovery, id, document, NULL);
  crash (recovery);

  /* Nothing says how the last run ended: the draft is offered, untitled. */
  ssr_test_write_file (session, "[Session\x01 garbage");

  drafts = ssr_test_restart_recovery (fixture->folder, &recovery);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (ssr_draft_get_id (g_ptr_array_index (drafts, 0)), ==, id);
  g_assert_cmpstr (ssr_draft_get_title (g_ptr_array_index (drafts, 0)), ==, "");
  loaded = ssr_recovery_load_draft (recovery, g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ssr_assessment_get_title (loaded), ==, "Kept without a session");

  ssr_test_shut_down_recovery (recovery);
}

#define add_fixture_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_fixture_test ("/core/recovery/crash-offers-drafts", test_crash_offers_drafts);
  add_fixture_test ("/core/recovery/clean-shutdown", test_clean_shutdown);
  add_fixture_test ("/core/recovery/remove-draft", test_remove_draft);
  add_fixture_test ("/core/recovery/damaged-draft", test_damaged_draft);
  add_fixture_test ("/core/recovery/original-untouched", test_original_untouched);
  add_fixture_test ("/core/recovery/atomic-files", test_atomic_files);
  add_fixture_test ("/core/recovery/foreign-names", test_foreign_names);
  add_fixture_test ("/core/recovery/lost-session", test_lost_session);

  return g_test_run ();
}
