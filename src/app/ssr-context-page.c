/* ssr-context-page.c: the country, its context, the classification and the team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-context-page"

#include "config.h"

#include "ssr-context-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ssr-item.h"
#include "ssr-notes-view.h"
#include "ssr-team-member.h"
#include "ssr-term-combo-row.h"
#include "ssr-window.h"

struct _SsrContextPage
{
  GtkWidget        parent_instance;

  SsrAssessment   *document;
  SsrFramework    *framework;

  GtkWidget       *scroller;
  AdwEntryRow     *title_row;
  AdwEntryRow     *classification_row;
  AdwEntryRow     *start_date_row;
  AdwEntryRow     *end_date_row;
  AdwPreferencesGroup *country_group;
  AdwEntryRow     *country_row;
  SsrTermComboRow *context_type_row;
  SsrNotesView    *context_view;
  GtkListBox      *team_list;
};

G_DEFINE_FINAL_TYPE (SsrContextPage, ssr_context_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FRAMEWORK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * An entry row edits one string property of the document or of a team
 * member. It commits on Enter (or its apply button) and when the focus
 * leaves it, so one typing burst is one undo step; it shows the model's
 * value whenever that changes.
 */
typedef struct
{
  SsrContextPage *page;
  GObject        *target;
  const char     *property;
  gboolean        is_date;
} EntryBinding;

static void
entry_binding_free (gpointer data)
{
  EntryBinding *binding = data;

  g_clear_object (&binding->target);
  g_free (binding);
}

/* Accepts exactly YYYY-MM-DD naming a real day, or nothing at all. */
static gboolean
is_valid_date (const char *text)
{
  guint year, month, day;

  if (text[0] == '\0')
    return TRUE;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
entry_row_check (AdwEntryRow  *row,
                 EntryBinding *binding)
{
  g_autofree char *text = NULL;
  gboolean valid;

  if (!binding->is_date)
    return TRUE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  valid = is_valid_date (text);

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                                   _("Not a date: write it as YYYY-MM-DD, for example 2026-03-02"));
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);

  return valid;
}

static void
entry_row_show (AdwEntryRow *row)
{
  EntryBinding *binding = g_object_get_data (G_OBJECT (row), "ssr-entry-binding");
  g_autofree char *value = NULL;

  g_object_get (binding->target, binding->property, &value, NULL);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value != NULL ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  entry_row_check (row, binding);
}

/* Returns FALSE when the text is refused (not a date). */
static gboolean
entry_row_commit (AdwEntryRow *row)
{
  EntryBinding *binding = g_object_get_data (G_OBJECT (row), "ssr-entry-binding");
  SsrAssessment *document = binding->page->document;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  /* The row of a member an undo just removed loses the focus as it goes:
   * that member is no longer the document's to edit. */
  if (SSR_IS_ITEM (binding->target))
    {
      const char *id = ssr_item_get_id (SSR_ITEM (binding->target));

      if (ssr_assessment_lookup (document, id) != (gpointer) binding->target)
        return TRUE;
    }

  if (!entry_row_check (row, binding))
    return FALSE;

  g_strstrip (text);
  ssr_assessment_set (document, binding->target,
                      binding->property, text[0] != '\0' ? text : NULL,
                      NULL);
  /* show the text as stored: without the spaces around it */
  entry_row_show (row);

  return TRUE;
}

static void
entry_row_activated_cb (AdwEntryRow *row)
{
  if (!entry_row_commit (row))
    gtk_widget_error_bell (GTK_WIDGET (row));
}

static void
entry_row_focus_leave_cb (GtkEventControllerFocus *focus)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));

  entry_row_commit (row);

  /* Committed: the apply button has nothing left to apply. */
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
entry_row_target_notify_cb (AdwEntryRow *row)
{
  entry_row_show (row);
}

static void
entry_row_changed_cb (AdwEntryRow *row)
{
  EntryBinding *binding = g_object_get_data (G_OBJECT (row), "ssr-entry-binding");

  entry_row_check (row, binding);
}

static void
bind_entry_row (SsrContextPage *self,
                AdwEntryRow    *row,
                gpointer        target,
                const char     *property,
                gboolean        is_date)
{
  EntryBinding *binding = g_new0 (EntryBinding, 1);
  g_autofree char *detailed_signal = g_strconcat ("notify::", property, NULL);
  GtkEventController *focus;

  binding->page = self;
  binding->target = g_object_ref (target);
  binding->property = g_intern_string (property);
  binding->is_date = is_date;
  g_object_set_data_full (G_OBJECT (row), "ssr-entry-binding", binding, entry_binding_free);

  g_signal_connect (row, "apply", G_CALLBACK (entry_row_activated_cb), NULL);
  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_row_activated_cb), NULL);
  g_signal_connect (row, "changed", G_CALLBACK (entry_row_changed_cb), NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (entry_row_focus_leave_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);

  g_signal_connect_object (target, detailed_signal, G_CALLBACK (entry_row_target_notify_cb),
                           row, G_CONNECT_SWAPPED);
  entry_row_show (row);
}

