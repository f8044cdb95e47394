/* ssr-framework.c: an SSR framework (phases, steps, reference lists) as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-framework"

#include "config.h"

#include "ssr-framework.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ssr-framework-private.h"
#include "ssr-term-list.h"
#include "ssr-term-private.h"

#define BUILTIN_FOLDER RESOURCE_BASE "/frameworks/"
#define BUILTIN_SUFFIX ".xml"

struct _SsrFramework
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *description;

  SsrTerm    *root;
  /* id → SsrTerm, borrowed from the tree under root */
  GHashTable *index;
  /* every step of every phase, in order */
  SsrTermList *steps;
};

G_DEFINE_FINAL_TYPE (SsrFramework, ssr_framework, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Built-in frameworks are immutable once loaded and shared by every thread. */
static GMutex builtin_lock;
static GHashTable *builtin_frameworks;

static void
ssr_framework_dispose (GObject *object)
{
  SsrFramework *self = (SsrFramework *)object;

  g_clear_object (&self->steps);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_object (&self->root);

  G_OBJECT_CLASS (ssr_framework_parent_class)->dispose (object);
}

static void
ssr_framework_finalize (GObject *object)
{
  SsrFramework *self = (SsrFramework *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ssr_framework_parent_class)->finalize (object);
}

static void
ssr_framework_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SsrFramework *self = SSR_FRAMEWORK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_framework_class_init (SsrFrameworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssr_framework_dispose;
  object_class->finalize = ssr_framework_finalize;
  object_class->get_property = ssr_framework_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_framework_init (SsrFramework *self)
{
  self->steps = _ssr_term_list_new ();
}

SsrFramework *
_ssr_framework_new (const char *id,
                    const char *name,
                    const char *description,
                    SsrTerm    *root,
                    GHashTable *index)
{
  SsrFramework *self;
  GListModel *phases;
  guint n_phases;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (SSR_IS_TERM (root), NULL);
  g_return_val_if_fail (index != NULL, NULL);

  self = g_object_new (SSR_TYPE_FRAMEWORK, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description);
  self->root = root;
  self->index = index;

  /* Built here, once: afterwards the framework is read-only and safe to
   * share between threads. */
  phases = ssr_term_get_list (root, "phases");
  n_phases = phases != NULL ? g_list_model_get_n_items (phases) : 0;

  for (guint i = 0; i < n_phases; i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");
      guint n_steps = steps != NULL ? g_list_model_get_n_items (steps) : 0;

      for (guint j = 0; j < n_steps; j++)
        {
          g_autoptr(SsrTerm) step = g_list_model_get_item (steps, j);

          _ssr_term_list_append (self->steps, step);
        }
    }

  return self;
}

static gboolean
is_builtin_id (const char *id)
{
  /* The id becomes part of a resource path: keep it to one path element. */
  return id[0] != '\0' && strchr (id, '/') == NULL && strcmp (id, "..") != 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * ssr_framework_list_builtin:
 *
 * Returns: (transfer full): the ids of the frameworks built into the
 *   program, sorted
 */
GStrv
ssr_framework_list_builtin (void)
{
  g_auto(GStrv) children = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  children = g_resources_enumerate_children (BUILTIN_FOLDER,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE,
                                             NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      if (g_str_has_suffix (children[i], BUILTIN_SUFFIX))
        g_ptr_array_add (ids, g_strndup (children[i],
                                         strlen (children[i]) - strlen (BUILTIN_SUFFIX)));
    }

  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static SsrFramework *
load_builtin (const char  *id,
              GError     **error)
{
  g_autofree char *path = g_strconcat (BUILTIN_FOLDER, id, BUILTIN_SUFFIX, NULL);
  g_autofree char *display_name = g_strconcat (id, BUILTIN_SUFFIX, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsrFramework) framework = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK,
                   _("There is no built-in framework “%s”."), id);
      return NULL;
    }

  framework = _ssr_xml_read_framework (bytes, display_name, error);
  if (framework == NULL)
    return NULL;

  if (g_strcmp0 (framework->id, id) != 0)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK,
                   _("%s: The framework inside calls itself “%s”; it should be “%s”."),
                   display_name, framework->id, id);
      return NULL;
    }

  return g_steal_pointer (&framework);
}

