/* test-graphml.c: the GraphML export, parsed back with libxml2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-graphml"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-core-enums.h"
#include "ssr-framework.h"
#include "ssr-graphml.h"
#include "ssr-relation.h"
#include "ssr-test-util.h"

/* What a node or an edge says: attr.name → value, and its XML attributes. */
typedef struct
{
  GHashTable *data;
  GHashTable *attributes;
} Element;

static void
element_free (Element *element)
{
  g_hash_table_unref (element->data);
  g_hash_table_unref (element->attributes);
  g_free (element);
}

/* A GraphML document read back: element id → Element, for nodes and edges. */
typedef struct
{
  GHashTable *nodes;
  GHashTable *edges;
  /* In file order. */
  GPtrArray  *node_ids;
  GPtrArray  *edge_ids;
  char       *description;
} Graph;

static void
graph_free (Graph *graph)
{
  g_hash_table_unref (graph->nodes);
  g_hash_table_unref (graph->edges);
  g_ptr_array_unref (graph->node_ids);
  g_ptr_array_unref (graph->edge_ids);
  g_free (graph->description);
  g_free (graph);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Graph, graph_free)

static char *
get_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
is_graphml (xmlNode    *node,
            const char *name)
{
  return (node->type == XML_ELEMENT_NODE &&
          node->ns != NULL &&
          strcmp ((const char *) node->ns->href, SSR_GRAPHML_NAMESPACE) == 0 &&
          strcmp ((const char *) node->name, name) == 0);
}

/* Reads a node or an edge, its <data> named through the keys. */
static Element *
read_element (xmlNode    *node,
              GHashTable *key_names)
{
  Element *element = g_new0 (Element, 1);

  element->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  element->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    g_hash_table_insert (element->attributes,
                         g_strdup ((const char *) attribute->name),
                         get_prop (node, (const char *) attribute->name));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *key = NULL;
      const char *name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      g_assert_true (is_graphml (child, "data"));

      key = get_prop (child, "key");
      name = g_hash_table_lookup (key_names, key);
      if (name == NULL)
        g_error ("<data> refers to the undeclared key “%s”", key);
      g_assert_false (g_hash_table_contains (element->data, name));
      g_hash_table_insert (element->data, g_strdup (name), get_content (child));
    }

  return element;
}

/* "node:name" → key id, checking every key is declared once with its type. */
static void
read_key (xmlNode    *node,
          GHashTable *key_names,
          GHashTable *key_types)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *domain = get_prop (node, "for");
  g_autofree char *name = get_prop (node, "attr.name");
  g_autofree char *type = get_prop (node, "attr.type");

  g_assert_nonnull (id);
  g_assert_nonnull (name);
  g_assert_nonnull (type);
  g_assert_true (g_strcmp0 (domain, "node") == 0 || g_strcmp0 (domain, "edge") == 0);
  g_assert_false (g_hash_table_contains (key_names, id));

  g_hash_table_insert (key_types, g_strconcat (domain, ":", name, NULL), g_strdup (type));
  g_hash_table_insert (key_names, g_steal_pointer (&id), g_steal_pointer (&name));
}

static Graph *
parse_graphml (GBytes     *bytes,
               GHashTable *key_types)
{
  g_autoptr(GHashTable) key_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Graph *graph = g_new0 (Graph, 1);
  xmlDoc *doc;
  xmlNode *root;
  xmlNode *graph_node = NULL;

  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                       "export.graphml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_true (is_graphml (root, "graphml"));

  graph->nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) element_free);
  graph->edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) element_free);
  graph->node_ids = g_ptr_array_new_with_free_func (g_free);
  graph->edge_ids = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_graphml (child, "key"))
        read_key (child, key_names, key_types);
      else if (is_graphml (child, "graph"))
        graph_node = child;
    }
  g_assert_nonnull (graph_node);

  for (xmlNode *child = graph_node->children; child != NULL; child = child->next)
    {
      GHashTable *table = NULL;
      GPtrArray *ids = NULL;
      char *id;

      if (is_graphml (child, "desc"))
        {
          graph->description = get_content (child);
          continue;
        }
      if (is_graphml (child, "node"))
        {
          table = graph->nodes;
          ids = graph->node_ids;
        }
      else if (is_graphml (child, "edge"))
        {
          table = graph->edges;
          ids = graph->edge_ids;
        }
      else
        {
          g_assert_true (child->type != XML_ELEMENT_NODE);
          continue;
        }

      id = get_prop (child, "id");
      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (table, id));
      g_hash_table_insert (table, g_strdup (id), read_element (child, key_names));
      g_ptr_array_add (ids, id);
    }

  xmlFreeDoc (doc);

  return graph;
}

