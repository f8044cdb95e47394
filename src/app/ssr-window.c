/* ssr-window.c: a window showing one assessment: sidebar, pages, header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-window"

#include "config.h"

#include "ssr-window.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-context-page.h"
#include "ssr-coordination-page.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-item-page.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-phase-diagram.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-report-page.h"
#include "ssr-sector-map-page.h"
#include "ssr-step-page.h"
#include "ssr-term.h"
#include "ssr-welcome-page.h"
#include "ssr-window-private.h"

G_DEFINE_FINAL_TYPE (SsrWindow, ssr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define STEP_PAGE_PREFIX "step:"

/* How long a load or save runs before the progress bar shows, and its pulse. */
#define PROGRESS_DELAY_MS 300
#define PROGRESS_PULSE_MS 100

static void
update_title (SsrWindow *self)
{
  const char *title;
  const char *classification;
  g_autofree char *display_title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("SSR Workbench"));
      return;
    }

  title = ssr_assessment_get_title (self->document);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Assessment");
  modified = ssr_history_get_modified (ssr_assessment_get_history (self->document));

  /* Translators: the title of a document with unsaved changes */
  display_title = modified ? g_strdup_printf (_("• %s"), title) : g_strdup (title);

  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);

      /* Translators: the file name, then a note that it is not saved */
      subtitle = modified ? g_strdup_printf (_("%s — unsaved changes"), name)
                          : g_steal_pointer (&name);
    }
  else
    {
      subtitle = g_strdup (_("Not saved yet"));
    }

  adw_window_title_set_title (self->window_title, display_title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), display_title);

  classification = ssr_assessment_get_classification (self->document);
  gtk_label_set_label (self->classification_label, classification ? classification : "");
  gtk_widget_set_visible (GTK_WIDGET (self->classification_label),
                          classification != NULL && classification[0] != '\0');
  if (classification != NULL)
    {
      /* Translators: what a screen reader says for the marking badge */
      g_autofree char *label = g_strdup_printf (_("Classification: %s"), classification);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->classification_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
update_history_buttons (SsrWindow *self)
{
  SsrHistory *history = ssr_assessment_get_history (self->document);
  const char *undo_label = ssr_history_get_undo_label (history);
  const char *redo_label = ssr_history_get_redo_label (history);
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  /* Translators: a tooltip naming what Undo undoes: "Undo Rename actor (Ctrl+Z)" */
  undo_tooltip = undo_label ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), undo_label)
                            : g_strdup (_("Undo (Ctrl+Z)"));
  /* Translators: a tooltip naming what Redo redoes */
  redo_tooltip = redo_label ? g_strdup_printf (_("Redo %s (Ctrl+Shift+Z)"), redo_label)
                            : g_strdup (_("Redo (Ctrl+Shift+Z)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tooltip);
}

static void
history_changed_cb (SsrWindow  *self,
                    GParamSpec *pspec,
                    SsrHistory *history)
{
  update_title (self);
  update_history_buttons (self);
  _ssr_window_update_actions (self);
}

static void
document_changed_cb (SsrWindow     *self,
                     SsrAssessment *document)
{
  update_title (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->phase_diagram));
}

static void
draw_phase_diagram (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  SsrWindow *self = user_data;

  if (self->framework == NULL)
    return;

  /* The diagram's status colours were chosen against white: keep it light
   * in the dark style too, as a printed page would be. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ssr_phase_diagram_draw (cr, self->framework, self->document, width, height);
}

static void
phase_diagram_released_cb (SsrWindow       *self,
                           int              n_press,
                           double           x,
                           double           y,
                           GtkGestureClick *gesture)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->phase_diagram));
  int height = gtk_widget_get_height (GTK_WIDGET (self->phase_diagram));
  double step_x, step_y, step_width, step_height;

  if (self->framework == NULL)
    return;

  for (guint i = 0;
       ssr_phase_diagram_get_step_area (self->framework, i, width, height,
                                        &step_x, &step_y, &step_width, &step_height);
       i++)
    {
      if (x >= step_x && x < step_x + step_width && y >= step_y && y < step_y + step_height)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (ssr_framework_get_steps (self->framework), i);
          g_autofree char *page_id = g_strconcat (STEP_PAGE_PREFIX, ssr_term_get_id (step), NULL);

          ssr_window_show_page (self, page_id);
          return;
        }
    }
}

/* A page of several views, switched by a row of tabs above them. */
static GtkWidget *
create_tabbed_page (AdwViewStack *stack)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_widget_set_vexpand (GTK_WIDGET (stack), TRUE);

  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (stack));

  return box;
}