/**
 * ssr_framework_get_builtin:
 * @id: a framework id, e.g. %SSR_DEFAULT_FRAMEWORK
 * @error: return location for a #GError
 *
 * Loads a framework built into the program the first time it is asked
 * for, and shares it afterwards. Safe to call from any thread.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
SsrFramework *
ssr_framework_get_builtin (const char  *id,
                           GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  SsrFramework *framework;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_builtin_id (id))
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK,
                   _("There is no built-in framework “%s”."), id);
      return NULL;
    }

  locker = g_mutex_locker_new (&builtin_lock);

  if (builtin_frameworks == NULL)
    builtin_frameworks = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                g_free, g_object_unref);

  framework = g_hash_table_lookup (builtin_frameworks, id);
  if (framework == NULL)
    {
      framework = load_builtin (id, error);
      if (framework == NULL)
        return NULL;

      g_hash_table_insert (builtin_frameworks, g_strdup (id), framework);
    }

  return g_object_ref (framework);
}

/**
 * ssr_framework_new_from_bytes:
 * @bytes: the contents of a framework file
 * @display_name: the file's name, for messages
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new framework, or %NULL with @error set
 *   (domain %SSR_ERROR, code %SSR_ERROR_FRAMEWORK)
 */
SsrFramework *
ssr_framework_new_from_bytes (GBytes      *bytes,
                              const char  *display_name,
                              GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _ssr_xml_read_framework (bytes, display_name, error);
}

const char *
ssr_framework_get_id (SsrFramework *self)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);

  return self->id;
}

const char *
ssr_framework_get_name (SsrFramework *self)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);

  return self->name;
}

/**
 * ssr_framework_get_description:
 * @self: a #SsrFramework
 *
 * Returns: (transfer none) (nullable): the description, or %NULL
 */
const char *
ssr_framework_get_description (SsrFramework *self)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);

  return self->description;
}

/**
 * ssr_framework_get_root:
 * @self: a #SsrFramework
 *
 * Returns: (transfer none): the term holding the top-level lists
 */
SsrTerm *
ssr_framework_get_root (SsrFramework *self)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);

  return self->root;
}

/**
 * ssr_framework_get_list:
 * @self: a #SsrFramework
 * @list: the name of a top-level list, e.g. "principles"
 *
 * Returns: (transfer none) (nullable): a #GListModel of #SsrTerm, or %NULL
 */
GListModel *
ssr_framework_get_list (SsrFramework *self,
                        const char   *list)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (list != NULL, NULL);

  return ssr_term_get_list (self->root, list);
}

/**
 * ssr_framework_get_phases:
 * @self: a #SsrFramework
 *
 * Returns: (transfer none): the phases, a #GListModel of #SsrTerm; every
 *   framework has this list
 */
GListModel *
ssr_framework_get_phases (SsrFramework *self)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);

  return ssr_term_get_list (self->root, "phases");
}

/**
 * ssr_framework_get_steps:
 * @self: a #SsrFramework
 *
 * Returns: (transfer none): every step of every phase, in order
 */
GListModel *
ssr_framework_get_steps (SsrFramework *self)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);

  return G_LIST_MODEL (self->steps);
}

/**
 * ssr_framework_lookup:
 * @self: a #SsrFramework
 * @id: a term id
 *
 * Returns: (transfer none) (nullable): the term with @id anywhere in the
 *   framework, or %NULL
 */
SsrTerm *
ssr_framework_lookup (SsrFramework *self,
                      const char   *id)
{
  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->index, id);
}

/**
 * ssr_framework_lookup_in:
 * @self: a #SsrFramework
 * @list: the name of a top-level list
 * @id: a term id
 *
 * Returns: (transfer none) (nullable): the term with @id when it sits in
 *   the top-level list @list, or %NULL
 */
SsrTerm *
ssr_framework_lookup_in (SsrFramework *self,
                         const char   *list,
                         const char   *id)
{
  SsrTerm *term;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (list != NULL, NULL);

  term = ssr_framework_lookup (self, id);
  if (term == NULL ||
      ssr_term_get_parent (term) != self->root ||
      g_strcmp0 (_ssr_term_get_container (term), list) != 0)
    return NULL;

  return term;
}

/**
 * ssr_framework_get_term_name:
 * @self: a #SsrFramework
 * @id: a term id
 *
 * Returns: (transfer none): the name of the term @id, or @id itself when
 *   the framework has no such term (a document may outlive a framework edit)
 */
const char *
ssr_framework_get_term_name (SsrFramework *self,
                             const char   *id)
{
  SsrTerm *term;

  g_return_val_if_fail (SSR_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  term = ssr_framework_lookup (self, id);

  return term != NULL ? ssr_term_get_name (term) : id;
}
