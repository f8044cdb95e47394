/* ssr-map-canvas.c: an interactive view of the sector map or the coordination diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-map-canvas"

#include "config.h"

#include "ssr-map-canvas.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ssr-actor.h"
#include "ssr-coordination-diagram.h"
#include "ssr-core-enums.h"
#include "ssr-item-fields.h"
#include "ssr-item-page.h"
#include "ssr-map-layout.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-picture.h"
#include "ssr-relation.h"
#include "ssr-sector-map.h"
#include "ssr-term.h"
#include "ssr-xml.h"

#define MIN_ZOOM            0.25
/* How much one zoom-in or zoom-out action of a page changes the zoom. */
#define PAGE_ZOOM_STEP      1.25
#define MAX_ZOOM            12.0
/* Widget pixels: how far a press moves before it is a drag, how near a
 * line a click picks it, and the handle that draws a relation. */
#define DRAG_THRESHOLD      4.0
#define EDGE_PICK_DISTANCE  5.0
#define MIN_PICK_RADIUS     5.0
#define HANDLE_RADIUS       6.0
#define HANDLE_GAP          5.0
/* Arrow keys move the selection by this many widget pixels (Shift: more);
 * a burst of presses becomes one undo step once the keys rest. */
#define NUDGE_STEP          4
#define NUDGE_BIG_STEP      24
#define NUDGE_COMMIT_MS     700
/* A zoom shows the picture scaled at once and draws it sharp when the
 * zooming rests. */
#define RERENDER_DELAY_MS   150
#define WHEEL_STEP          48.0
#define WHEEL_ZOOM          1.15
#define DEFAULT_RELATION_TYPE "coordination"

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RUBBER_BAND,
  DRAG_RELATION,
} DragMode;

/* An item as the picture shows it, in picture coordinates. */
typedef struct
{
  SsrItem  *item;
  double    x;
  double    y;
  double    half_width;
  double    half_height;
  gboolean  round;
} SceneNode;

typedef struct
{
  SsrRelation *relation;
  guint        source;
  guint        target;
} SceneEdge;

struct _SsrMapCanvas
{
  GtkWidget           parent_instance;

  SsrMapCanvasMode    mode;
  SsrAssessment      *document;
  SsrFramework       *framework;

  /* what the picture shows */
  SsrRenderOptions    options;
  char               *color_by;
  GStrv               categories;
  GStrv               relation_types;
  GHashTable         *highlighted;

  /* the items shown (the accessible list) and the selection over them */
  GtkCustomFilter    *actor_filter;
  GtkCustomFilter    *relation_filter;
  GtkFilterListModel *actor_list;
  GtkFilterListModel *relation_list;
  GHashTable         *members;
  GListModel         *items;
  GtkMultiSelection  *selection;
  GHashTable         *selected_ids;
  GHashTable         *positions;
  GPtrArray          *bound_rows;

  /* the geometry of the picture at zoom 1, for hit tests and overlays */
  gboolean            scene_valid;
  int                 scene_width;
  int                 scene_height;
  double              base_width;
  double              base_height;
  cairo_matrix_t      map_transform;
  SsrSectorMap       *sector_map;       /* laid out once, drawn at every zoom */
  GArray             *nodes;
  GHashTable         *node_index;
  GArray             *edges;
  GHashTable         *box_cache;

  /* the view: widget = picture × zoom + offset */
  double              zoom;
  double              offset_x;
  double              offset_y;

  /* the picture drawn last, and the part of the zoomed picture it covers */
  GdkTexture         *texture;
  gboolean            texture_dirty;
  double              texture_zoom;
  int                 texture_scale;
  graphene_rect_t     texture_rect;
  guint               rerender_source;

  /* pointer and keyboard */
  DragMode            drag_mode;
  double              press_x;
  double              press_y;
  double              drag_dx;
  double              drag_dy;
  gboolean            drag_moved;
  double              pan_start_x;
  double              pan_start_y;
  char               *relation_source;
  char               *relation_target;
  GtkGesture         *drag_gesture;
  double              zoom_gesture_start;
  double              pointer_x;
  double              pointer_y;
  char               *hover_id;
  char               *focus_id;
  /* the focus came by the keyboard: its ring shows */
  gboolean            keyboard_focus;
  /* the actors a drag or the arrow keys are moving */
  GHashTable         *moving_ids;
  double              nudge_dx;
  double              nudge_dy;
  guint               nudge_source;

  GtkWidget          *context_menu;
  GtkNativeDialog    *export_chooser;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (SsrMapCanvas, ssr_map_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ssr_map_canvas_invalidate (SsrMapCanvas *self);
static void ssr_map_canvas_commit_nudge (SsrMapCanvas *self);
static void move_actors (SsrMapCanvas *self,
                         GHashTable   *ids,
                         double        dx,
                         double        dy);

static const char *
item_id (gpointer item)
{
  return ssr_item_get_id (SSR_ITEM (item));
}

static void
scene_node_clear (gpointer data)
{
  SceneNode *node = data;

  g_clear_object (&node->item);
}

static void
scene_edge_clear (gpointer data)
{
  SceneEdge *edge = data;

  g_clear_object (&edge->relation);
}

static void
scene_node_free (gpointer data)
{
  SceneNode *node = data;

  if (node == NULL)
    return;
  scene_node_clear (node);
  g_free (node);
}

/* What is shown */

static gboolean
actor_visible_cb (gpointer item,
                  gpointer user_data)
{
  SsrMapCanvas *self = user_data;
  SsrActor *actor = SSR_ACTOR (item);

  if (self->mode == SSR_MAP_CANVAS_COORDINATION)
    return self->members != NULL && g_hash_table_contains (self->members, item_id (actor));

  return self->categories == NULL ||
         (ssr_actor_get_category (actor) != NULL &&
          g_strv_contains ((const char * const *) self->categories, ssr_actor_get_category (actor)));
}

static gboolean
actor_id_visible (SsrMapCanvas *self,
                  const char   *id)
{
  SsrItem *item = id != NULL ? ssr_assessment_lookup (self->document, id) : NULL;

  return SSR_IS_ACTOR (item) && actor_visible_cb (item, self);
}

static gboolean
relation_visible_cb (gpointer item,
                     gpointer user_data)
{
  SsrMapCanvas *self = user_data;
  SsrRelation *relation = SSR_RELATION (item);
  const char *type = ssr_relation_get_relation_type (relation);

  if (self->relation_types != NULL &&
      (type == NULL || !g_strv_contains ((const char * const *) self->relation_types, type)))
    return FALSE;

  return g_strcmp0 (ssr_relation_get_source (relation), ssr_relation_get_target (relation)) != 0 &&
         actor_id_visible (self, ssr_relation_get_source (relation)) &&
         actor_id_visible (self, ssr_relation_get_target (relation));
}

/* National counterparts appear when a mechanism names them. */
static void
collect_members (SsrMapCanvas *self)
{
  GListModel *mechanisms = ssr_assessment_get_mechanisms (self->document);

  g_clear_pointer (&self->members, g_hash_table_unref);
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (mechanisms); i++)
    {
      g_autoptr(SsrMechanism) mechanism = g_list_model_get_item (mechanisms, i);
      const char * const *members = ssr_mechanism_get_members (mechanism);
      const char *lead = ssr_mechanism_get_lead (mechanism);

      for (guint k = 0; members != NULL && members[k] != NULL; k++)
        g_hash_table_add (self->members, g_strdup (members[k]));
      if (lead != NULL)
        g_hash_table_add (self->members, g_strdup (lead));
    }
}

static void
ssr_map_canvas_refilter (SsrMapCanvas *self)
{
  if (self->document == NULL)
    return;

  if (self->mode == SSR_MAP_CANVAS_COORDINATION)
    collect_members (self);

  gtk_filter_changed (GTK_FILTER (self->actor_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->relation_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->relation_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The nodes Tab goes through: the actors of the map, every box of the diagram. */
static guint
n_focusable (SsrMapCanvas *self)
{
  if (self->items == NULL)
    return 0;
  if (self->mode == SSR_MAP_CANVAS_SECTOR_MAP)
    return g_list_model_get_n_items (G_LIST_MODEL (self->actor_list));

  return g_list_model_get_n_items (self->items);
}

/**
 * ssr_map_canvas_get_summary:
 * @self: a #SsrMapCanvas
 *
 * Returns: (transfer full): what the picture shows, counted
 */
char *
ssr_map_canvas_get_summary (SsrMapCanvas *self)
{
  guint n_actors;

  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), NULL);

  if (self->items == NULL)
    return g_strdup ("");

  n_actors = g_list_model_get_n_items (G_LIST_MODEL (self->actor_list));

  if (self->mode == SSR_MAP_CANVAS_SECTOR_MAP)
    {
      guint n_relations = g_list_model_get_n_items (G_LIST_MODEL (self->relation_list));
      g_autofree char *actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n_actors),
                                                 n_actors);
      g_autofree char *relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                                                 n_relations),
                                                    n_relations);

      /* Translators: what the map shows: "45 actors, 72 relations" */
      return g_strdup_printf (_("%s, %s"), actors, relations);
    }
  else
    {
      guint n_organisations = g_list_model_get_n_items (ssr_assessment_get_organisations (self->document));
      guint n_mechanisms = g_list_model_get_n_items (ssr_assessment_get_mechanisms (self->document));
      g_autofree char *organisations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organisation",
                                                                     "%u organisations", n_organisations),
                                                        n_organisations);
      g_autofree char *mechanisms = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mechanism",
                                                                  "%u mechanisms", n_mechanisms),
                                                     n_mechanisms);
      g_autofree char *actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u national counterpart",
                                                              "%u national counterparts", n_actors),
                                                 n_actors);

      /* Translators: what the diagram shows: "4 organisations, 3 mechanisms, 9 national counterparts" */
      return g_strdup_printf (_("%s, %s, %s"), organisations, mechanisms, actors);
    }
}

static void
update_accessible_label (SsrMapCanvas *self)
{
  g_autofree char *summary = ssr_map_canvas_get_summary (self);
  const char *title = self->mode == SSR_MAP_CANVAS_SECTOR_MAP ? _("Security-sector map") : _("Coordination diagram");
  g_autofree char *label = NULL;

  /* Translators: the accessible name of a picture: "Security-sector map: 45 actors, 72 relations" */
  label = summary[0] != '\0' ? g_strdup_printf (_("%s: %s"), title, summary) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Positions and selection */

static guint
position_of (SsrMapCanvas *self,
             const char   *id)
{
  if (self->items == NULL || id == NULL)
    return GTK_INVALID_LIST_POSITION;

  if (self->positions == NULL)
    {
      guint n_items = g_list_model_get_n_items (self->items);

      self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(SsrItem) item = g_list_model_get_item (self->items, i);

          g_hash_table_insert (self->positions, g_strdup (item_id (item)), GUINT_TO_POINTER (i + 1));
        }
    }

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, id)) - 1;
}

