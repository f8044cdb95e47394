/* ssr-test-ui.c: what the UI tests share: pages shown in a window, widget lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-ui"

#include "config.h"

#include "ssr-test-ui.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ssr-test-util.h"

void
ssr_test_page_load (SsrTestPage   *fixture,
                    SsrAssessment *document)
{
  g_autoptr(GError) error = NULL;
  const char *framework_id;

  fixture->document = document != NULL ? document : ssr_test_load_example ();
  framework_id = ssr_assessment_get_framework (fixture->document);
  if (framework_id == NULL)
    framework_id = SSR_DEFAULT_FRAMEWORK;
  fixture->framework = ssr_framework_get_builtin (framework_id, &error);
  g_assert_no_error (error);
}

void
ssr_test_page_show (SsrTestPage *fixture,
                    GtkWidget   *page,
                    int          width,
                    int          height)
{
  fixture->page = g_object_ref_sink (page);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);
  SSR_TEST_WAIT_UNTIL (gtk_widget_get_mapped (fixture->page), 5);
}

void
ssr_test_page_close (SsrTestPage *fixture)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->page);
  g_clear_object (&fixture->framework);
  g_assert_finalize_object (fixture->document);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

GPtrArray *
ssr_test_find_all (GtkWidget *widget,
                   GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (widget, type, found);

  return found;
}

GtkWidget *
ssr_test_find_one (GtkWidget *widget,
                   GType      type)
{
  g_autoptr(GPtrArray) found = ssr_test_find_all (widget, type);

  g_assert_cmpuint (found->len, ==, 1);

  return g_ptr_array_index (found, 0);
}

GtkWidget *
ssr_test_find_passing (GtkWidget         *widget,
                       GType              type,
                       SsrTestWidgetTest  test,
                       gconstpointer      data)
{
  g_autoptr(GPtrArray) found = ssr_test_find_all (widget, type);

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *candidate = g_ptr_array_index (found, i);

      if (test == NULL || test (candidate, data))
        return candidate;
    }

  return NULL;
}

GtkWidget *
ssr_test_find_first (GtkWidget *widget,
                     GType      type)
{
  return ssr_test_find_passing (widget, type, NULL, NULL);
}

static gboolean
row_is_titled (GtkWidget     *row,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0;
}

GtkWidget *
ssr_test_find_row (GtkWidget  *widget,
                   GType       type,
                   const char *title)
{
  g_assert_true (g_type_is_a (type, ADW_TYPE_PREFERENCES_ROW));

  return ssr_test_find_passing (widget, type, row_is_titled, title);
}

static gboolean
button_is_labelled (GtkWidget     *button,
                    gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0;
}

GtkWidget *
ssr_test_find_button (GtkWidget  *widget,
                      const char *label)
{
  return ssr_test_find_passing (widget, GTK_TYPE_BUTTON, button_is_labelled, label);
}

/* Menus and their mnemonics */

typedef struct
{
  /* the elements open, innermost last */
  GPtrArray *elements;
  /* for each menu open (a <menu> or a <submenu>), the letters underlined
   * in it so far: letter -> label */
  GPtrArray *menus;
  /* the label being read, and its context */
  GString   *label;
  char      *context;
  gboolean   translatable;
  gboolean   in_label;
  GString   *clashes;
} MenuReader;

static void
menu_reader_start_cb (GMarkupParseContext  *context,
                      const char           *element,
                      const char          **names,
                      const char          **values,
                      gpointer              user_data,
                      GError              **error)
{
  MenuReader *reader = user_data;

  g_ptr_array_add (reader->elements, g_strdup (element));
  if (g_str_equal (element, "menu") || g_str_equal (element, "submenu"))
    g_ptr_array_add (reader->menus, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));

  if (g_str_equal (element, "attribute") && reader->menus->len > 0)
    {
      const char *name = NULL;
      const char *translatable = NULL;
      const char *msgctxt = NULL;

      g_markup_collect_attributes (element, names, values, NULL,
                                   G_MARKUP_COLLECT_STRING, "name", &name,
                                   G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "translatable", &translatable,
                                   G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "context", &msgctxt,
                                   G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "comments", NULL,
                                   G_MARKUP_COLLECT_INVALID);
      reader->in_label = g_strcmp0 (name, "label") == 0;
      g_string_truncate (reader->label, 0);
      g_free (reader->context);
      reader->context = g_strdup (msgctxt);
      reader->translatable = g_strcmp0 (translatable, "yes") == 0;
    }
}

