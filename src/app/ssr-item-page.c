/* ssr-item-page.c: a list of the items of one type, with search, filters and a detail form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-item-page"

#include "config.h"

#include "ssr-item-page.h"

#include <glib/gi18n-lib.h>

#include "ssr-accessible.h"
#include "ssr-actor.h"
#include "ssr-core-enums.h"
#include "ssr-item-fields.h"
#include "ssr-item-form.h"
#include "ssr-relation.h"
#include "ssr-window.h"

/*
 * Sizes in average characters of the page's font, so that large text gets
 * wider columns and a wider form: the form's width, and the page width
 * below which the form goes under the list.
 */
#define FORM_CHARS     50
#define NARROW_CHARS   112

struct _SsrItemPage
{
  GtkWidget            parent_instance;

  SsrAssessment       *document;
  SsrFramework        *framework;
  GType                item_type;
  const SsrItemFields *fields;

  /* template */
  GtkPaned            *paned;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkWidget           *move_up_button;
  GtkWidget           *move_down_button;
  GtkStack            *list_stack;
  GtkScrolledWindow   *list_scroller;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkLabel            *count_label;
  GtkStack            *form_stack;
  AdwClamp            *form_clamp;
  AdwStatusPage       *no_selection_page;

  SsrItemForm         *form;

  GListModel          *collection;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;

  /* the casefolded search text, or NULL */
  char                *search_text;
  /* per filter entry after "All": a term id, or an enum value */
  GPtrArray           *filter_ids;
  GArray              *filter_values;

  /* the cells of the "#" column, renumbered when the sequence changes */
  GPtrArray           *sequence_labels;

  /* in pixels, from the font: below it the form goes under the list */
  int                  narrow_width;
  guint                orientation_source;
};

G_DEFINE_FINAL_TYPE (SsrItemPage, ssr_item_page, GTK_TYPE_WIDGET)

/* What a column's factory and sorter need. */
typedef struct
{
  SsrItemPage         *page;
  const SsrColumnInfo *info;
} SsrColumnData;

static void ssr_item_page_update_state (SsrItemPage *self);

/* Filtering */

