/* ssr-generate.c: synthetic assessments for benchmarks and scale tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-generate"

#include "config.h"

#include "ssr-generate.h"

#include <string.h>

#include "ssr-actor.h"
#include "ssr-assessment.h"
#include "ssr-finding.h"
#include "ssr-framework.h"
#include "ssr-indicator.h"
#include "ssr-item-private.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-step-record.h"
#include "ssr-team-member.h"

/* Every name below is made up; the country does not exist. */

static const char * const country_forms[] = {
  "Republic of", "Federal Republic of", "Kingdom of", "United Provinces of",
  "Democratic Republic of",
};

static const char * const country_names[] = {
  "Norvalia", "Estrenia", "Valdoria", "Merovia", "Tarsenia", "Ostrelia",
  "Calvadia", "Lundmark", "Serravia", "Kelmora",
};

static const char * const regions[] = {
  "Northern District", "Southern Province", "Capital Region",
  "Eastern Highlands", "Western Coast", "Lake District", "River Valley",
  "Border Zone", "Central Plateau", "Delta Region", "Mountain Province",
  "Island Territories",
};

static const char * const units[] = {
  "Command", "Inspectorate", "Training Academy", "Planning Directorate",
  "Logistics Directorate", "Legal Office", "Internal Affairs Unit",
  "Human Resources Directorate", "Finance Office", "Special Unit",
};

static const char * const first_names[] = {
  "Amina", "Daniel", "Ingrid", "Kofi", "Lucía", "Marek", "Nadia", "Owen",
  "Priya", "Samuel", "Tomás", "Yuki",
};

static const char * const last_names[] = {
  "Adeyemi", "Bergström", "Castellanos", "Dubois", "Haddad", "Kowalski",
  "Lindqvist", "Mensah", "Novak", "Okafor", "Petrov", "Tanaka",
};

static const char * const agencies[] = {
  "Ministry of Foreign Affairs", "Department of Defence",
  "Development Cooperation Agency", "Ministry of Justice",
  "National Police Cooperation Office", "Correctional Service",
};

static const char * const roles[] = {
  "Team leader", "Police adviser", "Justice adviser", "Defence adviser",
  "Governance specialist", "Monitoring and evaluation specialist",
};

static const char * const donor_adjectives[] = {
  "Aldoran", "Belmarian", "Corvish", "Duvalian", "Elsterian", "Frisane",
  "Galmorian", "Hestrian", "International", "Regional", "Global",
  "Transcontinental",
};

static const char * const donor_nouns[] = {
  "Development Agency", "Foreign Ministry", "Peace Fund",
  "Justice Institute", "Police Cooperation Office",
  "Defence Cooperation Office", "Security Governance Centre",
  "Rule of Law Foundation", "Stabilisation Unit", "Partnership Facility",
};

static const char * const evidence_texts[] = {
  "Interviews with senior officials and two focus groups.",
  "Desk review of the annual reports of the last three years.",
  "Consultation workshop with civil society organisations.",
  "Case-load data from the registry, checked against field visits.",
  "National perception survey, second round.",
};


/* A phrase around a name: before, the name, after. */
typedef struct
{
  const char *before;
  const char *after;
} Phrase;

static const Phrase finding_titles[][2] = {
  /* Indexed by SsrFindingKind. */
  { { "", " enjoys strong public trust" }, { "", " has a merit-based career system" } },
  { { "", " lacks internal oversight" }, { "Poor record keeping at ", "" } },
  { { "New legal framework opens the reform of ", "" }, { "Donors are ready to support ", "" } },
  { { "Illicit networks infiltrate ", "" }, { "Political interference in ", "" } },
  { { "No budget line covers ", "" }, { "No complaints mechanism covers ", "" } },
  { { "", " needs a vetting programme" }, { "", " needs training in human rights" } },
  { { "Reform of ", " may be blocked by spoilers" },
    { "", " may lose staff if salaries stay unpaid" } },
};

static const Phrase objectives[] = {
  { "Advance ", " in the first two years" },
  { "Secure sustainable funding for ", "" },
  { "Build civilian oversight into ", "" },
  { "Make ", " inclusive of women and minorities" },
  { "Coordinate donor support to ", "" },
};

static const char * const priority_descriptions[] = {
  "Agreed at the validation workshop with the partner government.",
  "Builds on the findings linked below; to be reviewed after one year.",
  "Proposed by the breakout group on governance; endorsed in plenary.",
};

