/* test-history.c: tests of the commands and of the undo/redo history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-history"

#include "config.h"

#include "ssr-history.h"
#include "ssr-test-util.h"

/* A small object with a property, so that these tests need no item class. */

#define TEST_TYPE_THING (test_thing_get_type ())

G_DECLARE_FINAL_TYPE (TestThing, test_thing, TEST, THING, GObject)

struct _TestThing
{
  GObject  parent_instance;
  char    *name;
};

G_DEFINE_FINAL_TYPE (TestThing, test_thing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *thing_properties[N_PROPS];

static void
test_thing_finalize (GObject *object)
{
  TestThing *self = TEST_THING (object);

  g_free (self->name);

  G_OBJECT_CLASS (test_thing_parent_class)->finalize (object);
}

static void
test_thing_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TestThing *self = TEST_THING (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_thing_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TestThing *self = TEST_THING (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_thing_class_init (TestThingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = test_thing_finalize;
  object_class->get_property = test_thing_get_property;
  object_class->set_property = test_thing_set_property;

  thing_properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, thing_properties);
}

static void
test_thing_init (TestThing *self)
{
}

static TestThing *
test_thing_new (const char *name)
{
  return g_object_new (TEST_TYPE_THING, "name", name, NULL);
}

/* Helpers */

static SsrCommand *
rename_command_new (TestThing  *thing,
                    const char *name,
                    const char *label)
{
  g_auto(GValue) value = G_VALUE_INIT;
  SsrCommand *command;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  command = ssr_property_command_new (G_OBJECT (thing), "name", &value);
  ssr_command_set_label (command, label);

  return command;
}

static void
push_rename (SsrHistory *history,
             TestThing  *thing,
             const char *name,
             const char *label)
{
  g_autoptr(SsrCommand) command = rename_command_new (thing, name, label);

  ssr_history_push (history, command);
}

/* A store of things named by the letters of @names. */
static GListStore *
store_new (const char *names)
{
  GListStore *store = g_list_store_new (TEST_TYPE_THING);

  for (const char *c = names; *c != '\0'; c++)
    {
      char name[2] = { *c, '\0' };
      g_autoptr(TestThing) thing = test_thing_new (name);

      g_list_store_append (store, thing);
    }

  return store;
}

/* The names of the things in @store, joined. */
static char *
store_names (GListStore *store)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(TestThing) thing = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_string_append (names, thing->name);
    }

  return g_string_free (names, FALSE);
}

#define assert_store_names(store, expected)             \
  G_STMT_START {                                        \
    g_autofree char *__names = store_names (store);     \
    g_assert_cmpstr (__names, ==, (expected));          \
  } G_STMT_END

/* Commands */

static void
test_property_command (void)
{
  g_autoptr(TestThing) thing = test_thing_new ("before");
  g_autoptr(SsrCommand) command = rename_command_new (thing, "after", "Rename");
  TestThing *watched = thing;

  g_assert_cmpstr (thing->name, ==, "before");
  g_assert_cmpstr (ssr_command_get_label (command), ==, "Rename");

  /* the old value is the one the first apply replaces */
  g_object_set (thing, "name", "meanwhile", NULL);
  ssr_command_apply (command);
  g_assert_cmpstr (thing->name, ==, "after");
  ssr_command_revert (command);
  g_assert_cmpstr (thing->name, ==, "meanwhile");
  ssr_command_apply (command);
  g_assert_cmpstr (thing->name, ==, "after");
  ssr_command_revert (command);
  g_assert_cmpstr (thing->name, ==, "meanwhile");

  /* the command keeps the object alive */
  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *)&watched);
  g_clear_object (&thing);
  g_assert_nonnull (watched);
  g_assert_cmpstr (watched->name, ==, "meanwhile");
  g_clear_object (&command);
  g_assert_null (watched);
}

