/* ssr-item-fields.c: what the item page shows and edits, per item type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-item-fields"

#include "config.h"

#include "ssr-item-fields.h"

#include <glib/gi18n-lib.h>

#include "ssr-actor.h"
#include "ssr-core-enums.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-team-member.h"

#define COLUMNS(c) (c), G_N_ELEMENTS (c)
#define FIELDS(f)  (f), G_N_ELEMENTS (f)

/* Actors */

static const char * const actor_search[] = { "name", "category", "kind", "description", "evidence", NULL };

static const SsrColumnInfo actor_columns[] = {
  { "name", N_("Name"), SSR_COLUMN_TEXT, 28, TRUE },
  { "category", N_("Category"), SSR_COLUMN_TERM, 18, FALSE },
  { "kind", N_("Kind"), SSR_COLUMN_TERM, 18, FALSE },
  { "stance", N_("Stance"), SSR_COLUMN_BADGE, 10, FALSE },
};

static const SsrFieldInfo actor_fields[] = {
  { "name", N_("_Name"), SSR_FIELD_TEXT },
  { "category", N_("_Category"), SSR_FIELD_TERM, .list = "actor-categories", .allow_none = TRUE },
  { "kind", N_("_Kind"), SSR_FIELD_TERM, .list = "kinds", .depends_on = "category",
    .depends_list = "actor-categories", .allow_none = TRUE },
  { "stance", N_("_Stance"), SSR_FIELD_ENUM },
  { "influence", N_("_Influence"), SSR_FIELD_INT, .min = 0, .max = 5, .subtitle = N_("0: not judged") },
  { "interest", N_("In_terest"), SSR_FIELD_INT, .min = 0, .max = 5, .subtitle = N_("0: not judged") },
  { "sensitive", N_("Sensiti_ve"), SSR_FIELD_BOOLEAN, .subtitle = N_("Left out of redacted reports") },
  { "description", N_("Description"), SSR_FIELD_MULTILINE },
  { "ratings", N_("Ratings"), SSR_FIELD_RATINGS, .list = "rating-scales" },
  { "evidence", N_("Evidence"), SSR_FIELD_MULTILINE },
};

/* Relations */

static const char * const relation_search[] = { "source", "target", "type", "note", NULL };

static const SsrColumnInfo relation_columns[] = {
  { "source", N_("From"), SSR_COLUMN_REF, 24, TRUE },
  { "type", N_("Relation"), SSR_COLUMN_TERM, 14, FALSE },
  { "target", N_("To"), SSR_COLUMN_REF, 24, TRUE },
  /* Translators: the strength of a relation between two actors, from 1 (weak) to 3 (strong) */
  { "strength", NC_("relation", "Strength"), SSR_COLUMN_NUMBER, 9, FALSE, "relation" },
};

static const SsrFieldInfo relation_fields[] = {
  { "source", N_("_From"), SSR_FIELD_REF, .ref_types = { ssr_actor_get_type } },
  { "type", N_("_Relation"), SSR_FIELD_TERM, .list = "relation-types", .allow_none = TRUE },
  { "target", N_("_To"), SSR_FIELD_REF, .ref_types = { ssr_actor_get_type } },
  { "direction", N_("_Direction"), SSR_FIELD_ENUM },
  /* Translators: the strength of a relation between two actors, from 1 (weak) to 3 (strong) */
  { "strength", N_("_Strength"), SSR_FIELD_INT, .min = 1, .max = 3, .subtitle = N_("1: weak, 3: strong") },
  { "note", N_("Note"), SSR_FIELD_MULTILINE },
};

/* Organisations */

static const char * const organisation_search[] = { "name", "acronym", "kind", "description", NULL };

static const SsrColumnInfo organisation_columns[] = {
  { "name", N_("Name"), SSR_COLUMN_TEXT, 28, TRUE },
  { "acronym", N_("Acronym"), SSR_COLUMN_TEXT, 10, FALSE },
  { "kind", N_("Kind"), SSR_COLUMN_TERM, 20, FALSE },
};

