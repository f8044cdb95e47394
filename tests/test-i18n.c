/* test-i18n.c: the workbench and ssr-tool in French (LANGUAGE=fr)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-core-enums.h"
#include "ssr-csv-import.h"
#include "ssr-framework.h"
#include "ssr-item-fields.h"
#include "ssr-relation.h"
#include "ssr-test-ui.h"
#include "ssr-test-util.h"
#include "ssr-window-private.h"

#define WAIT_UNTIL(condition) SSR_TEST_WAIT_UNTIL (condition, 10)

/* The catalogues built by meson, BUILDDIR/po/LANG/LC_MESSAGES/ssr-workbench.mo */
static char *locale_folder;

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A label the user can see that holds @data. */
static gboolean
is_shown_label_with (GtkWidget     *widget,
                     gconstpointer  data)
{
  const char *label = gtk_label_get_label (GTK_LABEL (widget));

  return gtk_widget_is_drawable (widget) && label != NULL && strstr (label, data) != NULL;
}

/* A widget a screen reader calls @data. */
static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  data)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, data);

  return mismatch == NULL;
}

static GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  return ssr_test_find_passing (root, GTK_TYPE_LABEL, is_shown_label_with, text);
}

static SsrWindow *
create_window_with_example (void)
{
  SsrWindow *window = ssr_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  WAIT_UNTIL (ssr_window_get_document (window) != NULL);

  return window;
}

