/* ssr-actor.c: an actor of the security sector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-actor"

#include "config.h"

#include "ssr-actor.h"
#include "ssr-core-enums.h"
#include "ssr-item-private.h"

struct _SsrActor
{
  SsrItem    parent_instance;

  char      *name;
  char      *category;
  char      *kind;
  char      *description;
  GVariant  *ratings;
  SsrStance  stance;
  int        influence;
  int        interest;
  char      *evidence;
  gboolean   positioned;
  double     x;
  double     y;
  gboolean   sensitive;
};

G_DEFINE_FINAL_TYPE (SsrActor, ssr_actor, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_RATINGS,
  PROP_STANCE,
  PROP_INFLUENCE,
  PROP_INTEREST,
  PROP_EVIDENCE,
  PROP_POSITIONED,
  PROP_X,
  PROP_Y,
  PROP_SENSITIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_actor_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new actor
 */
SsrActor *
ssr_actor_new (const char *id)
{
  return g_object_new (SSR_TYPE_ACTOR, "id", id, NULL);
}

static const char *
ssr_actor_get_label (SsrItem *item)
{
  return SSR_ACTOR (item)->name;
}

static void
ssr_actor_finalize (GObject *object)
{
  SsrActor *self = SSR_ACTOR (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->ratings, g_variant_unref);
  g_clear_pointer (&self->evidence, g_free);

  G_OBJECT_CLASS (ssr_actor_parent_class)->finalize (object);
}

static void
ssr_actor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SsrActor *self = SSR_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_RATINGS:
      g_value_set_variant (value, self->ratings);
      break;

    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;

    case PROP_INFLUENCE:
      g_value_set_int (value, self->influence);
      break;

    case PROP_INTEREST:
      g_value_set_int (value, self->interest);
      break;

    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;

    case PROP_POSITIONED:
      g_value_set_boolean (value, self->positioned);
      break;

    case PROP_X:
      g_value_set_double (value, self->x);
      break;

    case PROP_Y:
      g_value_set_double (value, self->y);
      break;

    case PROP_SENSITIVE:
      g_value_set_boolean (value, self->sensitive);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_actor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SsrActor *self = SSR_ACTOR (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      _ssr_item_set_string (item, &self->name, g_value_get_string (value), pspec);
      break;

    case PROP_CATEGORY:
      _ssr_item_set_string (item, &self->category, g_value_get_string (value), pspec);
      break;

    case PROP_KIND:
      _ssr_item_set_string (item, &self->kind, g_value_get_string (value), pspec);
      break;

    case PROP_DESCRIPTION:
      _ssr_item_set_string (item, &self->description, g_value_get_string (value), pspec);
      break;

    case PROP_RATINGS:
      _ssr_item_set_variant (item, &self->ratings, g_value_get_variant (value), pspec);
      break;

    case PROP_STANCE:
      _ssr_item_set_int (item, (int *) &self->stance, g_value_get_enum (value), pspec);
      break;

    case PROP_INFLUENCE:
      _ssr_item_set_int (item, &self->influence, g_value_get_int (value), pspec);
      break;

    case PROP_INTEREST:
      _ssr_item_set_int (item, &self->interest, g_value_get_int (value), pspec);
      break;

    case PROP_EVIDENCE:
      _ssr_item_set_string (item, &self->evidence, g_value_get_string (value), pspec);
      break;

    case PROP_POSITIONED:
      _ssr_item_set_boolean (item, &self->positioned, g_value_get_boolean (value), pspec);
      break;

    case PROP_X:
      _ssr_item_set_double (item, &self->x, g_value_get_double (value), pspec);
      break;

    case PROP_Y:
      _ssr_item_set_double (item, &self->y, g_value_get_double (value), pspec);
      break;

    case PROP_SENSITIVE:
      _ssr_item_set_boolean (item, &self->sensitive, g_value_get_boolean (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_actor_class_init (SsrActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_actor_finalize;
  object_class->get_property = ssr_actor_get_property;
  object_class->set_property = ssr_actor_set_property;

  item_class->element_name = "actor";
  item_class->id_prefix = "ac";
  item_class->get_label = ssr_actor_get_label;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_RATINGS] =
    g_param_spec_variant ("ratings", NULL, NULL,
                          G_VARIANT_TYPE ("a{si}"), NULL,
                          SSR_ITEM_PARAM_FLAGS);
  properties[PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL,
                       SSR_TYPE_STANCE, SSR_STANCE_UNKNOWN,
                       SSR_ITEM_PARAM_FLAGS);
  properties[PROP_INFLUENCE] =
    g_param_spec_int ("influence", NULL, NULL, 0, 5, 0, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_INTEREST] =
    g_param_spec_int ("interest", NULL, NULL, 0, 5, 0, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_POSITIONED] =
    g_param_spec_boolean ("positioned", NULL, NULL, FALSE, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         SSR_ITEM_PARAM_FLAGS);
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         SSR_ITEM_PARAM_FLAGS);
  properties[PROP_SENSITIVE] =
    g_param_spec_boolean ("sensitive", NULL, NULL, FALSE, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_actor_init (SsrActor *self)
{
  self->ratings = g_variant_ref_sink (g_variant_new ("a{si}", NULL));
  self->stance = SSR_STANCE_UNKNOWN;
}

const char *
ssr_actor_get_name (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), NULL);

  return self->name;
}

void
ssr_actor_set_name (SsrActor   *self,
                    const char *name)
{
  g_return_if_fail (SSR_IS_ACTOR (self));

  _ssr_item_set_string (SSR_ITEM (self), &self->name, name, properties[PROP_NAME]);
}

const char *
ssr_actor_get_category (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), NULL);

  return self->category;
}

const char *
ssr_actor_get_kind (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), NULL);

  return self->kind;
}

const char *
ssr_actor_get_description (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), NULL);

  return self->description;
}

/**
 * ssr_actor_get_ratings:
 * @self: an actor
 *
 * Returns: (transfer none): the ratings, "a{si}", never %NULL
 */
GVariant *
ssr_actor_get_ratings (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), NULL);

  return self->ratings;
}

/* 0 when the actor is not rated on @scale. */
int
ssr_actor_get_rating (SsrActor   *self,
                      const char *scale)
{
  gint32 rating;

  g_return_val_if_fail (SSR_IS_ACTOR (self), 0);
  g_return_val_if_fail (scale != NULL, 0);

  if (!g_variant_lookup (self->ratings, scale, "i", &rating))
    return 0;

  return rating;
}

SsrStance
ssr_actor_get_stance (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), SSR_STANCE_UNKNOWN);

  return self->stance;
}

int
ssr_actor_get_influence (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), 0);

  return self->influence;
}

int
ssr_actor_get_interest (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), 0);

  return self->interest;
}

const char *
ssr_actor_get_evidence (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), NULL);

  return self->evidence;
}

gboolean
ssr_actor_get_positioned (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), FALSE);

  return self->positioned;
}

double
ssr_actor_get_x (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), 0);

  return self->x;
}

double
ssr_actor_get_y (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), 0);

  return self->y;
}

gboolean
ssr_actor_get_sensitive (SsrActor *self)
{
  g_return_val_if_fail (SSR_IS_ACTOR (self), FALSE);

  return self->sensitive;
}