static const SsrFieldInfo organisation_fields[] = {
  { "name", N_("_Name"), SSR_FIELD_TEXT },
  { "acronym", N_("_Acronym"), SSR_FIELD_TEXT },
  { "kind", N_("_Kind"), SSR_FIELD_TERM, .list = "organisation-kinds", .allow_none = TRUE },
  { "areas", N_("SSR areas"), SSR_FIELD_TERMS, .list = "ssr-areas" },
  { "description", N_("Description"), SSR_FIELD_MULTILINE },
};

/* Coordination mechanisms */

static const char * const mechanism_search[] = { "name", "type", "lead", "notes", NULL };

static const SsrColumnInfo mechanism_columns[] = {
  { "name", N_("Name"), SSR_COLUMN_TEXT, 28, TRUE },
  { "type", N_("Type"), SSR_COLUMN_TERM, 18, FALSE },
  { "lead", N_("Lead"), SSR_COLUMN_REF, 22, FALSE },
};

static const SsrFieldInfo mechanism_fields[] = {
  { "name", N_("_Name"), SSR_FIELD_TEXT },
  { "type", N_("_Type"), SSR_FIELD_TERM, .list = "mechanism-types", .allow_none = TRUE },
  { "lead", N_("_Lead"), SSR_FIELD_REF, .ref_types = { ssr_organisation_get_type, ssr_actor_get_type },
    .allow_none = TRUE },
  { "members", N_("Members"), SSR_FIELD_REFS, .ref_types = { ssr_organisation_get_type, ssr_actor_get_type } },
  { "notes", N_("Notes"), SSR_FIELD_MULTILINE },
};

/* Findings */

static const char * const finding_search[] = { "title", "step", "dimension", "evidence", NULL };

static const SsrColumnInfo finding_columns[] = {
  { "title", N_("Finding"), SSR_COLUMN_TEXT, 32, TRUE },
  { "kind", N_("Kind"), SSR_COLUMN_BADGE, 13, FALSE },
  { "dimension", N_("Dimension"), SSR_COLUMN_TERM, 13, FALSE },
  { "sensitive", N_("Sensitive"), SSR_COLUMN_BADGE, 10, FALSE },
};

static const SsrFieldInfo finding_fields[] = {
  { "title", N_("_Title"), SSR_FIELD_TEXT },
  { "kind", N_("_Kind"), SSR_FIELD_ENUM },
  { "step", N_("_Step"), SSR_FIELD_TERM, .list = "steps", .allow_none = TRUE },
  { "dimension", N_("_Dimension"), SSR_FIELD_TERM, .list = "dimensions", .allow_none = TRUE },
  { "sensitive", N_("Sensiti_ve"), SSR_FIELD_BOOLEAN, .subtitle = N_("Left out of redacted reports") },
  { "evidence", N_("Evidence"), SSR_FIELD_MULTILINE },
  { "actors", N_("Actors"), SSR_FIELD_REFS, .ref_types = { ssr_actor_get_type } },
};

/* Priorities */

static const char * const priority_search[] = { "objective", "owner", "timeframe", "description", NULL };

static const SsrColumnInfo priority_columns[] = {
  { NULL, N_("#"), SSR_COLUMN_SEQUENCE, 4, FALSE },
  { "objective", N_("Objective"), SSR_COLUMN_TEXT, 32, TRUE },
  { "timeframe", N_("Timeframe"), SSR_COLUMN_TERM, 13, FALSE },
  { "owner", N_("Owner"), SSR_COLUMN_TEXT, 20, FALSE },
};

static const SsrFieldInfo priority_fields[] = {
  { "objective", N_("_Objective"), SSR_FIELD_TEXT },
  { "timeframe", N_("_Timeframe"), SSR_FIELD_TERM, .list = "timeframes", .allow_none = TRUE },
  { "owner", N_("O_wner"), SSR_FIELD_TEXT },
  { "description", N_("Description"), SSR_FIELD_MULTILINE },
  { "findings", N_("Findings addressed"), SSR_FIELD_REFS, .ref_types = { ssr_finding_get_type } },
};

