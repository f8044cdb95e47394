/* ssr-indicator.c: an indicator with baseline, target and dated measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-indicator"

#include "config.h"

#include "ssr-indicator.h"
#include "ssr-core-enums.h"
#include "ssr-item-private.h"

struct _SsrIndicator
{
  SsrItem           parent_instance;

  char             *name;
  SsrIndicatorKind  kind;
  char             *unit;
  double            baseline;
  char             *baseline_date;
  double            target;
  char             *target_date;
  char             *source;
  char             *owner;
  char             *priority;
  GVariant         *measurements;
};

G_DEFINE_FINAL_TYPE (SsrIndicator, ssr_indicator, SSR_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_UNIT,
  PROP_BASELINE,
  PROP_BASELINE_DATE,
  PROP_TARGET,
  PROP_TARGET_DATE,
  PROP_SOURCE,
  PROP_OWNER,
  PROP_PRIORITY,
  PROP_MEASUREMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ssr_indicator_new:
 * @id: (nullable): the id, or %NULL for a new one
 *
 * Returns: (transfer full): a new indicator
 */
SsrIndicator *
ssr_indicator_new (const char *id)
{
  return g_object_new (SSR_TYPE_INDICATOR, "id", id, NULL);
}

static const char *
ssr_indicator_get_label (SsrItem *item)
{
  return SSR_INDICATOR (item)->name;
}

static int
compare_measurement_dates (gconstpointer a,
                           gconstpointer b)
{
  const char *date_a;
  const char *date_b;

  g_variant_get_child (*(GVariant **) a, 0, "&s", &date_a);
  g_variant_get_child (*(GVariant **) b, 0, "&s", &date_b);

  return g_strcmp0 (date_a, date_b);
}

/* ISO 8601 dates sort as strings; the sort is stable. */
static GVariant *
sort_measurements (GVariant *measurements)
{
  g_autoptr(GPtrArray) rows = NULL;
  gsize n_rows;

  if (measurements == NULL)
    return NULL;

  n_rows = g_variant_n_children (measurements);
  rows = g_ptr_array_new_full (n_rows, (GDestroyNotify) g_variant_unref);
  for (gsize i = 0; i < n_rows; i++)
    g_ptr_array_add (rows, g_variant_get_child_value (measurements, i));
  g_ptr_array_sort (rows, compare_measurement_dates);

  return g_variant_new_array (G_VARIANT_TYPE ("(sds)"), (GVariant **) rows->pdata, n_rows);
}

static void
ssr_indicator_finalize (GObject *object)
{
  SsrIndicator *self = SSR_INDICATOR (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->baseline_date, g_free);
  g_clear_pointer (&self->target_date, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->priority, g_free);
  g_clear_pointer (&self->measurements, g_variant_unref);

  G_OBJECT_CLASS (ssr_indicator_parent_class)->finalize (object);
}

