/* ssr-test-util.h: what the tests share: files, folders, the worked example
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-assessment.h"
#include "ssr-recovery.h"

G_BEGIN_DECLS

/* The worked example, in the core's GResource. */
#define SSR_TEST_EXAMPLE_URI "resource:///org/ssrworkbench/Workbench/samples/norvalia.ssra"

/* Iterates the main loop until @condition holds or @seconds pass, then
 * asserts @condition. */
#define SSR_TEST_WAIT_UNTIL(condition, seconds) \
  G_STMT_START { \
    gint64 deadline = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    while (!(condition) && g_get_monotonic_time () < deadline) \
      g_main_context_iteration (NULL, FALSE); \
    g_assert_true (condition); \
  } G_STMT_END

/* A new empty folder "ssr-test-@purpose-XXXXXX" in the temporary folder. (transfer full) */
char          *ssr_test_make_folder         (const char *purpose);
/* Removes @path, and everything in it when it is a folder (links are not followed). */
void           ssr_test_remove_tree         (const char *path);
/* The names in the folder @path that end in @suffix (all when NULL),
 * sorted and joined with spaces. (transfer full) */
char          *ssr_test_list_folder         (const char *path,
                                             const char *suffix);

/* The contents of @path. (transfer full) */
GBytes        *ssr_test_read_file           (const char *path);
/* The contents of @path, as a string. (transfer full) */
char          *ssr_test_read_text           (const char *path);
/* The contents of tests/data/@name. (transfer full) */
GBytes        *ssr_test_read_data           (const char *name);
/* Replaces the contents of @path with @contents. */
void           ssr_test_write_file          (const char *path,
                                             const char *contents);

/* The worked example, read as the application reads it. (transfer full) */
SsrAssessment *ssr_test_load_example        (void);
/* Appends @item, built in the test, to @assessment, which takes it
 * over. Returns: (transfer none): @item */
gpointer       ssr_test_append              (SsrAssessment *assessment,
                                             gpointer       item);
/* The item at @position of @model, which keeps it. (transfer none) */
gpointer       ssr_test_peek_item           (GListModel    *model,
                                             guint          position);

/* Starts a recovery on @folder, as the next run of the application would.
 * Returns: (transfer full): the drafts it offers */
GPtrArray     *ssr_test_restart_recovery    (const char    *folder,
                                             SsrRecovery  **recovery);
/* A recovery on @folder, started, that offers no draft. (transfer full) */
SsrRecovery   *ssr_test_start_empty_recovery (const char   *folder);
/* A clean quit: @recovery shuts down, and goes. */
void           ssr_test_shut_down_recovery  (SsrRecovery   *recovery);
/* Where the draft @draft_id is written in @folder. (transfer full) */
char          *ssr_test_draft_path          (const char    *folder,
                                             const char    *draft_id);

/* Counts the emissions of any signal; connect it with
 * g_signal_connect_swapped() and a guint counter as data. */
void           ssr_test_count_emission_cb   (guint         *count);

G_END_DECLS