typedef struct
{
  SsrIndicatorKind  kind;
  const char       *name;
  const char       *unit;
  const char       *source;
  int               baseline_low;
  int               baseline_high;
  int               change;
} IndicatorForm;

static const IndicatorForm indicator_forms[] = {
  { SSR_INDICATOR_SUPPLY, "Police posts filled", "%",
    "Ministry of interior payroll", 40, 70, 15 },
  { SSR_INDICATOR_SUPPLY, "Courts with a working registry", "courts",
    "Judicial council", 5, 20, 10 },
  { SSR_INDICATOR_PROCESS, "Cases decided within 90 days", "%",
    "Court records", 20, 50, 20 },
  { SSR_INDICATOR_PROCESS, "Complaints investigated", "%",
    "Complaints commission", 10, 40, 25 },
  { SSR_INDICATOR_OUTPUT, "Officers trained in human rights", "officers",
    "Training academy", 100, 400, 300 },
  { SSR_INDICATOR_OUTPUT, "Budget hearings held by parliament", "hearings",
    "Parliament", 1, 6, 4 },
  { SSR_INDICATOR_OUTCOME, "Citizens who trust the police", "%",
    "Perception survey", 15, 45, 20 },
  { SSR_INDICATOR_OUTCOME, "Pre-trial detainees among prisoners", "%",
    "Prison census", 40, 75, -20 },
};

typedef struct
{
  SsrTerm *category;
  SsrTerm *kind;
  guint    n_actors;
} ActorKind;

typedef struct
{
  GRand         *rand;
  SsrFramework  *framework;
  SsrAssessment *assessment;
  GHashTable    *ids;
  char          *country;
  GDate         *start;
  GPtrArray     *steps;
  GPtrArray     *dimensions;
  GPtrArray     *areas;
  GPtrArray     *actors;
  GPtrArray     *organisations;
  GPtrArray     *findings;
  GPtrArray     *priorities;
} Generator;

typedef const char *(*GetId) (gpointer element);

#define PICK_WORD(gen, words) \
  ((words)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (words))])

static gboolean
chance (Generator *gen,
        double     probability)
{
  return g_rand_double (gen->rand) < probability;
}

static int
between (Generator *gen,
         int        low,
         int        high)
{
  return g_rand_int_range (gen->rand, low, high + 1);
}

/* A random element of @array, or NULL when it is empty. */
static gpointer
pick (Generator *gen,
      GPtrArray *array)
{
  if (array->len == 0)
    return NULL;

  return g_ptr_array_index (array, g_rand_int_range (gen->rand, 0, array->len));
}

static const char *
term_id (gpointer term)
{
  return term != NULL ? ssr_term_get_id (term) : NULL;
}

static const char *
item_id (gpointer item)
{
  return ssr_item_get_id (item);
}

/*
 * The ids of @count distinct random elements of @array (fewer when it is
 * shorter); @first, when not NULL, is set to the first element or NULL.
 */
static GStrv
pick_ids (Generator *gen,
          GPtrArray *array,
          guint      count,
          GetId      get_id,
          gpointer  *first)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();

  count = MIN (count, array->len);
  while (picked->len < count)
    {
      gpointer element = pick (gen, array);

      if (!g_ptr_array_find (picked, element, NULL))
        {
          g_ptr_array_add (picked, element);
          g_strv_builder_add (builder, get_id (element));
        }
    }

  if (first != NULL)
    *first = picked->len > 0 ? g_ptr_array_index (picked, 0) : NULL;

  return g_strv_builder_end (builder);
}

/* The terms of @model (which may be NULL), each with a reference. */
static GPtrArray *
list_terms (GListModel *model)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_terms = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n_terms; i++)
    g_ptr_array_add (terms, g_list_model_get_item (model, i));

  return terms;
}