/* Indicators */

static const char * const indicator_search[] = { "name", "unit", "source", "owner", "priority", NULL };

static const SsrColumnInfo indicator_columns[] = {
  { "name", N_("Indicator"), SSR_COLUMN_TEXT, 32, TRUE },
  { "kind", N_("Kind"), SSR_COLUMN_ENUM, 10, FALSE },
  { "baseline", N_("Baseline"), SSR_COLUMN_NUMBER, 9, FALSE },
  { "target", N_("Target"), SSR_COLUMN_NUMBER, 8, FALSE },
  { "unit", N_("Unit"), SSR_COLUMN_TEXT, 13, FALSE },
};

static const SsrFieldInfo indicator_fields[] = {
  { "name", N_("_Name"), SSR_FIELD_TEXT },
  { "kind", N_("_Kind"), SSR_FIELD_ENUM },
  { "unit", N_("_Unit"), SSR_FIELD_TEXT },
  { "baseline", N_("_Baseline"), SSR_FIELD_DOUBLE, .min = -1e12, .max = 1e12 },
  { "baseline-date", N_("Baseline _date"), SSR_FIELD_DATE },
  { "target", N_("T_arget"), SSR_FIELD_DOUBLE, .min = -1e12, .max = 1e12 },
  { "target-date", N_("Target da_te"), SSR_FIELD_DATE },
  { "source", N_("_Source of data"), SSR_FIELD_TEXT },
  { "owner", N_("O_wner"), SSR_FIELD_TEXT },
  { "priority", N_("_Priority"), SSR_FIELD_REF, .ref_types = { ssr_priority_get_type }, .allow_none = TRUE },
  { "measurements", N_("Measurements"), SSR_FIELD_MEASUREMENTS },
};

/* Principle checks */

static const char * const principle_search[] = { "principle", "note", NULL };

static const SsrColumnInfo principle_columns[] = {
  { "principle", N_("Principle"), SSR_COLUMN_TERM, 32, TRUE },
  { "rating", N_("Rating"), SSR_COLUMN_NUMBER, 8, FALSE },
};

static const SsrFieldInfo principle_fields[] = {
  { "principle", N_("_Principle"), SSR_FIELD_TERM, .list = "principles usg-principles" },
  { "rating", N_("_Rating"), SSR_FIELD_INT, .min = 0, .max = 5, .subtitle = N_("0: not rated, 5: fully met") },
  { "note", N_("Note"), SSR_FIELD_MULTILINE },
};

/* Team members */

static const char * const team_search[] = { "name", "agency", "role", NULL };

static const SsrColumnInfo team_columns[] = {
  { "name", N_("Name"), SSR_COLUMN_TEXT, 22, TRUE },
  { "agency", N_("Agency"), SSR_COLUMN_TEXT, 22, FALSE },
  { "role", N_("Role"), SSR_COLUMN_TEXT, 18, FALSE },
};

static const SsrFieldInfo team_fields[] = {
  { "name", N_("_Name"), SSR_FIELD_TEXT },
  { "agency", N_("_Agency"), SSR_FIELD_TEXT },
  { "role", N_("_Role"), SSR_FIELD_TEXT },
};

