/* test-map-canvas.c: the sector map and coordination pages, their canvas and the CSV import dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-coordination-diagram.h"
#include "ssr-coordination-page.h"
#include "ssr-csv-import-dialog.h"
#include "ssr-framework.h"
#include "ssr-map-canvas.h"
#include "ssr-mechanism.h"
#include "ssr-relation.h"
#include "ssr-sector-map.h"
#include "ssr-sector-map-page.h"
#include "ssr-term.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"

#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 5)

typedef SsrTestPage Fixture;

static SsrMapCanvas *
open_sector_map (Fixture *fixture)
{
  SsrMapCanvas *canvas;

  ssr_test_page_load (fixture, NULL);
  ssr_test_page_show (fixture, ssr_sector_map_page_new (fixture->document, fixture->framework), 1366, 768);
  canvas = ssr_sector_map_page_get_canvas (SSR_SECTOR_MAP_PAGE (fixture->page));
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (canvas)));

  return canvas;
}

static SsrHistory *
history_of (Fixture *fixture)
{
  return ssr_assessment_get_history (fixture->document);
}

static guint
n_actors_of (Fixture *fixture)
{
  return g_list_model_get_n_items (ssr_assessment_get_actors (fixture->document));
}

static guint
n_relations_of (Fixture *fixture)
{
  return g_list_model_get_n_items (ssr_assessment_get_relations (fixture->document));
}

static SsrActor *
actor_at (Fixture *fixture,
          guint    position)
{
  return ssr_test_peek_item (ssr_assessment_get_actors (fixture->document), position);
}

static const char *
id_of (gpointer item)
{
  return ssr_item_get_id (SSR_ITEM (item));
}

/* The list beside the canvas: what a screen-reader user works from. */
static GListModel *
list_of (Fixture *fixture)
{
  GtkWidget *list_view = ssr_test_find_one (fixture->page, GTK_TYPE_LIST_VIEW);

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

/* Where the render layer puts @actor's node, in the canvas's widget
 * coordinates: the render's own geometry and the canvas's view. */
static void
node_center (Fixture      *fixture,
             SsrMapCanvas *canvas,
             SsrActor     *actor,
             double       *x,
             double       *y)
{
  g_autoptr(SsrSectorMap) map = ssr_sector_map_new (fixture->framework, fixture->document,
                                                    ssr_map_canvas_get_options (canvas),
                                                    gtk_widget_get_width (GTK_WIDGET (canvas)),
                                                    gtk_widget_get_height (GTK_WIDGET (canvas)));
  cairo_matrix_t view;
  double radius;

  g_assert_true (ssr_sector_map_get_actor_area (map, id_of (actor), x, y, &radius));
  g_assert_cmpfloat (radius, >, 0);
  ssr_map_canvas_get_view_transform (canvas, &view);
  cairo_matrix_transform_point (&view, x, y);
}

static GPtrArray *
selection_of (SsrMapCanvas *canvas)
{
  return ssr_map_canvas_get_selected_items (canvas);
}

static gboolean
list_selects (Fixture *fixture,
              gpointer item)
{
  GListModel *list = list_of (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (list, i);

      if (candidate == item)
        return gtk_selection_model_is_selected (GTK_SELECTION_MODEL (list), i);
    }

  return FALSE;
}

/* Relations the map can show: both ends there, and not the same actor. */
static guint
drawable_relations (Fixture *fixture)
{
  GListModel *relations = ssr_assessment_get_relations (fixture->document);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      SsrRelation *relation = ssr_test_peek_item (relations, i);
      const char *source = ssr_relation_get_source (relation);
      const char *target = ssr_relation_get_target (relation);

      if (g_strcmp0 (source, target) != 0 &&
          SSR_IS_ACTOR (ssr_assessment_lookup (fixture->document, source)) &&
          SSR_IS_ACTOR (ssr_assessment_lookup (fixture->document, target)))
        count++;
    }

  return count;
}