static gboolean
ssr_item_page_filter_func (gpointer item,
                           gpointer user_data)
{
  SsrItemPage *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  const SsrFilterInfo *filter = &self->fields->filter;

  if (filter->property != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    {
      if (filter->enum_type != NULL)
        {
          int value = 0;

          g_object_get (item, filter->property, &value, NULL);
          if (value != g_array_index (self->filter_values, int, selected - 1))
            return FALSE;
        }
      else
        {
          g_autofree char *id = NULL;

          g_object_get (item, filter->property, &id, NULL);
          if (g_strcmp0 (id, g_ptr_array_index (self->filter_ids, selected - 1)) != 0)
            return FALSE;
        }
    }

  if (self->search_text != NULL)
    {
      g_autofree char *text = ssr_item_fields_get_search_text (self->fields, item,
                                                               self->document, self->framework);

      if (strstr (text, self->search_text) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
ssr_item_page_refilter (SsrItemPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_changed_cb (SsrItemPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_text, g_free);
  if (*stripped != '\0')
    self->search_text = g_utf8_casefold (stripped, -1);

  ssr_item_page_refilter (self);
}

static void
search_activate_cb (SsrItemPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
search_stop_cb (SsrItemPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (SsrItemPage *self)
{
  if (self->filter != NULL)
    ssr_item_page_refilter (self);
}

static void
ssr_item_page_setup_filter (SsrItemPage *self)
{
  const SsrFilterInfo *filter = &self->fields->filter;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *accessible = NULL;

  self->filter_ids = g_ptr_array_new_with_free_func (g_free);
  self->filter_values = g_array_new (FALSE, FALSE, sizeof (int));

  if (filter->property == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->filter_dropdown), FALSE);
      return;
    }

  gtk_string_list_append (labels, _(filter->all_label));

  if (filter->enum_type != NULL)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (filter->enum_type ());

      for (guint i = 0; i < enum_class->n_values; i++)
        {
          int value = enum_class->values[i].value;

          gtk_string_list_append (labels, ssr_item_fields_get_enum_label (filter->enum_type (), value));
          g_array_append_val (self->filter_values, value);
        }
    }
  else
    {
      GListModel *terms = ssr_framework_get_list (self->framework, filter->list);
      guint n_terms = terms != NULL ? g_list_model_get_n_items (terms) : 0;

      for (guint i = 0; i < n_terms; i++)
        {
          g_autoptr(SsrTerm) term = g_list_model_get_item (terms, i);

          gtk_string_list_append (labels, ssr_term_get_name (term));
          g_ptr_array_add (self->filter_ids, g_strdup (ssr_term_get_id (term)));
        }
    }

  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
  /* TRANSLATORS: the accessible name of the filter drop-down, e.g. "Filter Actors" */
  accessible = g_strdup_printf (_("Filter %s"), _(self->fields->title));
  ssr_accessible_name_drop_down (self->filter_dropdown, accessible);
}

/* Cells */

static const char *
badge_style (const SsrColumnInfo *info,
             SsrItem             *item)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), info->property);
  int value = 0;

  if (pspec == NULL)
    return NULL;

  if (pspec->value_type == G_TYPE_BOOLEAN)
    return "warning";

  g_object_get (item, info->property, &value, NULL);

  if (pspec->value_type == SSR_TYPE_STANCE)
    {
      switch ((SsrStance)value)
        {
        case SSR_STANCE_CHAMPION: return "success";
        case SSR_STANCE_SPOILER: return "error";
        case SSR_STANCE_NEUTRAL:
        case SSR_STANCE_UNKNOWN:
        default: return "dim-label";
        }
    }

  if (pspec->value_type == SSR_TYPE_FINDING_KIND)
    {
      switch ((SsrFindingKind)value)
        {
        case SSR_FINDING_STRENGTH:
        case SSR_FINDING_OPPORTUNITY:
          return "success";
        case SSR_FINDING_WEAKNESS:
        case SSR_FINDING_GAP:
        case SSR_FINDING_NEED:
          return "warning";
        case SSR_FINDING_THREAT:
        case SSR_FINDING_RISK:
          return "error";
        default:
          return NULL;
        }
    }

  return NULL;
}

static void
ssr_item_page_update_cell (GtkLabel      *label,
                           SsrItem       *item,
                           SsrColumnData *data)
{
  g_autofree char *text = ssr_item_fields_format_column (data->info, item,
                                                         data->page->document,
                                                         data->page->framework);
  static const char * const styles[] = { "success", "warning", "error", "dim-label" };

  gtk_label_set_text (label, text);
  /* the whole text of a cell cut short */
  if (data->info->kind == SSR_COLUMN_TEXT || data->info->kind == SSR_COLUMN_TERM ||
      data->info->kind == SSR_COLUMN_REF)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), *text != '\0' ? text : NULL);

  if (data->info->kind == SSR_COLUMN_BADGE)
    {
      const char *style = badge_style (data->info, item);

      for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (label), styles[i]);
      if (style != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (label), style);
    }
}

