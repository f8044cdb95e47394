/* ssr-assessment.c: the assessment document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-assessment"

#include "config.h"

#include "ssr-assessment.h"
#include "ssr-assessment-private.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "ssr-actor.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-step-record.h"
#include "ssr-team-member.h"
#include "ssr-xml.h"

typedef enum
{
  COLLECTION_TEAM,
  COLLECTION_STEPS,
  COLLECTION_ACTORS,
  COLLECTION_RELATIONS,
  COLLECTION_ORGANISATIONS,
  COLLECTION_MECHANISMS,
  COLLECTION_FINDINGS,
  COLLECTION_PRIORITIES,
  COLLECTION_INDICATORS,
  COLLECTION_PRINCIPLES,
  N_COLLECTIONS
} SsrCollectionKind;

typedef struct
{
  GType       (*get_item_type) (void);
  const char   *add_label;
  const char   *remove_label;
  const char   *move_label;
} SsrCollectionInfo;

static const SsrCollectionInfo collection_infos[N_COLLECTIONS] = {
  [COLLECTION_TEAM] = {
    ssr_team_member_get_type,
    N_("Add Team Member"), N_("Remove Team Member"), N_("Move Team Member"),
  },
  [COLLECTION_STEPS] = {
    ssr_step_record_get_type,
    N_("Add Step Record"), N_("Remove Step Record"), N_("Move Step Record"),
  },
  [COLLECTION_ACTORS] = {
    ssr_actor_get_type,
    N_("Add Actor"), N_("Remove Actor"), N_("Move Actor"),
  },
  [COLLECTION_RELATIONS] = {
    ssr_relation_get_type,
    N_("Add Relation"), N_("Remove Relation"), N_("Move Relation"),
  },
  [COLLECTION_ORGANISATIONS] = {
    ssr_organisation_get_type,
    N_("Add Organisation"), N_("Remove Organisation"), N_("Move Organisation"),
  },
  [COLLECTION_MECHANISMS] = {
    ssr_mechanism_get_type,
    N_("Add Mechanism"), N_("Remove Mechanism"), N_("Move Mechanism"),
  },
  [COLLECTION_FINDINGS] = {
    ssr_finding_get_type,
    N_("Add Finding"), N_("Remove Finding"), N_("Move Finding"),
  },
  [COLLECTION_PRIORITIES] = {
    ssr_priority_get_type,
    N_("Add Priority"), N_("Remove Priority"), N_("Reorder Priorities"),
  },
  [COLLECTION_INDICATORS] = {
    ssr_indicator_get_type,
    N_("Add Indicator"), N_("Remove Indicator"), N_("Move Indicator"),
  },
  [COLLECTION_PRINCIPLES] = {
    ssr_principle_check_get_type,
    N_("Add Principle Check"), N_("Remove Principle Check"), N_("Move Principle Check"),
  },
};

/*
 * A property by which items of one collection name items of others. The
 * same table drives the mending of referrers when an item is removed and
 * the check of a loaded document.
 */
typedef struct
{
  SsrCollectionKind  referrer;
  const char        *property;
  gboolean           is_list;
  /* The kinds of item the property may name (twice the same for one). */
  SsrCollectionKind  targets[2];
  /* The referrer is removed with the item it names, instead of losing the id. */
  gboolean           remove_referrer;
  /* Takes the referrer's id, then the id that names nothing. */
  const char        *dangling_message;
} SsrReference;

static const SsrReference references[] = {
  {
    COLLECTION_RELATIONS, "source", FALSE,
    { COLLECTION_ACTORS, COLLECTION_ACTORS }, TRUE,
    N_("Relation %s refers to actor %s, which is not in the document"),
  },
  {
    COLLECTION_RELATIONS, "target", FALSE,
    { COLLECTION_ACTORS, COLLECTION_ACTORS }, TRUE,
    N_("Relation %s refers to actor %s, which is not in the document"),
  },
  {
    COLLECTION_MECHANISMS, "lead", FALSE,
    { COLLECTION_ORGANISATIONS, COLLECTION_ACTORS }, FALSE,
    N_("Mechanism %s is led by %s, which is neither an actor nor an organisation in the document"),
  },
  {
    COLLECTION_MECHANISMS, "members", TRUE,
    { COLLECTION_ORGANISATIONS, COLLECTION_ACTORS }, FALSE,
    N_("Mechanism %s lists member %s, which is neither an actor nor an organisation in the document"),
  },
  {
    COLLECTION_FINDINGS, "actors", TRUE,
    { COLLECTION_ACTORS, COLLECTION_ACTORS }, FALSE,
    N_("Finding %s refers to actor %s, which is not in the document"),
  },
  {
    COLLECTION_PRIORITIES, "findings", TRUE,
    { COLLECTION_FINDINGS, COLLECTION_FINDINGS }, FALSE,
    N_("Priority %s refers to finding %s, which is not in the document"),
  },
  {
    COLLECTION_INDICATORS, "priority", FALSE,
    { COLLECTION_PRIORITIES, COLLECTION_PRIORITIES }, FALSE,
    N_("Indicator %s refers to priority %s, which is not in the document"),
  },
};

