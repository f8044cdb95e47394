/* ssr-property-command.c: a command that sets one property of an object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-property-command"

#include "config.h"

#include "ssr-command.h"

#define SSR_TYPE_PROPERTY_COMMAND (ssr_property_command_get_type ())

G_DECLARE_FINAL_TYPE (SsrPropertyCommand, ssr_property_command, SSR, PROPERTY_COMMAND, SsrCommand)

struct _SsrPropertyCommand
{
  SsrCommand  parent_instance;

  GObject    *object;
  GParamSpec *pspec;
  GValue      value;
  /* Captured at the first apply, so that a command created before others
   * of the same group were applied still restores what it replaced. */
  GValue      old_value;
};

G_DEFINE_FINAL_TYPE (SsrPropertyCommand, ssr_property_command, SSR_TYPE_COMMAND)

static void
ssr_property_command_apply (SsrCommand *command)
{
  SsrPropertyCommand *self = SSR_PROPERTY_COMMAND (command);

  if (!G_IS_VALUE (&self->old_value))
    {
      g_value_init (&self->old_value, self->pspec->value_type);
      g_object_get_property (self->object, self->pspec->name, &self->old_value);
    }

  g_object_set_property (self->object, self->pspec->name, &self->value);
}

static void
ssr_property_command_revert (SsrCommand *command)
{
  SsrPropertyCommand *self = SSR_PROPERTY_COMMAND (command);

  g_return_if_fail (G_IS_VALUE (&self->old_value));

  g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static void
ssr_property_command_dispose (GObject *object)
{
  SsrPropertyCommand *self = SSR_PROPERTY_COMMAND (object);

  g_clear_object (&self->object);

  G_OBJECT_CLASS (ssr_property_command_parent_class)->dispose (object);
}

static void
ssr_property_command_finalize (GObject *object)
{
  SsrPropertyCommand *self = SSR_PROPERTY_COMMAND (object);

  if (G_IS_VALUE (&self->value))
    g_value_unset (&self->value);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  g_clear_pointer (&self->pspec, g_param_spec_unref);

  G_OBJECT_CLASS (ssr_property_command_parent_class)->finalize (object);
}

static void
ssr_property_command_class_init (SsrPropertyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrCommandClass *command_class = SSR_COMMAND_CLASS (klass);

  object_class->dispose = ssr_property_command_dispose;
  object_class->finalize = ssr_property_command_finalize;

  command_class->apply = ssr_property_command_apply;
  command_class->revert = ssr_property_command_revert;
}

static void
ssr_property_command_init (SsrPropertyCommand *self)
{
}

/**
 * ssr_property_command_new:
 * @object: the object to change; the command holds a reference on it
 * @property: the name of a writable, not construct-only, property
 * @value: the new value, of the property's type or transformable to it
 *
 * The old value is read when the command is first applied.
 *
 * Returns: (transfer full): a new command, or %NULL on a programming error
 */
SsrCommand *
ssr_property_command_new (GObject      *object,
                          const char   *property,
                          const GValue *value)
{
  g_autoptr(SsrPropertyCommand) self = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL ||
      (pspec->flags & G_PARAM_WRITABLE) == 0 ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    {
      g_critical ("%s: %s has no property “%s” that can be changed",
                  G_STRFUNC, G_OBJECT_TYPE_NAME (object), property);
      return NULL;
    }

  self = g_object_new (SSR_TYPE_PROPERTY_COMMAND, NULL);
  self->object = g_object_ref (object);
  self->pspec = g_param_spec_ref (pspec);
  g_value_init (&self->value, pspec->value_type);
  if (!g_value_transform (value, &self->value))
    {
      g_critical ("%s: a %s cannot be stored in the property “%s” of %s",
                  G_STRFUNC, G_VALUE_TYPE_NAME (value), property,
                  G_OBJECT_TYPE_NAME (object));
      return NULL;
    }

  return SSR_COMMAND (g_steal_pointer (&self));
}
