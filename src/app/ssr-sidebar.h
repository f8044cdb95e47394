/* ssr-sidebar.h: the window's table of contents, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"

G_BEGIN_DECLS

#define SSR_TYPE_SIDEBAR_ENTRY (ssr_sidebar_entry_get_type ())

G_DECLARE_FINAL_TYPE (SsrSidebarEntry, ssr_sidebar_entry, SSR, SIDEBAR_ENTRY, GObject)

/*
 * One row of the sidebar: a phase heading (not selectable; its subtitle
 * says how many of its steps are done), a step (subtitle and icon: its
 * status) or a page of the assessment (actors, findings…, with a count).
 *
 * Properties (read-only, notify on change): page-id, title, subtitle,
 * has-subtitle, count, has-count, icon-name, has-icon, icon-css-classes,
 * css-classes, selectable, status (SsrStepStatus, steps only).
 */
const char    *ssr_sidebar_entry_get_page_id    (SsrSidebarEntry *self);
const char    *ssr_sidebar_entry_get_title      (SsrSidebarEntry *self);
const char    *ssr_sidebar_entry_get_subtitle   (SsrSidebarEntry *self);
gboolean       ssr_sidebar_entry_get_selectable (SsrSidebarEntry *self);
SsrStepStatus  ssr_sidebar_entry_get_status     (SsrSidebarEntry *self);

#define SSR_TYPE_SIDEBAR (ssr_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (SsrSidebar, ssr_sidebar, SSR, SIDEBAR, GObject)

/*
 * A GListModel of SsrSidebarEntry built from @framework (NULL: no phases)
 * and @document: the phases with their steps, then the pages. Statuses,
 * progress and counts follow the document's "changed" signal, so an undo
 * shows up too.
 */
SsrSidebar  *ssr_sidebar_new               (SsrAssessment *document,
                                            SsrFramework  *framework);
/* The position of the entry of @page_id, or G_MAXUINT (GTK_INVALID_LIST_POSITION). */
guint        ssr_sidebar_find_page         (SsrSidebar    *self,
                                            const char    *page_id);
/* The page before or after @page_id, skipping phase headings; NULL at an end. */
const char  *ssr_sidebar_get_adjacent_page (SsrSidebar    *self,
                                            const char    *page_id,
                                            gboolean       forward);

G_END_DECLS