static void
test_insert_command (void)
{
  g_autoptr(GListStore) store = store_new ("abc");
  g_autoptr(TestThing) thing = test_thing_new ("x");
  g_autoptr(SsrCommand) command = ssr_insert_command_new (store, 1, thing);
  TestThing *watched = thing;

  assert_store_names (store, "abc");

  ssr_command_apply (command);
  assert_store_names (store, "axbc");
  g_assert_true (ssr_test_peek_item (G_LIST_MODEL (store), 1) == (gpointer)thing);
  ssr_command_revert (command);
  assert_store_names (store, "abc");
  ssr_command_apply (command);
  assert_store_names (store, "axbc");
  ssr_command_revert (command);
  assert_store_names (store, "abc");

  /* the command keeps the item to insert it again */
  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *)&watched);
  g_clear_object (&thing);
  g_assert_nonnull (watched);
  ssr_command_apply (command);
  assert_store_names (store, "axbc");
  g_assert_true (ssr_test_peek_item (G_LIST_MODEL (store), 1) == (gpointer)watched);
  g_clear_object (&command);
  g_assert_nonnull (watched);
  g_object_remove_weak_pointer (G_OBJECT (watched), (gpointer *)&watched);
}

static void
test_remove_command (void)
{
  g_autoptr(GListStore) store = store_new ("abcd");
  g_autoptr(SsrCommand) command = ssr_remove_command_new (store, 2);
  TestThing *removed = ssr_test_peek_item (G_LIST_MODEL (store), 2);

  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *)&removed);

  ssr_command_apply (command);
  assert_store_names (store, "abd");
  /* only the command holds the removed item now */
  g_assert_nonnull (removed);
  ssr_command_revert (command);
  assert_store_names (store, "abcd");
  g_assert_true (ssr_test_peek_item (G_LIST_MODEL (store), 2) == (gpointer)removed);
  ssr_command_apply (command);
  assert_store_names (store, "abd");
  ssr_command_revert (command);
  assert_store_names (store, "abcd");
  g_assert_true (ssr_test_peek_item (G_LIST_MODEL (store), 2) == (gpointer)removed);

  g_object_remove_weak_pointer (G_OBJECT (removed), (gpointer *)&removed);
}

static void
test_move_command (void)
{
  g_autoptr(GListStore) store = store_new ("abcde");
  g_autoptr(SsrCommand) forward = ssr_move_command_new (store, 1, 3);
  g_autoptr(SsrCommand) backward = ssr_move_command_new (store, 4, 0);
  guint n_items_changed = 0;

  g_signal_connect_swapped (store, "items-changed",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_items_changed);

  ssr_command_apply (forward);
  assert_store_names (store, "acdbe");
  /* views see a move as one change */
  g_assert_cmpuint (n_items_changed, ==, 1);
  ssr_command_revert (forward);
  assert_store_names (store, "abcde");
  ssr_command_apply (forward);
  assert_store_names (store, "acdbe");
  ssr_command_revert (forward);
  assert_store_names (store, "abcde");

  ssr_command_apply (backward);
  assert_store_names (store, "eabcd");
  ssr_command_revert (backward);
  assert_store_names (store, "abcde");

  g_assert_cmpuint (n_items_changed, ==, 6);
}

static void
test_group_command (void)
{
  g_autoptr(GListStore) store = store_new ("ab");
  g_autoptr(TestThing) thing = test_thing_new ("x");
  g_autoptr(SsrCommand) group = ssr_group_command_new ("Several");
  g_autoptr(SsrCommand) insert = ssr_insert_command_new (store, 0, thing);
  g_autoptr(SsrCommand) move = ssr_move_command_new (store, 0, 2);
  g_autoptr(SsrCommand) first_rename = rename_command_new (thing, "y", NULL);
  g_autoptr(SsrCommand) second_rename = rename_command_new (thing, "z", NULL);

  g_assert_cmpstr (ssr_command_get_label (group), ==, "Several");
  g_assert_cmpuint (ssr_group_command_get_n_commands (group), ==, 0);

  /* each command depends on the one before: only the order given works */
  ssr_group_command_add (group, insert);
  ssr_group_command_add (group, move);
  ssr_group_command_add (group, first_rename);
  ssr_group_command_add (group, second_rename);
  g_assert_cmpuint (ssr_group_command_get_n_commands (group), ==, 4);
  assert_store_names (store, "ab");

  ssr_command_apply (group);
  assert_store_names (store, "abz");
  ssr_command_revert (group);
  assert_store_names (store, "ab");
  g_assert_cmpstr (thing->name, ==, "x");
  ssr_command_apply (group);
  assert_store_names (store, "abz");
  ssr_command_revert (group);
  assert_store_names (store, "ab");
  g_assert_cmpstr (thing->name, ==, "x");
}