static GHashTable *
selected_ids (SsrMapCanvas *self)
{
  if (self->selected_ids == NULL)
    {
      g_autoptr(GtkBitset) selected = NULL;
      GtkBitsetIter iter;
      guint position;

      self->selected_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (self->selection == NULL)
        return self->selected_ids;

      selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
      for (gboolean valid = gtk_bitset_iter_init_first (&iter, selected, &position);
           valid;
           valid = gtk_bitset_iter_next (&iter, &position))
        {
          g_autoptr(SsrItem) item = g_list_model_get_item (self->items, position);

          g_hash_table_add (self->selected_ids, g_strdup (item_id (item)));
        }
    }

  return self->selected_ids;
}

static gboolean
is_selected (SsrMapCanvas *self,
             const char   *id)
{
  return id != NULL && g_hash_table_contains (selected_ids (self), id);
}

static gboolean
is_moving (SsrMapCanvas *self,
           const char   *id)
{
  return self->moving_ids != NULL && id != NULL && g_hash_table_contains (self->moving_ids, id);
}

/* The selected actors, as a drag or the arrow keys start to move them. */
static void
start_moving (SsrMapCanvas *self)
{
  GHashTableIter iter;
  const char *id;

  if (self->moving_ids != NULL)
    return;

  self->moving_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, selected_ids (self));
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_hash_table_add (self->moving_ids, g_strdup (id));
}

static void
select_only (SsrMapCanvas *self,
             const char   *id)
{
  guint position = position_of (self, id);

  if (position == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

static void
toggle_selected (SsrMapCanvas *self,
                 const char   *id)
{
  guint position = position_of (self, id);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  if (is_selected (self, id))
    gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (self->selection), position);
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
}

static void
set_focus_id (SsrMapCanvas *self,
              const char   *id)
{
  if (g_strcmp0 (self->focus_id, id) == 0)
    return;

  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
selection_changed_cb (SsrMapCanvas *self)
{
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  ssr_map_canvas_commit_nudge (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
items_changed_cb (SsrMapCanvas *self)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  ssr_map_canvas_invalidate (self);
  update_accessible_label (self);
}

/* Scene: where each item is in the picture at zoom 1 */

static void
ssr_map_canvas_clear_scene (SsrMapCanvas *self)
{
  self->scene_valid = FALSE;
  g_clear_object (&self->sector_map);
  g_array_set_size (self->nodes, 0);
  g_array_set_size (self->edges, 0);
  g_hash_table_remove_all (self->node_index);
  g_hash_table_remove_all (self->box_cache);
}

static void
build_sector_scene (SsrMapCanvas *self)
{
  GListModel *actors = G_LIST_MODEL (self->actor_list);
  GListModel *relations = G_LIST_MODEL (self->relation_list);

  /* The scene's nodes are where the map put them. */
  self->sector_map = ssr_sector_map_new (self->framework, self->document, &self->options,
                                        self->base_width, self->base_height);
  ssr_sector_map_get_matrix (self->sector_map, &self->map_transform);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrItem) actor = g_list_model_get_item (actors, i);
      SceneNode node = { .round = TRUE };
      double radius;

      if (!ssr_sector_map_get_actor_area (self->sector_map, item_id (actor), &node.x, &node.y, &radius))
        continue;

      node.item = g_object_ref (actor);
      node.half_width = node.half_height = radius;
      g_hash_table_insert (self->node_index, (gpointer) item_id (actor), GUINT_TO_POINTER (self->nodes->len + 1));
      g_array_append_val (self->nodes, node);
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      guint source = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, ssr_relation_get_source (relation)));
      guint target = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, ssr_relation_get_target (relation)));
      SceneEdge edge;

      if (source == 0 || target == 0)
        continue;

      edge.relation = g_object_ref (relation);
      edge.source = source - 1;
      edge.target = target - 1;
      g_array_append_val (self->edges, edge);
    }
}

static void
ssr_map_canvas_ensure_scene (SsrMapCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scene_valid && width == self->scene_width && height == self->scene_height)
    return;

  ssr_map_canvas_clear_scene (self);
  self->scene_valid = TRUE;
  self->scene_width = width;
  self->scene_height = height;
  self->base_width = MAX (width, 1);
  self->base_height = MAX (height, 1);
  cairo_matrix_init_identity (&self->map_transform);

  if (self->document == NULL || width <= 0 || height <= 0)
    return;

  if (self->mode == SSR_MAP_CANVAS_SECTOR_MAP)
    {
      build_sector_scene (self);
    }
  else
    {
      /* The diagram keeps its rows readable: it grows taller than the
       * view when it has many, and the view scrolls. */
      double natural = ssr_coordination_diagram_get_natural_height (self->framework, self->document,
                                                                    &self->options, width);

      self->base_height = MAX (self->base_height, ceil (natural));
    }
}

/* The node of @id in picture coordinates, or NULL when it is not shown. */
static const SceneNode *
lookup_node (SsrMapCanvas *self,
             const char   *id)
{
  SceneNode *node;
  double x, y, width, height;

  if (id == NULL || self->document == NULL)
    return NULL;

  ssr_map_canvas_ensure_scene (self);

  if (self->mode == SSR_MAP_CANVAS_SECTOR_MAP)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, id));

      return index > 0 ? &g_array_index (self->nodes, SceneNode, index - 1) : NULL;
    }

  /* The diagram's boxes are looked up as they are needed: a few at a time. */
  if (g_hash_table_lookup_extended (self->box_cache, id, NULL, (gpointer *) &node))
    return node;

  node = NULL;
  if (ssr_coordination_diagram_get_item_area (self->framework, self->document, &self->options,
                                              self->base_width, self->base_height, id,
                                              &x, &y, &width, &height))
    {
      node = g_new0 (SceneNode, 1);
      node->item = g_object_ref (ssr_assessment_lookup (self->document, id));
      node->half_width = width / 2;
      node->half_height = height / 2;
      node->x = x + node->half_width;
      node->y = y + node->half_height;
    }
  g_hash_table_insert (self->box_cache, g_strdup (id), node);

  return node;
}

/* View */

static void
picture_to_widget (SsrMapCanvas *self,
                   double        px,
                   double        py,
                   double       *x,
                   double       *y)
{
  *x = px * self->zoom + self->offset_x;
  *y = py * self->zoom + self->offset_y;
}

static void
widget_to_picture (SsrMapCanvas *self,
                   double        x,
                   double        y,
                   double       *px,
                   double       *py)
{
  *px = (x - self->offset_x) / self->zoom;
  *py = (y - self->offset_y) / self->zoom;
}

/* A picture larger than the view fills it; a smaller one stays inside. */
static void
clamp_offset (SsrMapCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double picture_width = self->base_width * self->zoom;
  double picture_height = self->base_height * self->zoom;

  self->offset_x = CLAMP (self->offset_x, MIN (0, width - picture_width), MAX (0, width - picture_width));
  self->offset_y = CLAMP (self->offset_y, MIN (0, height - picture_height), MAX (0, height - picture_height));
}

