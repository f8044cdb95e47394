/* ssr-relation.c: a relation between two actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-relation"

#include "config.h"

#include "ssr-relation.h"
#include "ssr-core-enums.h"
#include "ssr-item-private.h"

struct _SsrRelation
{
  SsrItem       parent_instance;

  char         *source;
  char         *target;
  char         *type;
  SsrDirection  direction;
  int           strength;
  char         *note;
};

G_DEFINE_FINAL_TYPE (SsrRelation, ssr_relation, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_TARGET,
  PROP_TYPE,
  PROP_DIRECTION,
  PROP_STRENGTH,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_relation_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new relation
 */
SsrRelation *
ssr_relation_new (const char *id)
{
  return g_object_new (SSR_TYPE_RELATION, "id", id, NULL);
}

static const char *
ssr_relation_get_label (SsrItem *item)
{
  return SSR_RELATION (item)->type;
}

static void
ssr_relation_finalize (GObject *object)
{
  SsrRelation *self = SSR_RELATION (object);

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (ssr_relation_parent_class)->finalize (object);
}

static void
ssr_relation_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SsrRelation *self = SSR_RELATION (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;

    case PROP_TYPE:
      g_value_set_string (value, self->type);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_STRENGTH:
      g_value_set_int (value, self->strength);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_relation_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SsrRelation *self = SSR_RELATION (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      _ssr_item_set_string (item, &self->source, g_value_get_string (value), pspec);
      break;

    case PROP_TARGET:
      _ssr_item_set_string (item, &self->target, g_value_get_string (value), pspec);
      break;

    case PROP_TYPE:
      _ssr_item_set_string (item, &self->type, g_value_get_string (value), pspec);
      break;

    case PROP_DIRECTION:
      _ssr_item_set_int (item, (int *) &self->direction, g_value_get_enum (value), pspec);
      break;

    case PROP_STRENGTH:
      _ssr_item_set_int (item, &self->strength, g_value_get_int (value), pspec);
      break;

    case PROP_NOTE:
      _ssr_item_set_string (item, &self->note, g_value_get_string (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_relation_class_init (SsrRelationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_relation_finalize;
  object_class->get_property = ssr_relation_get_property;
  object_class->set_property = ssr_relation_set_property;

  item_class->element_name = "relation";
  item_class->id_prefix = "re";
  item_class->get_label = ssr_relation_get_label;

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_TYPE] =
    g_param_spec_string ("type", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       SSR_TYPE_DIRECTION, SSR_DIRECTION_FORWARD,
                       SSR_ITEM_PARAM_FLAGS);
  properties[PROP_STRENGTH] =
    g_param_spec_int ("strength", NULL, NULL, 1, 3, 1, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_relation_init (SsrRelation *self)
{
  self->direction = SSR_DIRECTION_FORWARD;
  self->strength = 1;
}

const char *
ssr_relation_get_source (SsrRelation *self)
{
  g_return_val_if_fail (SSR_IS_RELATION (self), NULL);

  return self->source;
}

const char *
ssr_relation_get_target (SsrRelation *self)
{
  g_return_val_if_fail (SSR_IS_RELATION (self), NULL);

  return self->target;
}

const char *
ssr_relation_get_relation_type (SsrRelation *self)
{
  g_return_val_if_fail (SSR_IS_RELATION (self), NULL);

  return self->type;
}

SsrDirection
ssr_relation_get_direction (SsrRelation *self)
{
  g_return_val_if_fail (SSR_IS_RELATION (self), SSR_DIRECTION_FORWARD);

  return self->direction;
}

int
ssr_relation_get_strength (SsrRelation *self)
{
  g_return_val_if_fail (SSR_IS_RELATION (self), 0);

  return self->strength;
}

const char *
ssr_relation_get_note (SsrRelation *self)
{
  g_return_val_if_fail (SSR_IS_RELATION (self), NULL);

  return self->note;
}
