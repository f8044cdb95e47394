/* test-accessibility.c: every control of every page and dialog has a name a screen reader reads right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ssr-accessible.h"
#include "ssr-application.h"
#include "ssr-coordination-page.h"
#include "ssr-csv-import-dialog.h"
#include "ssr-framework.h"
#include "ssr-map-canvas.h"
#include "ssr-new-assessment-dialog.h"
#include "ssr-sector-map-page.h"
#include "ssr-term.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"
#include "ssr-window-private.h"

#define RECOVERY_DIR_VARIABLE "SSR_WORKBENCH_RECOVERY_DIR"
#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 20)

static char *test_folder;

/* The rule.
 *
 * GTK 4.8 gives an accessible object a name from two sources only: its
 * GTK_ACCESSIBLE_PROPERTY_LABEL, or the text of the widgets named by its
 * GTK_ACCESSIBLE_RELATION_LABELLED_BY (gtk_button_set_label() and
 * gtk_check_button_set_label() set the label; AdwButtonContent,
 * AdwActionRow and gtk_label_set_mnemonic_widget() set the relation). A
 * tooltip becomes the description, not the name; a GtkLabel put into a
 * button with gtk_button_set_child() names nothing; and
 * gtk_button_set_icon_name() points the relation at the icon, which has
 * no text: Orca then reads "GtkButton" or nothing. So a control passes
 * when it has a non-empty accessible label, or a labelled-by relation and
 * is not an icon-only button; and not both, as GTK 4.8 reads the label,
 * then the text it is labelled by ("Cover Cover"). They are queried with
 * GTK's test API (gtk_test_accessible_has_property/has_relation/
 * check_property), on the same state the AT-SPI bridge reads. Only mapped
 * widgets are checked: what is on screen on the page shown.
 *
 * The controls checked are those a person can operate: buttons (toggle,
 * link, menu, check), switches, drop-downs, spin buttons, scales, entries
 * (search and password entries, text fields not inside one of those,
 * which carries the name) and text views; the text field of an
 * AdwEntryRow is named after the row's title, which must not be empty.
 * The toggle button GTK 4.8 builds inside a GtkDropDown is what has the
 * focus, and is checked like any button (ssr_accessible_name_drop_down()
 * names it); the step buttons of a GtkSpinButton are not exposed, and are
 * skipped.
 *
 * What the AT-SPI bridge then sends is checked too, over the
 * accessibility bus, as Orca would read it (see "The screen reader's
 * side" below). */

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_control (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TEXT (widget))
    return !(GTK_IS_ENTRY (parent) || GTK_IS_SEARCH_ENTRY (parent)
             || GTK_IS_PASSWORD_ENTRY (parent) || GTK_IS_SPIN_BUTTON (parent));

  return GTK_IS_BUTTON (widget)
         || GTK_IS_MENU_BUTTON (widget)
         || GTK_IS_CHECK_BUTTON (widget)
         || GTK_IS_SWITCH (widget)
         || GTK_IS_DROP_DOWN (widget)
         || GTK_IS_SPIN_BUTTON (widget)
         || GTK_IS_SCALE (widget)
         || GTK_IS_ENTRY (widget)
         || GTK_IS_SEARCH_ENTRY (widget)
         || GTK_IS_PASSWORD_ENTRY (widget)
         || GTK_IS_TEXT_VIEW (widget);
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *entry_row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);

  /* libadwaita names the text field of an entry row after its title. */
  if (GTK_IS_TEXT (widget) && entry_row != NULL)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry_row));

      return title != NULL && title[0] != '\0';
    }

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      /* check_property returns NULL when the label is the value given. */
      g_autofree char *mismatch = gtk_test_accessible_check_property (accessible,
                                                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                      "");

      return mismatch != NULL;
    }

  /* gtk_button_set_icon_name() points the relation at the GtkImage,
   * which has no text. */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    return FALSE;

  return gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* GTK 4.8 reads a control with both an accessible label and a
 * labelled-by relation to a text as the two joined ("Cover Cover",
 * "_Add Add"): one of them is one too many. */
