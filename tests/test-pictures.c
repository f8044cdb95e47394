/* test-pictures.c: every picture exports to SVG, PNG and PDF, safely, and shows its data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-coordination-diagram.h"
#include "ssr-dimensions-diagram.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-picture.h"
#include "ssr-who-does-what.h"

#define N_KINDS (SSR_FINDING_RISK + 1)

static SsrFramework *
default_framework (void)
{
  g_autoptr(GError) error = NULL;
  SsrFramework *framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);

  g_assert_no_error (error);
  g_assert_nonnull (framework);

  return framework;
}

static SsrAssessment *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SSR_SAMPLES"), "norvalia.ssra", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SsrAssessment *assessment = ssr_assessment_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  return assessment;
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("test-pictures-XXXXXX", &error);

  g_assert_no_error (error);

  return folder;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_folder (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

/* The sample, and a folder to export it to, removed afterwards. */
typedef struct
{
  SsrFramework  *framework;
  SsrAssessment *assessment;
  char          *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->framework = default_framework ();
  fixture->assessment = load_sample ();
  fixture->folder = make_folder ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_folder (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_object (&fixture->assessment);
  g_clear_object (&fixture->framework);
}

static void
test_pictures_have_names (void)
{
  SsrPicture picture;

  for (guint i = 0; i < SSR_N_PICTURES; i++)
    {
      g_assert_true (ssr_picture_from_name (ssr_picture_get_name (i), &picture));
      g_assert_cmpint (picture, ==, i);
      g_assert_nonnull (ssr_picture_get_title (i));
    }

  g_assert_true (ssr_picture_from_name ("who-does-what", &picture));
  g_assert_cmpint (picture, ==, SSR_PICTURE_WHO_DOES_WHAT);
  g_assert_true (ssr_picture_from_name ("phases", &picture));
  g_assert_cmpint (picture, ==, SSR_PICTURE_PHASES);
  g_assert_false (ssr_picture_from_name ("pie-chart", &picture));
  g_assert_false (ssr_picture_from_name (NULL, &picture));
}

static guint32
read_big_endian (const guint8 *data)
{
  return (guint32) data[0] << 24 | (guint32) data[1] << 16 | (guint32) data[2] << 8 | data[3];
}

static void
assert_pdf_has_one_page (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  int status;

  if (pdfinfo == NULL)
    {
      g_test_message ("pdfinfo is not installed; page count not checked");
      return;
    }

  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "Pages:"));
  g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", output, G_REGEX_MULTILINE, 0));
}