static void
cell_item_notify_cb (GtkListItem *list_item)
{
  SsrColumnData *data = g_object_get_data (G_OBJECT (list_item), "ssr-column");
  SsrItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL && data != NULL)
    ssr_item_page_update_cell (GTK_LABEL (gtk_list_item_get_child (list_item)), item, data);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SsrColumnData            *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  switch (data->info->kind)
    {
    case SSR_COLUMN_NUMBER:
    case SSR_COLUMN_SEQUENCE:
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
      break;

    case SSR_COLUMN_BADGE:
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "caption-heading");
      break;

    case SSR_COLUMN_TEXT:
    case SSR_COLUMN_TERM:
    case SSR_COLUMN_ENUM:
    case SSR_COLUMN_REF:
    default:
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      break;
    }

  g_object_set_data (G_OBJECT (list_item), "ssr-column", data);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SsrColumnData            *data)
{
  SsrItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  ssr_item_page_update_cell (GTK_LABEL (label), item, data);

  if (data->info->kind == SSR_COLUMN_SEQUENCE)
    {
      g_object_set_data (G_OBJECT (label), "ssr-item", item);
      g_ptr_array_add (data->page->sequence_labels, label);
    }
  else
    {
      g_autofree char *signal = g_strdup_printf ("notify::%s", data->info->property);
      gulong handler;

      /* an edit in the form shows in the row at once */
      handler = g_signal_connect_object (item, signal,
                                         G_CALLBACK (cell_item_notify_cb),
                                         list_item, G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (list_item), "ssr-handler", GSIZE_TO_POINTER (handler));
    }
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SsrColumnData            *data)
{
  SsrItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "ssr-handler"));

  if (data->info->kind == SSR_COLUMN_SEQUENCE)
    {
      g_ptr_array_remove_fast (data->page->sequence_labels, label);
      g_object_set_data (G_OBJECT (label), "ssr-item", NULL);
    }
  else if (handler != 0)
    {
      if (item != NULL)
        g_signal_handler_disconnect (item, handler);
      g_object_set_data (G_OBJECT (list_item), "ssr-handler", NULL);
    }
}

static void
ssr_item_page_renumber (SsrItemPage *self)
{
  for (guint i = 0; i < self->sequence_labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (self->sequence_labels, i);
      SsrItem *item = g_object_get_data (G_OBJECT (label), "ssr-item");
      guint position;

      if (item != NULL && g_list_store_find (G_LIST_STORE (self->collection), item, &position))
        {
          g_autofree char *text = g_strdup_printf ("%u", position + 1);

          gtk_label_set_text (label, text);
        }
    }
}

/* Sorting */

static double
item_number (SsrItem    *item,
             const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (item), property, &value);

  if (G_VALUE_HOLDS_INT (&value))
    return g_value_get_int (&value);
  if (G_VALUE_HOLDS_DOUBLE (&value))
    return g_value_get_double (&value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_value_get_boolean (&value);

  return 0;
}

static int
column_compare_func (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  SsrColumnData *data = user_data;
  SsrItem *first = SSR_ITEM ((gpointer)a);
  SsrItem *second = SSR_ITEM ((gpointer)b);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  if (data->info->kind == SSR_COLUMN_NUMBER || data->info->kind == SSR_COLUMN_BADGE)
    {
      double x = item_number (first, data->info->property);
      double y = item_number (second, data->info->property);

      return (x > y) - (x < y);
    }

  first_text = ssr_item_fields_format_column (data->info, first, data->page->document, data->page->framework);
  second_text = ssr_item_fields_format_column (data->info, second, data->page->document, data->page->framework);

  return g_utf8_collate (first_text, second_text);
}

static void
ssr_item_page_setup_columns (SsrItemPage *self)
{
  for (guint i = 0; i < self->fields->n_columns; i++)
    {
      const SsrColumnInfo *info = &self->fields->columns[i];
      SsrColumnData *data = g_new0 (SsrColumnData, 1);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      data->page = self;
      data->info = info;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), data);
      g_object_set_data_full (G_OBJECT (factory), "ssr-column", data, g_free);

      column = gtk_column_view_column_new (ssr_column_info_get_title (info), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, info->expand);

      /* a priority's place is its sequence: no other order is offered */
      if (!self->fields->ordered && info->kind != SSR_COLUMN_SEQUENCE)
        {
          g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare_func, data, NULL));

          gtk_column_view_column_set_sorter (column, sorter);
        }

      gtk_column_view_append_column (self->column_view, column);
    }
}

/* Selection and state */

static SsrItem *
ssr_item_page_selected_item (SsrItemPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static guint
ssr_item_page_find_position (SsrItemPage *self,
                             SsrItem     *item)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SsrItem) candidate = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (candidate == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
ssr_item_page_update_actions (SsrItemPage *self)
{
  SsrItem *item = ssr_item_page_selected_item (self);
  guint position = 0;
  guint n_items = g_list_model_get_n_items (self->collection);
  gboolean in_sequence;

  in_sequence = self->fields->ordered && item != NULL &&
                g_list_store_find (G_LIST_STORE (self->collection), item, &position);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.delete", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.edit", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.move-up", in_sequence && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.move-down", in_sequence && position + 1 < n_items);
}