static gboolean
is_named_twice (GtkWidget *widget)
{
  /* The icon a button's relation points at has no text to add. */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    return FALSE;

  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
         && gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* What identifies @widget, and what is wrong with it (unnamed when
 * @problem is NULL), in a failure message. */
static void
describe (GtkWidget  *widget,
          const char *problem,
          GString    *out)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *icon_name = NULL;

  if (GTK_IS_BUTTON (widget))
    icon_name = gtk_button_get_icon_name (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    icon_name = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));

  g_string_append_printf (out, "  %s", G_OBJECT_TYPE_NAME (widget));
  if (icon_name != NULL)
    g_string_append_printf (out, " icon=%s", icon_name);
  if (tooltip != NULL)
    g_string_append_printf (out, " tooltip=“%s”", tooltip);
  if (problem != NULL)
    g_string_append_printf (out, " (%s)", problem);
  g_string_append (out, " in");
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      const char *name = gtk_buildable_get_buildable_id (GTK_BUILDABLE (ancestor));

      g_string_append_printf (out, " %s", G_OBJECT_TYPE_NAME (ancestor));
      if (name != NULL)
        g_string_append_printf (out, "#%s", name);
    }
  g_string_append_c (out, '\n');
}

/* Appends to @unnamed a line for each mapped control in @widget and
 * below it that has no accessible name, or one named twice; returns how
 * many were checked. */
static guint
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed)
{
  guint n_checked = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (is_control (widget))
    {
      n_checked++;
      if (!has_accessible_name (widget))
        describe (widget, NULL, unnamed);
      else if (is_named_twice (widget))
        describe (widget, "named twice", unnamed);
    }

  if (GTK_IS_SPIN_BUTTON (widget))
    return n_checked;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_checked += collect_unnamed (child, unnamed);

  return n_checked;
}

/* The screen reader's side.
 *
 * Orca reads the names the AT-SPI bridge of GTK sends over the
 * accessibility bus, and GTK 4.8 computes them in its own way: the
 * accessible label, then the text of every widget a control is labelled
 * by, joined; a control with neither is named after its type
 * ("GtkToggleButton"). So the tests ask the bus, as Orca does: they find
 * this process's connection on it, and walk a window's tree of accessible
 * objects from the application's root. The answers come from this very
 * process, so every call iterates the main loop until its reply arrives.
 *
 * A control (a button, a check box, a combo box, an entry, a slider…)
 * passes when its name is not empty, is not a type name, shows no
 * mnemonic underscore ("_Add") and does not say the same words twice
 * ("Add Add"). The walk reads every object the bridge shows, on screen or
 * not (the other pages of a stack): so does a screen reader's review. */

/* The AT-SPI roles of what a person operates. */
enum
{
  ATSPI_ROLE_CHECK_BOX = 7,
  ATSPI_ROLE_CHECK_MENU_ITEM = 8,
  ATSPI_ROLE_COMBO_BOX = 11,
  ATSPI_ROLE_MENU_ITEM = 35,
  ATSPI_ROLE_PAGE_TAB = 37,
  ATSPI_ROLE_PASSWORD_TEXT = 40,
  ATSPI_ROLE_PUSH_BUTTON = 43,
  ATSPI_ROLE_RADIO_BUTTON = 44,
  ATSPI_ROLE_RADIO_MENU_ITEM = 45,
  ATSPI_ROLE_SLIDER = 51,
  ATSPI_ROLE_SPIN_BUTTON = 52,
  ATSPI_ROLE_TOGGLE_BUTTON = 62,
  ATSPI_ROLE_ENTRY = 79,
  ATSPI_ROLE_LINK = 88,
};

#define ATSPI_REGISTRY "org.a11y.atspi.Registry"
#define ATSPI_DESKTOP_PATH "/org/a11y/atspi/accessible/root"

typedef struct
{
  GDBusConnection *bus;
  /* this process's connection to the bus, which GTK's bridge opened,
   * and the path of its application object */
  char            *application;
  char            *root_path;
} AtspiReader;

