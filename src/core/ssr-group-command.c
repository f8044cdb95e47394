/* ssr-group-command.c: several commands undone and redone as one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-group-command"

#include "config.h"

#include "ssr-command.h"

#define SSR_TYPE_GROUP_COMMAND (ssr_group_command_get_type ())

G_DECLARE_FINAL_TYPE (SsrGroupCommand, ssr_group_command, SSR, GROUP_COMMAND, SsrCommand)

struct _SsrGroupCommand
{
  SsrCommand  parent_instance;

  GPtrArray  *commands;
};

G_DEFINE_FINAL_TYPE (SsrGroupCommand, ssr_group_command, SSR_TYPE_COMMAND)

static void
ssr_group_command_apply (SsrCommand *command)
{
  SsrGroupCommand *self = SSR_GROUP_COMMAND (command);

  for (guint i = 0; i < self->commands->len; i++)
    ssr_command_apply (g_ptr_array_index (self->commands, i));
}

static void
ssr_group_command_revert (SsrCommand *command)
{
  SsrGroupCommand *self = SSR_GROUP_COMMAND (command);

  for (guint i = self->commands->len; i > 0; i--)
    ssr_command_revert (g_ptr_array_index (self->commands, i - 1));
}

static void
ssr_group_command_dispose (GObject *object)
{
  SsrGroupCommand *self = SSR_GROUP_COMMAND (object);

  g_ptr_array_set_size (self->commands, 0);

  G_OBJECT_CLASS (ssr_group_command_parent_class)->dispose (object);
}

static void
ssr_group_command_finalize (GObject *object)
{
  SsrGroupCommand *self = SSR_GROUP_COMMAND (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_group_command_parent_class)->finalize (object);
}

static void
ssr_group_command_class_init (SsrGroupCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrCommandClass *command_class = SSR_COMMAND_CLASS (klass);

  object_class->dispose = ssr_group_command_dispose;
  object_class->finalize = ssr_group_command_finalize;

  command_class->apply = ssr_group_command_apply;
  command_class->revert = ssr_group_command_revert;
}

static void
ssr_group_command_init (SsrGroupCommand *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ssr_group_command_new:
 * @label: (nullable): the label of the whole group
 *
 * Returns: (transfer full): a new, empty group
 */
SsrCommand *
ssr_group_command_new (const char *label)
{
  return g_object_new (SSR_TYPE_GROUP_COMMAND,
                       "label", label,
                       NULL);
}

/**
 * ssr_group_command_add:
 * @group: a group command
 * @command: (transfer none): the command to append; it is not applied
 *
 * Appends @command to @group. Applying the group applies the commands in
 * the order they were added; reverting it reverts them in reverse order.
 */
void
ssr_group_command_add (SsrCommand *group,
                       SsrCommand *command)
{
  SsrGroupCommand *self = (SsrGroupCommand *)group;

  g_return_if_fail (SSR_IS_GROUP_COMMAND (group));
  g_return_if_fail (SSR_IS_COMMAND (command));
  g_return_if_fail (group != command);

  g_ptr_array_add (self->commands, g_object_ref (command));
}

guint
ssr_group_command_get_n_commands (SsrCommand *group)
{
  SsrGroupCommand *self = (SsrGroupCommand *)group;

  g_return_val_if_fail (SSR_IS_GROUP_COMMAND (group), 0);

  return self->commands->len;
}