static void
ssr_item_page_update_state (SsrItemPage *self)
{
  guint n_total = g_list_model_get_n_items (self->collection);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = ssr_item_fields_format_count (self->fields, n_shown, n_total);

  gtk_label_set_text (self->count_label, count);

  if (n_total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  ssr_item_page_update_actions (self);
}

static void
selection_changed_cb (SsrItemPage *self)
{
  SsrItem *item = ssr_item_page_selected_item (self);

  ssr_item_form_set_item (self->form, item);
  gtk_stack_set_visible_child_name (self->form_stack, item != NULL ? "form" : "none");
  ssr_item_page_update_actions (self);
}

static void
filter_model_items_changed_cb (SsrItemPage *self)
{
  ssr_item_page_update_state (self);
}

static void
collection_items_changed_cb (SsrItemPage *self)
{
  if (self->fields->ordered)
    ssr_item_page_renumber (self);
  ssr_item_page_update_state (self);
}

/* Brings the selected row into view (GTK 4.8 has no scroll_to). */
static void
ssr_item_page_scroll_to (SsrItemPage *self,
                         guint        position)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  double upper, page_size;

  if (adjustment == NULL || n_items == 0)
    return;

  upper = gtk_adjustment_get_upper (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, upper * position / n_items - page_size / 2);
}

/* Actions */

static void
set_default_from_filter (SsrItemPage *self,
                         SsrItem     *item)
{
  const SsrFilterInfo *filter = &self->fields->filter;
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (filter->property == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (filter->enum_type != NULL)
    g_object_set (item, filter->property, g_array_index (self->filter_values, int, selected - 1), NULL);
  else
    g_object_set (item, filter->property, g_ptr_array_index (self->filter_ids, selected - 1), NULL);
}

static const char *
first_term_id (SsrFramework *framework,
               const char   *list)
{
  GListModel *terms = ssr_framework_get_list (framework, list);
  g_autoptr(SsrTerm) term = NULL;

  if (terms == NULL || g_list_model_get_n_items (terms) == 0)
    return NULL;

  term = g_list_model_get_item (terms, 0);
  return ssr_term_get_id (term);
}

/* A principle not checked yet, so that a new check is not a duplicate. */
static const char *
unchecked_principle (SsrItemPage *self)
{
  GListModel *principles = ssr_framework_get_list (self->framework, "principles");
  guint n_principles = principles != NULL ? g_list_model_get_n_items (principles) : 0;
  guint n_checks = g_list_model_get_n_items (self->collection);

  for (guint i = 0; i < n_principles; i++)
    {
      g_autoptr(SsrTerm) principle = g_list_model_get_item (principles, i);
      gboolean checked = FALSE;

      for (guint j = 0; j < n_checks && !checked; j++)
        {
          g_autoptr(SsrItem) check = g_list_model_get_item (self->collection, j);
          g_autofree char *id = NULL;

          g_object_get (check, "principle", &id, NULL);
          checked = g_strcmp0 (id, ssr_term_get_id (principle)) == 0;
        }

      if (!checked)
        return ssr_term_get_id (principle);
    }

  return first_term_id (self->framework, "principles");
}

static SsrItem *
ssr_item_page_new_item (SsrItemPage *self)
{
  g_autofree char *id = ssr_item_new_id (self->item_type);
  g_autoptr(SsrItem) item = g_object_new (self->item_type, "id", id, NULL);
  const SsrItemFields *fields = self->fields;

  /* not in the document yet: set directly, the adding is the undo step */
  if (fields->new_label != NULL)
    g_object_set (item, fields->label_property, _(fields->new_label), NULL);

  if (self->item_type == SSR_TYPE_RELATION)
    {
      GListModel *actors = ssr_assessment_get_actors (self->document);
      guint n_actors = g_list_model_get_n_items (actors);
      g_autoptr(SsrItem) source = n_actors > 0 ? g_list_model_get_item (actors, 0) : NULL;
      g_autoptr(SsrItem) target = n_actors > 1 ? g_list_model_get_item (actors, 1) : NULL;

      if (source != NULL)
        g_object_set (item, "source", ssr_item_get_id (source), NULL);
      if (target != NULL)
        g_object_set (item, "target", ssr_item_get_id (target), NULL);
      g_object_set (item, "type", first_term_id (self->framework, "relation-types"), NULL);
    }
  else if (g_str_equal (fields->label_property, "principle"))
    g_object_set (item, "principle", unchecked_principle (self), NULL);

  set_default_from_filter (self, item);

  return g_steal_pointer (&item);
}

static void
ssr_item_page_add_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SsrItemPage *self = SSR_ITEM_PAGE (widget);
  g_autoptr(SsrItem) item = ssr_item_page_new_item (self);

  /* a new item must be seen: the search would hide it */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  ssr_item_page_refilter (self);

  ssr_assessment_add_item (self->document, item);

  ssr_item_page_select (self, item);
  ssr_item_form_focus_first (self->form);
}