static SsrFramework *
get_framework (void)
{
  g_autoptr(GError) error = NULL;
  SsrFramework *framework = ssr_framework_get_builtin (SSR_DEFAULT_FRAMEWORK, &error);

  g_assert_no_error (error);
  return framework;
}

static const char *
nick (GType enum_type,
      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  return g_enum_get_value (klass, value)->value_nick;
}

static void
assert_number (Element    *element,
               const char *name,
               double      expected)
{
  const char *text = g_hash_table_lookup (element->data, name);

  g_assert_nonnull (text);
  g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, expected);
}

static void
test_sample_round_trip (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_test_load_example ();
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) key_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Graph) graph = NULL;
  GListModel *actors = ssr_assessment_get_actors (assessment);
  GListModel *relations = ssr_assessment_get_relations (assessment);
  const char * const double_keys[] = { "node:x", "node:y" };

  g_assert_cmpuint (g_list_model_get_n_items (actors), >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (relations), >, 10);

  /* Positions such as a layout gives, distinct for every actor. */
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      double *xy = g_new (double, 2);

      xy[0] = 10.25 * i - 300;
      xy[1] = 1.0 / (i + 3);
      g_hash_table_insert (positions, (char *) ssr_item_get_id (SSR_ITEM (actor)), xy);
    }

  bytes = ssr_graphml_write (assessment, framework, positions, FALSE);
  graph = parse_graphml (bytes, key_types);

  for (guint i = 0; i < G_N_ELEMENTS (double_keys); i++)
    g_assert_cmpstr (g_hash_table_lookup (key_types, double_keys[i]), ==, "double");
  g_assert_cmpstr (g_hash_table_lookup (key_types, "edge:strength"), ==, "int");
  g_assert_cmpstr (graph->description, ==, ssr_assessment_get_title (assessment));

  g_assert_cmpuint (graph->node_ids->len, ==, g_list_model_get_n_items (actors));
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SsrActor) actor = g_list_model_get_item (actors, i);
      const char *id = ssr_item_get_id (SSR_ITEM (actor));
      Element *node = g_hash_table_lookup (graph->nodes, id);
      const double *xy = g_hash_table_lookup (positions, id);

      g_assert_nonnull (node);
      g_assert_cmpstr (g_ptr_array_index (graph->node_ids, i), ==, id);
      g_assert_cmpstr (g_hash_table_lookup (node->data, "name"), ==, ssr_actor_get_name (actor));
      g_assert_cmpstr (g_hash_table_lookup (node->data, "label"), ==, ssr_actor_get_name (actor));
      g_assert_cmpstr (g_hash_table_lookup (node->data, "category"), ==,
                       ssr_actor_get_category (actor));
      g_assert_cmpstr (g_hash_table_lookup (node->data, "category_name"), ==,
                       ssr_framework_get_term_name (framework, ssr_actor_get_category (actor)));
      g_assert_cmpstr (g_hash_table_lookup (node->data, "kind"), ==, ssr_actor_get_kind (actor));
      g_assert_cmpstr (g_hash_table_lookup (node->data, "stance"), ==,
                       nick (SSR_TYPE_STANCE, ssr_actor_get_stance (actor)));
      g_assert_false (ssr_actor_get_positioned (actor));
      assert_number (node, "x", xy[0]);
      assert_number (node, "y", xy[1]);
    }

  g_assert_cmpuint (graph->edge_ids->len, ==, g_list_model_get_n_items (relations));
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SsrRelation) relation = g_list_model_get_item (relations, i);
      Element *edge = g_hash_table_lookup (graph->edges, ssr_item_get_id (SSR_ITEM (relation)));
      SsrDirection direction = ssr_relation_get_direction (relation);
      g_autofree char *strength = g_strdup_printf ("%d", ssr_relation_get_strength (relation));

      g_assert_nonnull (edge);
      g_assert_cmpstr (g_hash_table_lookup (edge->attributes, "source"), ==,
                       ssr_relation_get_source (relation));
      g_assert_cmpstr (g_hash_table_lookup (edge->attributes, "target"), ==,
                       ssr_relation_get_target (relation));
      /* One kind of edge only: tools refuse graphs that mix directed and undirected edges. */
      g_assert_false (g_hash_table_contains (edge->attributes, "directed"));
      g_assert_cmpstr (g_hash_table_lookup (edge->data, "type"), ==,
                       ssr_relation_get_relation_type (relation));
      g_assert_cmpstr (g_hash_table_lookup (edge->data, "type_name"), ==,
                       ssr_framework_get_term_name (framework,
                                                    ssr_relation_get_relation_type (relation)));
      g_assert_cmpstr (g_hash_table_lookup (edge->data, "direction"), ==,
                       nick (SSR_TYPE_DIRECTION, direction));
      g_assert_cmpstr (g_hash_table_lookup (edge->data, "strength"), ==, strength);
    }
}

