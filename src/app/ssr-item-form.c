/* ssr-item-form.c: the detail form of one item, built from its field descriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-item-form"

#include "config.h"

#include "ssr-item-form.h"

#include <glib/gi18n-lib.h>

#include "ssr-accessible.h"
#include "ssr-item-fields.h"
#include "ssr-notes-view.h"
#include "ssr-term-combo-row.h"

typedef struct _SsrFieldEditor SsrFieldEditor;

struct _SsrItemForm
{
  GtkWidget            parent_instance;

  SsrAssessment       *document;
  SsrFramework        *framework;
  const SsrItemFields *fields;
  GType                item_type;
  /* held while the form lives: its property specs describe the fields */
  GObjectClass        *item_class;

  SsrItem             *item;
  gulong               notify_handler;

  GtkWidget           *box;
  /* one SsrFieldEditor per field, in the order of the description */
  GPtrArray           *editors;

  /* set while widgets are filled from the model: their signals are not edits */
  guint                loading;
};

struct _SsrFieldEditor
{
  SsrItemForm        *form;
  const SsrFieldInfo *info;

  /* the widget holding the value, and the one to focus */
  GtkWidget          *widget;
  GtkWidget          *focus;

  /* REFS, TERMS, RATINGS, MEASUREMENTS: the group that holds the rows */
  GtkWidget          *group;
  /* rows made per value (REFS, MEASUREMENTS), removed on reload */
  GPtrArray          *rows;
  /* TERMS, RATINGS: static rows, one per term, with the term ids */
  GPtrArray          *term_widgets;
  GPtrArray          *term_ids;

  /* REF, REFS: the items offered; REF: the entries "None" and "unknown" */
  GListModel         *ref_model;
  GListStore         *unknown_store;
  guint               ref_model_changing;

  /* REFS: the chooser of an item to add */
  GtkWidget          *add_dropdown;

  /* MEASUREMENTS: the value shown, to rebuild only on a change */
  GVariant           *shown;

  /* TEXT, DATE: typed since the last commit (MULTILINE: its notes view knows) */
  gboolean            dirty;
};

G_DEFINE_FINAL_TYPE (SsrItemForm, ssr_item_form, GTK_TYPE_WIDGET)

static void ssr_field_editor_load   (SsrFieldEditor *editor);
static void ssr_field_editor_commit (SsrFieldEditor *editor);

static void
ssr_field_editor_free (gpointer data)
{
  SsrFieldEditor *editor = data;

  if (editor->ref_model != NULL)
    g_signal_handlers_disconnect_by_data (editor->ref_model, editor);
  g_clear_pointer (&editor->rows, g_ptr_array_unref);
  g_clear_pointer (&editor->term_widgets, g_ptr_array_unref);
  g_clear_pointer (&editor->term_ids, g_ptr_array_unref);
  g_clear_object (&editor->ref_model);
  g_clear_object (&editor->unknown_store);
  g_clear_pointer (&editor->shown, g_variant_unref);
  g_free (editor);
}

/* Storing a value */

static void
ssr_field_editor_store (SsrFieldEditor *editor,
                        const GValue   *value)
{
  SsrItemForm *self = editor->form;

  if (self->item == NULL || self->loading > 0)
    return;

  /* an item that left the document (deleted elsewhere) takes no more edits */
  if (ssr_assessment_lookup (self->document, ssr_item_get_id (self->item)) != self->item)
    return;

  ssr_assessment_set_value (self->document, self->item, editor->info->property, value);
}

static void
ssr_field_editor_store_string (SsrFieldEditor *editor,
                               const char     *string)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, string != NULL && *string != '\0' ? string : NULL);
  ssr_field_editor_store (editor, &value);
}

static void
ssr_field_editor_store_variant (SsrFieldEditor *editor,
                                GVariant       *variant)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, variant);
  ssr_field_editor_store (editor, &value);
}

static void
ssr_field_editor_store_strv (SsrFieldEditor     *editor,
                             const char * const *strv)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  ssr_field_editor_store (editor, &value);
}

/* Reading the item; NULL item: the value's default */
static void
ssr_field_editor_get (SsrFieldEditor *editor,
                      GValue         *value)
{
  SsrItemForm *self = editor->form;
  GParamSpec *pspec;

  pspec = g_object_class_find_property (self->item_class, editor->info->property);
  g_assert (pspec != NULL);

  g_value_init (value, pspec->value_type);
  if (self->item != NULL)
    g_object_get_property (G_OBJECT (self->item), editor->info->property, value);
  else
    g_param_value_set_default (pspec, value);
}

static char *
ssr_field_editor_dup_string (SsrFieldEditor *editor)
{
  g_auto(GValue) value = G_VALUE_INIT;

  ssr_field_editor_get (editor, &value);
  return g_value_dup_string (&value);
}

static GVariant *
ssr_field_editor_dup_variant (SsrFieldEditor *editor)
{
  g_auto(GValue) value = G_VALUE_INIT;

  ssr_field_editor_get (editor, &value);
  return g_value_dup_variant (&value);
}

static GStrv
ssr_field_editor_dup_strv (SsrFieldEditor *editor)
{
  g_auto(GValue) value = G_VALUE_INIT;

  ssr_field_editor_get (editor, &value);
  return g_value_dup_boxed (&value);
}

static gboolean
is_valid_date (const char *text)
{
  guint year, month, day;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

static void
ssr_field_editor_focus_leave_cb (GtkEventControllerFocus *controller,
                                 SsrFieldEditor          *editor)
{
  ssr_field_editor_commit (editor);
}

static void
add_focus_commit (SsrFieldEditor *editor,
                  GtkWidget      *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave",
                    G_CALLBACK (ssr_field_editor_focus_leave_cb), editor);
  gtk_widget_add_controller (widget, controller);
}

/* Titles @row with the field's label, its mnemonic underlined. */
static void
ssr_field_editor_title_row (SsrFieldEditor *editor,
                            GtkWidget      *row)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(editor->info->label));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
}

/* @control, at the end of the action row @row, edits the field. */
static void
ssr_field_editor_set_row_control (SsrFieldEditor *editor,
                                  GtkWidget      *row,
                                  GtkWidget      *control)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  /* The row's title now names the control (libadwaita points its
   * labelled-by relation at it); GTK 4.8 would read a label of the
   * control's own before it. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL);

  editor->group = row;
  editor->widget = editor->focus = control;
}

/* TEXT and DATE: an AdwEntryRow committed on Enter and on leaving it */