typedef struct
{
  SsrAssessment *assessment;
  GListStore    *store;
  /*
   * The items as the store last reported them: items-changed tells where
   * items went away but no longer has them, and the id table must forget
   * them.
   */
  GPtrArray     *items;
} SsrCollection;

enum {
  PROP_0,
  PROP_FRAMEWORK,
  PROP_TITLE,
  PROP_COUNTRY,
  PROP_CONTEXT_TYPE,
  PROP_CLASSIFICATION,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_CONTEXT,
  PROP_HISTORY,
  N_PROPS
};

/* The meta properties are the string properties before PROP_HISTORY. */
#define N_META PROP_HISTORY

static const char * const meta_names[N_META] = {
  [PROP_FRAMEWORK] = "framework",
  [PROP_TITLE] = "title",
  [PROP_COUNTRY] = "country",
  [PROP_CONTEXT_TYPE] = "context-type",
  [PROP_CLASSIFICATION] = "classification",
  [PROP_START_DATE] = "start-date",
  [PROP_END_DATE] = "end-date",
  [PROP_CONTEXT] = "context",
};

struct _SsrAssessment
{
  GObject        parent_instance;

  SsrHistory    *history;
  /* Counts the history's changes, so that a save knows whether the
   * document still is what it wrote. */
  guint64        n_changes;

