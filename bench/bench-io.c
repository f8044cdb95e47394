/* bench-io.c: times reading and writing an assessment file, for bench/run-io.sh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-bench"

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "ssr-assessment.h"
#include "ssr-xml.h"

typedef struct
{
  const char    *display_name;
  GFile         *file;
  GBytes        *bytes;       /* the file's content, read once up front */
  SsrAssessment *assessment;  /* what is written */
  GFile         *output;      /* where saves go, in a temporary folder */
} Bench;

typedef gboolean (*BenchOperation) (Bench   *bench,
                                    GError **error);

/* Each operation frees what it made inside the timed region, as xmllint
 * frees its tree before it exits. */
static gboolean
read_from_memory (Bench   *bench,
                  GError **error)
{
  g_autoptr(SsrAssessment) assessment = NULL;

  assessment = ssr_xml_read (bench->bytes, bench->display_name, error);
  return assessment != NULL;
}

static gboolean
load_from_file (Bench   *bench,
                GError **error)
{
  g_autoptr(SsrAssessment) assessment = NULL;

  assessment = ssr_assessment_load (bench->file, NULL, error);
  return assessment != NULL;
}

static gboolean
write_to_memory (Bench   *bench,
                 GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = ssr_xml_write (bench->assessment);
  return bytes != NULL;
}

static gboolean
save_to_file (Bench   *bench,
              GError **error)
{
  return ssr_assessment_save (bench->assessment, bench->output, NULL, error);
}

/* Runs @operation @repeat times; returns the median wall time in ms, or a
 * negative number on failure. */
static double
measure (Bench          *bench,
         BenchOperation  operation,
         guint           repeat,
         GError        **error)
{
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), repeat);

  for (guint i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!operation (bench, error))
        return -1;

      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  return bench_median (times);
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  /* Linux reports kibibytes. */
  return usage.ru_maxrss;
}

typedef struct
{
  const char     *key;
  BenchOperation  operation;
  const char     *description;
} Measurement;

static const Measurement load_measurements[] = {
  { "read-memory", read_from_memory, "ssr_xml_read, from bytes already in memory" },
  { "load-file", load_from_file, "ssr_assessment_load, from the file" },
};

static const Measurement write_measurements[] = {
  { "write-memory", write_to_memory, "ssr_xml_write, to bytes in memory" },
  { "save-file", save_to_file, "ssr_assessment_save, atomic, to a file in a temporary folder" },
};

static gboolean
run_measurements (Bench              *bench,
                  const Measurement  *measurements,
                  guint               n_measurements,
                  guint               repeat,
                  GError            **error)
{
  for (guint i = 0; i < n_measurements; i++)
    {
      double ms = measure (bench, measurements[i].operation, repeat, error);

      if (ms < 0)
        return FALSE;

      g_print ("%-14s %10.2f ms   %s\n", measurements[i].key, ms, measurements[i].description);
    }

  return TRUE;
}

static gboolean
run (Bench   *bench,
     guint    repeat,
     GError **error)
{
  if (!run_measurements (bench, load_measurements, G_N_ELEMENTS (load_measurements),
                         repeat, error))
    return FALSE;
  g_print ("%-14s %10ld KiB  %s\n", "peak-rss-load", peak_rss_kib (),
           "peak resident memory after the loads");

  if (!run_measurements (bench, write_measurements, G_N_ELEMENTS (write_measurements),
                         repeat, error))
    return FALSE;
  g_print ("%-14s %10ld KiB  %s\n", "peak-rss", peak_rss_kib (),
           "peak resident memory of the whole run");

  return TRUE;
}

static void
remove_output (GFile *output)
{
  g_autoptr(GFile) folder = g_file_get_parent (output);
  g_autofree char *path = g_file_get_path (output);
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  g_remove (path);
  g_remove (backup);
  g_file_delete (folder, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *display_name = NULL;
  g_auto(GStrv) files = NULL;
  int repeat = 5;
  gboolean ok;
  Bench bench;
  const GOptionEntry entries[] = {
    { "repeat", 'n', 0, G_OPTION_ARG_INT, &repeat, "Repetitions of each measurement (default: 5)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new ("FILE");
  g_option_context_set_summary (context,
                                "Times reading and writing the assessment FILE and prints, "
                                "for each operation, the median wall time in ms, then the "
                                "peak resident memory. See bench/README.md.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 2;
    }
  if (files == NULL || g_strv_length (files) != 1 || repeat < 1)
    {
      g_printerr ("bench-io: expected one FILE and --repeat of at least 1\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  display_name = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    assessment = ssr_xml_read (bytes, display_name, &error);
  if (assessment == NULL)
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 1;
    }

  folder = g_dir_make_tmp ("ssr-bench-io-XXXXXX", &error);
  if (folder == NULL)
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 1;
    }
  output = g_file_new_build_filename (folder, "bench.ssra", NULL);

  g_print ("# %s: %" G_GSIZE_FORMAT " bytes, %u actors, %u relations; median of %d runs\n",
           files[0], g_bytes_get_size (bytes),
           g_list_model_get_n_items (ssr_assessment_get_actors (assessment)),
           g_list_model_get_n_items (ssr_assessment_get_relations (assessment)),
           repeat);

  bench = (Bench) {
    .display_name = display_name,
    .file = file,
    .bytes = bytes,
    .assessment = assessment,
    .output = output,
  };
  ok = run (&bench, repeat, &error);
  remove_output (output);
  if (!ok)
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 1;
    }

  return 0;
}