static void
atspi_reply_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GVariant *
atspi_call (AtspiReader *reader,
            const char  *destination,
            const char  *path,
            const char  *interface,
            const char  *method,
            GVariant    *parameters,
            const char  *reply_type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  g_dbus_connection_call (reader->bus, destination, path, interface, method, parameters,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 10000,
                          NULL, atspi_reply_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  reply = g_dbus_connection_call_finish (reader->bus, result, &error);
  g_assert_no_error (error);

  return reply;
}

static char *
atspi_get_name (AtspiReader *reader,
                const char  *path)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = atspi_call (reader, reader->application, path, "org.freedesktop.DBus.Properties", "Get",
                      g_variant_new ("(ss)", "org.a11y.atspi.Accessible", "Name"), "(v)");
  g_variant_get (reply, "(v)", &value);

  return g_variant_dup_string (value, NULL);
}

static guint
atspi_get_role (AtspiReader *reader,
                const char  *path)
{
  g_autoptr(GVariant) reply = NULL;
  guint32 role;

  reply = atspi_call (reader, reader->application, path, "org.a11y.atspi.Accessible", "GetRole",
                      NULL, "(u)");
  g_variant_get (reply, "(u)", &role);

  return role;
}

/* The object paths of the children of @path, those of our application.
 * (transfer full) */
static GStrv
atspi_get_children (AtspiReader *reader,
                    const char  *destination,
                    const char  *path)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(GStrvBuilder) children = g_strv_builder_new ();
  const char *child_name;
  const char *child_path;

  reply = atspi_call (reader, destination, path, "org.a11y.atspi.Accessible", "GetChildren",
                      NULL, "(a(so))");
  g_variant_get (reply, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &child_name, &child_path))
    {
      if (g_strcmp0 (child_name, reader->application) == 0)
        g_strv_builder_add (children, child_path);
    }

  return g_strv_builder_end (children);
}

/* The path of our application among those of the desktop, or NULL. */
static char *
atspi_find_root (AtspiReader *reader)
{
  g_auto(GStrv) applications = atspi_get_children (reader, ATSPI_REGISTRY, ATSPI_DESKTOP_PATH);

  return applications[0] != NULL ? g_strdup (applications[0]) : NULL;
}

/* Finds this process's other connection to the bus, and the application
 * object the registry knows it by; FALSE while GTK's bridge has not
 * opened the one or embedded the other. */
static gboolean
atspi_find_application (AtspiReader *reader)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;
  const char *own_name = g_dbus_connection_get_unique_name (reader->bus);

  reply = atspi_call (reader, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                      "org.freedesktop.DBus", "ListNames", NULL, "(as)");
  g_variant_get (reply, "(^a&s)", &names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GVariant) pid = NULL;
      guint32 value;

      if (names[i][0] != ':' || g_str_equal (names[i], own_name))
        continue;

      pid = atspi_call (reader, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                        "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                        g_variant_new ("(s)", names[i]), "(u)");
      g_variant_get (pid, "(u)", &value);
      if (value == (guint32) getpid ())
        {
          g_clear_pointer (&reader->application, g_free);
          reader->application = g_strdup (names[i]);
        }
    }
  if (reader->application == NULL)
    return FALSE;

  g_clear_pointer (&reader->root_path, g_free);
  reader->root_path = atspi_find_root (reader);

  return reader->root_path != NULL;
}

/* Connects to the accessibility bus, once a window of this process is
 * shown there. */
static void
atspi_reader_init (AtspiReader *reader)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *address;

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                       "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&s)", &address);
  reader->bus = g_dbus_connection_new_for_address_sync (address,
                                                        G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                        | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                        NULL, NULL, &error);
  g_assert_no_error (error);

  WAIT_UNTIL (atspi_find_application (reader));
}

static void
atspi_reader_clear (AtspiReader *reader)
{
  g_dbus_connection_close_sync (reader->bus, NULL, NULL);
  g_clear_object (&reader->bus);
  g_clear_pointer (&reader->application, g_free);
  g_clear_pointer (&reader->root_path, g_free);
}

