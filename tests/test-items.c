/* test-items.c: the item types of the model (ids, properties, notifications)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-items"

#include "config.h"

#include "ssr-actor.h"
#include "ssr-core-enums.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-item-private.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-step-record.h"
#include "ssr-team-member.h"
#include "ssr-test-util.h"

typedef struct
{
  GType       (*get_type) (void);
  const char *element_name;
  const char *id_prefix;
  /* As listed in the type's header, "id" left out. */
  const char *properties;
  /* The property that gives the label. */
  const char *label_property;
} ItemType;

static const ItemType item_types[] = {
  { ssr_team_member_get_type, "team-member", "tm", "name agency role", "name" },
  { ssr_step_record_get_type, "step-record", "sr", "step status tasks-done notes", "step" },
  { ssr_actor_get_type, "actor", "ac",
    "name category kind description ratings stance influence interest evidence "
    "positioned x y sensitive", "name" },
  { ssr_relation_get_type, "relation", "re", "source target type direction strength note", "type" },
  { ssr_organisation_get_type, "organisation", "or", "name acronym kind description areas", "name" },
  { ssr_mechanism_get_type, "mechanism", "me", "name type lead members notes", "name" },
  { ssr_finding_get_type, "finding", "fi",
    "kind title step dimension actors evidence sensitive", "title" },
  { ssr_priority_get_type, "priority", "pr",
    "objective description timeframe owner findings", "objective" },
  { ssr_indicator_get_type, "indicator", "in",
    "name kind unit baseline baseline-date target target-date source owner priority "
    "measurements", "name" },
  { ssr_principle_check_get_type, "principle-check", "pc", "principle rating note", "principle" },
};

static void
assert_id_form (const char *id,
                const char *prefix)
{
  g_autofree char *pattern = g_strdup_printf ("^%s-[0-9a-f]{16}$", prefix);

  g_assert_nonnull (id);
  if (!g_regex_match_simple (pattern, id, 0, 0))
    g_error ("id “%s” is not of the form %s", id, pattern);
}

static void
test_id_form (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_types); i++)
    {
      GType type = item_types[i].get_type ();
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      g_autofree char *id = ssr_item_new_id (type);
      g_autoptr(SsrItem) item = g_object_new (type, NULL);

      g_assert_cmpstr (ssr_item_class_get_element_name (SSR_ITEM_CLASS (klass)), ==,
                       item_types[i].element_name);
      assert_id_form (id, item_types[i].id_prefix);
      assert_id_form (ssr_item_get_id (item), item_types[i].id_prefix);
    }
}

static void
test_id_unique (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 10000; i++)
    {
      char *id = ssr_item_new_id (SSR_TYPE_ACTOR);

      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, id);
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, 10000);
}

static void
test_id_given (void)
{
  g_autoptr(SsrActor) actor = ssr_actor_new ("ac-0123456789abcdef");
  g_autoptr(SsrRelation) first = ssr_relation_new (NULL);
  g_autoptr(SsrRelation) second = ssr_relation_new (NULL);
  g_autofree char *id = NULL;

  g_assert_cmpstr (ssr_item_get_id (SSR_ITEM (actor)), ==, "ac-0123456789abcdef");
  g_object_get (actor, "id", &id, NULL);
  g_assert_cmpstr (id, ==, "ac-0123456789abcdef");
  g_assert_cmpstr (ssr_item_get_id (SSR_ITEM (first)), !=, ssr_item_get_id (SSR_ITEM (second)));
}

/* Every property of every type is there under its documented name. */
static void
test_property_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_types); i++)
    {
      g_autoptr(GTypeClass) type_class = g_type_class_ref (item_types[i].get_type ());
      GObjectClass *klass = G_OBJECT_CLASS (type_class);
      g_auto(GStrv) names = g_strsplit (item_types[i].properties, " ", -1);
      guint n_pspecs;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n_pspecs);

      g_assert_cmpuint (n_pspecs, ==, g_strv_length (names) + 1);
      g_assert_nonnull (g_object_class_find_property (klass, "id"));
      for (guint j = 0; names[j] != NULL; j++)
        {
          GParamSpec *pspec = g_object_class_find_property (klass, names[j]);

          g_assert_nonnull (pspec);
          g_assert_cmpint (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);
          g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
        }
    }
}