static GPtrArray *
framework_terms (Generator  *gen,
                 const char *list)
{
  return list_terms (ssr_framework_get_list (gen->framework, list));
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* @months after the start of the assessment, as an ISO 8601 date. */
static char *
date_after_start (Generator *gen,
                  guint      months)
{
  g_autoptr(GDate) date = g_date_copy (gen->start);

  g_date_add_months (date, months);

  return format_date (date);
}

/* A new id drawn from the seeded generator, unique in the document. */
static const char *
new_id (Generator *gen,
        GType      item_type)
{
  char *id = _ssr_item_new_id_from_rand (item_type, gen->rand);

  while (g_hash_table_contains (gen->ids, id))
    {
      g_free (id);
      id = _ssr_item_new_id_from_rand (item_type, gen->rand);
    }
  g_hash_table_add (gen->ids, id);

  return id;
}

/* Takes @item and returns it, now held by the document. */
static gpointer
append (Generator *gen,
        gpointer   item)
{
  g_autoptr(SsrItem) owned = item;
  g_autoptr(GError) error = NULL;

  if (!ssr_assessment_append (gen->assessment, owned, &error))
    g_critical ("A generated item was refused: %s", error->message);

  return item;
}

static void
generate_meta (Generator *gen)
{
  g_autoptr(GPtrArray) context_types = framework_terms (gen, "context-types");
  g_autofree char *title = NULL;
  g_autofree char *context = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;

  gen->country = g_strdup_printf ("%s %s",
                                  PICK_WORD (gen, country_forms),
                                  PICK_WORD (gen, country_names));
  gen->start = g_date_new_dmy (between (gen, 1, 28), between (gen, 1, 9), 2026);
  title = g_strdup_printf ("Joint SSR assessment of the %s", gen->country);
  context = g_strdup_printf ("The %s emerged from a long internal conflict. "
                             "Its security institutions are fragmented, "
                             "under-funded and distrusted in the %s and the %s.",
                             gen->country,
                             PICK_WORD (gen, regions),
                             PICK_WORD (gen, regions));
  start_date = format_date (gen->start);
  end_date = date_after_start (gen, between (gen, 3, 6));

  g_object_set (gen->assessment,
                "framework", ssr_framework_get_id (gen->framework),
                "title", title,
                "country", gen->country,
                "context-type", term_id (pick (gen, context_types)),
                "classification", "RESTRICTED",
                "start-date", start_date,
                "end-date", end_date,
                "context", context,
                NULL);
}

static void
generate_team (Generator *gen)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               PICK_WORD (gen, first_names),
                                               PICK_WORD (gen, last_names));

      append (gen, g_object_new (SSR_TYPE_TEAM_MEMBER,
                                 "id", new_id (gen, SSR_TYPE_TEAM_MEMBER),
                                 "name", name,
                                 "agency", agencies[i],
                                 "role", roles[i],
                                 NULL));
    }
}

/* The steps before the current one are done; half of its tasks are. */
static void
generate_steps (Generator *gen)
{
  guint current = g_rand_int_range (gen->rand, 0, MAX (gen->steps->len, 1));

  for (guint i = 0; i < gen->steps->len; i++)
    {
      SsrTerm *step = g_ptr_array_index (gen->steps, i);
      g_autoptr(GPtrArray) tasks = list_terms (ssr_term_get_list (step, "tasks"));
      g_autoptr(GStrvBuilder) done = g_strv_builder_new ();
      g_auto(GStrv) tasks_done = NULL;
      guint n_done = i < current ? tasks->len : i == current ? tasks->len / 2 : 0;
      SsrStepStatus status = (i < current ? SSR_STEP_DONE :
                              i == current ? SSR_STEP_IN_PROGRESS :
                              SSR_STEP_NOT_STARTED);

      for (guint j = 0; j < n_done; j++)
        g_strv_builder_add (done, term_id (g_ptr_array_index (tasks, j)));
      tasks_done = g_strv_builder_end (done);

      append (gen, g_object_new (SSR_TYPE_STEP_RECORD,
                                 "id", new_id (gen, SSR_TYPE_STEP_RECORD),
                                 "step", term_id (step),
                                 "status", status,
                                 "tasks-done", tasks_done,
                                 "notes", i <= current ? PICK_WORD (gen, evidence_texts) : NULL,
                                 NULL));
    }
}

/*
 * Every kind of every actor category, so that actors spread over them; one
 * entry without category when the framework has none. The terms belong to
 * the framework, which outlives the generator.
 */