  char          *meta[N_META];
  SsrCollection  collections[N_COLLECTIONS];
  /* id (owned by the item) -> SsrItem (owned by a collection) */
  GHashTable    *items_by_id;
  /* section name -> SsrForeign */
  GHashTable    *foreign;
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (SsrAssessment, ssr_assessment, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/*
 * A command that sets a meta property of the document. Unlike a property
 * command it holds no reference on the document: the document owns the
 * history that owns this command, and a reference would keep both alive.
 */
#define SSR_TYPE_META_COMMAND (ssr_meta_command_get_type ())

G_DECLARE_FINAL_TYPE (SsrMetaCommand, ssr_meta_command, SSR, META_COMMAND, SsrCommand)

struct _SsrMetaCommand
{
  SsrCommand  parent_instance;

  GWeakRef    assessment;
  GParamSpec *pspec;
  GValue      value;
  GValue      old_value;
};

G_DEFINE_FINAL_TYPE (SsrMetaCommand, ssr_meta_command, SSR_TYPE_COMMAND)

static void
ssr_meta_command_apply (SsrCommand *command)
{
  SsrMetaCommand *self = SSR_META_COMMAND (command);
  g_autoptr(GObject) assessment = g_weak_ref_get (&self->assessment);

  if (assessment == NULL)
    return;

  if (!G_IS_VALUE (&self->old_value))
    {
      g_value_init (&self->old_value, self->pspec->value_type);
      g_object_get_property (assessment, self->pspec->name, &self->old_value);
    }

  g_object_set_property (assessment, self->pspec->name, &self->value);
}

static void
ssr_meta_command_revert (SsrCommand *command)
{
  SsrMetaCommand *self = SSR_META_COMMAND (command);
  g_autoptr(GObject) assessment = g_weak_ref_get (&self->assessment);

  if (assessment == NULL)
    return;

  g_return_if_fail (G_IS_VALUE (&self->old_value));

  g_object_set_property (assessment, self->pspec->name, &self->old_value);
}

static void
ssr_meta_command_finalize (GObject *object)
{
  SsrMetaCommand *self = SSR_META_COMMAND (object);

  g_weak_ref_clear (&self->assessment);
  g_value_unset (&self->value);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  g_clear_pointer (&self->pspec, g_param_spec_unref);

  G_OBJECT_CLASS (ssr_meta_command_parent_class)->finalize (object);
}

static void
ssr_meta_command_class_init (SsrMetaCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrCommandClass *command_class = SSR_COMMAND_CLASS (klass);

  object_class->finalize = ssr_meta_command_finalize;

  command_class->apply = ssr_meta_command_apply;
  command_class->revert = ssr_meta_command_revert;
}

static void
ssr_meta_command_init (SsrMetaCommand *self)
{
  g_weak_ref_init (&self->assessment, NULL);
}

/* @value is of the type of @pspec. */
static SsrCommand *
ssr_meta_command_new (SsrAssessment *assessment,
                      GParamSpec    *pspec,
                      const GValue  *value)
{
  SsrMetaCommand *self = g_object_new (SSR_TYPE_META_COMMAND, NULL);

  g_weak_ref_set (&self->assessment, assessment);
  self->pspec = g_param_spec_ref (pspec);
  g_value_init (&self->value, pspec->value_type);
  g_value_copy (value, &self->value);

  return SSR_COMMAND (self);
}

/* Collections and the id table */

static SsrCollectionKind
collection_kind_for_type (GType type)
{
  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      if (g_type_is_a (type, collection_infos[i].get_item_type ()))
        return i;
    }

  return N_COLLECTIONS;
}

static void
ssr_assessment_remember_item (SsrAssessment *self,
                              SsrItem       *item)
{
  const char *id = ssr_item_get_id (item);

  /* replace, not insert: the key belongs to the item */
  if (id != NULL)
    g_hash_table_replace (self->items_by_id, (gpointer)id, item);
}

static void
ssr_assessment_forget_item (SsrAssessment *self,
                            SsrItem       *item)
{
  const char *id = ssr_item_get_id (item);

  if (id != NULL && g_hash_table_lookup (self->items_by_id, id) == item)
    g_hash_table_remove (self->items_by_id, id);
}

static void
collection_items_changed_cb (GListModel    *model,
                             guint          position,
                             guint          removed,
                             guint          added,
                             SsrCollection *collection)
{
  SsrAssessment *self = collection->assessment;

  for (guint i = 0; i < removed; i++)
    ssr_assessment_forget_item (self, g_ptr_array_index (collection->items, position + i));
  g_ptr_array_remove_range (collection->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      SsrItem *item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (collection->items, position + i, item);
      ssr_assessment_remember_item (self, item);
    }
}

/* Edits */

/* The ids that @reference names in @referrer, NULL-terminated. */
static GStrv
reference_get_ids (const SsrReference *reference,
                   SsrItem            *referrer)
{
  GStrv ids = NULL;

  if (reference->is_list)
    {
      g_object_get (referrer, reference->property, &ids, NULL);
      if (ids == NULL)
        ids = g_new0 (char *, 1);
    }
  else
    {
      ids = g_new0 (char *, 2);
      g_object_get (referrer, reference->property, &ids[0], NULL);
    }

  return ids;
}

static gboolean
reference_names (const SsrReference *reference,
                 SsrItem            *referrer,
                 const char         *id)
{
  g_auto(GStrv) ids = reference_get_ids (reference, referrer);

  return g_strv_contains ((const char * const *)ids, id);
}

static gboolean
reference_may_name (const SsrReference *reference,
                    SsrCollectionKind   kind)
{
  return reference->targets[0] == kind || reference->targets[1] == kind;
}

/* g_param_values_cmp() compares boxed values, GStrv included, by address. */
static gboolean
property_values_equal (GParamSpec   *pspec,
                       const GValue *a,
                       const GValue *b)
{
  if (pspec->value_type == G_TYPE_STRV)
    {
      static const char * const empty[] = { NULL };
      const char * const *strv_a = g_value_get_boxed (a);
      const char * const *strv_b = g_value_get_boxed (b);

      return g_strv_equal (strv_a != NULL ? strv_a : empty,
                           strv_b != NULL ? strv_b : empty);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static GParamSpec *
find_changeable_property (gpointer    object,
                          const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  if (pspec == NULL ||
      (pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    {
      g_critical ("%s has no property “%s” that can be changed",
                  G_OBJECT_TYPE_NAME (object), name);
      return NULL;
    }

  return pspec;
}

/* Pushes a command setting @value, unless the property already has it. */
static void
ssr_assessment_push_property (SsrAssessment *self,
                              gpointer       object,
                              GParamSpec    *pspec,
                              const GValue  *value)
{
  g_auto(GValue) current = G_VALUE_INIT;
  g_autoptr(SsrCommand) command = NULL;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, pspec->name, &current);
  if (property_values_equal (pspec, &current, value))
    return;

  if (object == (gpointer)self)
    command = ssr_meta_command_new (self, pspec, value);
  else
    command = ssr_property_command_new (object, pspec->name, value);

  ssr_history_push (self->history, command);
}

static void
ssr_assessment_push_remove (SsrAssessment     *self,
                            SsrCollectionKind  kind,
                            SsrItem           *item)
{
  GListStore *store = self->collections[kind].store;
  g_autoptr(SsrCommand) command = NULL;
  guint position;

  if (!g_list_store_find (store, item, &position))
    g_assert_not_reached ();

  command = ssr_remove_command_new (store, position);
  ssr_command_set_label (command, _(collection_infos[kind].remove_label));
  ssr_history_push (self->history, command);
}

/* Pushes the command that drops @id from what @reference names in @referrer. */
static void
ssr_assessment_push_unreference (SsrAssessment      *self,
                                 const SsrReference *reference,
                                 SsrItem            *referrer,
                                 const char         *id)
{
  GParamSpec *pspec = find_changeable_property (referrer, reference->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (pspec != NULL);

  if (reference->is_list)
    {
      g_auto(GStrv) ids = reference_get_ids (reference, referrer);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; ids[i] != NULL; i++)
        {
          if (g_strcmp0 (ids[i], id) != 0)
            g_strv_builder_add (builder, ids[i]);
        }

      g_value_init (&value, G_TYPE_STRV);
      g_value_take_boxed (&value, g_strv_builder_end (builder));
    }
  else
    {
      g_value_init (&value, pspec->value_type);
    }

  ssr_assessment_push_property (self, referrer, pspec, &value);
}

/*
 * Mends the items of the collection @referrer_kind that name @id, an item
 * of the collection @target_kind being removed: removes them or drops the
 * id, as the reference says. Returns the number of items mended.
 */
static guint
ssr_assessment_mend_referrers (SsrAssessment     *self,
                               SsrCollectionKind  referrer_kind,
                               SsrCollectionKind  target_kind,
                               const char        *id)
{
  GPtrArray *items = self->collections[referrer_kind].items;
  /* a copy: removing referrers changes the collection */
  g_autoptr(GPtrArray) referrers = g_ptr_array_new_full (items->len, g_object_unref);
  guint n_mended = 0;

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (referrers, g_object_ref (g_ptr_array_index (items, i)));

  for (guint i = 0; i < referrers->len; i++)
    {
      SsrItem *referrer = g_ptr_array_index (referrers, i);
      gboolean remove = FALSE;
      gboolean mended = FALSE;

      for (guint r = 0; r < G_N_ELEMENTS (references); r++)
        {
          if (references[r].referrer == referrer_kind &&
              references[r].remove_referrer &&
              reference_may_name (&references[r], target_kind) &&
              reference_names (&references[r], referrer, id))
            remove = TRUE;
        }

      if (remove)
        {
          ssr_assessment_push_remove (self, referrer_kind, referrer);
          n_mended++;
          continue;
        }

      for (guint r = 0; r < G_N_ELEMENTS (references); r++)
        {
          if (references[r].referrer == referrer_kind &&
              reference_may_name (&references[r], target_kind) &&
              reference_names (&references[r], referrer, id))
            {
              ssr_assessment_push_unreference (self, &references[r], referrer, id);
              mended = TRUE;
            }
        }

      if (mended)
        n_mended++;
    }

  return n_mended;
}

static gboolean
ssr_assessment_check_reference (SsrAssessment      *self,
                                const SsrReference *reference,
                                SsrItem            *referrer,
                                GError            **error)
{
  g_auto(GStrv) ids = reference_get_ids (reference, referrer);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      SsrItem *target;

      if (ids[i][0] == '\0')
        continue;

      target = ssr_assessment_lookup (self, ids[i]);
      if (target != NULL &&
          reference_may_name (reference, collection_kind_for_type (G_OBJECT_TYPE (target))))
        continue;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_set_error (error, SSR_ERROR, SSR_ERROR_DANGLING_REFERENCE,
                   _(reference->dangling_message),
                   ssr_item_get_id (referrer), ids[i]);
#pragma GCC diagnostic pop

      return FALSE;
    }

  return TRUE;
}

/* GObject */

static void
history_changed_cb (SsrAssessment *self)
{
  self->n_changes++;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ssr_assessment_set_meta (SsrAssessment *self,
                         guint          prop_id,
                         const char    *value)
{
  g_assert (prop_id > PROP_0 && prop_id < N_META);

  if (g_strcmp0 (self->meta[prop_id], value) == 0)
    return;

  g_free (self->meta[prop_id]);
  self->meta[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
ssr_assessment_dispose (GObject *object)
{
  SsrAssessment *self = SSR_ASSESSMENT (object);

  g_clear_object (&self->history);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);

  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      SsrCollection *collection = &self->collections[i];

      if (collection->store != NULL)
        g_signal_handlers_disconnect_by_data (collection->store, collection);
      g_clear_object (&collection->store);
      g_clear_pointer (&collection->items, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (ssr_assessment_parent_class)->dispose (object);
}

static void
ssr_assessment_finalize (GObject *object)
{
  SsrAssessment *self = SSR_ASSESSMENT (object);

  for (guint i = 0; i < N_META; i++)
    g_clear_pointer (&self->meta[i], g_free);
  g_clear_pointer (&self->foreign, g_hash_table_unref);

  G_OBJECT_CLASS (ssr_assessment_parent_class)->finalize (object);
}

static void
ssr_assessment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsrAssessment *self = SSR_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_FRAMEWORK:
    case PROP_TITLE:
    case PROP_COUNTRY:
    case PROP_CONTEXT_TYPE:
    case PROP_CLASSIFICATION:
    case PROP_START_DATE:
    case PROP_END_DATE:
    case PROP_CONTEXT:
      g_value_set_string (value, self->meta[prop_id]);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_assessment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SsrAssessment *self = SSR_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_FRAMEWORK:
    case PROP_TITLE:
    case PROP_COUNTRY:
    case PROP_CONTEXT_TYPE:
    case PROP_CLASSIFICATION:
    case PROP_START_DATE:
    case PROP_END_DATE:
    case PROP_CONTEXT:
      ssr_assessment_set_meta (self, prop_id, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_assessment_class_init (SsrAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssr_assessment_dispose;
  object_class->finalize = ssr_assessment_finalize;
  object_class->get_property = ssr_assessment_get_property;
  object_class->set_property = ssr_assessment_set_property;

  for (guint i = PROP_FRAMEWORK; i < N_META; i++)
    properties[i] =
      g_param_spec_string (meta_names[i], NULL, NULL,
                           NULL,
                           (G_PARAM_READWRITE |
                            G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         SSR_TYPE_HISTORY,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsrAssessment::changed:
   *
   * Emitted once after each user action (an edit, an undo, a redo).
   * Building the document with ssr_assessment_append() does not emit it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ssr_assessment_init (SsrAssessment *self)
{
  self->history = ssr_history_new ();
  g_signal_connect_object (self->history,
                           "changed",
                           G_CALLBACK (history_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->meta[PROP_FRAMEWORK] = g_strdup (SSR_DEFAULT_FRAMEWORK);
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->foreign = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         g_free,
                                         (GDestroyNotify)_ssr_foreign_free);

  for (guint i = 0; i < N_COLLECTIONS; i++)
    {
      SsrCollection *collection = &self->collections[i];

      collection->assessment = self;
      collection->store = g_list_store_new (collection_infos[i].get_item_type ());
      collection->items = g_ptr_array_new_with_free_func (g_object_unref);
      g_signal_connect (collection->store,
                        "items-changed",
                        G_CALLBACK (collection_items_changed_cb),
                        collection);
    }
}

/**
 * ssr_assessment_new:
 *
 * Returns: (transfer full): a new, empty document following the default
 *   framework
 */
SsrAssessment *
ssr_assessment_new (void)
{
  return g_object_new (SSR_TYPE_ASSESSMENT, NULL);
}

/**
 * ssr_assessment_get_history:
 * @self: a #SsrAssessment
 *
 * Returns: (transfer none): the history through which every edit passes
 */
SsrHistory *
ssr_assessment_get_history (SsrAssessment *self)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), NULL);

  return self->history;
}

static const char *
ssr_assessment_get_meta (SsrAssessment *self,
                         guint          prop_id)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), NULL);

  return self->meta[prop_id];
}

const char *
ssr_assessment_get_framework (SsrAssessment *self)
{
  return ssr_assessment_get_meta (self, PROP_FRAMEWORK);
}

const char *
ssr_assessment_get_title (SsrAssessment *self)
{
  return ssr_assessment_get_meta (self, PROP_TITLE);
}

const char *
ssr_assessment_get_country (SsrAssessment *self)
{
  return ssr_assessment_get_meta (self, PROP_COUNTRY);
}

const char *
ssr_assessment_get_context_type (SsrAssessment *self)
{
  return ssr_assessment_get_meta (self, PROP_CONTEXT_TYPE);
}

const char *
ssr_assessment_get_classification (SsrAssessment *self)
{
  return ssr_assessment_get_meta (self, PROP_CLASSIFICATION);
}

const char *
ssr_assessment_get_start_date (SsrAssessment *self)
{
  return ssr_assessment_get_meta (self, PROP_START_DATE);
}

const char *
ssr_assessment_get_end_date (SsrAssessment *self)
{
  return ssr_assessment_get_meta (self, PROP_END_DATE);
}

const char *
ssr_assessment_get_context (SsrAssessment *self)
{
  return ssr_assessment_get_meta (self, PROP_CONTEXT);
}

static GListModel *
ssr_assessment_get_store (SsrAssessment     *self,
                          SsrCollectionKind  kind)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), NULL);

  return G_LIST_MODEL (self->collections[kind].store);
}

/**
 * ssr_assessment_get_team:
 * @self: a #SsrAssessment
 *
 * The collection getters all return (transfer none) a #GListModel of the
 * item type named in ssr-assessment.h.
 *
 * Returns: (transfer none): the team members
 */
GListModel *
ssr_assessment_get_team (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_TEAM);
}

GListModel *
ssr_assessment_get_steps (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_STEPS);
}

