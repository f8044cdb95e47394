/* test-accessibility.c: every control on every page has a name a screen reader can read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ssr-framework.h"
#include "ssr-term.h"
#include "ssr-test-util.h"
#include "ssr-window-private.h"

#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 20)

/* The rule.
 *
 * GTK 4.8 gives an accessible object a name from two sources only: its
 * GTK_ACCESSIBLE_PROPERTY_LABEL, or the text of the widgets named by its
 * GTK_ACCESSIBLE_RELATION_LABELLED_BY (gtk_button_set_label() and
 * gtk_check_button_set_label() set the label; AdwButtonContent,
 * AdwActionRow and gtk_label_set_mnemonic_widget() set the relation). A tooltip becomes the description, not the name; a
 * GtkLabel put into a button with gtk_button_set_child() names nothing;
 * and gtk_button_set_icon_name() points the relation at the icon, which
 * has no text: Orca then reads "GtkButton" or nothing. So a control
 * passes when it has a non-empty accessible label, or a labelled-by
 * relation and is not an icon-only button. Both are queried with GTK's
 * test API (gtk_test_accessible_has_property/has_relation/
 * check_property), on the same state the AT-SPI bridge reads. Only mapped
 * widgets are checked: what is on screen on the page shown.
 *
 * The controls checked are those a person can operate: buttons (toggle,
 * link, menu, check), switches, drop-downs, spin buttons, scales, entries
 * (search and password entries, text fields not inside one of those,
 * which carries the name) and text views; the text field of an
 * AdwEntryRow is named after the row's title, which must not be empty.
 * What GTK 4.8 builds inside a GtkDropDown (an unnamed toggle button under
 * the named combo box) and a GtkSpinButton (its step buttons, which are
 * not exposed) is GTK's own and is not ours to name; it is skipped. */

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

/* What identifies @widget in a failure message. */
static void
describe (GtkWidget *widget,
          GString   *out)
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
 * below it that has no accessible name; returns how many were checked. */
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
        describe (widget, unnamed);
    }

  if (GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget))
    return n_checked;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_checked += collect_unnamed (child, unnamed);

  return n_checked;
}

/* The checker itself: an icon-only button is unnamed even with a tooltip,
 * and is named once it has an accessible label or a label. */
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

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

static void
test_accessibility_every_page (void)
{
  static const char * const fixed_pages[] = {
    "overview", "context", "actors", "sector-map", "coordination",
    "findings", "priorities", "indicators", "principles", "report",
  };
  SsrWindow *window = ssr_window_new (NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) report = g_string_new (NULL);
  GListModel *steps = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  WAIT_UNTIL (ssr_window_get_document (window) != NULL);
  settle ();

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
        g_string_append_printf (report, "On page %s:\n%s", page_id, unnamed->str);
    }

  if (report->len > 0)
    g_test_message ("Controls without an accessible name:\n%s", report->str);
  g_assert_cmpstr (report->str, ==, "");

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/accessibility/rule", test_accessibility_rule);
  g_test_add_func ("/ui/accessibility/every-page", test_accessibility_every_page);

  return g_test_run ();
}