static void
ssr_field_editor_text_changed_cb (SsrFieldEditor *editor)
{
  if (editor->form->loading == 0)
    editor->dirty = TRUE;
}

static void
ssr_field_editor_text_activated_cb (SsrFieldEditor *editor)
{
  ssr_field_editor_commit (editor);
}

static void
ssr_field_editor_build_text (SsrFieldEditor *editor)
{
  GtkWidget *row = adw_entry_row_new ();

  ssr_field_editor_title_row (editor, row);

  if (editor->info->kind == SSR_FIELD_DATE)
    {
      GtkWidget *hint = gtk_label_new (_("YYYY-MM-DD"));

      gtk_widget_add_css_class (hint, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), hint);
      gtk_widget_set_tooltip_text (row, _("A date as year-month-day, e.g. 2026-03-31; empty for none"));
    }

  g_signal_connect_swapped (row, "changed",
                            G_CALLBACK (ssr_field_editor_text_changed_cb), editor);
  g_signal_connect_swapped (row, "entry-activated",
                            G_CALLBACK (ssr_field_editor_text_activated_cb), editor);
  add_focus_commit (editor, row);

  editor->widget = editor->focus = row;
}

static void
ssr_field_editor_load_text (SsrFieldEditor *editor)
{
  g_autofree char *string = ssr_field_editor_dup_string (editor);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editor->widget)), string ? string : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editor->widget), string ? string : "");
  gtk_widget_remove_css_class (editor->widget, "error");
  editor->dirty = FALSE;
}

static void
ssr_field_editor_commit_text (SsrFieldEditor *editor)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editor->widget));

  if (!editor->dirty)
    return;

  if (editor->info->kind == SSR_FIELD_DATE && *text != '\0' && !is_valid_date (text))
    {
      gtk_widget_add_css_class (editor->widget, "error");
      return;
    }

  gtk_widget_remove_css_class (editor->widget, "error");
  editor->dirty = FALSE;
  ssr_field_editor_store_string (editor, text);
}

/* MULTILINE: a notes view, committed on leaving it and after a pause */

static void
ssr_field_editor_notes_commit_cb (SsrFieldEditor *editor,
                                  const char     *text)
{
  ssr_field_editor_store_string (editor, text);
}

static void
ssr_field_editor_build_multiline (SsrFieldEditor *editor)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = ssr_notes_view_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(editor->info->label));

  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "inline");
  ssr_accessible_set_label (view, _(editor->info->label));

  /* a text view does not grow reliably with its wrapped text in GTK 4.8:
   * a fixed height of several lines, then it scrolls */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 150);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  g_signal_connect_swapped (view, "commit",
                            G_CALLBACK (ssr_field_editor_notes_commit_cb), editor);

  editor->widget = editor->focus = view;
  editor->group = group;
}

static void
ssr_field_editor_load_multiline (SsrFieldEditor *editor)
{
  g_autofree char *string = ssr_field_editor_dup_string (editor);

  ssr_notes_view_show_text (SSR_NOTES_VIEW (editor->widget), string);
}

/* TERM: an SsrTermComboRow */

static GListModel *
ssr_field_editor_dup_terms (SsrFieldEditor *editor)
{
  SsrFramework *framework = editor->form->framework;
  g_auto(GStrv) lists = g_strsplit (editor->info->list, " ", -1);
  g_autoptr(GListStore) models = NULL;

  if (g_strv_length (lists) == 1)
    {
      GListModel *list = ssr_framework_get_list (framework, lists[0]);

      /* "steps" is not a top-level list: every step of every phase */
      if (list == NULL && g_str_equal (lists[0], "steps"))
        list = ssr_framework_get_steps (framework);
      return list != NULL ? g_object_ref (list) : NULL;
    }

  models = g_list_store_new (G_TYPE_LIST_MODEL);
  for (guint i = 0; lists[i] != NULL; i++)
    {
      GListModel *list = ssr_framework_get_list (framework, lists[i]);

      if (list != NULL)
        g_list_store_append (models, list);
    }

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models))));
}

static void
ssr_field_editor_term_changed_cb (SsrFieldEditor *editor)
{
  ssr_field_editor_commit (editor);
}

static void
ssr_field_editor_build_term (SsrFieldEditor *editor)
{
  g_autoptr(GListModel) terms = NULL;
  GtkWidget *row;

  if (editor->info->depends_on == NULL)
    terms = ssr_field_editor_dup_terms (editor);

  row = g_object_new (SSR_TYPE_TERM_COMBO_ROW,
                      "framework", editor->form->framework,
                      "list", editor->info->list,
                      "terms", terms,
                      "allow-none", editor->info->allow_none,
                      "title", _(editor->info->label),
                      "use-underline", TRUE,
                      NULL);

  g_signal_connect_swapped (row, "notify::term-id",
                            G_CALLBACK (ssr_field_editor_term_changed_cb), editor);

  editor->widget = editor->focus = row;
}

static void
ssr_field_editor_load_term (SsrFieldEditor *editor)
{
  g_autofree char *string = ssr_field_editor_dup_string (editor);
  const SsrFieldInfo *info = editor->info;

  if (info->depends_on != NULL)
    {
      g_autofree char *parent_id = NULL;
      SsrTerm *parent = NULL;

      if (editor->form->item != NULL)
        g_object_get (editor->form->item, info->depends_on, &parent_id, NULL);
      if (parent_id != NULL)
        parent = ssr_framework_lookup_in (editor->form->framework, info->depends_list, parent_id);
      g_object_set (editor->widget, "parent", parent, NULL);
    }

  ssr_term_combo_row_set_term_id (SSR_TERM_COMBO_ROW (editor->widget), string);
}

static void
ssr_field_editor_commit_term (SsrFieldEditor *editor)
{
  ssr_field_editor_store_string (editor,
                                 ssr_term_combo_row_get_term_id (SSR_TERM_COMBO_ROW (editor->widget)));
}

/* ENUM: an AdwComboRow over the values of the enum type */

