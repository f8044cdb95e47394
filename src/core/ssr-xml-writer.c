/* ssr-xml-writer.c: writes an assessment as an .ssra file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-xml-writer"

#include "config.h"

#include "ssr-xml.h"

#include <math.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "ssr-actor.h"
#include "ssr-assessment-private.h"
#include "ssr-core-enums.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-step-record.h"
#include "ssr-team-member.h"

/*
 * The output is deterministic: attributes in the order of
 * docs/file-format.md, items in list order, every section even when
 * empty, numbers in their shortest exact form. The same model gives the
 * same bytes, so saving an unchanged document changes nothing.
 */

#define INDENT "  "

/* The nesting level of an item element: assessment > section > item. */
#define ITEM_LEVEL 2

typedef struct
{
  xmlTextWriter *writer;
  xmlBuffer     *buffer;
} Writer;

typedef void (*ItemWriter) (Writer  *w,
                            SsrItem *item);

/*
 * Text the model holds may contain what XML cannot carry: invalid UTF-8,
 * control characters, U+FFFE, U+FFFF. They are left out so that a saved
 * file always opens again.
 */
static char *
xml_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *safe = g_string_sized_new (strlen (valid));
  const char *p;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_unichar (safe, c);
    }

  return g_string_free (safe, FALSE);
}