static void
test_sector_map_shows (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  guint n_relations = drawable_relations (&fixture);
  g_autofree char *label = NULL;

  g_assert_cmpuint (n_actors_of (&fixture), >, 10);
  g_assert_cmpuint (n_relations, >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (&fixture)), ==, n_actors_of (&fixture) + n_relations);

  label = g_strdup_printf ("Security-sector map: %u actors, %u relations", n_actors_of (&fixture), n_relations);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  /* every actor is on the canvas where the render layer draws it */
  for (guint i = 0; i < n_actors_of (&fixture); i++)
    {
      SsrActor *actor = actor_at (&fixture, i);
      double x, y, cx, cy;

      node_center (&fixture, canvas, actor, &x, &y);
      g_assert_true (ssr_map_canvas_get_item_center (canvas, id_of (actor), &cx, &cy));
      g_assert_cmpfloat_with_epsilon (cx, x, 0.01);
      g_assert_cmpfloat_with_epsilon (cy, y, 0.01);
      g_assert_true (ssr_map_canvas_pick (canvas, x, y) == SSR_ITEM (actor));
    }

  ssr_test_page_close (&fixture);
}

static void
test_sector_map_click_selects (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  SsrActor *first = actor_at (&fixture, 0);
  SsrActor *second = actor_at (&fixture, 5);
  g_autoptr(GPtrArray) selected = NULL;
  double x, y;

  node_center (&fixture, canvas, first, &x, &y);
  ssr_map_canvas_click (canvas, x, y, 0);
  selected = selection_of (canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == first);
  g_assert_true (list_selects (&fixture, first));
  g_clear_pointer (&selected, g_ptr_array_unref);

  /* zoomed in and panned, a click still finds the node under it */
  gtk_widget_activate_action (fixture.page, "map.zoom-in", NULL);
  gtk_widget_activate_action (fixture.page, "map.zoom-in", NULL);
  ssr_map_canvas_scroll_by (canvas, 80, 40);
  node_center (&fixture, canvas, second, &x, &y);
  ssr_map_canvas_click (canvas, x, y, GDK_CONTROL_MASK);
  selected = selection_of (canvas);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_true (list_selects (&fixture, first));
  g_assert_true (list_selects (&fixture, second));
  g_clear_pointer (&selected, g_ptr_array_unref);

  /* Ctrl+click again takes it out; a click on empty paper clears */
  ssr_map_canvas_click (canvas, x, y, GDK_CONTROL_MASK);
  g_assert_false (list_selects (&fixture, second));
  gtk_widget_activate_action (fixture.page, "map.zoom-reset", NULL);
  g_assert_null (ssr_map_canvas_pick (canvas, 2, 2));
  ssr_map_canvas_click (canvas, 2, 2, 0);
  selected = selection_of (canvas);
  g_assert_cmpuint (selected->len, ==, 0);

  /* and selecting in the list selects on the canvas */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (list_of (&fixture)), 3, TRUE);
  g_clear_pointer (&selected, g_ptr_array_unref);
  selected = selection_of (canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == actor_at (&fixture, 3));

  ssr_test_page_close (&fixture);
}

typedef struct
{
  double   x;
  double   y;
  gboolean positioned;
} Place;

static Place
place_of (SsrActor *actor)
{
  return (Place) { ssr_actor_get_x (actor), ssr_actor_get_y (actor), ssr_actor_get_positioned (actor) };
}

static void
assert_place (SsrActor    *actor,
              const Place *place)
{
  g_assert_cmpfloat (ssr_actor_get_x (actor), ==, place->x);
  g_assert_cmpfloat (ssr_actor_get_y (actor), ==, place->y);
  g_assert_cmpint (ssr_actor_get_positioned (actor), ==, place->positioned);
}

