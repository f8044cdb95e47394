/* ssr-graphml.c: the actors and relations of an assessment as a GraphML graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-graphml"

#include "config.h"

#include "ssr-graphml.h"

#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-core-enums.h"
#include "ssr-csv.h"
#include "ssr-framework.h"
#include "ssr-relation.h"

/*
 * Written by hand rather than with libxml2, which only the .ssra reader
 * and writer use: the output is flat, and escaping is all it needs.
 */

typedef struct
{
  const char *id;
  const char *domain;
  const char *name;
  const char *type;
} Key;

static const Key keys[] = {
  { "node_label", "node", "label", "string" },
  { "name", "node", "name", "string" },
  { "category", "node", "category", "string" },
  { "category_name", "node", "category_name", "string" },
  { "kind", "node", "kind", "string" },
  { "kind_name", "node", "kind_name", "string" },
  { "stance", "node", "stance", "string" },
  { "x", "node", "x", "double" },
  { "y", "node", "y", "double" },
  { "edge_label", "edge", "label", "string" },
  { "type", "edge", "type", "string" },
  { "type_name", "edge", "type_name", "string" },
  { "direction", "edge", "direction", "string" },
  { "strength", "edge", "strength", "int" },
};

/*
 * Escapes @text for element content and attribute values. Characters that
 * XML 1.0 cannot carry at all (most control characters) are left out; CR
 * is written as a reference so that it survives line-end normalisation.
 */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        case '\t':
        case '\n':
          g_string_append_c (out, (char) c);
          break;
        default:
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

static void
append_data (GString    *out,
             const char *key,
             const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  g_string_append_printf (out, "      <data key=\"%s\">", key);
  append_escaped (out, value);
  g_string_append (out, "</data>\n");
}

static void
append_number (GString    *out,
               const char *key,
               double      value)
{
  char text[32];

  append_data (out, key, ssr_csv_format_number (text, sizeof text, value));
}

static const char *
term_name (SsrFramework *framework,
           const char   *id)
{
  if (id == NULL || framework == NULL)
    return id;

  return ssr_framework_get_term_name (framework, id);
}

static const char *
enum_nick (GType enum_type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* The classes of static enum types, and so their nicks, are never freed. */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static void
append_header (GString       *out,
               SsrAssessment *assessment)
{
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"" SSR_GRAPHML_NAMESPACE "\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"" SSR_GRAPHML_NAMESPACE " "
                   SSR_GRAPHML_NAMESPACE "/1.0/graphml.xsd\">\n");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_string_append_printf (out,
                            "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                            keys[i].id, keys[i].domain, keys[i].name, keys[i].type);

  g_string_append (out, "  <graph id=\"actors-and-relations\" edgedefault=\"directed\">\n");
  if (ssr_assessment_get_title (assessment) != NULL)
    {
      g_string_append (out, "    <desc>");
      append_escaped (out, ssr_assessment_get_title (assessment));
      g_string_append (out, "</desc>\n");
    }
}

static void
append_node (GString      *out,
             SsrActor     *actor,
             SsrFramework *framework,
             GHashTable   *positions)
{
  const double *position = NULL;
  double own[2];

  if (ssr_actor_get_positioned (actor))
    {
      own[0] = ssr_actor_get_x (actor);
      own[1] = ssr_actor_get_y (actor);
      position = own;
    }
  else if (positions != NULL)
    {
      position = g_hash_table_lookup (positions, ssr_item_get_id (SSR_ITEM (actor)));
    }

  g_string_append (out, "    <node id=\"");
  append_escaped (out, ssr_item_get_id (SSR_ITEM (actor)));
  g_string_append (out, "\">\n");
  append_data (out, "node_label", ssr_actor_get_name (actor));
  append_data (out, "name", ssr_actor_get_name (actor));
  append_data (out, "category", ssr_actor_get_category (actor));
  append_data (out, "category_name", term_name (framework, ssr_actor_get_category (actor)));
  append_data (out, "kind", ssr_actor_get_kind (actor));
  append_data (out, "kind_name", term_name (framework, ssr_actor_get_kind (actor)));
  append_data (out, "stance", enum_nick (SSR_TYPE_STANCE, ssr_actor_get_stance (actor)));
  if (position != NULL)
    {
      append_number (out, "x", position[0]);
      append_number (out, "y", position[1]);
    }
  g_string_append (out, "    </node>\n");
}

static void
append_edge (GString      *out,
             SsrRelation  *relation,
             SsrFramework *framework)
{
  SsrDirection direction = ssr_relation_get_direction (relation);
  const char *type = ssr_relation_get_relation_type (relation);
  char strength[16];

  g_string_append (out, "    <edge id=\"");
  append_escaped (out, ssr_item_get_id (SSR_ITEM (relation)));
  g_string_append (out, "\" source=\"");
  append_escaped (out, ssr_relation_get_source (relation));
  g_string_append (out, "\" target=\"");
  append_escaped (out, ssr_relation_get_target (relation));
  g_string_append (out, "\">\n");
  append_data (out, "edge_label", term_name (framework, type));
  append_data (out, "type", type);
  append_data (out, "type_name", term_name (framework, type));
  append_data (out, "direction", enum_nick (SSR_TYPE_DIRECTION, direction));
  g_snprintf (strength, sizeof strength, "%d", ssr_relation_get_strength (relation));
  append_data (out, "strength", strength);
  g_string_append (out, "    </edge>\n");
}

/**
 * ssr_graphml_write:
 * @assessment: a #SsrAssessment
 * @framework: (nullable): the framework @assessment follows
 * @positions: (nullable) (element-type utf8 gpointer): actor id → double[2]
 * @redact: whether to leave sensitive actors and their relations out
 *
 * Writes the actors and relations of @assessment as GraphML.
 *
 * Returns: (transfer full): the GraphML document, UTF-8
 */
GBytes *
ssr_graphml_write (SsrAssessment *assessment,
                   SsrFramework  *framework,
                   GHashTable    *positions,
                   gboolean       redact)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *actors;
  GListModel *relations;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (framework == NULL || SSR_IS_FRAMEWORK (framework), NULL);

  actors = ssr_assessment_get_actors (assessment);
  relations = ssr_assessment_get_relations (assessment);

  append_header (out, assessment);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);

      if (redact && ssr_actor_get_sensitive (actor))
        continue;

      append_node (out, actor, framework, positions);
      g_hash_table_add (written, (char *) ssr_item_get_id (SSR_ITEM (actor)));
    }

  /* An edge needs both its ends: those of hidden actors (and any that
   * point nowhere) stay out. */
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      const char *source = ssr_relation_get_source (relation);
      const char *target = ssr_relation_get_target (relation);

      if (source == NULL || target == NULL ||
          !g_hash_table_contains (written, source) ||
          !g_hash_table_contains (written, target))
        continue;

      append_edge (out, relation, framework);
    }

  g_string_append (out, "  </graph>\n</graphml>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