static SsrActor *
add_actor (SsrAssessment *assessment,
           const char    *name,
           const char    *category,
           gboolean       sensitive)
{
  return ssr_test_append (assessment,
                          g_object_new (SSR_TYPE_ACTOR,
                                        "name", name,
                                        "category", category,
                                        "sensitive", sensitive,
                                        NULL));
}

static SsrRelation *
add_relation (SsrAssessment *assessment,
              SsrActor      *source,
              SsrActor      *target,
              const char    *type,
              SsrDirection   direction)
{
  return ssr_test_append (assessment,
                          g_object_new (SSR_TYPE_RELATION,
                                        "source", ssr_item_get_id (SSR_ITEM (source)),
                                        "target", ssr_item_get_id (SSR_ITEM (target)),
                                        "type", type,
                                        "direction", direction,
                                        "strength", 2,
                                        NULL));
}

static const char *
node_value (Graph      *graph,
            SsrActor   *actor,
            const char *name)
{
  Element *node = g_hash_table_lookup (graph->nodes, ssr_item_get_id (SSR_ITEM (actor)));

  g_assert_nonnull (node);
  return g_hash_table_lookup (node->data, name);
}

static void
test_special_characters (void)
{
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(GHashTable) key_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Graph) graph = NULL;
  g_autofree char *text = NULL;
  SsrActor *markup;
  SsrActor *lines;
  SsrActor *control;

  ssr_assessment_set (assessment, assessment, "title", "Tom & Jerry's <\"assessment\">", NULL);
  markup = add_actor (assessment, "<b>Police</b> & \"Gendarmerie\" 'R'", "core-security", FALSE);
  lines = add_actor (assessment, "two\nlines\r\nand CR\rtab\there ]]> é 中", "civil-society", FALSE);
  control = add_actor (assessment, "bell\a and nul-less \x01 controls", "made-up & <category>", FALSE);
  add_relation (assessment, markup, lines, "type with <&>", SSR_DIRECTION_MUTUAL);

  /* No framework: term ids stand for their names. No positions: no x, y. */
  bytes = ssr_graphml_write (assessment, NULL, NULL, FALSE);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strchr (text, '\a'));
  g_assert_null (strchr (text, '\x01'));

  graph = parse_graphml (bytes, key_types);
  g_assert_cmpstr (graph->description, ==, "Tom & Jerry's <\"assessment\">");
  g_assert_cmpstr (node_value (graph, markup, "name"), ==,
                   "<b>Police</b> & \"Gendarmerie\" 'R'");
  g_assert_cmpstr (node_value (graph, lines, "name"), ==,
                   "two\nlines\r\nand CR\rtab\there ]]> é 中");
  /* XML 1.0 cannot carry these control characters at all. */
  g_assert_cmpstr (node_value (graph, control, "name"), ==, "bell and nul-less  controls");
  g_assert_cmpstr (node_value (graph, control, "category"), ==, "made-up & <category>");
  g_assert_cmpstr (node_value (graph, control, "category_name"), ==, "made-up & <category>");
  g_assert_null (node_value (graph, control, "x"));
  g_assert_null (node_value (graph, control, "kind"));
  g_assert_cmpuint (graph->edge_ids->len, ==, 1);
}