static GEnumClass *
ssr_field_editor_enum_class (SsrFieldEditor *editor)
{
  GParamSpec *pspec = g_object_class_find_property (editor->form->item_class, editor->info->property);

  return G_PARAM_SPEC_ENUM (pspec)->enum_class;
}

static void
ssr_field_editor_enum_changed_cb (SsrFieldEditor *editor)
{
  ssr_field_editor_commit (editor);
}

static void
ssr_field_editor_build_enum (SsrFieldEditor *editor)
{
  GEnumClass *enum_class = ssr_field_editor_enum_class (editor);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (labels,
                            ssr_item_fields_get_enum_label (G_TYPE_FROM_CLASS (enum_class),
                                                            enum_class->values[i].value));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  ssr_field_editor_title_row (editor, row);

  g_signal_connect_swapped (row, "notify::selected",
                            G_CALLBACK (ssr_field_editor_enum_changed_cb), editor);

  editor->widget = editor->focus = row;
}

static void
ssr_field_editor_load_enum (SsrFieldEditor *editor)
{
  GEnumClass *enum_class = ssr_field_editor_enum_class (editor);
  g_auto(GValue) value = G_VALUE_INIT;

  ssr_field_editor_get (editor, &value);
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      if (enum_class->values[i].value == g_value_get_enum (&value))
        adw_combo_row_set_selected (ADW_COMBO_ROW (editor->widget), i);
    }
}

static void
ssr_field_editor_commit_enum (SsrFieldEditor *editor)
{
  GEnumClass *enum_class = ssr_field_editor_enum_class (editor);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (editor->widget));
  g_auto(GValue) value = G_VALUE_INIT;

  if (selected >= enum_class->n_values)
    return;

  g_value_init (&value, G_TYPE_FROM_CLASS (enum_class));
  g_value_set_enum (&value, enum_class->values[selected].value);
  ssr_field_editor_store (editor, &value);
}

/* INT, DOUBLE, BOOLEAN: a spin button or a switch at the end of a row */

static gboolean
spin_button_output_cb (GtkSpinButton *spin)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* 76, 72.5 and 2400 rather than 76.00, 72.50 and 2400.00 */
  g_snprintf (text, sizeof text, "%g", gtk_spin_button_get_value (spin));
  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* @label names it where no row title does; NULL in a row. */
static GtkWidget *
new_spin_button (double      min,
                 double      max,
                 gboolean    fractional,
                 const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  if (fractional)
    {
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 4);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 8);
      g_signal_connect (spin, "output", G_CALLBACK (spin_button_output_cb), NULL);
    }
  if (label != NULL)
    ssr_accessible_set_label (spin, label);

  return spin;
}

static void
ssr_field_editor_value_changed_cb (SsrFieldEditor *editor)
{
  ssr_field_editor_commit (editor);
}

static void
ssr_field_editor_build_number (SsrFieldEditor *editor)
{
  const SsrFieldInfo *info = editor->info;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *control;

  ssr_field_editor_title_row (editor, row);
  if (info->subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info->subtitle));

  if (info->kind == SSR_FIELD_BOOLEAN)
    {
      control = gtk_switch_new ();
      gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (control, "notify::active",
                                G_CALLBACK (ssr_field_editor_value_changed_cb), editor);
    }
  else
    {
      control = new_spin_button (info->min, info->max, info->kind == SSR_FIELD_DOUBLE, NULL);
      g_signal_connect_swapped (control, "value-changed",
                                G_CALLBACK (ssr_field_editor_value_changed_cb), editor);
    }

  ssr_field_editor_set_row_control (editor, row, control);
}

static void
ssr_field_editor_load_number (SsrFieldEditor *editor)
{
  g_auto(GValue) value = G_VALUE_INIT;

  ssr_field_editor_get (editor, &value);

  if (G_VALUE_HOLDS_BOOLEAN (&value))
    gtk_switch_set_active (GTK_SWITCH (editor->widget), g_value_get_boolean (&value));
  else if (G_VALUE_HOLDS_INT (&value))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor->widget), g_value_get_int (&value));
  else
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor->widget), g_value_get_double (&value));
}

static void
ssr_field_editor_commit_number (SsrFieldEditor *editor)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (editor->info->kind == SSR_FIELD_BOOLEAN)
    {
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, gtk_switch_get_active (GTK_SWITCH (editor->widget)));
    }
  else if (editor->info->kind == SSR_FIELD_INT)
    {
      g_value_init (&value, G_TYPE_INT);
      g_value_set_int (&value, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (editor->widget)));
    }
  else
    {
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, gtk_spin_button_get_value (GTK_SPIN_BUTTON (editor->widget)));
    }

  ssr_field_editor_store (editor, &value);
}

/* REF: a drop-down over the document's items of the given types */

static char *
item_label_cb (GObject *object)
{
  const char *label = NULL;

  if (SSR_IS_ITEM (object))
    label = ssr_item_get_label (SSR_ITEM (object));
  else if (GTK_IS_STRING_OBJECT (object))
    label = gtk_string_object_get_string (GTK_STRING_OBJECT (object));

  return g_strdup (label != NULL ? label : "");
}

static GtkExpression *
new_item_label_expression (void)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (item_label_cb), NULL, NULL);
}

/* The items of the field's types, after the entries of @prefixes. */
static GListModel *
ssr_field_editor_new_item_model (SsrFieldEditor *editor,
                                 GListStore     *none_store,
                                 GListStore     *unknown_store)
{
  g_autoptr(GListStore) models = g_list_store_new (G_TYPE_LIST_MODEL);

  if (none_store != NULL)
    g_list_store_append (models, none_store);
  if (unknown_store != NULL)
    g_list_store_append (models, unknown_store);

  for (guint i = 0; i < G_N_ELEMENTS (editor->info->ref_types); i++)
    {
      if (editor->info->ref_types[i] != NULL)
        g_list_store_append (models,
                             ssr_assessment_get_collection (editor->form->document,
                                                            editor->info->ref_types[i] ()));
    }

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models))));
}

static void
item_label_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  max_width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_width_chars));
  gtk_list_item_set_child (list_item, label);
}

