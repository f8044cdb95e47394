/* ssr-csv-import.c: actors and relations from a team's spreadsheet, previewed, then added at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-csv-import"

#include "config.h"

#include "ssr-csv-import.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-core-enums.h"
#include "ssr-csv.h"
#include "ssr-framework.h"
#include "ssr-relation.h"

/* The row of a preview. */

struct _SsrCsvImportRow
{
  GObject  parent_instance;

  guint    line;
  SsrItem *item;
  char    *message;
};

enum {
  ROW_PROP_0,
  ROW_PROP_LINE,
  ROW_PROP_ITEM,
  ROW_PROP_MESSAGE,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

G_DEFINE_FINAL_TYPE (SsrCsvImportRow, ssr_csv_import_row, G_TYPE_OBJECT)

static void
ssr_csv_import_row_finalize (GObject *object)
{
  SsrCsvImportRow *self = SSR_CSV_IMPORT_ROW (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (ssr_csv_import_row_parent_class)->finalize (object);
}

static void
ssr_csv_import_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SsrCsvImportRow *self = SSR_CSV_IMPORT_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    case ROW_PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case ROW_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_csv_import_row_class_init (SsrCsvImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssr_csv_import_row_finalize;
  object_class->get_property = ssr_csv_import_row_get_property;

  row_properties[ROW_PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SSR_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
ssr_csv_import_row_init (SsrCsvImportRow *self)
{
}

static SsrCsvImportRow *
row_new (guint    line,
         SsrItem *item,
         char    *message)
{
  SsrCsvImportRow *self = g_object_new (SSR_TYPE_CSV_IMPORT_ROW, NULL);

  self->line = line;
  self->item = item;
  self->message = message;

  return self;
}

guint
ssr_csv_import_row_get_line (SsrCsvImportRow *self)
{
  g_return_val_if_fail (SSR_IS_CSV_IMPORT_ROW (self), 0);

  return self->line;
}

SsrItem *
ssr_csv_import_row_get_item (SsrCsvImportRow *self)
{
  g_return_val_if_fail (SSR_IS_CSV_IMPORT_ROW (self), NULL);

  return self->item;
}

const char *
ssr_csv_import_row_get_message (SsrCsvImportRow *self)
{
  g_return_val_if_fail (SSR_IS_CSV_IMPORT_ROW (self), NULL);

  return self->message;
}

/* The import. */

/* The columns the import reads; an index into SsrCsvImport.columns. */
typedef enum
{
  COLUMN_ID,
  COLUMN_NAME,
  COLUMN_CATEGORY,
  COLUMN_CATEGORY_NAME,
  COLUMN_KIND,
  COLUMN_KIND_NAME,
  COLUMN_STANCE,
  COLUMN_INFLUENCE,
  COLUMN_INTEREST,
  COLUMN_X,
  COLUMN_Y,
  COLUMN_SENSITIVE,
  COLUMN_DESCRIPTION,
  COLUMN_EVIDENCE,
  COLUMN_SOURCE,
  COLUMN_SOURCE_ID,
  COLUMN_SOURCE_NAME,
  COLUMN_TARGET,
  COLUMN_TARGET_ID,
  COLUMN_TARGET_NAME,
  COLUMN_TYPE,
  COLUMN_TYPE_NAME,
  COLUMN_DIRECTION,
  COLUMN_STRENGTH,
  COLUMN_NOTE,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "id", "name", "category", "category_name", "kind", "kind_name", "stance",
  "influence", "interest", "x", "y", "sensitive", "description", "evidence",
  "source", "source_id", "source_name", "target", "target_id", "target_name",
  "type", "type_name", "direction", "strength", "note",
};

#define RATING_PREFIX "rating_"

typedef struct
{
  int   index;
  char *scale;
} RatingColumn;

struct _SsrCsvImport
{
  GObject        parent_instance;

  SsrAssessment *assessment;
  SsrFramework  *framework;
  GType          item_type;
  char          *kind;

  /* The index of each known column in the file, or -1. */
  int            columns[N_COLUMNS];
  /* Of RatingColumn, for actors. */
  GArray        *ratings;
  guint          n_header_fields;
  GStrv          ignored_columns;

  /* Casefolded actor name → actor id, or "" when the name is not unique. */
  GHashTable    *actor_names;
  /* Id → line of the row that uses it, for ids given in the file. */
  GHashTable    *file_ids;

  GPtrArray     *rows;
  guint          n_errors;
  gboolean       applied;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsrCsvImport, ssr_csv_import, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
ssr_csv_import_get_item_type (GListModel *model)
{
  return SSR_TYPE_CSV_IMPORT_ROW;
}

static guint
ssr_csv_import_get_n_items (GListModel *model)
{
  return SSR_CSV_IMPORT (model)->rows->len;
}

static gpointer
ssr_csv_import_get_item (GListModel *model,
                         guint       position)
{
  SsrCsvImport *self = SSR_CSV_IMPORT (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ssr_csv_import_get_item_type;
  iface->get_n_items = ssr_csv_import_get_n_items;
  iface->get_item = ssr_csv_import_get_item;
}

static void
clear_rating_column (gpointer data)
{
  RatingColumn *column = data;

  g_free (column->scale);
}

static void
ssr_csv_import_dispose (GObject *object)
{
  SsrCsvImport *self = SSR_CSV_IMPORT (object);

  g_clear_object (&self->assessment);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_csv_import_parent_class)->dispose (object);
}

static void
ssr_csv_import_finalize (GObject *object)
{
  SsrCsvImport *self = SSR_CSV_IMPORT (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->ratings, g_array_unref);
  g_clear_pointer (&self->ignored_columns, g_strfreev);
  g_clear_pointer (&self->actor_names, g_hash_table_unref);
  g_clear_pointer (&self->file_ids, g_hash_table_unref);

  G_OBJECT_CLASS (ssr_csv_import_parent_class)->finalize (object);
}

static void
ssr_csv_import_class_init (SsrCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssr_csv_import_dispose;
  object_class->finalize = ssr_csv_import_finalize;
}

static void
ssr_csv_import_init (SsrCsvImport *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    self->columns[i] = -1;

  self->ratings = g_array_new (FALSE, FALSE, sizeof (RatingColumn));
  g_array_set_clear_func (self->ratings, clear_rating_column);
  self->actor_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Reading the header. */

/* "Category Name " → "category_name": how people write the columns by hand. */
static char *
normalize_column_name (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *name = g_utf8_strdown (stripped, -1);

  g_strdelimit (name, " ", '_');

  return name;
}

static gboolean
column_is_known (SsrCsvImport *self,
                 Column        column)
{
  if (column == COLUMN_ID)
    return TRUE;
  if (self->item_type == SSR_TYPE_ACTOR)
    return column <= COLUMN_EVIDENCE;

  return column >= COLUMN_SOURCE;
}

static gboolean
is_rating_column (SsrCsvImport *self,
                  const char   *name)
{
  return (self->item_type == SSR_TYPE_ACTOR &&
          g_str_has_prefix (name, RATING_PREFIX) &&
          name[strlen (RATING_PREFIX)] != '\0');
}

/* Which column @name (normalised) is, or N_COLUMNS. */
static Column
find_column (SsrCsvImport *self,
             const char   *name)
{
  for (guint column = 0; column < N_COLUMNS; column++)
    {
      if (strcmp (name, column_names[column]) == 0 && column_is_known (self, column))
        return column;
    }

  return N_COLUMNS;
}

static gboolean
read_header (SsrCsvImport  *self,
             SsrCsvRow     *header,
             GError       **error)
{
  g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->n_header_fields = header->n_fields;

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *name = normalize_column_name (header->fields[i]);
      Column column = find_column (self, name);

      if (name[0] == '\0')
        continue;

      if (column == N_COLUMNS && !is_rating_column (self, name))
        {
          g_strv_builder_add (ignored, header->fields[i]);
          continue;
        }

      if (!g_hash_table_add (seen, g_strdup (name)))
        {
          g_set_error (error, SSR_ERROR, SSR_ERROR_INVALID,
                       _("Line %u: the column “%s” appears twice in the first row."),
                       header->line, header->fields[i]);
          return FALSE;
        }

      if (column != N_COLUMNS)
        {
          self->columns[column] = (int) i;
        }
      else
        {
          RatingColumn rating = { (int) i, g_strdup (name + strlen (RATING_PREFIX)) };

          g_array_append_val (self->ratings, rating);
        }
    }

  self->ignored_columns = g_strv_builder_end (ignored);

  return TRUE;
}

static gboolean
has_one_of (SsrCsvImport *self,
            Column        a,
            Column        b,
            Column        c)
{
  return self->columns[a] >= 0 || self->columns[b] >= 0 || (c != N_COLUMNS && self->columns[c] >= 0);
}

/* The columns without which no row could be read. */
static gboolean
check_required_columns (SsrCsvImport  *self,
                        GError       **error)
{
  const char *missing = NULL;

  if (self->item_type == SSR_TYPE_ACTOR)
    {
      if (self->columns[COLUMN_NAME] < 0)
        missing = "name";
      else if (!has_one_of (self, COLUMN_CATEGORY, COLUMN_CATEGORY_NAME, N_COLUMNS))
        missing = "category";
    }
  else
    {
      if (!has_one_of (self, COLUMN_SOURCE, COLUMN_SOURCE_ID, COLUMN_SOURCE_NAME))
        missing = "source_id";
      else if (!has_one_of (self, COLUMN_TARGET, COLUMN_TARGET_ID, COLUMN_TARGET_NAME))
        missing = "target_id";
      else if (!has_one_of (self, COLUMN_TYPE, COLUMN_TYPE_NAME, N_COLUMNS))
        missing = "type";
    }

  if (missing == NULL)
    return TRUE;

  g_set_error (error, SSR_ERROR, SSR_ERROR_INVALID,
               _("The first row must name the columns, and there is no “%s” column."),
               missing);
  return FALSE;
}

/* Reading a row. A problem is one sentence, returned as a new string. */

static const char *
cell_text (SsrCsvImport *self,
           SsrCsvRow    *row,
           Column        column)
{
  int index = self->columns[column];

  if (index < 0 || (guint) index >= row->n_fields)
    return "";

  return row->fields[index];
}

/* The cell, without the spaces around it (trimmed in place). */
static const char *
cell (SsrCsvImport *self,
      SsrCsvRow    *row,
      Column        column)
{
  int index = self->columns[column];

  if (index < 0 || (guint) index >= row->n_fields)
    return "";

  return g_strstrip (row->fields[index]);
}

static const char *
nonempty_or_null (const char *text)
{
  return text[0] != '\0' ? text : NULL;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return strcmp (folded_a, folded_b) == 0;
}

/* The term of @terms whose id or name is @text, whatever the case. (transfer none: @terms holds it) */
static SsrTerm *
find_term (GListModel *terms,
           const char *text)
{
  for (guint i = 0; terms != NULL && i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(SsrTerm) term = g_list_model_get_item (terms, i);

      if (same_text (ssr_term_get_id (term), text) ||
          same_text (ssr_term_get_name (term), text))
        return term;
    }

  return NULL;
}

/*
 * The messages of a problem are whole sentences, one for each column, so
 * that a translation can make its words agree: never "The %s “%s”…" with
 * the name of a column put in.
 */

typedef enum
{
  TERM_FOUND,     /* or neither column has a value */
  TERM_UNKNOWN,   /* the framework has no term for the text given */
  TERM_MISMATCH,  /* the id and the name are those of different terms */
} TermLookup;

/*
 * A term given by its id column, its name column or both, either of which
 * may hold the id or the name. Sets *@term (NULL: neither column has a
 * value); for TERM_UNKNOWN, *@unknown is the text not found.
 */
static TermLookup
resolve_term (GListModel  *terms,
              const char  *id_text,
              const char  *name_text,
              SsrTerm    **term,
              const char **unknown)
{
  SsrTerm *by_id = NULL;
  SsrTerm *by_name = NULL;

  *term = NULL;

  if (id_text[0] != '\0' && (by_id = find_term (terms, id_text)) == NULL)
    {
      *unknown = id_text;
      return TERM_UNKNOWN;
    }
  if (name_text[0] != '\0' && (by_name = find_term (terms, name_text)) == NULL)
    {
      *unknown = name_text;
      return TERM_UNKNOWN;
    }
  if (by_id != NULL && by_name != NULL && by_id != by_name)
    return TERM_MISMATCH;

  *term = by_id != NULL ? by_id : by_name;

  return TERM_FOUND;
}

static gboolean
is_valid_id (const char *id)
{
  if (!g_unichar_isalpha (g_utf8_get_char (id)) && id[0] != '_')
    return FALSE;

  for (const char *p = g_utf8_next_char (id); *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '-' && c != '_' && c != '.')
        return FALSE;
    }

  return TRUE;
}

static char *
check_id (SsrCsvImport *self,
          const char   *id)
{
  gpointer earlier;

  if (id[0] == '\0')
    return NULL;

  if (!is_valid_id (id))
    return g_strdup_printf (_("“%s” is not a valid id: an id starts with a letter and holds "
                              "only letters, digits, “-”, “_” and “.”."), id);

  if (ssr_assessment_lookup (self->assessment, id) != NULL)
    return g_strdup_printf (_("The id “%s” is already used in the document; empty the id "
                              "cell to import the row as a new item."), id);

  if (g_hash_table_lookup_extended (self->file_ids, id, NULL, &earlier))
    return g_strdup_printf (_("The id “%s” is already used on line %u."),
                            id, GPOINTER_TO_UINT (earlier));

  return NULL;
}

/* The value of the enum whose nick is @text (@fallback when empty);
 * FALSE, with the nicks allowed in *@allowed, when there is none. */
static gboolean
parse_enum (GType        enum_type,
            const char  *text,
            int          fallback,
            int         *value,
            char       **allowed)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GStrvBuilder) nicks = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  *value = fallback;
  if (text[0] == '\0')
    return TRUE;

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (g_ascii_strcasecmp (klass->values[i].value_nick, text) == 0)
        {
          *value = klass->values[i].value;
          return TRUE;
        }
      g_strv_builder_add (nicks, klass->values[i].value_nick);
    }

  names = g_strv_builder_end (nicks);
  *allowed = g_strjoinv (", ", names);

  return FALSE;
}

/* A whole number in [@minimum, @maximum] (@fallback when empty). */
static gboolean
parse_int (const char *text,
           int         minimum,
           int         maximum,
           int         fallback,
           int        *value)
{
  gint64 number;

  *value = fallback;
  if (text[0] == '\0')
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, minimum, maximum, &number, NULL))
    return FALSE;

  *value = (int) number;

  return TRUE;
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);

  return end != text && *end == '\0' && isfinite (*value);
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  static const char * const yes[] = { "true", "yes", "1" };
  static const char * const no[] = { "false", "no", "0", "" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        {
          *value = TRUE;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    {
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        {
          *value = FALSE;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
read_position (SsrCsvImport *self,
               SsrCsvRow    *row,
               SsrActor     *actor)
{
  const char *x_text = cell (self, row, COLUMN_X);
  const char *y_text = cell (self, row, COLUMN_Y);
  double x;
  double y;

  if (x_text[0] == '\0' && y_text[0] == '\0')
    return NULL;
  if (x_text[0] == '\0' || y_text[0] == '\0')
    return g_strdup (_("The position needs both x and y, or neither."));

  if (!parse_double (x_text, &x))
    /* Translators: a problem of a row of a CSV file of actors; %s is the value in its "x" column */
    return g_strdup_printf (_("The x coordinate “%s” is not a number; write numbers with a decimal "
                              "point, as in 12.5."), x_text);
  if (!parse_double (y_text, &y))
    /* Translators: a problem of a row of a CSV file of actors; %s is the value in its "y" column */
    return g_strdup_printf (_("The y coordinate “%s” is not a number; write numbers with a decimal "
                              "point, as in 12.5."), y_text);

  g_object_set (actor, "x", x, "y", y, "positioned", TRUE, NULL);

  return NULL;
}

static char *
read_ratings (SsrCsvImport *self,
              SsrCsvRow    *row,
              SsrActor     *actor)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{si}"));

  for (guint i = 0; i < self->ratings->len; i++)
    {
      RatingColumn *column = &g_array_index (self->ratings, RatingColumn, i);
      const char *text = "";
      int value;

      if ((guint) column->index < row->n_fields)
        text = g_strstrip (row->fields[column->index]);

      if (!parse_int (text, 1, 5, 0, &value))
        /* Translators: a problem of a row of a CSV file of actors: the
         * value it gives in the column of a rating scale, the id of that
         * scale, then the lowest and the highest rating */
        return g_strdup_printf (_("The rating “%s” on the scale “%s” is not a whole number "
                                  "from %d to %d."), text, column->scale, 1, 5);
      if (value > 0)
        g_variant_builder_add (&builder, "{si}", column->scale, value);
    }

  g_object_set (actor, "ratings", g_variant_builder_end (&builder), NULL);

  return NULL;
}

/*
 * A kind of @category by id or by name; one the framework does not list
 * is kept as written (the model allows free kinds). Sets *@kind (NULL:
 * none given) or returns the problem.
 */
static char *
resolve_kind (SsrTerm     *category,
              const char  *id_text,
              const char  *name_text,
              const char **kind)
{
  GListModel *kinds = ssr_term_get_list (category, "kinds");
  SsrTerm *by_id = id_text[0] != '\0' ? find_term (kinds, id_text) : NULL;
  SsrTerm *by_name = name_text[0] != '\0' ? find_term (kinds, name_text) : NULL;

  if (by_id != NULL && by_name != NULL && by_id != by_name)
    return g_strdup_printf (_("The kind is given as “%s” and as “%s”, which are not the same."),
                            id_text, name_text);

  if (by_id != NULL || by_name != NULL)
    *kind = ssr_term_get_id (by_id != NULL ? by_id : by_name);
  else
    *kind = nonempty_or_null (id_text[0] != '\0' ? id_text : name_text);

  return NULL;
}

/* Category and kind, each by id or by name. */
static char *
read_category_and_kind (SsrCsvImport *self,
                        SsrCsvRow    *row,
                        SsrActor     *actor)
{
  const char *category_id = cell (self, row, COLUMN_CATEGORY);
  const char *category_name = cell (self, row, COLUMN_CATEGORY_NAME);
  const char *kind_id = cell (self, row, COLUMN_KIND);
  const char *kind_name = cell (self, row, COLUMN_KIND_NAME);
  SsrTerm *category = NULL;
  const char *unknown = NULL;
  const char *kind = NULL;
  char *problem;

  if (category_id[0] == '\0' && category_name[0] == '\0')
    return g_strdup (_("The actor has no category; give one of the framework’s categories."));

  if (self->framework == NULL)
    {
      g_object_set (actor,
                    "category", category_id[0] != '\0' ? category_id : category_name,
                    "kind", nonempty_or_null (kind_id[0] != '\0' ? kind_id : kind_name),
                    NULL);
      return NULL;
    }

  switch (resolve_term (ssr_framework_get_list (self->framework, "actor-categories"),
                       category_id, category_name, &category, &unknown))
    {
    case TERM_UNKNOWN:
      /* Translators: a problem of a row of a CSV file of actors; %s is the category it gives */
      return g_strdup_printf (_("The category “%s” is not in the framework."), unknown);

    case TERM_MISMATCH:
      /* Translators: a problem of a row of a CSV file of actors: its
       * columns "category" and "category_name" name different categories */
      return g_strdup_printf (_("The category is given as “%s” and as “%s”, which are not "
                                "the same."), category_id, category_name);

    case TERM_FOUND:
    default:
      break;
    }

  if ((problem = resolve_kind (category, kind_id, kind_name, &kind)) != NULL)
    return problem;

  g_object_set (actor,
                "category", ssr_term_get_id (category),
                "kind", kind,
                NULL);

  return NULL;
}

static char *
read_actor (SsrCsvImport  *self,
            SsrCsvRow     *row,
            SsrItem      **item)
{
  const char *id = cell (self, row, COLUMN_ID);
  const char *name = cell (self, row, COLUMN_NAME);
  g_autoptr(SsrActor) actor = NULL;
  gboolean sensitive = FALSE;
  g_autofree char *allowed = NULL;
  char *problem;
  int stance;
  int influence;
  int interest;

  if (name[0] == '\0')
    return g_strdup (_("The actor has no name."));
  if ((problem = check_id (self, id)) != NULL)
    return problem;

  actor = ssr_actor_new (nonempty_or_null (id));

  if ((problem = read_category_and_kind (self, row, actor)) != NULL)
    return problem;

  if (!parse_enum (SSR_TYPE_STANCE, cell (self, row, COLUMN_STANCE), SSR_STANCE_UNKNOWN,
                   &stance, &allowed))
    /* Translators: a problem of a row of a CSV file of actors: the
     * stance it gives, then the stances a file may give (in English) */
    return g_strdup_printf (_("The stance “%s” is not one of: %s."),
                            cell (self, row, COLUMN_STANCE), allowed);

  if (!parse_int (cell (self, row, COLUMN_INFLUENCE), 0, 5, 0, &influence))
    /* Translators: a problem of a row of a CSV file of actors: the
     * influence it gives, then the lowest and the highest influence */
    return g_strdup_printf (_("The influence “%s” is not a whole number from %d to %d."),
                            cell (self, row, COLUMN_INFLUENCE), 0, 5);

  if (!parse_int (cell (self, row, COLUMN_INTEREST), 0, 5, 0, &interest))
    /* Translators: a problem of a row of a CSV file of actors: the
     * interest it gives, then the lowest and the highest interest */
    return g_strdup_printf (_("The interest “%s” is not a whole number from %d to %d."),
                            cell (self, row, COLUMN_INTEREST), 0, 5);

  if (!parse_boolean (cell (self, row, COLUMN_SENSITIVE), &sensitive))
    /* Translators: a problem of a row of a CSV file of actors; %s is
     * what its column "sensitive" holds; the file says true or false in
     * English */
    return g_strdup_printf (_("The sensitive mark “%s” is neither “true” nor “false”."),
                            cell (self, row, COLUMN_SENSITIVE));

  if ((problem = read_ratings (self, row, actor)) != NULL ||
      (problem = read_position (self, row, actor)) != NULL)
    return problem;

  g_object_set (actor,
                "name", name,
                "stance", stance,
                "influence", influence,
                "interest", interest,
                "sensitive", sensitive,
                "description", nonempty_or_null (cell_text (self, row, COLUMN_DESCRIPTION)),
                "evidence", nonempty_or_null (cell_text (self, row, COLUMN_EVIDENCE)),
                NULL);

  *item = SSR_ITEM (g_steal_pointer (&actor));

  return NULL;
}

typedef enum
{
  END_FOUND,
  END_MISSING,    /* no column gives the end */
  END_AMBIGUOUS,  /* more than one actor has the name given */
  END_UNKNOWN,    /* no actor has the id or the name given */
} EndLookup;

/*
 * An end of a relation: an actor of the document found by id, else by
 * name. A value in the "source" column may be either. Sets *@actor_id;
 * for END_AMBIGUOUS and END_UNKNOWN, *@given is the text at fault.
 */
static EndLookup
resolve_end (SsrCsvImport  *self,
             const char    *either,
             const char    *id_text,
             const char    *name_text,
             const char   **actor_id,
             const char   **given)
{
  const char *texts[] = { id_text, either, name_text };

  *given = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      SsrItem *item;
      g_autofree char *folded = NULL;
      const char *by_name;

      if (texts[i][0] == '\0')
        continue;
      if (*given == NULL)
        *given = texts[i];

      /* A name column holds a name; the others may hold either. */
      item = texts[i] != name_text ? ssr_assessment_lookup (self->assessment, texts[i]) : NULL;
      if (SSR_IS_ACTOR (item))
        {
          *actor_id = ssr_item_get_id (item);
          return END_FOUND;
        }

      if (texts[i] == id_text)
        continue;

      folded = g_utf8_casefold (texts[i], -1);
      by_name = g_hash_table_lookup (self->actor_names, folded);
      if (by_name != NULL && by_name[0] == '\0')
        {
          *given = texts[i];
          return END_AMBIGUOUS;
        }
      if (by_name != NULL)
        {
          *actor_id = by_name;
          return END_FOUND;
        }
    }

  /* An id that names no actor may still come with a name that does. */
  return *given == NULL ? END_MISSING : END_UNKNOWN;
}

/* What is wrong with the source of a relation, or NULL. */
static char *
source_problem (EndLookup   lookup,
                const char *given)
{
  switch (lookup)
    {
    case END_MISSING:
      /* Translators: a problem of a row of a CSV file of relations */
      return g_strdup (_("The relation has no source; give an actor’s id or name."));

    case END_AMBIGUOUS:
      /* Translators: a problem of a row of a CSV file of relations; %s is the name it gives */
      return g_strdup_printf (_("More than one actor is named “%s”; give the source by its id."),
                              given);

    case END_UNKNOWN:
      /* Translators: a problem of a row of a CSV file of relations; %s is the source it gives */
      return g_strdup_printf (_("The source “%s” is neither the id nor the name of an actor in "
                                "the document; import the actors first."), given);

    case END_FOUND:
    default:
      return NULL;
    }
}

/* What is wrong with the target of a relation, or NULL. */
static char *
target_problem (EndLookup   lookup,
                const char *given)
{
  switch (lookup)
    {
    case END_MISSING:
      /* Translators: a problem of a row of a CSV file of relations */
      return g_strdup (_("The relation has no target; give an actor’s id or name."));

    case END_AMBIGUOUS:
      /* Translators: a problem of a row of a CSV file of relations; %s is the name it gives */
      return g_strdup_printf (_("More than one actor is named “%s”; give the target by its id."),
                              given);

    case END_UNKNOWN:
      /* Translators: a problem of a row of a CSV file of relations; %s is the target it gives */
      return g_strdup_printf (_("The target “%s” is neither the id nor the name of an actor in "
                                "the document; import the actors first."), given);

    case END_FOUND:
    default:
      return NULL;
    }
}

static char *
read_relation_type (SsrCsvImport  *self,
                    SsrCsvRow     *row,
                    const char   **type)
{
  const char *id_text = cell (self, row, COLUMN_TYPE);
  const char *name_text = cell (self, row, COLUMN_TYPE_NAME);
  SsrTerm *term = NULL;
  const char *unknown = NULL;

  if (id_text[0] == '\0' && name_text[0] == '\0')
    return g_strdup (_("The relation has no type; give one of the framework’s relation types."));

  if (self->framework == NULL)
    {
      *type = id_text[0] != '\0' ? id_text : name_text;
      return NULL;
    }

  switch (resolve_term (ssr_framework_get_list (self->framework, "relation-types"),
                       id_text, name_text, &term, &unknown))
    {
    case TERM_UNKNOWN:
      /* Translators: a problem of a row of a CSV file of relations; %s is the type it gives */
      return g_strdup_printf (_("The relation type “%s” is not in the framework."), unknown);

    case TERM_MISMATCH:
      /* Translators: a problem of a row of a CSV file of relations: its
       * columns "type" and "type_name" name different relation types */
      return g_strdup_printf (_("The relation type is given as “%s” and as “%s”, which are "
                                "not the same."), id_text, name_text);

    case TERM_FOUND:
    default:
      *type = ssr_term_get_id (term);
      return NULL;
    }
}

static char *
read_relation (SsrCsvImport  *self,
               SsrCsvRow     *row,
               SsrItem      **item)
{
  const char *id = cell (self, row, COLUMN_ID);
  const char *source = NULL;
  const char *target = NULL;
  const char *type = NULL;
  g_autoptr(SsrRelation) relation = NULL;
  g_autofree char *allowed = NULL;
  const char *given = NULL;
  EndLookup lookup;
  char *problem;
  int direction;
  int strength;

  lookup = resolve_end (self,
                        cell (self, row, COLUMN_SOURCE),
                        cell (self, row, COLUMN_SOURCE_ID),
                        cell (self, row, COLUMN_SOURCE_NAME),
                        &source, &given);
  if ((problem = source_problem (lookup, given)) != NULL)
    return problem;

  lookup = resolve_end (self,
                        cell (self, row, COLUMN_TARGET),
                        cell (self, row, COLUMN_TARGET_ID),
                        cell (self, row, COLUMN_TARGET_NAME),
                        &target, &given);
  if ((problem = target_problem (lookup, given)) != NULL ||
      (problem = read_relation_type (self, row, &type)) != NULL)
    return problem;

  if (!parse_enum (SSR_TYPE_DIRECTION, cell (self, row, COLUMN_DIRECTION), SSR_DIRECTION_FORWARD,
                   &direction, &allowed))
    /* Translators: a problem of a row of a CSV file of relations: the
     * direction it gives, then the directions a file may give (in English) */
    return g_strdup_printf (_("The direction “%s” is not one of: %s."),
                            cell (self, row, COLUMN_DIRECTION), allowed);

  if (!parse_int (cell (self, row, COLUMN_STRENGTH), 1, 3, 1, &strength))
    /* Translators: a problem of a row of a CSV file of relations: the
     * strength it gives, then the lowest and the highest strength */
    return g_strdup_printf (_("The strength “%s” is not a whole number from %d to %d."),
                            cell (self, row, COLUMN_STRENGTH), 1, 3);

  if ((problem = check_id (self, id)) != NULL)
    return problem;

  if (strcmp (source, target) == 0)
    return g_strdup (_("The relation joins an actor to itself; a relation joins two actors."));

  relation = ssr_relation_new (nonempty_or_null (id));
  g_object_set (relation,
                "source", source,
                "target", target,
                "type", type,
                "direction", direction,
                "strength", strength,
                "note", nonempty_or_null (cell_text (self, row, COLUMN_NOTE)),
                NULL);

  *item = SSR_ITEM (g_steal_pointer (&relation));

  return NULL;
}

/* Extra fields are fine when empty: spreadsheets pad rows with commas. */
static char *
check_row_width (SsrCsvImport *self,
                 SsrCsvRow    *row)
{
  for (guint i = self->n_header_fields; i < row->n_fields; i++)
    {
      if (row->fields[i][0] != '\0')
        /* TRANSLATORS: the row has more fields than the first row has
         * columns, so the first number is always 2 or more */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The row has %u fields, but the first row names only %u column.",
                                             "The row has %u fields, but the first row names only %u columns.",
                                             self->n_header_fields),
                                row->n_fields, self->n_header_fields);
    }

  return NULL;
}

