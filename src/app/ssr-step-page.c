/* ssr-step-page.c: one step of the framework: guidance, tasks, status, notes, findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-step-page"

#include "config.h"

#include "ssr-step-page.h"

#include <glib/gi18n.h>

#include "ssr-core-enums.h"
#include "ssr-finding.h"
#include "ssr-item.h"
#include "ssr-notes-view.h"
#include "ssr-step-record.h"
#include "ssr-window.h"

struct _SsrStepPage
{
  GtkWidget            parent_instance;

  SsrAssessment       *document;
  SsrFramework        *framework;
  char                *step_id;
  SsrTerm             *step;
  /* The document's record of this step, or NULL while it has none. */
  SsrStepRecord       *record;
  char                *status;
  char                *finding_kind;
  GtkFilter           *findings_filter;
  GtkFilterListModel  *findings;
  /* GtkCheckButton per task of the step, in the framework's order. */
  GPtrArray           *task_checks;

  GtkWidget           *scroller;
  GtkLabel            *heading_label;
  GtkLabel            *title_label;
  GtkLabel            *guidance_label;
  GtkLabel            *citation_label;
  AdwPreferencesGroup *toolbox_group;
  AdwExpanderRow      *toolbox_row;
  AdwPreferencesGroup *tasks_group;
  SsrNotesView        *notes_view;
  GtkMenuButton       *kind_button;
  GtkEntry            *quick_add_entry;
  GtkWidget           *findings_placeholder;
  GtkListView         *findings_view;
};

G_DEFINE_FINAL_TYPE (SsrStepPage, ssr_step_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FRAMEWORK,
  PROP_STEP_ID,
  PROP_STATUS,
  PROP_FINDING_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Indexed by SsrFindingKind. The style classes give each kind a colour;
 * the name always says it too. */
static const struct {
  const char *name;
  const char *style_class;
} finding_kinds[] = {
  { NC_("finding", "Strength"), "success" },
  { NC_("finding", "Weakness"), "error" },
  { NC_("finding", "Opportunity"), "accent" },
  { NC_("finding", "Threat"), "warning" },
  { NC_("finding", "Gap"), "warning" },
  { NC_("finding", "Need"), "accent" },
  { NC_("finding", "Risk"), "error" },
};

static int
enum_value_from_nick (GType       enum_type,
                      const char *nick)
{
  GEnumClass *enum_class = g_type_class_peek (enum_type);
  GEnumValue *value;

  if (nick == NULL)
    return -1;

  value = g_enum_get_value_by_nick (enum_class, nick);

  return value != NULL ? value->value : -1;
}

static const char *
enum_nick (GType enum_type,
           int   value)
{
  GEnumClass *enum_class = g_type_class_peek (enum_type);
  GEnumValue *enum_value = g_enum_get_value (enum_class, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static const char *
finding_kind_name (SsrFindingKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (finding_kinds))
    return "";

  return g_dpgettext2 (GETTEXT_PACKAGE, "finding", finding_kinds[kind].name);
}

/*
 * Sets @property of this step's record as one undoable action labelled
 * @label. A step the document has no record for gets one, created with the
 * value already set, so that the first undo removes the record again. An
 * edit that would leave a new record at its defaults creates nothing.
 */
static void
edit_record (SsrStepPage  *self,
             const char   *label,
             const char   *property,
             const GValue *value)
{
  SsrHistory *history = ssr_assessment_get_history (self->document);
  SsrStepRecord *record;

  record = ssr_assessment_find_step_record (self->document, self->step_id);

  ssr_history_begin_group (history, label);

  if (record != NULL)
    {
      ssr_assessment_set_value (self->document, record, property, value);
    }
  else
    {
      g_autoptr(SsrStepRecord) new_record = ssr_step_record_new (NULL);
      GParamSpec *pspec;

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (new_record), property);
      g_assert (pspec != NULL);

      if (!g_param_value_defaults (pspec, value))
        {
          g_object_set (new_record, "step", self->step_id, NULL);
          g_object_set_property (G_OBJECT (new_record), property, value);
          ssr_assessment_add_item (self->document, SSR_ITEM (new_record));
        }
    }

  ssr_history_end_group (history);
}

/* Status */

static void
show_status (SsrStepPage *self)
{
  SsrStepStatus status = SSR_STEP_NOT_STARTED;
  const char *nick;

  if (self->record != NULL)
    status = ssr_step_record_get_status (self->record);

  nick = enum_nick (SSR_TYPE_STEP_STATUS, status);
  if (g_strcmp0 (nick, self->status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (nick);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* The "status" property is the state of the action "step.status": setting
 * it is the user choosing a status. */
static void
set_status (SsrStepPage *self,
            const char  *nick)
{
  g_auto(GValue) value = G_VALUE_INIT;
  int status = enum_value_from_nick (SSR_TYPE_STEP_STATUS, nick);

  if (status < 0)
    {
      g_warning ("Unknown step status “%s”", nick);
      return;
    }

  g_value_init (&value, SSR_TYPE_STEP_STATUS);
  g_value_set_enum (&value, status);
  edit_record (self, _("Change step status"), "status", &value);
}

/* Tasks */

static void
show_tasks (SsrStepPage *self)
{
  for (guint i = 0; i < self->task_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->task_checks, i);
      const char *task_id = g_object_get_data (G_OBJECT (check), "ssr-task-id");
      gboolean done;

      done = self->record != NULL && ssr_step_record_is_task_done (self->record, task_id);
      if (gtk_check_button_get_active (check) != done)
        {
          /* the toggled handler compares with the record, so this is no edit */
          gtk_check_button_set_active (check, done);
        }
    }
}

static void
set_task_done (SsrStepPage *self,
               const char  *task_id,
               gboolean     done)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tasks_done = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char * const *current = NULL;
  gboolean was_done = FALSE;

  if (self->record != NULL)
    {
      current = ssr_step_record_get_tasks_done (self->record);
      was_done = ssr_step_record_is_task_done (self->record, task_id);
    }

  if (was_done == done)
    return;

  /* Keep the ticks the framework does not know, in their order. */
  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    {
      if (g_strcmp0 (current[i], task_id) != 0)
        g_strv_builder_add (builder, current[i]);
    }
  if (done)
    g_strv_builder_add (builder, task_id);

  tasks_done = g_strv_builder_end (builder);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, tasks_done);
  edit_record (self, done ? _("Tick task") : _("Untick task"), "tasks-done", &value);
}

static void
task_toggled_cb (SsrStepPage    *self,
                 GtkCheckButton *check)
{
  const char *task_id = g_object_get_data (G_OBJECT (check), "ssr-task-id");

  set_task_done (self, task_id, gtk_check_button_get_active (check));
}

static void
toggle_task_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SsrStepPage *self = SSR_STEP_PAGE (widget);
  const char *task_id = g_variant_get_string (parameter, NULL);
  gboolean done;

  done = self->record != NULL && ssr_step_record_is_task_done (self->record, task_id);
  set_task_done (self, task_id, !done);
}

