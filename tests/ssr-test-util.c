/* ssr-test-util.c: what the tests share: files, folders, the worked example
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-util"

#include "config.h"

#include "ssr-test-util.h"

#include <string.h>

#include <glib/gstdio.h>

char *
ssr_test_make_folder (const char *purpose)
{
  g_autofree char *template = g_strdup_printf ("ssr-test-%s-XXXXXX", purpose);
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_assert_nonnull (folder);

  return folder;
}

void
ssr_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ssr_test_remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
ssr_test_list_folder (const char *path,
                      const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (suffix == NULL || g_str_has_suffix (name, suffix))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

GBytes *
ssr_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

char *
ssr_test_read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

GBytes *
ssr_test_read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return ssr_test_read_file (path);
}

void
ssr_test_write_file (const char *path,
                     const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

SsrAssessment *
ssr_test_load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (SSR_TEST_EXAMPLE_URI);
  g_autoptr(GError) error = NULL;
  SsrAssessment *document = ssr_assessment_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

gpointer
ssr_test_append (SsrAssessment *assessment,
                 gpointer       item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssr_assessment_append (assessment, item, &error));
  g_assert_no_error (error);
  g_object_unref (item);

  return item;
}

gpointer
ssr_test_peek_item (GListModel *model,
                    guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);

  /* the model keeps it alive */
  return item;
}

GPtrArray *
ssr_test_restart_recovery (const char   *folder,
                           SsrRecovery **recovery)
{
  g_autoptr(SsrRecovery) started = ssr_recovery_new (folder);
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  drafts = ssr_recovery_start (started, &error);
  g_assert_no_error (error);
  g_assert_nonnull (drafts);

  *recovery = g_steal_pointer (&started);

  return drafts;
}

SsrRecovery *
ssr_test_start_empty_recovery (const char *folder)
{
  SsrRecovery *recovery;
  g_autoptr(GPtrArray) drafts = ssr_test_restart_recovery (folder, &recovery);

  g_assert_cmpuint (drafts->len, ==, 0);

  return recovery;
}

void
ssr_test_shut_down_recovery (SsrRecovery *recovery)
{
  ssr_recovery_shutdown (recovery);
  g_assert_finalize_object (recovery);
}

char *
ssr_test_draft_path (const char *folder,
                     const char *draft_id)
{
  g_autofree char *name = g_strconcat (draft_id, ".ssra", NULL);

  return g_build_filename (folder, name, NULL);
}

void
ssr_test_count_emission_cb (guint *count)
{
  (*count)++;
}
