/* ssr-table-export.c: the collections of an assessment as CSV tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-table-export"

#include "config.h"

#include "ssr-table-export.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-core-enums.h"
#include "ssr-csv.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-indicator.h"
#include "ssr-organisation.h"
#include "ssr-priority.h"
#include "ssr-relation.h"

/* What one table is being written with, and the row being filled. */
typedef struct
{
  SsrAssessment *assessment;
  SsrFramework  *framework;
  gboolean       redact;
  GString       *out;
  GPtrArray     *row;
} Table;

static void
add (Table      *table,
     const char *value)
{
  g_ptr_array_add (table->row, g_strdup (value != NULL ? value : ""));
}

static void
add_take (Table *table,
          char  *value)
{
  g_ptr_array_add (table->row, value);
}

static void
add_int (Table *table,
         int    value)
{
  add_take (table, g_strdup_printf ("%d", value));
}

/* Ratings and judgements where 0 means "not judged" stay empty. */
static void
add_judgement (Table *table,
               int    value)
{
  if (value > 0)
    add_int (table, value);
  else
    add (table, "");
}

static void
add_number (Table  *table,
            double  value)
{
  char text[32];

  add (table, ssr_csv_format_number (text, sizeof text, value));
}

static void
add_boolean (Table    *table,
             gboolean  value)
{
  add (table, value ? "true" : "false");
}

static void
add_enum (Table *table,
          GType  enum_type,
          int    value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  add (table, enum_value != NULL ? enum_value->value_nick : "");
}

static const char *
term_name (Table      *table,
           const char *id)
{
  if (id == NULL || id[0] == '\0')
    return "";
  if (table->framework == NULL)
    return id;

  return ssr_framework_get_term_name (table->framework, id);
}

/* A framework term as two columns: its id and its name. */
static void
add_term (Table      *table,
          const char *id)
{
  add (table, id);
  add (table, term_name (table, id));
}

static void
add_terms (Table              *table,
           const char * const *ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (names, (char *) term_name (table, ids[i]));
  g_ptr_array_add (names, NULL);

  add_take (table, ids != NULL ? g_strjoinv ("; ", (char **) ids) : g_strdup (""));
  add_take (table, g_strjoinv ("; ", (char **) names->pdata));
}

static gboolean
is_hidden (Table      *table,
           const char *id)
{
  SsrItem *item;

  if (!table->redact || id == NULL)
    return FALSE;

  item = ssr_assessment_lookup (table->assessment, id);
  if (SSR_IS_ACTOR (item))
    return ssr_actor_get_sensitive (SSR_ACTOR (item));
  if (SSR_IS_FINDING (item))
    return ssr_finding_get_sensitive (SSR_FINDING (item));

  return FALSE;
}

/* A reference to another item as two columns: its id and its label. */
static void
add_reference (Table      *table,
               const char *id)
{
  SsrItem *item = id != NULL ? ssr_assessment_lookup (table->assessment, id) : NULL;

  add (table, id);
  add (table, item != NULL ? ssr_item_get_label (item) : "");
}

/* Several references: the ids and the labels, each joined; hidden ones left out. */
static void
add_references (Table              *table,
                const char * const *ids)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SsrItem *item;

      if (is_hidden (table, ids[i]))
        continue;

      item = ssr_assessment_lookup (table->assessment, ids[i]);
      g_ptr_array_add (shown, (char *) ids[i]);
      g_ptr_array_add (labels, (char *) (item != NULL ? ssr_item_get_label (item) : ""));
    }
  g_ptr_array_add (shown, NULL);
  g_ptr_array_add (labels, NULL);

  add_take (table, g_strjoinv ("; ", (char **) shown->pdata));
  add_take (table, g_strjoinv ("; ", (char **) labels->pdata));
}

static void
end_row (Table *table)
{
  g_ptr_array_add (table->row, NULL);
  ssr_csv_append_row (table->out, (const char * const *) table->row->pdata);
  g_ptr_array_set_size (table->row, 0);
}

static void
add_header (Table              *table,
            const char * const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    add (table, columns[i]);
}