static gboolean
rerender_cb (gpointer user_data)
{
  SsrMapCanvas *self = user_data;

  self->rerender_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
zoom_at (SsrMapCanvas *self,
         double        x,
         double        y,
         double        zoom)
{
  double px, py;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  ssr_map_canvas_ensure_scene (self);
  widget_to_picture (self, x, y, &px, &py);
  self->zoom = zoom;
  self->offset_x = x - px * zoom;
  self->offset_y = y - py * zoom;
  clamp_offset (self);

  /* meanwhile the picture drawn last is shown scaled */
  g_clear_handle_id (&self->rerender_source, g_source_remove);
  self->rerender_source = g_timeout_add (RERENDER_DELAY_MS, rerender_cb, self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
scroll_into_view (SsrMapCanvas *self,
                  const char   *id)
{
  const SceneNode *node = lookup_node (self, id);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x, y, margin_x, margin_y;

  if (node == NULL)
    return;

  picture_to_widget (self, node->x, node->y, &x, &y);
  margin_x = MIN (width / 2, node->half_width * self->zoom + 24);
  margin_y = MIN (height / 2, node->half_height * self->zoom + 24);
  if (x < margin_x)
    self->offset_x += margin_x - x;
  else if (x > width - margin_x)
    self->offset_x -= x - (width - margin_x);
  if (y < margin_y)
    self->offset_y += margin_y - y;
  else if (y > height - margin_y)
    self->offset_y -= y - (height - margin_y);
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The picture: drawn by the render layer into an image, shown as a texture */

static void
ssr_map_canvas_invalidate (SsrMapCanvas *self)
{
  ssr_map_canvas_clear_scene (self);
  self->texture_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_picture (SsrMapCanvas *self,
              cairo_t      *cr)
{
  ssr_map_canvas_ensure_scene (self);
  if (self->mode == SSR_MAP_CANVAS_SECTOR_MAP && self->sector_map != NULL)
    ssr_sector_map_render (self->sector_map, cr);
  else if (self->mode == SSR_MAP_CANVAS_COORDINATION)
    ssr_coordination_diagram_draw (cr, self->framework, self->document, &self->options,
                                   self->base_width, self->base_height);
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32, premultiplied, in native order. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Draws the part @region of the picture zoomed at the current zoom. */
static void
render_texture (SsrMapCanvas          *self,
                const graphene_rect_t *region)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = MAX (1, (int) ceil (region->size.width * scale));
  int height = MAX (1, (int) ceil (region->size.height * scale));
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -region->origin.x, -region->origin.y);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_picture (self, cr);
  cairo_destroy (cr);

  g_clear_object (&self->texture);
  self->texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);

  self->texture_rect = *region;
  self->texture_zoom = self->zoom;
  self->texture_scale = scale;
  self->texture_dirty = FALSE;

  g_debug ("Drew the picture at %d × %d pixels in %.1f ms", width, height,
           (g_get_monotonic_time () - start) / 1000.0);
}

/* Draws the picture again only when what is in view is not drawn already:
 * panning within the drawn margin and hovering just show it again. */
static void
ensure_texture (SsrMapCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t picture, view, needed, region;
  gboolean covered;

  graphene_rect_init (&picture, 0, 0, self->base_width * self->zoom, self->base_height * self->zoom);
  graphene_rect_init (&view, -self->offset_x, -self->offset_y, width, height);
  if (!graphene_rect_intersection (&picture, &view, &needed))
    return;

  if (self->texture != NULL && !self->texture_dirty &&
      self->texture_scale == gtk_widget_get_scale_factor (GTK_WIDGET (self)))
    {
      /* while zooming, the last picture scaled is good enough */
      if (self->texture_zoom != self->zoom && self->rerender_source != 0)
        return;

      covered = self->texture_zoom == self->zoom &&
                graphene_rect_contains_rect (&self->texture_rect, &needed);
      if (covered)
        return;
    }

  /* Half a view of margin each way: the next pans are drawn already. */
  graphene_rect_inset (&view, -width / 2, -height / 2);
  graphene_rect_intersection (&picture, &view, &region);
  graphene_rect_round_extents (&region, &region);
  graphene_rect_intersection (&picture, &region, &region);
  render_texture (self, &region);
}

/* Overlays: selection, focus, hover, drags; drawn over the texture each frame */

static void
lookup_color (SsrMapCanvas *self,
              const char   *name,
              GdkRGBA      *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, "#3584e4");
}

/* The node's outline in widget coordinates, @inset pixels outside it. */
static void
node_outline (SsrMapCanvas    *self,
              const SceneNode *node,
              double           dx,
              double           dy,
              double           inset,
              GskRoundedRect  *outline)
{
  double x, y;
  double half_width = node->half_width * self->zoom + inset;
  double half_height = node->half_height * self->zoom + inset;
  double radius = node->round ? half_width : MIN (6 * self->zoom, node->half_height * self->zoom) + inset;

  picture_to_widget (self, node->x + dx, node->y + dy, &x, &y);
  gsk_rounded_rect_init_from_rect (outline,
                                   &GRAPHENE_RECT_INIT (x - half_width, y - half_height,
                                                        2 * half_width, 2 * half_height),
                                   MAX (0, radius));
}

static void
append_ring (GtkSnapshot     *snapshot,
             SsrMapCanvas    *self,
             const SceneNode *node,
             double           inset,
             double           line_width,
             const GdkRGBA   *color)
{
  GskRoundedRect outline;
  const float widths[4] = { line_width, line_width, line_width, line_width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  node_outline (self, node, 0, 0, inset + line_width, &outline);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
handle_center (SsrMapCanvas    *self,
               const SceneNode *node,
               double          *x,
               double          *y)
{
  picture_to_widget (self, node->x, node->y, x, y);
  *x += node->half_width * self->zoom + HANDLE_GAP + HANDLE_RADIUS;
}

/* The one selected actor carries a handle to draw relations from. */
static const SceneNode *
handle_node (SsrMapCanvas *self)
{
  GHashTable *selected = selected_ids (self);
  GHashTableIter iter;
  const char *id;

  if (self->mode != SSR_MAP_CANVAS_SECTOR_MAP || g_hash_table_size (selected) != 1 ||
      self->drag_mode == DRAG_MOVE || self->nudge_dx != 0 || self->nudge_dy != 0)
    return NULL;

  g_hash_table_iter_init (&iter, selected);
  g_hash_table_iter_next (&iter, (gpointer *) &id, NULL);

  return lookup_node (self, id);
}

static void
snapshot_handle (GtkSnapshot   *snapshot,
                 SsrMapCanvas  *self,
                 const GdkRGBA *accent)
{
  const SceneNode *node = handle_node (self);
  double x, y;
  cairo_t *cr;

  if (node == NULL)
    return;

  handle_center (self, node, &x, &y);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - HANDLE_RADIUS - 1, y - HANDLE_RADIUS - 1,
                                                                 2 * HANDLE_RADIUS + 2, 2 * HANDLE_RADIUS + 2));
  cairo_arc (cr, x, y, HANDLE_RADIUS, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, accent);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x - HANDLE_RADIUS / 2, y);
  cairo_line_to (cr, x + HANDLE_RADIUS / 2, y);
  cairo_move_to (cr, x, y - HANDLE_RADIUS / 2);
  cairo_line_to (cr, x, y + HANDLE_RADIUS / 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
line_bounds (graphene_rect_t *bounds,
             double           x0,
             double           y0,
             double           x1,
             double           y1)
{
  graphene_rect_t line;

  graphene_rect_init (&line, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  graphene_rect_inset (&line, -4, -4);
  graphene_rect_union (bounds, &line, bounds);
}

static void
edge_ends (SsrMapCanvas    *self,
           const SceneEdge *edge,
           double           dx,
           double           dy,
           double          *x0,
           double          *y0,
           double          *x1,
           double          *y1)
{
  const SceneNode *source = &g_array_index (self->nodes, SceneNode, edge->source);
  const SceneNode *target = &g_array_index (self->nodes, SceneNode, edge->target);
  gboolean source_moves = is_moving (self, item_id (source->item));
  gboolean target_moves = is_moving (self, item_id (target->item));

  picture_to_widget (self, source->x + (source_moves ? dx : 0), source->y + (source_moves ? dy : 0), x0, y0);
  picture_to_widget (self, target->x + (target_moves ? dx : 0), target->y + (target_moves ? dy : 0), x1, y1);
}

/* Selected relations: a wide accent band along their line. */
static void
snapshot_selected_edges (GtkSnapshot   *snapshot,
                         SsrMapCanvas  *self,
                         const GdkRGBA *accent)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  gboolean any = FALSE;
  cairo_t *cr;

  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          if (!any)
            return;
          cr = gtk_snapshot_append_cairo (snapshot, &bounds);
          gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { accent->red, accent->green, accent->blue, 0.55 });
          cairo_set_line_width (cr, 5);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        }

      for (guint i = 0; i < self->edges->len; i++)
        {
          const SceneEdge *edge = &g_array_index (self->edges, SceneEdge, i);
          double x0, y0, x1, y1;

          if (!is_selected (self, item_id (edge->relation)))
            continue;

          edge_ends (self, edge, 0, 0, &x0, &y0, &x1, &y1);
          if (pass == 0)
            {
              line_bounds (&bounds, x0, y0, x1, y1);
              any = TRUE;
            }
          else
            {
              cairo_move_to (cr, x0, y0);
              cairo_line_to (cr, x1, y1);
            }
        }
    }

  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* Where moved actors will go, with their relations, while the move is not done. */
static void
snapshot_moving (GtkSnapshot   *snapshot,
                 SsrMapCanvas  *self,
                 double         dx,
                 double         dy,
                 const GdkRGBA *accent)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  gboolean any_edge = FALSE;
  cairo_t *cr;

  for (guint i = 0; i < self->edges->len; i++)
    {
      const SceneEdge *edge = &g_array_index (self->edges, SceneEdge, i);
      const SceneNode *source = &g_array_index (self->nodes, SceneNode, edge->source);
      const SceneNode *target = &g_array_index (self->nodes, SceneNode, edge->target);
      double x0, y0, x1, y1;

      if (!is_moving (self, item_id (source->item)) && !is_moving (self, item_id (target->item)))
        continue;
      edge_ends (self, edge, dx, dy, &x0, &y0, &x1, &y1);
      line_bounds (&bounds, x0, y0, x1, y1);
      any_edge = TRUE;
    }

  if (any_edge)
    {
      static const double dashes[] = { 4, 3 };

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { accent->red, accent->green, accent->blue, 0.8 });
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      for (guint i = 0; i < self->edges->len; i++)
        {
          const SceneEdge *edge = &g_array_index (self->edges, SceneEdge, i);
          const SceneNode *source = &g_array_index (self->nodes, SceneNode, edge->source);
          const SceneNode *target = &g_array_index (self->nodes, SceneNode, edge->target);
          double x0, y0, x1, y1;

          if (!is_moving (self, item_id (source->item)) && !is_moving (self, item_id (target->item)))
            continue;
          edge_ends (self, edge, dx, dy, &x0, &y0, &x1, &y1);
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
        }
      cairo_stroke (cr);
      cairo_destroy (cr);
    }

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      GskRoundedRect outline;
      double red, green, blue;
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { *accent, *accent, *accent, *accent };

      if (!is_moving (self, item_id (node->item)))
        continue;

      ssr_sector_map_get_node_color (self->framework, SSR_ACTOR (node->item), &self->options, &red, &green, &blue);
      node_outline (self, node, dx, dy, 0, &outline);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { red, green, blue, 0.85 }, &outline.bounds);
      gtk_snapshot_pop (snapshot);
      node_outline (self, node, dx, dy, 2, &outline);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
snapshot_relation_draft (GtkSnapshot   *snapshot,
                         SsrMapCanvas  *self,
                         const GdkRGBA *accent)
{
  const SceneNode *source = lookup_node (self, self->relation_source);
  const SceneNode *target = lookup_node (self, self->relation_target);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  double x0, y0, x1, y1;
  cairo_t *cr;

  if (source == NULL || !self->drag_moved)
    return;

  picture_to_widget (self, source->x, source->y, &x0, &y0);
  if (target != NULL)
    {
      picture_to_widget (self, target->x, target->y, &x1, &y1);
      append_ring (snapshot, self, target, 3, 3, accent);
    }
  else
    {
      x1 = self->press_x + self->drag_dx;
      y1 = self->press_y + self->drag_dy;
    }

  line_bounds (&bounds, x0, y0, x1, y1);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, accent);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
snapshot_rubber_band (GtkSnapshot   *snapshot,
                      SsrMapCanvas  *self,
                      const GdkRGBA *accent)
{
  graphene_rect_t band;
  GskRoundedRect outline;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA colors[4] = { *accent, *accent, *accent, *accent };

  graphene_rect_init (&band, self->press_x, self->press_y, self->drag_dx, self->drag_dy);
  graphene_rect_normalize (&band);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { accent->red, accent->green, accent->blue, 0.15 }, &band);
  gsk_rounded_rect_init_from_rect (&outline, &band, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* Thin bars, as overlay scrollbars are, when the picture is larger than the view. */
static void
snapshot_scroll_indicators (GtkSnapshot   *snapshot,
                            SsrMapCanvas  *self,
                            const GdkRGBA *ink)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double picture_width = self->base_width * self->zoom;
  double picture_height = self->base_height * self->zoom;
  GdkRGBA color = { ink->red, ink->green, ink->blue, 0.35 };
  GskRoundedRect bar;

  if (picture_width > width + 0.5)
    {
      double length = MAX (24, width * width / picture_width);
      double start = (width - length) * (-self->offset_x) / (picture_width - width);

      gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (start, height - 6, length, 4), 2);
      gtk_snapshot_push_rounded_clip (snapshot, &bar);
      gtk_snapshot_append_color (snapshot, &color, &bar.bounds);
      gtk_snapshot_pop (snapshot);
    }

  if (picture_height > height + 0.5)
    {
      double length = MAX (24, height * height / picture_height);
      double start = (height - length) * (-self->offset_y) / (picture_height - height);

      gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (width - 6, start, 4, length), 2);
      gtk_snapshot_push_rounded_clip (snapshot, &bar);
      gtk_snapshot_append_color (snapshot, &color, &bar.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
snapshot_overlays (GtkSnapshot  *snapshot,
                   SsrMapCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GHashTable *selected = selected_ids (self);
  GHashTableIter iter;
  const char *id;
  const SceneNode *node;
  /* the paper is white in the dark style too: a dark ink shows on it */
  const GdkRGBA ink = { 0.12, 0.12, 0.13, 1 };
  GdkRGBA accent;

  lookup_color (self, "accent_color", &accent);

  if (self->mode == SSR_MAP_CANVAS_SECTOR_MAP)
    snapshot_selected_edges (snapshot, self, &accent);

  g_hash_table_iter_init (&iter, selected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      if ((node = lookup_node (self, id)) != NULL)
        append_ring (snapshot, self, node, 2, 3, &accent);
    }

  if (self->hover_id != NULL && !is_selected (self, self->hover_id) &&
      (node = lookup_node (self, self->hover_id)) != NULL)
    append_ring (snapshot, self, node, 1, 2, &(GdkRGBA) { ink.red, ink.green, ink.blue, 0.45 });

  if (gtk_widget_is_focus (widget) && self->keyboard_focus &&
      (node = lookup_node (self, self->focus_id)) != NULL)
    append_ring (snapshot, self, node, 7, 2, &(GdkRGBA) { accent.red, accent.green, accent.blue, 0.7 });

  snapshot_handle (snapshot, self, &accent);

  if (self->drag_mode == DRAG_MOVE && self->drag_moved)
    snapshot_moving (snapshot, self, self->drag_dx / self->zoom, self->drag_dy / self->zoom, &accent);
  else if (self->nudge_dx != 0 || self->nudge_dy != 0)
    snapshot_moving (snapshot, self, self->nudge_dx, self->nudge_dy, &accent);
  else if (self->drag_mode == DRAG_RUBBER_BAND && self->drag_moved)
    snapshot_rubber_band (snapshot, self, &accent);
  else if (self->drag_mode == DRAG_RELATION)
    snapshot_relation_draft (snapshot, self, &accent);

  snapshot_scroll_indicators (snapshot, self, &ink);
}

static void
ssr_map_canvas_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);
  graphene_rect_t paper;
  double scale;

  if (self->document == NULL || gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;

  ssr_map_canvas_ensure_scene (self);
  clamp_offset (self);
  ensure_texture (self);

  graphene_rect_init (&paper, self->offset_x, self->offset_y,
                      self->base_width * self->zoom, self->base_height * self->zoom);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget)));
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &paper);

  if (self->texture != NULL)
    {
      scale = self->zoom / self->texture_zoom;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->offset_x, self->offset_y));
      gtk_snapshot_scale (snapshot, scale, scale);
      gtk_snapshot_append_texture (snapshot, self->texture, &self->texture_rect);
      gtk_snapshot_restore (snapshot);
    }

  snapshot_overlays (snapshot, self);
  gtk_snapshot_pop (snapshot);
}

