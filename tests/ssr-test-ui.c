/* ssr-test-ui.c: what the UI tests share: pages shown in a window, widget lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-test-ui"

#include "config.h"

#include "ssr-test-ui.h"

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