static gboolean
is_control_role (guint role)
{
  switch (role)
    {
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_CHECK_MENU_ITEM:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_MENU_ITEM:
    case ATSPI_ROLE_PAGE_TAB:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_RADIO_MENU_ITEM:
    case ATSPI_ROLE_SLIDER:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_LINK:
      return TRUE;

    default:
      return FALSE;
    }
}

/* Whether @name shows a mnemonic: an underscore before a letter or digit. */
static gboolean
has_mnemonic_underscore (const char *name)
{
  for (const char *p = strchr (name, '_'); p != NULL; p = strchr (p + 1, '_'))
    {
      if (g_unichar_isalnum (g_utf8_get_char (p + 1)))
        return TRUE;
    }

  return FALSE;
}

/* Whether @name is the same words twice, the first time perhaps with its
 * mnemonic: "Add Add", "_New Assessment… New Assessment…". */
static gboolean
says_it_twice (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n_words = g_strv_length (words);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *plain_first = NULL;

  if (n_words < 2 || n_words % 2 != 0)
    return FALSE;

  second = g_strjoinv (" ", words + n_words / 2);
  g_free (words[n_words / 2]);
  words[n_words / 2] = NULL;
  first = g_strjoinv (" ", words);
  plain_first = ssr_accessible_strip_mnemonic (first);

  return g_str_equal (plain_first, second);
}

/* What is wrong with the name of an object of @role, or NULL. */
static const char *
name_problem (guint       role,
              const char *name)
{
  if (!is_control_role (role))
    return NULL;

  if (name[0] == '\0' || g_type_from_name (name) != 0)
    return "no name";
  if (has_mnemonic_underscore (name))
    return "a mnemonic underscore";
  if (says_it_twice (name))
    return "the same words twice";

  return NULL;
}

typedef struct
{
  AtspiReader *reader;
  GString     *problems;
  /* the names of the objects above the one visited */
  GPtrArray   *ancestors;
  guint        n_controls;
} AtspiWalk;

static void
atspi_walk_object (AtspiWalk  *walk,
                   const char *path)
{
  g_autofree char *name = atspi_get_name (walk->reader, path);
  guint role = atspi_get_role (walk->reader, path);
  g_auto(GStrv) children = NULL;
  const char *problem = name_problem (role, name);

  if (is_control_role (role))
    walk->n_controls++;

  if (problem != NULL)
    {
      g_string_append_printf (walk->problems, "  role %u “%s”: %s; in", role, name, problem);
      for (guint i = walk->ancestors->len; i > 0; i--)
        {
          const char *ancestor = g_ptr_array_index (walk->ancestors, i - 1);

          if (ancestor[0] != '\0')
            g_string_append_printf (walk->problems, " “%s”", ancestor);
        }
      g_string_append_c (walk->problems, '\n');
    }

  children = atspi_get_children (walk->reader, walk->reader->application, path);
  g_ptr_array_add (walk->ancestors, g_steal_pointer (&name));
  for (guint i = 0; children[i] != NULL; i++)
    atspi_walk_object (walk, children[i]);
  g_ptr_array_remove_index (walk->ancestors, walk->ancestors->len - 1);
}

/* Walks the accessible tree of @window (found by its name) as a screen
 * reader sees it; appends what is wrong to @problems. Returns how many
 * controls were read. */
static guint
atspi_check_window (AtspiReader *reader,
                    GtkWindow   *window,
                    GString     *problems)
{
  g_auto(GStrv) windows = NULL;
  /* untitled, a window is named after its type */
  const char *title = gtk_window_get_title (window) != NULL ? gtk_window_get_title (window)
                                                            : G_OBJECT_TYPE_NAME (window);
  AtspiWalk walk = { reader, problems, g_ptr_array_new_with_free_func (g_free), 0 };
  gboolean found = FALSE;

  windows = atspi_get_children (reader, reader->application, reader->root_path);
  for (guint i = 0; windows[i] != NULL; i++)
    {
      g_autofree char *name = atspi_get_name (reader, windows[i]);

      if (g_strcmp0 (name, title) == 0)
        {
          atspi_walk_object (&walk, windows[i]);
          found = TRUE;
          break;
        }
    }
  g_assert_true (found);
  g_ptr_array_unref (walk.ancestors);

  return walk.n_controls;
}

