/* ssr-map-canvas.h: an interactive view of the sector map or the coordination diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"
#include "ssr-render-options.h"

G_BEGIN_DECLS

typedef enum
{
  SSR_MAP_CANVAS_SECTOR_MAP,
  SSR_MAP_CANVAS_COORDINATION,
} SsrMapCanvasMode;

#define SSR_TYPE_MAP_CANVAS (ssr_map_canvas_get_type ())

G_DECLARE_FINAL_TYPE (SsrMapCanvas, ssr_map_canvas, SSR, MAP_CANVAS, GtkWidget)

/*
 * A thin widget over one picture of src/render: it draws through
 * ssr_sector_map_draw() or ssr_coordination_diagram_draw() into a cached
 * image, which panning, hovering and selecting only move or draw over;
 * the picture is drawn again when the document, the options, the size or
 * the zoom change.
 *
 * The items it shows (those the filters let through) are a GListModel,
 * and its selection is a GtkSelectionModel over them: a list view bound
 * to that model is the accessible twin of the picture, in sync with it
 * both ways.
 *
 * Sector map: drag a node to move it (and the other selected ones), Alt+drag
 * from one node to another (or drag the handle of the selected node) to
 * draw a relation, drag on empty space to pan, Shift+drag to select with a
 * rubber band, Ctrl+scroll or pinch to zoom, Tab through the nodes, arrows
 * move them. Every edit goes through the document's history.
 *
 * Properties: zoom (double, read-write).
 * Signals: none of its own; the selection model says what is selected.
 * Actions it activates on its ancestors: map.edit (double-click, Enter),
 * map.delete (Delete).
 */
GtkWidget              *ssr_map_canvas_new                (SsrMapCanvasMode        mode);
void                    ssr_map_canvas_set_document       (SsrMapCanvas           *self,
                                                           SsrAssessment          *document,
                                                           SsrFramework           *framework);
SsrMapCanvasMode        ssr_map_canvas_get_mode           (SsrMapCanvas           *self);

/* The options the picture is drawn with. (transfer none) */
const SsrRenderOptions *ssr_map_canvas_get_options        (SsrMapCanvas           *self);
void                    ssr_map_canvas_set_color_by       (SsrMapCanvas           *self,
                                                           const char             *color_by);
/* Only these actor categories / relation types; NULL shows all. */
void                    ssr_map_canvas_set_categories     (SsrMapCanvas           *self,
                                                           const char * const     *categories);
void                    ssr_map_canvas_set_relation_types (SsrMapCanvas           *self,
                                                           const char * const     *relation_types);
void                    ssr_map_canvas_set_show_legend    (SsrMapCanvas           *self,
                                                           gboolean                show_legend);
/* Item ids drawn highlighted (search results); NULL for none. */
void                    ssr_map_canvas_set_highlighted    (SsrMapCanvas           *self,
                                                           const char * const     *ids);

/* The items shown: actors then relations, or organisations, mechanisms
 * and national counterparts. (transfer none) */
GListModel             *ssr_map_canvas_get_items          (SsrMapCanvas           *self);
/* The selection over ssr_map_canvas_get_items(). (transfer none) */
GtkSelectionModel      *ssr_map_canvas_get_selection      (SsrMapCanvas           *self);
/* The selected items, in the order shown. (transfer container) */
GPtrArray              *ssr_map_canvas_get_selected_items (SsrMapCanvas           *self);
/* Selects exactly the items with these ids (NULL: none). */
void                    ssr_map_canvas_select_ids         (SsrMapCanvas           *self,
                                                           const char * const     *ids);
/* What is shown, counted: "45 actors, 72 relations". (transfer full) */
char                   *ssr_map_canvas_get_summary        (SsrMapCanvas           *self);
/* Keeps the item selected on the canvas in view in @list_view, a list
 * view of ssr_map_canvas_get_selection(). */
void                    ssr_map_canvas_follow_in_list     (SsrMapCanvas           *self,
                                                           GtkListView            *list_view);
/* A list item factory that shows an item as a title and a description. */
GtkListItemFactory     *ssr_map_canvas_create_list_factory (SsrMapCanvas          *self);
/* A line that tells @item apart: "Name", "Source → Target". (transfer full) */
char                   *ssr_map_canvas_describe_item      (SsrMapCanvas           *self,
                                                           SsrItem                *item,
                                                           char                  **details);