static void
populate_tasks (SsrStepPage *self)
{
  GListModel *tasks = ssr_term_get_list (self->step, "tasks");
  guint n_tasks = tasks != NULL ? g_list_model_get_n_items (tasks) : 0;

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(SsrTerm) task = g_list_model_get_item (tasks, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ssr_term_get_name (task));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "ssr-task-id",
                              g_strdup (ssr_term_get_id (task)), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->tasks_group, row);

      g_signal_connect_object (check, "toggled", G_CALLBACK (task_toggled_cb),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->task_checks, check);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tasks_group), n_tasks > 0);
}

/* Notes */

static void
notes_commit_cb (SsrStepPage *self,
                 const char  *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  edit_record (self, _("Edit notes"), "notes", &value);
}

static void
show_notes (SsrStepPage *self)
{
  ssr_notes_view_show_text (self->notes_view,
                            self->record != NULL ? ssr_step_record_get_notes (self->record) : NULL);
}

/* The record */

static void
record_notify_cb (SsrStepPage *self,
                  GParamSpec  *pspec)
{
  if (g_strcmp0 (pspec->name, "status") == 0)
    show_status (self);
  else if (g_strcmp0 (pspec->name, "tasks-done") == 0)
    show_tasks (self);
  else if (g_strcmp0 (pspec->name, "notes") == 0)
    show_notes (self);
}

static void
update_record (SsrStepPage *self)
{
  SsrStepRecord *record = ssr_assessment_find_step_record (self->document, self->step_id);

  if (record == self->record)
    return;

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_func (self->record, record_notify_cb, self);

  g_set_object (&self->record, record);

  if (self->record != NULL)
    g_signal_connect_object (self->record, "notify", G_CALLBACK (record_notify_cb),
                             self, G_CONNECT_SWAPPED);

  show_status (self);
  show_tasks (self);
  show_notes (self);
}

static void
steps_items_changed_cb (SsrStepPage *self)
{
  update_record (self);
}

/* Findings */