GListModel *
ssr_assessment_get_actors (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_ACTORS);
}

GListModel *
ssr_assessment_get_relations (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_RELATIONS);
}

GListModel *
ssr_assessment_get_organisations (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_ORGANISATIONS);
}

GListModel *
ssr_assessment_get_mechanisms (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_MECHANISMS);
}

GListModel *
ssr_assessment_get_findings (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_FINDINGS);
}

GListModel *
ssr_assessment_get_priorities (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_PRIORITIES);
}

GListModel *
ssr_assessment_get_indicators (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_INDICATORS);
}

GListModel *
ssr_assessment_get_principles (SsrAssessment *self)
{
  return ssr_assessment_get_store (self, COLLECTION_PRINCIPLES);
}

/**
 * ssr_assessment_get_collection:
 * @self: a #SsrAssessment
 * @item_type: a type derived from #SsrItem
 *
 * Returns: (transfer none) (nullable): the collection holding items of
 *   @item_type, or %NULL when no collection does
 */
GListModel *
ssr_assessment_get_collection (SsrAssessment *self,
                               GType          item_type)
{
  SsrCollectionKind kind;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, SSR_TYPE_ITEM), NULL);

  kind = collection_kind_for_type (item_type);
  if (kind == N_COLLECTIONS)
    return NULL;

  return G_LIST_MODEL (self->collections[kind].store);
}

