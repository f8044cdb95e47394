/* ssr-framework.h: an SSR framework (phases, steps, reference lists) as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-types.h"
#include "ssr-term.h"

G_BEGIN_DECLS

#define SSR_TYPE_FRAMEWORK (ssr_framework_get_type ())

G_DECLARE_FINAL_TYPE (SsrFramework, ssr_framework, SSR, FRAMEWORK, GObject)

/*
 * A framework is read from data/frameworks/ID.xml (built into the
 * GResource at /org/ssrworkbench/Workbench/frameworks/ID.xml). Nothing in
 * code names a phase or a step: the structure is
 *
 *   list "phases" of terms, each with a list "steps",
 *   each step with lists "tasks" and optionally "toolbox",
 *
 * plus reference lists by name ("actor-categories", "relation-types",
 * "dimensions", "principles", "mechanism-types", "context-types", …).
 *
 * Properties (read-only): id, name, description.
 */

/* The ids of the frameworks built into the program. (transfer full) */
GStrv         ssr_framework_list_builtin   (void);
/* A built-in framework, loaded once and shared. (transfer full) */
SsrFramework *ssr_framework_get_builtin    (const char    *id,
                                            GError       **error);
/* A framework from a file or from memory (the file name is for messages). */
SsrFramework *ssr_framework_new_from_bytes (GBytes        *bytes,
                                            const char    *display_name,
                                            GError       **error);

const char   *ssr_framework_get_id          (SsrFramework *self);
const char   *ssr_framework_get_name        (SsrFramework *self);
const char   *ssr_framework_get_description (SsrFramework *self);
/* The term holding the top-level lists. (transfer none) */
SsrTerm      *ssr_framework_get_root        (SsrFramework *self);
/* A top-level list by name, or NULL. (transfer none) */
GListModel   *ssr_framework_get_list        (SsrFramework *self,
                                             const char   *list);
GListModel   *ssr_framework_get_phases      (SsrFramework *self);
/* Every step of every phase, in order. (transfer none) */
GListModel   *ssr_framework_get_steps       (SsrFramework *self);
/* Any term by id, or NULL. (transfer none) */
SsrTerm      *ssr_framework_lookup          (SsrFramework *self,
                                             const char   *id);
/* The term with @id in the top-level list @list, or NULL. (transfer none) */
SsrTerm      *ssr_framework_lookup_in       (SsrFramework *self,
                                             const char   *list,
                                             const char   *id);
/* The display name of term @id, or @id itself when unknown. */
const char   *ssr_framework_get_term_name   (SsrFramework *self,
                                             const char   *id);

G_END_DECLS