static void
item_label_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  g_autofree char *text = item_label_cb (gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* Labels that give way: a long name must not squeeze the row's title. */
static GtkListItemFactory *
new_item_label_factory (int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (item_label_setup_cb), GINT_TO_POINTER (max_width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (item_label_bind_cb), NULL);

  return factory;
}

static GtkWidget *
new_item_drop_down (GListModel *model,
                    const char *label)
{
  g_autoptr(GtkExpression) expression = new_item_label_expression ();
  g_autoptr(GtkListItemFactory) factory = new_item_label_factory (22);
  g_autoptr(GtkListItemFactory) list_factory = new_item_label_factory (60);
  GtkWidget *drop_down = gtk_drop_down_new (g_object_ref (model), NULL);

  /* the expression is what the search looks at */
  gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down), expression);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  ssr_accessible_name_drop_down (GTK_DROP_DOWN (drop_down), label);

  return drop_down;
}

/* The position of the item with @id in @model, or GTK_INVALID_LIST_POSITION. */
static guint
find_item_position (GListModel *model,
                    const char *id)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (SSR_IS_ITEM (object) && g_strcmp0 (ssr_item_get_id (SSR_ITEM (object)), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
ssr_field_editor_ref_model_changing_cb (SsrFieldEditor *editor)
{
  editor->ref_model_changing++;
}

static void
ssr_field_editor_ref_model_changed_cb (SsrFieldEditor *editor)
{
  editor->ref_model_changing--;

  /* the drop-down may have moved its selection with the items: show the model again */
  if (editor->ref_model_changing == 0)
    {
      editor->form->loading++;
      ssr_field_editor_load (editor);
      editor->form->loading--;
    }
}

static void
ssr_field_editor_ref_selected_cb (SsrFieldEditor *editor)
{
  if (editor->ref_model_changing == 0)
    ssr_field_editor_commit (editor);
}

static void
ssr_field_editor_build_ref (SsrFieldEditor *editor)
{
  g_autoptr(GListStore) none_store = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop_down;

  if (editor->info->allow_none)
    {
      g_autoptr(GtkStringObject) none = gtk_string_object_new (C_("reference", "None"));

      none_store = g_list_store_new (G_TYPE_OBJECT);
      g_list_store_append (none_store, none);
    }

  /* an id the document does not hold goes here and is shown as itself */
  editor->unknown_store = g_list_store_new (G_TYPE_OBJECT);
  editor->ref_model = ssr_field_editor_new_item_model (editor, none_store, editor->unknown_store);

  ssr_field_editor_title_row (editor, row);

  /* before and after the drop-down sees a change of the items */
  g_signal_connect_swapped (editor->ref_model, "items-changed",
                            G_CALLBACK (ssr_field_editor_ref_model_changing_cb), editor);
  drop_down = new_item_drop_down (editor->ref_model, _(editor->info->label));
  g_signal_connect_data (editor->ref_model, "items-changed",
                         G_CALLBACK (ssr_field_editor_ref_model_changed_cb), editor,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (drop_down, "notify::selected",
                            G_CALLBACK (ssr_field_editor_ref_selected_cb), editor);

  ssr_field_editor_set_row_control (editor, row, drop_down);
}

static void
ssr_field_editor_load_ref (SsrFieldEditor *editor)
{
  g_autofree char *id = ssr_field_editor_dup_string (editor);
  g_autoptr(GObject) unknown = g_list_model_get_item (G_LIST_MODEL (editor->unknown_store), 0);
  guint position = GTK_INVALID_LIST_POSITION;

  if (id != NULL)
    position = find_item_position (editor->ref_model, id);

  /* a dangling id is offered as itself, so that it is not lost unseen */
  if (id != NULL && position == GTK_INVALID_LIST_POSITION)
    {
      if (unknown == NULL || g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (unknown)), id) != 0)
        {
          g_autoptr(GtkStringObject) object = gtk_string_object_new (id);

          g_list_store_splice (editor->unknown_store, 0,
                               g_list_model_get_n_items (G_LIST_MODEL (editor->unknown_store)),
                               (gpointer *)&object, 1);
        }
      position = editor->info->allow_none ? 1 : 0;
    }
  else
    {
      if (unknown != NULL)
        g_list_store_remove_all (editor->unknown_store);
      if (id == NULL && editor->info->allow_none)
        position = 0;
      else if (id != NULL)
        position = find_item_position (editor->ref_model, id);
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor->widget), position);
}

static void
ssr_field_editor_commit_ref (SsrFieldEditor *editor)
{
  GObject *selected = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (editor->widget));

  if (selected == NULL || g_list_store_find (editor->unknown_store, selected, NULL))
    return;

  if (SSR_IS_ITEM (selected))
    ssr_field_editor_store_string (editor, ssr_item_get_id (SSR_ITEM (selected)));
  else
    ssr_field_editor_store_string (editor, NULL);
}

/* REFS: a row per item referred to, and a row to add one */

static void
ssr_field_editor_remove_ref_cb (GtkButton      *button,
                                SsrFieldEditor *editor)
{
  const char *id = g_object_get_data (G_OBJECT (button), "ssr-id");
  g_auto(GStrv) ids = ssr_field_editor_dup_strv (editor);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) remaining = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (!g_str_equal (ids[i], id))
        g_strv_builder_add (builder, ids[i]);
    }

  remaining = g_strv_builder_end (builder);
  /* the row goes away: keep the keyboard in the group */
  gtk_widget_grab_focus (editor->add_dropdown);
  ssr_field_editor_store_strv (editor, (const char * const *)remaining);
}

static void
ssr_field_editor_add_ref_cb (SsrFieldEditor *editor)
{
  GObject *selected = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (editor->add_dropdown));
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) extended = NULL;
  const char *id;

  if (!SSR_IS_ITEM (selected))
    return;

  id = ssr_item_get_id (SSR_ITEM (selected));
  ids = ssr_field_editor_dup_strv (editor);
  if (ids != NULL && g_strv_contains ((const char * const *)ids, id))
    return;

  builder = g_strv_builder_new ();
  if (ids != NULL)
    g_strv_builder_addv (builder, (const char **)ids);
  g_strv_builder_add (builder, id);
  extended = g_strv_builder_end (builder);

  ssr_field_editor_store_strv (editor, (const char * const *)extended);
}