/**
 * ssr_assessment_lookup:
 * @self: a #SsrAssessment
 * @id: an item id
 *
 * Returns: (transfer none) (nullable): the item of the document with @id
 */
SsrItem *
ssr_assessment_lookup (SsrAssessment *self,
                       const char    *id)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->items_by_id, id);
}

/**
 * ssr_assessment_find_step_record:
 * @self: a #SsrAssessment
 * @step_id: the term id of a framework step
 *
 * Returns: (transfer none) (nullable): the record of that step
 */
SsrStepRecord *
ssr_assessment_find_step_record (SsrAssessment *self,
                                 const char    *step_id)
{
  GPtrArray *records;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  records = self->collections[COLLECTION_STEPS].items;
  for (guint i = 0; i < records->len; i++)
    {
      SsrStepRecord *record = g_ptr_array_index (records, i);

      if (g_strcmp0 (ssr_step_record_get_step (record), step_id) == 0)
        return record;
    }

  return NULL;
}

/**
 * ssr_assessment_add_item:
 * @self: a #SsrAssessment
 * @item: (transfer none): an item whose id is not in the document yet
 *
 * Appends @item to its collection, as one undoable action.
 */
void
ssr_assessment_add_item (SsrAssessment *self,
                         SsrItem       *item)
{
  g_autoptr(SsrCommand) command = NULL;
  SsrCollectionKind kind;
  GListStore *store;
  const char *id;

  g_return_if_fail (SSR_IS_ASSESSMENT (self));
  g_return_if_fail (SSR_IS_ITEM (item));

  kind = collection_kind_for_type (G_OBJECT_TYPE (item));
  g_return_if_fail (kind != N_COLLECTIONS);

  id = ssr_item_get_id (item);
  g_return_if_fail (id == NULL || ssr_assessment_lookup (self, id) == NULL);

  store = self->collections[kind].store;
  g_return_if_fail (!g_list_store_find (store, item, NULL));

  command = ssr_insert_command_new (store,
                                    g_list_model_get_n_items (G_LIST_MODEL (store)),
                                    item);
  ssr_command_set_label (command, _(collection_infos[kind].add_label));
  ssr_history_push (self->history, command);
}