/* History */

static void
test_undo_redo (void)
{
  g_autoptr(SsrHistory) history = ssr_history_new ();
  g_autoptr(TestThing) thing = test_thing_new ("a");
  guint n_changed = 0;

  g_signal_connect_swapped (history, "changed",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_changed);

  g_assert_false (ssr_history_get_can_undo (history));
  g_assert_false (ssr_history_get_can_redo (history));
  g_assert_null (ssr_history_get_undo_label (history));
  g_assert_false (ssr_history_undo (history));
  g_assert_false (ssr_history_redo (history));
  g_assert_cmpuint (n_changed, ==, 0);

  push_rename (history, thing, "b", "To B");
  g_assert_cmpstr (thing->name, ==, "b");
  push_rename (history, thing, "c", "To C");
  g_assert_cmpstr (thing->name, ==, "c");
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (ssr_history_get_can_undo (history));
  g_assert_false (ssr_history_get_can_redo (history));
  g_assert_cmpstr (ssr_history_get_undo_label (history), ==, "To C");
  g_assert_null (ssr_history_get_redo_label (history));

  g_assert_true (ssr_history_undo (history));
  g_assert_cmpstr (thing->name, ==, "b");
  g_assert_cmpstr (ssr_history_get_undo_label (history), ==, "To B");
  g_assert_cmpstr (ssr_history_get_redo_label (history), ==, "To C");
  g_assert_true (ssr_history_undo (history));
  g_assert_cmpstr (thing->name, ==, "a");
  g_assert_false (ssr_history_get_can_undo (history));
  g_assert_true (ssr_history_get_can_redo (history));
  g_assert_false (ssr_history_undo (history));
  g_assert_cmpuint (n_changed, ==, 4);

  g_assert_true (ssr_history_redo (history));
  g_assert_cmpstr (thing->name, ==, "b");
  g_assert_true (ssr_history_redo (history));
  g_assert_cmpstr (thing->name, ==, "c");
  g_assert_false (ssr_history_redo (history));
  g_assert_cmpuint (n_changed, ==, 6);
  g_assert_cmpstr (ssr_history_get_undo_label (history), ==, "To C");
}

static void
test_push_drops_redo (void)
{
  g_autoptr(SsrHistory) history = ssr_history_new ();
  g_autoptr(TestThing) thing = test_thing_new ("a");
  g_autoptr(SsrCommand) dropped = rename_command_new (thing, "b", "To B");
  SsrCommand *watched = dropped;

  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *)&watched);
  ssr_history_push (history, dropped);
  g_clear_object (&dropped);

  g_assert_true (ssr_history_undo (history));
  g_assert_true (ssr_history_get_can_redo (history));
  g_assert_nonnull (watched);

  push_rename (history, thing, "c", "To C");
  g_assert_cmpstr (thing->name, ==, "c");
  g_assert_false (ssr_history_get_can_redo (history));
  g_assert_null (ssr_history_get_redo_label (history));
  g_assert_false (ssr_history_redo (history));
  /* the history let go of the dropped command */
  g_assert_null (watched);

  g_assert_true (ssr_history_undo (history));
  g_assert_cmpstr (thing->name, ==, "a");
  g_assert_false (ssr_history_get_can_undo (history));
}