static void
ssr_field_editor_build_refs (SsrFieldEditor *editor)
{
  g_autofree char *add_label = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(editor->info->label));

  editor->ref_model = ssr_field_editor_new_item_model (editor, NULL, NULL);
  editor->rows = g_ptr_array_new ();

  /* TRANSLATORS: the accessible name of the chooser of an item to add to a list ("Add to Members") */
  add_label = g_strdup_printf (_("Add to %s"), _(editor->info->label));
  editor->add_dropdown = new_item_drop_down (editor->ref_model, add_label);

  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, add_label);
  gtk_widget_add_css_class (button, "flat");
  ssr_accessible_set_label (button, add_label);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (ssr_field_editor_add_ref_cb), editor);

  /* no title: the chooser takes the row */
  gtk_widget_set_hexpand (editor->add_dropdown, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), editor->add_dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  editor->group = editor->widget = group;
  editor->focus = editor->add_dropdown;
}

static void
ssr_field_editor_load_refs (SsrFieldEditor *editor)
{
  g_auto(GStrv) ids = ssr_field_editor_dup_strv (editor);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (editor->group);

  for (guint i = 0; i < editor->rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (editor->rows, i));
  g_ptr_array_set_size (editor->rows, 0);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SsrItem *item = ssr_assessment_lookup (editor->form->document, ids[i]);
      const char *label = item != NULL ? ssr_item_get_label (item) : NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      if (label == NULL)
        label = ids[i];

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);

      remove_label = g_strdup_printf (_("Remove “%s”"), label);
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "ssr-id", g_strdup (ids[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (ssr_field_editor_remove_ref_cb), editor);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (group, row);
      g_ptr_array_add (editor->rows, row);
    }

  /* the row to add stays last */
  {
    GtkWidget *add_row = gtk_widget_get_ancestor (editor->add_dropdown, ADW_TYPE_ACTION_ROW);

    g_object_ref (add_row);
    adw_preferences_group_remove (group, add_row);
    adw_preferences_group_add (group, add_row);
    g_object_unref (add_row);
  }
}

/* TERMS: a check button per term of the list */

static void
ssr_field_editor_term_toggled_cb (SsrFieldEditor *editor)
{
  ssr_field_editor_commit (editor);
}

static void
ssr_field_editor_build_terms (SsrFieldEditor *editor)
{
  g_autoptr(GListModel) terms = ssr_field_editor_dup_terms (editor);
  guint n_terms = terms != NULL ? g_list_model_get_n_items (terms) : 0;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _(editor->info->label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

  editor->term_widgets = g_ptr_array_new ();
  editor->term_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_terms; i++)
    {
      g_autoptr(SsrTerm) term = g_list_model_get_item (terms, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ssr_term_get_name (term));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled",
                                G_CALLBACK (ssr_field_editor_term_toggled_cb), editor);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      g_ptr_array_add (editor->term_widgets, check);
      g_ptr_array_add (editor->term_ids, g_strdup (ssr_term_get_id (term)));
    }

  editor->group = group;
  editor->widget = editor->focus = expander;
}

static void
ssr_field_editor_load_terms (SsrFieldEditor *editor)
{
  g_auto(GStrv) ids = ssr_field_editor_dup_strv (editor);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < editor->term_widgets->len; i++)
    {
      const char *id = g_ptr_array_index (editor->term_ids, i);
      gboolean active = ids != NULL && g_strv_contains ((const char * const *)ids, id);

      gtk_check_button_set_active (g_ptr_array_index (editor->term_widgets, i), active);
    }

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, ssr_framework_get_term_name (editor->form->framework, ids[i]));
    }

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (editor->widget),
                                 names->len > 0 ? names->str : _("None"));
}

static void
ssr_field_editor_commit_terms (SsrFieldEditor *editor)
{
  g_auto(GStrv) ids = ssr_field_editor_dup_strv (editor);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;

  for (guint i = 0; i < editor->term_widgets->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (editor->term_widgets, i)))
        g_strv_builder_add (builder, g_ptr_array_index (editor->term_ids, i));
    }

  /* ids the framework does not know stay */
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (editor->term_ids, ids[i], g_str_equal, NULL))
        g_strv_builder_add (builder, ids[i]);
    }

  chosen = g_strv_builder_end (builder);
  ssr_field_editor_store_strv (editor, (const char * const *)chosen);
}

/* RATINGS: a 0..5 spin button per rating scale */

static void
ssr_field_editor_build_ratings (SsrFieldEditor *editor)
{
  g_autoptr(GListModel) scales = ssr_field_editor_dup_terms (editor);
  guint n_scales = scales != NULL ? g_list_model_get_n_items (scales) : 0;
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(editor->info->label));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("From 1 (very low) to 5 (very high); 0: not rated"));

  editor->term_widgets = g_ptr_array_new ();
  editor->term_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_scales; i++)
    {
      g_autoptr(SsrTerm) scale = g_list_model_get_item (scales, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = new_spin_button (0, 5, FALSE, NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ssr_term_get_name (scale));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      g_signal_connect_swapped (spin, "value-changed",
                                G_CALLBACK (ssr_field_editor_value_changed_cb), editor);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

      g_ptr_array_add (editor->term_widgets, spin);
      g_ptr_array_add (editor->term_ids, g_strdup (ssr_term_get_id (scale)));
    }

  editor->group = editor->widget = group;
  editor->focus = editor->term_widgets->len > 0 ? g_ptr_array_index (editor->term_widgets, 0) : group;
}

static void
ssr_field_editor_load_ratings (SsrFieldEditor *editor)
{
  g_autoptr(GVariant) ratings = ssr_field_editor_dup_variant (editor);

  for (guint i = 0; i < editor->term_widgets->len; i++)
    {
      int rating = 0;

      if (ratings != NULL)
        g_variant_lookup (ratings, g_ptr_array_index (editor->term_ids, i), "i", &rating);
      gtk_spin_button_set_value (g_ptr_array_index (editor->term_widgets, i), rating);
    }
}

static void
ssr_field_editor_commit_ratings (SsrFieldEditor *editor)
{
  g_autoptr(GVariant) current = ssr_field_editor_dup_variant (editor);
  g_autoptr(GVariant) ratings = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *scale;
  int rating;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));

  for (guint i = 0; i < editor->term_widgets->len; i++)
    {
      rating = gtk_spin_button_get_value_as_int (g_ptr_array_index (editor->term_widgets, i));
      if (rating > 0)
        g_variant_builder_add (&builder, "{si}", g_ptr_array_index (editor->term_ids, i), rating);
    }

  /* scales the framework does not know stay */
  if (current != NULL)
    {
      g_variant_iter_init (&iter, current);
      while (g_variant_iter_next (&iter, "{&si}", &scale, &rating))
        {
          if (!g_ptr_array_find_with_equal_func (editor->term_ids, scale, g_str_equal, NULL))
            g_variant_builder_add (&builder, "{si}", scale, rating);
        }
    }

  ratings = g_variant_ref_sink (g_variant_builder_end (&builder));
  ssr_field_editor_store_variant (editor, ratings);
}

