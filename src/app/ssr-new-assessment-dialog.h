/* ssr-new-assessment-dialog.h: asks what a new assessment is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"

G_BEGIN_DECLS

#define SSR_TYPE_NEW_ASSESSMENT_DIALOG (ssr_new_assessment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsrNewAssessmentDialog, ssr_new_assessment_dialog, SSR, NEW_ASSESSMENT_DIALOG, AdwWindow)

/*
 * A modal window: framework (default: the GSettings key last-framework,
 * saved back), title, country, context type (the framework's list
 * "context-types") and classification (free text, with suggestions).
 * The action dialog.create emits "create" with a new untitled SsrAssessment
 * whose meta data are set without history, then closes the window;
 * window.close (Escape) cancels.
 */
SsrNewAssessmentDialog *ssr_new_assessment_dialog_new (GtkWindow *parent);

G_END_DECLS
