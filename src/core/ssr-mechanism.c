/* ssr-mechanism.c: a coordination mechanism and its members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-mechanism"

#include "config.h"

#include "ssr-mechanism.h"
#include "ssr-item-private.h"

struct _SsrMechanism
{
  SsrItem   parent_instance;

  char     *name;
  char     *type;
  char     *lead;
  char    **members;
  char     *notes;
};

G_DEFINE_FINAL_TYPE (SsrMechanism, ssr_mechanism, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TYPE,
  PROP_LEAD,
  PROP_MEMBERS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_mechanism_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new mechanism
 */
SsrMechanism *
ssr_mechanism_new (const char *id)
{
  return g_object_new (SSR_TYPE_MECHANISM, "id", id, NULL);
}

static const char *
ssr_mechanism_get_label (SsrItem *item)
{
  return SSR_MECHANISM (item)->name;
}

static void
ssr_mechanism_finalize (GObject *object)
{
  SsrMechanism *self = SSR_MECHANISM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->members, g_strfreev);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (ssr_mechanism_parent_class)->finalize (object);
}

static void
ssr_mechanism_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SsrMechanism *self = SSR_MECHANISM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TYPE:
      g_value_set_string (value, self->type);
      break;

    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;

    case PROP_MEMBERS:
      g_value_set_boxed (value, self->members);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_mechanism_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SsrMechanism *self = SSR_MECHANISM (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      _ssr_item_set_string (item, &self->name, g_value_get_string (value), pspec);
      break;

    case PROP_TYPE:
      _ssr_item_set_string (item, &self->type, g_value_get_string (value), pspec);
      break;

    case PROP_LEAD:
      _ssr_item_set_string (item, &self->lead, g_value_get_string (value), pspec);
      break;

    case PROP_MEMBERS:
      _ssr_item_set_strv (item, &self->members, g_value_get_boxed (value), pspec);
      break;

    case PROP_NOTES:
      _ssr_item_set_string (item, &self->notes, g_value_get_string (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_mechanism_class_init (SsrMechanismClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_mechanism_finalize;
  object_class->get_property = ssr_mechanism_get_property;
  object_class->set_property = ssr_mechanism_set_property;

  item_class->element_name = "mechanism";
  item_class->id_prefix = "me";
  item_class->get_label = ssr_mechanism_get_label;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_TYPE] =
    g_param_spec_string ("type", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_LEAD] =
    g_param_spec_string ("lead", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL, G_TYPE_STRV, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_mechanism_init (SsrMechanism *self)
{

}

const char *
ssr_mechanism_get_name (SsrMechanism *self)
{
  g_return_val_if_fail (SSR_IS_MECHANISM (self), NULL);

  return self->name;
}

const char *
ssr_mechanism_get_mechanism_type (SsrMechanism *self)
{
  g_return_val_if_fail (SSR_IS_MECHANISM (self), NULL);

  return self->type;
}

const char *
ssr_mechanism_get_lead (SsrMechanism *self)
{
  g_return_val_if_fail (SSR_IS_MECHANISM (self), NULL);

  return self->lead;
}

/**
 * ssr_mechanism_get_members:
 * @self: a mechanism
 *
 * Returns: (transfer none): the members, never %NULL
 */
const char * const *
ssr_mechanism_get_members (SsrMechanism *self)
{
  g_return_val_if_fail (SSR_IS_MECHANISM (self), NULL);

  return _ssr_item_strv_or_empty (self->members);
}

const char *
ssr_mechanism_get_notes (SsrMechanism *self)
{
  g_return_val_if_fail (SSR_IS_MECHANISM (self), NULL);

  return self->notes;
}
