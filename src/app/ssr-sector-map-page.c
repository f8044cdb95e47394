/* ssr-sector-map-page.c: the security-sector map, its tools and the list of what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-sector-map-page"

#include "config.h"

#include "ssr-sector-map-page.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-csv-import-dialog.h"
#include "ssr-item-fields.h"
#include "ssr-relation.h"
#include "ssr-term.h"
#include "ssr-window.h"


/* A check box of the filter popover: one category or relation type. */
typedef struct
{
  char     *action_name;
  char     *term_id;
  gboolean  is_category;
} FilterEntry;

struct _SsrSectorMapPage
{
  GtkWidget           parent_instance;

  SsrAssessment      *document;
  SsrFramework       *framework;
  SsrMapCanvas       *canvas;
  GSimpleActionGroup *filter_actions;
  GArray             *filter_entries;
  char               *color_by;
  gboolean            list_visible;
  gboolean            show_legend;

  /* template */
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkBox             *filter_box;
  GtkMenuButton      *color_button;
  GtkButton          *zoom_button;
  GtkLabel           *zoom_label;
  AdwFlap            *flap;
  GtkLabel           *summary_label;
  GtkListView        *list_view;
  GMenuModel         *context_menu;
};

G_DEFINE_FINAL_TYPE (SsrSectorMapPage, ssr_sector_map_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR_BY,
  PROP_LIST_VISIBLE,
  PROP_SELECTION_SENSITIVE,
  PROP_SHOW_LEGEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
filter_entry_clear (gpointer data)
{
  FilterEntry *entry = data;

  g_clear_pointer (&entry->action_name, g_free);
  g_clear_pointer (&entry->term_id, g_free);
}

static void
show_toast (SsrSectorMapPage *self,
            const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
}

/* Selection and the actions that depend on it */

static GPtrArray *
selected_actors (SsrSectorMapPage *self)
{
  g_autoptr(GPtrArray) items = ssr_map_canvas_get_selected_items (self->canvas);
  GPtrArray *actors = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      if (SSR_IS_ACTOR (g_ptr_array_index (items, i)))
        g_ptr_array_add (actors, g_object_ref (g_ptr_array_index (items, i)));
    }

  return actors;
}

static gboolean
get_selection_sensitive (SsrSectorMapPage *self)
{
  g_autoptr(GPtrArray) actors = selected_actors (self);

  for (guint i = 0; i < actors->len; i++)
    {
      if (!ssr_actor_get_sensitive (g_ptr_array_index (actors, i)))
        return FALSE;
    }

  return actors->len > 0;
}

static void
set_selection_sensitive (SsrSectorMapPage *self,
                         gboolean          sensitive)
{
  g_autoptr(GPtrArray) actors = selected_actors (self);
  SsrHistory *history = ssr_assessment_get_history (self->document);

  if (actors->len == 0)
    return;

  ssr_history_begin_group (history, sensitive ? _("Mark sensitive") : _("Mark not sensitive"));
  for (guint i = 0; i < actors->len; i++)
    ssr_assessment_set (self->document, g_ptr_array_index (actors, i), "sensitive", sensitive, NULL);
  ssr_history_end_group (history);
}

static void
update_actions (SsrSectorMapPage *self)
{
  g_autoptr(GPtrArray) items = ssr_map_canvas_get_selected_items (self->canvas);
  g_autoptr(GPtrArray) actors = selected_actors (self);
  guint n_actors = g_list_model_get_n_items (ssr_assessment_get_actors (self->document));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.edit", items->len == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.delete", items->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.sensitive", actors->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.move", actors->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.relayout", n_actors > 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_SENSITIVE]);
}

static void
selection_changed_cb (SsrSectorMapPage *self)
{
  update_actions (self);
}

static void
items_changed_cb (SsrSectorMapPage *self)
{
  g_autofree char *summary = ssr_map_canvas_get_summary (self->canvas);

  gtk_label_set_text (self->summary_label, summary);
  update_actions (self);
}