static const SsrItemFields item_fields[] = {
  {
    ssr_actor_get_type, N_("Actors"), N_("New actor"), "name",
    N_("No actors yet"), N_("Add the people and bodies that provide, manage or oversee security and justice."),
    FALSE, actor_search,
    { "category", N_("All categories"), "actor-categories", NULL },
    COLUMNS (actor_columns), FIELDS (actor_fields),
  },
  {
    ssr_relation_get_type, N_("Relations"), NULL, "type",
    N_("No relations yet"), N_("Record who commands, funds, oversees or works with whom."),
    FALSE, relation_search,
    { "type", N_("All relations"), "relation-types", NULL },
    COLUMNS (relation_columns), FIELDS (relation_fields),
  },
  {
    ssr_organisation_get_type, N_("Organisations"), N_("New organisation"), "name",
    N_("No organisations yet"), N_("Add the donors, missions and agencies that support the reform."),
    FALSE, organisation_search,
    { "kind", N_("All kinds"), "organisation-kinds", NULL },
    COLUMNS (organisation_columns), FIELDS (organisation_fields),
  },
  {
    ssr_mechanism_get_type, N_("Mechanisms"), N_("New mechanism"), "name",
    N_("No coordination mechanisms yet"), N_("Add the boards, working groups and forums through which partners coordinate."),
    FALSE, mechanism_search,
    { "type", N_("All types"), "mechanism-types", NULL },
    COLUMNS (mechanism_columns), FIELDS (mechanism_fields),
  },
  {
    ssr_finding_get_type, N_("Findings"), N_("New finding"), "title",
    N_("No findings yet"), N_("Record strengths, weaknesses, gaps, needs and risks as the assessment goes."),
    FALSE, finding_search,
    { "kind", N_("All kinds"), NULL, ssr_finding_kind_get_type },
    COLUMNS (finding_columns), FIELDS (finding_fields),
  },
  {
    ssr_priority_get_type, N_("Priorities"), N_("New priority"), "objective",
    N_("No priorities yet"), N_("Set the reform objectives in the order they should be pursued."),
    TRUE, priority_search,
    { "timeframe", N_("All timeframes"), "timeframes", NULL },
    COLUMNS (priority_columns), FIELDS (priority_fields),
  },
  {
    ssr_indicator_get_type, N_("Indicators"), N_("New indicator"), "name",
    N_("No indicators yet"), N_("Define how progress will be measured: baseline, target and measurements."),
    FALSE, indicator_search,
    { "kind", N_("All kinds"), NULL, ssr_indicator_kind_get_type },
    COLUMNS (indicator_columns), FIELDS (indicator_fields),
  },
  {
    ssr_principle_check_get_type, N_("Principles"), NULL, "principle",
    N_("No principle checks yet"), N_("Check the programme against the principles of good SSR."),
    FALSE, principle_search,
    { NULL },
    COLUMNS (principle_columns), FIELDS (principle_fields),
  },
  {
    ssr_team_member_get_type, N_("Team"), N_("New team member"), "name",
    N_("No team members yet"), N_("Add the people taking part in the assessment."),
    FALSE, team_search,
    { NULL },
    COLUMNS (team_columns), FIELDS (team_fields),
  },
};

/**
 * ssr_item_fields_lookup:
 * @item_type: a subtype of #SsrItem
 *
 * Returns: (nullable): the description of the page for @item_type
 */
const SsrItemFields *
ssr_item_fields_lookup (GType item_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_fields); i++)
    {
      if (item_fields[i].item_type () == item_type)
        return &item_fields[i];
    }

  return NULL;
}

/**
 * ssr_item_fields_format_count:
 * @fields: a page description
 * @n_shown: the number of items shown
 * @n_total: the number of items in the collection
 *
 * Returns: (transfer full): "12 of 45 actors", or "45 actors"
 */