/**
 * ssr_assessment_remove_item:
 * @self: a #SsrAssessment
 * @item: an item of the document
 *
 * Removes @item and mends what referred to it, as one undoable action:
 * the relations of an actor go with it; the id of an actor or an
 * organisation leaves finding actors, mechanism members and a mechanism's
 * lead; a finding leaves the priorities; a priority leaves the indicators.
 *
 * Returns: the number of other items changed or removed
 */
guint
ssr_assessment_remove_item (SsrAssessment *self,
                            SsrItem       *item)
{
  SsrCollectionKind kind;
  const char *id;
  guint n_mended = 0;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), 0);
  g_return_val_if_fail (SSR_IS_ITEM (item), 0);

  kind = collection_kind_for_type (G_OBJECT_TYPE (item));
  g_return_val_if_fail (kind != N_COLLECTIONS, 0);
  g_return_val_if_fail (g_list_store_find (self->collections[kind].store, item, NULL), 0);

  /* the item, held by its collection and then by the command removing it,
   * keeps its id alive while the referrers are mended */
  id = ssr_item_get_id (item);

  ssr_history_begin_group (self->history, _(collection_infos[kind].remove_label));

  if (id != NULL)
    {
      for (guint referrer_kind = 0; referrer_kind < N_COLLECTIONS; referrer_kind++)
        n_mended += ssr_assessment_mend_referrers (self, referrer_kind, kind, id);
    }

  ssr_assessment_push_remove (self, kind, item);

  ssr_history_end_group (self->history);

  return n_mended;
}

/**
 * ssr_assessment_move_item:
 * @self: a #SsrAssessment
 * @item: an item of the document
 * @position: its new position in its collection
 *
 * Moves @item as one undoable action. For a priority, the position is its
 * sequence.
 */
void
ssr_assessment_move_item (SsrAssessment *self,
                          SsrItem       *item,
                          guint          position)
{
  g_autoptr(SsrCommand) command = NULL;
  SsrCollectionKind kind;
  GListStore *store;
  guint from;

  g_return_if_fail (SSR_IS_ASSESSMENT (self));
  g_return_if_fail (SSR_IS_ITEM (item));

  kind = collection_kind_for_type (G_OBJECT_TYPE (item));
  g_return_if_fail (kind != N_COLLECTIONS);

  store = self->collections[kind].store;
  g_return_if_fail (g_list_store_find (store, item, &from));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));

  if (from == position)
    return;

  command = ssr_move_command_new (store, from, position);
  ssr_command_set_label (command, _(collection_infos[kind].move_label));
  ssr_history_push (self->history, command);
}

typedef struct
{
  GParamSpec *pspec;
  GValue      value;
} SsrPropertyChange;

static void
ssr_property_change_clear (gpointer data)
{
  SsrPropertyChange *change = data;

  g_value_unset (&change->value);
}

/* Collects name/value pairs as g_object_set() does. */
static gboolean
collect_property_changes (gpointer    object,
                          const char *first_property,
                          va_list     args,
                          GArray     *changes)
{
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      SsrPropertyChange change = { NULL, G_VALUE_INIT };
      g_autofree char *error = NULL;

      change.pspec = find_changeable_property (object, name);
      if (change.pspec == NULL)
        return FALSE;

      G_VALUE_COLLECT_INIT (&change.value, change.pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          g_value_unset (&change.value);
          return FALSE;
        }

      g_array_append_val (changes, change);
    }

  return TRUE;
}

/**
 * ssr_assessment_set:
 * @self: a #SsrAssessment
 * @object: an item of the document, or the document itself
 * @first_property: the name of the first property to set
 * @...: its value, then more name/value pairs, then %NULL
 *
 * Sets properties as g_object_set() does, as one undoable action.
 * Properties that already have the value are left alone; when none
 * changes, nothing is recorded.
 */
