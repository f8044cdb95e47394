/* ssr-item.c: the base of every identified item of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-item"

#include "config.h"

#include "ssr-item.h"
#include "ssr-item-private.h"

typedef struct
{
  char       *id;
  SsrForeign *foreign;
  /* Set while a reader fills in the new item: nothing can watch it yet. */
  gboolean    quiet;
} SsrItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SsrItem, ssr_item, G_TYPE_OBJECT)

static const char * const empty_strv[] = { NULL };

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ssr_item_constructed (GObject *object)
{
  SsrItem *self = SSR_ITEM (object);
  SsrItemPrivate *priv = ssr_item_get_instance_private (self);

  G_OBJECT_CLASS (ssr_item_parent_class)->constructed (object);

  if (priv->id == NULL)
    priv->id = ssr_item_new_id (G_OBJECT_TYPE (object));
}

static void
ssr_item_finalize (GObject *object)
{
  SsrItem *self = SSR_ITEM (object);
  SsrItemPrivate *priv = ssr_item_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->foreign, _ssr_foreign_free);

  G_OBJECT_CLASS (ssr_item_parent_class)->finalize (object);
}

static void
ssr_item_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SsrItem *self = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, ssr_item_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_item_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SsrItem *self = SSR_ITEM (object);
  SsrItemPrivate *priv = ssr_item_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_item_class_init (SsrItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ssr_item_constructed;
  object_class->finalize = ssr_item_finalize;
  object_class->get_property = ssr_item_get_property;
  object_class->set_property = ssr_item_set_property;

  /* NULL at construction: a new id is generated. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_item_init (SsrItem *self)
{
}

/**
 * ssr_item_get_id:
 * @self: an item
 *
 * Returns: (transfer none): the id, never %NULL
 */
const char *
ssr_item_get_id (SsrItem *self)
{
  SsrItemPrivate *priv = ssr_item_get_instance_private (self);

  g_return_val_if_fail (SSR_IS_ITEM (self), NULL);

  return priv->id;
}

/**
 * ssr_item_get_label:
 * @self: an item
 *
 * Returns: (transfer none): a short label for lists and messages; the id
 *   when the item has no label (yet)
 */
const char *
ssr_item_get_label (SsrItem *self)
{
  SsrItemClass *klass;
  const char *label = NULL;

  g_return_val_if_fail (SSR_IS_ITEM (self), NULL);

  klass = SSR_ITEM_GET_CLASS (self);
  if (klass->get_label != NULL)
    label = klass->get_label (self);

  if (label == NULL || label[0] == '\0')
    return ssr_item_get_id (self);

  return label;
}

const char *
ssr_item_class_get_element_name (SsrItemClass *klass)
{
  g_return_val_if_fail (SSR_IS_ITEM_CLASS (klass), NULL);

  return klass->element_name;
}

/**
 * ssr_item_new_id:
 * @item_type: a concrete subtype of #SsrItem
 *
 * Returns: (transfer full): a new random id such as "ac-0123456789abcdef"
 */
char *
ssr_item_new_id (GType item_type)
{
  return _ssr_item_new_id_from_rand (item_type, NULL);
}

char *
_ssr_item_new_id_from_rand (GType  item_type,
                            GRand *rand)
{
  SsrItemClass *klass;
  const char *prefix;
  guint32 high;
  guint32 low;

  g_return_val_if_fail (g_type_is_a (item_type, SSR_TYPE_ITEM), NULL);

  /* The classes of static types, and so their strings, are never freed. */
  klass = g_type_class_ref (item_type);
  prefix = klass->id_prefix;
  g_type_class_unref (klass);
  g_return_val_if_fail (prefix != NULL, NULL);

  high = rand != NULL ? g_rand_int (rand) : g_random_int ();
  low = rand != NULL ? g_rand_int (rand) : g_random_int ();

  return g_strdup_printf ("%s-%08" G_GINT32_MODIFIER "x%08" G_GINT32_MODIFIER "x",
                          prefix, high, low);
}

SsrForeign *
_ssr_item_get_foreign (SsrItem *self)
{
  SsrItemPrivate *priv = ssr_item_get_instance_private (self);

  g_return_val_if_fail (SSR_IS_ITEM (self), NULL);

  if (priv->foreign == NULL)
    priv->foreign = _ssr_foreign_new ();

  return priv->foreign;
}

SsrForeign *
_ssr_item_peek_foreign (SsrItem *self)
{
  SsrItemPrivate *priv = ssr_item_get_instance_private (self);

  g_return_val_if_fail (SSR_IS_ITEM (self), NULL);

  return priv->foreign;
}

gboolean
_ssr_item_strv_equal (const char * const *a,
                      const char * const *b)
{
  return g_strv_equal (a != NULL ? a : empty_strv, b != NULL ? b : empty_strv);
}

static gboolean
variant_is_empty (GVariant *variant)
{
  return variant == NULL ||
         (g_variant_is_container (variant) && g_variant_n_children (variant) == 0);
}

gboolean
_ssr_item_variant_equal (GVariant *a,
                         GVariant *b)
{
  if (variant_is_empty (a) || variant_is_empty (b))
    return variant_is_empty (a) && variant_is_empty (b);

  return g_variant_equal (a, b);
}

const char * const *
_ssr_item_strv_or_empty (char **strv)
{
  return strv != NULL ? (const char * const *) strv : empty_strv;
}

/* The setters' notification, which a new item being read does without. */
static void
ssr_item_notify (SsrItem    *self,
                 GParamSpec *pspec)
{
  SsrItemPrivate *priv = ssr_item_get_instance_private (self);

  if (!priv->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/*
 * For a reader building @self, which nothing can watch yet: gives @value
 * straight to the set_property of the class that owns @pspec, without
 * GObject's copy of the value and without notification. @value is
 * validated as g_object_set_property() would.
 */
void
_ssr_item_init_property (SsrItem    *self,
                         GParamSpec *pspec,
                         GValue     *value)
{
  SsrItemPrivate *priv = ssr_item_get_instance_private (self);
  GObjectClass *klass;

  g_return_if_fail (SSR_IS_ITEM (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (self), pspec->owner_type));
  g_return_if_fail ((pspec->flags & G_PARAM_WRITABLE) != 0 &&
                    (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0);
  g_return_if_fail (G_VALUE_HOLDS (value, pspec->value_type));

  if (g_param_value_validate (pspec, value))
    {
      g_critical ("A value out of range for the property “%s” of %s",
                  pspec->name, G_OBJECT_TYPE_NAME (self));
      return;
    }

  klass = g_type_class_peek (pspec->owner_type);
  priv->quiet = TRUE;
  klass->set_property (G_OBJECT (self), pspec->param_id, value, pspec);
  priv->quiet = FALSE;
}

void
_ssr_item_set_string (SsrItem    *self,
                      char      **field,
                      const char *value,
                      GParamSpec *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  ssr_item_notify (self, pspec);
}

void
_ssr_item_set_strv (SsrItem             *self,
                    char              ***field,
                    const char * const  *value,
                    GParamSpec          *pspec)
{
  if (_ssr_item_strv_equal ((const char * const *) *field, value))
    return;

  g_strfreev (*field);
  *field = value != NULL && value[0] != NULL ? g_strdupv ((char **) value) : NULL;
  ssr_item_notify (self, pspec);
}

void
_ssr_item_set_variant (SsrItem     *self,
                       GVariant   **field,
                       GVariant    *value,
                       GParamSpec  *pspec)
{
  g_autoptr(GVariant) new_value = NULL;

  if (value != NULL)
    {
      new_value = g_variant_ref_sink (value);
    }
  else
    {
      const GVariantType *type = G_PARAM_SPEC_VARIANT (pspec)->type;

      new_value = g_variant_ref_sink (g_variant_new_array (g_variant_type_element (type), NULL, 0));
    }

  if (_ssr_item_variant_equal (*field, new_value))
    return;

  g_clear_pointer (field, g_variant_unref);
  *field = g_steal_pointer (&new_value);
  ssr_item_notify (self, pspec);
}

void
_ssr_item_set_int (SsrItem    *self,
                   int        *field,
                   int         value,
                   GParamSpec *pspec)
{
  if (*field == value)
    return;

  *field = value;
  ssr_item_notify (self, pspec);
}

void
_ssr_item_set_boolean (SsrItem    *self,
                       gboolean   *field,
                       gboolean    value,
                       GParamSpec *pspec)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  ssr_item_notify (self, pspec);
}

void
_ssr_item_set_double (SsrItem    *self,
                      double     *field,
                      double      value,
                      GParamSpec *pspec)
{
  if (*field == value)
    return;

  *field = value;
  ssr_item_notify (self, pspec);
}
