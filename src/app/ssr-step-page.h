/* ssr-step-page.h: one step of the framework: guidance, tasks, status, notes, findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"

G_BEGIN_DECLS

#define SSR_TYPE_STEP_PAGE (ssr_step_page_get_type ())

G_DECLARE_FINAL_TYPE (SsrStepPage, ssr_step_page, SSR, STEP_PAGE, GtkWidget)

/* Edits go through @document's history. */
GtkWidget  *ssr_step_page_new         (SsrAssessment *document,
                                       SsrFramework  *framework,
                                       const char    *step_id);
const char *ssr_step_page_get_step_id (SsrStepPage   *self);

G_END_DECLS