/* Hit testing */

static double
distance_to_segment (double px,
                     double py,
                     double x0,
                     double y0,
                     double x1,
                     double y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double length = dx * dx + dy * dy;
  double t = length > 0 ? CLAMP (((px - x0) * dx + (py - y0) * dy) / length, 0, 1) : 0;

  return hypot (px - (x0 + t * dx), py - (y0 + t * dy));
}

static SsrItem *
pick_node (SsrMapCanvas *self,
           double        x,
           double        y)
{
  double px, py, best = G_MAXDOUBLE;
  SsrItem *hit = NULL;

  if (self->document == NULL)
    return NULL;

  ssr_map_canvas_ensure_scene (self);
  widget_to_picture (self, x, y, &px, &py);

  if (self->mode == SSR_MAP_CANVAS_COORDINATION)
    {
      g_autofree char *id = NULL;

      if (ssr_coordination_diagram_hit_test (self->framework, self->document, &self->options,
                                             self->base_width, self->base_height, px, py, &id))
        return ssr_assessment_lookup (self->document, id);
      return NULL;
    }

  /* Small nodes get a little slack, so that a click still finds them. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      double distance = hypot (px - node->x, py - node->y);

      if (distance <= MAX (node->half_width, MIN_PICK_RADIUS / self->zoom) && distance < best)
        {
          best = distance;
          hit = node->item;
        }
    }

  return hit;
}

static SsrItem *
pick_edge (SsrMapCanvas *self,
           double        x,
           double        y)
{
  double best = EDGE_PICK_DISTANCE;
  SsrItem *hit = NULL;

  if (self->mode != SSR_MAP_CANVAS_SECTOR_MAP)
    return NULL;

  for (guint i = 0; i < self->edges->len; i++)
    {
      const SceneEdge *edge = &g_array_index (self->edges, SceneEdge, i);
      const SceneNode *source = &g_array_index (self->nodes, SceneNode, edge->source);
      const SceneNode *target = &g_array_index (self->nodes, SceneNode, edge->target);
      double x0, y0, x1, y1, distance;

      picture_to_widget (self, source->x, source->y, &x0, &y0);
      picture_to_widget (self, target->x, target->y, &x1, &y1);
      distance = distance_to_segment (x, y, x0, y0, x1, y1);
      if (distance <= best)
        {
          best = distance;
          hit = SSR_ITEM (edge->relation);
        }
    }

  return hit;
}

static gboolean
pick_handle (SsrMapCanvas *self,
             double        x,
             double        y)
{
  const SceneNode *node = handle_node (self);
  double hx, hy;

  if (node == NULL)
    return FALSE;

  handle_center (self, node, &hx, &hy);

  return hypot (x - hx, y - hy) <= HANDLE_RADIUS + 2;
}

/* Pointer */

static void
set_hover (SsrMapCanvas *self,
           SsrItem      *item)
{
  const char *id = item != NULL ? item_id (item) : NULL;

  if (g_strcmp0 (self->hover_id, id) == 0)
    return;

  g_free (self->hover_id);
  self->hover_id = g_strdup (id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_cursor (SsrMapCanvas *self)
{
  const char *cursor = NULL;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
    case DRAG_MOVE:
      cursor = self->drag_moved ? "grabbing" : NULL;
      break;

    case DRAG_RELATION:
      cursor = "crosshair";
      break;

    case DRAG_RUBBER_BAND:
    case DRAG_NONE:
    default:
      if (pick_handle (self, self->pointer_x, self->pointer_y))
        cursor = "crosshair";
      else if (self->hover_id != NULL)
        cursor = "pointer";
      break;
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
press (SsrMapCanvas    *self,
       double           x,
       double           y,
       GdkModifierType  state)
{
  gboolean additive = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;
  gboolean sector = self->mode == SSR_MAP_CANVAS_SECTOR_MAP;
  SsrItem *item;

  ssr_map_canvas_commit_nudge (self);

  self->keyboard_focus = FALSE;
  self->press_x = x;
  self->press_y = y;
  self->drag_dx = 0;
  self->drag_dy = 0;
  self->drag_moved = FALSE;
  self->drag_mode = DRAG_NONE;
  g_clear_pointer (&self->relation_source, g_free);
  g_clear_pointer (&self->relation_target, g_free);

  if (self->document == NULL)
    return;

  if (sector && pick_handle (self, x, y))
    {
      self->drag_mode = DRAG_RELATION;
      self->relation_source = g_strdup (item_id (handle_node (self)->item));
      return;
    }

  item = pick_node (self, x, y);
  if (item == NULL && sector)
    item = pick_edge (self, x, y);

  if (item == NULL)
    {
      self->drag_mode = additive && sector ? DRAG_RUBBER_BAND : DRAG_PAN;
      self->pan_start_x = self->offset_x;
      self->pan_start_y = self->offset_y;
      return;
    }

  if (sector && SSR_IS_ACTOR (item) && (state & GDK_ALT_MASK) != 0)
    {
      self->drag_mode = DRAG_RELATION;
      self->relation_source = g_strdup (item_id (item));
      return;
    }

  if (additive)
    toggle_selected (self, item_id (item));
  else if (!is_selected (self, item_id (item)))
    select_only (self, item_id (item));

  if (!SSR_IS_RELATION (item))
    set_focus_id (self, item_id (item));
  if (sector && SSR_IS_ACTOR (item) && is_selected (self, item_id (item)))
    {
      self->drag_mode = DRAG_MOVE;
      g_clear_pointer (&self->moving_ids, g_hash_table_unref);
      start_moving (self);
    }
}

static void
drag_to (SsrMapCanvas *self,
         double        dx,
         double        dy)
{
  if (self->drag_mode == DRAG_NONE)
    return;
  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  self->drag_moved = TRUE;
  self->drag_dx = dx;
  self->drag_dy = dy;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      self->offset_x = self->pan_start_x + dx;
      self->offset_y = self->pan_start_y + dy;
      clamp_offset (self);
      break;

    case DRAG_RELATION:
      {
        SsrItem *target = pick_node (self, self->press_x + dx, self->press_y + dy);

        g_clear_pointer (&self->relation_target, g_free);
        if (SSR_IS_ACTOR (target) && g_strcmp0 (item_id (target), self->relation_source) != 0)
          self->relation_target = g_strdup (item_id (target));
      }
      break;

    case DRAG_MOVE:
    case DRAG_RUBBER_BAND:
    case DRAG_NONE:
    default:
      break;
    }

  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_in_band (SsrMapCanvas *self)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  graphene_rect_t band;

  graphene_rect_init (&band, self->press_x, self->press_y, self->drag_dx, self->drag_dy);
  graphene_rect_normalize (&band);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      double x, y;
      guint position;

      picture_to_widget (self, node->x, node->y, &x, &y);
      if (graphene_rect_contains_point (&band, &GRAPHENE_POINT_INIT (x, y)) &&
          (position = position_of (self, item_id (node->item))) != GTK_INVALID_LIST_POSITION)
        gtk_bitset_add (selected, position);
    }

  /* added to what was selected, as Shift and Ctrl do */
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, selected);
}

static void
release (SsrMapCanvas *self,
         double        dx,
         double        dy)
{
  DragMode mode = self->drag_mode;

  drag_to (self, dx, dy);
  self->drag_mode = DRAG_NONE;

  switch (mode)
    {
    case DRAG_PAN:
      if (!self->drag_moved)
        gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      break;

    case DRAG_MOVE:
      if (self->drag_moved)
        move_actors (self, self->moving_ids, self->drag_dx / self->zoom, self->drag_dy / self->zoom);
      g_clear_pointer (&self->moving_ids, g_hash_table_unref);
      break;

    case DRAG_RUBBER_BAND:
      if (self->drag_moved)
        select_in_band (self);
      break;

    case DRAG_RELATION:
      if (self->drag_moved && self->relation_target != NULL)
        ssr_map_canvas_add_relation (self, self->relation_source, self->relation_target);
      break;

    case DRAG_NONE:
    default:
      break;
    }

  g_clear_pointer (&self->relation_source, g_free);
  g_clear_pointer (&self->relation_target, g_free);
  self->drag_moved = FALSE;
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin_cb (SsrMapCanvas   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  press (self, x, y, state);
}

static void
drag_update_cb (SsrMapCanvas   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  drag_to (self, dx, dy);
}

static void
drag_end_cb (SsrMapCanvas   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  if (self->drag_mode != DRAG_NONE || self->drag_moved)
    release (self, dx, dy);
}

static void
drag_cancel (SsrMapCanvas *self)
{
  if (self->drag_mode == DRAG_PAN)
    {
      self->offset_x = self->pan_start_x;
      self->offset_y = self->pan_start_y;
    }
  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  g_clear_pointer (&self->moving_ids, g_hash_table_unref);
  g_clear_pointer (&self->relation_source, g_free);
  g_clear_pointer (&self->relation_target, g_free);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
double_click_cb (SsrMapCanvas    *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  SsrItem *item;

  if (n_press != 2)
    return;

  item = pick_node (self, x, y);
  if (item == NULL)
    item = pick_edge (self, x, y);
  if (item == NULL)
    return;

  drag_cancel (self);
  select_only (self, item_id (item));
  gtk_widget_activate_action (GTK_WIDGET (self), "map.edit", NULL);
}

static void
popup_context_menu (SsrMapCanvas *self,
                    double        x,
                    double        y)
{
  if (self->context_menu == NULL)
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
context_click_cb (SsrMapCanvas    *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  SsrItem *item = pick_node (self, x, y);

  if (item == NULL)
    item = pick_edge (self, x, y);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (item != NULL && !is_selected (self, item_id (item)))
    select_only (self, item_id (item));

  popup_context_menu (self, x, y);
}

static gboolean
scroll_cb (SsrMapCanvas             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (WHEEL_ZOOM, -dy) : pow (WHEEL_ZOOM, -dy / 20);

      zoom_at (self, self->pointer_x, self->pointer_y, self->zoom * factor);
      return TRUE;
    }

  /* Shift turns a mouse wheel sideways. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= WHEEL_STEP;
      dy *= WHEEL_STEP;
    }

  ssr_map_canvas_scroll_by (self, dx, dy);

  return TRUE;
}

static void
zoom_begin_cb (SsrMapCanvas   *self,
               GdkEventSequence *sequence,
               GtkGestureZoom *gesture)
{
  self->zoom_gesture_start = self->zoom;
  drag_cancel (self);
}

static void
zoom_changed_cb (SsrMapCanvas   *self,
                 double          scale,
                 GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  zoom_at (self, x, y, self->zoom_gesture_start * scale);
}

static void
motion_cb (SsrMapCanvas             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  SsrItem *item = NULL;

  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag_mode == DRAG_NONE)
    {
      item = pick_node (self, x, y);
      if (item == NULL)
        item = pick_edge (self, x, y);
      set_hover (self, item);
    }

  update_cursor (self);
}

static void
leave_cb (SsrMapCanvas             *self,
          GtkEventControllerMotion *controller)
{
  set_hover (self, NULL);
}

static gboolean
ssr_map_canvas_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);
  SsrItem *item = NULL;
  const SceneNode *node;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *markup = NULL;

  /* no tooltip over a drag or the context menu */
  if (self->document == NULL || self->drag_mode != DRAG_NONE ||
      (self->context_menu != NULL && gtk_widget_get_visible (self->context_menu)))
    return FALSE;

  if (keyboard_tooltip)
    item = self->focus_id != NULL ? ssr_assessment_lookup (self->document, self->focus_id) : NULL;
  else if ((item = pick_node (self, x, y)) == NULL)
    item = pick_edge (self, x, y);
  if (item == NULL)
    return FALSE;

  title = ssr_map_canvas_describe_item (self, item, &details);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", title, details);
  gtk_tooltip_set_markup (tooltip, markup);

  /* a tooltip per node: moving to the next one asks again */
  if ((node = lookup_node (self, item_id (item))) != NULL)
    {
      GskRoundedRect outline;

      node_outline (self, node, 0, 0, 0, &outline);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { floor (outline.bounds.origin.x),
                                                           floor (outline.bounds.origin.y),
                                                           ceil (outline.bounds.size.width),
                                                           ceil (outline.bounds.size.height) });
    }

  return TRUE;
}

/* Keyboard */

static void
focus_node_at (SsrMapCanvas *self,
               guint         position)
{
  g_autoptr(SsrItem) item = g_list_model_get_item (self->items, position);
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *description = NULL;

  if (item == NULL)
    return;

  self->keyboard_focus = TRUE;
  set_focus_id (self, item_id (item));
  select_only (self, item_id (item));
  scroll_into_view (self, item_id (item));

  /* what a screen reader can tell of the focused node */
  title = ssr_map_canvas_describe_item (self, item, &details);
  description = g_strdup_printf ("%s: %s", title, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static guint
focus_position (SsrMapCanvas *self)
{
  guint position = position_of (self, self->focus_id);

  return position < n_focusable (self) ? position : GTK_INVALID_LIST_POSITION;
}

/* Tab and Shift+Tab go through the nodes, then on to the next widget. */
static gboolean
ssr_map_canvas_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);
  guint n_nodes = n_focusable (self);
  guint position = focus_position (self);

  if (!gtk_widget_is_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      if (n_nodes > 0)
        focus_node_at (self, direction == GTK_DIR_TAB_BACKWARD ? n_nodes - 1 : 0);
      return TRUE;
    }

  if (direction == GTK_DIR_TAB_FORWARD)
    {
      position = position == GTK_INVALID_LIST_POSITION ? 0 : position + 1;
      if (position >= n_nodes)
        return FALSE;
    }
  else if (direction == GTK_DIR_TAB_BACKWARD)
    {
      if (position == GTK_INVALID_LIST_POSITION || position == 0)
        return FALSE;
      position--;
    }
  else
    {
      return FALSE;
    }

  focus_node_at (self, position);

  return TRUE;
}

static gboolean
nudge_commit_cb (gpointer user_data)
{
  SsrMapCanvas *self = user_data;

  self->nudge_source = 0;
  ssr_map_canvas_commit_nudge (self);

  return G_SOURCE_REMOVE;
}

static void
ssr_map_canvas_commit_nudge (SsrMapCanvas *self)
{
  double dx = self->nudge_dx, dy = self->nudge_dy;

  g_clear_handle_id (&self->nudge_source, g_source_remove);
  if (dx == 0 && dy == 0)
    return;

  self->nudge_dx = 0;
  self->nudge_dy = 0;
  move_actors (self, self->moving_ids, dx, dy);
  g_clear_pointer (&self->moving_ids, g_hash_table_unref);
}

static gboolean
has_selected_actor (SsrMapCanvas *self)
{
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, selected_ids (self));
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      if (SSR_IS_ACTOR (ssr_assessment_lookup (self->document, id)) && lookup_node (self, id) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Arrows move the selected actors; in the diagram they step through the boxes. */
static gboolean
arrow_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);

  if (self->document == NULL)
    return FALSE;

  if (self->mode == SSR_MAP_CANVAS_COORDINATION)
    {
      guint position = focus_position (self);
      guint n_nodes = n_focusable (self);

      if (n_nodes == 0)
        return FALSE;
      if (position == GTK_INVALID_LIST_POSITION)
        position = 0;
      else if (dx + dy > 0)
        position = MIN (position + 1, n_nodes - 1);
      else if (position > 0)
        position--;
      focus_node_at (self, position);
      return TRUE;
    }

  if (!has_selected_actor (self))
    {
      ssr_map_canvas_scroll_by (self, 4 * dx, 4 * dy);
      return TRUE;
    }

  start_moving (self);
  self->nudge_dx += dx / self->zoom;
  self->nudge_dy += dy / self->zoom;
  g_clear_handle_id (&self->nudge_source, g_source_remove);
  self->nudge_source = g_timeout_add (NUDGE_COMMIT_MS, nudge_commit_cb, self);
  gtk_widget_queue_draw (widget);

  return TRUE;
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);
  const SceneNode *node = lookup_node (self, self->focus_id);
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;

  if (node != NULL)
    picture_to_widget (self, node->x, node->y, &x, &y);
  popup_context_menu (self, x, y);

  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);

  if (self->drag_mode != DRAG_NONE)
    {
      /* cancelled first: the reset ends the drag, which must not commit */
      drag_cancel (self);
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
      return TRUE;
    }
  if (self->nudge_dx != 0 || self->nudge_dy != 0)
    {
      g_clear_handle_id (&self->nudge_source, g_source_remove);
      self->nudge_dx = self->nudge_dy = 0;
      g_clear_pointer (&self->moving_ids, g_hash_table_unref);
      gtk_widget_queue_draw (widget);
      return TRUE;
    }
  if (g_hash_table_size (selected_ids (self)) > 0)
    {
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      return TRUE;
    }

  return FALSE;
}