static void
add_view (AdwViewStack *stack,
          GtkWidget    *child,
          const char   *name,
          const char   *title,
          const char   *icon_name)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (stack, child, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
}

static GtkWidget *
create_item_page (SsrWindow *self,
                  GType      item_type)
{
  return ssr_item_page_new (self->document, self->framework, item_type);
}

static GtkWidget *
create_sector_map_page (SsrWindow *self)
{
  AdwViewStack *stack = ADW_VIEW_STACK (adw_view_stack_new ());

  add_view (stack, ssr_sector_map_page_new (self->document, self->framework),
            "map", _("Map"), "mark-location-symbolic");
  add_view (stack, create_item_page (self, SSR_TYPE_RELATION),
            "relations", _("Relations"), "view-list-symbolic");

  return create_tabbed_page (stack);
}

static GtkWidget *
create_coordination_page (SsrWindow *self)
{
  AdwViewStack *stack = ADW_VIEW_STACK (adw_view_stack_new ());

  add_view (stack, ssr_coordination_page_new (self->document, self->framework),
            "diagram", _("Diagram"), "x-office-drawing-symbolic");
  add_view (stack, create_item_page (self, SSR_TYPE_MECHANISM),
            "mechanisms", _("Mechanisms"), "network-workgroup-symbolic");
  add_view (stack, create_item_page (self, SSR_TYPE_ORGANISATION),
            "organisations", _("Organisations"), "system-users-symbolic");

  return create_tabbed_page (stack);
}

static GtkWidget *
create_page (SsrWindow  *self,
             const char *page_id)
{
  static const struct {
    const char *page_id;
    GType     (*item_type) (void);
  } item_pages[] = {
    { "actors", ssr_actor_get_type },
    { "findings", ssr_finding_get_type },
    { "priorities", ssr_priority_get_type },
    { "indicators", ssr_indicator_get_type },
    { "principles", ssr_principle_check_get_type },
  };

  if (g_str_has_prefix (page_id, STEP_PAGE_PREFIX))
    return ssr_step_page_new (self->document, self->framework,
                              page_id + strlen (STEP_PAGE_PREFIX));

  for (guint i = 0; i < G_N_ELEMENTS (item_pages); i++)
    {
      if (g_str_equal (page_id, item_pages[i].page_id))
        return create_item_page (self, item_pages[i].item_type ());
    }

  if (g_str_equal (page_id, "context"))
    return ssr_context_page_new (self->document, self->framework);
  if (g_str_equal (page_id, "sector-map"))
    return create_sector_map_page (self);
  if (g_str_equal (page_id, "coordination"))
    return create_coordination_page (self);

  g_assert (g_str_equal (page_id, "report"));
  return ssr_report_page_new (self->document, self->framework);
}

static void
select_sidebar_entry (SsrWindow  *self,
                      const char *page_id)
{
  guint position = ssr_sidebar_find_page (self->sidebar, page_id);

  if (gtk_single_selection_get_selected (self->sidebar_selection) == position)
    return;

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->sidebar_selection, position);
  self->syncing_selection = FALSE;

  /* GTK 4.8 has no gtk_list_view_scroll_to (); its action does the same. */
  gtk_widget_activate_action (GTK_WIDGET (self->sidebar_list), "list.scroll-to-item", "u", position);
}

static void
sidebar_selected_cb (SsrWindow          *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  SsrSidebarEntry *entry = gtk_single_selection_get_selected_item (selection);

  if (self->syncing_selection || entry == NULL || !ssr_sidebar_entry_get_selectable (entry))
    return;

  ssr_window_show_page (self, ssr_sidebar_entry_get_page_id (entry));
}

static void
remove_document_pages (SsrWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));

  gtk_stack_set_visible_child_name (self->page_stack, "overview");
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      GtkStackPage *page = gtk_stack_get_page (self->page_stack, child);

      if (g_strcmp0 (gtk_stack_page_get_name (page), "overview") != 0)
        gtk_stack_remove (self->page_stack, child);
      child = next;
    }
}