/* The checker itself: an icon-only button is unnamed even with a tooltip,
 * and is named once it has an accessible label or a label; a control with
 * both an accessible label and a label pointing at it is named twice. */
static void
test_accessibility_rule (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *text_button = gtk_button_new_with_mnemonic ("_Add");
  GtkWidget *label_child = gtk_button_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *entry_label = gtk_label_new ("Name");
  g_autoptr(GString) unnamed = g_string_new (NULL);

  /* the button with a mnemonic is named once, as in the application */
  ssr_accessible_init ();
  gtk_button_set_child (GTK_BUTTON (label_child), gtk_label_new ("100 %"));
  gtk_widget_set_tooltip_text (icon_button, "Add a finding");
  gtk_box_append (GTK_BOX (box), icon_button);
  gtk_box_append (GTK_BOX (box), text_button);
  gtk_box_append (GTK_BOX (box), label_child);
  gtk_box_append (GTK_BOX (box), entry_label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (entry));

  /* The icon-only button (with a tooltip), the button whose child is a
   * label, and the entry are unnamed; the labelled button is named. */
  g_assert_cmpuint (collect_unnamed (window, unnamed), ==, 4);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (unnamed->str), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], "  GtkButton icon=list-add-symbolic tooltip="));
    g_assert_true (g_str_has_prefix (lines[1], "  GtkButton in"));
    g_assert_true (g_str_has_prefix (lines[2], "  GtkEntry in"));
  }

  /* An accessible label or a mnemonic label names a control; an empty
   * accessible label does not. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Add",
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label_child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (entry_label), entry);
  g_string_truncate (unnamed, 0);
  g_assert_cmpuint (collect_unnamed (window, unnamed), ==, 4);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (unnamed->str), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_true (g_str_has_prefix (lines[0], "  GtkButton in"));
  }

  /* Labelled by its mnemonic label, the entry is named twice once it has
   * an accessible label too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Name",
                                  -1);
  g_string_truncate (unnamed, 0);
  collect_unnamed (window, unnamed);
  g_assert_nonnull (strstr (unnamed->str, "  GtkEntry (named twice) in"));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

/* The screen reader's rule, on names and on GTK's own widgets: a
 * drop-down named through ssr_accessible_name_drop_down() is read with its
 * name, its toggle button too, where a bare one is "GtkToggleButton"; a
 * button with a mnemonic is read "Add", not "_Add Add", and still after
 * its label changes. */
static void
test_accessibility_screen_reader_rule (void)
{
  static const char * const stances[] = { "Champion", "Spoiler", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bare = gtk_drop_down_new_from_strings (stances);
  GtkWidget *named = gtk_drop_down_new_from_strings (stances);
  GtkWidget *button = NULL;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  AtspiReader reader = { 0 };

  g_assert_cmpstr (name_problem (ATSPI_ROLE_PUSH_BUTTON, "Add"), ==, NULL);
  g_assert_cmpstr (name_problem (ATSPI_ROLE_PUSH_BUTTON, "Show the whole map (zoom 100 %)"), ==, NULL);
  g_assert_cmpstr (name_problem (ATSPI_ROLE_PUSH_BUTTON, ""), ==, "no name");
  g_assert_cmpstr (name_problem (ATSPI_ROLE_TOGGLE_BUTTON, "GtkToggleButton"), ==, "no name");
  g_assert_cmpstr (name_problem (ATSPI_ROLE_PUSH_BUTTON, "_Add Add"), ==, "a mnemonic underscore");
  g_assert_cmpstr (name_problem (ATSPI_ROLE_PUSH_BUTTON, "C_reate"), ==, "a mnemonic underscore");
  g_assert_cmpstr (name_problem (ATSPI_ROLE_PUSH_BUTTON, "New Assessment… New Assessment…"), ==,
                   "the same words twice");
  /* a label is text, not a control */
  g_assert_cmpstr (name_problem (29, ""), ==, NULL);

  ssr_accessible_init ();
  button = gtk_button_new_with_mnemonic ("_Add");
  ssr_accessible_name_drop_down (GTK_DROP_DOWN (named), "_Stance");
  gtk_box_append (GTK_BOX (box), bare);
  gtk_box_append (GTK_BOX (box), named);
  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_title (GTK_WINDOW (window), "Screen reader rule");
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (button));

  /* Inside the bare drop-down, the toggle button has no name. */
  collect_unnamed (window, unnamed);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (unnamed->str), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    g_assert_true (g_str_has_prefix (lines[0], "  GtkDropDown in"));
    g_assert_true (g_str_has_prefix (lines[1], "  GtkToggleButton in GtkDropDown#GtkDropDown GtkBox"));
  }

  atspi_reader_init (&reader);
  g_assert_cmpuint (atspi_check_window (&reader, GTK_WINDOW (window), problems), ==, 5);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (problems->str), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 2);
    g_assert_true (g_str_has_prefix (lines[0], "  role 11 “GtkDropDown”: no name"));
    g_assert_true (g_str_has_prefix (lines[1], "  role 43 “GtkToggleButton”: no name"));
  }

  gtk_button_set_label (GTK_BUTTON (button), "_Remove");
  g_string_truncate (problems, 0);
  atspi_check_window (&reader, GTK_WINDOW (window), problems);
  g_assert_null (strstr (problems->str, "Remove"));
  g_assert_null (strstr (problems->str, "Stance"));

  atspi_reader_clear (&reader);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