/* The context type */

static void
show_context_type (SsrContextPage *self)
{
  ssr_term_combo_row_set_term_id (self->context_type_row,
                                  ssr_assessment_get_context_type (self->document));
}

static void
context_type_notify_cb (SsrContextPage *self)
{
  show_context_type (self);
}

static void
context_type_chosen_cb (SsrContextPage *self)
{
  ssr_assessment_set (self->document, self->document,
                      "context-type", ssr_term_combo_row_get_term_id (self->context_type_row),
                      NULL);
}

/* The description of the country context */

static void
context_commit_cb (SsrContextPage *self,
                   const char     *text)
{
  ssr_assessment_set (self->document, self->document, "context", text, NULL);
}

static void
context_notify_cb (SsrContextPage *self)
{
  ssr_notes_view_show_text (self->context_view, ssr_assessment_get_context (self->document));
}

/* The team */

static void
show_member (AdwExpanderRow *row)
{
  SsrTeamMember *member = g_object_get_data (G_OBJECT (row), "ssr-member");
  GtkWidget *remove_button = g_object_get_data (G_OBJECT (row), "ssr-remove-button");
  const char *name = ssr_team_member_get_name (member);
  const char *role = ssr_team_member_get_role (member);
  const char *agency = ssr_team_member_get_agency (member);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;

  if (name == NULL || name[0] == '\0')
    name = _("Unnamed member");

  if (role != NULL && agency != NULL)
    /* Translators: a team member's role and agency: "Team leader · Foreign Ministry" */
    subtitle = g_strdup_printf (_("%s · %s"), role, agency);
  else
    subtitle = g_strdup (role != NULL ? role : agency);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (row, subtitle != NULL ? subtitle : "");

  /* Translators: the accessible name of a button; %s is a person's name */
  remove_label = g_strdup_printf (_("Remove “%s” from the team"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static void
member_notify_cb (AdwExpanderRow *row)
{
  show_member (row);
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  SsrContextPage *self = user_data;
  SsrTeamMember *member = item;
  static const struct {
    const char *property;
    const char *title;
  } fields[] = {
    { "name", N_("Name") },
    { "agency", N_("Agency") },
    { "role", N_("Role") },
  };
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "ssr-member", g_object_ref (member), g_object_unref);

  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Remove from the team"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove_button), "s",
                                    ssr_item_get_id (SSR_ITEM (member)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove_button), "context.remove-member");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove_button);
  g_object_set_data (G_OBJECT (row), "ssr-remove-button", remove_button);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry_row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry_row), _(fields[i].title));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry_row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry_row), TRUE);
      bind_entry_row (self, ADW_ENTRY_ROW (entry_row), member, fields[i].property, FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row);
      if (i == 0)
        g_object_set_data (G_OBJECT (row), "ssr-name-row", entry_row);
    }

  g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), row, G_CONNECT_SWAPPED);
  show_member (ADW_EXPANDER_ROW (row));

  return row;
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsrContextPage *self = SSR_CONTEXT_PAGE (widget);
  g_autoptr(SsrTeamMember) member = ssr_team_member_new (NULL);
  GListModel *team = ssr_assessment_get_team (self->document);
  GtkListBoxRow *row;

  ssr_assessment_add_item (self->document, SSR_ITEM (member));

  /* Open the new member for typing the name. */
  row = gtk_list_box_get_row_at_index (self->team_list, g_list_model_get_n_items (team) - 1);
  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "ssr-name-row"));
    }
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SsrContextPage *self = SSR_CONTEXT_PAGE (widget);
  SsrItem *item = ssr_assessment_lookup (self->document, g_variant_get_string (parameter, NULL));
  g_autofree char *message = NULL;
  GtkWidget *window;
  const char *name;

  if (!SSR_IS_TEAM_MEMBER (item))
    return;

  name = ssr_team_member_get_name (SSR_TEAM_MEMBER (item));
  if (name == NULL || name[0] == '\0')
    name = _("Unnamed member");
  /* Translators: a toast after a deletion; %s is a person's name */
  message = g_strdup_printf (_("“%s” removed from the team"), name);

  ssr_assessment_remove_item (self->document, item);

  window = gtk_widget_get_ancestor (widget, SSR_TYPE_WINDOW);
  if (window != NULL)
    ssr_window_show_undo_toast (SSR_WINDOW (window), message);
}