char *
ssr_item_fields_format_count (const SsrItemFields *fields,
                              guint                n_shown,
                              guint                n_total)
{
  GType type;
  g_autofree char *items = NULL;

  g_return_val_if_fail (fields != NULL, NULL);

  type = fields->item_type ();

  /* Each pair spelled out so that translators see both forms. */
  if (type == SSR_TYPE_ACTOR)
    items = g_strdup_printf (ngettext ("%u actor", "%u actors", n_total), n_total);
  else if (type == SSR_TYPE_RELATION)
    items = g_strdup_printf (ngettext ("%u relation", "%u relations", n_total), n_total);
  else if (type == SSR_TYPE_ORGANISATION)
    items = g_strdup_printf (ngettext ("%u organisation", "%u organisations", n_total), n_total);
  else if (type == SSR_TYPE_MECHANISM)
    items = g_strdup_printf (ngettext ("%u mechanism", "%u mechanisms", n_total), n_total);
  else if (type == SSR_TYPE_FINDING)
    items = g_strdup_printf (ngettext ("%u finding", "%u findings", n_total), n_total);
  else if (type == SSR_TYPE_PRIORITY)
    items = g_strdup_printf (ngettext ("%u priority", "%u priorities", n_total), n_total);
  else if (type == SSR_TYPE_INDICATOR)
    items = g_strdup_printf (ngettext ("%u indicator", "%u indicators", n_total), n_total);
  else if (type == SSR_TYPE_PRINCIPLE_CHECK)
    items = g_strdup_printf (ngettext ("%u principle check", "%u principle checks", n_total), n_total);
  else
    items = g_strdup_printf (ngettext ("%u team member", "%u team members", n_total), n_total);

  if (n_shown == n_total)
    return g_steal_pointer (&items);

  /* TRANSLATORS: "12 of 45 actors": shown items, then "45 actors" */
  return g_strdup_printf (_("%u of %s"), n_shown, items);
}

/**
 * ssr_item_fields_format_deleted:
 * @fields: the description of the deleted item's type
 * @label: what the deleted item was called
 * @n_relations: the relations deleted with it
 * @n_changed: the other items that lost a reference to it
 *
 * Returns: (transfer full): "Actor “X” deleted, with 3 relations"
 */
char *
ssr_item_fields_format_deleted (const SsrItemFields *fields,
                                const char          *label,
                                guint                n_relations,
                                guint                n_changed)
{
  g_autoptr(GString) message = g_string_new (NULL);
  GType type;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  type = fields->item_type ();

  if (type == SSR_TYPE_ACTOR)
    g_string_printf (message, _("Actor “%s” deleted"), label);
  else if (type == SSR_TYPE_RELATION)
    g_string_printf (message, _("Relation “%s” deleted"), label);
  else if (type == SSR_TYPE_ORGANISATION)
    g_string_printf (message, _("Organisation “%s” deleted"), label);
  else if (type == SSR_TYPE_MECHANISM)
    g_string_printf (message, _("Mechanism “%s” deleted"), label);
  else if (type == SSR_TYPE_FINDING)
    g_string_printf (message, _("Finding “%s” deleted"), label);
  else if (type == SSR_TYPE_PRIORITY)
    g_string_printf (message, _("Priority “%s” deleted"), label);
  else if (type == SSR_TYPE_INDICATOR)
    g_string_printf (message, _("Indicator “%s” deleted"), label);
  else if (type == SSR_TYPE_PRINCIPLE_CHECK)
    g_string_printf (message, _("Principle check “%s” deleted"), label);
  else
    g_string_printf (message, _("Team member “%s” removed"), label);

  if (n_relations > 0)
    /* TRANSLATORS: follows "Actor “X” deleted" */
    g_string_append_printf (message, ngettext (", with %u relation", ", with %u relations", n_relations),
                            n_relations);
  if (n_changed > 0)
    /* TRANSLATORS: follows "Actor “X” deleted"; the items that referred to it */
    g_string_append_printf (message, ngettext ("; %u item updated", "; %u items updated", n_changed),
                            n_changed);

  return g_string_free (g_steal_pointer (&message), FALSE);
}

/**
 * ssr_item_fields_get_enum_label:
 * @enum_type: an enum type of the model
 * @value: one of its values
 *
 * Returns: the translated label of @value
 */