void
ssr_assessment_set (SsrAssessment *self,
                    gpointer       object,
                    const char    *first_property,
                    ...)
{
  g_autoptr(GArray) changes = NULL;
  gboolean collected;
  va_list args;

  g_return_if_fail (SSR_IS_ASSESSMENT (self));
  g_return_if_fail (object == (gpointer)self || SSR_IS_ITEM (object));

  changes = g_array_new (FALSE, TRUE, sizeof (SsrPropertyChange));
  g_array_set_clear_func (changes, ssr_property_change_clear);

  va_start (args, first_property);
  collected = collect_property_changes (object, first_property, args, changes);
  va_end (args);

  if (!collected)
    return;

  ssr_history_begin_group (self->history, _("Edit"));
  for (guint i = 0; i < changes->len; i++)
    {
      SsrPropertyChange *change = &g_array_index (changes, SsrPropertyChange, i);

      ssr_assessment_push_property (self, object, change->pspec, &change->value);
    }
  ssr_history_end_group (self->history);
}

/**
 * ssr_assessment_set_value:
 * @self: a #SsrAssessment
 * @object: an item of the document, or the document itself
 * @property: the name of the property
 * @value: the new value, of the property's type or transformable to it
 *
 * Sets one property as one undoable action, unless it already has @value.
 */
void
ssr_assessment_set_value (SsrAssessment *self,
                          gpointer       object,
                          const char    *property,
                          const GValue  *value)
{
  g_auto(GValue) converted = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_if_fail (SSR_IS_ASSESSMENT (self));
  g_return_if_fail (object == (gpointer)self || SSR_IS_ITEM (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = find_changeable_property (object, property);
  if (pspec == NULL)
    return;

  g_value_init (&converted, pspec->value_type);
  if (!g_value_transform (value, &converted))
    {
      g_critical ("A %s cannot be stored in the property “%s” of %s",
                  G_VALUE_TYPE_NAME (value), property, G_OBJECT_TYPE_NAME (object));
      return;
    }

  ssr_history_begin_group (self->history, _("Edit"));
  ssr_assessment_push_property (self, object, pspec, &converted);
  ssr_history_end_group (self->history);
}

/**
 * ssr_assessment_append:
 * @self: a #SsrAssessment
 * @item: (transfer none): the item to append to its collection
 * @error: return location for a #GError
 *
 * Appends @item without recording it in the history, for readers and
 * generators building a document.
 *
 * Returns: %FALSE with %SSR_ERROR_DUPLICATE_ID if the document already
 *   has an item with the id of @item
 */
gboolean
ssr_assessment_append (SsrAssessment  *self,
                       SsrItem        *item,
                       GError        **error)
{
  SsrCollectionKind kind;
  const char *id;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (SSR_IS_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kind = collection_kind_for_type (G_OBJECT_TYPE (item));
  g_return_val_if_fail (kind != N_COLLECTIONS, FALSE);

  id = ssr_item_get_id (item);
  if (id != NULL && g_hash_table_contains (self->items_by_id, id))
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_DUPLICATE_ID,
                   _("Two items have the id %s; every item needs its own"),
                   id);
      return FALSE;
    }

  g_list_store_append (self->collections[kind].store, item);

  return TRUE;
}

/*
 * Appends @items, all of @item_type, to their collection in one splice,
 * so that the collection emits items-changed once. Fails as
 * ssr_assessment_append() does, without appending any, if an id is
 * already in the document or twice among @items.
 */
gboolean
_ssr_assessment_append_all (SsrAssessment  *self,
                            GType           item_type,
                            SsrItem       **items,
                            guint           n_items,
                            GError        **error)
{
  SsrCollectionKind kind;
  GListStore *store;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kind = collection_kind_for_type (item_type);
  g_return_val_if_fail (kind != N_COLLECTIONS, FALSE);

  for (guint i = 0; i < n_items; i++)
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (items[i], item_type), FALSE);

  /*
   * The id table learns the items here, so that a duplicate among them
   * is found too; the splice's items-changed then finds them known.
   */
  for (guint i = 0; i < n_items; i++)
    {
      const char *id = ssr_item_get_id (items[i]);

      if (g_hash_table_contains (self->items_by_id, id))
        {
          g_set_error (error, SSR_ERROR, SSR_ERROR_DUPLICATE_ID,
                       _("Two items have the id %s; every item needs its own"),
                       id);
          while (i-- > 0)
            g_hash_table_remove (self->items_by_id, ssr_item_get_id (items[i]));
          return FALSE;
        }
      g_hash_table_insert (self->items_by_id, (gpointer)id, items[i]);
    }

  store = self->collections[kind].store;
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       (gpointer *)items, n_items);

  return TRUE;
}

/**
 * ssr_assessment_check_references:
 * @self: a #SsrAssessment
 * @error: return location for a #GError
 *
 * Checks that every id an item refers to names an item of the right kind
 * in the document, in document order.
 *
 * Returns: %FALSE with %SSR_ERROR_DANGLING_REFERENCE, naming the first
 *   item that refers to nothing and the id it names, if one does
 */
