/* ssr-coordination-page.c: the coordination diagram and the list of what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-coordination-page"

#include "config.h"

#include "ssr-coordination-page.h"

#include <glib/gi18n-lib.h>

#include "ssr-item.h"


struct _SsrCoordinationPage
{
  GtkWidget      parent_instance;

  SsrAssessment *document;
  SsrFramework  *framework;
  SsrMapCanvas  *canvas;
  gboolean       list_visible;

  /* template */
  GtkButton     *zoom_button;
  GtkLabel      *zoom_label;
  AdwFlap       *flap;
  GtkLabel      *summary_label;
  GtkListView   *list_view;
  GMenuModel    *context_menu;
};

G_DEFINE_FINAL_TYPE (SsrCoordinationPage, ssr_coordination_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
selection_changed_cb (SsrCoordinationPage *self)
{
  g_autoptr(GPtrArray) items = ssr_map_canvas_get_selected_items (self->canvas);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.edit", items->len == 1);
}

static void
items_changed_cb (SsrCoordinationPage *self)
{
  g_autofree char *summary = ssr_map_canvas_get_summary (self->canvas);

  gtk_label_set_text (self->summary_label, summary);
  selection_changed_cb (self);
}

static void
zoom_changed_cb (SsrCoordinationPage *self)
{
  double percent = ssr_map_canvas_get_zoom (self->canvas) * 100;
  g_autofree char *text = g_strdup_printf ("%.0f %%", percent);
  g_autofree char *name = NULL;

  gtk_label_set_text (self->zoom_label, text);
  /* Translators: the accessible name of the button that shows the zoom
   * and shows the diagram at its original size again; the number is the zoom in percent */
  name = g_strdup_printf (_("Original size (zoom %.0f %%)"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
list_activate_cb (SsrCoordinationPage *self,
                  guint                position)
{
  g_autoptr(SsrItem) item = g_list_model_get_item (ssr_map_canvas_get_items (self->canvas), position);

  if (item != NULL)
    ssr_map_canvas_edit_item (GTK_WIDGET (self), item);
}

/* Actions */

/* GObject */

static void
ssr_coordination_page_dispose (GObject *object)
{
  SsrCoordinationPage *self = SSR_COORDINATION_PAGE (object);
  GtkWidget *child;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->canvas != NULL)
    ssr_map_canvas_set_document (self->canvas, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_COORDINATION_PAGE);
  /* the template's root, which no field holds */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->canvas = NULL;

  g_clear_object (&self->document);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (ssr_coordination_page_parent_class)->dispose (object);
}

static void
ssr_coordination_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SsrCoordinationPage *self = SSR_COORDINATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIST_VISIBLE:
      g_value_set_boolean (value, self->list_visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_coordination_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SsrCoordinationPage *self = SSR_COORDINATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIST_VISIBLE:
      if (self->list_visible != g_value_get_boolean (value))
        {
          self->list_visible = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_coordination_page_class_init (SsrCoordinationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_coordination_page_dispose;
  object_class->get_property = ssr_coordination_page_get_property;
  object_class->set_property = ssr_coordination_page_set_property;

  properties[PROP_LIST_VISIBLE] =
    g_param_spec_boolean ("list-visible", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-coordination-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrCoordinationPage, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, SsrCoordinationPage, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, SsrCoordinationPage, flap);
  gtk_widget_class_bind_template_child (widget_class, SsrCoordinationPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SsrCoordinationPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SsrCoordinationPage, context_menu);

  ssr_map_canvas_install_page_actions (widget_class, G_STRUCT_OFFSET (SsrCoordinationPage, canvas));
  gtk_widget_class_install_property_action (widget_class, "map.show-list", "list-visible");

}

static void
ssr_coordination_page_init (SsrCoordinationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list_visible = TRUE;
  g_object_bind_property (self, "list-visible", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
ssr_coordination_page_setup (SsrCoordinationPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->canvas = SSR_MAP_CANVAS (ssr_map_canvas_new (SSR_MAP_CANVAS_COORDINATION));
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
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);

  zoom_changed_cb (self);
  items_changed_cb (self);
}

/**
 * ssr_coordination_page_new:
 * @document: the document whose coordination is shown
 * @framework: the framework it follows
 *
 * Returns: (transfer floating): a new #SsrCoordinationPage
 */
GtkWidget *
ssr_coordination_page_new (SsrAssessment *document,
                           SsrFramework  *framework)
{
  SsrCoordinationPage *self;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (SSR_TYPE_COORDINATION_PAGE, NULL);
  self->document = g_object_ref (document);
  self->framework = g_object_ref (framework);
  ssr_coordination_page_setup (self);

  return GTK_WIDGET (self);
}

/**
 * ssr_coordination_page_get_canvas:
 * @self: a #SsrCoordinationPage
 *
 * Returns: (transfer none): the canvas that shows the diagram
 */
SsrMapCanvas *
ssr_coordination_page_get_canvas (SsrCoordinationPage *self)
{
  g_return_val_if_fail (SSR_IS_COORDINATION_PAGE (self), NULL);

  return self->canvas;
}
