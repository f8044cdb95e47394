/* ssr-assessment.h: the assessment document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-types.h"
#include "ssr-history.h"

G_BEGIN_DECLS

#define SSR_TYPE_ASSESSMENT (ssr_assessment_get_type ())

G_DECLARE_FINAL_TYPE (SsrAssessment, ssr_assessment, SSR, ASSESSMENT, GObject)

/*
 * The document. It owns the meta data (as properties), one GListStore per
 * collection, and the history through which every edit passes.
 *
 * Properties (meta):
 *   framework       string, the id of the framework the document follows
 *   title           string
 *   country         string
 *   context-type    string, a term id of the framework list "context-types"
 *   classification  string, free text shown as a marking ("RESTRICTED")
 *   start-date      string, ISO 8601 date or NULL
 *   end-date        string, ISO 8601 date or NULL
 *   context         string, a description of the country context
 *   history         SsrHistory, read-only
 *
 * Collections, each a GListModel of the item type named:
 *   team (SsrTeamMember), steps (SsrStepRecord), actors (SsrActor),
 *   relations (SsrRelation), organisations (SsrOrganisation),
 *   mechanisms (SsrMechanism), findings (SsrFinding),
 *   priorities (SsrPriority, in sequence), indicators (SsrIndicator),
 *   principles (SsrPrincipleCheck).
 *
 * Signals:
 *   changed: emitted after any edit, undo or redo (once per user action).
 */

SsrAssessment *ssr_assessment_new              (void);
SsrHistory    *ssr_assessment_get_history      (SsrAssessment *self);

const char    *ssr_assessment_get_framework      (SsrAssessment *self);
const char    *ssr_assessment_get_title          (SsrAssessment *self);
const char    *ssr_assessment_get_country        (SsrAssessment *self);
const char    *ssr_assessment_get_context_type   (SsrAssessment *self);
const char    *ssr_assessment_get_classification (SsrAssessment *self);
const char    *ssr_assessment_get_start_date     (SsrAssessment *self);
const char    *ssr_assessment_get_end_date       (SsrAssessment *self);
const char    *ssr_assessment_get_context        (SsrAssessment *self);

GListModel    *ssr_assessment_get_team          (SsrAssessment *self);
GListModel    *ssr_assessment_get_steps         (SsrAssessment *self);
GListModel    *ssr_assessment_get_actors        (SsrAssessment *self);
GListModel    *ssr_assessment_get_relations     (SsrAssessment *self);
GListModel    *ssr_assessment_get_organisations (SsrAssessment *self);
GListModel    *ssr_assessment_get_mechanisms    (SsrAssessment *self);
GListModel    *ssr_assessment_get_findings      (SsrAssessment *self);
GListModel    *ssr_assessment_get_priorities    (SsrAssessment *self);
GListModel    *ssr_assessment_get_indicators    (SsrAssessment *self);
GListModel    *ssr_assessment_get_principles    (SsrAssessment *self);

/* The collection that holds items of @item_type. (transfer none) */
GListModel    *ssr_assessment_get_collection    (SsrAssessment *self,
                                                 GType          item_type);

/* Any item by id, or NULL. (transfer none) */
SsrItem       *ssr_assessment_lookup            (SsrAssessment *self,
                                                 const char    *id);

/* The step record for a framework step, or NULL. (transfer none) */
SsrStepRecord *ssr_assessment_find_step_record  (SsrAssessment *self,
                                                 const char    *step_id);

/*
 * Edits. Each pushes commands on the history, so each can be undone; one
 * call is one user action.
 */

/* Adds @item at the end of its collection (priorities: at @position too). */
void           ssr_assessment_add_item          (SsrAssessment *self,
                                                 SsrItem       *item);
/*
 * Removes @item. What referred to it is mended in the same undoable action:
 * relations of a removed actor are removed, ids in member and link lists
 * are dropped, a mechanism's lead is cleared. Returns the number of other
 * items changed or removed along with it.
 */
guint          ssr_assessment_remove_item       (SsrAssessment *self,
                                                 SsrItem       *item);
/* Moves @item to @position in its collection (sets a priority's sequence). */
void           ssr_assessment_move_item         (SsrAssessment *self,
                                                 SsrItem       *item,
                                                 guint          position);
/*
 * Sets properties of @object (an item of this document or the document
 * itself) as g_object_set() does, as one undoable action. Properties whose
 * value would not change are skipped.
 */
void           ssr_assessment_set               (SsrAssessment *self,
                                                 gpointer       object,
                                                 const char    *first_property,
                                                 ...) G_GNUC_NULL_TERMINATED;
void           ssr_assessment_set_value         (SsrAssessment *self,
                                                 gpointer       object,
                                                 const char    *property,
                                                 const GValue  *value);

/*
 * Building a document without history (readers, generators, tests):
 * appends @item to its collection. Fails on a duplicate id.
 */
gboolean       ssr_assessment_append            (SsrAssessment *self,
                                                 SsrItem       *item,
                                                 GError       **error);

/*
 * Checks that every reference (relation ends, finding actors, members,
 * leads, linked findings, indicator priorities) names an item of the right
 * type in this document. On failure names the first offender.
 */
gboolean       ssr_assessment_check_references  (SsrAssessment *self,
                                                 GError       **error);

/* Load and save; see ssr-xml-reader.h and ssr-xml-writer.h for the format. */
void           ssr_assessment_load_async        (GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
SsrAssessment *ssr_assessment_load_finish       (GAsyncResult        *result,
                                                 GError             **error);
SsrAssessment *ssr_assessment_load              (GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
/*
 * Atomic save: temporary file, fsync, rename; the previous file is kept as
 * FILE~. A failed save leaves the previous file intact. On success the
 * history is marked saved.
 */
void           ssr_assessment_save_async        (SsrAssessment       *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean       ssr_assessment_save_finish       (SsrAssessment       *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
gboolean       ssr_assessment_save              (SsrAssessment       *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

G_END_DECLS