/* Appends the lines of @text that contain @marker to @with, the others
 * to @without. */
static void
split_lines (const char *text,
             const char *marker,
             GString    *with,
             GString    *without)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '\0')
        g_string_append_printf (strstr (lines[i], marker) != NULL ? with : without, "%s\n", lines[i]);
    }
}

/*
 * Checks @window both ways: no control without a name in the widget
 * tree, none misread on the bus; appends what is wrong to @report.
 *
 * In the windows GTK and libadwaita build from our text (the shortcuts
 * window, About), the controls are theirs: GTK 4.8 leaves the search
 * button and entry of the shortcuts window unnamed, libadwaita 1.2 some
 * buttons of About. Those are only listed in the log; what the
 * application puts right everywhere (mnemonics, names said twice) must
 * hold there too.
 */
static void
check_window (AtspiReader *reader,
              GtkWindow   *window,
              const char  *what,
              gboolean     built_by_gtk,
              GString     *report)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  g_autoptr(GString) misread = g_string_new (NULL);

  g_assert_cmpuint (collect_unnamed (GTK_WIDGET (window), unnamed), >, 0);
  g_assert_cmpuint (atspi_check_window (reader, window, misread), >, 0);

  if (built_by_gtk)
    {
      g_autoptr(GString) theirs = g_string_new (NULL);
      g_autoptr(GString) named_twice = g_string_new (NULL);
      g_autoptr(GString) misnamed = g_string_new (NULL);

      split_lines (unnamed->str, "(named twice)", named_twice, theirs);
      split_lines (misread->str, ": no name;", theirs, misnamed);
      if (theirs->len > 0)
        g_test_message ("GTK's own unnamed controls, in %s:\n%s", what, theirs->str);
      g_string_assign (unnamed, named_twice->str);
      g_string_assign (misread, misnamed->str);
    }

  if (unnamed->len > 0)
    g_string_append_printf (report, "Controls without an accessible name, in %s:\n%s", what, unnamed->str);
  if (misread->len > 0)
    g_string_append_printf (report, "Controls a screen reader reads wrong, in %s:\n%s", what, misread->str);
}

/* A toplevel of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Waits until a toplevel of @type is shown, and the focus settled in it. */
static GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window = NULL;

  WAIT_UNTIL ((window = find_toplevel (type)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)));
  settle ();

  return window;
}

static void
show_example (SsrWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  WAIT_UNTIL (ssr_window_get_document (window) != NULL);
  settle ();
}