static void
destroy_window (SsrWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

/* The catalogue is the one of the build, and the locale lets gettext use it. */
static void
test_i18n_catalogue_is_used (void)
{
  g_autofree char *catalogue = g_build_filename (locale_folder, "fr", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  g_assert_true (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (_("Actors"), ==, "Acteurs");
  /* French typography: a no-break space before the colon. */
  g_assert_cmpstr (_("Usage:"), ==, "Utilisation\u00a0:");
}

/* The framework's names, guidance and human-text attributes are read in
 * French; ids and citations stay as written. */
static void
test_i18n_framework_is_french (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);
  SsrTerm *phase, *step, *mechanism, *scale;

  g_assert_no_error (error);
  g_assert_cmpstr (ssr_framework_get_name (framework), ==, "Modèle de RSS en trois phases");
  g_assert_true (g_str_has_prefix (ssr_framework_get_description (framework), "Les phases "));

  phase = ssr_framework_lookup (framework, "preparatory");
  g_assert_nonnull (phase);
  g_assert_cmpstr (ssr_term_get_id (phase), ==, "preparatory");
  g_assert_cmpstr (ssr_term_get_name (phase), ==, "Phase préparatoire");
  /* A data attribute is not translated. */
  g_assert_cmpstr (ssr_term_get_attribute (phase, "number"), ==, "I");

  step = ssr_framework_lookup (framework, "conduct-assessment");
  g_assert_nonnull (step);
  g_assert_cmpstr (ssr_term_get_name (step), ==, "Conduire l’évaluation");
  g_assert_true (g_str_has_prefix (ssr_term_get_guidance (step),
                                   "L’évaluation transforme le modèle général de la RSS"));
  g_assert_cmpstr (ssr_term_get_citation (step), ==,
                   "Seed 001 (Sedra 2010), Implementation, Preparatory phase, step 1");

  mechanism = ssr_framework_lookup (framework, "joint-committee");
  g_assert_nonnull (mechanism);
  g_assert_cmpstr (ssr_term_get_attribute (mechanism, "strength"), ==,
                   "Permet une planification conjointe.");

  scale = ssr_framework_lookup (framework, "public-trust");
  g_assert_nonnull (scale);
  g_assert_cmpstr (ssr_term_get_attribute (scale, "low"), ==, "Craint ou évité");

  /* Looked up by id, a term shows its French name. */
  g_assert_cmpstr (ssr_framework_get_term_name (framework, "civil-society"), ==, "Société civile");
}

/* French counts "0 acteur" and "1 acteur" in the singular. */
static void
test_i18n_plural_forms (void)
{
  const SsrItemFields *actors = ssr_item_fields_lookup (SSR_TYPE_ACTOR);
  g_autofree char *none = ssr_item_fields_format_count (actors, 0, 0);
  g_autofree char *one = ssr_item_fields_format_count (actors, 1, 1);
  g_autofree char *two = ssr_item_fields_format_count (actors, 2, 2);
  g_autofree char *some = ssr_item_fields_format_count (actors, 1, 2);

  g_assert_cmpstr (none, ==, "0 acteur");
  g_assert_cmpstr (one, ==, "1 acteur");
  g_assert_cmpstr (two, ==, "2 acteurs");
  g_assert_cmpstr (some, ==, "1 sur 2 acteurs");
}

/* The window on the worked example, as a French-speaking facilitator sees it. */
static void
test_i18n_window_is_french (void)
{
  SsrWindow *window = create_window_with_example ();
  GtkWidget *sidebar = GTK_WIDGET (window->sidebar_list);
  guint position;
  g_autoptr(SsrSidebarEntry) phase_entry = NULL;
  const char *subtitle;
  SsrTerm *step;
  GtkWidget *page;
  GtkWidget *guidance;

  /* The sidebar: a phase of the framework and the steps' statuses. */
  WAIT_UNTIL (find_shown_label (sidebar, "Phase préparatoire") != NULL);
  WAIT_UNTIL (find_shown_label (sidebar, "Vue d’ensemble") != NULL);

  /* A phase's progress, counted over its five steps: the plural. */
  position = ssr_sidebar_find_page (window->sidebar, "step:conduct-assessment");
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpuint (position, >, 0);
  phase_entry = g_list_model_get_item (G_LIST_MODEL (window->sidebar), position - 1);
  g_assert_false (ssr_sidebar_entry_get_selectable (phase_entry));
  subtitle = ssr_sidebar_entry_get_subtitle (phase_entry);
  g_assert_nonnull (subtitle);
  g_assert_true (g_str_has_suffix (subtitle, " sur 5 terminées"));

  /* The page of the actors, chosen from the sidebar by its French name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "actors");
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (window->page_stack), "actors") == 0);
  WAIT_UNTIL (find_shown_label (sidebar, "Acteurs") != NULL);

  /* A step: its name, and the framework's guidance, in French. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "step:conduct-assessment");
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (window->page_stack),
                         "step:conduct-assessment") == 0);
  page = gtk_stack_get_visible_child (window->page_stack);
  step = ssr_framework_lookup (window->framework, "conduct-assessment");
  g_assert_nonnull (step);
  WAIT_UNTIL (find_shown_label (page, "Conduire l’évaluation") != NULL);
  WAIT_UNTIL ((guidance = find_shown_label (page, "L’évaluation transforme le modèle")) != NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (guidance)), ==, ssr_term_get_guidance (step));
  g_assert_nonnull (find_shown_label (page, "Tâches"));

  /* What a screen reader says for the icon-only buttons. */
  gtk_test_accessible_assert_property (window->undo_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Annuler");
  gtk_test_accessible_assert_property (window->redo_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Rétablir");

  /* ... for the notes of an actor, and for the zoom of the map */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "actors");
  WAIT_UNTIL (ssr_test_find_passing (gtk_stack_get_visible_child (window->page_stack), GTK_TYPE_TEXT_VIEW,
                                     is_labelled, "Éléments probants") != NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sector-map");
  WAIT_UNTIL (ssr_test_find_passing (gtk_stack_get_visible_child (window->page_stack), GTK_TYPE_BUTTON,
                                     is_labelled, "Afficher toute la carte (zoom à 100\u202f%)") != NULL);

  destroy_window (window);
}

/* The usual classification markings are offered, and written into the
 * document, in French: the report prints them on every page. */
static void
test_i18n_markings_are_french (void)
{
  SsrWindow *window = create_window_with_example ();
  GtkWidget *page;
  GtkWidget *button;
  GMenuModel *menu;
  GMenuModel *section;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "context");
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (window->page_stack), "context") == 0);
  page = gtk_stack_get_visible_child (window->page_stack);
  button = ssr_test_find_first (page, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);

  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      char *label = NULL;
      char *target = NULL;

      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_TARGET, "s", &target));
      g_assert_cmpstr (label, ==, target);
      g_ptr_array_add (labels, label);
      g_ptr_array_add (targets, target);
    }
  g_assert_cmpuint (labels->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "NON CLASSIFIÉ");
  g_assert_cmpstr (g_ptr_array_index (labels, 1), ==, "DIFFUSION RESTREINTE");
  g_assert_cmpstr (g_ptr_array_index (labels, 2), ==, "CONFIDENTIEL");
  g_object_unref (section);

  /* Choosing one writes the French marking into the document. */
  gtk_widget_activate_action (page, "context.set-classification", "s", g_ptr_array_index (targets, 1));
  g_assert_cmpstr (ssr_assessment_get_classification (ssr_window_get_document (window)), ==,
                   "DIFFUSION RESTREINTE");
  gtk_test_accessible_assert_property (window->classification_label, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Classification\u00a0: DIFFUSION RESTREINTE");

  destroy_window (window);
}

static int
run_tool (char       **out,
          char       **err,
          const char  *first_argument,
          ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *tool = g_getenv ("SSR_TOOL");
  const char *argument;
  va_list ap;

  g_assert_nonnull (tool);
  g_ptr_array_add (args, (char *) tool);
  va_start (ap, first_argument);
  for (argument = first_argument; argument != NULL; argument = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) argument);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "fr", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "SSR_WORKBENCH_LOCALEDIR", locale_folder, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