static void
zoom_changed_cb (SsrSectorMapPage *self)
{
  double percent = ssr_map_canvas_get_zoom (self->canvas) * 100;
  g_autofree char *text = g_strdup_printf ("%.0f %%", percent);
  g_autofree char *name = NULL;

  gtk_label_set_text (self->zoom_label, text);
  /* Translators: the accessible name of the button that shows the zoom
   * and shows the whole map again; the number is the zoom in percent */
  name = g_strdup_printf (_("Show the whole map (zoom %.0f %%)"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
list_activate_cb (SsrSectorMapPage *self,
                  guint             position)
{
  g_autoptr(SsrItem) item = g_list_model_get_item (ssr_map_canvas_get_items (self->canvas), position);

  if (item != NULL)
    ssr_map_canvas_edit_item (GTK_WIDGET (self), item);
}

/* Search: the actors whose name contains the text are highlighted */

static GStrv
matching_actors (SsrSectorMapPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *needle = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *items = ssr_map_canvas_get_items (self->canvas);

  if (stripped[0] == '\0')
    return NULL;

  needle = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SsrItem) item = g_list_model_get_item (items, i);
      g_autofree char *name = NULL;

      if (!SSR_IS_ACTOR (item) || ssr_actor_get_name (SSR_ACTOR (item)) == NULL)
        continue;

      name = g_utf8_casefold (ssr_actor_get_name (SSR_ACTOR (item)), -1);
      if (strstr (name, needle) != NULL)
        g_strv_builder_add (builder, ssr_item_get_id (item));
    }

  return g_strv_builder_end (builder);
}

static void
search_changed_cb (SsrSectorMapPage *self)
{
  g_auto(GStrv) matches = matching_actors (self);

  ssr_map_canvas_set_highlighted (self->canvas, (const char * const *) matches);
}

static void
search_activate_cb (SsrSectorMapPage *self)
{
  g_auto(GStrv) matches = matching_actors (self);

  if (matches != NULL && matches[0] != NULL)
    ssr_map_canvas_select_ids (self->canvas, (const char * const *) matches);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
search_stop_cb (SsrSectorMapPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* Filters: a check box per category and relation type */

static GStrv
shown_terms (SsrSectorMapPage *self,
             gboolean          categories)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean all = TRUE;

  for (guint i = 0; i < self->filter_entries->len; i++)
    {
      const FilterEntry *entry = &g_array_index (self->filter_entries, FilterEntry, i);
      g_autoptr(GVariant) state = NULL;

      if (entry->is_category != categories)
        continue;

      state = g_action_group_get_action_state (G_ACTION_GROUP (self->filter_actions), entry->action_name);
      if (g_variant_get_boolean (state))
        g_strv_builder_add (builder, entry->term_id);
      else
        all = FALSE;
    }

  /* everything shown: no filter, and the items of no known type stay too */
  return all ? NULL : g_strv_builder_end (builder);
}

static void
apply_filters (SsrSectorMapPage *self)
{
  g_auto(GStrv) categories = shown_terms (self, TRUE);
  g_auto(GStrv) relation_types = shown_terms (self, FALSE);

  ssr_map_canvas_set_categories (self->canvas, (const char * const *) categories);
  ssr_map_canvas_set_relation_types (self->canvas, (const char * const *) relation_types);

  if (categories != NULL || relation_types != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
filter_change_state_cb (GSimpleAction    *action,
                        GVariant         *state,
                        SsrSectorMapPage *self)
{
  g_simple_action_set_state (action, state);
  apply_filters (self);
}

static void
show_all_cb (GSimpleAction    *action,
             GVariant         *parameter,
             SsrSectorMapPage *self)
{
  for (guint i = 0; i < self->filter_entries->len; i++)
    {
      const FilterEntry *entry = &g_array_index (self->filter_entries, FilterEntry, i);
      GAction *check = g_action_map_lookup_action (G_ACTION_MAP (self->filter_actions), entry->action_name);

      g_simple_action_set_state (G_SIMPLE_ACTION (check), g_variant_new_boolean (TRUE));
    }

  apply_filters (self);
}

static void
add_filter_heading (SsrSectorMapPage *self,
                    const char       *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_box_append (self->filter_box, label);
}

static void
add_filter_terms (SsrSectorMapPage *self,
                  const char       *list,
                  const char       *prefix,
                  gboolean          is_category)
{
  GListModel *terms = ssr_framework_get_list (self->framework, list);

  for (guint i = 0; terms != NULL && i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(SsrTerm) term = g_list_model_get_item (terms, i);
      g_autofree char *name = g_strconcat (prefix, "-", ssr_term_get_id (term), NULL);
      g_autoptr(GSimpleAction) action = NULL;
      g_autofree char *detailed = NULL;
      FilterEntry entry;
      GtkWidget *check;

      /* a term id that cannot name an action goes by its place */
      if (!g_action_name_is_valid (name))
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u", prefix, i);
        }

      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
      g_signal_connect_object (action, "change-state", G_CALLBACK (filter_change_state_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->filter_actions), G_ACTION (action));

      detailed = g_strconcat ("map-filter.", name, NULL);
      check = gtk_check_button_new_with_label (ssr_term_get_name (term));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), detailed);
      gtk_box_append (self->filter_box, check);

      entry.action_name = g_steal_pointer (&name);
      entry.term_id = g_strdup (ssr_term_get_id (term));
      entry.is_category = is_category;
      g_array_append_val (self->filter_entries, entry);
    }
}

static void
setup_filters (SsrSectorMapPage *self)
{
  g_autoptr(GSimpleAction) show_all = g_simple_action_new ("show-all", NULL);
  GtkWidget *button;

  self->filter_actions = g_simple_action_group_new ();
  g_signal_connect_object (show_all, "activate", G_CALLBACK (show_all_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self->filter_actions), G_ACTION (show_all));

  add_filter_heading (self, _("Actor Categories"));
  add_filter_terms (self, "actor-categories", "category", TRUE);
  add_filter_heading (self, _("Relation Types"));
  add_filter_terms (self, "relation-types", "relation", FALSE);

  button = gtk_button_new_with_mnemonic (_("_Show All"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "map-filter.show-all");
  gtk_widget_set_margin_top (button, 6);
  gtk_box_append (self->filter_box, button);

  gtk_widget_insert_action_group (GTK_WIDGET (self), "map-filter", G_ACTION_GROUP (self->filter_actions));
}

/* Colours: by category, stance or a rating scale */

static const char *
color_by_name (SsrSectorMapPage *self,
               const char       *color_by)
{
  SsrTerm *scale;

  if (g_strcmp0 (color_by, "stance") == 0)
    return _("Stance");
  if (color_by != NULL &&
      (scale = ssr_framework_lookup_in (self->framework, "rating-scales", color_by)) != NULL)
    return ssr_term_get_name (scale);

  return _("Category");
}

static void
setup_color_menu (SsrSectorMapPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenu) ratings = g_menu_new ();
  g_autoptr(GMenu) legend = g_menu_new ();
  GListModel *scales = ssr_framework_get_list (self->framework, "rating-scales");

  g_menu_append (kinds, _("_Category"), "map.color-by::category");
  g_menu_append (kinds, _("_Stance"), "map.color-by::stance");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (kinds));

  for (guint i = 0; scales != NULL && i < g_list_model_get_n_items (scales); i++)
    {
      g_autoptr(SsrTerm) scale = g_list_model_get_item (scales, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (ssr_term_get_name (scale), NULL);

      g_menu_item_set_action_and_target_value (item, "map.color-by", g_variant_new_string (ssr_term_get_id (scale)));
      g_menu_append_item (ratings, item);
    }
  g_menu_append_section (menu, _("Rating"), G_MENU_MODEL (ratings));
  g_menu_append (legend, _("Show _Legend"), "map.show-legend");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (legend));

  gtk_menu_button_set_menu_model (self->color_button, G_MENU_MODEL (menu));
}