static void
test_sector_map_move (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  SsrActor *first = actor_at (&fixture, 1);
  SsrActor *second = actor_at (&fixture, 2);
  const char *ids[] = { id_of (first), id_of (second), NULL };
  Place first_before = place_of (first);
  Place second_before = place_of (second);
  g_autofree char *undo_before = g_strdup (ssr_history_get_undo_label (history_of (&fixture)));
  double x0, y0, x1, y1;

  ssr_map_canvas_select_ids (canvas, ids);
  node_center (&fixture, canvas, first, &x0, &y0);
  gtk_widget_activate_action (fixture.page, "map.move", "(dd)", 12.0, -8.0);

  g_assert_true (ssr_actor_get_positioned (first));
  g_assert_true (ssr_actor_get_positioned (second));
  g_assert_true (ssr_actor_get_x (first) != first_before.x || ssr_actor_get_y (first) != first_before.y);
  g_assert_true (ssr_actor_get_x (second) != second_before.x || ssr_actor_get_y (second) != second_before.y);
  g_assert_cmpstr (ssr_history_get_undo_label (history_of (&fixture)), ==, "Move actors");
  /* drawn where it was moved to, when the map keeps its scale */
  node_center (&fixture, canvas, first, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1 - x0, 12.0, 1.5);
  g_assert_cmpfloat_with_epsilon (y1 - y0, -8.0, 1.5);

  /* one undo puts both back */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  assert_place (first, &first_before);
  assert_place (second, &second_before);
  g_assert_cmpstr (ssr_history_get_undo_label (history_of (&fixture)), ==, undo_before);

  /* dragging a selected node moves the selection, as one step too */
  ssr_map_canvas_select_ids (canvas, ids);
  node_center (&fixture, canvas, second, &x0, &y0);
  ssr_map_canvas_drag (canvas, x0, y0, 20, 10, 0);
  g_assert_true (ssr_actor_get_positioned (first));
  g_assert_true (ssr_actor_get_positioned (second));
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  assert_place (first, &first_before);
  assert_place (second, &second_before);

  ssr_test_page_close (&fixture);
}

static void
test_sector_map_relayout (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  guint n_actors = n_actors_of (&fixture);
  g_autofree Place *before = g_new (Place, n_actors);
  SsrActor *moved = actor_at (&fixture, 4);
  double x, y;

  /* one actor placed by hand, far from where the layout wants it */
  node_center (&fixture, canvas, moved, &x, &y);
  ssr_map_canvas_drag (canvas, x, y, 30, 30, 0);
  g_assert_true (ssr_actor_get_positioned (moved));

  for (guint i = 0; i < n_actors; i++)
    before[i] = place_of (actor_at (&fixture, i));

  gtk_widget_activate_action (fixture.page, "map.relayout", NULL);
  for (guint i = 0; i < n_actors; i++)
    g_assert_true (ssr_actor_get_positioned (actor_at (&fixture, i)));
  g_assert_true (ssr_actor_get_x (moved) != before[4].x || ssr_actor_get_y (moved) != before[4].y);

  /* one step back restores every actor */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  for (guint i = 0; i < n_actors; i++)
    assert_place (actor_at (&fixture, i), &before[i]);

  ssr_test_page_close (&fixture);
}

static void
test_sector_map_draw_relation (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  SsrActor *source = actor_at (&fixture, 0);
  SsrActor *target = actor_at (&fixture, 7);
  guint n_relations = n_relations_of (&fixture);
  guint n_listed = g_list_model_get_n_items (list_of (&fixture));
  g_autoptr(GPtrArray) selected = NULL;
  Place source_before = place_of (source);
  Place target_before = place_of (target);
  SsrRelation *relation;
  double x0, y0, x1, y1;

  node_center (&fixture, canvas, source, &x0, &y0);
  node_center (&fixture, canvas, target, &x1, &y1);

  /* Alt+drag that ends on the node it started from draws nothing */
  ssr_map_canvas_drag (canvas, x0, y0, 0.5, 0.5, GDK_ALT_MASK);
  g_assert_cmpuint (n_relations_of (&fixture), ==, n_relations);

  ssr_map_canvas_drag (canvas, x0, y0, x1 - x0, y1 - y0, GDK_ALT_MASK);
  g_assert_cmpuint (n_relations_of (&fixture), ==, n_relations + 1);
  relation = ssr_test_peek_item (ssr_assessment_get_relations (fixture.document), n_relations);
  g_assert_cmpstr (ssr_relation_get_source (relation), ==, id_of (source));
  g_assert_cmpstr (ssr_relation_get_target (relation), ==, id_of (target));
  g_assert_cmpstr (ssr_relation_get_relation_type (relation), ==, "coordination");
  g_assert_cmpuint (g_list_model_get_n_items (list_of (&fixture)), ==, n_listed + 1);
  selected = selection_of (canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == relation);
  g_assert_true (list_selects (&fixture, relation));

  /* the actors did not move */
  assert_place (source, &source_before);
  assert_place (target, &target_before);

  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpuint (n_relations_of (&fixture), ==, n_relations);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (&fixture)), ==, n_listed);

  ssr_test_page_close (&fixture);
}