static void
test_pictures_export_every_format (Fixture       *fixture,
                                   gconstpointer  data)
{
  SsrFramework *framework = fixture->framework;
  SsrAssessment *assessment = fixture->assessment;
  const char *folder = fixture->folder;

  for (guint i = 0; i < SSR_N_PICTURES; i++)
    {
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", folder, ssr_picture_get_name (i));
      g_autofree char *png = g_strdup_printf ("%s/%s.PNG", folder, ssr_picture_get_name (i));
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", folder, ssr_picture_get_name (i));
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      double width, height;
      gsize length;

      ssr_picture_get_natural_size (i, framework, assessment, NULL, &width, &height);
      g_assert_cmpfloat (width, >=, 300);
      g_assert_cmpfloat (height, >=, 200);

      g_assert_true (ssr_picture_export (i, framework, assessment, NULL, svg, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
      g_assert_true (g_str_has_prefix (contents, "<?xml"));
      g_assert_nonnull (strstr (contents, "<svg"));
      g_clear_pointer (&contents, g_free);

      g_assert_true (ssr_picture_export (i, framework, assessment, NULL, png, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (png, &contents, &length, &error));
      g_assert_cmpuint (length, >, 24);
      g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
      g_assert_true (memcmp (contents + 12, "IHDR", 4) == 0);
      g_assert_cmpuint (read_big_endian ((const guint8 *) contents + 16), ==, (guint32) ceil (2 * width));
      g_assert_cmpuint (read_big_endian ((const guint8 *) contents + 20), ==, (guint32) ceil (2 * height));
      g_clear_pointer (&contents, g_free);

      g_assert_true (ssr_picture_export (i, framework, assessment, NULL, pdf, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      assert_pdf_has_one_page (pdf);
    }

  /* Three files per picture, and no temporary file left behind. */
  g_assert_cmpuint (count_entries (folder), ==, 3 * SSR_N_PICTURES);
}

static void
test_pictures_refuse_unknown_formats (Fixture       *fixture,
                                      gconstpointer  data)
{
  SsrFramework *framework = fixture->framework;
  SsrAssessment *assessment = fixture->assessment;
  const char *folder = fixture->folder;
  g_autofree char *missing = g_build_filename (folder, "map.jpeg", NULL);
  g_autofree char *existing = g_build_filename (folder, "map.txt", NULL);
  g_autofree char *bare = g_build_filename (folder, "map", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ssr_picture_export (SSR_PICTURE_SECTOR_MAP, framework, assessment, NULL, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, ".svg"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_false (ssr_picture_export (SSR_PICTURE_SECTOR_MAP, framework, assessment, NULL, bare, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (existing, "notes", -1, &error));
  g_assert_false (ssr_picture_export (SSR_PICTURE_SECTOR_MAP, framework, assessment, NULL, existing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "notes");

  g_assert_cmpuint (count_entries (folder), ==, 1);
}

static void
test_pictures_failed_export_keeps_target (Fixture       *fixture,
                                          gconstpointer  data)
{
  SsrFramework *framework = fixture->framework;
  SsrAssessment *assessment = fixture->assessment;
  const char *folder = fixture->folder;
  g_autofree char *target = g_build_filename (folder, "map.svg", NULL);
  g_autofree char *inside = g_build_filename (target, "keep.txt", NULL);
  g_autofree char *nowhere = g_build_filename (folder, "missing", "map.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* The export cannot replace a folder: it fails, and both the folder and
   * what it holds stay as they were, with no temporary file left over. */
  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, &error));
  g_assert_false (ssr_picture_export (SSR_PICTURE_DIMENSIONS, framework, assessment, NULL, target, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "map.svg"));
  g_clear_error (&error);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_get_contents (inside, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "kept");
  g_assert_cmpuint (count_entries (folder), ==, 1);

  /* A folder that does not exist fails before anything is written. */
  g_assert_false (ssr_picture_export (SSR_PICTURE_PHASES, framework, assessment, NULL, nowhere, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_entries (folder), ==, 1);
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          double           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

static gboolean
colors_equal (const double a[3],
              const double b[3])
{
  return fabs (a[0] - b[0]) < 0.02 && fabs (a[1] - b[1]) < 0.02 && fabs (a[2] - b[2]) < 0.02;
}

static cairo_surface_t *
render (SsrPicture              picture,
        SsrFramework           *framework,
        SsrAssessment          *assessment,
        const SsrRenderOptions *options,
        double                 *width,
        double                 *height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  ssr_picture_get_natural_size (picture, framework, assessment, options, width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, *width, *height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ssr_picture_draw (picture, cr, framework, assessment, options, *width, *height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
test_pictures_who_does_what_shows_areas (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = load_sample ();
  GListModel *organisations = ssr_assessment_get_organisations (assessment);
  GListModel *areas = ssr_framework_get_list (framework, "ssr-areas");
  guint n_organisations = g_list_model_get_n_items (organisations);
  guint n_areas = g_list_model_get_n_items (areas);
  double fill[3], white[3] = { 1, 1, 1 };
  double width, height, x, y, w, h;
  cairo_surface_t *surface;
  guint filled = 0, empty = 0;

  g_assert_cmpuint (n_organisations, >, 1);
  ssr_who_does_what_get_fill_color (&fill[0], &fill[1], &fill[2]);
  surface = render (SSR_PICTURE_WHO_DOES_WHAT, framework, assessment, NULL, &width, &height);

  for (guint r = 0; r < n_organisations; r++)
    {
      g_autoptr(SsrOrganisation) organisation = g_list_model_get_item (organisations, r);

      for (guint c = 0; c < n_areas; c++)
        {
          g_autoptr(SsrTerm) area = g_list_model_get_item (areas, c);
          gboolean works = g_strv_contains (ssr_organisation_get_areas (organisation), ssr_term_get_id (area));
          double rgb[3];

          g_assert_true (ssr_who_does_what_get_cell_area (framework, assessment, NULL, width, height,
                                                          r, c, &x, &y, &w, &h));
          g_assert_cmpfloat (x + w, <=, width);
          g_assert_cmpfloat (y + h, <=, height);
          pixel_at (surface, x + w / 2, y + h / 2, rgb);
          g_assert_true (colors_equal (rgb, works ? fill : white));
          filled += works;
          empty += !works;
        }
    }

  g_assert_cmpuint (filled, >, 0);
  g_assert_cmpuint (empty, >, 0);
  g_assert_true (ssr_who_does_what_get_cell_area (framework, assessment, NULL, width, height,
                                                  n_organisations, 0, &x, &y, &w, &h));
  g_assert_false (ssr_who_does_what_get_cell_area (framework, assessment, NULL, width, height,
                                                   n_organisations + 1, 0, &x, &y, &w, &h));
  g_assert_false (ssr_who_does_what_get_cell_area (framework, assessment, NULL, width, height,
                                                   0, n_areas, &x, &y, &w, &h));
  cairo_surface_destroy (surface);
}

/* The counts of findings per dimension and kind, computed here. */
static void
count_findings (SsrFramework  *framework,
                SsrAssessment *assessment,
                gboolean       redact,
                guint          counts[][N_KINDS])
{
  GListModel *dimensions = ssr_framework_get_list (framework, "dimensions");
  GListModel *findings = ssr_assessment_get_findings (assessment);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);

      if (redact && ssr_finding_get_sensitive (finding))
        continue;
      for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
        {
          g_autoptr(SsrTerm) dimension = g_list_model_get_item (dimensions, d);

          if (g_strcmp0 (ssr_term_get_id (dimension), ssr_finding_get_dimension (finding)) == 0)
            counts[d][ssr_finding_get_kind (finding)]++;
        }
    }
}

static void
assert_bars_match (SsrFramework           *framework,
                   SsrAssessment          *assessment,
                   const SsrRenderOptions *options)
{
  guint n_dimensions = g_list_model_get_n_items (ssr_framework_get_list (framework, "dimensions"));
  guint counts[8][N_KINDS] = { { 0 } };
  double per_finding = -1;
  double width, height;
  cairo_surface_t *surface;

  g_assert_cmpuint (n_dimensions, ==, 4);
  count_findings (framework, assessment, options->redact, counts);
  surface = render (SSR_PICTURE_DIMENSIONS, framework, assessment, options, &width, &height);

  for (guint d = 0; d < n_dimensions; d++)
    {
      for (SsrFindingKind kind = 0; kind < N_KINDS; kind++)
        {
          double x, y, w, h, rgb[3], expected[3];

          g_assert_true (ssr_dimensions_diagram_get_bar_area (framework, assessment, options, width, height,
                                                              d, kind, &x, &y, &w, &h));
          if (counts[d][kind] == 0)
            {
              g_assert_cmpfloat (w, ==, 0);
              continue;
            }

          /* One scale for every bar: width is proportional to the count. */
          if (per_finding < 0)
            per_finding = w / counts[d][kind];
          g_assert_cmpfloat_with_epsilon (w, per_finding * counts[d][kind], 0.01);

          ssr_dimensions_diagram_get_kind_color (kind, &expected[0], &expected[1], &expected[2]);
          pixel_at (surface, x + w / 2, y + h / 2, rgb);
          g_assert_true (colors_equal (rgb, expected));
        }
    }

  g_assert_cmpfloat (per_finding, >, 0);
  cairo_surface_destroy (surface);
}

static void
test_pictures_dimension_counts_match_findings (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autoptr(SsrFinding) secret = g_object_new (SSR_TYPE_FINDING,
                                               "id", "fi-00000000000000f1",
                                               "kind", SSR_FINDING_THREAT,
                                               "title", "Unvetted commanders keep their posts",
                                               "dimension", "economic",
                                               "sensitive", TRUE,
                                               NULL);
  g_autoptr(GError) error = NULL;
  SsrRenderOptions options;
  double x, y, plain_width, redacted_width, h, width, height;

  g_assert_true (ssr_assessment_append (assessment, SSR_ITEM (secret), &error));
  g_assert_no_error (error);

  ssr_render_options_init (&options);
  assert_bars_match (framework, assessment, &options);
  ssr_picture_get_natural_size (SSR_PICTURE_DIMENSIONS, framework, assessment, &options, &width, &height);
  g_assert_true (ssr_dimensions_diagram_get_bar_area (framework, assessment, &options, width, height,
                                                      2, SSR_FINDING_THREAT, &x, &y, &plain_width, &h));

  /* Redacted, the sensitive finding no longer counts. */
  options.redact = TRUE;
  assert_bars_match (framework, assessment, &options);
  g_assert_true (ssr_dimensions_diagram_get_bar_area (framework, assessment, &options, width, height,
                                                      2, SSR_FINDING_THREAT, &x, &y, &redacted_width, &h));
  g_assert_cmpfloat (redacted_width, <, plain_width);

  g_assert_false (ssr_dimensions_diagram_get_bar_area (framework, assessment, &options, width, height,
                                                       4, SSR_FINDING_THREAT, &x, &y, &plain_width, &h));
}

static void
test_pictures_coordination_in_columns (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = load_sample ();
  g_autoptr(SsrMechanism) mechanism = g_list_model_get_item (ssr_assessment_get_mechanisms (assessment), 0);
  GListModel *organisations = ssr_assessment_get_organisations (assessment);
  const char * const *members = ssr_mechanism_get_members (mechanism);
  SsrActor *member = NULL;
  SsrRenderOptions options;
  double width, height, x, y, w, h, mechanism_x, mechanism_y;

  ssr_render_options_init (&options);
  ssr_picture_get_natural_size (SSR_PICTURE_COORDINATION, framework, assessment, &options, &width, &height);
  g_assert_true (ssr_coordination_diagram_get_item_area (framework, assessment, &options, width, height,
                                                         ssr_item_get_id (SSR_ITEM (mechanism)),
                                                         &mechanism_x, &mechanism_y, &w, &h));

  /* Organisations on the left of the mechanisms, national members on the right. */
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(SsrItem) organisation = g_list_model_get_item (organisations, i);

      g_assert_true (ssr_coordination_diagram_get_item_area (framework, assessment, &options, width, height,
                                                             ssr_item_get_id (organisation), &x, &y, &w, &h));
      g_assert_cmpfloat (x + w, <, mechanism_x);
      g_assert_cmpfloat (y + h, <=, height);
    }
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      SsrItem *item = ssr_assessment_lookup (assessment, members[i]);

      if (!SSR_IS_ACTOR (item))
        continue;
      member = SSR_ACTOR (item);
      g_assert_true (ssr_coordination_diagram_get_item_area (framework, assessment, &options, width, height,
                                                             members[i], &x, &y, &w, &h));
      g_assert_cmpfloat (x, >, mechanism_x);
    }

  /* A sensitive member leaves a redacted diagram. */
  g_assert_nonnull (member);
  g_object_set (member, "sensitive", TRUE, NULL);
  g_assert_true (ssr_coordination_diagram_get_item_area (framework, assessment, &options, width, height,
                                                         ssr_item_get_id (SSR_ITEM (member)), &x, &y, &w, &h));
  options.redact = TRUE;
  g_assert_false (ssr_coordination_diagram_get_item_area (framework, assessment, &options, width, height,
                                                          ssr_item_get_id (SSR_ITEM (member)), &x, &y, &w, &h));
  g_assert_false (ssr_coordination_diagram_get_item_area (framework, assessment, &options, width, height,
                                                          "ac-0000000000000000", &x, &y, &w, &h));
}

/* Drawn narrow, headings wrap to two lines and legend lines wrap: none is
 * cut with an ellipsis, and the taller legend still leaves the rows room. */
static void
test_pictures_coordination_wraps_text (void)
{
  g_autoptr(SsrFramework) framework = default_framework ();
  g_autoptr(SsrAssessment) assessment = load_sample ();
  GListModel *mechanisms = ssr_assessment_get_mechanisms (assessment);
  GListModel *actors = ssr_assessment_get_actors (assessment);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  SsrRenderOptions options;
  double width = 480, height = 900, x, y, w, h, lowest = 0;
  guint n_texts = 0;

  ssr_render_options_init (&options);
  for (guint i = 0; i < g_list_model_get_n_items (mechanisms); i++)
    {
      g_autoptr(SsrMechanism) mechanism = g_list_model_get_item (mechanisms, i);

      g_hash_table_add (types, (gpointer) ssr_mechanism_get_mechanism_type (mechanism));
    }

  /* Three headings, the legend's title, a line per mechanism type and the lead's. */
  g_assert_cmpuint (ssr_coordination_diagram_count_ellipsized_text (framework, assessment, &options,
                                                                    width, height, &n_texts), ==, 0);
  g_assert_cmpuint (n_texts, ==, 3 + 1 + g_hash_table_size (types) + 1);

  /* The rows end above the legend: at least a title and a row per line. */
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrItem) actor = g_list_model_get_item (actors, i);

      if (ssr_coordination_diagram_get_item_area (framework, assessment, &options, width, height,
                                                  ssr_item_get_id (actor), &x, &y, &w, &h))
        lowest = MAX (lowest, y + h);
    }
  g_assert_cmpfloat (lowest, >, 0);
  g_assert_cmpfloat (lowest + 34 * (n_texts - 3), <, height);

  /* Far too narrow for the headings even on two lines: they are cut. */
  g_assert_cmpuint (ssr_coordination_diagram_count_ellipsized_text (framework, assessment, &options,
                                                                    90, height, &n_texts), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/pictures/have-names", test_pictures_have_names);
  g_test_add ("/render/pictures/export-every-format", Fixture, NULL,
              fixture_set_up, test_pictures_export_every_format, fixture_tear_down);
  g_test_add ("/render/pictures/refuse-unknown-formats", Fixture, NULL,
              fixture_set_up, test_pictures_refuse_unknown_formats, fixture_tear_down);
  g_test_add ("/render/pictures/failed-export-keeps-target", Fixture, NULL,
              fixture_set_up, test_pictures_failed_export_keeps_target, fixture_tear_down);
  g_test_add_func ("/render/pictures/who-does-what-shows-areas", test_pictures_who_does_what_shows_areas);
  g_test_add_func ("/render/pictures/coordination-in-columns", test_pictures_coordination_in_columns);
  g_test_add_func ("/render/pictures/coordination-wraps-text", test_pictures_coordination_wraps_text);
  g_test_add_func ("/render/pictures/dimension-counts-match-findings",
                   test_pictures_dimension_counts_match_findings);

  return g_test_run ();
}