static gboolean
select_all_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);
  guint n_nodes = n_focusable (self);
  g_autoptr(GtkBitset) nodes = gtk_bitset_new_range (0, n_nodes);
  g_autoptr(GtkBitset) all = NULL;

  if (self->selection == NULL)
    return FALSE;

  all = gtk_bitset_new_range (0, g_list_model_get_n_items (self->items));
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), nodes, all);

  return TRUE;
}

static void
focus_leave_cb (SsrMapCanvas *self)
{
  ssr_map_canvas_commit_nudge (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Edits */

typedef struct
{
  SsrActor *actor;
  double    x;
  double    y;
} ActorMove;

static void
actor_move_clear (gpointer data)
{
  ActorMove *move = data;

  g_clear_object (&move->actor);
}

static void
move_actors (SsrMapCanvas *self,
             GHashTable   *ids,
             double        dx,
             double        dy)
{
  g_autoptr(GArray) moves = NULL;
  cairo_matrix_t inverse;
  GHashTableIter iter;
  const char *id;
  SsrHistory *history;

  if (self->document == NULL || self->mode != SSR_MAP_CANVAS_SECTOR_MAP || ids == NULL ||
      (dx == 0 && dy == 0))
    return;

  ssr_map_canvas_ensure_scene (self);
  inverse = self->map_transform;
  if (cairo_matrix_invert (&inverse) != CAIRO_STATUS_SUCCESS)
    return;

  /* every target first: the first edit changes the scene */
  moves = g_array_new (FALSE, TRUE, sizeof (ActorMove));
  g_array_set_clear_func (moves, actor_move_clear);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      const SceneNode *node = lookup_node (self, id);
      ActorMove move;

      if (node == NULL || !SSR_IS_ACTOR (node->item))
        continue;

      move.actor = g_object_ref (SSR_ACTOR (node->item));
      move.x = node->x + dx;
      move.y = node->y + dy;
      cairo_matrix_transform_point (&inverse, &move.x, &move.y);
      g_array_append_val (moves, move);
    }

  if (moves->len == 0)
    return;

  history = ssr_assessment_get_history (self->document);
  ssr_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Move actor", "Move actors", moves->len));
  for (guint i = 0; i < moves->len; i++)
    {
      const ActorMove *move = &g_array_index (moves, ActorMove, i);

      ssr_assessment_set (self->document, move->actor,
                          "x", move->x,
                          "y", move->y,
                          "positioned", TRUE,
                          NULL);
    }
  ssr_history_end_group (history);
}

/**
 * ssr_map_canvas_move_selection:
 * @self: a #SsrMapCanvas
 * @dx: the horizontal move, in picture pixels at zoom 1
 * @dy: the vertical move
 *
 * Moves the selected actors shown on the sector map, as one undoable
 * step; each keeps its new place (positioned) from then on.
 */
void
ssr_map_canvas_move_selection (SsrMapCanvas *self,
                               double        dx,
                               double        dy)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  ssr_map_canvas_commit_nudge (self);
  if (self->document != NULL)
    move_actors (self, selected_ids (self), dx, dy);
}

/**
 * ssr_map_canvas_relayout:
 * @self: a #SsrMapCanvas
 *
 * Places every actor where the automatic layout puts it, as if none had
 * been placed by hand, and keeps those places: one undoable step.
 */
void
ssr_map_canvas_relayout (SsrMapCanvas *self)
{
  g_autoptr(GHashTable) layout = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  SsrRenderOptions options;
  SsrHistory *history;
  GListModel *collection;

  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  if (self->document == NULL || self->mode != SSR_MAP_CANVAS_SECTOR_MAP)
    return;

  ssr_map_canvas_commit_nudge (self);
  collection = ssr_assessment_get_actors (self->document);
  if (g_list_model_get_n_items (collection) == 0)
    return;

  actors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (collection); i++)
    g_ptr_array_add (actors, g_list_model_get_item (collection, i));

  /* every actor, whatever the filters show */
  ssr_render_options_init (&options);

  history = ssr_assessment_get_history (self->document);
  ssr_history_begin_group (history, _("Re-layout map"));

  /* The layout keeps actors placed by hand where they are: forget those
   * places first, inside the same undoable step. */
  for (guint i = 0; i < actors->len; i++)
    ssr_assessment_set (self->document, g_ptr_array_index (actors, i), "positioned", FALSE, NULL);

  layout = ssr_map_layout_compute (self->framework, self->document, &options);
  for (guint i = 0; i < actors->len; i++)
    {
      SsrActor *actor = g_ptr_array_index (actors, i);
      const SsrMapPosition *position = g_hash_table_lookup (layout, item_id (actor));

      if (position != NULL)
        ssr_assessment_set (self->document, actor,
                            "x", position->x,
                            "y", position->y,
                            "positioned", TRUE,
                            NULL);
    }

  ssr_history_end_group (history);
}

