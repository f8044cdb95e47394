/* ssr-recovery.h: drafts of modified documents, for recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-types.h"

G_BEGIN_DECLS

#define SSR_TYPE_RECOVERY (ssr_recovery_get_type ())

G_DECLARE_FINAL_TYPE (SsrRecovery, ssr_recovery, SSR, RECOVERY, GObject)

typedef struct _SsrDraft SsrDraft;

#define SSR_TYPE_DRAFT (ssr_draft_get_type ())
GType        ssr_draft_get_type          (void) G_GNUC_CONST;
SsrDraft    *ssr_draft_ref               (SsrDraft *draft);
void         ssr_draft_unref             (SsrDraft *draft);
const char  *ssr_draft_get_id            (SsrDraft *draft);
/* The document's title when the draft was written. */
const char  *ssr_draft_get_title         (SsrDraft *draft);
/* The file the document belongs to, or NULL for an untitled one. */
GFile       *ssr_draft_get_original      (SsrDraft *draft);
GDateTime   *ssr_draft_get_modified      (SsrDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsrDraft, ssr_draft_unref)

/*
 * The GNOME Text Editor way: every open document has a draft id; modified
 * documents are written as drafts (never touching the real file) into
 * @folder (NULL: $XDG_STATE_HOME/ssr-workbench/recovery), listed in a
 * session file written atomically, with a "shutdown" flag set only on a
 * clean quit. A start after a crash finds the flag unset and offers the
 * drafts back.
 */
SsrRecovery   *ssr_recovery_new           (const char   *folder);
/*
 * Begins a session: returns the drafts a crashed previous session left
 * (empty when it quit cleanly; drafts of a clean quit are deleted), and
 * marks this session as running. (transfer full) (element-type SsrDraft)
 */
GPtrArray     *ssr_recovery_start         (SsrRecovery  *self,
                                           GError      **error);
char          *ssr_recovery_new_draft_id  (SsrRecovery  *self);
gboolean       ssr_recovery_write_draft   (SsrRecovery  *self,
                                           const char   *draft_id,
                                           SsrAssessment *document,
                                           GFile        *original,
                                           GError      **error);
SsrAssessment *ssr_recovery_load_draft    (SsrRecovery  *self,
                                           SsrDraft     *draft,
                                           GError      **error);
/* After a real save, or when the user discards a recovered draft. */
void           ssr_recovery_remove_draft  (SsrRecovery  *self,
                                           const char   *draft_id);
/* On a clean quit: sets the shutdown flag. */
void           ssr_recovery_shutdown      (SsrRecovery  *self);

G_END_DECLS