static void
show_color_by (SsrSectorMapPage *self)
{
  /* Translators: the button that chooses the node colours: "Colour: Stance" */
  g_autofree char *label = g_strdup_printf (_("Colour: %s"), color_by_name (self, self->color_by));

  gtk_menu_button_set_label (self->color_button, label);
  ssr_map_canvas_set_color_by (self->canvas, self->color_by);
}

static void
set_color_by (SsrSectorMapPage *self,
              const char       *color_by)
{
  if (color_by == NULL || g_strcmp0 (self->color_by, color_by) == 0)
    return;

  g_free (self->color_by);
  self->color_by = g_strdup (color_by);
  if (self->canvas != NULL)
    show_color_by (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_BY]);
}

/* Actions */

static void
relayout_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ssr_map_canvas_relayout (SSR_SECTOR_MAP_PAGE (widget)->canvas);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  ssr_map_canvas_move_selection (SSR_SECTOR_MAP_PAGE (widget)->canvas, dx, dy);
}

static guint
count_relations_of (SsrSectorMapPage *self,
                    SsrItem          *actor)
{
  GListModel *relations = ssr_assessment_get_relations (self->document);
  const char *id = ssr_item_get_id (actor);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (ssr_relation_get_source (relation), id) == 0 ||
          g_strcmp0 (ssr_relation_get_target (relation), id) == 0)
        count++;
    }

  return count;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsrSectorMapPage *self = SSR_SECTOR_MAP_PAGE (widget);
  g_autoptr(GPtrArray) items = ssr_map_canvas_get_selected_items (self->canvas);
  SsrHistory *history = ssr_assessment_get_history (self->document);
  g_autofree char *message = NULL;
  GtkWidget *window;
  guint n_removed = 0;

  if (items->len == 0)
    return;

  if (items->len == 1)
    {
      SsrItem *item = g_ptr_array_index (items, 0);
      const SsrItemFields *fields = ssr_item_fields_lookup (G_OBJECT_TYPE (item));
      g_autofree char *label = ssr_item_fields_get_display_label (fields, item, self->document, self->framework);
      guint n_relations = SSR_IS_ACTOR (item) ? count_relations_of (self, item) : 0;
      guint n_mended = ssr_assessment_remove_item (self->document, item);

      message = ssr_item_fields_format_deleted (fields, label, n_relations,
                                                n_mended > n_relations ? n_mended - n_relations : 0);
    }
  else
    {
      ssr_history_begin_group (history, _("Delete from the map"));
      for (guint i = 0; i < items->len; i++)
        {
          SsrItem *item = g_ptr_array_index (items, i);

          /* a relation may have gone with one of its actors */
          if (ssr_assessment_lookup (self->document, ssr_item_get_id (item)) == item)
            {
              ssr_assessment_remove_item (self->document, item);
              n_removed++;
            }
        }
      ssr_history_end_group (history);

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item deleted", "%u items deleted", n_removed),
                                 n_removed);
    }

  window = gtk_widget_get_ancestor (widget, SSR_TYPE_WINDOW);
  if (window != NULL)
    ssr_window_show_undo_toast (SSR_WINDOW (window), message);

  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (SSR_SECTOR_MAP_PAGE (widget)->search_entry));
}