static const char *
default_relation_type (SsrMapCanvas *self)
{
  GListModel *types = ssr_framework_get_list (self->framework, "relation-types");
  g_autoptr(SsrTerm) first = NULL;

  if (ssr_framework_lookup_in (self->framework, "relation-types", DEFAULT_RELATION_TYPE) != NULL)
    return DEFAULT_RELATION_TYPE;
  if (types == NULL || g_list_model_get_n_items (types) == 0)
    return DEFAULT_RELATION_TYPE;

  first = g_list_model_get_item (types, 0);
  return ssr_term_get_id (first);
}

/**
 * ssr_map_canvas_add_relation:
 * @self: a #SsrMapCanvas
 * @source_id: the id of an actor
 * @target_id: the id of another actor
 *
 * Adds a relation of the default type ("coordination") between the two
 * actors, as one undoable step, and selects it.
 *
 * Returns: (transfer none) (nullable): the new relation
 */
SsrItem *
ssr_map_canvas_add_relation (SsrMapCanvas *self,
                             const char   *source_id,
                             const char   *target_id)
{
  g_autofree char *id = NULL;
  g_autoptr(SsrRelation) relation = NULL;

  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), NULL);

  if (self->document == NULL || source_id == NULL || target_id == NULL ||
      g_str_equal (source_id, target_id) ||
      !SSR_IS_ACTOR (ssr_assessment_lookup (self->document, source_id)) ||
      !SSR_IS_ACTOR (ssr_assessment_lookup (self->document, target_id)))
    return NULL;

  id = ssr_item_new_id (SSR_TYPE_RELATION);
  relation = ssr_relation_new (id);
  /* not in the document yet: adding it is the undoable step */
  g_object_set (relation,
                "source", source_id,
                "target", target_id,
                "type", default_relation_type (self),
                NULL);
  ssr_assessment_add_item (self->document, SSR_ITEM (relation));
  select_only (self, id);

  return SSR_ITEM (relation);
}

/* Describing items: tooltips, the accessible list */

static const char *
term_name (SsrMapCanvas *self,
           const char   *id)
{
  return id != NULL ? ssr_framework_get_term_name (self->framework, id) : NULL;
}

static char *
describe_actor (SsrMapCanvas  *self,
                SsrActor      *actor,
                char         **details)
{
  const char *name = ssr_actor_get_name (actor);
  const char *category = term_name (self, ssr_actor_get_category (actor));
  const char *stance = ssr_item_fields_get_enum_label (SSR_TYPE_STANCE, ssr_actor_get_stance (actor));

  /* Translators: an actor's category and stance: "Core security actors · Champion" */
  *details = g_strdup_printf (_("%s · %s"), category ? category : _("No category"), stance);
  if (ssr_actor_get_sensitive (actor))
    {
      char *sensitive = g_strdup_printf (_("%s · sensitive"), *details);

      g_free (*details);
      *details = sensitive;
    }

  return g_strdup (name != NULL && name[0] != '\0' ? name : _("Unnamed actor"));
}

static const char *
actor_name (SsrMapCanvas *self,
            const char   *id)
{
  SsrItem *item = id != NULL ? ssr_assessment_lookup (self->document, id) : NULL;
  const char *label = item != NULL ? ssr_item_get_label (item) : NULL;

  return label != NULL && label[0] != '\0' ? label : _("Unknown actor");
}

static char *
describe_relation (SsrMapCanvas  *self,
                   SsrRelation   *relation,
                   char         **details)
{
  const char *type = term_name (self, ssr_relation_get_relation_type (relation));
  const char *source = actor_name (self, ssr_relation_get_source (relation));
  const char *target = actor_name (self, ssr_relation_get_target (relation));

  /* Translators: a relation's type and how it runs: "Coordination relation" */
  *details = g_strdup_printf (_("%s relation"), type ? type : _("Untyped"));

  if (ssr_relation_get_direction (relation) == SSR_DIRECTION_MUTUAL)
    /* Translators: a mutual relation between two actors */
    return g_strdup_printf (_("%s ↔ %s"), source, target);

  /* Translators: a relation from one actor to another */
  return g_strdup_printf (_("%s → %s"), source, target);
}

static char *
describe_mechanism (SsrMapCanvas  *self,
                    SsrMechanism  *mechanism,
                    char         **details)
{
  const char *type_id = ssr_mechanism_get_mechanism_type (mechanism);
  SsrTerm *type = type_id ? ssr_framework_lookup_in (self->framework, "mechanism-types", type_id) : NULL;
  const char * const *members = ssr_mechanism_get_members (mechanism);
  guint n_members = members != NULL ? g_strv_length ((char **) members) : 0;
  const char *name = ssr_mechanism_get_name (mechanism);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n_members), n_members);

  if (type != NULL)
    {
      const char *strength = ssr_term_get_attribute (type, "strength");
      const char *risk = ssr_term_get_attribute (type, "risk");

      /* Translators: a mechanism's type, its members, the type's strength and risk */
      *details = g_strdup_printf (_("%s · %s\nStrength: %s\nRisk: %s"), ssr_term_get_name (type), count,
                                  strength ? strength : "—", risk ? risk : "—");
    }
  else
    {
      *details = g_strdup_printf (_("%s · %s"), type_id ? type_id : _("Other mechanism"), count);
    }

  return g_strdup (name != NULL && name[0] != '\0' ? name : _("Unnamed mechanism"));
}

static char *
describe_organisation (SsrMapCanvas     *self,
                       SsrOrganisation  *organisation,
                       char            **details)
{
  const char *name = ssr_organisation_get_name (organisation);
  const char *acronym = ssr_organisation_get_acronym (organisation);
  const char *kind = term_name (self, ssr_organisation_get_kind (organisation));

  *details = g_strdup (kind ? kind : _("External organisation"));

  if (name == NULL || name[0] == '\0')
    name = _("Unnamed organisation");
  if (acronym != NULL && acronym[0] != '\0')
    /* Translators: an organisation's name and acronym */
    return g_strdup_printf (_("%s (%s)"), name, acronym);

  return g_strdup (name);
}

/**
 * ssr_map_canvas_describe_item:
 * @self: a #SsrMapCanvas
 * @item: an item of the canvas's document
 * @details: (out): a second line: category and stance, type, strength and risk
 *
 * Returns: (transfer full): what @item is called
 */
char *
ssr_map_canvas_describe_item (SsrMapCanvas  *self,
                              SsrItem       *item,
                              char         **details)
{
  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), NULL);
  g_return_val_if_fail (SSR_IS_ITEM (item), NULL);
  g_return_val_if_fail (details != NULL, NULL);

  if (SSR_IS_ACTOR (item))
    return describe_actor (self, SSR_ACTOR (item), details);
  if (SSR_IS_RELATION (item))
    return describe_relation (self, SSR_RELATION (item), details);
  if (SSR_IS_MECHANISM (item))
    return describe_mechanism (self, SSR_MECHANISM (item), details);
  if (SSR_IS_ORGANISATION (item))
    return describe_organisation (self, SSR_ORGANISATION (item), details);

  *details = g_strdup ("");
  return g_strdup (ssr_item_get_label (item) ? ssr_item_get_label (item) : item_id (item));
}

static void
row_update (SsrMapCanvas *self,
            GtkListItem  *list_item)
{
  SsrItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title_label = gtk_widget_get_first_child (box);
  GtkWidget *details_label = gtk_widget_get_next_sibling (title_label);
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;

  if (item == NULL || self->document == NULL)
    return;

  title = ssr_map_canvas_describe_item (self, item, &details);
  gtk_label_set_text (GTK_LABEL (title_label), title);
  gtk_label_set_text (GTK_LABEL (details_label), details);
}

static void
row_setup_cb (SsrMapCanvas             *self,
              GtkListItem              *list_item,
              GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bind_cb (SsrMapCanvas             *self,
             GtkListItem              *list_item,
             GtkSignalListItemFactory *factory)
{
  row_update (self, list_item);
  g_ptr_array_add (self->bound_rows, list_item);
}

static void
row_unbind_cb (SsrMapCanvas             *self,
               GtkListItem              *list_item,
               GtkSignalListItemFactory *factory)
{
  g_ptr_array_remove_fast (self->bound_rows, list_item);
}

/**
 * ssr_map_canvas_create_list_factory:
 * @self: a #SsrMapCanvas
 *
 * Returns: (transfer full): a factory for rows of ssr_map_canvas_get_items(),
 *   which follow every edit of the document
 */
GtkListItemFactory *
ssr_map_canvas_create_list_factory (SsrMapCanvas *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), NULL);

  g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (row_unbind_cb), self, G_CONNECT_SWAPPED);

  return factory;
}

static void
list_follow_cb (GtkListView       *list_view,
                guint              position,
                guint              n_items,
                GtkSelectionModel *selection)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

  if (gtk_bitset_get_size (selected) == 1)
    gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u",
                                gtk_bitset_get_nth (selected, 0));
}

/**
 * ssr_map_canvas_follow_in_list:
 * @self: a #SsrMapCanvas
 * @list_view: a list view of ssr_map_canvas_get_selection()
 *
 * Keeps the item selected on the canvas in view in @list_view.
 */
void
ssr_map_canvas_follow_in_list (SsrMapCanvas *self,
                               GtkListView  *list_view)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));
  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (list_follow_cb), list_view, G_CONNECT_SWAPPED);
}

/* Document */

static void
document_changed_cb (SsrMapCanvas *self)
{
  ssr_map_canvas_refilter (self);
  ssr_map_canvas_invalidate (self);
  update_accessible_label (self);

  for (guint i = 0; i < self->bound_rows->len; i++)
    row_update (self, g_ptr_array_index (self->bound_rows, i));
}

static void
ssr_map_canvas_drop_document (SsrMapCanvas *self)
{
  g_clear_handle_id (&self->nudge_source, g_source_remove);
  self->nudge_dx = self->nudge_dy = 0;
  self->drag_mode = DRAG_NONE;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  if (self->actor_filter != NULL)
    gtk_custom_filter_set_filter_func (self->actor_filter, NULL, NULL, NULL);
  if (self->relation_filter != NULL)
    gtk_custom_filter_set_filter_func (self->relation_filter, NULL, NULL, NULL);

  if (self->nodes != NULL)
    ssr_map_canvas_clear_scene (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->actor_list);
  g_clear_object (&self->relation_list);
  g_clear_object (&self->actor_filter);
  g_clear_object (&self->relation_filter);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->selected_ids, g_hash_table_unref);
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->focus_id, g_free);
  g_clear_pointer (&self->moving_ids, g_hash_table_unref);
  g_clear_object (&self->texture);
  g_clear_object (&self->document);
  g_clear_object (&self->framework);
}

