/* ssr-command.c: an undoable change of the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-command"

#include "config.h"

#include "ssr-command.h"

typedef struct
{
  char *label;
} SsrCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SsrCommand, ssr_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ssr_command_finalize (GObject *object)
{
  SsrCommand *self = SSR_COMMAND (object);
  SsrCommandPrivate *priv = ssr_command_get_instance_private (self);

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (ssr_command_parent_class)->finalize (object);
}

static void
ssr_command_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SsrCommand *self = SSR_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, ssr_command_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_command_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SsrCommand *self = SSR_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      ssr_command_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_command_class_init (SsrCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssr_command_finalize;
  object_class->get_property = ssr_command_get_property;
  object_class->set_property = ssr_command_set_property;

  /* What the command does, for "Undo …" and "Redo …" (may be NULL). */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_command_init (SsrCommand *self)
{
}

/**
 * ssr_command_apply:
 * @self: a #SsrCommand
 *
 * Makes the change. A command is applied once when it is pushed on a
 * history, and again on every redo.
 */
void
ssr_command_apply (SsrCommand *self)
{
  g_return_if_fail (SSR_IS_COMMAND (self));
  g_return_if_fail (SSR_COMMAND_GET_CLASS (self)->apply != NULL);

  SSR_COMMAND_GET_CLASS (self)->apply (self);
}

/**
 * ssr_command_revert:
 * @self: a #SsrCommand
 *
 * Undoes what the last ssr_command_apply() did.
 */
void
ssr_command_revert (SsrCommand *self)
{
  g_return_if_fail (SSR_IS_COMMAND (self));
  g_return_if_fail (SSR_COMMAND_GET_CLASS (self)->revert != NULL);

  SSR_COMMAND_GET_CLASS (self)->revert (self);
}

/**
 * ssr_command_get_label:
 * @self: a #SsrCommand
 *
 * Returns: (transfer none) (nullable): the label of the command
 */
const char *
ssr_command_get_label (SsrCommand *self)
{
  SsrCommandPrivate *priv = ssr_command_get_instance_private (self);

  g_return_val_if_fail (SSR_IS_COMMAND (self), NULL);

  return priv->label;
}

void
ssr_command_set_label (SsrCommand *self,
                       const char *label)
{
  SsrCommandPrivate *priv = ssr_command_get_instance_private (self);

  g_return_if_fail (SSR_IS_COMMAND (self));

  if (g_strcmp0 (priv->label, label) == 0)
    return;

  g_free (priv->label);
  priv->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
