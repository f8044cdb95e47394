/* ssr-term-combo-row.c: choose a term of a framework list (a category, a type…)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-term-combo-row"

#include "config.h"

#include "ssr-term-combo-row.h"

#include <glib/gi18n-lib.h>

struct _SsrTermComboRow
{
  AdwComboRow    parent_instance;

  SsrFramework  *framework;
  SsrTerm       *parent;
  /* terms given directly (every step of the framework), or NULL */
  GListModel    *terms;
  char          *list;
  gboolean       allow_none;

  /* the labels shown, and in the same order the term ids (NULL: "None") */
  GtkStringList *labels;
  GPtrArray     *ids;
  char          *term_id;

  /* set while the row itself changes its selection */
  guint          updating : 1;
};

G_DEFINE_FINAL_TYPE (SsrTermComboRow, ssr_term_combo_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_FRAMEWORK,
  PROP_PARENT,
  PROP_LIST,
  PROP_TERMS,
  PROP_ALLOW_NONE,
  PROP_TERM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
ssr_term_combo_row_get_terms (SsrTermComboRow *self)
{
  if (self->terms != NULL)
    return self->terms;
  if (self->list == NULL)
    return NULL;
  if (self->parent != NULL)
    return ssr_term_get_list (self->parent, self->list);
  if (self->framework != NULL)
    return ssr_framework_get_list (self->framework, self->list);
  return NULL;
}

/* Fills labels and ids from the list, plus the current id when the list
 * does not hold it, and selects the current id. */
static void
ssr_term_combo_row_rebuild (SsrTermComboRow *self)
{
  GListModel *terms = ssr_term_combo_row_get_terms (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_terms = terms != NULL ? g_list_model_get_n_items (terms) : 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->ids, 0);

  if (self->allow_none)
    {
      g_ptr_array_add (self->ids, NULL);
      g_ptr_array_add (names, (gpointer)C_("term", "None"));
      if (self->term_id == NULL)
        selected = 0;
    }

  for (guint i = 0; i < n_terms; i++)
    {
      g_autoptr(SsrTerm) term = g_list_model_get_item (terms, i);
      const char *id = ssr_term_get_id (term);
      const char *name = ssr_term_get_name (term);

      if (g_strcmp0 (id, self->term_id) == 0)
        selected = self->ids->len;
      g_ptr_array_add (self->ids, g_strdup (id));
      g_ptr_array_add (names, (gpointer)(name != NULL && *name != '\0' ? name : id));
    }

  /* A value the framework does not know is shown as itself, never lost. */
  if (self->term_id != NULL && selected == GTK_INVALID_LIST_POSITION)
    {
      selected = self->ids->len;
      g_ptr_array_add (self->ids, g_strdup (self->term_id));
      g_ptr_array_add (names, self->term_id);
    }

  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->labels,
                          0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                          (const char * const *)names->pdata);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), selected);
  self->updating = FALSE;
}

static void
ssr_term_combo_row_notify_selected_cb (SsrTermComboRow *self)
{
  guint selected;
  const char *id;

  if (self->updating)
    return;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (selected >= self->ids->len)
    return;

  id = g_ptr_array_index (self->ids, selected);
  if (g_strcmp0 (id, self->term_id) == 0)
    return;

  g_free (self->term_id);
  self->term_id = g_strdup (id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_ID]);
}

static void
ssr_term_combo_row_constructed (GObject *object)
{
  SsrTermComboRow *self = SSR_TERM_COMBO_ROW (object);

  G_OBJECT_CLASS (ssr_term_combo_row_parent_class)->constructed (object);

  ssr_term_combo_row_rebuild (self);
  g_signal_connect (self, "notify::selected",
                    G_CALLBACK (ssr_term_combo_row_notify_selected_cb), NULL);
}

static void
ssr_term_combo_row_dispose (GObject *object)
{
  SsrTermComboRow *self = SSR_TERM_COMBO_ROW (object);

  g_clear_object (&self->framework);
  g_clear_object (&self->parent);
  g_clear_object (&self->terms);

  G_OBJECT_CLASS (ssr_term_combo_row_parent_class)->dispose (object);
}

static void
ssr_term_combo_row_finalize (GObject *object)
{
  SsrTermComboRow *self = SSR_TERM_COMBO_ROW (object);

  g_clear_object (&self->labels);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->list, g_free);
  g_clear_pointer (&self->term_id, g_free);

  G_OBJECT_CLASS (ssr_term_combo_row_parent_class)->finalize (object);
}