static void
read_row (SsrCsvImport *self,
          SsrCsvRow    *row)
{
  SsrItem *item = NULL;
  char *problem;

  problem = check_row_width (self, row);
  if (problem == NULL)
    problem = (self->item_type == SSR_TYPE_ACTOR
               ? read_actor (self, row, &item)
               : read_relation (self, row, &item));

  if (problem != NULL)
    self->n_errors++;
  else if (cell (self, row, COLUMN_ID)[0] != '\0')
    g_hash_table_insert (self->file_ids, g_strdup (cell (self, row, COLUMN_ID)),
                         GUINT_TO_POINTER (row->line));

  g_ptr_array_add (self->rows, row_new (row->line, item, problem));
}

static void
index_actor_names (SsrCsvImport *self)
{
  GListModel *actors = ssr_assessment_get_actors (self->assessment);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *name = ssr_actor_get_name (actor);
      char *folded;

      if (name == NULL || name[0] == '\0')
        continue;

      folded = g_utf8_casefold (name, -1);
      if (g_hash_table_contains (self->actor_names, folded))
        g_hash_table_insert (self->actor_names, folded, g_strdup (""));
      else
        g_hash_table_insert (self->actor_names, folded,
                             g_strdup (ssr_item_get_id (SSR_ITEM (actor))));
    }
}