/* MEASUREMENTS: a row per measurement (date, value, note) */

typedef struct
{
  GtkWidget *date;
  GtkWidget *value;
  GtkWidget *note;
} SsrMeasurementRow;

static int
compare_measurements (gconstpointer a,
                      gconstpointer b)
{
  GVariant *first = *(GVariant **)a;
  GVariant *second = *(GVariant **)b;
  const char *first_date, *second_date;

  g_variant_get_child (first, 0, "&s", &first_date);
  g_variant_get_child (second, 0, "&s", &second_date);

  return strcmp (first_date, second_date);
}

/* Sorted by date, as the model keeps them, so that a commit reads back equal. */
static GVariant *
sort_measurements (GPtrArray *rows)
{
  GVariantBuilder builder;

  g_ptr_array_sort (rows, compare_measurements);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sds)"));
  for (guint i = 0; i < rows->len; i++)
    g_variant_builder_add_value (&builder, g_ptr_array_index (rows, i));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
ssr_field_editor_commit_measurements (SsrFieldEditor *editor)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);
  g_autoptr(GVariant) measurements = NULL;

  for (guint i = 0; i < editor->rows->len; i++)
    {
      SsrMeasurementRow *row = g_object_get_data (g_ptr_array_index (editor->rows, i), "ssr-measurement");
      const char *date = gtk_editable_get_text (GTK_EDITABLE (row->date));

      if (!is_valid_date (date))
        {
          gtk_widget_add_css_class (row->date, "error");
          return;
        }
      gtk_widget_remove_css_class (row->date, "error");

      g_ptr_array_add (rows,
                       g_variant_ref_sink (g_variant_new ("(sds)", date,
                                                          gtk_spin_button_get_value (GTK_SPIN_BUTTON (row->value)),
                                                          gtk_editable_get_text (GTK_EDITABLE (row->note)))));
    }

  measurements = sort_measurements (rows);

  /* the rows already show it: no rebuild under the typing hands */
  g_clear_pointer (&editor->shown, g_variant_unref);
  editor->shown = g_variant_ref (measurements);
  ssr_field_editor_store_variant (editor, measurements);
}

static void
ssr_field_editor_measurement_changed_cb (SsrFieldEditor *editor)
{
  if (editor->form->loading == 0)
    ssr_field_editor_commit_measurements (editor);
}

static void
ssr_field_editor_remove_measurement_cb (GtkButton      *button,
                                        SsrFieldEditor *editor)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_PREFERENCES_ROW);

  gtk_widget_grab_focus (editor->focus);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (editor->group), row);
  g_ptr_array_remove (editor->rows, row);
  ssr_field_editor_commit_measurements (editor);
}

static GtkWidget *
ssr_field_editor_new_measurement_row (SsrFieldEditor *editor,
                                      const char     *date,
                                      double          value,
                                      const char     *note)
{
  SsrMeasurementRow *measurement = g_new0 (SsrMeasurementRow, 1);
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  measurement->date = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (measurement->date), date);
  gtk_editable_set_width_chars (GTK_EDITABLE (measurement->date), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (measurement->date), 10);
  gtk_widget_set_tooltip_text (measurement->date, _("Date (YYYY-MM-DD)"));
  ssr_accessible_set_label (measurement->date, _("Date"));

  measurement->value = new_spin_button (-1e12, 1e12, TRUE, _("Value"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (measurement->value), value);

  measurement->note = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (measurement->note), note);
  gtk_entry_set_placeholder_text (GTK_ENTRY (measurement->note), _("Note"));
  gtk_widget_set_hexpand (measurement->note, TRUE);
  ssr_accessible_set_label (measurement->note, _("Note"));

  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove measurement"));
  ssr_accessible_set_label (button, _("Remove measurement"));
  g_signal_connect (button, "clicked", G_CALLBACK (ssr_field_editor_remove_measurement_cb), editor);

  /* date and value on one line, the note under them: room to read it */
  {
    GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_widget_set_hexpand (measurement->value, TRUE);
    gtk_widget_set_halign (measurement->value, GTK_ALIGN_START);
    gtk_box_append (GTK_BOX (line), measurement->date);
    gtk_box_append (GTK_BOX (line), measurement->value);
    gtk_box_append (GTK_BOX (line), button);
    gtk_box_append (GTK_BOX (box), line);
    gtk_box_append (GTK_BOX (box), measurement->note);
  }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_signal_connect_swapped (measurement->date, "activate",
                            G_CALLBACK (ssr_field_editor_measurement_changed_cb), editor);
  g_signal_connect_swapped (measurement->note, "activate",
                            G_CALLBACK (ssr_field_editor_measurement_changed_cb), editor);
  g_signal_connect_swapped (measurement->value, "value-changed",
                            G_CALLBACK (ssr_field_editor_measurement_changed_cb), editor);
  add_focus_commit (editor, measurement->date);
  add_focus_commit (editor, measurement->note);

  g_object_set_data_full (G_OBJECT (row), "ssr-measurement", measurement, g_free);

  return row;
}

static void
ssr_field_editor_add_measurement_cb (SsrFieldEditor *editor)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  SsrItem *item = editor->form->item;
  double value = 0;
  GtkWidget *row;

  if (item == NULL)
    return;

  /* start from the last value known: the latest measurement, else the baseline */
  if (editor->rows->len > 0)
    {
      SsrMeasurementRow *last = g_object_get_data (g_ptr_array_index (editor->rows, editor->rows->len - 1),
                                                   "ssr-measurement");

      value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (last->value));
    }
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "baseline") != NULL)
    g_object_get (item, "baseline", &value, NULL);

  editor->form->loading++;
  row = ssr_field_editor_new_measurement_row (editor, today, value, "");
  editor->form->loading--;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (editor->group), row);
  g_ptr_array_add (editor->rows, row);

  ssr_field_editor_commit_measurements (editor);
  gtk_widget_grab_focus (((SsrMeasurementRow *)g_object_get_data (G_OBJECT (row), "ssr-measurement"))->value);
}