static void
imported_cb (SsrSectorMapPage *self,
             guint             n_items)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item imported",
                                                           "%u items imported", n_items),
                                              n_items);

  show_toast (self, message);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsrSectorMapPage *self = SSR_SECTOR_MAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = ssr_csv_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->document, self->framework);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
ssr_sector_map_page_dispose (GObject *object)
{
  SsrSectorMapPage *self = SSR_SECTOR_MAP_PAGE (object);
  GtkWidget *child;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->canvas != NULL)
    ssr_map_canvas_set_document (self->canvas, NULL, NULL);

  gtk_widget_insert_action_group (GTK_WIDGET (self), "map-filter", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_SECTOR_MAP_PAGE);
  /* the template's root, which no field holds */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->canvas = NULL;

  g_clear_object (&self->filter_actions);
  g_clear_object (&self->document);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (ssr_sector_map_page_parent_class)->dispose (object);
}

static void
ssr_sector_map_page_finalize (GObject *object)
{
  SsrSectorMapPage *self = SSR_SECTOR_MAP_PAGE (object);

  g_clear_pointer (&self->filter_entries, g_array_unref);
  g_clear_pointer (&self->color_by, g_free);

  G_OBJECT_CLASS (ssr_sector_map_page_parent_class)->finalize (object);
}