/* A valid value of @pspec that differs from @current. */
static void
init_other_value (GParamSpec   *pspec,
                  const GValue *current,
                  GValue       *other)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (other, type);
  if (type == G_TYPE_STRING)
    {
      const char *string = g_value_get_string (current);

      g_value_take_string (other, g_strconcat (string != NULL ? string : "", "x", NULL));
    }
  else if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      const char * const *strv = g_value_get_boxed (current);

      if (strv != NULL)
        g_strv_builder_addv (builder, (const char **) strv);
      g_strv_builder_add (builder, "x");
      g_value_take_boxed (other, g_strv_builder_end (builder));
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      int value = g_value_get_int (current);

      g_value_set_int (other, value < G_PARAM_SPEC_INT (pspec)->maximum ? value + 1 : value - 1);
    }
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      g_value_set_double (other, g_value_get_double (current) + 1.5);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    {
      g_value_set_boolean (other, !g_value_get_boolean (current));
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int value = g_value_get_enum (current);

      g_value_set_enum (other, value == enum_class->values[0].value
                               ? enum_class->values[1].value
                               : enum_class->values[0].value);
    }
  else if (G_IS_PARAM_SPEC_VARIANT (pspec))
    {
      const GVariantType *variant_type = G_PARAM_SPEC_VARIANT (pspec)->type;

      if (g_variant_type_equal (variant_type, G_VARIANT_TYPE ("a{si}")))
        g_value_set_variant (other, g_variant_new_parsed ("{'capacity': 3}"));
      else if (g_variant_type_equal (variant_type, G_VARIANT_TYPE ("a(sds)")))
        g_value_set_variant (other, g_variant_new_parsed ("[('2026-01-31', 1.5, '')]"));
      else
        g_assert_not_reached ();
    }
  else
    {
      g_assert_not_reached ();
    }
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
    return _ssr_item_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Each property notifies once when it changes, and never when it does not. */
static void
test_notify_on_change (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_types); i++)
    {
      g_autoptr(GObject) item = g_object_new (item_types[i].get_type (), NULL);
      g_auto(GStrv) names = g_strsplit (item_types[i].properties, " ", -1);
      guint count = 0;

      g_signal_connect_swapped (item, "notify", G_CALLBACK (ssr_test_count_emission_cb), &count);
      for (guint j = 0; names[j] != NULL; j++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), names[j]);
          g_auto(GValue) current = G_VALUE_INIT;
          g_auto(GValue) other = G_VALUE_INIT;
          g_auto(GValue) read_back = G_VALUE_INIT;

          g_object_get_property (item, names[j], &current);
          init_other_value (pspec, &current, &other);
          g_assert_false (values_equal (pspec, &current, &other));

          count = 0;
          g_object_set_property (item, names[j], &current);
          g_assert_cmpuint (count, ==, 0);

          g_object_set_property (item, names[j], &other);
          g_assert_cmpuint (count, ==, 1);
          g_object_get_property (item, names[j], &read_back);
          g_assert_true (values_equal (pspec, &other, &read_back));

          g_object_set_property (item, names[j], &other);
          g_assert_cmpuint (count, ==, 1);
        }
    }
}

