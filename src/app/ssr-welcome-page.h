/* ssr-welcome-page.h: what a window shows while no assessment is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SSR_TYPE_WELCOME_PAGE (ssr_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (SsrWelcomePage, ssr_welcome_page, SSR, WELCOME_PAGE, GtkWidget)

/*
 * New…, Open…, the worked example, and the recent assessments of
 * GtkRecentManager (our MIME type or *.ssra, local files that still exist,
 * newest first). The buttons and rows activate the window's actions:
 * win.new, win.open, win.open-example, win.open-recent (the file's URI).
 */
/* The recent assessments shown, as GFiles. (transfer none) */
GListModel *ssr_welcome_page_get_recent_files (SsrWelcomePage *self);

G_END_DECLS