static gboolean
contains_string (GPtrArray  *strings,
                 const char *string)
{
  return g_ptr_array_find_with_equal_func (strings, string, g_str_equal, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The rating scales of the framework, then any other one an actor is rated on. */
static GPtrArray *
collect_rating_scales (Table *table)
{
  GListModel *actors = ssr_assessment_get_actors (table->assessment);
  GListModel *scales = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  if (table->framework != NULL)
    scales = ssr_framework_get_list (table->framework, "rating-scales");
  for (guint i = 0; scales != NULL && i < g_list_model_get_n_items (scales); i++)
    {
      g_autoptr(SsrTerm) scale = g_list_model_get_item (scales, i);

      g_ptr_array_add (result, g_strdup (ssr_term_get_id (scale)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      GVariantIter iter;
      const char *scale;

      g_variant_iter_init (&iter, ssr_actor_get_ratings (actor));
      while (g_variant_iter_next (&iter, "{&si}", &scale, NULL))
        {
          if (!contains_string (result, scale) && !contains_string (others, scale))
            g_ptr_array_add (others, g_strdup (scale));
        }
    }

  g_ptr_array_sort (others, compare_strings);
  g_ptr_array_extend_and_steal (result, g_steal_pointer (&others));

  return result;
}

static void
write_actors (Table *table)
{
  static const char * const first_columns[] = {
    "id", "name", "category", "category_name", "kind", "kind_name",
    "stance", "influence", "interest", NULL
  };
  static const char * const last_columns[] = {
    "x", "y", "sensitive", "description", "evidence", NULL
  };
  g_autoptr(GPtrArray) scales = collect_rating_scales (table);
  GListModel *actors = ssr_assessment_get_actors (table->assessment);

  add_header (table, first_columns);
  for (guint i = 0; i < scales->len; i++)
    add_take (table, g_strconcat ("rating_", (char *) scales->pdata[i], NULL));
  add_header (table, last_columns);
  end_row (table);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);

      if (table->redact && ssr_actor_get_sensitive (actor))
        continue;

      add (table, ssr_item_get_id (SSR_ITEM (actor)));
      add (table, ssr_actor_get_name (actor));
      add_term (table, ssr_actor_get_category (actor));
      add_term (table, ssr_actor_get_kind (actor));
      add_enum (table, SSR_TYPE_STANCE, ssr_actor_get_stance (actor));
      add_judgement (table, ssr_actor_get_influence (actor));
      add_judgement (table, ssr_actor_get_interest (actor));
      for (guint j = 0; j < scales->len; j++)
        add_judgement (table, ssr_actor_get_rating (actor, scales->pdata[j]));
      if (ssr_actor_get_positioned (actor))
        {
          add_number (table, ssr_actor_get_x (actor));
          add_number (table, ssr_actor_get_y (actor));
        }
      else
        {
          add (table, "");
          add (table, "");
        }
      add_boolean (table, ssr_actor_get_sensitive (actor));
      add (table, ssr_actor_get_description (actor));
      add (table, ssr_actor_get_evidence (actor));
      end_row (table);
    }
}

static void
write_relations (Table *table)
{
  static const char * const columns[] = {
    "id", "source_id", "source_name", "target_id", "target_name",
    "type", "type_name", "direction", "strength", "note", NULL
  };
  GListModel *relations = ssr_assessment_get_relations (table->assessment);

  add_header (table, columns);
  end_row (table);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      const char *source = ssr_relation_get_source (relation);
      const char *target = ssr_relation_get_target (relation);

      if (is_hidden (table, source) || is_hidden (table, target))
        continue;

      add (table, ssr_item_get_id (SSR_ITEM (relation)));
      add_reference (table, source);
      add_reference (table, target);
      add_term (table, ssr_relation_get_relation_type (relation));
      add_enum (table, SSR_TYPE_DIRECTION, ssr_relation_get_direction (relation));
      add_int (table, ssr_relation_get_strength (relation));
      add (table, ssr_relation_get_note (relation));
      end_row (table);
    }
}

static void
write_organisations (Table *table)
{
  static const char * const columns[] = {
    "id", "name", "acronym", "kind", "kind_name", "areas", "area_names",
    "description", NULL
  };
  GListModel *organisations = ssr_assessment_get_organisations (table->assessment);

  add_header (table, columns);
  end_row (table);

  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(SsrOrganisation) organisation = g_list_model_get_item (organisations, i);

      add (table, ssr_item_get_id (SSR_ITEM (organisation)));
      add (table, ssr_organisation_get_name (organisation));
      add (table, ssr_organisation_get_acronym (organisation));
      add_term (table, ssr_organisation_get_kind (organisation));
      add_terms (table, ssr_organisation_get_areas (organisation));
      add (table, ssr_organisation_get_description (organisation));
      end_row (table);
    }
}

static void
write_findings (Table *table)
{
  static const char * const columns[] = {
    "id", "kind", "title", "step", "step_name", "dimension", "dimension_name",
    "actor_ids", "actor_names", "evidence", "sensitive", NULL
  };
  GListModel *findings = ssr_assessment_get_findings (table->assessment);

  add_header (table, columns);
  end_row (table);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(SsrFinding) finding = g_list_model_get_item (findings, i);

      if (table->redact && ssr_finding_get_sensitive (finding))
        continue;

      add (table, ssr_item_get_id (SSR_ITEM (finding)));
      add_enum (table, SSR_TYPE_FINDING_KIND, ssr_finding_get_kind (finding));
      add (table, ssr_finding_get_title (finding));
      add_term (table, ssr_finding_get_step (finding));
      add_term (table, ssr_finding_get_dimension (finding));
      add_references (table, ssr_finding_get_actors (finding));
      add (table, ssr_finding_get_evidence (finding));
      add_boolean (table, ssr_finding_get_sensitive (finding));
      end_row (table);
    }
}