static void
check_every_page (SsrWindow *window)
{
  static const char * const fixed_pages[] = {
    "overview", "context", "actors", "sector-map", "coordination",
    "findings", "priorities", "indicators", "principles", "report",
  };
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) report = g_string_new (NULL);
  AtspiReader reader = { 0 };
  GListModel *steps = NULL;

  atspi_reader_init (&reader);
  check_window (&reader, GTK_WINDOW (window), "the welcome page", FALSE, report);
  show_example (window);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_pages); i++)
    g_ptr_array_add (pages, g_strdup (fixed_pages[i]));
  steps = ssr_framework_get_steps (window->framework);
  g_assert_cmpuint (g_list_model_get_n_items (steps), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SsrTerm) step = g_list_model_get_item (steps, i);

      g_ptr_array_add (pages, g_strconcat ("step:", ssr_term_get_id (step), NULL));
    }

  for (guint i = 0; i < pages->len; i++)
    {
      const char *page_id = g_ptr_array_index (pages, i);
      g_autoptr(GString) unnamed = g_string_new (NULL);
      guint n_checked;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page_id));
      settle ();
      g_assert_cmpstr (ssr_window_get_page (window), ==, page_id);

      n_checked = collect_unnamed (GTK_WIDGET (window), unnamed);
      /* The header bar alone has several controls: the walk reached them. */
      g_assert_cmpuint (n_checked, >, 3);
      if (unnamed->len > 0)
        g_string_append_printf (report, "Controls without an accessible name, on page %s:\n%s",
                                page_id, unnamed->str);
    }

  /* Every page visited is in the tree the screen reader walks. */
  check_window (&reader, GTK_WINDOW (window), "the window, every page visited", FALSE, report);

  if (report->len > 0)
    g_test_message ("%s", report->str);
  g_assert_cmpstr (report->str, ==, "");

  atspi_reader_clear (&reader);
}

static void
check_dialogs (SsrWindow *window)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *csv_path = g_build_filename (test_folder, "actors.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  AtspiReader reader = { 0 };
  GtkWindow *dialog;
  GtkWidget *title_row;
  GtkWidget *focus;
  GtkWidget *page;

  atspi_reader_init (&reader);

  /* A new assessment: the focus is where the typing starts, on the title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  dialog = wait_for_toplevel (SSR_TYPE_NEW_ASSESSMENT_DIALOG);
  title_row = ssr_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Title");
  g_assert_nonnull (title_row);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, title_row));
  check_window (&reader, dialog, "the new-assessment dialog", FALSE, report);
  gtk_window_destroy (dialog);

  /* The CSV import, with a row that has a problem. */
  show_example (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sector-map"));
  settle ();
  page = ssr_test_find_one (gtk_stack_get_child_by_name (window->page_stack, "sector-map"),
                            SSR_TYPE_SECTOR_MAP_PAGE);
  g_assert_true (gtk_widget_activate_action (page, "map.import-csv", NULL));
  dialog = wait_for_toplevel (SSR_TYPE_CSV_IMPORT_DIALOG);
  check_window (&reader, dialog, "the CSV import dialog", FALSE, report);
  ssr_test_write_file (csv_path,
                       "name,category,stance\n"
                       "New Police Unit,core-security,champion\n"
                       "Shadow Militia,made-up-category,spoiler\n");
  ssr_csv_import_dialog_set_file (SSR_CSV_IMPORT_DIALOG (dialog), csv_file);
  WAIT_UNTIL (ssr_csv_import_dialog_get_import (SSR_CSV_IMPORT_DIALOG (dialog)) != NULL);
  settle ();
  check_window (&reader, dialog, "the CSV import dialog, a file chosen", FALSE, report);
  gtk_window_destroy (dialog);

  /* The shortcuts window, and About. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  dialog = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  check_window (&reader, dialog, "the shortcuts window", TRUE, report);
  gtk_window_close (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  dialog = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  check_window (&reader, dialog, "About", TRUE, report);
  gtk_window_destroy (dialog);

  if (report->len > 0)
    g_test_message ("%s", report->str);
  g_assert_cmpstr (report->str, ==, "");

  atspi_reader_clear (&reader);
  g_remove (csv_path);
}

/* The zoom of a canvas is in the name of the button that resets it, and
 * follows the canvas. */
static void
check_zoom_level (SsrWindow *window)
{
  const struct {
    const char *page_id;
    GType       page_type;
    const char *at_150;
  } pages[] = {
    { "sector-map", SSR_TYPE_SECTOR_MAP_PAGE, "Show the whole map (zoom 150 %)" },
    { "coordination", SSR_TYPE_COORDINATION_PAGE, "Original size (zoom 150 %)" },
  };

  show_example (window);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;
      SsrMapCanvas *canvas;
      g_autoptr(GPtrArray) buttons = NULL;
      GtkWidget *reset = NULL;
      char *mismatch;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i].page_id));
      settle ();
      page = ssr_test_find_one (gtk_stack_get_child_by_name (window->page_stack, pages[i].page_id),
                                pages[i].page_type);
      canvas = SSR_MAP_CANVAS (ssr_test_find_one (page, SSR_TYPE_MAP_CANVAS));
      buttons = ssr_test_find_all (page, GTK_TYPE_BUTTON);
      for (guint j = 0; j < buttons->len; j++)
        {
          GtkActionable *button = g_ptr_array_index (buttons, j);

          if (g_strcmp0 (gtk_actionable_get_action_name (button), "map.zoom-reset") == 0)
            reset = GTK_WIDGET (button);
        }
      g_assert_nonnull (reset);

      ssr_map_canvas_set_zoom (canvas, 1.5);
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     pages[i].at_150);
      g_assert_cmpstr (mismatch, ==, NULL);

      g_assert_true (gtk_widget_activate_action (page, "map.zoom-reset", NULL));
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     pages[i].at_150);
      g_assert_nonnull (mismatch);
      g_assert_nonnull (strstr (mismatch, "(zoom 100 %)"));
      g_free (mismatch);
    }
}