double                  ssr_map_canvas_get_zoom           (SsrMapCanvas           *self);
void                    ssr_map_canvas_set_zoom           (SsrMapCanvas           *self,
                                                           double                  zoom);
/* Zooms by @factor, keeping the point under the widget's centre in place. */
void                    ssr_map_canvas_zoom_by            (SsrMapCanvas           *self,
                                                           double                  factor);
/* Zoom 1, the whole picture in view. */
void                    ssr_map_canvas_reset_view         (SsrMapCanvas           *self);
/* Pans by (@dx, @dy) widget pixels, as scrolling does. */
void                    ssr_map_canvas_scroll_by          (SsrMapCanvas           *self,
                                                           double                  dx,
                                                           double                  dy);

/* The transformation from picture coordinates (those of the render
 * functions at the canvas's size) to the widget's. */
void                    ssr_map_canvas_get_view_transform (SsrMapCanvas           *self,
                                                           cairo_matrix_t         *matrix);
/* The centre of the item @id in widget coordinates; FALSE when not shown. */
gboolean                ssr_map_canvas_get_item_center    (SsrMapCanvas           *self,
                                                           const char             *id,
                                                           double                 *x,
                                                           double                 *y);
/* The item at (@x, @y) in widget coordinates, or NULL. (transfer none) */
SsrItem                *ssr_map_canvas_pick               (SsrMapCanvas           *self,
                                                           double                  x,
                                                           double                  y);

/*
 * What the pointer gestures do, callable without an input device: a
 * press and release at (@x, @y) with @state (GDK_CONTROL_MASK or
 * GDK_SHIFT_MASK add to the selection), and a press at (@x, @y) moved by
 * (@dx, @dy) before the release (GDK_ALT_MASK draws a relation).
 */
void                    ssr_map_canvas_click              (SsrMapCanvas           *self,
                                                           double                  x,
                                                           double                  y,
                                                           GdkModifierType         state);
void                    ssr_map_canvas_drag               (SsrMapCanvas           *self,
                                                           double                  x,
                                                           double                  y,
                                                           double                  dx,
                                                           double                  dy,
                                                           GdkModifierType         state);

/* Sector map edits, each one undoable step. */
/* Moves the selected actors by (@dx, @dy) picture pixels. */
void                    ssr_map_canvas_move_selection     (SsrMapCanvas           *self,
                                                           double                  dx,
                                                           double                  dy);
/* Lays every actor out afresh and keeps the positions. */
void                    ssr_map_canvas_relayout           (SsrMapCanvas           *self);
/* Adds a relation of the default type from @source_id to @target_id and
 * selects it; NULL when it cannot. (transfer none) */
SsrItem                *ssr_map_canvas_add_relation       (SsrMapCanvas           *self,
                                                           const char             *source_id,
                                                           const char             *target_id);

/*
 * Writes the picture with the canvas's filters and colours, at its
 * natural size, to @file (SVG, PNG or PDF after its extension). The
 * document is copied first and drawn in a worker thread, so that editing
 * can go on.
 */
void                    ssr_map_canvas_export_async       (SsrMapCanvas           *self,
                                                           GFile                  *file,
                                                           GCancellable           *cancellable,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
gboolean                ssr_map_canvas_export_finish      (SsrMapCanvas           *self,
                                                           GAsyncResult           *result,
                                                           GError                **error);

/* Asks where to export the picture (SVG, PNG, PDF), then exports it and
 * says how it went in a toast. */
void                    ssr_map_canvas_export             (SsrMapCanvas           *self);

/* The menu shown on a right-click or the Menu key. */
void                    ssr_map_canvas_set_context_menu   (SsrMapCanvas           *self,
                                                           GMenuModel             *menu);

/*
 * Shows @item where it is edited: in a sibling tab of @widget's page
 * (relations, mechanisms, organisations) or on the window's Actors page,
 * selected.
 */
void                    ssr_map_canvas_edit_item          (GtkWidget              *widget,
                                                           SsrItem                *item);

/*
 * Installs on a page class the actions its toolbar and keys share with
 * every canvas page — map.zoom-in, map.zoom-out, map.zoom-reset (with
 * Ctrl+plus, Ctrl+minus, Ctrl+0), map.export and map.edit — acting on the
 * SsrMapCanvas the page holds at @canvas_offset
 * (G_STRUCT_OFFSET (SsrThePage, canvas)).
 */
void                    ssr_map_canvas_install_page_actions (GtkWidgetClass     *page_class,
                                                             gsize               canvas_offset);

G_END_DECLS