static void
ssr_term_combo_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SsrTermComboRow *self = SSR_TERM_COMBO_ROW (object);

  switch (prop_id)
    {
    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;

    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;

    case PROP_LIST:
      g_value_set_string (value, self->list);
      break;

    case PROP_TERMS:
      g_value_set_object (value, self->terms);
      break;

    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;

    case PROP_TERM_ID:
      g_value_set_string (value, self->term_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_term_combo_row_set_parent (SsrTermComboRow *self,
                               SsrTerm         *parent)
{
  if (!g_set_object (&self->parent, parent))
    return;

  ssr_term_combo_row_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT]);
}

static void
ssr_term_combo_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SsrTermComboRow *self = SSR_TERM_COMBO_ROW (object);

  switch (prop_id)
    {
    case PROP_FRAMEWORK:
      self->framework = g_value_dup_object (value);
      break;

    case PROP_PARENT:
      ssr_term_combo_row_set_parent (self, g_value_get_object (value));
      break;

    case PROP_LIST:
      self->list = g_value_dup_string (value);
      break;

    case PROP_TERMS:
      self->terms = g_value_dup_object (value);
      break;

    case PROP_ALLOW_NONE:
      self->allow_none = g_value_get_boolean (value);
      break;

    case PROP_TERM_ID:
      ssr_term_combo_row_set_term_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_term_combo_row_class_init (SsrTermComboRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ssr_term_combo_row_constructed;
  object_class->dispose = ssr_term_combo_row_dispose;
  object_class->finalize = ssr_term_combo_row_finalize;
  object_class->get_property = ssr_term_combo_row_get_property;
  object_class->set_property = ssr_term_combo_row_set_property;

  properties[PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL,
                         SSR_TYPE_FRAMEWORK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Writable so that a dependent list (an actor category's "kinds")
   * can follow the term it depends on. */
  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL,
                         SSR_TYPE_TERM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LIST] =
    g_param_spec_string ("list", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A model of SsrTerm used instead of a named list (not in the header:
   * the item form uses it for the steps of all phases). */
  properties[PROP_TERMS] =
    g_param_spec_object ("terms", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TERM_ID] =
    g_param_spec_string ("term-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_term_combo_row_init (SsrTermComboRow *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->labels = gtk_string_list_new (NULL);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (ADW_COMBO_ROW (self), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->labels));
}

/**
 * ssr_term_combo_row_new:
 * @framework: the framework whose terms are offered
 * @parent: (nullable): the term holding @list, or %NULL for a top-level list
 * @list: the name of the list
 * @allow_none: whether "None" is offered first
 *
 * Returns: (transfer floating): a new #SsrTermComboRow
 */
GtkWidget *
ssr_term_combo_row_new (SsrFramework *framework,
                        SsrTerm      *parent,
                        const char   *list,
                        gboolean      allow_none)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (parent == NULL || SSR_IS_TERM (parent), NULL);
  g_return_val_if_fail (list != NULL, NULL);

  return g_object_new (SSR_TYPE_TERM_COMBO_ROW,
                       "framework", framework,
                       "parent", parent,
                       "list", list,
                       "allow-none", allow_none,
                       NULL);
}

/**
 * ssr_term_combo_row_get_term_id:
 * @self: a #SsrTermComboRow
 *
 * Returns: (nullable): the id of the chosen term, %NULL for "None"
 */
const char *
ssr_term_combo_row_get_term_id (SsrTermComboRow *self)
{
  g_return_val_if_fail (SSR_IS_TERM_COMBO_ROW (self), NULL);

  return self->term_id;
}

/**
 * ssr_term_combo_row_set_term_id:
 * @self: a #SsrTermComboRow
 * @term_id: (nullable): a term id, or %NULL for "None"
 *
 * Selects @term_id; an id the list does not hold is shown as itself.
 */
void
ssr_term_combo_row_set_term_id (SsrTermComboRow *self,
                                const char      *term_id)
{
  g_return_if_fail (SSR_IS_TERM_COMBO_ROW (self));

  if (term_id != NULL && *term_id == '\0')
    term_id = NULL;

  if (g_strcmp0 (term_id, self->term_id) == 0)
    return;

  g_free (self->term_id);
  self->term_id = g_strdup (term_id);
  ssr_term_combo_row_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_ID]);
}