static GArray *
list_actor_kinds (Generator *gen)
{
  g_autoptr(GPtrArray) categories = framework_terms (gen, "actor-categories");
  GArray *kinds = g_array_new (FALSE, TRUE, sizeof (ActorKind));

  for (guint i = 0; i < categories->len; i++)
    {
      SsrTerm *category = g_ptr_array_index (categories, i);
      GListModel *list = ssr_term_get_list (category, "kinds");
      guint n_kinds = list != NULL ? g_list_model_get_n_items (list) : 0;

      for (guint j = 0; j < n_kinds; j++)
        {
          g_autoptr(SsrTerm) kind = g_list_model_get_item (list, j);
          ActorKind entry = { category, kind, 0 };

          g_array_append_val (kinds, entry);
        }
      if (n_kinds == 0)
        {
          ActorKind entry = { category, NULL, 0 };

          g_array_append_val (kinds, entry);
        }
    }

  if (kinds->len == 0)
    {
      ActorKind entry = { NULL, NULL, 0 };

      g_array_append_val (kinds, entry);
    }

  return kinds;
}

/* The first actor of a kind is the national body; the others are its branches. */
static char *
actor_name (Generator *gen,
            ActorKind *kind)
{
  SsrTerm *term = kind->kind != NULL ? kind->kind : kind->category;
  const char *base = term != NULL ? ssr_term_get_name (term) : "Security institution";

  if (kind->n_actors++ == 0)
    return g_strdup (base);

  switch (g_rand_int_range (gen->rand, 0, 3))
    {
    case 0:
      return g_strdup_printf ("%s — %s", base, PICK_WORD (gen, regions));

    case 1:
      return g_strdup_printf ("%s — %s", base, PICK_WORD (gen, units));

    default:
      return g_strdup_printf ("%s — %s %s", base,
                              PICK_WORD (gen, regions),
                              PICK_WORD (gen, units));
    }
}

static GVariant *
actor_ratings (Generator *gen,
               GPtrArray *scales)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{si}"));

  for (guint i = 0; i < scales->len; i++)
    {
      if (chance (gen, 0.85))
        g_variant_builder_add (&builder, "{si}",
                               term_id (g_ptr_array_index (scales, i)),
                               between (gen, 1, 5));
    }

  return g_variant_builder_end (&builder);
}

static void
generate_actors (Generator *gen,
                 guint      n_actors)
{
  g_autoptr(GArray) kinds = list_actor_kinds (gen);
  g_autoptr(GPtrArray) scales = framework_terms (gen, "rating-scales");

  for (guint i = 0; i < n_actors; i++)
    {
      guint k = g_rand_int_range (gen->rand, 0, kinds->len);
      ActorKind *kind = &g_array_index (kinds, ActorKind, k);
      g_autofree char *name = actor_name (gen, kind);
      SsrActor *actor;

      actor = g_object_new (SSR_TYPE_ACTOR,
                            "id", new_id (gen, SSR_TYPE_ACTOR),
                            "name", name,
                            "category", term_id (kind->category),
                            "kind", term_id (kind->kind),
                            "ratings", actor_ratings (gen, scales),
                            "stance", between (gen, SSR_STANCE_UNKNOWN, SSR_STANCE_SPOILER),
                            "influence", between (gen, 0, 5),
                            "interest", between (gen, 0, 5),
                            "evidence", chance (gen, 0.7) ? PICK_WORD (gen, evidence_texts) : NULL,
                            "sensitive", chance (gen, 0.05),
                            NULL);
      g_ptr_array_add (gen->actors, append (gen, actor));
    }
}

/* The number of ordered pairs of distinct actors. */
static guint64
count_pairs (guint n_actors)
{
  return n_actors > 0 ? (guint64) n_actors * (n_actors - 1) : 0;
}

static void
append_relation (Generator *gen,
                 GPtrArray *types,
                 guint      source,
                 guint      target)
{
  SsrTerm *type = pick (gen, types);
  const char *directed = type != NULL ? ssr_term_get_attribute (type, "directed") : NULL;

  append (gen, g_object_new (SSR_TYPE_RELATION,
                             "id", new_id (gen, SSR_TYPE_RELATION),
                             "source", item_id (g_ptr_array_index (gen->actors, source)),
                             "target", item_id (g_ptr_array_index (gen->actors, target)),
                             "type", term_id (type),
                             "direction", (g_strcmp0 (directed, "false") == 0 ?
                                           SSR_DIRECTION_MUTUAL : SSR_DIRECTION_FORWARD),
                             "strength", between (gen, 1, 3),
                             NULL));
}