static GtkFilterListModel *
filtered (GListModel      *collection,
          GtkCustomFilter *filter)
{
  return gtk_filter_list_model_new (g_object_ref (collection), GTK_FILTER (g_object_ref (filter)));
}

/**
 * ssr_map_canvas_set_document:
 * @self: a #SsrMapCanvas
 * @document: (nullable): the document shown
 * @framework: (nullable): the framework it follows
 */
void
ssr_map_canvas_set_document (SsrMapCanvas  *self,
                             SsrAssessment *document,
                             SsrFramework  *framework)
{
  g_autoptr(GListStore) sections = NULL;

  g_return_if_fail (SSR_IS_MAP_CANVAS (self));
  g_return_if_fail (document == NULL || SSR_IS_ASSESSMENT (document));
  g_return_if_fail (document == NULL || SSR_IS_FRAMEWORK (framework));

  ssr_map_canvas_drop_document (self);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->framework = g_object_ref (framework);

      sections = g_list_store_new (G_TYPE_LIST_MODEL);
      self->actor_filter = gtk_custom_filter_new (actor_visible_cb, self, NULL);
      self->actor_list = filtered (ssr_assessment_get_actors (document), self->actor_filter);

      if (self->mode == SSR_MAP_CANVAS_SECTOR_MAP)
        {
          self->relation_filter = gtk_custom_filter_new (relation_visible_cb, self, NULL);
          self->relation_list = filtered (ssr_assessment_get_relations (document), self->relation_filter);
          g_list_store_append (sections, self->actor_list);
          g_list_store_append (sections, self->relation_list);
        }
      else
        {
          g_list_store_append (sections, ssr_assessment_get_organisations (document));
          g_list_store_append (sections, ssr_assessment_get_mechanisms (document));
          g_list_store_append (sections, self->actor_list);
          ssr_map_canvas_refilter (self);
        }

      self->items = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections))));
      self->selection = gtk_multi_selection_new (g_object_ref (self->items));

      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
    }

  self->zoom = 1;
  self->offset_x = self->offset_y = 0;
  update_accessible_label (self);
  ssr_map_canvas_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Options */

static void
options_changed (SsrMapCanvas *self)
{
  self->options.color_by = self->color_by;
  self->options.categories = (const char * const *) self->categories;
  self->options.relation_types = (const char * const *) self->relation_types;
  self->options.highlighted = g_hash_table_size (self->highlighted) > 0 ? self->highlighted : NULL;

  ssr_map_canvas_refilter (self);
  ssr_map_canvas_invalidate (self);
}

void
ssr_map_canvas_set_color_by (SsrMapCanvas *self,
                             const char   *color_by)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  if (g_strcmp0 (self->color_by, color_by) == 0)
    return;

  g_free (self->color_by);
  self->color_by = g_strdup (color_by);
  options_changed (self);
}

static gboolean
set_filter (GStrv              *filter,
            const char * const *values)
{
  if (*filter == NULL && values == NULL)
    return FALSE;
  if (*filter != NULL && values != NULL && g_strv_equal ((const char * const *) *filter, values))
    return FALSE;

  g_strfreev (*filter);
  *filter = g_strdupv ((char **) values);

  return TRUE;
}

void
ssr_map_canvas_set_categories (SsrMapCanvas       *self,
                               const char * const *categories)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  if (set_filter (&self->categories, categories))
    options_changed (self);
}

void
ssr_map_canvas_set_relation_types (SsrMapCanvas       *self,
                                   const char * const *relation_types)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  if (set_filter (&self->relation_types, relation_types))
    options_changed (self);
}

void
ssr_map_canvas_set_highlighted (SsrMapCanvas       *self,
                                const char * const *ids)
{
  guint n_ids = ids != NULL ? g_strv_length ((char **) ids) : 0;
  gboolean same = n_ids == g_hash_table_size (self->highlighted);

  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  for (guint i = 0; same && i < n_ids; i++)
    same = g_hash_table_contains (self->highlighted, ids[i]);
  if (same)
    return;

  g_hash_table_remove_all (self->highlighted);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (self->highlighted, g_strdup (ids[i]));
  options_changed (self);
}

void
ssr_map_canvas_set_show_legend (SsrMapCanvas *self,
                                gboolean      show_legend)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  if (self->options.show_legend == !!show_legend)
    return;

  self->options.show_legend = !!show_legend;
  options_changed (self);
}

const SsrRenderOptions *
ssr_map_canvas_get_options (SsrMapCanvas *self)
{
  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), NULL);

  return &self->options;
}

/* Font size follows the desktop's text scaling, as the widgets around do. */
static void
update_font_scale (SsrMapCanvas *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  self->options.font_scale = dpi > 0 ? CLAMP (dpi / (96.0 * 1024), 0.5, 4.0) : 1.0;
  ssr_map_canvas_invalidate (self);
}

/* Public accessors */

SsrMapCanvasMode
ssr_map_canvas_get_mode (SsrMapCanvas *self)
{
  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), SSR_MAP_CANVAS_SECTOR_MAP);

  return self->mode;
}

GListModel *
ssr_map_canvas_get_items (SsrMapCanvas *self)
{
  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), NULL);

  return self->items;
}

GtkSelectionModel *
ssr_map_canvas_get_selection (SsrMapCanvas *self)
{
  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * ssr_map_canvas_get_selected_items:
 * @self: a #SsrMapCanvas
 *
 * Returns: (transfer full): the selected items, in the order shown
 */
GPtrArray *
ssr_map_canvas_get_selected_items (SsrMapCanvas *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), items);

  if (self->selection == NULL)
    return items;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean valid = gtk_bitset_iter_init_first (&iter, selected, &position);
       valid;
       valid = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (self->items, position));

  return items;
}

void
ssr_map_canvas_select_ids (SsrMapCanvas       *self,
                           const char * const *ids)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = NULL;

  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  if (self->selection == NULL)
    return;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      guint position = position_of (self, ids[i]);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_bitset_add (selected, position);
    }

  all = gtk_bitset_new_range (0, g_list_model_get_n_items (self->items));
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, all);
}

double
ssr_map_canvas_get_zoom (SsrMapCanvas *self)
{
  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), 1);

  return self->zoom;
}

void
ssr_map_canvas_set_zoom (SsrMapCanvas *self,
                         double        zoom)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  zoom_at (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, zoom);
}

void
ssr_map_canvas_zoom_by (SsrMapCanvas *self,
                        double        factor)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  ssr_map_canvas_set_zoom (self, self->zoom * factor);
}

void
ssr_map_canvas_reset_view (SsrMapCanvas *self)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  ssr_map_canvas_set_zoom (self, 1);
  self->offset_x = 0;
  self->offset_y = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ssr_map_canvas_scroll_by (SsrMapCanvas *self,
                          double        dx,
                          double        dy)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  ssr_map_canvas_ensure_scene (self);
  self->offset_x -= dx;
  self->offset_y -= dy;
  clamp_offset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ssr_map_canvas_get_view_transform (SsrMapCanvas   *self,
                                   cairo_matrix_t *matrix)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));
  g_return_if_fail (matrix != NULL);

  cairo_matrix_init (matrix, self->zoom, 0, 0, self->zoom, self->offset_x, self->offset_y);
}

gboolean
ssr_map_canvas_get_item_center (SsrMapCanvas *self,
                                const char   *id,
                                double       *x,
                                double       *y)
{
  const SceneNode *node;

  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), FALSE);

  node = lookup_node (self, id);
  if (node == NULL)
    return FALSE;

  picture_to_widget (self, node->x, node->y, x, y);

  return TRUE;
}

SsrItem *
ssr_map_canvas_pick (SsrMapCanvas *self,
                     double        x,
                     double        y)
{
  SsrItem *item;

  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), NULL);

  item = pick_node (self, x, y);

  return item != NULL ? item : pick_edge (self, x, y);
}

void
ssr_map_canvas_click (SsrMapCanvas    *self,
                      double           x,
                      double           y,
                      GdkModifierType  state)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  press (self, x, y, state);
  release (self, 0, 0);
}

void
ssr_map_canvas_drag (SsrMapCanvas    *self,
                     double           x,
                     double           y,
                     double           dx,
                     double           dy,
                     GdkModifierType  state)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  press (self, x, y, state);
  drag_to (self, dx / 2, dy / 2);
  release (self, dx, dy);
}

void
ssr_map_canvas_set_context_menu (SsrMapCanvas *self,
                                 GMenuModel   *menu)
{
  g_return_if_fail (SSR_IS_MAP_CANVAS (self));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (menu == NULL)
    return;

  self->context_menu = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
}

/* Export */

typedef struct
{
  GBytes       *document;
  char         *name;
  SsrFramework *framework;
  SsrPicture    picture;
  char         *color_by;
  GStrv         categories;
  GStrv         relation_types;
  char         *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->document, g_bytes_unref);
  g_clear_pointer (&job->name, g_free);
  g_clear_object (&job->framework);
  g_clear_pointer (&job->color_by, g_free);
  g_clear_pointer (&job->categories, g_strfreev);
  g_clear_pointer (&job->relation_types, g_strfreev);
  g_clear_pointer (&job->path, g_free);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(SsrAssessment) document = NULL;
  g_autoptr(GError) error = NULL;
  SsrRenderOptions options;

  document = ssr_xml_read (job->document, job->name, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* what the view shows, at print size, without search marks */
  ssr_render_options_init (&options);
  options.color_by = job->color_by;
  options.categories = (const char * const *) job->categories;
  options.relation_types = (const char * const *) job->relation_types;

  if (!ssr_picture_export (job->picture, job->framework, document, &options, job->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ssr_map_canvas_export_async (SsrMapCanvas        *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (SSR_IS_MAP_CANVAS (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssr_map_canvas_export_async);

  if (self->document == NULL || g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The picture can only be written to a local file."));
      return;
    }

  /* a copy: the document may change while the picture is drawn */
  job = g_new0 (ExportJob, 1);
  job->document = ssr_xml_write (self->document);
  job->name = g_strdup (ssr_assessment_get_title (self->document) ? ssr_assessment_get_title (self->document) : "");
  job->framework = g_object_ref (self->framework);
  job->picture = self->mode == SSR_MAP_CANVAS_SECTOR_MAP ? SSR_PICTURE_SECTOR_MAP : SSR_PICTURE_COORDINATION;
  job->color_by = g_strdup (self->color_by);
  job->categories = g_strdupv (self->categories);
  job->relation_types = g_strdupv (self->relation_types);
  job->path = g_file_get_path (file);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ssr_map_canvas_export_finish (SsrMapCanvas  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (SSR_IS_MAP_CANVAS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
show_toast (SsrMapCanvas *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (ssr_map_canvas_export_finish (self, result, &error))
    /* Translators: after an export, the file written */
    message = g_strdup_printf (_("Exported to “%s”"), name);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: an export failed; the reason follows */
    message = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);

  if (message != NULL)
    show_toast (self, message);
}

/* The file's name says the format; the chosen filter adds it when missing. */
static GFile *
file_with_extension (GFile         *file,
                     GtkFileFilter *filter)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), "ssr-extension") : NULL;
  g_autofree char *with_extension = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".pdf"))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  with_extension = g_strconcat (name, extension != NULL ? extension : ".svg", NULL);

  return g_file_get_child (parent, with_extension);
}

static void
export_response_cb (SsrMapCanvas    *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      GFile *target = file_with_extension (file, gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)));

      ssr_map_canvas_export_async (self, target, self->cancellable, export_done_cb, target);
    }

  g_clear_object (&self->export_chooser);
}