static SsrFramework *
load_framework (SsrWindow     *self,
                SsrAssessment *document)
{
  const char *id = ssr_assessment_get_framework (document);
  g_autoptr(GError) error = NULL;
  SsrFramework *framework;

  framework = ssr_framework_get_builtin (id ? id : SSR_DEFAULT_FRAMEWORK, &error);
  if (framework != NULL)
    return framework;

  /* The document still opens: its steps are shown as the default
   * framework has them, and what it records is kept as it is. */
  _ssr_window_show_toast (self, error->message);
  return ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, NULL);
}

static void
disconnect_document (SsrWindow *self)
{
  if (self->document == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->document, self);
  g_signal_handlers_disconnect_by_data (ssr_assessment_get_history (self->document), self);
}

void
ssr_window_set_document (SsrWindow     *self,
                         SsrAssessment *document,
                         GFile         *file)
{
  g_return_if_fail (SSR_IS_WINDOW (self));
  g_return_if_fail (document == NULL || SSR_IS_ASSESSMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  disconnect_document (self);
  remove_document_pages (self);
  gtk_single_selection_set_model (self->sidebar_selection, NULL);
  g_clear_object (&self->sidebar);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->page_id, g_free);
  self->close_confirmed = FALSE;
  self->close_after_save = FALSE;

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);

  if (document != NULL)
    {
      SsrHistory *history = ssr_assessment_get_history (document);

      self->framework = load_framework (self, document);
      self->sidebar = ssr_sidebar_new (document, self->framework);
      gtk_single_selection_set_model (self->sidebar_selection, G_LIST_MODEL (self->sidebar));

      g_signal_connect_object (document, "changed",
                               G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify",
                               G_CALLBACK (history_changed_cb), self,
                               G_CONNECT_SWAPPED);

      gtk_stack_set_visible_child_name (self->main_stack, "document");
      ssr_window_show_page (self, "overview");
      update_history_buttons (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->phase_diagram));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  update_title (self);
  _ssr_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