/*
 * At most one relation per ordered pair of distinct actors. A sparse graph
 * draws pairs and skips repeats; a dense one (more than half of all pairs)
 * shuffles the list of all pairs, which is then shorter than twice
 * @n_relations. Both take time in proportion to @n_relations.
 */
static void
generate_relations (Generator *gen,
                    guint      n_relations)
{
  g_autoptr(GPtrArray) types = framework_terms (gen, "relation-types");
  guint n_actors = gen->actors->len;
  guint64 n_pairs = count_pairs (n_actors);

  if (n_relations <= n_pairs / 2)
    {
      g_autoptr(GHashTable) drawn = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autofree gint64 *keys = g_new (gint64, n_relations);

      for (guint i = 0; i < n_relations; )
        {
          guint source = g_rand_int_range (gen->rand, 0, n_actors);
          guint target = g_rand_int_range (gen->rand, 0, n_actors - 1);

          target += target >= source;
          keys[i] = (gint64) source * n_actors + target;
          if (g_hash_table_add (drawn, &keys[i]))
            {
              append_relation (gen, types, source, target);
              i++;
            }
        }
    }
  else
    {
      g_autofree guint64 *pairs = g_new (guint64, n_pairs);

      for (guint64 p = 0; p < n_pairs; p++)
        pairs[p] = p;

      for (guint i = 0; i < n_relations; i++)
        {
          guint64 j = i + (guint64) (g_rand_double (gen->rand) * (n_pairs - i));
          guint64 pair = pairs[j];
          guint source = pair / (n_actors - 1);
          guint target = pair % (n_actors - 1);

          pairs[j] = pairs[i];
          append_relation (gen, types, source, target + (target >= source));
        }
    }
}

/* The capital initials of @name: "RLF" for "Rule of Law Foundation". */
static char *
acronym (const char *name)
{
  GString *letters = g_string_new (NULL);

  for (const char *word = name; word != NULL; word = strchr (word, ' '))
    {
      while (*word == ' ')
        word++;
      if (g_ascii_isupper (*word))
        g_string_append_c (letters, *word);
    }

  return g_string_free (letters, FALSE);
}

/* The names are the adjective × noun pairs in random order, so none repeats early. */
static void
generate_organisations (Generator *gen,
                        guint      n_organisations)
{
  g_autoptr(GPtrArray) kinds = framework_terms (gen, "organisation-kinds");
  guint n_adjectives = G_N_ELEMENTS (donor_adjectives);
  guint n_names = n_adjectives * G_N_ELEMENTS (donor_nouns);
  g_autofree guint *order = g_new (guint, n_names);

  for (guint i = 0; i < n_names; i++)
    order[i] = i;
  for (guint i = n_names - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (gen->rand, 0, i + 1);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }

  for (guint i = 0; i < n_organisations; i++)
    {
      guint k = order[i % n_names];
      g_autofree char *name = g_strdup_printf ("%s %s%s",
                                               donor_adjectives[k % n_adjectives],
                                               donor_nouns[k / n_adjectives],
                                               i >= n_names ? " (regional office)" : "");
      g_autofree char *letters = acronym (name);
      g_auto(GStrv) areas = pick_ids (gen, gen->areas, between (gen, 1, 3), term_id, NULL);
      SsrOrganisation *organisation;

      organisation = g_object_new (SSR_TYPE_ORGANISATION,
                                   "id", new_id (gen, SSR_TYPE_ORGANISATION),
                                   "name", name,
                                   "acronym", letters,
                                   "kind", term_id (pick (gen, kinds)),
                                   "areas", areas,
                                   NULL);
      g_ptr_array_add (gen->organisations, append (gen, organisation));
    }
}