static void
write_priorities (Table *table)
{
  static const char * const columns[] = {
    "sequence", "id", "objective", "timeframe", "timeframe_name", "owner",
    "finding_ids", "finding_titles", "description", NULL
  };
  GListModel *priorities = ssr_assessment_get_priorities (table->assessment);

  add_header (table, columns);
  end_row (table);

  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    {
      g_autoptr(SsrPriority) priority = g_list_model_get_item (priorities, i);

      add_int (table, (int) i + 1);
      add (table, ssr_item_get_id (SSR_ITEM (priority)));
      add (table, ssr_priority_get_objective (priority));
      add_term (table, ssr_priority_get_timeframe (priority));
      add (table, ssr_priority_get_owner (priority));
      add_references (table, ssr_priority_get_findings (priority));
      add (table, ssr_priority_get_description (priority));
      end_row (table);
    }
}

/* "2026-09-30: 26.5 (note); …", oldest first. */
static char *
format_measurements (GVariant *measurements)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GVariantIter iter;
  const char *date;
  const char *note;
  double value;

  g_variant_iter_init (&iter, measurements);
  while (g_variant_iter_next (&iter, "(&sd&s)", &date, &value, &note))
    {
      char number[32];

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s", date,
                              ssr_csv_format_number (number, sizeof number, value));
      if (note != NULL && note[0] != '\0')
        g_string_append_printf (text, " (%s)", note);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
write_indicators (Table *table)
{
  static const char * const columns[] = {
    "id", "name", "kind", "kind_name", "unit", "baseline", "baseline_date",
    "target", "target_date", "latest_value", "latest_date", "measurements",
    "source", "owner", "priority_id", "priority_objective", NULL
  };
  GListModel *indicators = ssr_assessment_get_indicators (table->assessment);

  add_header (table, columns);
  end_row (table);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(SsrIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GEnumClass) kinds = g_type_class_ref (SSR_TYPE_INDICATOR_KIND);
      GEnumValue *kind = g_enum_get_value (kinds, ssr_indicator_get_kind (indicator));
      const char *latest_date = NULL;
      double latest_value = 0;

      add (table, ssr_item_get_id (SSR_ITEM (indicator)));
      add (table, ssr_indicator_get_name (indicator));
      add_term (table, kind != NULL ? kind->value_nick : NULL);
      add (table, ssr_indicator_get_unit (indicator));
      add_number (table, ssr_indicator_get_baseline (indicator));
      add (table, ssr_indicator_get_baseline_date (indicator));
      add_number (table, ssr_indicator_get_target (indicator));
      add (table, ssr_indicator_get_target_date (indicator));
      if (ssr_indicator_get_latest (indicator, &latest_date, &latest_value))
        {
          add_number (table, latest_value);
          add (table, latest_date);
        }
      else
        {
          add (table, "");
          add (table, "");
        }
      add_take (table, format_measurements (ssr_indicator_get_measurements (indicator)));
      add (table, ssr_indicator_get_source (indicator));
      add (table, ssr_indicator_get_owner (indicator));
      add_reference (table, ssr_indicator_get_priority (indicator));
      end_row (table);
    }
}

typedef struct
{
  const char *name;
  void      (*write) (Table *table);
} TableKind;

static const TableKind table_kinds[] = {
  { "actors", write_actors },
  { "relations", write_relations },
  { "organisations", write_organisations },
  { "findings", write_findings },
  { "priorities", write_priorities },
  { "indicators", write_indicators },
};

static const char * const table_names[] = {
  "actors", "relations", "organisations", "findings", "priorities", "indicators", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (table_names) == G_N_ELEMENTS (table_kinds) + 1);

/**
 * ssr_table_export_get_tables:
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the tables
 */
const char * const *
ssr_table_export_get_tables (void)
{
  return table_names;
}

/**
 * ssr_table_export_csv:
 * @assessment: a #SsrAssessment
 * @framework: (nullable): the framework @assessment follows
 * @table: the name of a table, as ssr_table_export_get_tables() lists them
 * @redact: whether to leave out what is marked sensitive
 * @out: where the CSV text is appended
 * @error: return location for a #GError
 *
 * Writes one collection of @assessment as a CSV table.
 *
 * Returns: %TRUE, or %FALSE with @error set when @table is unknown
 */
gboolean
ssr_table_export_csv (SsrAssessment  *assessment,
                      SsrFramework   *framework,
                      const char     *table,
                      gboolean        redact,
                      GString        *out,
                      GError        **error)
{
  g_autoptr(GPtrArray) row = NULL;
  g_autofree char *known = NULL;
  Table state;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (framework == NULL || SSR_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (table_kinds); i++)
    {
      if (strcmp (table_kinds[i].name, table) != 0)
        continue;

      row = g_ptr_array_new_with_free_func (g_free);
      state = (Table) { assessment, framework, redact, out, row };
      table_kinds[i].write (&state);
      return TRUE;
    }

  known = g_strjoinv (", ", (char **) table_names);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no table “%s”; the tables are: %s."), table, known);

  return FALSE;
}
