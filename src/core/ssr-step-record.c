/* ssr-step-record.c: what a team recorded at one step of the framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-step-record"

#include "config.h"

#include "ssr-step-record.h"
#include "ssr-core-enums.h"
#include "ssr-item-private.h"

struct _SsrStepRecord
{
  SsrItem         parent_instance;

  char           *step;
  SsrStepStatus   status;
  char          **tasks_done;
  char           *notes;
};

G_DEFINE_FINAL_TYPE (SsrStepRecord, ssr_step_record, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_STEP,
  PROP_STATUS,
  PROP_TASKS_DONE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_step_record_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new step record
 */
SsrStepRecord *
ssr_step_record_new (const char *id)
{
  return g_object_new (SSR_TYPE_STEP_RECORD, "id", id, NULL);
}

static const char *
ssr_step_record_get_label (SsrItem *item)
{
  return SSR_STEP_RECORD (item)->step;
}

static void
ssr_step_record_finalize (GObject *object)
{
  SsrStepRecord *self = SSR_STEP_RECORD (object);

  g_clear_pointer (&self->step, g_free);
  g_clear_pointer (&self->tasks_done, g_strfreev);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (ssr_step_record_parent_class)->finalize (object);
}

static void
ssr_step_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsrStepRecord *self = SSR_STEP_RECORD (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_string (value, self->step);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_TASKS_DONE:
      g_value_set_boxed (value, self->tasks_done);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_step_record_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsrStepRecord *self = SSR_STEP_RECORD (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_STEP:
      _ssr_item_set_string (item, &self->step, g_value_get_string (value), pspec);
      break;

    case PROP_STATUS:
      _ssr_item_set_int (item, (int *) &self->status, g_value_get_enum (value), pspec);
      break;

    case PROP_TASKS_DONE:
      _ssr_item_set_strv (item, &self->tasks_done, g_value_get_boxed (value), pspec);
      break;

    case PROP_NOTES:
      _ssr_item_set_string (item, &self->notes, g_value_get_string (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_step_record_class_init (SsrStepRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_step_record_finalize;
  object_class->get_property = ssr_step_record_get_property;
  object_class->set_property = ssr_step_record_set_property;

  item_class->element_name = "step-record";
  item_class->id_prefix = "sr";
  item_class->get_label = ssr_step_record_get_label;

  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SSR_TYPE_STEP_STATUS, SSR_STEP_NOT_STARTED,
                       SSR_ITEM_PARAM_FLAGS);
  properties[PROP_TASKS_DONE] =
    g_param_spec_boxed ("tasks-done", NULL, NULL, G_TYPE_STRV, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_step_record_init (SsrStepRecord *self)
{
  self->status = SSR_STEP_NOT_STARTED;
}

const char *
ssr_step_record_get_step (SsrStepRecord *self)
{
  g_return_val_if_fail (SSR_IS_STEP_RECORD (self), NULL);

  return self->step;
}

SsrStepStatus
ssr_step_record_get_status (SsrStepRecord *self)
{
  g_return_val_if_fail (SSR_IS_STEP_RECORD (self), SSR_STEP_NOT_STARTED);

  return self->status;
}

/**
 * ssr_step_record_get_tasks_done:
 * @self: a step record
 *
 * Returns: (transfer none): the tasks done, never %NULL
 */
const char * const *
ssr_step_record_get_tasks_done (SsrStepRecord *self)
{
  g_return_val_if_fail (SSR_IS_STEP_RECORD (self), NULL);

  return _ssr_item_strv_or_empty (self->tasks_done);
}

gboolean
ssr_step_record_is_task_done (SsrStepRecord *self,
                              const char    *task)
{
  g_return_val_if_fail (SSR_IS_STEP_RECORD (self), FALSE);
  g_return_val_if_fail (task != NULL, FALSE);

  return g_strv_contains (_ssr_item_strv_or_empty (self->tasks_done), task);
}

const char *
ssr_step_record_get_notes (SsrStepRecord *self)
{
  g_return_val_if_fail (SSR_IS_STEP_RECORD (self), NULL);

  return self->notes;
}
