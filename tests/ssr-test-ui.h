/* ssr-test-ui.h: what the UI tests share: pages shown in a window, widget lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-framework.h"

G_BEGIN_DECLS

/* A page of the workbench shown in a window, as a user sees it, with the
 * document it edits and the framework that document follows. */
typedef struct
{
  SsrAssessment *document;
  SsrFramework  *framework;
  GtkWindow     *window;
  GtkWidget     *page;
} SsrTestPage;

/* Takes @document (the worked example when NULL) and loads its framework
 * (the default one when it names none). */
void       ssr_test_page_load   (SsrTestPage   *fixture,
                                 SsrAssessment *document);
/* Shows @page in a window of @width × @height and waits until it is mapped. */
void       ssr_test_page_show   (SsrTestPage *fixture,
                                 GtkWidget   *page,
                                 int          width,
                                 int          height);
/* Closes the window; the page and the document must then be finalized. */
void       ssr_test_page_close  (SsrTestPage *fixture);

/* Whether @widget is the one looked for, as @data describes it. */
typedef gboolean (*SsrTestWidgetTest) (GtkWidget     *widget,
                                       gconstpointer  data);

/* The widgets of @type in @widget and below it, parents first. (transfer container) */
GPtrArray *ssr_test_find_all     (GtkWidget         *widget,
                                  GType              type);
/* The one widget of @type in @widget and below it (asserts there is one). */
GtkWidget *ssr_test_find_one     (GtkWidget         *widget,
                                  GType              type);
/* The first widget of @type in @widget and below it that passes @test
 * (any when NULL), or NULL. */
GtkWidget *ssr_test_find_passing (GtkWidget         *widget,
                                  GType              type,
                                  SsrTestWidgetTest  test,
                                  gconstpointer      data);
/* The first widget of @type in @widget and below it, or NULL. */
GtkWidget *ssr_test_find_first   (GtkWidget         *widget,
                                  GType              type);
/* The first preferences row of @type titled @title, or NULL. */
GtkWidget *ssr_test_find_row     (GtkWidget         *widget,
                                  GType              type,
                                  const char        *title);
/* The first button labelled @label, or NULL. */
GtkWidget *ssr_test_find_button  (GtkWidget         *widget,
                                  const char        *label);

/*
 * The mnemonics underlined twice in one menu, in every menu of the .ui
 * files of the application, their labels in the language of the messages
 * (a section belongs to its menu, a submenu is a menu of its own): a line
 * for each, empty when none. (transfer full)
 */
char      *ssr_test_find_mnemonic_clashes (void);

G_END_DECLS