static gboolean
finding_at_step (gpointer item,
                 gpointer user_data)
{
  SsrStepPage *self = user_data;

  return g_strcmp0 (ssr_finding_get_step (SSR_FINDING (item)), self->step_id) == 0;
}

static void
update_findings_placeholder (SsrStepPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->findings)) == 0;

  gtk_widget_set_visible (self->findings_placeholder, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_view), !empty);
}

static void
findings_items_changed_cb (SsrStepPage *self)
{
  update_findings_placeholder (self);
}

static void
document_changed_cb (SsrStepPage *self)
{
  /* A finding may have moved to or from this step on another page. */
  gtk_filter_changed (self->findings_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
show_finding (GtkListItem *list_item)
{
  SsrFinding *finding = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *badge = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (badge);
  GtkWidget *delete_button = gtk_widget_get_next_sibling (title);
  SsrFindingKind kind = ssr_finding_get_kind (finding);
  const char *text = ssr_finding_get_title (finding);
  g_autofree char *delete_label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (finding_kinds); i++)
    gtk_widget_remove_css_class (badge, finding_kinds[i].style_class);
  if ((guint) kind < G_N_ELEMENTS (finding_kinds))
    gtk_widget_add_css_class (badge, finding_kinds[kind].style_class);
  gtk_label_set_label (GTK_LABEL (badge), finding_kind_name (kind));

  gtk_label_set_label (GTK_LABEL (title), text != NULL ? text : "");

  /* Translators: the accessible name of a button; %s is a finding's title */
  delete_label = g_strdup_printf (_("Delete finding “%s”"), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "s",
                                    ssr_item_get_id (SSR_ITEM (finding)));
}

static void
finding_notify_cb (GtkListItem *list_item)
{
  show_finding (list_item);
}

static void
finding_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (badge), 0);
  gtk_label_set_width_chars (GTK_LABEL (badge), 11);
  gtk_widget_set_valign (badge, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (badge, "caption-heading");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (title, GTK_ALIGN_BASELINE);

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete finding"));
  /* the target, the finding's id, is set on bind */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "step.delete-finding");

  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), delete_button);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
finding_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  SsrFinding *finding = gtk_list_item_get_item (list_item);

  show_finding (list_item);
  g_signal_connect_object (finding, "notify", G_CALLBACK (finding_notify_cb),
                           list_item, G_CONNECT_SWAPPED);
}

static void
finding_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  SsrFinding *finding = gtk_list_item_get_item (list_item);

  g_signal_handlers_disconnect_by_func (finding, finding_notify_cb, list_item);
}

static void
show_finding_kind (SsrStepPage *self)
{
  int kind = enum_value_from_nick (SSR_TYPE_FINDING_KIND, self->finding_kind);
  g_autofree char *accessible_name = NULL;

  gtk_menu_button_set_label (self->kind_button, finding_kind_name (kind));
  /* Translators: the accessible name of the menu button choosing the kind */
  accessible_name = g_strdup_printf (_("Kind of the next finding: %s"), finding_kind_name (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
}

static void
set_finding_kind (SsrStepPage *self,
                  const char  *nick)
{
  if (enum_value_from_nick (SSR_TYPE_FINDING_KIND, nick) < 0)
    {
      g_warning ("Unknown kind of finding “%s”", nick);
      return;
    }

  if (g_strcmp0 (self->finding_kind, nick) == 0)
    return;

  g_free (self->finding_kind);
  self->finding_kind = g_strdup (nick);
  show_finding_kind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING_KIND]);
}

static void
add_finding_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SsrStepPage *self = SSR_STEP_PAGE (widget);
  g_autoptr(SsrFinding) finding = NULL;
  g_autofree char *title = NULL;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->quick_add_entry))));
  if (title[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self->quick_add_entry));
      return;
    }

  finding = ssr_finding_new (NULL);
  g_object_set (finding,
                "kind", enum_value_from_nick (SSR_TYPE_FINDING_KIND, self->finding_kind),
                "title", title,
                "step", self->step_id,
                NULL);
  ssr_assessment_add_item (self->document, SSR_ITEM (finding));

  gtk_editable_set_text (GTK_EDITABLE (self->quick_add_entry), "");
}

static void
quick_add_activate_cb (SsrStepPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "step.add-finding", NULL);
}

static void
focus_quick_add_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SsrStepPage *self = SSR_STEP_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->quick_add_entry));
}