static void
test_null_is_empty (void)
{
  g_autoptr(SsrOrganisation) organisation = ssr_organisation_new (NULL);
  g_autoptr(SsrActor) actor = ssr_actor_new (NULL);
  const char * const empty[] = { NULL };
  guint count = 0;

  g_assert_nonnull (ssr_organisation_get_areas (organisation));
  g_assert_null (ssr_organisation_get_areas (organisation)[0]);
  g_assert_nonnull (ssr_actor_get_ratings (actor));
  g_assert_cmpuint (g_variant_n_children (ssr_actor_get_ratings (actor)), ==, 0);

  g_signal_connect_swapped (organisation, "notify", G_CALLBACK (ssr_test_count_emission_cb), &count);
  g_signal_connect_swapped (actor, "notify", G_CALLBACK (ssr_test_count_emission_cb), &count);
  g_object_set (organisation, "areas", empty, NULL);
  g_object_set (organisation, "areas", NULL, NULL);
  g_object_set (actor, "ratings", NULL, NULL);
  g_object_set (actor, "ratings", g_variant_new_parsed ("@a{si} {}"), NULL);
  g_assert_cmpuint (count, ==, 0);

  g_object_set (actor, "ratings", g_variant_new_parsed ("{'capacity': 2}"), NULL);
  g_object_set (actor, "ratings", NULL, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_nonnull (ssr_actor_get_ratings (actor));
  g_assert_cmpuint (g_variant_n_children (ssr_actor_get_ratings (actor)), ==, 0);
}

static void
test_actor_set_name (void)
{
  g_autoptr(SsrActor) actor = ssr_actor_new (NULL);
  guint count = 0;

  g_signal_connect_swapped (actor, "notify::name", G_CALLBACK (ssr_test_count_emission_cb), &count);
  ssr_actor_set_name (actor, "National Police Service");
  ssr_actor_set_name (actor, "National Police Service");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (ssr_actor_get_name (actor), ==, "National Police Service");
  g_assert_cmpstr (ssr_item_get_label (SSR_ITEM (actor)), ==, "National Police Service");

  ssr_actor_set_name (actor, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (ssr_actor_get_name (actor));
}

static void
test_actor_rating (void)
{
  g_autoptr(SsrActor) actor = ssr_actor_new (NULL);

  g_assert_cmpint (ssr_actor_get_rating (actor, "capacity"), ==, 0);

  g_object_set (actor, "ratings", g_variant_new_parsed ("{'capacity': 2, 'public-trust': 5}"), NULL);
  g_assert_cmpint (ssr_actor_get_rating (actor, "capacity"), ==, 2);
  g_assert_cmpint (ssr_actor_get_rating (actor, "public-trust"), ==, 5);
  g_assert_cmpint (ssr_actor_get_rating (actor, "accountability"), ==, 0);
}

static void
test_defaults (void)
{
  g_autoptr(SsrActor) actor = ssr_actor_new (NULL);
  g_autoptr(SsrRelation) relation = ssr_relation_new (NULL);
  g_autoptr(SsrStepRecord) record = ssr_step_record_new (NULL);
  GParamSpecInt *strength = G_PARAM_SPEC_INT (g_object_class_find_property (G_OBJECT_GET_CLASS (relation), "strength"));

  g_assert_cmpint (ssr_actor_get_stance (actor), ==, SSR_STANCE_UNKNOWN);
  g_assert_false (ssr_actor_get_positioned (actor));
  g_assert_cmpfloat (ssr_actor_get_x (actor), ==, 0);
  g_assert_cmpfloat (ssr_actor_get_y (actor), ==, 0);
  g_assert_cmpint (ssr_relation_get_strength (relation), ==, 1);
  g_assert_cmpint (ssr_relation_get_direction (relation), ==, SSR_DIRECTION_FORWARD);
  g_assert_cmpint (strength->minimum, ==, 1);
  g_assert_cmpint (strength->maximum, ==, 3);
  g_assert_cmpint (ssr_step_record_get_status (record), ==, SSR_STEP_NOT_STARTED);
}

static void
test_labels (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_types); i++)
    {
      g_autoptr(SsrItem) item = g_object_new (item_types[i].get_type (), NULL);

      /* Without a label, the id stands in. */
      g_assert_cmpstr (ssr_item_get_label (item), ==, ssr_item_get_id (item));

      g_object_set (item, item_types[i].label_property, "Label", NULL);
      g_assert_cmpstr (ssr_item_get_label (item), ==, "Label");
    }
}