void
ssr_window_show_page (SsrWindow  *self,
                      const char *page_id)
{
  GtkWidget *page;

  g_return_if_fail (SSR_IS_WINDOW (self));
  g_return_if_fail (page_id != NULL);

  if (self->document == NULL)
    return;

  if (ssr_sidebar_find_page (self->sidebar, page_id) == G_MAXUINT)
    {
      g_debug ("No page “%s” in this assessment", page_id);
      return;
    }

  page = gtk_stack_get_child_by_name (self->page_stack, page_id);
  if (page == NULL)
    {
      page = create_page (self, page_id);
      gtk_stack_add_named (self->page_stack, page, page_id);
    }

  gtk_stack_set_visible_child (self->page_stack, page);
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  select_sidebar_entry (self, page_id);

  if (g_strcmp0 (self->page_id, page_id) != 0)
    {
      g_free (self->page_id);
      self->page_id = g_strdup (page_id);
      _ssr_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

const char *
ssr_window_get_page (SsrWindow *self)
{
  g_return_val_if_fail (SSR_IS_WINDOW (self), NULL);

  return self->page_id;
}

void
_ssr_window_show_toast (SsrWindow  *self,
                        const char *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

void
ssr_window_show_undo_toast (SsrWindow  *self,
                            const char *message)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (SSR_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
progress_pulse_cb (gpointer user_data)
{
  SsrWindow *self = user_data;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static gboolean
progress_delay_cb (gpointer user_data)
{
  SsrWindow *self = user_data;

  progress_pulse_cb (self);
  self->progress_source = g_timeout_add (PROGRESS_PULSE_MS, progress_pulse_cb, self);

  return G_SOURCE_REMOVE;
}

void
_ssr_window_begin_busy (SsrWindow *self)
{
  if (self->n_busy++ == 0)
    self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, progress_delay_cb, self);
}

void
_ssr_window_end_busy (SsrWindow *self)
{
  g_return_if_fail (self->n_busy > 0);

  if (--self->n_busy > 0)
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  /* A load may end after the window was disposed. */
  if (self->progress_bar != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
}

void
_ssr_window_add_recent (SsrWindow *self,
                        GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *)SSR_ASSESSMENT_MIME_TYPE,
    .app_name = (char *)PACKAGE_NAME,
    .app_exec = (char *)"ssr-workbench %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
_ssr_window_set_file (SsrWindow *self,
                      GFile     *file)
{
  if (self->file != NULL && file != NULL && g_file_equal (self->file, file))
    return;

  g_set_object (&self->file, file);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

SsrWindow *
_ssr_window_get_target (SsrWindow *self)
{
  SsrWindow *window;

  if (self->document == NULL
      || !ssr_history_get_modified (ssr_assessment_get_history (self->document)))
    return self;

  window = ssr_window_new (ADW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

void
_ssr_window_open_files (SsrWindow *self,
                        GSList    *files)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  for (GSList *l = files; l != NULL; l = l->next)
    {
      SsrWindow *window = self;

      /* One document per window: the first may come here, the others
       * each get a window of their own. */
      if (l != files)
        {
          window = ssr_window_new (ADW_APPLICATION (application));
          gtk_window_present (GTK_WINDOW (window));
        }

      ssr_window_open (window, l->data);
    }
}

static gboolean
drop_cb (SsrWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean accepted = files != NULL;

  _ssr_window_open_files (self, files);
  g_slist_free (files);

  return accepted;
}

static void
save_window_state (SsrWindow *self)
{
  int width, height;

  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

static void
close_response_cb (SsrWindow        *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "save"))
    {
      if (self->file != NULL)
        _ssr_window_save_to (self, self->file, TRUE);
      else
        _ssr_window_save_as (self, TRUE);
    }
  else if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
ask_before_closing (SsrWindow *self)
{
  const char *title = ssr_assessment_get_title (self->document);
  GtkWidget *dialog;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (self->close_dialog);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. "
                                    "Changes that are not saved are lost when the window closes."),
                                  title && title[0] ? title : _("Untitled Assessment"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (close_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->close_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->close_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ssr_window_close_request (GtkWindow *window)
{
  SsrWindow *self = SSR_WINDOW (window);

  if (self->document != NULL
      && !self->close_confirmed
      && ssr_history_get_modified (ssr_assessment_get_history (self->document)))
    {
      ask_before_closing (self);
      return TRUE;
    }

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (ssr_window_parent_class)->close_request (window);
}

static void
ssr_window_dispose (GObject *object)
{
  SsrWindow *self = (SsrWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->close_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->close_dialog), (gpointer *)&self->close_dialog);
      self->close_dialog = NULL;
    }
  disconnect_document (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_WINDOW);

  g_clear_object (&self->sidebar);
  g_clear_object (&self->document);
  g_clear_object (&self->framework);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ssr_window_parent_class)->dispose (object);
}

static void
ssr_window_finalize (GObject *object)
{
  SsrWindow *self = (SsrWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->page_id, g_free);

  G_OBJECT_CLASS (ssr_window_parent_class)->finalize (object);
}

static void
ssr_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SsrWindow *self = SSR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_PAGE:
      g_value_set_string (value, self->page_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_window_class_init (SsrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ssr_window_dispose;
  object_class->finalize = ssr_window_finalize;
  object_class->get_property = ssr_window_get_property;

  window_class->close_request = ssr_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SSR_TYPE_ASSESSMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SSR_TYPE_SIDEBAR_ENTRY);
  g_type_ensure (SSR_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, sidebar_selection);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, classification_label);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, SsrWindow, phase_diagram);

  _ssr_window_class_actions_init (widget_class);
}

static void
ssr_window_init (SsrWindow *self)
{
  GtkDropTarget *drop_target;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  /* Read once; afterwards each window writes its own state. */
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);

  gtk_drawing_area_set_draw_func (self->phase_diagram, draw_phase_diagram, self, NULL);
  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released",
                           G_CALLBACK (phase_diagram_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->phase_diagram), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (self->sidebar_selection, "notify::selected",
                           G_CALLBACK (sidebar_selected_cb), self,
                           G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  ssr_window_set_document (self, NULL, NULL);
}

SsrWindow *
ssr_window_new (AdwApplication *application)
{
  return g_object_new (SSR_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

SsrAssessment *
ssr_window_get_document (SsrWindow *self)
{
  g_return_val_if_fail (SSR_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
ssr_window_get_file (SsrWindow *self)
{
  g_return_val_if_fail (SSR_IS_WINDOW (self), NULL);

  return self->file;
}