static void
ssr_sector_map_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SsrSectorMapPage *self = SSR_SECTOR_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLOR_BY:
      g_value_set_string (value, self->color_by);
      break;

    case PROP_LIST_VISIBLE:
      g_value_set_boolean (value, self->list_visible);
      break;

    case PROP_SELECTION_SENSITIVE:
      g_value_set_boolean (value, self->document != NULL && get_selection_sensitive (self));
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_sector_map_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SsrSectorMapPage *self = SSR_SECTOR_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLOR_BY:
      set_color_by (self, g_value_get_string (value));
      break;

    case PROP_LIST_VISIBLE:
      if (self->list_visible != g_value_get_boolean (value))
        {
          self->list_visible = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SELECTION_SENSITIVE:
      if (self->document != NULL)
        set_selection_sensitive (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_LEGEND:
      if (self->show_legend != g_value_get_boolean (value))
        {
          self->show_legend = g_value_get_boolean (value);
          if (self->canvas != NULL)
            ssr_map_canvas_set_show_legend (self->canvas, self->show_legend);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_sector_map_page_class_init (SsrSectorMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_sector_map_page_dispose;
  object_class->finalize = ssr_sector_map_page_finalize;
  object_class->get_property = ssr_sector_map_page_get_property;
  object_class->set_property = ssr_sector_map_page_set_property;

  properties[PROP_COLOR_BY] =
    g_param_spec_string ("color-by", NULL, NULL,
                         "category",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_VISIBLE] =
    g_param_spec_boolean ("list-visible", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION_SENSITIVE] =
    g_param_spec_boolean ("selection-sensitive", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-sector-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, color_button);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, flap);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SsrSectorMapPage, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  ssr_map_canvas_install_page_actions (widget_class, G_STRUCT_OFFSET (SsrSectorMapPage, canvas));
  gtk_widget_class_install_action (widget_class, "map.relayout", NULL, relayout_action);
  gtk_widget_class_install_action (widget_class, "map.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "map.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "map.move", "(dd)", move_action);
  gtk_widget_class_install_action (widget_class, "map.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "map.sensitive", "selection-sensitive");
  gtk_widget_class_install_property_action (widget_class, "map.color-by", "color-by");
  gtk_widget_class_install_property_action (widget_class, "map.show-list", "list-visible");
  gtk_widget_class_install_property_action (widget_class, "map.show-legend", "show-legend");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "map.search", NULL);

  g_type_ensure (SSR_TYPE_MAP_CANVAS);
}

static void
ssr_sector_map_page_init (SsrSectorMapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_entries = g_array_new (FALSE, TRUE, sizeof (FilterEntry));
  g_array_set_clear_func (self->filter_entries, filter_entry_clear);
  self->list_visible = TRUE;
  self->show_legend = TRUE;
  self->color_by = g_strdup ("category");

  g_object_bind_property (self, "list-visible", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
ssr_sector_map_page_setup (SsrSectorMapPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->canvas = SSR_MAP_CANVAS (ssr_map_canvas_new (SSR_MAP_CANVAS_SECTOR_MAP));
  gtk_widget_set_hexpand (GTK_WIDGET (self->canvas), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->canvas), TRUE);
  ssr_map_canvas_set_document (self->canvas, self->document, self->framework);
  ssr_map_canvas_set_context_menu (self->canvas, self->context_menu);
  adw_flap_set_content (self->flap, GTK_WIDGET (self->canvas));

  factory = ssr_map_canvas_create_list_factory (self->canvas);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, ssr_map_canvas_get_selection (self->canvas));
  ssr_map_canvas_follow_in_list (self->canvas, self->list_view);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (ssr_map_canvas_get_selection (self->canvas), "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssr_map_canvas_get_items (self->canvas), "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);

  setup_filters (self);
  setup_color_menu (self);
  show_color_by (self);
  zoom_changed_cb (self);
  items_changed_cb (self);
}

/**
 * ssr_sector_map_page_new:
 * @document: the document whose map is shown
 * @framework: the framework it follows
 *
 * Returns: (transfer floating): a new #SsrSectorMapPage
 */
GtkWidget *
ssr_sector_map_page_new (SsrAssessment *document,
                         SsrFramework  *framework)
{
  SsrSectorMapPage *self;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (SSR_TYPE_SECTOR_MAP_PAGE, NULL);
  self->document = g_object_ref (document);
  self->framework = g_object_ref (framework);
  ssr_sector_map_page_setup (self);

  return GTK_WIDGET (self);
}

/**
 * ssr_sector_map_page_get_canvas:
 * @self: a #SsrSectorMapPage
 *
 * Returns: (transfer none): the canvas that shows the map
 */
SsrMapCanvas *
ssr_sector_map_page_get_canvas (SsrSectorMapPage *self)
{
  g_return_val_if_fail (SSR_IS_SECTOR_MAP_PAGE (self), NULL);

  return self->canvas;
}
