/* ssr-welcome-page.c: what a window shows while no assessment is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-welcome-page"

#include "config.h"

#include "ssr-welcome-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ssr-window-private.h"

/* How many recent assessments the page lists at most. */
#define MAX_RECENT 8

struct _SsrWelcomePage
{
  GtkWidget         parent_instance;

  GtkRecentManager *recent_manager;
  GListStore       *recent_files;

  AdwStatusPage    *status_page;
  GtkWidget        *recent_group;
  GtkListBox       *recent_list;
};

G_DEFINE_FINAL_TYPE (SsrWelcomePage, ssr_welcome_page, GTK_TYPE_WIDGET)

static gboolean
is_assessment (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  if (!gtk_recent_info_is_local (info) || !gtk_recent_info_exists (info))
    return FALSE;

  return g_strcmp0 (gtk_recent_info_get_mime_type (info), SSR_ASSESSMENT_MIME_TYPE) == 0
         || g_str_has_suffix (uri, ".ssra");
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **)a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **)b;

  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
recent_changed_cb (SsrWelcomePage   *self,
                   GtkRecentManager *manager)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (is_assessment (l->data))
        g_ptr_array_add (infos, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_recent);
  for (guint i = 0; i < infos->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);

      g_ptr_array_add (files, g_file_new_for_uri (gtk_recent_info_get_uri (info)));
    }

  g_list_store_splice (self->recent_files, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->recent_files)),
                       files->pdata, files->len);
  gtk_widget_set_visible (self->recent_group, files->len > 0);
}

static GtkWidget *
create_recent_row (gpointer item,
                   gpointer user_data)
{
  GFile *file = item;
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *folder_path = folder ? g_file_get_path (folder) : NULL;
  g_autofree char *folder_name = NULL;
  const char *home = g_get_home_dir ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* Show the folder as a person would type it: ~/Documents. */
  if (folder_path != NULL && g_str_has_prefix (folder_path, home)
      && (folder_path[strlen (home)] == '/' || folder_path[strlen (home)] == '\0'))
    folder_name = g_strconcat ("~", folder_path + strlen (home), NULL);
  else
    folder_name = g_steal_pointer (&folder_path);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder_name ? folder_name : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
ssr_welcome_page_dispose (GObject *object)
{
  SsrWelcomePage *self = (SsrWelcomePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_WELCOME_PAGE);
  g_clear_object (&self->recent_files);
  g_clear_object (&self->recent_manager);

  G_OBJECT_CLASS (ssr_welcome_page_parent_class)->dispose (object);
}

static void
ssr_welcome_page_class_init (SsrWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, SsrWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, SsrWelcomePage, recent_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ssr_welcome_page_init (SsrWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent_files = g_list_store_new (G_TYPE_FILE);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->recent_files),
                           create_recent_row, NULL, NULL);

  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (recent_changed_cb), self,
                           G_CONNECT_SWAPPED);
  recent_changed_cb (self, self->recent_manager);
}

GListModel *
ssr_welcome_page_get_recent_files (SsrWelcomePage *self)
{
  g_return_val_if_fail (SSR_IS_WELCOME_PAGE (self), NULL);

  return G_LIST_MODEL (self->recent_files);
}
