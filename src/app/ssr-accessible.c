/* ssr-accessible.c: the accessible names GTK 4.8 gets wrong, put right in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-accessible"

#include "config.h"

#include "ssr-accessible.h"

#include <string.h>

/*
 * Why a button with a mnemonic is read "_Add Add" in GTK 4.8:
 * gtk_button_set_label() and gtk_check_button_set_label() copy the label,
 * underscore included, into the accessible label of the button; with
 * use-underline, the GtkLabel inside also becomes the button's mnemonic
 * label, which points the button's labelled-by relation at it. GTK 4.8
 * computes a name by joining the accessible label and the text of every
 * widget the button is labelled by: "_Add" + "Add".
 *
 * The remedy names such a button after its label without the underscore,
 * and drops the relation. It must hold for every button, including those
 * GTK and libadwaita build (message dialog responses, file choosers), and
 * again whenever the label changes. A signal emission hook on "map" sees
 * every widget of the process as it is shown, with the widgets below it
 * that are not (yet) on screen; from then on, the button's own
 * notify::label and notify::use-underline keep the name right.
 */

#define NAMED_KEY "ssr-accessible-mnemonic-named"

char *
ssr_accessible_strip_mnemonic (const char *label)
{
  GString *plain;

  g_return_val_if_fail (label != NULL, NULL);

  plain = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is an underscore; "_x" underlines x */
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

void
ssr_accessible_set_label (GtkWidget  *widget,
                          const char *label)
{
  g_autofree char *plain = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  plain = ssr_accessible_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
}

void
ssr_accessible_name_drop_down (GtkDropDown *drop_down,
                               const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  ssr_accessible_set_label (GTK_WIDGET (drop_down), label);

  /* The button is what has the focus. A label of its own, not a relation
   * to the drop-down: GTK 4.8 reads only the accessible label of the
   * widgets a control is labelled by, and a drop-down in a row has none
   * (the row's title names it). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        ssr_accessible_set_label (child, label);
    }
}

static void
name_after_mnemonic_label (GtkWidget *widget)
{
  const char *label;
  gboolean use_underline;

  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      use_underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      use_underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }

  /* Without a mnemonic, GTK names the button right. */
  if (label == NULL || !use_underline)
    return;

  ssr_accessible_set_label (widget, label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
mnemonic_label_changed_cb (GtkWidget  *widget,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  name_after_mnemonic_label (widget);
}

static void
name_button (GtkWidget *widget)
{
  if (!(GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
      || g_object_get_data (G_OBJECT (widget), NAMED_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::label", G_CALLBACK (mnemonic_label_changed_cb), NULL);
  g_signal_connect (widget, "notify::use-underline", G_CALLBACK (mnemonic_label_changed_cb), NULL);
  name_after_mnemonic_label (widget);
}

static void
name_buttons_below (GtkWidget *widget)
{
  name_button (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_buttons_below (child);
}

static gboolean
widget_mapped_cb (GSignalInvocationHint *hint,
                  guint                  n_param_values,
                  const GValue          *param_values,
                  gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&param_values[0]);

  name_button (widget);

  /* The hook runs once the widget has mapped its children. Those still
   * unmapped but visible (the other pages of a stack, the rows of a
   * collapsed expander) are not on screen, yet the bridge shows them to
   * a screen reader all the same. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && !gtk_widget_get_mapped (child))
        name_buttons_below (child);
    }

  return TRUE;
}

void
ssr_accessible_init (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* the class registers its signals */
      g_autoptr(GTypeClass) widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  widget_mapped_cb, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