static void
test_nested_groups (void)
{
  g_autoptr(SsrHistory) history = ssr_history_new ();
  g_autoptr(GListStore) store = store_new ("ab");
  g_autoptr(TestThing) thing = test_thing_new ("x");
  g_autoptr(SsrCommand) insert = ssr_insert_command_new (store, 2, thing);
  g_autoptr(SsrCommand) move = ssr_move_command_new (store, 2, 0);
  guint n_changed = 0;

  g_signal_connect_swapped (history, "changed",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_changed);

  push_rename (history, thing, "y", "Before");

  ssr_history_begin_group (history, "Outer");
  ssr_history_push (history, insert);
  /* applied at once, recorded later */
  assert_store_names (store, "aby");
  ssr_history_begin_group (history, "Inner");
  ssr_history_push (history, move);
  push_rename (history, thing, "z", "Inner rename");
  ssr_history_end_group (history);
  assert_store_names (store, "zab");
  g_assert_cmpstr (ssr_history_get_undo_label (history), ==, "Before");
  g_assert_cmpuint (n_changed, ==, 1);
  push_rename (history, thing, "w", "Last");
  ssr_history_end_group (history);

  assert_store_names (store, "wab");
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpstr (ssr_history_get_undo_label (history), ==, "Outer");

  /* one undo reverts the whole group, in reverse order */
  g_assert_true (ssr_history_undo (history));
  assert_store_names (store, "ab");
  g_assert_cmpstr (thing->name, ==, "y");
  g_assert_cmpstr (ssr_history_get_undo_label (history), ==, "Before");
  g_assert_cmpstr (ssr_history_get_redo_label (history), ==, "Outer");

  g_assert_true (ssr_history_redo (history));
  assert_store_names (store, "wab");

  g_assert_true (ssr_history_undo (history));
  g_assert_true (ssr_history_undo (history));
  g_assert_cmpstr (thing->name, ==, "x");
  g_assert_false (ssr_history_get_can_undo (history));
  g_assert_cmpuint (n_changed, ==, 6);
}

static void
test_empty_group (void)
{
  g_autoptr(SsrHistory) history = ssr_history_new ();
  g_autoptr(TestThing) thing = test_thing_new ("a");
  guint n_changed = 0;
  guint n_notify = 0;

  push_rename (history, thing, "b", "To B");
  push_rename (history, thing, "c", "To C");
  g_assert_true (ssr_history_undo (history));

  g_signal_connect_swapped (history, "changed",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_changed);
  g_signal_connect_swapped (history, "notify",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_notify);

  ssr_history_begin_group (history, "Nothing");
  ssr_history_begin_group (history, "Nothing inside");
  ssr_history_end_group (history);
  ssr_history_end_group (history);

  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpuint (n_notify, ==, 0);
  g_assert_cmpstr (ssr_history_get_undo_label (history), ==, "To B");
  /* nothing was recorded, so the redo stack is kept */
  g_assert_cmpstr (ssr_history_get_redo_label (history), ==, "To C");
  g_assert_true (ssr_history_redo (history));
  g_assert_cmpstr (thing->name, ==, "c");
}

static void
test_modified (void)
{
  g_autoptr(SsrHistory) history = ssr_history_new ();
  g_autoptr(TestThing) thing = test_thing_new ("a");

  g_assert_false (ssr_history_get_modified (history));

  push_rename (history, thing, "b", NULL);
  g_assert_true (ssr_history_get_modified (history));
  ssr_history_mark_saved (history);
  g_assert_false (ssr_history_get_modified (history));

  /* back to the saved state through undo and redo */
  push_rename (history, thing, "c", NULL);
  g_assert_true (ssr_history_get_modified (history));
  g_assert_true (ssr_history_undo (history));
  g_assert_false (ssr_history_get_modified (history));
  g_assert_true (ssr_history_undo (history));
  g_assert_true (ssr_history_get_modified (history));
  g_assert_true (ssr_history_redo (history));
  g_assert_false (ssr_history_get_modified (history));

  /* a push that drops the redo stack but not the saved state */
  g_assert_true (ssr_history_get_can_redo (history));
  push_rename (history, thing, "d", NULL);
  g_assert_true (ssr_history_get_modified (history));
  g_assert_true (ssr_history_undo (history));
  g_assert_false (ssr_history_get_modified (history));

  /* the saved state dropped from the redo stack: modified at every position */
  push_rename (history, thing, "e", NULL);
  ssr_history_mark_saved (history);
  g_assert_true (ssr_history_undo (history));
  push_rename (history, thing, "f", NULL);
  g_assert_true (ssr_history_get_modified (history));
  g_assert_true (ssr_history_undo (history));
  g_assert_true (ssr_history_get_modified (history));
  g_assert_true (ssr_history_undo (history));
  g_assert_true (ssr_history_get_modified (history));
  g_assert_true (ssr_history_redo (history));
  g_assert_true (ssr_history_redo (history));
  g_assert_true (ssr_history_get_modified (history));
  ssr_history_mark_saved (history);
  g_assert_false (ssr_history_get_modified (history));

  /* mark_unsaved forces modified until the next save */
  ssr_history_mark_unsaved (history);
  g_assert_true (ssr_history_get_modified (history));
  g_assert_true (ssr_history_undo (history));
  g_assert_true (ssr_history_redo (history));
  g_assert_true (ssr_history_get_modified (history));
  ssr_history_mark_saved (history);
  g_assert_false (ssr_history_get_modified (history));
}