static void
ssr_field_editor_build_measurements (SsrFieldEditor *editor)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(editor->info->label));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Date (YYYY-MM-DD), value and an optional note"));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Add measurement"));
  ssr_accessible_set_label (button, _("Add measurement"));
  g_signal_connect_swapped (button, "clicked",
                            G_CALLBACK (ssr_field_editor_add_measurement_cb), editor);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  editor->rows = g_ptr_array_new ();
  editor->group = editor->widget = group;
  editor->focus = button;
}

static void
ssr_field_editor_load_measurements (SsrFieldEditor *editor)
{
  g_autoptr(GVariant) measurements = ssr_field_editor_dup_variant (editor);
  GVariantIter iter;
  const char *date, *note;
  double value;

  if (editor->shown != NULL && measurements != NULL && g_variant_equal (editor->shown, measurements))
    return;

  for (guint i = 0; i < editor->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (editor->group), g_ptr_array_index (editor->rows, i));
  g_ptr_array_set_size (editor->rows, 0);

  g_clear_pointer (&editor->shown, g_variant_unref);
  if (measurements == NULL)
    return;

  editor->shown = g_variant_ref (measurements);
  g_variant_iter_init (&iter, measurements);
  while (g_variant_iter_next (&iter, "(&sd&s)", &date, &value, &note))
    {
      GtkWidget *row = ssr_field_editor_new_measurement_row (editor, date, value, note);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (editor->group), row);
      g_ptr_array_add (editor->rows, row);
    }
}

/* Dispatch */