/* A category that some actor of the example has. */
static const char *
some_category (Fixture *fixture,
               guint   *n_in_category)
{
  const char *category = ssr_actor_get_category (actor_at (fixture, 0));

  *n_in_category = 0;
  for (guint i = 0; i < n_actors_of (fixture); i++)
    {
      if (g_strcmp0 (ssr_actor_get_category (actor_at (fixture, i)), category) == 0)
        (*n_in_category)++;
    }

  return category;
}

static void
test_sector_map_filter (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  guint n_listed = g_list_model_get_n_items (list_of (&fixture));
  guint n_in_category;
  const char *category = some_category (&fixture, &n_in_category);
  g_autofree char *action = g_strconcat ("map-filter.category-", category, NULL);
  GListModel *list = list_of (&fixture);
  double x, y;

  g_assert_cmpuint (n_in_category, >, 0);
  g_assert_true (ssr_map_canvas_get_item_center (canvas, id_of (actor_at (&fixture, 0)), &x, &y));

  gtk_widget_activate_action (fixture.page, action, NULL);
  g_assert_nonnull (ssr_map_canvas_get_options (canvas)->categories);
  g_assert_false (g_strv_contains (ssr_map_canvas_get_options (canvas)->categories, category));
  /* the category's actors leave the list, with their relations */
  g_assert_cmpuint (g_list_model_get_n_items (list), <=, n_listed - n_in_category);
  g_assert_false (ssr_map_canvas_get_item_center (canvas, id_of (actor_at (&fixture, 0)), &x, &y));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (SSR_IS_ACTOR (item))
        g_assert_cmpstr (ssr_actor_get_category (SSR_ACTOR (item)), !=, category);
      else
        g_assert_true (SSR_IS_RELATION (item));
    }

  /* relation types filter the lines */
  gtk_widget_activate_action (fixture.page, "map-filter.show-all", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_listed);
  gtk_widget_activate_action (fixture.page, "map-filter.relation-coordination", NULL);
  g_assert_false (g_strv_contains (ssr_map_canvas_get_options (canvas)->relation_types, "coordination"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (SSR_IS_RELATION (item))
        g_assert_cmpstr (ssr_relation_get_relation_type (SSR_RELATION (item)), !=, "coordination");
    }

  gtk_widget_activate_action (fixture.page, "map-filter.show-all", NULL);
  g_assert_null (ssr_map_canvas_get_options (canvas)->categories);
  g_assert_null (ssr_map_canvas_get_options (canvas)->relation_types);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_listed);

  ssr_test_page_close (&fixture);
}