/**
 * ssr_csv_import_new:
 * @assessment: the document to import into
 * @framework: (nullable): the framework @assessment follows
 * @kind: "actors" or "relations"
 * @csv: the file's contents
 * @error: return location for a #GError
 *
 * Reads and checks every row of @csv, for a preview.
 *
 * Returns: (transfer full): the import, or %NULL when the file as a whole
 *   cannot be read
 */
SsrCsvImport *
ssr_csv_import_new (SsrAssessment  *assessment,
                    SsrFramework   *framework,
                    const char     *kind,
                    GBytes         *csv,
                    GError        **error)
{
  g_autoptr(SsrCsvImport) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (framework == NULL || SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (g_strcmp0 (kind, "actors") == 0 || g_strcmp0 (kind, "relations") == 0,
                        NULL);
  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (csv, &size);
  rows = ssr_csv_parse (data, size, error);
  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_INVALID,
                   _("The file is empty; its first row must name the columns."));
      return NULL;
    }

  self = g_object_new (SSR_TYPE_CSV_IMPORT, NULL);
  self->assessment = g_object_ref (assessment);
  self->framework = framework != NULL ? g_object_ref (framework) : NULL;
  self->kind = g_strdup (kind);
  self->item_type = strcmp (kind, "actors") == 0 ? SSR_TYPE_ACTOR : SSR_TYPE_RELATION;

  if (!read_header (self, g_ptr_array_index (rows, 0), error) ||
      !check_required_columns (self, error))
    return NULL;

  if (self->item_type == SSR_TYPE_RELATION)
    index_actor_names (self);
  for (guint i = 1; i < rows->len; i++)
    read_row (self, g_ptr_array_index (rows, i));

  return g_steal_pointer (&self);
}