static void
test_positions (void)
{
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) key_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Graph) graph = NULL;
  double laid_out[2] = { 1e-7, -2.5e6 };
  double ignored[2] = { 99, 99 };
  SsrActor *placed;
  SsrActor *free_actor;
  SsrActor *unplaced;

  placed = add_actor (assessment, "Placed", "core-security", FALSE);
  g_object_set (placed, "x", 12.75, "y", -0.1, "positioned", TRUE, NULL);
  free_actor = add_actor (assessment, "Laid out", "core-security", FALSE);
  unplaced = add_actor (assessment, "Nowhere", "core-security", FALSE);
  /* An actor's own place wins over the layout's. */
  g_hash_table_insert (positions, (char *) ssr_item_get_id (SSR_ITEM (placed)), ignored);
  g_hash_table_insert (positions, (char *) ssr_item_get_id (SSR_ITEM (free_actor)), laid_out);

  bytes = ssr_graphml_write (assessment, NULL, positions, FALSE);
  graph = parse_graphml (bytes, key_types);

  g_assert_cmpfloat (g_ascii_strtod (node_value (graph, placed, "x"), NULL), ==, 12.75);
  g_assert_cmpfloat (g_ascii_strtod (node_value (graph, placed, "y"), NULL), ==, -0.1);
  g_assert_cmpfloat (g_ascii_strtod (node_value (graph, free_actor, "x"), NULL), ==, laid_out[0]);
  g_assert_cmpfloat (g_ascii_strtod (node_value (graph, free_actor, "y"), NULL), ==, laid_out[1]);
  g_assert_null (node_value (graph, unplaced, "x"));
  g_assert_null (node_value (graph, unplaced, "y"));
}

static void
test_redaction (void)
{
  g_autoptr(SsrFramework) framework = get_framework ();
  g_autoptr(SsrAssessment) assessment = ssr_assessment_new ();
  g_autoptr(GHashTable) key_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GBytes) full_bytes = NULL;
  g_autoptr(GBytes) redacted_bytes = NULL;
  g_autoptr(Graph) full = NULL;
  g_autoptr(Graph) redacted = NULL;
  g_autofree char *redacted_text = NULL;
  SsrActor *police;
  SsrActor *militia;
  SsrActor *ministry;
  SsrRelation *kept;
  SsrRelation *from_secret;
  SsrRelation *to_secret;

  police = add_actor (assessment, "National Police", "core-security", FALSE);
  militia = add_actor (assessment, "Secret Militia Sponsor", "non-state", TRUE);
  ministry = add_actor (assessment, "Ministry of Interior", "management-oversight", FALSE);
  kept = add_relation (assessment, ministry, police, "oversight", SSR_DIRECTION_FORWARD);
  from_secret = add_relation (assessment, militia, police, "funding", SSR_DIRECTION_FORWARD);
  to_secret = add_relation (assessment, ministry, militia, "tension", SSR_DIRECTION_MUTUAL);

  full_bytes = ssr_graphml_write (assessment, framework, NULL, FALSE);
  full = parse_graphml (full_bytes, key_types);
  g_assert_cmpuint (full->node_ids->len, ==, 3);
  g_assert_cmpuint (full->edge_ids->len, ==, 3);
  g_assert_cmpstr (node_value (full, militia, "category_name"), ==,
                   ssr_framework_get_term_name (framework, "non-state"));

  redacted_bytes = ssr_graphml_write (assessment, framework, NULL, TRUE);
  redacted = parse_graphml (redacted_bytes, key_types);
  g_assert_cmpuint (redacted->node_ids->len, ==, 2);
  g_assert_true (g_hash_table_contains (redacted->nodes, ssr_item_get_id (SSR_ITEM (police))));
  g_assert_true (g_hash_table_contains (redacted->nodes, ssr_item_get_id (SSR_ITEM (ministry))));
  g_assert_false (g_hash_table_contains (redacted->nodes, ssr_item_get_id (SSR_ITEM (militia))));
  g_assert_cmpuint (redacted->edge_ids->len, ==, 1);
  g_assert_true (g_hash_table_contains (redacted->edges, ssr_item_get_id (SSR_ITEM (kept))));
  g_assert_false (g_hash_table_contains (redacted->edges, ssr_item_get_id (SSR_ITEM (from_secret))));
  g_assert_false (g_hash_table_contains (redacted->edges, ssr_item_get_id (SSR_ITEM (to_secret))));

  /* Nothing of the sensitive actor anywhere in the file. */
  redacted_text = g_strndup (g_bytes_get_data (redacted_bytes, NULL),
                             g_bytes_get_size (redacted_bytes));
  g_assert_null (strstr (redacted_text, "Secret Militia"));
  g_assert_null (strstr (redacted_text, ssr_item_get_id (SSR_ITEM (militia))));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/graphml/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/core/graphml/special-characters", test_special_characters);
  g_test_add_func ("/core/graphml/positions", test_positions);
  g_test_add_func ("/core/graphml/redaction", test_redaction);

  return g_test_run ();
}
