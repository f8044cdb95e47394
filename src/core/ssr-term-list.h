/* ssr-term-list.h: a read-only list of terms that threads may share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-term.h"

G_BEGIN_DECLS

#define SSR_TYPE_TERM_LIST (ssr_term_list_get_type ())

G_DECLARE_FINAL_TYPE (SsrTermList, ssr_term_list, SSR, TERM_LIST, GObject)

/*
 * The lists of a framework. A GListStore caches the position of its last
 * lookup inside g_list_model_get_item(), so two threads reading one store
 * race; a framework is shared by the window, the report's worker threads
 * and the autosave. This list is filled while the framework is read and
 * never changes afterwards, so reading it from any thread is safe.
 */
SsrTermList *_ssr_term_list_new    (void);
/* Only while the framework is being built. */
void         _ssr_term_list_append (SsrTermList *self,
                                    SsrTerm     *term);

G_END_DECLS