static void
test_sector_map_search (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  GtkWidget *entry = ssr_test_find_one (fixture.page, GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *highlighted;
  GHashTableIter iter;
  const char *id;

  for (guint i = 0; i < n_actors_of (&fixture); i++)
    {
      SsrActor *actor = actor_at (&fixture, i);
      g_autofree char *name = g_utf8_casefold (ssr_actor_get_name (actor), -1);

      if (strstr (name, "ministry") != NULL)
        g_hash_table_add (expected, (gpointer) id_of (actor));
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 1);
  g_assert_cmpuint (g_hash_table_size (expected), <, n_actors_of (&fixture));

  g_assert_null (ssr_map_canvas_get_options (canvas)->highlighted);
  gtk_editable_set_text (GTK_EDITABLE (entry), "MINISTRY");
  WAIT_UNTIL (ssr_map_canvas_get_options (canvas)->highlighted != NULL);

  highlighted = ssr_map_canvas_get_options (canvas)->highlighted;
  g_assert_cmpuint (g_hash_table_size (highlighted), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, highlighted);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_assert_true (g_hash_table_contains (expected, id));

  /* Enter selects what was found */
  g_signal_emit_by_name (entry, "activate");
  {
    g_autoptr(GPtrArray) selected = selection_of (canvas);

    g_assert_cmpuint (selected->len, ==, g_hash_table_size (expected));
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  WAIT_UNTIL (ssr_map_canvas_get_options (canvas)->highlighted == NULL);

  ssr_test_page_close (&fixture);
}

static void
test_sector_map_zoom (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);

  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), ==, 1.0);
  gtk_widget_activate_action (fixture.page, "map.zoom-in", NULL);
  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), >, 1.0);
  gtk_widget_activate_action (fixture.page, "map.zoom-in", NULL);
  gtk_widget_activate_action (fixture.page, "map.zoom-out", NULL);
  gtk_widget_activate_action (fixture.page, "map.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (ssr_map_canvas_get_zoom (canvas), 1.0, 1e-9);
  gtk_widget_activate_action (fixture.page, "map.zoom-out", NULL);
  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), <, 1.0);

  /* a frame drawn at the new zoom: the picture is drawn again, not lost */
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (fixture.page, "map.zoom-in", NULL);
  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), <=, 12.0);
  gtk_widget_activate_action (fixture.page, "map.zoom-reset", NULL);
  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), ==, 1.0);

  ssr_test_page_close (&fixture);
}

static void
test_sector_map_list_follows_undo (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  GListModel *list = list_of (&fixture);
  guint n_listed = g_list_model_get_n_items (list);
  SsrActor *actor = actor_at (&fixture, 2);
  g_autoptr(SsrActor) kept = g_object_ref (actor);
  const char *ids[] = { id_of (actor), NULL };
  guint n_relations = n_relations_of (&fixture);
  double x, y;

  /* deleted from the map: gone from the list, with its relations */
  ssr_map_canvas_select_ids (canvas, ids);
  gtk_widget_activate_action (fixture.page, "map.delete", NULL);
  g_assert_null (ssr_assessment_lookup (fixture.document, id_of (kept)));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==,
                    n_listed - 1 - (n_relations - n_relations_of (&fixture)));
  g_assert_false (ssr_map_canvas_get_item_center (canvas, id_of (kept), &x, &y));

  /* an undo elsewhere brings it back to both */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_listed);
  g_assert_true (ssr_map_canvas_get_item_center (canvas, id_of (kept), &x, &y));
  g_assert_true (ssr_map_canvas_pick (canvas, x, y) == SSR_ITEM (kept));

  /* a rename shows in the list and in the tooltip text */
  ssr_assessment_set (fixture.document, kept, "name", "Renamed Actor", NULL);
  {
    g_autofree char *details = NULL;
    g_autofree char *title = ssr_map_canvas_describe_item (canvas, SSR_ITEM (kept), &details);

    g_assert_cmpstr (title, ==, "Renamed Actor");
  }

  /* mark sensitive, through the context menu's action */
  ssr_map_canvas_select_ids (canvas, ids);
  g_assert_false (ssr_actor_get_sensitive (kept));
  gtk_widget_activate_action (fixture.page, "map.sensitive", NULL);
  g_assert_true (ssr_actor_get_sensitive (kept));
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_false (ssr_actor_get_sensitive (kept));

  g_clear_object (&kept);
  ssr_test_page_close (&fixture);
}

