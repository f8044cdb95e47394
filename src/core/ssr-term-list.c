/* ssr-term-list.c: a read-only list of terms that threads may share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-term-list"

#include "config.h"

#include "ssr-term-list.h"

struct _SsrTermList
{
  GObject    parent_instance;

  GPtrArray *terms;
};

static GType
ssr_term_list_get_item_type (GListModel *model)
{
  return SSR_TYPE_TERM;
}

static guint
ssr_term_list_get_n_items (GListModel *model)
{
  return SSR_TERM_LIST (model)->terms->len;
}

static gpointer
ssr_term_list_get_item (GListModel *model,
                        guint       position)
{
  SsrTermList *self = SSR_TERM_LIST (model);

  if (position >= self->terms->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->terms, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ssr_term_list_get_item_type;
  iface->get_n_items = ssr_term_list_get_n_items;
  iface->get_item = ssr_term_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SsrTermList, ssr_term_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
ssr_term_list_finalize (GObject *object)
{
  SsrTermList *self = SSR_TERM_LIST (object);

  g_clear_pointer (&self->terms, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_term_list_parent_class)->finalize (object);
}

static void
ssr_term_list_class_init (SsrTermListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssr_term_list_finalize;
}

static void
ssr_term_list_init (SsrTermList *self)
{
  self->terms = g_ptr_array_new_with_free_func (g_object_unref);
}

SsrTermList *
_ssr_term_list_new (void)
{
  return g_object_new (SSR_TYPE_TERM_LIST, NULL);
}

void
_ssr_term_list_append (SsrTermList *self,
                       SsrTerm     *term)
{
  g_return_if_fail (SSR_IS_TERM_LIST (self));
  g_return_if_fail (SSR_IS_TERM (term));

  g_ptr_array_add (self->terms, g_object_ref (term));
}
