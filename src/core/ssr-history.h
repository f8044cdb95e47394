/* ssr-history.h: the undo and redo stacks of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-command.h"

G_BEGIN_DECLS

#define SSR_TYPE_HISTORY (ssr_history_get_type ())

G_DECLARE_FINAL_TYPE (SsrHistory, ssr_history, SSR, HISTORY, GObject)

/*
 * Properties (read-only, notify on change):
 *   can-undo, can-redo  boolean
 *   modified            boolean, derived: the position differs from the
 *                       position last marked saved
 *   undo-label, redo-label  string or NULL
 *
 * Signals:
 *   changed: after push, undo or redo (not inside a group)
 *
 * Grouping: between begin_group() and end_group() (which nest), pushed
 * commands are applied at once but recorded as one entry.
 */
SsrHistory *ssr_history_new            (void);
void        ssr_history_push           (SsrHistory *self,
                                        SsrCommand *command);
void        ssr_history_begin_group    (SsrHistory *self,
                                        const char *label);
void        ssr_history_end_group      (SsrHistory *self);
gboolean    ssr_history_undo           (SsrHistory *self);
gboolean    ssr_history_redo           (SsrHistory *self);
gboolean    ssr_history_get_can_undo   (SsrHistory *self);
gboolean    ssr_history_get_can_redo   (SsrHistory *self);
const char *ssr_history_get_undo_label (SsrHistory *self);
const char *ssr_history_get_redo_label (SsrHistory *self);
gboolean    ssr_history_get_modified   (SsrHistory *self);
void        ssr_history_mark_saved     (SsrHistory *self);
/* Marks the document modified whatever the position (e.g. recovered). */
void        ssr_history_mark_unsaved   (SsrHistory *self);

G_END_DECLS
