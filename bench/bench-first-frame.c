/* bench-first-frame.c: time until an application's window shows a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts COMMAND under the X display in $DISPLAY and measures the time until
 * a top-level window of it is mapped and its title (_NET_WM_NAME or
 * WM_NAME) contains TEXT — the moment the window shows the opened document,
 * since both SSR Workbench and GNOME Text Editor put the document's name in
 * the title once it is loaded. The same observation for every program, from
 * outside, so the comparison is fair. Repeats, and prints the median.
 *
 *   bench-first-frame [--repeat N] --title TEXT -- COMMAND [ARG…]
 */

#define G_LOG_DOMAIN "ssr-bench"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include "bench-common.h"

#define TIMEOUT_SECONDS 30

static Atom net_wm_name;
static Atom utf8_string;

static gboolean
title_contains (Display    *display,
                Window      window,
                const char *text)
{
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  gboolean found = FALSE;

  if (XGetWindowProperty (display, window, net_wm_name, 0, 4096, False, utf8_string,
                          &type, &format, &n_items, &after, &data) == Success && data != NULL)
    {
      found = strstr ((const char *) data, text) != NULL;
      XFree (data);
    }

  if (!found)
    {
      char *name = NULL;

      if (XFetchName (display, window, &name) && name != NULL)
        {
          found = strstr (name, text) != NULL;
          XFree (name);
        }
    }

  return found;
}

static gboolean
is_viewable (Display *display,
             Window   window)
{
  XWindowAttributes attributes;

  return XGetWindowAttributes (display, window, &attributes) &&
         attributes.map_state == IsViewable;
}

/* Runs @argv once; returns the milliseconds until a window shows @title, or
 * a negative number on time-out. */
static double
run_once (Display     *display,
          char       **argv,
          const char  *title)
{
  Window root = DefaultRootWindow (display);
  g_autoptr(GError) error = NULL;
  gint64 start, deadline;
  double elapsed = -1;
  GPid pid;

  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, True);

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("%s", error->message);

  deadline = start + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  while (elapsed < 0 && g_get_monotonic_time () < deadline)
    {
      XEvent event;
      Window window = None;

      if (!XPending (display))
        {
          g_usleep (500);
          continue;
        }

      XNextEvent (display, &event);
      if (event.type == CreateNotify && event.xcreatewindow.parent == root)
        {
          /* Watch its title; it may already have one. */
          XSelectInput (display, event.xcreatewindow.window, PropertyChangeMask | StructureNotifyMask);
          window = event.xcreatewindow.window;
        }
      else if (event.type == MapNotify)
        window = event.xmap.window;
      else if (event.type == PropertyNotify)
        window = event.xproperty.window;

      if (window != None && is_viewable (display, window) && title_contains (display, window, title))
        elapsed = (g_get_monotonic_time () - start) / 1000.0;
    }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  XSelectInput (display, root, NoEventMask);

  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GArray) times = NULL;
  int repeat = 5;
  Display *display;
  GOptionEntry entries[] = {
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs (default 5)", "N" },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, "Text the window title shows once the document is open", "TEXT" },
    { NULL }
  };

  context = g_option_context_new ("-- COMMAND [ARG…]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || title == NULL || argc < 2 || repeat < 1)
    {
      g_printerr ("usage: bench-first-frame [--repeat N] --title TEXT -- COMMAND [ARG…]\n");
      return 2;
    }

  /* GOption leaves the "--" that ends the options in place. */
  if (argc > 1 && g_str_equal (argv[1], "--"))
    {
      argv++;
      argc--;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("bench-first-frame: cannot open the X display (run under xvfb-run)\n");
      return 2;
    }

  net_wm_name = XInternAtom (display, "_NET_WM_NAME", False);
  utf8_string = XInternAtom (display, "UTF8_STRING", False);

  /* One run to warm the caches, not counted. */
  run_once (display, &argv[1], title);

  times = g_array_sized_new (FALSE, FALSE, sizeof (double), repeat);
  for (int i = 0; i < repeat; i++)
    {
      double elapsed = run_once (display, &argv[1], title);

      if (elapsed < 0)
        {
          g_printerr ("bench-first-frame: no window titled “%s” within %d s\n", title, TIMEOUT_SECONDS);
          return 1;
        }
      g_array_append_val (times, elapsed);
    }

  g_print ("%.1f\n", bench_median (times));

  XCloseDisplay (display);

  return 0;
}
