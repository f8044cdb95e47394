/* ssr-principle-check.c: a check of the assessment against one SSR principle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-principle-check"

#include "config.h"

#include "ssr-principle-check.h"
#include "ssr-item-private.h"

struct _SsrPrincipleCheck
{
  SsrItem  parent_instance;

  char    *principle;
  int      rating;
  char    *note;
};

G_DEFINE_FINAL_TYPE (SsrPrincipleCheck, ssr_principle_check, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_PRINCIPLE,
  PROP_RATING,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_principle_check_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new principle check
 */
SsrPrincipleCheck *
ssr_principle_check_new (const char *id)
{
  return g_object_new (SSR_TYPE_PRINCIPLE_CHECK, "id", id, NULL);
}

static const char *
ssr_principle_check_get_label (SsrItem *item)
{
  return SSR_PRINCIPLE_CHECK (item)->principle;
}

static void
ssr_principle_check_finalize (GObject *object)
{
  SsrPrincipleCheck *self = SSR_PRINCIPLE_CHECK (object);

  g_clear_pointer (&self->principle, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (ssr_principle_check_parent_class)->finalize (object);
}

static void
ssr_principle_check_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SsrPrincipleCheck *self = SSR_PRINCIPLE_CHECK (object);

  switch (prop_id)
    {
    case PROP_PRINCIPLE:
      g_value_set_string (value, self->principle);
      break;

    case PROP_RATING:
      g_value_set_int (value, self->rating);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_principle_check_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SsrPrincipleCheck *self = SSR_PRINCIPLE_CHECK (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_PRINCIPLE:
      _ssr_item_set_string (item, &self->principle, g_value_get_string (value), pspec);
      break;

    case PROP_RATING:
      _ssr_item_set_int (item, &self->rating, g_value_get_int (value), pspec);
      break;

    case PROP_NOTE:
      _ssr_item_set_string (item, &self->note, g_value_get_string (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_principle_check_class_init (SsrPrincipleCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_principle_check_finalize;
  object_class->get_property = ssr_principle_check_get_property;
  object_class->set_property = ssr_principle_check_set_property;

  item_class->element_name = "principle-check";
  item_class->id_prefix = "pc";
  item_class->get_label = ssr_principle_check_get_label;

  properties[PROP_PRINCIPLE] =
    g_param_spec_string ("principle", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_RATING] =
    g_param_spec_int ("rating", NULL, NULL, 0, 5, 0, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_principle_check_init (SsrPrincipleCheck *self)
{

}

const char *
ssr_principle_check_get_principle (SsrPrincipleCheck *self)
{
  g_return_val_if_fail (SSR_IS_PRINCIPLE_CHECK (self), NULL);

  return self->principle;
}

int
ssr_principle_check_get_rating (SsrPrincipleCheck *self)
{
  g_return_val_if_fail (SSR_IS_PRINCIPLE_CHECK (self), 0);

  return self->rating;
}

const char *
ssr_principle_check_get_note (SsrPrincipleCheck *self)
{
  g_return_val_if_fail (SSR_IS_PRINCIPLE_CHECK (self), NULL);

  return self->note;
}