static void
test_sector_map_keyboard (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  g_autoptr(GPtrArray) selected = NULL;

  /* Tab enters the canvas on the first node and goes through the nodes */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (canvas)));
  selected = selection_of (canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == actor_at (&fixture, 0));
  g_clear_pointer (&selected, g_ptr_array_unref);

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));
  selected = selection_of (canvas);
  g_assert_true (g_ptr_array_index (selected, 0) == actor_at (&fixture, 1));
  g_clear_pointer (&selected, g_ptr_array_unref);

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_BACKWARD));
  selected = selection_of (canvas);
  g_assert_true (g_ptr_array_index (selected, 0) == actor_at (&fixture, 0));

  /* and Shift+Tab on the first node leaves it */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_BACKWARD));

  ssr_test_page_close (&fixture);
}

/* The coordination page shares the canvas pages' actions: they act on its
 * own canvas. */
static void
test_coordination_zoom (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas;

  ssr_test_page_load (&fixture, NULL);
  ssr_test_page_show (&fixture, ssr_coordination_page_new (fixture.document, fixture.framework), 1366, 768);
  canvas = ssr_coordination_page_get_canvas (SSR_COORDINATION_PAGE (fixture.page));
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);

  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), ==, 1.0);
  gtk_widget_activate_action (fixture.page, "map.zoom-in", NULL);
  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), >, 1.0);
  gtk_widget_activate_action (fixture.page, "map.zoom-out", NULL);
  gtk_widget_activate_action (fixture.page, "map.zoom-out", NULL);
  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), <, 1.0);
  gtk_widget_activate_action (fixture.page, "map.zoom-reset", NULL);
  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), ==, 1.0);

  ssr_test_page_close (&fixture);
}