/* ssr-tool speaks French too: its usage errors and the framework outline. */
static void
test_i18n_tool_is_french (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *framework_out = NULL;
  g_autofree char *framework_err = NULL;

  g_assert_cmpint (run_tool (&out, &err, "no-such-command", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "ssr-tool\u00a0: commande inconnue «\u00a0no-such-command\u00a0»"));
  g_assert_nonnull (strstr (err, "Utilisation\u00a0:"));
  g_assert_null (strstr (err, "Usage:"));

  g_assert_cmpint (run_tool (&framework_out, &framework_err, "framework", NULL), ==, 0);
  g_assert_nonnull (strstr (framework_out, "Modèle de RSS en trois phases (ssr-three-phase)"));
  g_assert_nonnull (strstr (framework_out, "Phase 1\u00a0: Phase préparatoire"));
  g_assert_nonnull (strstr (framework_out, "Conduire l’évaluation"));
}

/* A word with two meanings has a context each: a relation's strength and
 * a strength of the SWOT analysis are not the same word in every
 * language. */
static void
test_i18n_contexts (void)
{
  const SsrItemFields *relations = ssr_item_fields_lookup (SSR_TYPE_RELATION);
  const SsrColumnInfo *strength = NULL;

  for (guint i = 0; i < relations->n_columns; i++)
    {
      if (g_str_equal (relations->columns[i].property, "strength"))
        strength = &relations->columns[i];
    }
  g_assert_nonnull (strength);
  g_assert_cmpstr (ssr_column_info_get_title (strength), ==, "Intensité");
  g_assert_cmpstr (ssr_item_fields_get_enum_label (SSR_TYPE_FINDING_KIND, SSR_FINDING_STRENGTH), ==, "Force");
}

/* What is wrong with a row of a CSV file is said in whole sentences,
 * whose words agree in French: "la catégorie", "le sens". */
static void
test_i18n_csv_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsrFramework) framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  static const char text[] = "name,category,stance\n"
                             "Shadow Militia,made-up,spoiler\n"
                             "High Court,justice-rule-of-law,sometimes\n";
  g_autoptr(GBytes) csv = g_bytes_new_static (text, strlen (text));
  g_autoptr(SsrCsvImport) import = NULL;
  g_autoptr(SsrCsvImportRow) first = NULL;
  g_autoptr(SsrCsvImportRow) second = NULL;

  g_assert_no_error (error);
  import = ssr_csv_import_new (assessment, framework, "actors", csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (import), 0);
  second = g_list_model_get_item (G_LIST_MODEL (import), 1);

  g_assert_cmpstr (ssr_csv_import_row_get_message (first), ==,
                   "La catégorie «\u00a0made-up\u00a0» ne figure pas dans le cadre.");
  g_assert_cmpstr (ssr_csv_import_row_get_message (second), ==,
                   "La position «\u00a0sometimes\u00a0» ne fait pas partie des valeurs suivantes\u00a0: "
                   "unknown, champion, neutral, spoiler.");
}

/* Switches the messages to @language: glibc reads LANGUAGE again once
 * textdomain() has emptied its cache of translations. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  textdomain (GETTEXT_PACKAGE);
}

/* No letter is underlined twice in one menu, in French or in Spanish. */
static void
test_i18n_menu_mnemonics (void)
{
  static const char * const languages[] = { "fr", "es" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *clashes = NULL;

      use_language (languages[i]);
      /* the catalogue of the language is the one read */
      g_assert_cmpstr (_("_Quit"), ==, i == 0 ? "_Quitter" : "_Salir");
      clashes = ssr_test_find_mnemonic_clashes ();
      if (clashes[0] != '\0')
        g_test_message ("In %s:\n%s", languages[i], clashes);
      g_assert_cmpstr (clashes, ==, "");
    }
  use_language ("fr");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* glibc follows LANGUAGE unless the locale is "C"; C.UTF-8 is always
   * there, so the test needs no French locale installed. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* gtk_test_init() sets its own locale. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  locale_folder = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_folder);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/ui/i18n/catalogue-is-used", test_i18n_catalogue_is_used);
  g_test_add_func ("/ui/i18n/framework-is-french", test_i18n_framework_is_french);
  g_test_add_func ("/ui/i18n/plural-forms", test_i18n_plural_forms);
  g_test_add_func ("/ui/i18n/window-is-french", test_i18n_window_is_french);
  g_test_add_func ("/ui/i18n/markings-are-french", test_i18n_markings_are_french);
  g_test_add_func ("/ui/i18n/tool-is-french", test_i18n_tool_is_french);
  g_test_add_func ("/ui/i18n/menu-mnemonics", test_i18n_menu_mnemonics);
  g_test_add_func ("/ui/i18n/contexts", test_i18n_contexts);
  g_test_add_func ("/ui/i18n/csv-problems", test_i18n_csv_problems);

  status = g_test_run ();

  g_free (locale_folder);

  return status;
}