/* Omitted when NULL or empty. */
static void
write_attribute (Writer     *w,
                 const char *name,
                 const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  safe = xml_safe (value);
  xmlTextWriterWriteAttribute (w->writer, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
write_integer_attribute (Writer     *w,
                         const char *name,
                         int         value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", value);
  write_attribute (w, name, text);
}

/*
 * The shortest decimal that reads back as exactly @value: "9.35", where
 * g_ascii_dtostr() would write "9.3499999999999996". Files stay readable
 * and diff well, and a round trip still changes no bit.
 */
static const char *
format_number (char   *text,
               gsize   size,
               double  value)
{
  for (int precision = 15; precision < 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (text, size, format, value);
      if (g_ascii_strtod (text, NULL) == value)
        return text;
    }

  return g_ascii_formatd (text, size, "%.17g", value);
}

/* Omitted when not finite: the format has no infinity and no NaN. */
static void
write_number_attribute (Writer     *w,
                        const char *name,
                        double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;

  write_attribute (w, name, format_number (text, sizeof text, value));
}

static void
write_enum_attribute (Writer     *w,
                      const char *name,
                      GType       enum_type,
                      int         value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  if (enum_value != NULL)
    write_attribute (w, name, enum_value->value_nick);
}

/* Omitted when NULL or empty. */
static void
write_text_element (Writer     *w,
                    const char *name,
                    const char *text)
{
  g_autofree char *safe = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  safe = xml_safe (text);
  xmlTextWriterWriteElement (w->writer, (const xmlChar *) name, (const xmlChar *) safe);
}

/* <member ref="…"/>, one per id */
static void
write_reference_elements (Writer             *w,
                          const char         *name,
                          const char * const *ids)
{
  guint i;

  for (i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (ids[i][0] == '\0')
        continue;

      xmlTextWriterStartElement (w->writer, (const xmlChar *) name);
      write_attribute (w, "ref", ids[i]);
      xmlTextWriterEndElement (w->writer);
    }
}

static void
write_foreign_attributes (Writer     *w,
                          SsrForeign *foreign)
{
  guint n = foreign != NULL ? _ssr_foreign_get_n_attributes (foreign) : 0;
  guint i;

  for (i = 0; i < n; i++)
    {
      const SsrForeignAttribute *attribute = _ssr_foreign_get_attribute (foreign, i);
      const char *colon = strchr (attribute->name, ':');

      /*
       * A prefixed attribute declares its namespace on this element; the
       * xml prefix needs no declaration. An attribute without prefix
       * cannot be in a namespace.
       */
      if (attribute->ns_uri != NULL && colon != NULL &&
          !g_str_has_prefix (attribute->name, "xml:"))
        {
          g_autofree char *prefix = g_strndup (attribute->name, colon - attribute->name);

          xmlTextWriterWriteAttributeNS (w->writer,
                                         (const xmlChar *) prefix,
                                         (const xmlChar *) colon + 1,
                                         (const xmlChar *) attribute->ns_uri,
                                         (const xmlChar *) attribute->value);
        }
      else
        {
          xmlTextWriterWriteAttribute (w->writer,
                                       (const xmlChar *) attribute->name,
                                       (const xmlChar *) attribute->value);
        }
    }
}

/*
 * Foreign elements are written as they were read, after the known
 * children, each on a line of its own at the indentation of a child of
 * the element at @level.
 */
static void
write_foreign_elements (Writer     *w,
                        SsrForeign *foreign,
                        guint       level)
{
  guint n = foreign != NULL ? _ssr_foreign_get_n_elements (foreign) : 0;
  g_autofree char *child_indent = NULL;
  g_autofree char *end_indent = NULL;
  guint i;

  if (n == 0)
    return;

  child_indent = g_strnfill ((level + 1) * strlen (INDENT), ' ');
  end_indent = g_strnfill (level * strlen (INDENT), ' ');

  /* After a known child the writer has ended the line; after a start tag, not. */
  xmlTextWriterFlush (w->writer);
  if (xmlBufferLength (w->buffer) == 0 ||
      xmlBufferContent (w->buffer)[xmlBufferLength (w->buffer) - 1] != '\n')
    xmlTextWriterWriteRaw (w->writer, (const xmlChar *) "\n");

  for (i = 0; i < n; i++)
    {
      xmlTextWriterWriteRaw (w->writer, (const xmlChar *) child_indent);
      xmlTextWriterWriteRaw (w->writer, (const xmlChar *) _ssr_foreign_get_element (foreign, i));
      xmlTextWriterWriteRaw (w->writer, (const xmlChar *) "\n");
    }

  xmlTextWriterWriteRaw (w->writer, (const xmlChar *) end_indent);
}

static void
start_item (Writer     *w,
            const char *element,
            SsrItem    *item)
{
  xmlTextWriterStartElement (w->writer, (const xmlChar *) element);
  write_attribute (w, "id", ssr_item_get_id (item));
}

/* Foreign attributes come after the known ones. */
static void
end_item_attributes (Writer  *w,
                     SsrItem *item)
{
  write_foreign_attributes (w, _ssr_item_peek_foreign (item));
}

static void
end_item (Writer  *w,
          SsrItem *item)
{
  write_foreign_elements (w, _ssr_item_peek_foreign (item), ITEM_LEVEL);
  xmlTextWriterEndElement (w->writer);
}

static void
write_team_member (Writer  *w,
                   SsrItem *item)
{
  SsrTeamMember *member = SSR_TEAM_MEMBER (item);

  start_item (w, "team-member", item);
  write_attribute (w, "name", ssr_team_member_get_name (member));
  write_attribute (w, "agency", ssr_team_member_get_agency (member));
  write_attribute (w, "role", ssr_team_member_get_role (member));
  end_item_attributes (w, item);
  end_item (w, item);
}

static void
write_step_record (Writer  *w,
                   SsrItem *item)
{
  SsrStepRecord *record = SSR_STEP_RECORD (item);

  start_item (w, "step-record", item);
  write_attribute (w, "step", ssr_step_record_get_step (record));
  write_enum_attribute (w, "status", SSR_TYPE_STEP_STATUS, ssr_step_record_get_status (record));
  end_item_attributes (w, item);
  write_reference_elements (w, "task", ssr_step_record_get_tasks_done (record));
  write_text_element (w, "notes", ssr_step_record_get_notes (record));
  end_item (w, item);
}

static int
compare_ratings (gconstpointer a,
                 gconstpointer b)
{
  const char *scale_a = NULL;
  const char *scale_b = NULL;

  g_variant_get_child (*(GVariant * const *) a, 0, "&s", &scale_a);
  g_variant_get_child (*(GVariant * const *) b, 0, "&s", &scale_b);

  return strcmp (scale_a, scale_b);
}

/* Sorted by scale: the order of a dictionary is not something to rely on. */
static void
write_ratings (Writer   *w,
               GVariant *ratings)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  gsize n = ratings != NULL ? g_variant_n_children (ratings) : 0;
  gsize i;

  for (i = 0; i < n; i++)
    g_ptr_array_add (entries, g_variant_get_child_value (ratings, i));
  g_ptr_array_sort (entries, compare_ratings);

  for (i = 0; i < entries->len; i++)
    {
      const char *scale;
      gint32 value;

      g_variant_get (g_ptr_array_index (entries, i), "{&si}", &scale, &value);
      xmlTextWriterStartElement (w->writer, (const xmlChar *) "rating");
      write_attribute (w, "scale", scale);
      write_integer_attribute (w, "value", value);
      xmlTextWriterEndElement (w->writer);
    }
}

static void
write_actor (Writer  *w,
             SsrItem *item)
{
  SsrActor *actor = SSR_ACTOR (item);

  start_item (w, "actor", item);
  write_attribute (w, "name", ssr_actor_get_name (actor));
  write_attribute (w, "category", ssr_actor_get_category (actor));
  write_attribute (w, "kind", ssr_actor_get_kind (actor));
  write_enum_attribute (w, "stance", SSR_TYPE_STANCE, ssr_actor_get_stance (actor));
  write_integer_attribute (w, "influence", ssr_actor_get_influence (actor));
  write_integer_attribute (w, "interest", ssr_actor_get_interest (actor));
  if (ssr_actor_get_positioned (actor) &&
      isfinite (ssr_actor_get_x (actor)) && isfinite (ssr_actor_get_y (actor)))
    {
      write_number_attribute (w, "x", ssr_actor_get_x (actor));
      write_number_attribute (w, "y", ssr_actor_get_y (actor));
    }
  if (ssr_actor_get_sensitive (actor))
    write_attribute (w, "sensitive", "true");
  end_item_attributes (w, item);
  write_text_element (w, "description", ssr_actor_get_description (actor));
  write_ratings (w, ssr_actor_get_ratings (actor));
  write_text_element (w, "evidence", ssr_actor_get_evidence (actor));
  end_item (w, item);
}

static void
write_relation (Writer  *w,
                SsrItem *item)
{
  SsrRelation *relation = SSR_RELATION (item);

  start_item (w, "relation", item);
  write_attribute (w, "source", ssr_relation_get_source (relation));
  write_attribute (w, "target", ssr_relation_get_target (relation));
  write_attribute (w, "type", ssr_relation_get_relation_type (relation));
  write_enum_attribute (w, "direction", SSR_TYPE_DIRECTION, ssr_relation_get_direction (relation));
  write_integer_attribute (w, "strength", ssr_relation_get_strength (relation));
  end_item_attributes (w, item);
  write_text_element (w, "note", ssr_relation_get_note (relation));
  end_item (w, item);
}

static void
write_organisation (Writer  *w,
                    SsrItem *item)
{
  SsrOrganisation *organisation = SSR_ORGANISATION (item);

  start_item (w, "organisation", item);
  write_attribute (w, "name", ssr_organisation_get_name (organisation));
  write_attribute (w, "acronym", ssr_organisation_get_acronym (organisation));
  write_attribute (w, "kind", ssr_organisation_get_kind (organisation));
  end_item_attributes (w, item);
  write_text_element (w, "description", ssr_organisation_get_description (organisation));
  write_reference_elements (w, "area", ssr_organisation_get_areas (organisation));
  end_item (w, item);
}

static void
write_mechanism (Writer  *w,
                 SsrItem *item)
{
  SsrMechanism *mechanism = SSR_MECHANISM (item);

  start_item (w, "mechanism", item);
  write_attribute (w, "name", ssr_mechanism_get_name (mechanism));
  write_attribute (w, "type", ssr_mechanism_get_mechanism_type (mechanism));
  write_attribute (w, "lead", ssr_mechanism_get_lead (mechanism));
  end_item_attributes (w, item);
  write_reference_elements (w, "member", ssr_mechanism_get_members (mechanism));
  write_text_element (w, "notes", ssr_mechanism_get_notes (mechanism));
  end_item (w, item);
}

static void
write_finding (Writer  *w,
               SsrItem *item)
{
  SsrFinding *finding = SSR_FINDING (item);

  start_item (w, "finding", item);
  write_enum_attribute (w, "kind", SSR_TYPE_FINDING_KIND, ssr_finding_get_kind (finding));
  write_attribute (w, "step", ssr_finding_get_step (finding));
  write_attribute (w, "dimension", ssr_finding_get_dimension (finding));
  if (ssr_finding_get_sensitive (finding))
    write_attribute (w, "sensitive", "true");
  end_item_attributes (w, item);
  write_text_element (w, "title", ssr_finding_get_title (finding));
  write_reference_elements (w, "actor", ssr_finding_get_actors (finding));
  write_text_element (w, "evidence", ssr_finding_get_evidence (finding));
  end_item (w, item);
}

static void
write_priority (Writer  *w,
                SsrItem *item)
{
  SsrPriority *priority = SSR_PRIORITY (item);

  start_item (w, "priority", item);
  write_attribute (w, "timeframe", ssr_priority_get_timeframe (priority));
  write_attribute (w, "owner", ssr_priority_get_owner (priority));
  end_item_attributes (w, item);
  write_text_element (w, "objective", ssr_priority_get_objective (priority));
  write_text_element (w, "description", ssr_priority_get_description (priority));
  write_reference_elements (w, "finding", ssr_priority_get_findings (priority));
  end_item (w, item);
}

static void
write_measurements (Writer   *w,
                    GVariant *measurements)
{
  gsize n = measurements != NULL ? g_variant_n_children (measurements) : 0;
  gsize i;

  for (i = 0; i < n; i++)
    {
      const char *date;
      const char *note;
      double value;

      g_variant_get_child (measurements, i, "(&sd&s)", &date, &value, &note);
      xmlTextWriterStartElement (w->writer, (const xmlChar *) "measurement");
      write_attribute (w, "date", date);
      write_number_attribute (w, "value", value);
      if (note[0] != '\0')
        {
          g_autofree char *safe = xml_safe (note);

          xmlTextWriterWriteString (w->writer, (const xmlChar *) safe);
        }
      xmlTextWriterEndElement (w->writer);
    }
}

static void
write_indicator (Writer  *w,
                 SsrItem *item)
{
  SsrIndicator *indicator = SSR_INDICATOR (item);

  start_item (w, "indicator", item);
  write_attribute (w, "name", ssr_indicator_get_name (indicator));
  write_enum_attribute (w, "kind", SSR_TYPE_INDICATOR_KIND, ssr_indicator_get_kind (indicator));
  write_attribute (w, "unit", ssr_indicator_get_unit (indicator));
  write_number_attribute (w, "baseline", ssr_indicator_get_baseline (indicator));
  write_attribute (w, "baseline-date", ssr_indicator_get_baseline_date (indicator));
  write_number_attribute (w, "target", ssr_indicator_get_target (indicator));
  write_attribute (w, "target-date", ssr_indicator_get_target_date (indicator));
  write_attribute (w, "source", ssr_indicator_get_source (indicator));
  write_attribute (w, "owner", ssr_indicator_get_owner (indicator));
  write_attribute (w, "priority", ssr_indicator_get_priority (indicator));
  end_item_attributes (w, item);
  write_measurements (w, ssr_indicator_get_measurements (indicator));
  end_item (w, item);
}

static void
write_principle_check (Writer  *w,
                       SsrItem *item)
{
  SsrPrincipleCheck *check = SSR_PRINCIPLE_CHECK (item);

  start_item (w, "principle-check", item);
  write_attribute (w, "principle", ssr_principle_check_get_principle (check));
  write_integer_attribute (w, "rating", ssr_principle_check_get_rating (check));
  end_item_attributes (w, item);
  write_text_element (w, "note", ssr_principle_check_get_note (check));
  end_item (w, item);
}

static void
write_meta (Writer        *w,
            SsrAssessment *assessment)
{
  SsrForeign *foreign = _ssr_assessment_peek_foreign (assessment, "meta");

  xmlTextWriterStartElement (w->writer, (const xmlChar *) "meta");
  write_foreign_attributes (w, foreign);
  write_text_element (w, "title", ssr_assessment_get_title (assessment));
  write_text_element (w, "country", ssr_assessment_get_country (assessment));
  write_text_element (w, "context-type", ssr_assessment_get_context_type (assessment));
  write_text_element (w, "classification", ssr_assessment_get_classification (assessment));
  write_text_element (w, "start-date", ssr_assessment_get_start_date (assessment));
  write_text_element (w, "end-date", ssr_assessment_get_end_date (assessment));
  write_text_element (w, "context", ssr_assessment_get_context (assessment));
  write_foreign_elements (w, foreign, 1);
  xmlTextWriterEndElement (w->writer);
}

static void
write_section (Writer        *w,
               SsrAssessment *assessment,
               const char    *element,
               GListModel    *items,
               ItemWriter     write_item)
{
  SsrForeign *foreign = _ssr_assessment_peek_foreign (assessment, element);
  guint n = g_list_model_get_n_items (items);
  guint i;

  xmlTextWriterStartElement (w->writer, (const xmlChar *) element);
  write_foreign_attributes (w, foreign);

  for (i = 0; i < n; i++)
    {
      g_autoptr(SsrItem) item = g_list_model_get_item (items, i);

      write_item (w, item);
    }

  write_foreign_elements (w, foreign, 1);
  xmlTextWriterEndElement (w->writer);
}

static void
write_assessment (Writer        *w,
                  SsrAssessment *assessment)
{
  SsrForeign *foreign = _ssr_assessment_peek_foreign (assessment, "assessment");

  xmlTextWriterStartDocument (w->writer, NULL, "UTF-8", NULL);

  /* Declared as a plain attribute, so that it comes first. */
  xmlTextWriterStartElement (w->writer, (const xmlChar *) "assessment");
  write_attribute (w, "xmlns", SSR_NAMESPACE);
  write_integer_attribute (w, "format-version", SSR_FORMAT_VERSION);
  write_attribute (w, "framework", ssr_assessment_get_framework (assessment));
  write_foreign_attributes (w, foreign);

  write_meta (w, assessment);
  write_section (w, assessment, "team",
                 ssr_assessment_get_team (assessment), write_team_member);
  write_section (w, assessment, "steps",
                 ssr_assessment_get_steps (assessment), write_step_record);
  write_section (w, assessment, "actors",
                 ssr_assessment_get_actors (assessment), write_actor);
  write_section (w, assessment, "relations",
                 ssr_assessment_get_relations (assessment), write_relation);
  write_section (w, assessment, "organisations",
                 ssr_assessment_get_organisations (assessment), write_organisation);
  write_section (w, assessment, "mechanisms",
                 ssr_assessment_get_mechanisms (assessment), write_mechanism);
  write_section (w, assessment, "findings",
                 ssr_assessment_get_findings (assessment), write_finding);
  write_section (w, assessment, "priorities",
                 ssr_assessment_get_priorities (assessment), write_priority);
  write_section (w, assessment, "indicators",
                 ssr_assessment_get_indicators (assessment), write_indicator);
  write_section (w, assessment, "principles",
                 ssr_assessment_get_principles (assessment), write_principle_check);

  write_foreign_elements (w, foreign, 0);
  xmlTextWriterEndElement (w->writer);
  xmlTextWriterEndDocument (w->writer);
}

GBytes *
ssr_xml_write (SsrAssessment *assessment)
{
  static gsize initialized = 0;
  GBytes *bytes;
  Writer w;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), NULL);

  /* Saves run in worker threads; libxml2 must be set up exactly once. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  w.buffer = xmlBufferCreate ();
  w.writer = xmlNewTextWriterMemory (w.buffer, 0);
  xmlTextWriterSetIndent (w.writer, 1);
  xmlTextWriterSetIndentString (w.writer, (const xmlChar *) INDENT);

  write_assessment (&w, assessment);

  /* Freeing the writer flushes it into the buffer. */
  xmlFreeTextWriter (w.writer);
  bytes = g_bytes_new (xmlBufferContent (w.buffer), xmlBufferLength (w.buffer));
  xmlBufferFree (w.buffer);

  return bytes;
}
