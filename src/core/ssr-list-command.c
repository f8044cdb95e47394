/* ssr-list-command.c: commands that insert, remove and move items of a list store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-list-command"

#include "config.h"

#include "ssr-command.h"

#define SSR_TYPE_INSERT_COMMAND (ssr_insert_command_get_type ())
#define SSR_TYPE_REMOVE_COMMAND (ssr_remove_command_get_type ())
#define SSR_TYPE_MOVE_COMMAND   (ssr_move_command_get_type ())

G_DECLARE_FINAL_TYPE (SsrInsertCommand, ssr_insert_command, SSR, INSERT_COMMAND, SsrCommand)
G_DECLARE_FINAL_TYPE (SsrRemoveCommand, ssr_remove_command, SSR, REMOVE_COMMAND, SsrCommand)
G_DECLARE_FINAL_TYPE (SsrMoveCommand, ssr_move_command, SSR, MOVE_COMMAND, SsrCommand)

struct _SsrInsertCommand
{
  SsrCommand  parent_instance;

  GListStore *store;
  GObject    *item;
  guint       position;
};

struct _SsrRemoveCommand
{
  SsrCommand  parent_instance;

  GListStore *store;
  /* The item removed by the last apply, to put back on revert. */
  GObject    *item;
  guint       position;
};

struct _SsrMoveCommand
{
  SsrCommand  parent_instance;

  GListStore *store;
  guint       from;
  guint       to;
};

G_DEFINE_FINAL_TYPE (SsrInsertCommand, ssr_insert_command, SSR_TYPE_COMMAND)
G_DEFINE_FINAL_TYPE (SsrRemoveCommand, ssr_remove_command, SSR_TYPE_COMMAND)
G_DEFINE_FINAL_TYPE (SsrMoveCommand, ssr_move_command, SSR_TYPE_COMMAND)

static gboolean
store_has_item_at (GListStore *store,
                   guint       position,
                   GObject    *item)
{
  g_autoptr(GObject) found = g_list_model_get_item (G_LIST_MODEL (store), position);

  return found == item;
}

/* One splice, so that views see a single items-changed for the move. */
static void
store_move_item (GListStore *store,
                 guint       from,
                 guint       to)
{
  guint first = MIN (from, to);
  guint n_items = MAX (from, to) - first + 1;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);
  gpointer moved;

  g_return_if_fail (MAX (from, to) < g_list_model_get_n_items (G_LIST_MODEL (store)));

  if (from == to)
    return;

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), first + i));

  moved = g_ptr_array_steal_index (items, from - first);
  g_ptr_array_insert (items, to - first, moved);

  g_list_store_splice (store, first, n_items, items->pdata, n_items);
}

/* Insert */

static void
ssr_insert_command_apply (SsrCommand *command)
{
  SsrInsertCommand *self = SSR_INSERT_COMMAND (command);

  g_return_if_fail (self->position <= g_list_model_get_n_items (G_LIST_MODEL (self->store)));

  g_list_store_insert (self->store, self->position, self->item);
}

static void
ssr_insert_command_revert (SsrCommand *command)
{
  SsrInsertCommand *self = SSR_INSERT_COMMAND (command);

  g_return_if_fail (store_has_item_at (self->store, self->position, self->item));

  g_list_store_remove (self->store, self->position);
}

static void
ssr_insert_command_dispose (GObject *object)
{
  SsrInsertCommand *self = SSR_INSERT_COMMAND (object);

  g_clear_object (&self->store);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ssr_insert_command_parent_class)->dispose (object);
}

static void
ssr_insert_command_class_init (SsrInsertCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrCommandClass *command_class = SSR_COMMAND_CLASS (klass);

  object_class->dispose = ssr_insert_command_dispose;

  command_class->apply = ssr_insert_command_apply;
  command_class->revert = ssr_insert_command_revert;
}

static void
ssr_insert_command_init (SsrInsertCommand *self)
{
}

/**
 * ssr_insert_command_new:
 * @store: the store; the command holds a reference on it
 * @position: where to insert, at most the number of items of @store
 *   when the command is applied
 * @item: the item, of the store's item type; the command holds a reference
 *
 * Positions are checked when the command is applied, so that a group can
 * hold commands that only make sense after the ones before them.
 *
 * Returns: (transfer full): a new command
 */