static void
ssr_field_editor_build (SsrFieldEditor *editor)
{
  switch (editor->info->kind)
    {
    case SSR_FIELD_TEXT:
    case SSR_FIELD_DATE:
      ssr_field_editor_build_text (editor);
      break;

    case SSR_FIELD_MULTILINE:
      ssr_field_editor_build_multiline (editor);
      break;

    case SSR_FIELD_TERM:
      ssr_field_editor_build_term (editor);
      break;

    case SSR_FIELD_ENUM:
      ssr_field_editor_build_enum (editor);
      break;

    case SSR_FIELD_INT:
    case SSR_FIELD_DOUBLE:
    case SSR_FIELD_BOOLEAN:
      ssr_field_editor_build_number (editor);
      break;

    case SSR_FIELD_REF:
      ssr_field_editor_build_ref (editor);
      break;

    case SSR_FIELD_REFS:
      ssr_field_editor_build_refs (editor);
      break;

    case SSR_FIELD_TERMS:
      ssr_field_editor_build_terms (editor);
      break;

    case SSR_FIELD_RATINGS:
      ssr_field_editor_build_ratings (editor);
      break;

    case SSR_FIELD_MEASUREMENTS:
      ssr_field_editor_build_measurements (editor);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
ssr_field_editor_load (SsrFieldEditor *editor)
{
  switch (editor->info->kind)
    {
    case SSR_FIELD_TEXT:
    case SSR_FIELD_DATE:
      ssr_field_editor_load_text (editor);
      break;

    case SSR_FIELD_MULTILINE:
      ssr_field_editor_load_multiline (editor);
      break;

    case SSR_FIELD_TERM:
      ssr_field_editor_load_term (editor);
      break;

    case SSR_FIELD_ENUM:
      ssr_field_editor_load_enum (editor);
      break;

    case SSR_FIELD_INT:
    case SSR_FIELD_DOUBLE:
    case SSR_FIELD_BOOLEAN:
      ssr_field_editor_load_number (editor);
      break;

    case SSR_FIELD_REF:
      ssr_field_editor_load_ref (editor);
      break;

    case SSR_FIELD_REFS:
      ssr_field_editor_load_refs (editor);
      break;

    case SSR_FIELD_TERMS:
      ssr_field_editor_load_terms (editor);
      break;

    case SSR_FIELD_RATINGS:
      ssr_field_editor_load_ratings (editor);
      break;

    case SSR_FIELD_MEASUREMENTS:
      ssr_field_editor_load_measurements (editor);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
ssr_field_editor_commit (SsrFieldEditor *editor)
{
  if (editor->form->item == NULL || editor->form->loading > 0)
    return;

  switch (editor->info->kind)
    {
    case SSR_FIELD_TEXT:
    case SSR_FIELD_DATE:
      ssr_field_editor_commit_text (editor);
      break;

    case SSR_FIELD_MULTILINE:
      ssr_notes_view_commit (SSR_NOTES_VIEW (editor->widget));
      break;

    case SSR_FIELD_TERM:
      ssr_field_editor_commit_term (editor);
      break;

    case SSR_FIELD_ENUM:
      ssr_field_editor_commit_enum (editor);
      break;

    case SSR_FIELD_INT:
    case SSR_FIELD_DOUBLE:
    case SSR_FIELD_BOOLEAN:
      ssr_field_editor_commit_number (editor);
      break;

    case SSR_FIELD_REF:
      ssr_field_editor_commit_ref (editor);
      break;

    case SSR_FIELD_TERMS:
      ssr_field_editor_commit_terms (editor);
      break;

    case SSR_FIELD_RATINGS:
      ssr_field_editor_commit_ratings (editor);
      break;

    case SSR_FIELD_MEASUREMENTS:
      ssr_field_editor_commit_measurements (editor);
      break;

    case SSR_FIELD_REFS:
      /* REFS commit from their add and remove buttons */
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The form */

static gboolean
field_is_row (const SsrFieldInfo *info)
{
  switch (info->kind)
    {
    case SSR_FIELD_TEXT:
    case SSR_FIELD_DATE:
    case SSR_FIELD_TERM:
    case SSR_FIELD_ENUM:
    case SSR_FIELD_INT:
    case SSR_FIELD_DOUBLE:
    case SSR_FIELD_BOOLEAN:
    case SSR_FIELD_REF:
      return TRUE;

    case SSR_FIELD_MULTILINE:
    case SSR_FIELD_REFS:
    case SSR_FIELD_TERMS:
    case SSR_FIELD_RATINGS:
    case SSR_FIELD_MEASUREMENTS:
    default:
      return FALSE;
    }
}

static void
ssr_item_form_item_notify_cb (SsrItemForm *self,
                              GParamSpec  *pspec)
{
  self->loading++;
  for (guint i = 0; i < self->editors->len; i++)
    {
      SsrFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (g_strcmp0 (editor->info->property, pspec->name) == 0 ||
          g_strcmp0 (editor->info->depends_on, pspec->name) == 0)
        ssr_field_editor_load (editor);
    }
  self->loading--;
}

static void
ssr_item_form_build (SsrItemForm *self)
{
  GtkWidget *rows_group = NULL;

  for (guint i = 0; i < self->fields->n_fields; i++)
    {
      SsrFieldEditor *editor = g_new0 (SsrFieldEditor, 1);

      editor->form = self;
      editor->info = &self->fields->fields[i];
      ssr_field_editor_build (editor);
      g_ptr_array_add (self->editors, editor);

      /* consecutive one-line fields share a group; the others stand alone */
      if (field_is_row (editor->info))
        {
          GtkWidget *row = editor->group != NULL ? editor->group : editor->widget;

          if (rows_group == NULL)
            {
              rows_group = adw_preferences_group_new ();
              gtk_box_append (GTK_BOX (self->box), rows_group);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows_group), row);
        }
      else
        {
          rows_group = NULL;
          gtk_box_append (GTK_BOX (self->box), editor->group);
        }
    }
}

static void
ssr_item_form_load (SsrItemForm *self)
{
  self->loading++;
  for (guint i = 0; i < self->editors->len; i++)
    ssr_field_editor_load (g_ptr_array_index (self->editors, i));
  self->loading--;

  gtk_widget_set_sensitive (self->box, self->item != NULL);
}

static void
ssr_item_form_dispose (GObject *object)
{
  SsrItemForm *self = SSR_ITEM_FORM (object);

  if (self->item != NULL)
    ssr_item_form_set_item (self, NULL);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->item_class, g_type_class_unref);

  G_OBJECT_CLASS (ssr_item_form_parent_class)->dispose (object);
}

static void
ssr_item_form_class_init (SsrItemFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_item_form_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ssritemform");
}

static void
ssr_item_form_init (SsrItemForm *self)
{
  self->editors = g_ptr_array_new_with_free_func (ssr_field_editor_free);

  /* built in code, not from a template: the fields come from the table
   * of the item type (ssr-item-fields.c) */
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

/**
 * ssr_item_form_new:
 * @document: the document holding the items
 * @framework: the document's framework
 * @item_type: the type of the items edited
 *
 * Returns: (transfer floating): a new #SsrItemForm
 */
GtkWidget *
ssr_item_form_new (SsrAssessment *document,
                   SsrFramework  *framework,
                   GType          item_type)
{
  SsrItemForm *self;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (ssr_item_fields_lookup (item_type) != NULL, NULL);

  self = g_object_new (SSR_TYPE_ITEM_FORM, NULL);
  self->document = g_object_ref (document);
  self->framework = g_object_ref (framework);
  self->item_type = item_type;
  self->fields = ssr_item_fields_lookup (item_type);

  self->item_class = g_type_class_ref (item_type);
  ssr_item_form_build (self);
  ssr_item_form_load (self);

  return GTK_WIDGET (self);
}

/**
 * ssr_item_form_set_item:
 * @self: a #SsrItemForm
 * @item: (nullable): the item to show
 *
 * Shows @item; what was typed for the previous item is committed first.
 */
void
ssr_item_form_set_item (SsrItemForm *self,
                        SsrItem     *item)
{
  g_return_if_fail (SSR_IS_ITEM_FORM (self));
  g_return_if_fail (item == NULL || G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));

  if (item == self->item)
    return;

  ssr_item_form_commit (self);

  if (self->item != NULL)
    {
      g_clear_signal_handler (&self->notify_handler, self->item);
      g_clear_object (&self->item);
    }

  if (item != NULL)
    {
      self->item = g_object_ref (item);
      self->notify_handler = g_signal_connect_object (item, "notify",
                                                      G_CALLBACK (ssr_item_form_item_notify_cb),
                                                      self, G_CONNECT_SWAPPED);
    }

  ssr_item_form_load (self);
}

/**
 * ssr_item_form_get_item:
 * @self: a #SsrItemForm
 *
 * Returns: (transfer none) (nullable): the item shown
 */
SsrItem *
ssr_item_form_get_item (SsrItemForm *self)
{
  g_return_val_if_fail (SSR_IS_ITEM_FORM (self), NULL);

  return self->item;
}

/**
 * ssr_item_form_commit:
 * @self: a #SsrItemForm
 *
 * Commits what was typed and not yet committed.
 */
void
ssr_item_form_commit (SsrItemForm *self)
{
  g_return_if_fail (SSR_IS_ITEM_FORM (self));

  if (self->item == NULL || self->editors == NULL)
    return;

  for (guint i = 0; i < self->editors->len; i++)
    {
      SsrFieldEditor *editor = g_ptr_array_index (self->editors, i);

      /* a notes view commits only what was typed since its last commit */
      if (editor->dirty || editor->info->kind == SSR_FIELD_MULTILINE)
        ssr_field_editor_commit (editor);
    }
}

/**
 * ssr_item_form_focus_first:
 * @self: a #SsrItemForm
 *
 * Returns: whether the focus moved to the first field
 */
gboolean
ssr_item_form_focus_first (SsrItemForm *self)
{
  SsrFieldEditor *editor;

  g_return_val_if_fail (SSR_IS_ITEM_FORM (self), FALSE);

  if (self->editors->len == 0 || self->item == NULL)
    return FALSE;

  editor = g_ptr_array_index (self->editors, 0);
  return gtk_widget_grab_focus (editor->focus);
}

/**
 * ssr_item_form_get_field_widget:
 * @self: a #SsrItemForm
 * @property: a property of the item type
 *
 * Returns: (transfer none) (nullable): the widget editing @property
 */
GtkWidget *
ssr_item_form_get_field_widget (SsrItemForm *self,
                                const char  *property)
{
  g_return_val_if_fail (SSR_IS_ITEM_FORM (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      SsrFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (g_str_equal (editor->info->property, property))
        return editor->widget;
    }

  return NULL;
}