gboolean
ssr_assessment_check_references (SsrAssessment  *self,
                                 GError        **error)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint kind = 0; kind < N_COLLECTIONS; kind++)
    {
      GPtrArray *items = self->collections[kind].items;

      for (guint i = 0; i < items->len; i++)
        {
          for (guint r = 0; r < G_N_ELEMENTS (references); r++)
            {
              if (references[r].referrer == kind &&
                  !ssr_assessment_check_reference (self, &references[r],
                                                   g_ptr_array_index (items, i),
                                                   error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* Foreign content */

SsrForeign *
_ssr_assessment_get_foreign (SsrAssessment *self,
                             const char    *section)
{
  SsrForeign *foreign;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  foreign = g_hash_table_lookup (self->foreign, section);
  if (foreign == NULL)
    {
      foreign = _ssr_foreign_new ();
      g_hash_table_insert (self->foreign, g_strdup (section), foreign);
    }

  return foreign;
}

SsrForeign *
_ssr_assessment_peek_foreign (SsrAssessment *self,
                              const char    *section)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  return g_hash_table_lookup (self->foreign, section);
}

/* Load */

/**
 * ssr_assessment_load:
 * @file: the file to read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a document. Files larger than %SSR_XML_MAX_SIZE are refused
 * before they are read.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with an
 *   error naming the file
 */
SsrAssessment *
ssr_assessment_load (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE,
                            cancellable,
                            error);
  if (info == NULL)
    {
      g_prefix_error (error, _("Could not open “%s”: "), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > SSR_XML_MAX_SIZE)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_TOO_LARGE,
                   _("Could not open “%s”: it is larger than %d MiB, the largest assessment SSR Workbench opens"),
                   name, SSR_XML_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    {
      g_prefix_error (error, _("Could not open “%s”: "), name);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return ssr_xml_read (bytes, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  SsrAssessment *assessment;

  assessment = ssr_assessment_load (file, cancellable, &error);
  if (assessment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, assessment, g_object_unref);
}

/**
 * ssr_assessment_load_async:
 * @file: the file to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads and parses a document in a worker thread.
 */
void
ssr_assessment_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssr_assessment_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * ssr_assessment_load_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with an error
 */
SsrAssessment *
ssr_assessment_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ssr_assessment_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Save */

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  /* the document's count of changes when it was serialized */
  guint64  n_changes;
} SsrSave;

static void
ssr_save_free (gpointer data)
{
  SsrSave *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_free (save);
}

/*
 * GIO's atomic replace: a temporary file beside @file, fsync when an
 * existing file is replaced, rename; the previous file is kept as FILE~.
 *
 * Not g_file_replace_contents(): when a write fails (full disk, file size
 * limit), GLib 2.74 closes the stream normally, which renames the
 * truncated temporary file over the original (and the async variant
 * leaves the temporary file behind). Closing with a cancelled cancellable
 * deletes the temporary file and leaves the original as it was.
 */
static gboolean
replace_file_contents (GFile         *file,
                       GBytes        *bytes,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  stream = g_file_replace (file, NULL, TRUE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable, error))
    return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  discard = g_cancellable_new ();
  g_cancellable_cancel (discard);
  g_output_stream_close (G_OUTPUT_STREAM (stream), discard, NULL);

  return FALSE;
}

static gboolean
write_save (SsrSave       *save,
            GCancellable  *cancellable,
            GError       **error)
{
  if (!replace_file_contents (save->file, save->bytes, cancellable, error))
    {
      g_autofree char *name = g_file_get_basename (save->file);

      g_prefix_error (error, _("Could not save “%s”: "), name);
      return FALSE;
    }

  return TRUE;
}

static SsrSave *
ssr_assessment_prepare_save (SsrAssessment *self,
                             GFile         *file)
{
  SsrSave *save = g_new0 (SsrSave, 1);

  save->file = g_object_ref (file);
  save->bytes = ssr_xml_write (self);
  save->n_changes = self->n_changes;

  return save;
}

/* Marks the history saved if the document did not change since @save began. */
static void
ssr_assessment_saved (SsrAssessment *self,
                      SsrSave       *save)
{
  if (save->n_changes == self->n_changes)
    ssr_history_mark_saved (self->history);
}

/**
 * ssr_assessment_save:
 * @self: a #SsrAssessment
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves atomically, keeping the previous file as FILE~. A failed save
 * leaves the previous file as it was. On success the history is marked
 * saved.
 *
 * Returns: %FALSE with an error naming the file on failure
 */
gboolean
ssr_assessment_save (SsrAssessment  *self,
                     GFile          *file,
                     GCancellable   *cancellable,
                     GError        **error)
{
  SsrSave *save;
  gboolean written;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  save = ssr_assessment_prepare_save (self, file);
  written = write_save (save, cancellable, error);
  if (written)
    ssr_assessment_saved (self, save);
  ssr_save_free (save);

  return written;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_save (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ssr_assessment_save_async:
 * @self: a #SsrAssessment
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Serializes the document now, then writes it in a worker thread as
 * ssr_assessment_save() does. Edits made meanwhile are not saved, and
 * keep the document modified.
 */
void
ssr_assessment_save_async (SsrAssessment       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SSR_IS_ASSESSMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssr_assessment_save_async);
  g_task_set_task_data (task, ssr_assessment_prepare_save (self, file), ssr_save_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * ssr_assessment_save_finish:
 * @self: a #SsrAssessment
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Completes a save; on success marks the history saved, unless the
 * document changed while it was written.
 *
 * Returns: %FALSE with an error naming the file on failure
 */
gboolean
ssr_assessment_save_finish (SsrAssessment  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SSR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ssr_assessment_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  ssr_assessment_saved (self, g_task_get_task_data (G_TASK (result)));

  return TRUE;
}