SsrCommand *
ssr_insert_command_new (GListStore *store,
                        guint       position,
                        gpointer    item)
{
  SsrInsertCommand *self;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (g_type_is_a (G_OBJECT_TYPE (item),
                                     g_list_model_get_item_type (G_LIST_MODEL (store))),
                        NULL);

  self = g_object_new (SSR_TYPE_INSERT_COMMAND, NULL);
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  self->position = position;

  return SSR_COMMAND (self);
}

/* Remove */

static void
ssr_remove_command_apply (SsrCommand *command)
{
  SsrRemoveCommand *self = SSR_REMOVE_COMMAND (command);

  g_return_if_fail (self->position < g_list_model_get_n_items (G_LIST_MODEL (self->store)));

  g_clear_object (&self->item);
  self->item = g_list_model_get_item (G_LIST_MODEL (self->store), self->position);
  g_list_store_remove (self->store, self->position);
}

static void
ssr_remove_command_revert (SsrCommand *command)
{
  SsrRemoveCommand *self = SSR_REMOVE_COMMAND (command);

  g_return_if_fail (self->item != NULL);
  g_return_if_fail (self->position <= g_list_model_get_n_items (G_LIST_MODEL (self->store)));

  g_list_store_insert (self->store, self->position, self->item);
}

static void
ssr_remove_command_dispose (GObject *object)
{
  SsrRemoveCommand *self = SSR_REMOVE_COMMAND (object);

  g_clear_object (&self->store);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ssr_remove_command_parent_class)->dispose (object);
}

static void
ssr_remove_command_class_init (SsrRemoveCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrCommandClass *command_class = SSR_COMMAND_CLASS (klass);

  object_class->dispose = ssr_remove_command_dispose;

  command_class->apply = ssr_remove_command_apply;
  command_class->revert = ssr_remove_command_revert;
}

static void
ssr_remove_command_init (SsrRemoveCommand *self)
{
}

/**
 * ssr_remove_command_new:
 * @store: the store; the command holds a reference on it
 * @position: the position of the item to remove when the command is applied
 *
 * The command keeps a reference on the item it removed, to put it back.
 *
 * Returns: (transfer full): a new command
 */
SsrCommand *
ssr_remove_command_new (GListStore *store,
                        guint       position)
{
  SsrRemoveCommand *self;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);

  self = g_object_new (SSR_TYPE_REMOVE_COMMAND, NULL);
  self->store = g_object_ref (store);
  self->position = position;

  return SSR_COMMAND (self);
}

/* Move */

static void
ssr_move_command_apply (SsrCommand *command)
{
  SsrMoveCommand *self = SSR_MOVE_COMMAND (command);

  store_move_item (self->store, self->from, self->to);
}

static void
ssr_move_command_revert (SsrCommand *command)
{
  SsrMoveCommand *self = SSR_MOVE_COMMAND (command);

  store_move_item (self->store, self->to, self->from);
}

static void
ssr_move_command_dispose (GObject *object)
{
  SsrMoveCommand *self = SSR_MOVE_COMMAND (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ssr_move_command_parent_class)->dispose (object);
}

static void
ssr_move_command_class_init (SsrMoveCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrCommandClass *command_class = SSR_COMMAND_CLASS (klass);

  object_class->dispose = ssr_move_command_dispose;

  command_class->apply = ssr_move_command_apply;
  command_class->revert = ssr_move_command_revert;
}

static void
ssr_move_command_init (SsrMoveCommand *self)
{
}

/**
 * ssr_move_command_new:
 * @store: the store; the command holds a reference on it
 * @from: the position of the item to move when the command is applied
 * @to: its position after the move
 *
 * Returns: (transfer full): a new command
 */
SsrCommand *
ssr_move_command_new (GListStore *store,
                      guint       from,
                      guint       to)
{
  SsrMoveCommand *self;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);

  self = g_object_new (SSR_TYPE_MOVE_COMMAND, NULL);
  self->store = g_object_ref (store);
  self->from = from;
  self->to = to;

  return SSR_COMMAND (self);
}
