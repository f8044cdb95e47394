/* ssr-step-record.h: what a team recorded at one step of the framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-item.h"

G_BEGIN_DECLS

#define SSR_TYPE_STEP_RECORD (ssr_step_record_get_type ())

G_DECLARE_FINAL_TYPE (SsrStepRecord, ssr_step_record, SSR, STEP_RECORD, SsrItem)

/*
 * Properties:
 *   id          string, construct-only
 *   step        string, a step term id of the framework
 *   status      SsrStepStatus
 *   tasks-done  GStrv, task term ids ticked
 *   notes       string
 */
SsrStepRecord      *ssr_step_record_new            (const char    *id);
const char         *ssr_step_record_get_step       (SsrStepRecord *self);
SsrStepStatus       ssr_step_record_get_status     (SsrStepRecord *self);
const char * const *ssr_step_record_get_tasks_done (SsrStepRecord *self);
gboolean            ssr_step_record_is_task_done   (SsrStepRecord *self,
                                                    const char    *task);
const char         *ssr_step_record_get_notes      (SsrStepRecord *self);

G_END_DECLS