/* Led by one of their donor members; partner-government actors sit in too. */
static void
generate_mechanisms (Generator *gen,
                     guint      n_mechanisms)
{
  g_autoptr(GPtrArray) types = framework_terms (gen, "mechanism-types");

  for (guint i = 0; i < n_mechanisms; i++)
    {
      SsrTerm *type = pick (gen, types);
      SsrTerm *area = pick (gen, gen->areas);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) donors = NULL;
      g_auto(GStrv) nationals = NULL;
      g_auto(GStrv) members = NULL;
      g_autofree char *name = NULL;

      name = g_strdup_printf ("%s — %s",
                              type != NULL ? ssr_term_get_name (type) : "Coordination group",
                              area != NULL ? ssr_term_get_name (area) : gen->country);
      donors = pick_ids (gen, gen->organisations, between (gen, 2, 5), item_id, NULL);
      nationals = pick_ids (gen, gen->actors, between (gen, 1, 3), item_id, NULL);
      g_strv_builder_addv (builder, (const char **) donors);
      g_strv_builder_addv (builder, (const char **) nationals);
      members = g_strv_builder_end (builder);

      append (gen, g_object_new (SSR_TYPE_MECHANISM,
                                 "id", new_id (gen, SSR_TYPE_MECHANISM),
                                 "name", name,
                                 "type", term_id (type),
                                 "lead", members[0],
                                 "members", members,
                                 "notes", (chance (gen, 0.5) ?
                                           "Meets monthly; minutes go to all members." : NULL),
                                 NULL));
    }
}

static char *
phrase (const Phrase *form,
        const char   *name)
{
  return g_strconcat (form->before, name, form->after, NULL);
}

/* Kinds take turns; each finding is about one to three actors. */
static void
generate_findings (Generator *gen,
                   guint      n_findings)
{
  for (guint i = 0; i < n_findings; i++)
    {
      SsrFindingKind kind = i % G_N_ELEMENTS (finding_titles);
      SsrActor *subject = NULL;
      g_auto(GStrv) actors = NULL;
      g_autofree char *title = NULL;
      SsrFinding *finding;

      actors = pick_ids (gen, gen->actors, between (gen, 1, 3), item_id, (gpointer *) &subject);
      title = phrase (&finding_titles[kind][g_rand_int_range (gen->rand, 0, 2)],
                      subject != NULL ? ssr_actor_get_name (subject) : "the security sector");
      finding = g_object_new (SSR_TYPE_FINDING,
                              "id", new_id (gen, SSR_TYPE_FINDING),
                              "kind", kind,
                              "title", title,
                              "step", term_id (pick (gen, gen->steps)),
                              "dimension", term_id (pick (gen, gen->dimensions)),
                              "actors", actors,
                              "evidence", PICK_WORD (gen, evidence_texts),
                              "sensitive", chance (gen, 0.15),
                              NULL);
      g_ptr_array_add (gen->findings, append (gen, finding));
    }
}

static void
generate_priorities (Generator *gen,
                     guint      n_priorities)
{
  g_autoptr(GPtrArray) timeframes = framework_terms (gen, "timeframes");

  for (guint i = 0; i < n_priorities; i++)
    {
      SsrTerm *area = pick (gen, gen->areas);
      SsrActor *owner = pick (gen, gen->actors);
      g_autofree char *area_name = NULL;
      g_autofree char *objective = NULL;
      g_auto(GStrv) findings = pick_ids (gen, gen->findings, between (gen, 1, 3), item_id, NULL);
      SsrPriority *priority;

      area_name = g_utf8_strdown (area != NULL ? ssr_term_get_name (area) : "the reform", -1);
      objective = phrase (&PICK_WORD (gen, objectives), area_name);
      priority = g_object_new (SSR_TYPE_PRIORITY,
                               "id", new_id (gen, SSR_TYPE_PRIORITY),
                               "objective", objective,
                               "description", PICK_WORD (gen, priority_descriptions),
                               "timeframe", term_id (pick (gen, timeframes)),
                               "owner", (owner != NULL ? ssr_actor_get_name (owner) :
                                         PICK_WORD (gen, agencies)),
                               "findings", findings,
                               NULL);
      g_ptr_array_add (gen->priorities, append (gen, priority));
    }
}

/* Quarterly measurements that move from the baseline towards the target. */
static GVariant *
measurements (Generator           *gen,
              const IndicatorForm *form,
              int                  baseline)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(sds)"));
  int n_measurements = between (gen, 3, 6);

  for (int k = 1; k <= n_measurements; k++)
    {
      g_autofree char *date = date_after_start (gen, 3 * k);
      int value = baseline + form->change * k / (n_measurements + 2) + between (gen, -1, 1);

      g_variant_builder_add (&builder, "(sds)", date, (double) MAX (value, 0),
                             chance (gen, 0.2) ? "Provisional figure" : "");
    }

  return g_variant_builder_end (&builder);
}