static void
test_coordination_page (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas;
  GListModel *mechanisms;
  SsrMechanism *mechanism;
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *hit = NULL;
  SsrTerm *type;
  cairo_matrix_t view;
  double x, y, width, height, px, py;

  ssr_test_page_load (&fixture, NULL);
  ssr_test_page_show (&fixture, ssr_coordination_page_new (fixture.document, fixture.framework), 1366, 768);
  canvas = ssr_coordination_page_get_canvas (SSR_COORDINATION_PAGE (fixture.page));
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);

  mechanisms = ssr_assessment_get_mechanisms (fixture.document);
  g_assert_cmpuint (g_list_model_get_n_items (mechanisms), >, 0);
  mechanism = ssr_test_peek_item (mechanisms, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (&fixture)), >=,
                    g_list_model_get_n_items (mechanisms) +
                    g_list_model_get_n_items (ssr_assessment_get_organisations (fixture.document)));

  /* the canvas's centre of the mechanism is the render layer's box */
  g_assert_true (ssr_map_canvas_get_item_center (canvas, id_of (mechanism), &px, &py));
  ssr_map_canvas_get_view_transform (canvas, &view);
  g_assert_true (cairo_matrix_invert (&view) == CAIRO_STATUS_SUCCESS);
  cairo_matrix_transform_point (&view, &px, &py);
  g_assert_true (ssr_coordination_diagram_get_item_area (fixture.framework, fixture.document,
                                                         ssr_map_canvas_get_options (canvas),
                                                         gtk_widget_get_width (GTK_WIDGET (canvas)),
                                                         MAX (gtk_widget_get_height (GTK_WIDGET (canvas)),
                                                              ceil (ssr_coordination_diagram_get_natural_height (
                                                                      fixture.framework, fixture.document,
                                                                      ssr_map_canvas_get_options (canvas),
                                                                      gtk_widget_get_width (GTK_WIDGET (canvas))))),
                                                         id_of (mechanism), &x, &y, &width, &height));
  g_assert_cmpfloat_with_epsilon (px, x + width / 2, 0.01);
  g_assert_cmpfloat_with_epsilon (py, y + height / 2, 0.01);
  g_assert_true (ssr_coordination_diagram_hit_test (fixture.framework, fixture.document,
                                                    ssr_map_canvas_get_options (canvas),
                                                    gtk_widget_get_width (GTK_WIDGET (canvas)),
                                                    MAX (gtk_widget_get_height (GTK_WIDGET (canvas)),
                                                         ceil (ssr_coordination_diagram_get_natural_height (
                                                                 fixture.framework, fixture.document,
                                                                 ssr_map_canvas_get_options (canvas),
                                                                 gtk_widget_get_width (GTK_WIDGET (canvas))))),
                                                    px, py, &hit));
  g_assert_cmpstr (hit, ==, id_of (mechanism));

  /* a click on it selects it, in the list too */
  g_assert_true (ssr_map_canvas_get_item_center (canvas, id_of (mechanism), &x, &y));
  ssr_map_canvas_click (canvas, x, y, 0);
  selected = selection_of (canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == mechanism);
  g_assert_true (list_selects (&fixture, mechanism));

  /* its tooltip tells the type's strength and risk */
  type = ssr_framework_lookup_in (fixture.framework, "mechanism-types",
                                  ssr_mechanism_get_mechanism_type (mechanism));
  g_assert_nonnull (type);
  title = ssr_map_canvas_describe_item (canvas, SSR_ITEM (mechanism), &details);
  g_assert_cmpstr (title, ==, ssr_mechanism_get_name (mechanism));
  g_assert_nonnull (strstr (details, ssr_term_get_attribute (type, "strength")));
  g_assert_nonnull (strstr (details, ssr_term_get_attribute (type, "risk")));

  gtk_widget_activate_action (fixture.page, "map.zoom-in", NULL);
  g_assert_cmpfloat (ssr_map_canvas_get_zoom (canvas), >, 1.0);

  ssr_test_page_close (&fixture);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!ssr_map_canvas_export_finish (SSR_MAP_CANVAS (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exports in the background; returns the error, or "done". */
static GError *
export_to (SsrMapCanvas *canvas,
           const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;

  ssr_map_canvas_export_async (canvas, file, NULL, export_done_cb, &error);
  WAIT_UNTIL (error != NULL);

  return error;
}

static void
test_sector_map_export (void)
{
  Fixture fixture = { 0 };
  SsrMapCanvas *canvas = open_sector_map (&fixture);
  g_autofree char *folder = ssr_test_make_folder ("map-export");
  g_autofree char *svg = g_build_filename (folder, "map.svg", NULL);
  g_autofree char *png = g_build_filename (folder, "map.png", NULL);
  g_autofree char *text = g_build_filename (folder, "map.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) image = NULL;

  error = export_to (canvas, svg);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  contents = ssr_test_read_text (svg);
  g_assert_nonnull (strstr (contents, "<svg"));

  error = export_to (canvas, png);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  image = ssr_test_read_file (png);
  g_assert_cmpuint (g_bytes_get_size (image), >, 8);
  g_assert_cmpmem (g_bytes_get_data (image, NULL), 8, "\x89PNG\r\n\x1a\n", 8);

  /* a name that says no format is refused, and nothing is written */
  error = export_to (canvas, text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));

  ssr_test_remove_tree (folder);
  ssr_test_page_close (&fixture);
}

/* CSV import */

static SsrCsvImportDialog *
open_import (Fixture    *fixture,
             const char *folder,
             const char *contents)
{
  g_autofree char *path = g_build_filename (folder, "team.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SsrCsvImportDialog *dialog;

  ssr_test_write_file (path, contents);
  ssr_test_page_load (fixture, NULL);
  dialog = SSR_CSV_IMPORT_DIALOG (ssr_csv_import_dialog_new (NULL, fixture->document, fixture->framework));
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  ssr_csv_import_dialog_set_file (dialog, file);
  WAIT_UNTIL (ssr_csv_import_dialog_get_import (dialog) != NULL);

  return dialog;
}

static void
test_csv_import_bad_rows (void)
{
  Fixture fixture = { 0 };
  g_autofree char *folder = ssr_test_make_folder ("csv-dialog");
  SsrCsvImportDialog *dialog;
  GtkWidget *import_button;
  GtkWidget *preview;
  guint n_actors;

  dialog = open_import (&fixture, folder,
                        "name,category,stance\n"
                        "New Police Unit,core-security,champion\n"
                        "Shadow Militia,made-up-category,spoiler\n"
                        ",civil-society,neutral\n");
  n_actors = n_actors_of (&fixture);

  g_assert_cmpuint (ssr_csv_import_get_n_errors (ssr_csv_import_dialog_get_import (dialog)), ==, 2);
  preview = ssr_test_find_one (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (preview)))), ==, 3);

  import_button = ssr_test_find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv.import", NULL);
  g_assert_cmpuint (n_actors_of (&fixture), ==, n_actors);
  g_assert_false (ssr_history_get_can_undo (history_of (&fixture)));

  /* read as relations, the same file lacks the columns a relation needs */
  ssr_csv_import_dialog_set_kind (dialog, "relations");
  g_assert_null (ssr_csv_import_dialog_get_import (dialog));
  g_assert_false (gtk_widget_get_sensitive (import_button));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_clear_object (&fixture.framework);
  g_assert_finalize_object (fixture.document);
  ssr_test_remove_tree (folder);
}