const char *
ssr_csv_import_get_kind (SsrCsvImport *self)
{
  g_return_val_if_fail (SSR_IS_CSV_IMPORT (self), NULL);

  return self->kind;
}

guint
ssr_csv_import_get_n_errors (SsrCsvImport *self)
{
  g_return_val_if_fail (SSR_IS_CSV_IMPORT (self), 0);

  return self->n_errors;
}

const char * const *
ssr_csv_import_get_ignored_columns (SsrCsvImport *self)
{
  g_return_val_if_fail (SSR_IS_CSV_IMPORT (self), NULL);

  return (const char * const *) self->ignored_columns;
}

/* Whether the document still takes every item as the preview found it. */
static gboolean
check_document_unchanged (SsrCsvImport  *self,
                          GError       **error)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      SsrCsvImportRow *row = g_ptr_array_index (self->rows, i);
      gboolean taken = ssr_assessment_lookup (self->assessment,
                                              ssr_item_get_id (row->item)) != NULL;
      gboolean ends_gone = FALSE;

      if (SSR_IS_RELATION (row->item))
        {
          SsrRelation *relation = SSR_RELATION (row->item);

          ends_gone = (!SSR_IS_ACTOR (ssr_assessment_lookup (self->assessment,
                                                              ssr_relation_get_source (relation))) ||
                       !SSR_IS_ACTOR (ssr_assessment_lookup (self->assessment,
                                                              ssr_relation_get_target (relation))));
        }

      if (taken || ends_gone)
        {
          g_set_error (error, SSR_ERROR, SSR_ERROR_INVALID,
                       _("Line %u: the document changed since the file was read; read "
                         "the file again. Nothing was imported."), row->line);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * ssr_csv_import_apply:
 * @self: a #SsrCsvImport
 * @error: return location for a #GError
 *
 * Adds every row's item to the document, as one undoable action.
 *
 * Returns: %TRUE when everything was imported; %FALSE, having imported
 *   nothing, otherwise
 */
gboolean
ssr_csv_import_apply (SsrCsvImport  *self,
                      GError       **error)
{
  SsrHistory *history;

  g_return_val_if_fail (SSR_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->applied)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_INVALID,
                   _("This file was imported already."));
      return FALSE;
    }

  if (self->n_errors > 0)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row has an error; correct it and read the file again. "
                                "Nothing was imported.",
                                "%u rows have an error; correct them and read the file again. "
                                "Nothing was imported.",
                                self->n_errors),
                   self->n_errors);
      return FALSE;
    }

  if (!check_document_unchanged (self, error))
    return FALSE;

  self->applied = TRUE;
  if (self->rows->len == 0)
    return TRUE;

  history = ssr_assessment_get_history (self->assessment);
  ssr_history_begin_group (history, self->item_type == SSR_TYPE_ACTOR
                                    ? _("Import Actors") : _("Import Relations"));
  for (guint i = 0; i < self->rows->len; i++)
    {
      SsrCsvImportRow *row = g_ptr_array_index (self->rows, i);

      ssr_assessment_add_item (self->assessment, row->item);
    }
  ssr_history_end_group (history);

  return TRUE;
}
