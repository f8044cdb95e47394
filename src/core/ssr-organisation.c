/* ssr-organisation.c: an external actor: donor, international organisation, agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-organisation"

#include "config.h"

#include "ssr-organisation.h"
#include "ssr-item-private.h"

struct _SsrOrganisation
{
  SsrItem   parent_instance;

  char     *name;
  char     *acronym;
  char     *kind;
  char     *description;
  char    **areas;
};

G_DEFINE_FINAL_TYPE (SsrOrganisation, ssr_organisation, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ACRONYM,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_AREAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_organisation_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new organisation
 */
SsrOrganisation *
ssr_organisation_new (const char *id)
{
  return g_object_new (SSR_TYPE_ORGANISATION, "id", id, NULL);
}

static const char *
ssr_organisation_get_label (SsrItem *item)
{
  return SSR_ORGANISATION (item)->name;
}

static void
ssr_organisation_finalize (GObject *object)
{
  SsrOrganisation *self = SSR_ORGANISATION (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->acronym, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->areas, g_strfreev);

  G_OBJECT_CLASS (ssr_organisation_parent_class)->finalize (object);
}

static void
ssr_organisation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsrOrganisation *self = SSR_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_AREAS:
      g_value_set_boxed (value, self->areas);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_organisation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsrOrganisation *self = SSR_ORGANISATION (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      _ssr_item_set_string (item, &self->name, g_value_get_string (value), pspec);
      break;

    case PROP_ACRONYM:
      _ssr_item_set_string (item, &self->acronym, g_value_get_string (value), pspec);
      break;

    case PROP_KIND:
      _ssr_item_set_string (item, &self->kind, g_value_get_string (value), pspec);
      break;

    case PROP_DESCRIPTION:
      _ssr_item_set_string (item, &self->description, g_value_get_string (value), pspec);
      break;

    case PROP_AREAS:
      _ssr_item_set_strv (item, &self->areas, g_value_get_boxed (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_organisation_class_init (SsrOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_organisation_finalize;
  object_class->get_property = ssr_organisation_get_property;
  object_class->set_property = ssr_organisation_set_property;

  item_class->element_name = "organisation";
  item_class->id_prefix = "or";
  item_class->get_label = ssr_organisation_get_label;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_ACRONYM] =
    g_param_spec_string ("acronym", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_AREAS] =
    g_param_spec_boxed ("areas", NULL, NULL, G_TYPE_STRV, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_organisation_init (SsrOrganisation *self)
{

}

const char *
ssr_organisation_get_name (SsrOrganisation *self)
{
  g_return_val_if_fail (SSR_IS_ORGANISATION (self), NULL);

  return self->name;
}

const char *
ssr_organisation_get_acronym (SsrOrganisation *self)
{
  g_return_val_if_fail (SSR_IS_ORGANISATION (self), NULL);

  return self->acronym;
}

const char *
ssr_organisation_get_kind (SsrOrganisation *self)
{
  g_return_val_if_fail (SSR_IS_ORGANISATION (self), NULL);

  return self->kind;
}

const char *
ssr_organisation_get_description (SsrOrganisation *self)
{
  g_return_val_if_fail (SSR_IS_ORGANISATION (self), NULL);

  return self->description;
}

/**
 * ssr_organisation_get_areas:
 * @self: an organisation
 *
 * Returns: (transfer none): the areas, never %NULL
 */
const char * const *
ssr_organisation_get_areas (SsrOrganisation *self)
{
  g_return_val_if_fail (SSR_IS_ORGANISATION (self), NULL);

  return _ssr_item_strv_or_empty (self->areas);
}