static void
menu_reader_text_cb (GMarkupParseContext  *context,
                     const char           *text,
                     gsize                 length,
                     gpointer              user_data,
                     GError              **error)
{
  MenuReader *reader = user_data;

  if (reader->in_label)
    g_string_append_len (reader->label, text, length);
}

/* The letter @label underlines, folded, or NULL. (transfer full) */
static char *
mnemonic_of (const char *label)
{
  for (const char *p = strchr (label, '_'); p != NULL; p = strchr (p + 2, '_'))
    {
      if (p[1] == '\0')
        break;
      if (p[1] != '_')
        {
          const char *end = g_utf8_next_char (p + 1);

          return g_utf8_casefold (p + 1, end - (p + 1));
        }
    }

  return NULL;
}

static void
menu_reader_add_label (MenuReader *reader)
{
  const char *parent = g_ptr_array_index (reader->elements, reader->elements->len - 2);
  const char *msgid = reader->label->str;
  GHashTable *menu;
  const char *label;
  g_autofree char *letter = NULL;
  const char *earlier;

  /* an item's label belongs to its menu; a submenu's, to the menu it is in */
  if (g_str_equal (parent, "item"))
    menu = g_ptr_array_index (reader->menus, reader->menus->len - 1);
  else if (g_str_equal (parent, "submenu") && reader->menus->len > 1)
    menu = g_ptr_array_index (reader->menus, reader->menus->len - 2);
  else
    return;

  if (!reader->translatable)
    label = msgid;
  else if (reader->context != NULL)
    label = g_dpgettext2 (GETTEXT_PACKAGE, reader->context, msgid);
  else
    label = g_dgettext (GETTEXT_PACKAGE, msgid);

  letter = mnemonic_of (label);
  if (letter == NULL)
    return;

  earlier = g_hash_table_lookup (menu, letter);
  if (earlier != NULL)
    g_string_append_printf (reader->clashes, "“%s” in “%s” and “%s”\n", letter, earlier, label);
  else
    g_hash_table_insert (menu, g_steal_pointer (&letter), g_strdup (label));
}

static void
menu_reader_end_cb (GMarkupParseContext  *context,
                    const char           *element,
                    gpointer              user_data,
                    GError              **error)
{
  MenuReader *reader = user_data;

  if (g_str_equal (element, "attribute") && reader->in_label)
    {
      menu_reader_add_label (reader);
      reader->in_label = FALSE;
    }

  if (g_str_equal (element, "menu") || g_str_equal (element, "submenu"))
    g_ptr_array_remove_index (reader->menus, reader->menus->len - 1);
  g_ptr_array_remove_index (reader->elements, reader->elements->len - 1);
}

char *
ssr_test_find_mnemonic_clashes (void)
{
  static const GMarkupParser parser = {
    menu_reader_start_cb, menu_reader_end_cb, menu_reader_text_cb, NULL, NULL
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  GString *clashes = g_string_new (NULL);
  guint n_menus_files = 0;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", RESOURCE_BASE, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GMarkupParseContext) context = NULL;
      MenuReader reader = { 0 };
      gsize size;
      const char *data;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &size);
      if (strstr (data, "<menu") == NULL)
        continue;
      n_menus_files++;

      reader.elements = g_ptr_array_new_with_free_func (g_free);
      reader.menus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
      reader.label = g_string_new (NULL);
      reader.clashes = g_string_new (NULL);
      context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &reader, NULL);
      g_markup_parse_context_parse (context, data, size, &error);
      g_assert_no_error (error);

      if (reader.clashes->len > 0)
        g_string_append_printf (clashes, "%s:\n%s", names[i], reader.clashes->str);

      g_ptr_array_unref (reader.elements);
      g_ptr_array_unref (reader.menus);
      g_string_free (reader.label, TRUE);
      g_string_free (reader.clashes, TRUE);
      g_free (reader.context);
    }
  /* the main menu's window, at least */
  g_assert_cmpuint (n_menus_files, >, 0);

  return g_string_free (clashes, FALSE);
}