static void
test_csv_import_good_rows (void)
{
  Fixture fixture = { 0 };
  g_autofree char *folder = ssr_test_make_folder ("csv-dialog");
  SsrCsvImportDialog *dialog;
  GtkWidget *import_button;
  guint n_imported = 0;
  guint n_actors;

  dialog = open_import (&fixture, folder,
                        "name,category,stance\n"
                        "New Police Unit,core-security,champion\n"
                        "Village Watch,civil-society,neutral\n");
  n_actors = n_actors_of (&fixture);
  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (ssr_test_count_emission_cb), &n_imported);

  g_assert_cmpuint (ssr_csv_import_get_n_errors (ssr_csv_import_dialog_get_import (dialog)), ==, 0);
  import_button = ssr_test_find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_true (gtk_widget_get_sensitive (import_button));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv.import", NULL);
  g_assert_cmpuint (n_imported, ==, 1);
  g_assert_cmpuint (n_actors_of (&fixture), ==, n_actors + 2);
  g_assert_cmpstr (ssr_actor_get_name (actor_at (&fixture, n_actors)), ==, "New Police Unit");

  /* one undo takes both out */
  g_assert_true (ssr_history_undo (history_of (&fixture)));
  g_assert_cmpuint (n_actors_of (&fixture), ==, n_actors);
  g_assert_false (ssr_history_get_can_undo (history_of (&fixture)));

  g_assert_finalize_object (dialog);
  g_clear_object (&fixture.framework);
  g_assert_finalize_object (fixture.document);
  ssr_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/map-canvas/sector-map/shows", test_sector_map_shows);
  g_test_add_func ("/ui/map-canvas/sector-map/click-selects", test_sector_map_click_selects);
  g_test_add_func ("/ui/map-canvas/sector-map/move", test_sector_map_move);
  g_test_add_func ("/ui/map-canvas/sector-map/relayout", test_sector_map_relayout);
  g_test_add_func ("/ui/map-canvas/sector-map/draw-relation", test_sector_map_draw_relation);
  g_test_add_func ("/ui/map-canvas/sector-map/filter", test_sector_map_filter);
  g_test_add_func ("/ui/map-canvas/sector-map/search", test_sector_map_search);
  g_test_add_func ("/ui/map-canvas/sector-map/zoom", test_sector_map_zoom);
  g_test_add_func ("/ui/map-canvas/sector-map/list-follows-undo", test_sector_map_list_follows_undo);
  g_test_add_func ("/ui/map-canvas/sector-map/keyboard", test_sector_map_keyboard);
  g_test_add_func ("/ui/map-canvas/sector-map/export", test_sector_map_export);
  g_test_add_func ("/ui/map-canvas/coordination", test_coordination_page);
  g_test_add_func ("/ui/map-canvas/coordination/zoom", test_coordination_zoom);
  g_test_add_func ("/ui/map-canvas/csv-import/bad-rows", test_csv_import_bad_rows);
  g_test_add_func ("/ui/map-canvas/csv-import/good-rows", test_csv_import_good_rows);

  return g_test_run ();
}