static void
test_measurements_sorted (void)
{
  g_autoptr(SsrIndicator) indicator = ssr_indicator_new (NULL);
  GVariant *measurements;
  const char *date = NULL;
  double value = 0;

  g_assert_false (ssr_indicator_get_latest (indicator, &date, &value));

  g_object_set (indicator, "measurements",
                g_variant_new_parsed ("[('2026-09-30', 26.5, 'third'),"
                                      " ('2026-03-31', 23.0, 'first'),"
                                      " ('2027-01-15', 30.0, 'fourth'),"
                                      " ('2026-06-30', 24.0, 'second')]"),
                NULL);

  measurements = ssr_indicator_get_measurements (indicator);
  g_assert_cmpuint (g_variant_n_children (measurements), ==, 4);
  for (gsize i = 0; i < 4; i++)
    {
      static const char * const order[] = { "first", "second", "third", "fourth" };
      const char *note;

      g_variant_get_child (measurements, i, "(&sd&s)", NULL, NULL, &note);
      g_assert_cmpstr (note, ==, order[i]);
    }

  g_assert_true (ssr_indicator_get_latest (indicator, &date, &value));
  g_assert_cmpstr (date, ==, "2027-01-15");
  g_assert_cmpfloat (value, ==, 30.0);

  g_object_set (indicator, "measurements", NULL, NULL);
  g_assert_false (ssr_indicator_get_latest (indicator, &date, &value));
}

static void
test_task_done (void)
{
  g_autoptr(SsrStepRecord) record = ssr_step_record_new (NULL);
  const char * const tasks[] = { "understand-context", "map-institutions", NULL };

  g_assert_false (ssr_step_record_is_task_done (record, "understand-context"));

  g_object_set (record, "tasks-done", tasks, NULL);
  g_assert_true (ssr_step_record_is_task_done (record, "understand-context"));
  g_assert_true (ssr_step_record_is_task_done (record, "map-institutions"));
  g_assert_false (ssr_step_record_is_task_done (record, "set-benchmarks"));
}

static void
test_foreign (void)
{
  g_autoptr(SsrFinding) finding = ssr_finding_new (NULL);
  SsrItem *item = SSR_ITEM (finding);
  SsrForeign *foreign;
  const SsrForeignAttribute *attribute;

  g_assert_null (_ssr_item_peek_foreign (item));

  foreign = _ssr_item_get_foreign (item);
  g_assert_nonnull (foreign);
  g_assert_true (_ssr_item_peek_foreign (item) == foreign);
  g_assert_true (_ssr_item_get_foreign (item) == foreign);

  _ssr_foreign_add_attribute (foreign, "urn:example:future", "f:colour", "red");
  _ssr_foreign_add_attribute (foreign, NULL, "priority-hint", "high");
  _ssr_foreign_add_element (foreign, "<f:tag xmlns:f=\"urn:example:future\">x</f:tag>");

  g_assert_cmpuint (_ssr_foreign_get_n_attributes (foreign), ==, 2);
  attribute = _ssr_foreign_get_attribute (foreign, 0);
  g_assert_cmpstr (attribute->ns_uri, ==, "urn:example:future");
  g_assert_cmpstr (attribute->name, ==, "f:colour");
  g_assert_cmpstr (attribute->value, ==, "red");
  attribute = _ssr_foreign_get_attribute (foreign, 1);
  g_assert_null (attribute->ns_uri);
  g_assert_cmpstr (attribute->name, ==, "priority-hint");
  g_assert_cmpuint (_ssr_foreign_get_n_elements (foreign), ==, 1);
  g_assert_cmpstr (_ssr_foreign_get_element (foreign, 0), ==,
                   "<f:tag xmlns:f=\"urn:example:future\">x</f:tag>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/items/id-form", test_id_form);
  g_test_add_func ("/core/items/id-unique", test_id_unique);
  g_test_add_func ("/core/items/id-given", test_id_given);
  g_test_add_func ("/core/items/property-names", test_property_names);
  g_test_add_func ("/core/items/notify-on-change", test_notify_on_change);
  g_test_add_func ("/core/items/null-is-empty", test_null_is_empty);
  g_test_add_func ("/core/items/actor-set-name", test_actor_set_name);
  g_test_add_func ("/core/items/actor-rating", test_actor_rating);
  g_test_add_func ("/core/items/defaults", test_defaults);
  g_test_add_func ("/core/items/labels", test_labels);
  g_test_add_func ("/core/items/measurements-sorted", test_measurements_sorted);
  g_test_add_func ("/core/items/task-done", test_task_done);
  g_test_add_func ("/core/items/foreign", test_foreign);

  return g_test_run ();
}