static void
delete_finding_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SsrStepPage *self = SSR_STEP_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SsrItem *item = ssr_assessment_lookup (self->document, id);
  g_autofree char *message = NULL;
  GtkWidget *window;

  if (!SSR_IS_FINDING (item))
    return;

  /* Translators: a toast after a deletion; %s is the finding's title */
  message = g_strdup_printf (_("Finding “%s” deleted"), ssr_finding_get_title (SSR_FINDING (item)));
  ssr_assessment_remove_item (self->document, item);

  window = gtk_widget_get_ancestor (widget, SSR_TYPE_WINDOW);
  if (window != NULL)
    ssr_window_show_undo_toast (SSR_WINDOW (window), message);
}

/* The page */

static void
show_step (SsrStepPage *self)
{
  GListModel *steps = ssr_framework_get_steps (self->framework);
  guint n_steps = g_list_model_get_n_items (steps);
  SsrTerm *phase = ssr_term_get_parent (self->step);
  GListModel *toolbox = ssr_term_get_list (self->step, "toolbox");
  g_autofree char *heading = NULL;
  guint number = 0;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(SsrTerm) step = g_list_model_get_item (steps, i);

      if (step == self->step)
        {
          number = i + 1;
          break;
        }
    }

  /* Translators: where a step stands: "Preparatory phase · Step 1 of 10" */
  heading = g_strdup_printf (_("%s · Step %u of %u"),
                             phase != NULL ? ssr_term_get_name (phase) : "",
                             number, n_steps);
  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->title_label, ssr_term_get_name (self->step));

  gtk_label_set_label (self->guidance_label, ssr_term_get_guidance (self->step));
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_label),
                          ssr_term_get_guidance (self->step) != NULL);
  if (ssr_term_get_citation (self->step) != NULL)
    {
      /* Translators: below the guidance of a step; %s names the source */
      g_autofree char *citation = g_strdup_printf (_("Source: %s"),
                                                   ssr_term_get_citation (self->step));
      gtk_label_set_label (self->citation_label, citation);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->citation_label),
                          ssr_term_get_citation (self->step) != NULL);

  if (toolbox != NULL && g_list_model_get_n_items (toolbox) > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (toolbox); i++)
        {
          g_autoptr(SsrTerm) tool = g_list_model_get_item (toolbox, i);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ssr_term_get_name (tool));
          if (ssr_term_get_guidance (tool) != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ssr_term_get_guidance (tool));
          adw_expander_row_add_row (self->toolbox_row, row);

          if (i > 0)
            /* Translators: separates the names of tools in a list */
            g_string_append (names, _(", "));
          g_string_append (names, ssr_term_get_name (tool));
        }

      adw_expander_row_set_subtitle (self->toolbox_row, names->str);
      gtk_widget_set_visible (GTK_WIDGET (self->toolbox_group), TRUE);
    }

  populate_tasks (self);
}

static void
ssr_step_page_constructed (GObject *object)
{
  SsrStepPage *self = SSR_STEP_PAGE (object);
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (ssr_step_page_parent_class)->constructed (object);

  g_assert (SSR_IS_ASSESSMENT (self->document));
  g_assert (SSR_IS_FRAMEWORK (self->framework));
  g_assert (self->step_id != NULL);

  self->step = ssr_framework_lookup (self->framework, self->step_id);
  if (self->step == NULL)
    {
      g_warning ("The framework “%s” has no step “%s”",
                 ssr_framework_get_id (self->framework), self->step_id);
      gtk_label_set_label (self->title_label, self->step_id);
      gtk_widget_set_visible (GTK_WIDGET (self->guidance_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->citation_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->tasks_group), FALSE);
    }
  else
    {
      show_step (self);
    }

  self->findings_filter = GTK_FILTER (gtk_custom_filter_new (finding_at_step, self, NULL));
  self->findings = gtk_filter_list_model_new (g_object_ref (ssr_assessment_get_findings (self->document)),
                                              g_object_ref (self->findings_filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->findings)));
  gtk_list_view_set_model (self->findings_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->findings, "items-changed",
                           G_CALLBACK (findings_items_changed_cb), self, G_CONNECT_SWAPPED);
  update_findings_placeholder (self);

  g_signal_connect_object (ssr_assessment_get_steps (self->document), "items-changed",
                           G_CALLBACK (steps_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  update_record (self);
}

static void
ssr_step_page_dispose (GObject *object)
{
  SsrStepPage *self = SSR_STEP_PAGE (object);

  /* Typing in progress is not lost when the page goes away. */
  if (self->notes_view != NULL)
    ssr_notes_view_commit (self->notes_view);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (ssr_assessment_get_steps (self->document), self);
    }
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_STEP_PAGE);

  g_clear_object (&self->findings);
  g_clear_object (&self->findings_filter);
  g_clear_object (&self->record);
  g_clear_object (&self->framework);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ssr_step_page_parent_class)->dispose (object);
}

