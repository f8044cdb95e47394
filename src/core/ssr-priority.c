/* ssr-priority.c: a reform priority (objective); its sequence is its place in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-priority"

#include "config.h"

#include "ssr-priority.h"
#include "ssr-item-private.h"

struct _SsrPriority
{
  SsrItem   parent_instance;

  char     *objective;
  char     *description;
  char     *timeframe;
  char     *owner;
  char    **findings;
};

G_DEFINE_FINAL_TYPE (SsrPriority, ssr_priority, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_OBJECTIVE,
  PROP_DESCRIPTION,
  PROP_TIMEFRAME,
  PROP_OWNER,
  PROP_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_priority_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new priority
 */
SsrPriority *
ssr_priority_new (const char *id)
{
  return g_object_new (SSR_TYPE_PRIORITY, "id", id, NULL);
}

static const char *
ssr_priority_get_label (SsrItem *item)
{
  return SSR_PRIORITY (item)->objective;
}

static void
ssr_priority_finalize (GObject *object)
{
  SsrPriority *self = SSR_PRIORITY (object);

  g_clear_pointer (&self->objective, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->timeframe, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->findings, g_strfreev);

  G_OBJECT_CLASS (ssr_priority_parent_class)->finalize (object);
}

static void
ssr_priority_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SsrPriority *self = SSR_PRIORITY (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      g_value_set_string (value, self->objective);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_TIMEFRAME:
      g_value_set_string (value, self->timeframe);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_FINDINGS:
      g_value_set_boxed (value, self->findings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_priority_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SsrPriority *self = SSR_PRIORITY (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      _ssr_item_set_string (item, &self->objective, g_value_get_string (value), pspec);
      break;

    case PROP_DESCRIPTION:
      _ssr_item_set_string (item, &self->description, g_value_get_string (value), pspec);
      break;

    case PROP_TIMEFRAME:
      _ssr_item_set_string (item, &self->timeframe, g_value_get_string (value), pspec);
      break;

    case PROP_OWNER:
      _ssr_item_set_string (item, &self->owner, g_value_get_string (value), pspec);
      break;

    case PROP_FINDINGS:
      _ssr_item_set_strv (item, &self->findings, g_value_get_boxed (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_priority_class_init (SsrPriorityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_priority_finalize;
  object_class->get_property = ssr_priority_get_property;
  object_class->set_property = ssr_priority_set_property;

  item_class->element_name = "priority";
  item_class->id_prefix = "pr";
  item_class->get_label = ssr_priority_get_label;

  properties[PROP_OBJECTIVE] =
    g_param_spec_string ("objective", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_TIMEFRAME] =
    g_param_spec_string ("timeframe", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_FINDINGS] =
    g_param_spec_boxed ("findings", NULL, NULL, G_TYPE_STRV, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_priority_init (SsrPriority *self)
{

}

const char *
ssr_priority_get_objective (SsrPriority *self)
{
  g_return_val_if_fail (SSR_IS_PRIORITY (self), NULL);

  return self->objective;
}

const char *
ssr_priority_get_description (SsrPriority *self)
{
  g_return_val_if_fail (SSR_IS_PRIORITY (self), NULL);

  return self->description;
}

const char *
ssr_priority_get_timeframe (SsrPriority *self)
{
  g_return_val_if_fail (SSR_IS_PRIORITY (self), NULL);

  return self->timeframe;
}

const char *
ssr_priority_get_owner (SsrPriority *self)
{
  g_return_val_if_fail (SSR_IS_PRIORITY (self), NULL);

  return self->owner;
}

/**
 * ssr_priority_get_findings:
 * @self: a priority
 *
 * Returns: (transfer none): the findings, never %NULL
 */
const char * const *
ssr_priority_get_findings (SsrPriority *self)
{
  g_return_val_if_fail (SSR_IS_PRIORITY (self), NULL);

  return _ssr_item_strv_or_empty (self->findings);
}