static void
add_export_filter (GtkFileChooser *chooser,
                   const char     *name,
                   const char     *pattern,
                   const char     *mime_type,
                   const char     *extension)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data_full (G_OBJECT (filter), "ssr-extension", g_strdup (extension), g_free);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
ssr_map_canvas_export (SsrMapCanvas *self)
{
  gboolean sector = self->mode == SSR_MAP_CANVAS_SECTOR_MAP;
  GtkRoot *root;
  GtkFileChooserNative *chooser;

  g_return_if_fail (SSR_IS_MAP_CANVAS (self));

  if (self->export_chooser != NULL || self->document == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  chooser = gtk_file_chooser_native_new (sector ? _("Export Map") : _("Export Diagram"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("SVG image"), "*.svg", "image/svg+xml", ".svg");
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("PNG image"), "*.png", "image/png", ".png");
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("PDF document"), "*.pdf", "application/pdf", ".pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     /* Translators: file names offered for an export */
                                     sector ? _("sector-map.svg") : _("coordination.svg"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);

  self->export_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->export_chooser);
}

/* Going to where an item is edited */

static gboolean
show_in_view_stack (GtkWidget *widget,
                    SsrItem   *item)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      g_autoptr(GtkSelectionModel) pages = NULL;

      if (!ADW_IS_VIEW_STACK (ancestor))
        continue;

      pages = adw_view_stack_get_pages (ADW_VIEW_STACK (ancestor));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
          GtkWidget *child = adw_view_stack_page_get_child (page);

          if (SSR_IS_ITEM_PAGE (child) &&
              ssr_item_page_get_item_type (SSR_ITEM_PAGE (child)) == G_OBJECT_TYPE (item))
            {
              adw_view_stack_set_visible_child (ADW_VIEW_STACK (ancestor), child);
              ssr_item_page_select (SSR_ITEM_PAGE (child), item);
              return TRUE;
            }
        }
    }

  return FALSE;
}

void
ssr_map_canvas_edit_item (GtkWidget *widget,
                          SsrItem   *item)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SSR_IS_ITEM (item));

  if (show_in_view_stack (widget, item) || !SSR_IS_ACTOR (item))
    return;

  /* Actors have a page of their own in the window. */
  gtk_widget_activate_action (widget, "win.show-page", "s", "actors");
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      GtkWidget *page;

      if (GTK_IS_STACK (ancestor) &&
          (page = gtk_stack_get_child_by_name (GTK_STACK (ancestor), "actors")) != NULL &&
          SSR_IS_ITEM_PAGE (page))
        {
          ssr_item_page_select (SSR_ITEM_PAGE (page), item);
          return;
        }
    }
}

/* GtkWidget */

static void
ssr_map_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);

  if (width != self->scene_width || height != self->scene_height)
    {
      self->texture_dirty = TRUE;
      self->scene_valid = FALSE;
    }

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
ssr_map_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* any size will do: the picture fits itself in */
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
ssr_map_canvas_unmap (GtkWidget *widget)
{
  ssr_map_canvas_commit_nudge (SSR_MAP_CANVAS (widget));

  GTK_WIDGET_CLASS (ssr_map_canvas_parent_class)->unmap (widget);
}

static void
ssr_map_canvas_root (GtkWidget *widget)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (widget);

  GTK_WIDGET_CLASS (ssr_map_canvas_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-xft-dpi",
                           G_CALLBACK (update_font_scale), self, G_CONNECT_SWAPPED);
  update_font_scale (self);
}

static void
ssr_map_canvas_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), update_font_scale, widget);

  GTK_WIDGET_CLASS (ssr_map_canvas_parent_class)->unroot (widget);
}

/* GObject */

static void
ssr_map_canvas_dispose (GObject *object)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (object);

  g_clear_handle_id (&self->rerender_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (self->export_chooser);
  g_clear_object (&self->export_chooser);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  ssr_map_canvas_drop_document (self);

  G_OBJECT_CLASS (ssr_map_canvas_parent_class)->dispose (object);
}

static void
ssr_map_canvas_finalize (GObject *object)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (object);

  g_clear_object (&self->sector_map);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_clear_pointer (&self->box_cache, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_clear_pointer (&self->color_by, g_free);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->relation_types, g_strfreev);
  g_clear_pointer (&self->relation_source, g_free);
  g_clear_pointer (&self->relation_target, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ssr_map_canvas_parent_class)->finalize (object);
}

static void
ssr_map_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_map_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsrMapCanvas *self = SSR_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      ssr_map_canvas_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_arrow_bindings (GtkWidgetClass *widget_class,
                    guint           keyval,
                    guint           keypad_keyval,
                    int             dx,
                    int             dy)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, arrow_cb, "(ii)", dx * NUDGE_STEP, dy * NUDGE_STEP);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, arrow_cb, "(ii)", dx * NUDGE_STEP, dy * NUDGE_STEP);
  gtk_widget_class_add_binding (widget_class, keyval, GDK_SHIFT_MASK, arrow_cb, "(ii)",
                                dx * NUDGE_BIG_STEP, dy * NUDGE_BIG_STEP);
}

static void
ssr_map_canvas_class_init (SsrMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_map_canvas_dispose;
  object_class->finalize = ssr_map_canvas_finalize;
  object_class->get_property = ssr_map_canvas_get_property;
  object_class->set_property = ssr_map_canvas_set_property;

  widget_class->snapshot = ssr_map_canvas_snapshot;
  widget_class->size_allocate = ssr_map_canvas_size_allocate;
  widget_class->measure = ssr_map_canvas_measure;
  widget_class->focus = ssr_map_canvas_focus;
  widget_class->query_tooltip = ssr_map_canvas_query_tooltip;
  widget_class->unmap = ssr_map_canvas_unmap;
  widget_class->root = ssr_map_canvas_root;
  widget_class->unroot = ssr_map_canvas_unroot;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  add_arrow_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_arrow_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_arrow_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_arrow_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, select_all_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "map.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "map.delete", NULL);

  gtk_widget_class_set_css_name (widget_class, "ssr-map-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ssr_map_canvas_init (SsrMapCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1;
  self->texture_zoom = 1;
  self->cancellable = g_cancellable_new ();
  self->nodes = g_array_new (FALSE, TRUE, sizeof (SceneNode));
  g_array_set_clear_func (self->nodes, scene_node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (SceneEdge));
  g_array_set_clear_func (self->edges, scene_edge_clear);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->box_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, scene_node_free);
  self->bound_rows = g_ptr_array_new ();
  self->highlighted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->color_by = g_strdup ("category");
  ssr_render_options_init (&self->options);
  self->options.color_by = self->color_by;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  self->drag_gesture = gtk_gesture_drag_new ();
  g_signal_connect_object (self->drag_gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag_gesture, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag_gesture, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drag_gesture));

  /* grouped with the drag, so that both see every press */
  gesture = gtk_gesture_click_new ();
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (double_click_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
  gtk_gesture_group (gesture, self->drag_gesture);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (context_click_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  update_accessible_label (self);
}

/**
 * ssr_map_canvas_new:
 * @mode: the picture the canvas shows
 *
 * Returns: (transfer floating): a new #SsrMapCanvas without a document
 */
GtkWidget *
ssr_map_canvas_new (SsrMapCanvasMode mode)
{
  SsrMapCanvas *self = g_object_new (SSR_TYPE_MAP_CANVAS, NULL);

  self->mode = mode;
  update_accessible_label (self);

  return GTK_WIDGET (self);
}

/* The page actions find the canvas through the offset their class gave. */
static GQuark
canvas_offset_quark (void)
{
  return g_quark_from_static_string ("ssr-map-canvas-offset");
}

static SsrMapCanvas *
page_canvas (GtkWidget *page)
{
  gsize offset = GPOINTER_TO_SIZE (g_type_get_qdata (G_OBJECT_TYPE (page), canvas_offset_quark ()));

  return G_STRUCT_MEMBER (SsrMapCanvas *, page, offset);
}

static void
page_zoom_in_action (GtkWidget  *page,
                     const char *action_name,
                     GVariant   *parameter)
{
  ssr_map_canvas_zoom_by (page_canvas (page), PAGE_ZOOM_STEP);
}

static void
page_zoom_out_action (GtkWidget  *page,
                      const char *action_name,
                      GVariant   *parameter)
{
  ssr_map_canvas_zoom_by (page_canvas (page), 1 / PAGE_ZOOM_STEP);
}

static void
page_zoom_reset_action (GtkWidget  *page,
                        const char *action_name,
                        GVariant   *parameter)
{
  ssr_map_canvas_reset_view (page_canvas (page));
}

static void
page_export_action (GtkWidget  *page,
                    const char *action_name,
                    GVariant   *parameter)
{
  ssr_map_canvas_export (page_canvas (page));
}

static void
page_edit_action (GtkWidget  *page,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GPtrArray) items = ssr_map_canvas_get_selected_items (page_canvas (page));

  if (items->len == 1)
    ssr_map_canvas_edit_item (page, g_ptr_array_index (items, 0));
}

void
ssr_map_canvas_install_page_actions (GtkWidgetClass *page_class,
                                     gsize           canvas_offset)
{
  static const struct {
    guint       keyval;
    const char *action_name;
  } shortcuts[] = {
    { GDK_KEY_plus, "map.zoom-in" },
    { GDK_KEY_equal, "map.zoom-in" },
    { GDK_KEY_KP_Add, "map.zoom-in" },
    { GDK_KEY_minus, "map.zoom-out" },
    { GDK_KEY_KP_Subtract, "map.zoom-out" },
    { GDK_KEY_0, "map.zoom-reset" },
    { GDK_KEY_KP_0, "map.zoom-reset" },
  };

  g_return_if_fail (GTK_IS_WIDGET_CLASS (page_class));

  g_type_set_qdata (G_TYPE_FROM_CLASS (page_class), canvas_offset_quark (),
                    GSIZE_TO_POINTER (canvas_offset));

  gtk_widget_class_install_action (page_class, "map.zoom-in", NULL, page_zoom_in_action);
  gtk_widget_class_install_action (page_class, "map.zoom-out", NULL, page_zoom_out_action);
  gtk_widget_class_install_action (page_class, "map.zoom-reset", NULL, page_zoom_reset_action);
  gtk_widget_class_install_action (page_class, "map.export", NULL, page_export_action);
  gtk_widget_class_install_action (page_class, "map.edit", NULL, page_edit_action);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_widget_class_add_binding_action (page_class, shortcuts[i].keyval, GDK_CONTROL_MASK,
                                         shortcuts[i].action_name, NULL);
}