typedef struct
{
  void     (*check) (SsrWindow *window);
  gboolean   checked;
} Drive;

static gboolean
drive_cb (gpointer user_data)
{
  Drive *drive = user_data;
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  GtkWindow *window;

  window = gtk_application_get_active_window (application);
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  g_assert_true (SSR_IS_WINDOW (window));

  drive->check (SSR_WINDOW (window));

  for (GList *l = gtk_application_get_windows (application); l; l = l->next)
    g_ptr_array_add (windows, l->data);
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));

  drive->checked = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the application as a person starts it, and @check its window. */
static void
run_application (void (*check) (SsrWindow *window))
{
  g_autofree char *recovery_folder = g_build_filename (test_folder, "recovery", NULL);
  char *argv[] = { (char *) "ssr-workbench", NULL };
  SsrApplication *application;
  Drive drive = { check, FALSE };

  g_setenv (RECOVERY_DIR_VARIABLE, recovery_folder, TRUE);

  application = ssr_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (20, drive_cb, &drive);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 1, argv), ==, 0);
  g_assert_true (drive.checked);
  g_assert_finalize_object (application);

  g_unsetenv (RECOVERY_DIR_VARIABLE);
}

static void
test_accessibility_every_page (void)
{
  run_application (check_every_page);
}

static void
test_accessibility_dialogs (void)
{
  run_application (check_dialogs);
}

static void
test_accessibility_zoom_level (void)
{
  run_application (check_zoom_level);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Recent documents and drafts go to a folder of the test's own. */
  test_folder = ssr_test_make_folder ("accessibility");
  g_setenv ("XDG_DATA_HOME", test_folder, TRUE);
  g_setenv ("XDG_STATE_HOME", test_folder, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/accessibility/rule", test_accessibility_rule);
  g_test_add_func ("/ui/accessibility/screen-reader-rule", test_accessibility_screen_reader_rule);
  g_test_add_func ("/ui/accessibility/every-page", test_accessibility_every_page);
  g_test_add_func ("/ui/accessibility/dialogs", test_accessibility_dialogs);
  g_test_add_func ("/ui/accessibility/zoom-level", test_accessibility_zoom_level);

  status = g_test_run ();

  ssr_test_remove_tree (test_folder);
  g_free (test_folder);

  return status;
}