static void
generate_indicators (Generator *gen,
                     guint      n_indicators)
{
  g_autofree char *baseline_date = format_date (gen->start);
  g_autofree char *target_date = date_after_start (gen, 36);

  for (guint i = 0; i < n_indicators; i++)
    {
      const IndicatorForm *form = &indicator_forms[i % G_N_ELEMENTS (indicator_forms)];
      SsrItem *priority = NULL;
      g_autofree char *name = g_strdup_printf ("%s — %s", form->name, PICK_WORD (gen, regions));
      int baseline = between (gen, form->baseline_low, form->baseline_high);

      if (gen->priorities->len > 0)
        priority = g_ptr_array_index (gen->priorities, i % gen->priorities->len);

      append (gen, g_object_new (SSR_TYPE_INDICATOR,
                                 "id", new_id (gen, SSR_TYPE_INDICATOR),
                                 "name", name,
                                 "kind", form->kind,
                                 "unit", form->unit,
                                 "baseline", (double) baseline,
                                 "baseline-date", baseline_date,
                                 "target", (double) MAX (baseline + form->change, 0),
                                 "target-date", target_date,
                                 "source", form->source,
                                 "owner", PICK_WORD (gen, agencies),
                                 "priority", priority != NULL ? item_id (priority) : NULL,
                                 "measurements", measurements (gen, form, baseline),
                                 NULL));
    }
}

static void
generate_principle_checks (Generator *gen)
{
  g_autoptr(GPtrArray) principles = framework_terms (gen, "principles");

  for (guint i = 0; i < principles->len; i++)
    {
      append (gen, g_object_new (SSR_TYPE_PRINCIPLE_CHECK,
                                 "id", new_id (gen, SSR_TYPE_PRINCIPLE_CHECK),
                                 "principle", term_id (g_ptr_array_index (principles, i)),
                                 "rating", between (gen, 0, 5),
                                 "note", chance (gen, 0.5) ? PICK_WORD (gen, evidence_texts) : NULL,
                                 NULL));
    }
}

/**
 * ssr_generate_assessment:
 * @framework: the framework the document follows
 * @n_actors: the number of actors
 * @n_relations: the number of relations, at most @n_actors × (@n_actors − 1):
 *   no two relations join the same ordered pair of actors
 * @seed: the seed of the generator
 *
 * Returns: (transfer full): a new assessment
 */
SsrAssessment *
ssr_generate_assessment (SsrFramework *framework,
                         guint         n_actors,
                         guint         n_relations,
                         guint32       seed)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  Generator gen = { 0 };
  guint n_findings = MAX (n_actors / 10, 3);
  guint n_priorities = CLAMP (n_findings / 5, 8, 20);

  g_return_val_if_fail (SSR_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (n_relations <= count_pairs (n_actors), NULL);

  assessment = ssr_assessment_new ();

  gen.rand = g_rand_new_with_seed (seed);
  gen.framework = framework;
  gen.assessment = assessment;
  gen.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.steps = list_terms (ssr_framework_get_steps (framework));
  gen.dimensions = framework_terms (&gen, "dimensions");
  gen.areas = framework_terms (&gen, "ssr-areas");
  gen.actors = g_ptr_array_sized_new (n_actors);
  gen.organisations = g_ptr_array_new ();
  gen.findings = g_ptr_array_new ();
  gen.priorities = g_ptr_array_new ();

  generate_meta (&gen);
  generate_team (&gen);
  generate_steps (&gen);
  generate_actors (&gen, n_actors);
  generate_relations (&gen, n_relations);
  generate_organisations (&gen, MAX (12, n_actors / 50));
  generate_mechanisms (&gen, CLAMP (4 + n_actors / 500, 4, 10));
  generate_findings (&gen, n_findings);
  generate_priorities (&gen, n_priorities);
  generate_indicators (&gen, n_priorities + n_priorities / 2);
  generate_principle_checks (&gen);

  g_rand_free (gen.rand);
  g_hash_table_unref (gen.ids);
  g_free (gen.country);
  g_date_free (gen.start);
  g_ptr_array_unref (gen.steps);
  g_ptr_array_unref (gen.dimensions);
  g_ptr_array_unref (gen.areas);
  g_ptr_array_unref (gen.actors);
  g_ptr_array_unref (gen.organisations);
  g_ptr_array_unref (gen.findings);
  g_ptr_array_unref (gen.priorities);

  return g_steal_pointer (&assessment);
}