const char *
ssr_item_fields_get_enum_label (GType enum_type,
                                int   value)
{
  if (enum_type == SSR_TYPE_STANCE)
    {
      switch ((SsrStance)value)
        {
        case SSR_STANCE_UNKNOWN: return C_("stance", "Unknown");
        case SSR_STANCE_CHAMPION: return C_("stance", "Champion");
        case SSR_STANCE_NEUTRAL: return C_("stance", "Neutral");
        case SSR_STANCE_SPOILER: return C_("stance", "Spoiler");
        default: break;
        }
    }
  else if (enum_type == SSR_TYPE_FINDING_KIND)
    {
      switch ((SsrFindingKind)value)
        {
        case SSR_FINDING_STRENGTH: return C_("finding", "Strength");
        case SSR_FINDING_WEAKNESS: return C_("finding", "Weakness");
        case SSR_FINDING_OPPORTUNITY: return C_("finding", "Opportunity");
        case SSR_FINDING_THREAT: return C_("finding", "Threat");
        case SSR_FINDING_GAP: return C_("finding", "Gap");
        case SSR_FINDING_NEED: return C_("finding", "Need");
        case SSR_FINDING_RISK: return C_("finding", "Risk");
        default: break;
        }
    }
  else if (enum_type == SSR_TYPE_INDICATOR_KIND)
    {
      switch ((SsrIndicatorKind)value)
        {
        case SSR_INDICATOR_SUPPLY: return C_("indicator", "Supply");
        case SSR_INDICATOR_PROCESS: return C_("indicator", "Process");
        case SSR_INDICATOR_OUTPUT: return C_("indicator", "Output");
        case SSR_INDICATOR_OUTCOME: return C_("indicator", "Outcome");
        default: break;
        }
    }
  else if (enum_type == SSR_TYPE_DIRECTION)
    {
      switch ((SsrDirection)value)
        {
        case SSR_DIRECTION_FORWARD: return C_("direction", "One way");
        case SSR_DIRECTION_MUTUAL: return C_("direction", "Both ways");
        default: break;
        }
    }
  else if (enum_type == SSR_TYPE_STEP_STATUS)
    {
      switch ((SsrStepStatus)value)
        {
        case SSR_STEP_NOT_STARTED: return C_("step", "Not started");
        case SSR_STEP_IN_PROGRESS: return C_("step", "In progress");
        case SSR_STEP_DONE: return C_("step", "Done");
        default: break;
        }
    }

  return "";
}

static const SsrFieldInfo *
find_field (const SsrItemFields *fields,
            const char          *property)
{
  for (guint i = 0; i < fields->n_fields; i++)
    {
      if (g_strcmp0 (fields->fields[i].property, property) == 0)
        return &fields->fields[i];
    }

  return NULL;
}

static char *
format_number (const GValue *value)
{
  if (G_VALUE_HOLDS_INT (value))
    {
      int number = g_value_get_int (value);

      /* 0 means "not judged" for the 0..5 scales: shown as nothing */
      return number != 0 ? g_strdup_printf ("%d", number) : g_strdup ("");
    }
  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_strdup_printf ("%g", g_value_get_double (value));

  return g_strdup ("");
}

static char *
format_ref (SsrAssessment *document,
            const char    *id)
{
  SsrItem *item;
  const char *label;

  if (id == NULL)
    return g_strdup ("");

  item = ssr_assessment_lookup (document, id);
  if (item == NULL)
    return g_strdup (id);

  label = ssr_item_get_label (item);
  return g_strdup (label != NULL ? label : id);
}

static char *
format_property (SsrItem       *item,
                 const char    *property,
                 SsrColumnKind  kind,
                 SsrAssessment *document,
                 SsrFramework  *framework)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_return_val_if_fail (pspec != NULL, g_strdup (""));

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (item), property, &value);

  if (G_VALUE_HOLDS_ENUM (&value))
    return g_strdup (ssr_item_fields_get_enum_label (pspec->value_type, g_value_get_enum (&value)));

  if (kind == SSR_COLUMN_NUMBER)
    return format_number (&value);

  if (G_VALUE_HOLDS_STRING (&value))
    {
      const char *string = g_value_get_string (&value);

      if (string == NULL)
        return g_strdup ("");
      if (kind == SSR_COLUMN_TERM && framework != NULL)
        return g_strdup (ssr_framework_get_term_name (framework, string));
      if (kind == SSR_COLUMN_REF && document != NULL)
        return format_ref (document, string);
      return g_strdup (string);
    }

  return g_strdup ("");
}