static void
ssr_step_page_finalize (GObject *object)
{
  SsrStepPage *self = SSR_STEP_PAGE (object);

  g_clear_pointer (&self->task_checks, g_ptr_array_unref);
  g_clear_pointer (&self->step_id, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->finding_kind, g_free);

  G_OBJECT_CLASS (ssr_step_page_parent_class)->finalize (object);
}

static void
ssr_step_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SsrStepPage *self = SSR_STEP_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;

    case PROP_STEP_ID:
      g_value_set_string (value, self->step_id);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_FINDING_KIND:
      g_value_set_string (value, self->finding_kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_step_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SsrStepPage *self = SSR_STEP_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_FRAMEWORK:
      self->framework = g_value_dup_object (value);
      break;

    case PROP_STEP_ID:
      self->step_id = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      set_status (self, g_value_get_string (value));
      break;

    case PROP_FINDING_KIND:
      set_finding_kind (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_step_page_class_init (SsrStepPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *kind_keys_nicks[] = {
    "strength", "weakness", "opportunity", "threat", "gap", "need", "risk",
  };

  /* the enum classes the helpers above peek at, for good */
  g_type_class_ref (SSR_TYPE_STEP_STATUS);
  g_type_class_ref (SSR_TYPE_FINDING_KIND);

  object_class->constructed = ssr_step_page_constructed;
  object_class->dispose = ssr_step_page_dispose;
  object_class->finalize = ssr_step_page_finalize;
  object_class->get_property = ssr_step_page_get_property;
  object_class->set_property = ssr_step_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SSR_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL,
                         SSR_TYPE_FRAMEWORK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_ID] =
    g_param_spec_string ("step-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The status of the step as a nick of SsrStepStatus; setting it edits
   * the document. */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         "not-started",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The kind of the next finding added here, a nick of SsrFindingKind. */
  properties[PROP_FINDING_KIND] =
    g_param_spec_string ("finding-kind", NULL, NULL,
                         "strength",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SSR_TYPE_NOTES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-step-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, citation_label);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, toolbox_group);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, toolbox_row);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, tasks_group);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, kind_button);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, quick_add_entry);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, findings_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SsrStepPage, findings_view);
  gtk_widget_class_bind_template_callback (widget_class, quick_add_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_unbind_cb);

  gtk_widget_class_install_property_action (widget_class, "step.status", "status");
  gtk_widget_class_install_property_action (widget_class, "step.set-kind", "finding-kind");
  gtk_widget_class_install_action (widget_class, "step.toggle-task", "s", toggle_task_action);
  gtk_widget_class_install_action (widget_class, "step.add-finding", NULL, add_finding_action);
  gtk_widget_class_install_action (widget_class, "step.delete-finding", "s", delete_finding_action);
  gtk_widget_class_install_action (widget_class, "step.focus-quick-add", NULL, focus_quick_add_action);

  for (guint i = 0; i < G_N_ELEMENTS (kind_keys_nicks); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "step.set-kind", "s", kind_keys_nicks[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "step.focus-quick-add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ssr_step_page_init (SsrStepPage *self)
{
  self->task_checks = g_ptr_array_new ();
  /* the states of the actions step.status and step.set-kind, which the
   * template's buttons and menu read */
  self->status = g_strdup ("not-started");
  self->finding_kind = g_strdup ("strength");

  gtk_widget_init_template (GTK_WIDGET (self));

  show_finding_kind (self);

  g_signal_connect_object (self->notes_view, "commit",
                           G_CALLBACK (notes_commit_cb), self, G_CONNECT_SWAPPED);
}

/**
 * ssr_step_page_new:
 * @document: the document whose record of the step is edited
 * @framework: the framework @document follows
 * @step_id: the id of a step of @framework
 *
 * Returns: (transfer floating): a new step page
 */
GtkWidget *
ssr_step_page_new (SsrAssessment *document,
                   SsrFramework  *framework,
                   const char    *step_id)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  return g_object_new (SSR_TYPE_STEP_PAGE,
                       "document", document,
                       "framework", framework,
                       "step-id", step_id,
                       NULL);
}

const char *
ssr_step_page_get_step_id (SsrStepPage *self)
{
  g_return_val_if_fail (SSR_IS_STEP_PAGE (self), NULL);

  return self->step_id;
}