static guint
count_relations_of (SsrItemPage *self,
                    SsrItem     *item)
{
  GListModel *relations = ssr_assessment_get_relations (self->document);
  guint n_relations = g_list_model_get_n_items (relations);
  const char *id = ssr_item_get_id (item);
  guint count = 0;

  if (!SSR_IS_ACTOR (item))
    return 0;

  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (ssr_relation_get_source (relation), id) == 0 ||
          g_strcmp0 (ssr_relation_get_target (relation), id) == 0)
        count++;
    }

  return count;
}

static void
ssr_item_page_delete_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SsrItemPage *self = SSR_ITEM_PAGE (widget);
  SsrItem *selected = ssr_item_page_selected_item (self);
  g_autoptr(SsrItem) item = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  GtkWidget *window;
  guint n_relations;
  guint n_mended;

  if (selected == NULL)
    return;

  item = g_object_ref (selected);
  label = ssr_item_fields_get_display_label (self->fields, item, self->document, self->framework);
  n_relations = count_relations_of (self, item);

  /* what was typed into the form belongs to the item before it goes */
  ssr_item_form_commit (self->form);
  n_mended = ssr_assessment_remove_item (self->document, item);

  message = ssr_item_fields_format_deleted (self->fields, label, n_relations,
                                            n_mended > n_relations ? n_mended - n_relations : 0);

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), SSR_TYPE_WINDOW);
  if (window != NULL)
    ssr_window_show_undo_toast (SSR_WINDOW (window), message);

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
ssr_item_page_move (SsrItemPage *self,
                    int          offset)
{
  SsrItem *selected = ssr_item_page_selected_item (self);
  g_autoptr(SsrItem) item = NULL;
  guint position;
  guint n_items = g_list_model_get_n_items (self->collection);

  if (selected == NULL || !g_list_store_find (G_LIST_STORE (self->collection), selected, &position))
    return;
  if ((offset < 0 && position == 0) || (offset > 0 && position + 1 >= n_items))
    return;

  item = g_object_ref (selected);
  ssr_item_form_commit (self->form);
  ssr_assessment_move_item (self->document, item, position + offset);

  /* the move took the row out and put it back: keep it selected */
  ssr_item_page_select (self, item);
}

static void
ssr_item_page_move_up_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ssr_item_page_move (SSR_ITEM_PAGE (widget), -1);
}

static void
ssr_item_page_move_down_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ssr_item_page_move (SSR_ITEM_PAGE (widget), 1);
}

static void
ssr_item_page_edit_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ssr_item_form_focus_first (SSR_ITEM_PAGE (widget)->form);
}

static void
ssr_item_page_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SsrItemPage *self = SSR_ITEM_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Layout: the form beside the list, or under it when the page is narrow */

static gboolean
ssr_item_page_orientation_cb (gpointer data)
{
  SsrItemPage *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GtkOrientation orientation = width < self->narrow_width ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  self->orientation_source = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), orientation);

  /* beside: the form takes its natural width; under: half the height */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    gtk_paned_set_position (self->paned, gtk_widget_get_height (GTK_WIDGET (self)) / 2);
  else
    g_object_set (self->paned, "position-set", FALSE, NULL);

  return G_SOURCE_REMOVE;
}