const char *
ssr_column_info_get_title (const SsrColumnInfo *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  if (column->title_context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, column->title_context, column->title);

  return _(column->title);
}

/**
 * ssr_item_fields_format_column:
 * @column: a column description
 * @item: the item of the row
 * @document: the document holding @item
 * @framework: (nullable): the document's framework
 *
 * Returns: (transfer full): the text of the cell
 */
char *
ssr_item_fields_format_column (const SsrColumnInfo *column,
                               SsrItem             *item,
                               SsrAssessment       *document,
                               SsrFramework        *framework)
{
  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (SSR_IS_ITEM (item), NULL);

  if (column->kind == SSR_COLUMN_SEQUENCE)
    {
      GListModel *collection = ssr_assessment_get_collection (document, G_OBJECT_TYPE (item));
      guint position;

      if (collection != NULL && g_list_store_find (G_LIST_STORE (collection), item, &position))
        return g_strdup_printf ("%u", position + 1);
      return g_strdup ("");
    }

  if (column->kind == SSR_COLUMN_BADGE)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), column->property);

      /* a boolean badge shows the column's title when set */
      if (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN)
        {
          gboolean set = FALSE;

          g_object_get (item, column->property, &set, NULL);
          return g_strdup (set ? ssr_column_info_get_title (column) : "");
        }
    }

  return format_property (item, column->property, column->kind, document, framework);
}

/**
 * ssr_item_fields_get_display_label:
 * @fields: the description of the item's type
 * @item: an item
 * @document: the document holding @item
 * @framework: (nullable): the document's framework
 *
 * Returns: (transfer full): the item's label, term names resolved
 */
char *
ssr_item_fields_get_display_label (const SsrItemFields *fields,
                                   SsrItem             *item,
                                   SsrAssessment       *document,
                                   SsrFramework        *framework)
{
  const SsrFieldInfo *field;
  const char *label;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (SSR_IS_ITEM (item), NULL);

  /* a relation is known by the actors it joins */
  if (SSR_IS_RELATION (item))
    {
      g_autofree char *source = format_ref (document, ssr_relation_get_source (SSR_RELATION (item)));
      g_autofree char *target = format_ref (document, ssr_relation_get_target (SSR_RELATION (item)));

      /* TRANSLATORS: a relation between two actors, by their names */
      return g_strdup_printf (_("%s → %s"), source, target);
    }

  label = ssr_item_get_label (item);
  if (label == NULL || *label == '\0')
    return g_strdup (_("Untitled"));

  field = find_field (fields, fields->label_property);
  if (field != NULL && field->kind == SSR_FIELD_TERM && framework != NULL)
    return g_strdup (ssr_framework_get_term_name (framework, label));

  return g_strdup (label);
}

/**
 * ssr_item_fields_get_search_text:
 * @fields: the description of the item's type
 * @item: an item
 * @document: the document holding @item
 * @framework: (nullable): the document's framework
 *
 * Returns: (transfer full): the searched text, case-folded
 */
char *
ssr_item_fields_get_search_text (const SsrItemFields *fields,
                                 SsrItem             *item,
                                 SsrAssessment       *document,
                                 SsrFramework        *framework)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (SSR_IS_ITEM (item), NULL);

  for (guint i = 0; fields->search_properties[i] != NULL; i++)
    {
      const char *property = fields->search_properties[i];
      const SsrFieldInfo *field = find_field (fields, property);
      SsrColumnKind kind = SSR_COLUMN_TEXT;
      g_autofree char *part = NULL;

      if (field != NULL && field->kind == SSR_FIELD_TERM)
        kind = SSR_COLUMN_TERM;
      else if (field != NULL && field->kind == SSR_FIELD_REF)
        kind = SSR_COLUMN_REF;

      part = format_property (item, property, kind, document, framework);
      g_string_append (text, part);
      g_string_append_c (text, '\n');
    }

  return g_utf8_casefold (text->str, -1);
}
