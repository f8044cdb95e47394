/* main.c: the entry point of ssr-workbench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-workbench"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ssr-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SsrApplication) application = NULL;
  /* Lets tests and uninstalled runs use the catalogues of the build tree
   * (BUILDDIR/po), where the program is not installed yet. */
  const char *localedir = g_getenv ("SSR_WORKBENCH_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("SSR Workbench"));

  application = ssr_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
