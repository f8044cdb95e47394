/* ssr-finding.c: a finding: SWOT, gap, need or risk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-finding"

#include "config.h"

#include "ssr-finding.h"
#include "ssr-core-enums.h"
#include "ssr-item-private.h"

struct _SsrFinding
{
  SsrItem          parent_instance;

  SsrFindingKind   kind;
  char            *title;
  char            *step;
  char            *dimension;
  char           **actors;
  char            *evidence;
  gboolean         sensitive;
};

G_DEFINE_FINAL_TYPE (SsrFinding, ssr_finding, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_STEP,
  PROP_DIMENSION,
  PROP_ACTORS,
  PROP_EVIDENCE,
  PROP_SENSITIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_finding_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new finding
 */
SsrFinding *
ssr_finding_new (const char *id)
{
  return g_object_new (SSR_TYPE_FINDING, "id", id, NULL);
}

static const char *
ssr_finding_get_label (SsrItem *item)
{
  return SSR_FINDING (item)->title;
}

static void
ssr_finding_finalize (GObject *object)
{
  SsrFinding *self = SSR_FINDING (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->step, g_free);
  g_clear_pointer (&self->dimension, g_free);
  g_clear_pointer (&self->actors, g_strfreev);
  g_clear_pointer (&self->evidence, g_free);

  G_OBJECT_CLASS (ssr_finding_parent_class)->finalize (object);
}

static void
ssr_finding_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SsrFinding *self = SSR_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STEP:
      g_value_set_string (value, self->step);
      break;

    case PROP_DIMENSION:
      g_value_set_string (value, self->dimension);
      break;

    case PROP_ACTORS:
      g_value_set_boxed (value, self->actors);
      break;

    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;

    case PROP_SENSITIVE:
      g_value_set_boolean (value, self->sensitive);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_finding_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SsrFinding *self = SSR_FINDING (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      _ssr_item_set_int (item, (int *) &self->kind, g_value_get_enum (value), pspec);
      break;

    case PROP_TITLE:
      _ssr_item_set_string (item, &self->title, g_value_get_string (value), pspec);
      break;

    case PROP_STEP:
      _ssr_item_set_string (item, &self->step, g_value_get_string (value), pspec);
      break;

    case PROP_DIMENSION:
      _ssr_item_set_string (item, &self->dimension, g_value_get_string (value), pspec);
      break;

    case PROP_ACTORS:
      _ssr_item_set_strv (item, &self->actors, g_value_get_boxed (value), pspec);
      break;

    case PROP_EVIDENCE:
      _ssr_item_set_string (item, &self->evidence, g_value_get_string (value), pspec);
      break;

    case PROP_SENSITIVE:
      _ssr_item_set_boolean (item, &self->sensitive, g_value_get_boolean (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_finding_class_init (SsrFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_finding_finalize;
  object_class->get_property = ssr_finding_get_property;
  object_class->set_property = ssr_finding_set_property;

  item_class->element_name = "finding";
  item_class->id_prefix = "fi";
  item_class->get_label = ssr_finding_get_label;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SSR_TYPE_FINDING_KIND, SSR_FINDING_STRENGTH,
                       SSR_ITEM_PARAM_FLAGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_DIMENSION] =
    g_param_spec_string ("dimension", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_ACTORS] =
    g_param_spec_boxed ("actors", NULL, NULL, G_TYPE_STRV, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_SENSITIVE] =
    g_param_spec_boolean ("sensitive", NULL, NULL, FALSE, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_finding_init (SsrFinding *self)
{
  self->kind = SSR_FINDING_STRENGTH;
}

SsrFindingKind
ssr_finding_get_kind (SsrFinding *self)
{
  g_return_val_if_fail (SSR_IS_FINDING (self), SSR_FINDING_STRENGTH);

  return self->kind;
}

const char *
ssr_finding_get_title (SsrFinding *self)
{
  g_return_val_if_fail (SSR_IS_FINDING (self), NULL);

  return self->title;
}

const char *
ssr_finding_get_step (SsrFinding *self)
{
  g_return_val_if_fail (SSR_IS_FINDING (self), NULL);

  return self->step;
}

const char *
ssr_finding_get_dimension (SsrFinding *self)
{
  g_return_val_if_fail (SSR_IS_FINDING (self), NULL);

  return self->dimension;
}

/**
 * ssr_finding_get_actors:
 * @self: a finding
 *
 * Returns: (transfer none): the actors, never %NULL
 */
const char * const *
ssr_finding_get_actors (SsrFinding *self)
{
  g_return_val_if_fail (SSR_IS_FINDING (self), NULL);

  return _ssr_item_strv_or_empty (self->actors);
}

const char *
ssr_finding_get_evidence (SsrFinding *self)
{
  g_return_val_if_fail (SSR_IS_FINDING (self), NULL);

  return self->evidence;
}

gboolean
ssr_finding_get_sensitive (SsrFinding *self)
{
  g_return_val_if_fail (SSR_IS_FINDING (self), FALSE);

  return self->sensitive;
}