static void
ssr_indicator_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SsrIndicator *self = SSR_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_BASELINE:
      g_value_set_double (value, self->baseline);
      break;

    case PROP_BASELINE_DATE:
      g_value_set_string (value, self->baseline_date);
      break;

    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;

    case PROP_TARGET_DATE:
      g_value_set_string (value, self->target_date);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_PRIORITY:
      g_value_set_string (value, self->priority);
      break;

    case PROP_MEASUREMENTS:
      g_value_set_variant (value, self->measurements);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_indicator_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SsrIndicator *self = SSR_INDICATOR (object);
  SsrItem *item = SSR_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      _ssr_item_set_string (item, &self->name, g_value_get_string (value), pspec);
      break;

    case PROP_KIND:
      _ssr_item_set_int (item, (int *) &self->kind, g_value_get_enum (value), pspec);
      break;

    case PROP_UNIT:
      _ssr_item_set_string (item, &self->unit, g_value_get_string (value), pspec);
      break;

    case PROP_BASELINE:
      _ssr_item_set_double (item, &self->baseline, g_value_get_double (value), pspec);
      break;

    case PROP_BASELINE_DATE:
      _ssr_item_set_string (item, &self->baseline_date, g_value_get_string (value), pspec);
      break;

    case PROP_TARGET:
      _ssr_item_set_double (item, &self->target, g_value_get_double (value), pspec);
      break;

    case PROP_TARGET_DATE:
      _ssr_item_set_string (item, &self->target_date, g_value_get_string (value), pspec);
      break;

    case PROP_SOURCE:
      _ssr_item_set_string (item, &self->source, g_value_get_string (value), pspec);
      break;

    case PROP_OWNER:
      _ssr_item_set_string (item, &self->owner, g_value_get_string (value), pspec);
      break;

    case PROP_PRIORITY:
      _ssr_item_set_string (item, &self->priority, g_value_get_string (value), pspec);
      break;

    case PROP_MEASUREMENTS:
      _ssr_item_set_variant (item, &self->measurements,
                             sort_measurements (g_value_get_variant (value)), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_indicator_class_init (SsrIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsrItemClass *item_class = SSR_ITEM_CLASS (klass);

  object_class->finalize = ssr_indicator_finalize;
  object_class->get_property = ssr_indicator_get_property;
  object_class->set_property = ssr_indicator_set_property;

  item_class->element_name = "indicator";
  item_class->id_prefix = "in";
  item_class->get_label = ssr_indicator_get_label;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SSR_TYPE_INDICATOR_KIND, SSR_INDICATOR_SUPPLY,
                       SSR_ITEM_PARAM_FLAGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_BASELINE] =
    g_param_spec_double ("baseline", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         SSR_ITEM_PARAM_FLAGS);
  properties[PROP_BASELINE_DATE] =
    g_param_spec_string ("baseline-date", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         SSR_ITEM_PARAM_FLAGS);
  properties[PROP_TARGET_DATE] =
    g_param_spec_string ("target-date", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_PRIORITY] =
    g_param_spec_string ("priority", NULL, NULL, NULL, SSR_ITEM_PARAM_FLAGS);
  properties[PROP_MEASUREMENTS] =
    g_param_spec_variant ("measurements", NULL, NULL,
                          G_VARIANT_TYPE ("a(sds)"), NULL,
                          SSR_ITEM_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssr_indicator_init (SsrIndicator *self)
{
  self->kind = SSR_INDICATOR_SUPPLY;
  self->measurements = g_variant_ref_sink (g_variant_new ("a(sds)", NULL));
}

const char *
ssr_indicator_get_name (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), NULL);

  return self->name;
}

SsrIndicatorKind
ssr_indicator_get_kind (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), SSR_INDICATOR_SUPPLY);

  return self->kind;
}

const char *
ssr_indicator_get_unit (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), NULL);

  return self->unit;
}

double
ssr_indicator_get_baseline (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), 0);

  return self->baseline;
}

const char *
ssr_indicator_get_baseline_date (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), NULL);

  return self->baseline_date;
}

double
ssr_indicator_get_target (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), 0);

  return self->target;
}

const char *
ssr_indicator_get_target_date (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), NULL);

  return self->target_date;
}

const char *
ssr_indicator_get_source (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), NULL);

  return self->source;
}

const char *
ssr_indicator_get_owner (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), NULL);

  return self->owner;
}

const char *
ssr_indicator_get_priority (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), NULL);

  return self->priority;
}

/**
 * ssr_indicator_get_measurements:
 * @self: an indicator
 *
 * Returns: (transfer none): the measurements, "a(sds)", never %NULL
 */
GVariant *
ssr_indicator_get_measurements (SsrIndicator *self)
{
  g_return_val_if_fail (SSR_IS_INDICATOR (self), NULL);

  return self->measurements;
}

/* Measurements are kept sorted, so the latest is the last. */
gboolean
ssr_indicator_get_latest (SsrIndicator  *self,
                          const char   **date,
                          double        *value)
{
  gsize n_rows;

  g_return_val_if_fail (SSR_IS_INDICATOR (self), FALSE);

  n_rows = g_variant_n_children (self->measurements);
  if (n_rows == 0)
    return FALSE;

  g_variant_get_child (self->measurements, n_rows - 1, "(&sd&s)", date, value, NULL);

  return TRUE;
}
