/* ssr-term.c: one entry of a framework: a phase, a step, a task, a category…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-term"

#include "config.h"

#include "ssr-term.h"
#include "ssr-term-private.h"
#include "ssr-term-list.h"

struct _SsrTerm
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *guidance;
  char       *citation;

  /* name → value; NULL until the first attribute */
  GHashTable *attributes;
  /* interned list names in file order, NULL-terminated */
  GPtrArray  *list_names;
  /* interned list name → SsrTermList */
  GHashTable *lists;

  /* weak: the parent owns this term through one of its lists */
  SsrTerm    *parent;
  /* interned name of that list */
  const char *container;
};

G_DEFINE_FINAL_TYPE (SsrTerm, ssr_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GUIDANCE,
  PROP_CITATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ssr_term_dispose (GObject *object)
{
  SsrTerm *self = (SsrTerm *)object;

  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (ssr_term_parent_class)->dispose (object);
}

static void
ssr_term_finalize (GObject *object)
{
  SsrTerm *self = (SsrTerm *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->guidance, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  g_clear_pointer (&self->list_names, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_term_parent_class)->finalize (object);
}

static void
ssr_term_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SsrTerm *self = SSR_TERM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_GUIDANCE:
      g_value_set_string (value, self->guidance);
      break;

    case PROP_CITATION:
      g_value_set_string (value, self->citation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_term_class_init (SsrTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssr_term_dispose;
  object_class->finalize = ssr_term_finalize;
  object_class->get_property = ssr_term_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_GUIDANCE] =
    g_param_spec_string ("guidance", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CITATION] =
    g_param_spec_string ("citation", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_term_init (SsrTerm *self)
{
  self->list_names = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

SsrTerm *
_ssr_term_new (const char *id,
               const char *name)
{
  SsrTerm *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SSR_TYPE_TERM, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);

  return self;
}

void
_ssr_term_set_guidance (SsrTerm    *self,
                        const char *guidance,
                        const char *citation)
{
  g_return_if_fail (SSR_IS_TERM (self));

  g_free (self->guidance);
  self->guidance = g_strdup (guidance);
  g_free (self->citation);
  self->citation = g_strdup (citation);
}

void
_ssr_term_set_attribute (SsrTerm    *self,
                         const char *name,
                         const char *value)
{
  g_return_if_fail (SSR_IS_TERM (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  if (self->attributes == NULL)
    self->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_replace (self->attributes, g_strdup (name), g_strdup (value));
}

gboolean
_ssr_term_add_list (SsrTerm    *self,
                    const char *list)
{
  const char *interned;

  g_return_val_if_fail (SSR_IS_TERM (self), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  if (g_hash_table_contains (self->lists, list))
    return FALSE;

  interned = g_intern_string (list);
  g_hash_table_insert (self->lists, (char *)interned, _ssr_term_list_new ());
  g_ptr_array_add (self->list_names, (char *)interned);

  return TRUE;
}

void
_ssr_term_append (SsrTerm    *self,
                  const char *list,
                  SsrTerm    *child)
{
  SsrTermList *terms;

  g_return_if_fail (SSR_IS_TERM (self));
  g_return_if_fail (list != NULL);
  g_return_if_fail (SSR_IS_TERM (child));
  g_return_if_fail (child->parent == NULL);

  _ssr_term_add_list (self, list);
  terms = g_hash_table_lookup (self->lists, list);
  _ssr_term_list_append (terms, child);

  g_set_weak_pointer (&child->parent, self);
  child->container = g_intern_string (list);
}

const char *
_ssr_term_get_container (SsrTerm *self)
{
  g_return_val_if_fail (SSR_IS_TERM (self), NULL);

  return self->container;
}

/**
 * ssr_term_get_id:
 * @self: a #SsrTerm
 *
 * Returns: (transfer none): the id, unique within the framework
 */
const char *
ssr_term_get_id (SsrTerm *self)
{
  g_return_val_if_fail (SSR_IS_TERM (self), NULL);

  return self->id;
}

/**
 * ssr_term_get_name:
 * @self: a #SsrTerm
 *
 * Returns: (transfer none): the name shown to users
 */
const char *
ssr_term_get_name (SsrTerm *self)
{
  g_return_val_if_fail (SSR_IS_TERM (self), NULL);

  return self->name;
}

/**
 * ssr_term_get_guidance:
 * @self: a #SsrTerm
 *
 * Returns: (transfer none) (nullable): the guidance text, or %NULL
 */
const char *
ssr_term_get_guidance (SsrTerm *self)
{
  g_return_val_if_fail (SSR_IS_TERM (self), NULL);

  return self->guidance;
}

/**
 * ssr_term_get_citation:
 * @self: a #SsrTerm
 *
 * Returns: (transfer none) (nullable): where the guidance comes from, or %NULL
 */
const char *
ssr_term_get_citation (SsrTerm *self)
{
  g_return_val_if_fail (SSR_IS_TERM (self), NULL);

  return self->citation;
}

/**
 * ssr_term_get_attribute:
 * @self: a #SsrTerm
 * @name: the attribute's name, e.g. "strength"
 *
 * Returns: (transfer none) (nullable): the attribute's value, or %NULL
 */
const char *
ssr_term_get_attribute (SsrTerm    *self,
                        const char *name)
{
  g_return_val_if_fail (SSR_IS_TERM (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->attributes == NULL)
    return NULL;

  return g_hash_table_lookup (self->attributes, name);
}

/**
 * ssr_term_get_list:
 * @self: a #SsrTerm
 * @list: the list's name, e.g. "steps"
 *
 * Returns: (transfer none) (nullable): a #GListModel of #SsrTerm, or %NULL
 */
GListModel *
ssr_term_get_list (SsrTerm    *self,
                   const char *list)
{
  g_return_val_if_fail (SSR_IS_TERM (self), NULL);
  g_return_val_if_fail (list != NULL, NULL);

  return g_hash_table_lookup (self->lists, list);
}

/**
 * ssr_term_get_list_names:
 * @self: a #SsrTerm
 *
 * Returns: (transfer none): the names of the term's lists, in file order
 */
const char * const *
ssr_term_get_list_names (SsrTerm *self)
{
  static const char * const no_names[] = { NULL };

  g_return_val_if_fail (SSR_IS_TERM (self), no_names);

  /* An empty NULL-terminated GPtrArray may not have allocated pdata yet. */
  if (self->list_names->len == 0)
    return no_names;

  return (const char * const *)self->list_names->pdata;
}

/**
 * ssr_term_get_parent:
 * @self: a #SsrTerm
 *
 * Returns: (transfer none) (nullable): the term holding this one, or %NULL
 */
SsrTerm *
ssr_term_get_parent (SsrTerm *self)
{
  g_return_val_if_fail (SSR_IS_TERM (self), NULL);

  return self->parent;
}