static void
ssr_item_page_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SsrItemPage *self = SSR_ITEM_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->paned), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  /* any width from the narrow one up suits the page: it does not ask
   * for more and squeeze what is beside it (the sidebar) */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, self->narrow_width));
}

static void
ssr_item_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SsrItemPage *self = SSR_ITEM_PAGE (widget);
  GtkOrientation wanted = width < self->narrow_width ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  /* changing the orientation while allocating would ask for a new
   * allocation in the middle of this one: do it right after */
  if (wanted != gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) &&
      self->orientation_source == 0)
    self->orientation_source = g_idle_add (ssr_item_page_orientation_cb, self);

  gtk_widget_allocate (GTK_WIDGET (self->paned), width, height, baseline, NULL);
}

/*
 * Column and form widths follow the font: a projector's large text too.
 * Measured once, when the page is made (measuring later, at realize,
 * would ask for a new layout in the middle of one).
 */
static void
ssr_item_page_apply_sizes (SsrItemPage *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = MAX (1, PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (metrics)));
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  pango_font_metrics_unref (metrics);

  for (guint i = 0; i < self->fields->n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const SsrColumnInfo *info = &self->fields->columns[i];

      /* and the cell's padding */
      if (info->width > 0)
        gtk_column_view_column_set_fixed_width (column, info->width * char_width + 12);
    }

  /* the form keeps its width (and the clamp's margins); the list takes
   * the rest, and may be cut for the moment it takes to fold the page */
  gtk_widget_set_size_request (GTK_WIDGET (self->form_stack), FORM_CHARS * char_width + 36, -1);
  adw_clamp_set_maximum_size (self->form_clamp, FORM_CHARS * char_width);
  adw_clamp_set_tightening_threshold (self->form_clamp, FORM_CHARS * char_width);
  self->narrow_width = NARROW_CHARS * char_width;
}

static GtkSizeRequestMode
ssr_item_page_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (SSR_ITEM_PAGE (widget)->paned));
}

/* GObject */

static void
ssr_item_page_dispose (GObject *object)
{
  SsrItemPage *self = SSR_ITEM_PAGE (object);

  g_clear_handle_id (&self->orientation_source, g_source_remove);

  /* nothing below is a change the page has to show */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->collection != NULL)
    g_signal_handlers_disconnect_by_data (self->collection, self);

  if (self->form != NULL)
    ssr_item_form_set_item (self->form, NULL);
  self->form = NULL;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSR_TYPE_ITEM_PAGE);

  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->collection);
  g_clear_object (&self->document);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (ssr_item_page_parent_class)->dispose (object);
}

static void
ssr_item_page_finalize (GObject *object)
{
  SsrItemPage *self = SSR_ITEM_PAGE (object);

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->filter_ids, g_ptr_array_unref);
  g_clear_pointer (&self->filter_values, g_array_unref);
  g_clear_pointer (&self->sequence_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_item_page_parent_class)->finalize (object);
}

static void
ssr_item_page_class_init (SsrItemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_item_page_dispose;
  object_class->finalize = ssr_item_page_finalize;

  widget_class->measure = ssr_item_page_measure;
  widget_class->size_allocate = ssr_item_page_size_allocate;
  widget_class->get_request_mode = ssr_item_page_get_request_mode;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ssr-item-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, paned);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, form_stack);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, form_clamp);
  gtk_widget_class_bind_template_child (widget_class, SsrItemPage, no_selection_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "items.add", NULL, ssr_item_page_add_action);
  gtk_widget_class_install_action (widget_class, "items.delete", NULL, ssr_item_page_delete_action);
  gtk_widget_class_install_action (widget_class, "items.move-up", NULL, ssr_item_page_move_up_action);
  gtk_widget_class_install_action (widget_class, "items.move-down", NULL, ssr_item_page_move_down_action);
  gtk_widget_class_install_action (widget_class, "items.edit", NULL, ssr_item_page_edit_action);
  gtk_widget_class_install_action (widget_class, "items.search", NULL, ssr_item_page_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "items.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "items.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "items.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "items.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "items.search", NULL);
}