static void
test_notify_on_change (void)
{
  g_autoptr(SsrHistory) history = ssr_history_new ();
  g_autoptr(TestThing) thing = test_thing_new ("a");
  guint n_can_undo = 0;
  guint n_can_redo = 0;
  guint n_modified = 0;
  guint n_undo_label = 0;
  gboolean modified;

  g_signal_connect_swapped (history, "notify::can-undo",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_can_undo);
  g_signal_connect_swapped (history, "notify::can-redo",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_can_redo);
  g_signal_connect_swapped (history, "notify::modified",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_modified);
  g_signal_connect_swapped (history, "notify::undo-label",
                            G_CALLBACK (ssr_test_count_emission_cb), &n_undo_label);

  push_rename (history, thing, "b", "Rename");
  g_assert_cmpuint (n_can_undo, ==, 1);
  g_assert_cmpuint (n_modified, ==, 1);
  g_assert_cmpuint (n_undo_label, ==, 1);

  /* same can-undo, same modified, same label: no notification */
  push_rename (history, thing, "c", "Rename");
  g_assert_cmpuint (n_can_undo, ==, 1);
  g_assert_cmpuint (n_modified, ==, 1);
  g_assert_cmpuint (n_undo_label, ==, 1);
  g_assert_cmpuint (n_can_redo, ==, 0);

  g_assert_true (ssr_history_undo (history));
  g_assert_cmpuint (n_can_undo, ==, 1);
  g_assert_cmpuint (n_can_redo, ==, 1);
  g_assert_cmpuint (n_modified, ==, 1);

  ssr_history_mark_saved (history);
  g_assert_cmpuint (n_modified, ==, 2);
  ssr_history_mark_saved (history);
  g_assert_cmpuint (n_modified, ==, 2);

  g_assert_true (ssr_history_undo (history));
  g_assert_cmpuint (n_can_undo, ==, 2);
  g_assert_cmpuint (n_modified, ==, 3);
  g_assert_cmpuint (n_undo_label, ==, 2);

  g_object_get (history, "modified", &modified, NULL);
  g_assert_true (modified);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/history/property-command", test_property_command);
  g_test_add_func ("/core/history/insert-command", test_insert_command);
  g_test_add_func ("/core/history/remove-command", test_remove_command);
  g_test_add_func ("/core/history/move-command", test_move_command);
  g_test_add_func ("/core/history/group-command", test_group_command);
  g_test_add_func ("/core/history/undo-redo", test_undo_redo);
  g_test_add_func ("/core/history/push-drops-redo", test_push_drops_redo);
  g_test_add_func ("/core/history/nested-groups", test_nested_groups);
  g_test_add_func ("/core/history/empty-group", test_empty_group);
  g_test_add_func ("/core/history/modified", test_modified);
  g_test_add_func ("/core/history/notify-on-change", test_notify_on_change);

  return g_test_run ();
}
