/* ssr-autosave.h: writes drafts of a window's modified document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-recovery.h"
#include "ssr-window.h"

G_BEGIN_DECLS

#define SSR_TYPE_AUTOSAVE (ssr_autosave_get_type ())

G_DECLARE_FINAL_TYPE (SsrAutosave, ssr_autosave, SSR, AUTOSAVE, GObject)

/*
 * Follows @window's "document" and "file": the first change to a modified
 * document since the last draft starts a timer of the GSettings key
 * autosave-interval (later changes do not push it back); when it fires the
 * draft is written through @recovery. A save (history no longer modified)
 * or closing the window removes the draft.
 */
SsrAutosave *ssr_autosave_new        (SsrRecovery *recovery,
                                      SsrWindow   *window);
/* Writes the draft now if the document is modified (tests, quit). */
gboolean     ssr_autosave_flush      (SsrAutosave *self,
                                      GError     **error);
const char  *ssr_autosave_get_draft_id (SsrAutosave *self);

G_END_DECLS