static void
set_classification_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SsrContextPage *self = SSR_CONTEXT_PAGE (widget);

  ssr_assessment_set (self->document, self->document,
                      "classification", g_variant_get_string (parameter, NULL),
                      NULL);
}

/* The page */

/*
 * Leaving the page (another page shown, the window closed) takes the focus
 * away without a focus-out: commit what is being typed in an entry row
 * (the notes view of the context commits itself).
 */
static void
ssr_context_page_unmap (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;

  if (row != NULL && gtk_widget_is_ancestor (row, widget) &&
      g_object_get_data (G_OBJECT (row), "ssr-entry-binding") != NULL)
    entry_row_commit (ADW_ENTRY_ROW (row));

  GTK_WIDGET_CLASS (ssr_context_page_parent_class)->unmap (widget);
}

static void
ssr_context_page_constructed (GObject *object)
{
  SsrContextPage *self = SSR_CONTEXT_PAGE (object);

  G_OBJECT_CLASS (ssr_context_page_parent_class)->constructed (object);

  g_assert (SSR_IS_ASSESSMENT (self->document));
  g_assert (SSR_IS_FRAMEWORK (self->framework));

  bind_entry_row (self, self->title_row, self->document, "title", FALSE);
  bind_entry_row (self, self->classification_row, self->document, "classification", FALSE);
  bind_entry_row (self, self->start_date_row, self->document, "start-date", TRUE);
  bind_entry_row (self, self->end_date_row, self->document, "end-date", TRUE);
  bind_entry_row (self, self->country_row, self->document, "country", FALSE);

  self->context_type_row = SSR_TERM_COMBO_ROW (ssr_term_combo_row_new (self->framework, NULL,
                                                                       "context-types", TRUE));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->context_type_row), _("Context type"));
  adw_preferences_group_add (self->country_group, GTK_WIDGET (self->context_type_row));
  show_context_type (self);
  g_signal_connect_object (self->context_type_row, "notify::term-id",
                           G_CALLBACK (context_type_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::context-type",
                           G_CALLBACK (context_type_notify_cb), self, G_CONNECT_SWAPPED);

  context_notify_cb (self);
  g_signal_connect_object (self->context_view, "commit",
                           G_CALLBACK (context_commit_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::context",
                           G_CALLBACK (context_notify_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->team_list, ssr_assessment_get_team (self->document),
                           create_member_row, self, NULL);
}

static void
ssr_context_page_dispose (GObject *object)
{
  SsrContextPage *self = SSR_CONTEXT_PAGE (object);

  /* Typing in progress is not lost when the page goes away. */
  if (self->context_view != NULL)
    ssr_notes_view_commit (self->context_view);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  if (self->team_list != NULL)
    gtk_list_box_bind_model (self->team_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_CONTEXT_PAGE);

  g_clear_object (&self->framework);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ssr_context_page_parent_class)->dispose (object);
}

static void
ssr_context_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsrContextPage *self = SSR_CONTEXT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_context_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsrContextPage *self = SSR_CONTEXT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_FRAMEWORK:
      self->framework = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_context_page_class_init (SsrContextPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssr_context_page_constructed;
  object_class->dispose = ssr_context_page_dispose;
  object_class->get_property = ssr_context_page_get_property;
  object_class->set_property = ssr_context_page_set_property;

  widget_class->unmap = ssr_context_page_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SSR_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL,
                         SSR_TYPE_FRAMEWORK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SSR_TYPE_NOTES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-context-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, classification_row);
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, country_group);
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, context_view);
  gtk_widget_class_bind_template_child (widget_class, SsrContextPage, team_list);

  gtk_widget_class_install_action (widget_class, "context.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "context.remove-member", "s", remove_member_action);
  gtk_widget_class_install_action (widget_class, "context.set-classification", "s",
                                   set_classification_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "context.add-member", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ssr_context_page_init (SsrContextPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssr_context_page_new:
 * @document: the document edited
 * @framework: the framework @document follows (for the context types)
 *
 * Returns: (transfer floating): a new context & team page
 */
GtkWidget *
ssr_context_page_new (SsrAssessment *document,
                      SsrFramework  *framework)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);

  return g_object_new (SSR_TYPE_CONTEXT_PAGE,
                       "document", document,
                       "framework", framework,
                       NULL);
}
