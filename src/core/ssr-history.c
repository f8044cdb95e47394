/* ssr-history.c: the undo and redo stacks of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-history"

#include "config.h"

#include "ssr-history.h"

/* The saved state was dropped from the redo stack, or never existed. */
#define NO_SAVED_POSITION G_MAXUINT

struct _SsrHistory
{
  GObject     parent_instance;

  /* Applied commands are [0, position), undone ones [position, len). */
  GPtrArray  *commands;
  guint       position;
  guint       saved_position;

  /* The group being collected, between begin_group() and end_group(). */
  SsrCommand *group;
  guint       group_depth;
};

/* What the properties said before a change, to notify only what changed. */
typedef struct
{
  gboolean  can_undo;
  gboolean  can_redo;
  gboolean  modified;
  char     *undo_label;
  char     *redo_label;
} SsrHistoryState;

G_DEFINE_FINAL_TYPE (SsrHistory, ssr_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ssr_history_state_capture (SsrHistory      *self,
                           SsrHistoryState *state)
{
  state->can_undo = ssr_history_get_can_undo (self);
  state->can_redo = ssr_history_get_can_redo (self);
  state->modified = ssr_history_get_modified (self);
  state->undo_label = g_strdup (ssr_history_get_undo_label (self));
  state->redo_label = g_strdup (ssr_history_get_redo_label (self));
}

/* Notifies the properties that differ from @before, and frees @before. */
static void
ssr_history_state_notify (SsrHistory      *self,
                          SsrHistoryState *before)
{
  if (before->can_undo != ssr_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != ssr_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->modified != ssr_history_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (g_strcmp0 (before->undo_label, ssr_history_get_undo_label (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (before->redo_label, ssr_history_get_redo_label (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);

  g_clear_pointer (&before->undo_label, g_free);
  g_clear_pointer (&before->redo_label, g_free);
}

/* Records an applied @command as the newest entry, dropping what could be redone. */
static void
ssr_history_record (SsrHistory *self,
                    SsrCommand *command)
{
  SsrHistoryState before;

  ssr_history_state_capture (self, &before);

  if (self->saved_position != NO_SAVED_POSITION &&
      self->saved_position > self->position)
    self->saved_position = NO_SAVED_POSITION;
  g_ptr_array_set_size (self->commands, self->position);

  g_ptr_array_add (self->commands, g_object_ref (command));
  self->position++;

  ssr_history_state_notify (self, &before);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ssr_history_dispose (GObject *object)
{
  SsrHistory *self = SSR_HISTORY (object);

  g_clear_object (&self->group);
  g_ptr_array_set_size (self->commands, 0);
  self->position = 0;

  G_OBJECT_CLASS (ssr_history_parent_class)->dispose (object);
}

static void
ssr_history_finalize (GObject *object)
{
  SsrHistory *self = SSR_HISTORY (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_history_parent_class)->finalize (object);
}

static void
ssr_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SsrHistory *self = SSR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ssr_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, ssr_history_get_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, ssr_history_get_modified (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, ssr_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, ssr_history_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_history_class_init (SsrHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssr_history_dispose;
  object_class->finalize = ssr_history_finalize;
  object_class->get_property = ssr_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsrHistory::changed:
   *
   * Emitted after a push, an undo or a redo has changed the document; a
   * group is one change, reported when its outermost end_group() records it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ssr_history_init (SsrHistory *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ssr_history_new:
 *
 * Returns: (transfer full): a new, empty, unmodified history
 */
SsrHistory *
ssr_history_new (void)
{
  return g_object_new (SSR_TYPE_HISTORY, NULL);
}

/**
 * ssr_history_push:
 * @self: a #SsrHistory
 * @command: (transfer none): the command; the history takes a reference
 *
 * Applies @command and records it, which drops whatever could be redone.
 * Inside a group the command is applied now and recorded with the group.
 */
void
ssr_history_push (SsrHistory *self,
                  SsrCommand *command)
{
  g_return_if_fail (SSR_IS_HISTORY (self));
  g_return_if_fail (SSR_IS_COMMAND (command));

  ssr_command_apply (command);

  if (self->group != NULL)
    ssr_group_command_add (self->group, command);
  else
    ssr_history_record (self, command);
}

/**
 * ssr_history_begin_group:
 * @self: a #SsrHistory
 * @label: (nullable): the label of the group; ignored for a nested group,
 *   which becomes part of the outermost one
 *
 * Starts collecting pushed commands into one entry. Every call must be
 * matched by ssr_history_end_group().
 */
void
ssr_history_begin_group (SsrHistory *self,
                         const char *label)
{
  g_return_if_fail (SSR_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group = ssr_group_command_new (label);
}

/**
 * ssr_history_end_group:
 * @self: a #SsrHistory
 *
 * Ends a group. Ending the outermost group records what was pushed since
 * it began as one entry; a group in which nothing was pushed records
 * nothing.
 */
void
ssr_history_end_group (SsrHistory *self)
{
  g_autoptr(SsrCommand) group = NULL;

  g_return_if_fail (SSR_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (ssr_group_command_get_n_commands (group) > 0)
    ssr_history_record (self, group);
}

/**
 * ssr_history_undo:
 * @self: a #SsrHistory
 *
 * Reverts the newest applied entry. Not allowed inside a group.
 *
 * Returns: %FALSE if there was nothing to undo
 */
gboolean
ssr_history_undo (SsrHistory *self)
{
  SsrHistoryState before;

  g_return_val_if_fail (SSR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  ssr_history_state_capture (self, &before);

  ssr_command_revert (g_ptr_array_index (self->commands, self->position - 1));
  self->position--;

  ssr_history_state_notify (self, &before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * ssr_history_redo:
 * @self: a #SsrHistory
 *
 * Applies again the oldest undone entry. Not allowed inside a group.
 *
 * Returns: %FALSE if there was nothing to redo
 */
gboolean
ssr_history_redo (SsrHistory *self)
{
  SsrHistoryState before;

  g_return_val_if_fail (SSR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position == self->commands->len)
    return FALSE;

  ssr_history_state_capture (self, &before);

  ssr_command_apply (g_ptr_array_index (self->commands, self->position));
  self->position++;

  ssr_history_state_notify (self, &before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
ssr_history_get_can_undo (SsrHistory *self)
{
  g_return_val_if_fail (SSR_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
ssr_history_get_can_redo (SsrHistory *self)
{
  g_return_val_if_fail (SSR_IS_HISTORY (self), FALSE);

  return self->position < self->commands->len;
}

/**
 * ssr_history_get_undo_label:
 * @self: a #SsrHistory
 *
 * Returns: (transfer none) (nullable): the label of what undo would revert
 */
const char *
ssr_history_get_undo_label (SsrHistory *self)
{
  g_return_val_if_fail (SSR_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;

  return ssr_command_get_label (g_ptr_array_index (self->commands, self->position - 1));
}

/**
 * ssr_history_get_redo_label:
 * @self: a #SsrHistory
 *
 * Returns: (transfer none) (nullable): the label of what redo would apply
 */
const char *
ssr_history_get_redo_label (SsrHistory *self)
{
  g_return_val_if_fail (SSR_IS_HISTORY (self), NULL);

  if (self->position == self->commands->len)
    return NULL;

  return ssr_command_get_label (g_ptr_array_index (self->commands, self->position));
}

gboolean
ssr_history_get_modified (SsrHistory *self)
{
  g_return_val_if_fail (SSR_IS_HISTORY (self), FALSE);

  return self->position != self->saved_position;
}

/**
 * ssr_history_mark_saved:
 * @self: a #SsrHistory
 *
 * Records the current position as the saved state of the document.
 */
void
ssr_history_mark_saved (SsrHistory *self)
{
  SsrHistoryState before;

  g_return_if_fail (SSR_IS_HISTORY (self));

  ssr_history_state_capture (self, &before);
  self->saved_position = self->position;
  ssr_history_state_notify (self, &before);
}

/**
 * ssr_history_mark_unsaved:
 * @self: a #SsrHistory
 *
 * Makes the document modified whatever the position, until it is saved
 * again (e.g. a document recovered after a crash).
 */
void
ssr_history_mark_unsaved (SsrHistory *self)
{
  SsrHistoryState before;

  g_return_if_fail (SSR_IS_HISTORY (self));

  ssr_history_state_capture (self, &before);
  self->saved_position = NO_SAVED_POSITION;
  ssr_history_state_notify (self, &before);
}