static void
ssr_item_page_init (SsrItemPage *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sequence_labels = g_ptr_array_new ();

  /* Delete removes an item only from the list: in a field it deletes text */
  controller = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_named_action_new ("items.delete"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

static void
ssr_item_page_setup (SsrItemPage *self)
{
  const SsrItemFields *fields = self->fields;
  g_autofree char *placeholder = NULL;

  self->collection = g_object_ref (ssr_assessment_get_collection (self->document, self->item_type));

  ssr_item_page_setup_filter (self);
  ssr_item_page_setup_columns (self);
  ssr_item_page_apply_sizes (self);

  self->filter = gtk_custom_filter_new (ssr_item_page_filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (self->collection),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->form = SSR_ITEM_FORM (ssr_item_form_new (self->document, self->framework, self->item_type));
  adw_clamp_set_child (self->form_clamp, GTK_WIDGET (self->form));

  adw_status_page_set_title (self->empty_page, _(fields->empty_title));
  adw_status_page_set_description (self->empty_page, _(fields->empty_description));
  /* TRANSLATORS: the placeholder of the search entry, e.g. "Search Actors" */
  placeholder = g_strdup_printf (_("Search %s"), _(fields->title));
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(fields->title),
                                  -1);

  gtk_widget_set_visible (self->move_up_button, fields->ordered);
  gtk_widget_set_visible (self->move_down_button, fields->ordered);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_model_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->collection, "items-changed",
                           G_CALLBACK (collection_items_changed_cb), self, G_CONNECT_SWAPPED);

  selection_changed_cb (self);
  ssr_item_page_update_state (self);
}

/**
 * ssr_item_page_new:
 * @document: the document whose items are listed
 * @framework: the document's framework
 * @item_type: the type of the items listed
 *
 * Returns: (transfer floating): a new #SsrItemPage
 */
GtkWidget *
ssr_item_page_new (SsrAssessment *document,
                   SsrFramework  *framework,
                   GType          item_type)
{
  SsrItemPage *self;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (ssr_item_fields_lookup (item_type) != NULL, NULL);

  self = g_object_new (SSR_TYPE_ITEM_PAGE, NULL);
  self->document = g_object_ref (document);
  self->framework = g_object_ref (framework);
  self->item_type = item_type;
  self->fields = ssr_item_fields_lookup (item_type);

  ssr_item_page_setup (self);

  return GTK_WIDGET (self);
}

/**
 * ssr_item_page_get_item_type:
 * @self: a #SsrItemPage
 *
 * Returns: the type of the items listed
 */
GType
ssr_item_page_get_item_type (SsrItemPage *self)
{
  g_return_val_if_fail (SSR_IS_ITEM_PAGE (self), G_TYPE_INVALID);

  return self->item_type;
}

/**
 * ssr_item_page_select:
 * @self: a #SsrItemPage
 * @item: an item of the page's type
 *
 * Selects @item and shows it in the form; a search or filter that hides
 * it is cleared.
 */
void
ssr_item_page_select (SsrItemPage *self,
                      SsrItem     *item)
{
  guint position;

  g_return_if_fail (SSR_IS_ITEM_PAGE (self));
  g_return_if_fail (SSR_IS_ITEM (item));

  position = ssr_item_page_find_position (self, item);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search_text, g_free);
      gtk_drop_down_set_selected (self->filter_dropdown, 0);
      ssr_item_page_refilter (self);
      position = ssr_item_page_find_position (self, item);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  ssr_item_page_scroll_to (self, position);
}

/**
 * ssr_item_page_get_selected:
 * @self: a #SsrItemPage
 *
 * Returns: (transfer none) (nullable): the item shown in the form
 */
SsrItem *
ssr_item_page_get_selected (SsrItemPage *self)
{
  g_return_val_if_fail (SSR_IS_ITEM_PAGE (self), NULL);

  return ssr_item_page_selected_item (self);
}
