/* ssr-team-member.c: a member of the assessment team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-team-member"

#include "config.h"

#include "ssr-team-member.h"
#include "ssr-item-private.h"

struct _SsrTeamMember
{
  SsrItem  parent_instance;

  char    *name;
  char    *agency;
  char    *role;
};

G_DEFINE_FINAL_TYPE (SsrTeamMember, ssr_team_member, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_AGENCY,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_team_member_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new team member
 */
SsrTeamMember *
ssr_team_member_new (const char *id)
{
  return g_object_new (SSR_TYPE_TEAM_MEMBER, "id", id, NULL);
}

static const char *
ssr_team_member_get_label (SsrItem *item)
{
  return SSR_TEAM_MEMBER (item)->name;
}

static void
ssr_team_member_finalize (GObject *object)
{
  SsrTeamMember *self = SSR_TEAM_MEMBER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (ssr_team_member_parent_class)->finalize (object);
}

static void
ssr_team_member_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsrTeamMember *self = SSR_TEAM_MEMBER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_team_member_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsrTeamMember *self = SSR_TEAM_MEMBER (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      _ssr_item_set_string (item, &self->name, g_value_get_string (value), pspec);
      break;

    case PROP_AGENCY:
      _ssr_item_set_string (item, &self->agency, g_value_get_string (value), pspec);
      break;

    case PROP_ROLE:
      _ssr_item_set_string (item, &self->role, g_value_get_string (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_team_member_class_init (SsrTeamMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_team_member_finalize;
  object_class->get_property = ssr_team_member_get_property;
  object_class->set_property = ssr_team_member_set_property;

  item_class->element_name = "team-member";
  item_class->id_prefix = "tm";
  item_class->get_label = ssr_team_member_get_label;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_AGENCY] =
    g_param_spec_string ("agency", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_team_member_init (SsrTeamMember *self)
{

}

const char *
ssr_team_member_get_name (SsrTeamMember *self)
{
  g_return_val_if_fail (SSR_IS_TEAM_MEMBER (self), NULL);

  return self->name;
}

const char *
ssr_team_member_get_agency (SsrTeamMember *self)
{
  g_return_val_if_fail (SSR_IS_TEAM_MEMBER (self), NULL);

  return self->agency;
}

const char *
ssr_team_member_get_role (SsrTeamMember *self)
{
  g_return_val_if_fail (SSR_IS_TEAM_MEMBER (self), NULL);

  return self->role;
}
