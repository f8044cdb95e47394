/* ssr-foreign.c: content of a file the reader kept without understanding it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-foreign"

#include "config.h"

#include "ssr-item-private.h"

struct _SsrForeign
{
  GPtrArray *attributes;
  GPtrArray *elements;
};

static void
ssr_foreign_attribute_free (SsrForeignAttribute *attribute)
{
  g_free (attribute->ns_uri);
  g_free (attribute->name);
  g_free (attribute->value);
  g_free (attribute);
}

SsrForeign *
_ssr_foreign_new (void)
{
  SsrForeign *foreign = g_new0 (SsrForeign, 1);

  foreign->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) ssr_foreign_attribute_free);
  foreign->elements = g_ptr_array_new_with_free_func (g_free);

  return foreign;
}

void
_ssr_foreign_free (SsrForeign *foreign)
{
  if (foreign == NULL)
    return;

  g_ptr_array_unref (foreign->attributes);
  g_ptr_array_unref (foreign->elements);
  g_free (foreign);
}

/* @ns_uri may be NULL for an unknown attribute without namespace. */
void
_ssr_foreign_add_attribute (SsrForeign *foreign,
                            const char *ns_uri,
                            const char *name,
                            const char *value)
{
  SsrForeignAttribute *attribute;

  g_return_if_fail (foreign != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  attribute = g_new0 (SsrForeignAttribute, 1);
  attribute->ns_uri = g_strdup (ns_uri);
  attribute->name = g_strdup (name);
  attribute->value = g_strdup (value);
  g_ptr_array_add (foreign->attributes, attribute);
}

void
_ssr_foreign_add_element (SsrForeign *foreign,
                          const char *xml_fragment)
{
  g_return_if_fail (foreign != NULL);
  g_return_if_fail (xml_fragment != NULL);

  g_ptr_array_add (foreign->elements, g_strdup (xml_fragment));
}

guint
_ssr_foreign_get_n_attributes (SsrForeign *foreign)
{
  g_return_val_if_fail (foreign != NULL, 0);

  return foreign->attributes->len;
}

const SsrForeignAttribute *
_ssr_foreign_get_attribute (SsrForeign *foreign,
                            guint       index)
{
  g_return_val_if_fail (foreign != NULL, NULL);
  g_return_val_if_fail (index < foreign->attributes->len, NULL);

  return g_ptr_array_index (foreign->attributes, index);
}

guint
_ssr_foreign_get_n_elements (SsrForeign *foreign)
{
  g_return_val_if_fail (foreign != NULL, 0);

  return foreign->elements->len;
}

const char *
_ssr_foreign_get_element (SsrForeign *foreign,
                          guint       index)
{
  g_return_val_if_fail (foreign != NULL, NULL);
  g_return_val_if_fail (index < foreign->elements->len, NULL);

  return g_ptr_array_index (foreign->elements, index);
}
