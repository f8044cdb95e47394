/* ssr-context-page.h: the country, its context, the classification and the team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"

G_BEGIN_DECLS

#define SSR_TYPE_CONTEXT_PAGE (ssr_context_page_get_type ())

G_DECLARE_FINAL_TYPE (SsrContextPage, ssr_context_page, SSR, CONTEXT_PAGE, GtkWidget)

GtkWidget *ssr_context_page_new (SsrAssessment *document,
                                 SsrFramework  *framework);

G_END_DECLS
