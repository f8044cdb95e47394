/* ssr-sidebar.c: the window's table of contents, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-sidebar"

#include "config.h"

#include "ssr-sidebar.h"

#include <glib/gi18n.h>

#include "ssr-actor.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-step-record.h"
#include "ssr-term.h"

typedef enum
{
  ENTRY_PHASE,
  ENTRY_STEP,
  ENTRY_PAGE,
} EntryKind;

struct _SsrSidebarEntry
{
  GObject        parent_instance;

  EntryKind      kind;
  char          *page_id;
  char          *title;
  char          *subtitle;
  char          *count;
  const char    *icon_name;
  SsrStepStatus  status;

  /* Phases: the terms of their steps; pages: the collection counted. */
  GPtrArray     *steps;
  GType          counted_type;
};

G_DEFINE_FINAL_TYPE (SsrSidebarEntry, ssr_sidebar_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_PAGE_ID,
  ENTRY_PROP_TITLE,
  ENTRY_PROP_SUBTITLE,
  ENTRY_PROP_HAS_SUBTITLE,
  ENTRY_PROP_COUNT,
  ENTRY_PROP_HAS_COUNT,
  ENTRY_PROP_ICON_NAME,
  ENTRY_PROP_HAS_ICON,
  ENTRY_PROP_ICON_CSS_CLASSES,
  ENTRY_PROP_CSS_CLASSES,
  ENTRY_PROP_SELECTABLE,
  ENTRY_PROP_STATUS,
  ENTRY_N_PROPS
};

static GParamSpec *entry_properties[ENTRY_N_PROPS];

static const char *
status_icon_name (SsrStepStatus status)
{
  switch (status)
    {
    case SSR_STEP_DONE:
      return "emblem-ok-symbolic";
    case SSR_STEP_IN_PROGRESS:
      return "radio-mixed-symbolic";
    case SSR_STEP_NOT_STARTED:
    default:
      return "radio-symbolic";
    }
}

static const char *
status_css_class (SsrStepStatus status)
{
  switch (status)
    {
    case SSR_STEP_DONE:
      return "step-status-done";
    case SSR_STEP_IN_PROGRESS:
      return "step-status-in-progress";
    case SSR_STEP_NOT_STARTED:
    default:
      return "step-status-not-started";
    }
}

static const char *
status_label (SsrStepStatus status)
{
  switch (status)
    {
    case SSR_STEP_DONE:
      return _("Done");
    case SSR_STEP_IN_PROGRESS:
      return _("In progress");
    case SSR_STEP_NOT_STARTED:
    default:
      return _("Not started");
    }
}

static const char *
entry_css_class (SsrSidebarEntry *self)
{
  switch (self->kind)
    {
    case ENTRY_PHASE:
      return "sidebar-phase";
    case ENTRY_STEP:
      return "sidebar-step";
    case ENTRY_PAGE:
    default:
      return "sidebar-page";
    }
}

static void
ssr_sidebar_entry_finalize (GObject *object)
{
  SsrSidebarEntry *self = (SsrSidebarEntry *)object;

  g_free (self->page_id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->count);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_sidebar_entry_parent_class)->finalize (object);
}

static void
ssr_sidebar_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SsrSidebarEntry *self = SSR_SIDEBAR_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_PAGE_ID:
      g_value_set_string (value, self->page_id);
      break;

    case ENTRY_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case ENTRY_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case ENTRY_PROP_HAS_SUBTITLE:
      g_value_set_boolean (value, self->subtitle != NULL);
      break;

    case ENTRY_PROP_COUNT:
      g_value_set_string (value, self->count);
      break;

    case ENTRY_PROP_HAS_COUNT:
      g_value_set_boolean (value, self->count != NULL);
      break;

    case ENTRY_PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case ENTRY_PROP_HAS_ICON:
      g_value_set_boolean (value, self->icon_name != NULL);
      break;

    case ENTRY_PROP_ICON_CSS_CLASSES:
      {
        const char *classes[] = { NULL, NULL };

        if (self->kind == ENTRY_STEP)
          classes[0] = status_css_class (self->status);
        g_value_set_boxed (value, classes);
      }
      break;

    case ENTRY_PROP_CSS_CLASSES:
      {
        const char *classes[] = { entry_css_class (self), NULL };

        g_value_set_boxed (value, classes);
      }
      break;

    case ENTRY_PROP_SELECTABLE:
      g_value_set_boolean (value, ssr_sidebar_entry_get_selectable (self));
      break;

    case ENTRY_PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssr_sidebar_entry_class_init (SsrSidebarEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ssr_sidebar_entry_finalize;
  object_class->get_property = ssr_sidebar_entry_get_property;

  entry_properties[ENTRY_PROP_PAGE_ID] = g_param_spec_string ("page-id", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_HAS_SUBTITLE] =
    g_param_spec_boolean ("has-subtitle", NULL, NULL, FALSE, flags);
  entry_properties[ENTRY_PROP_COUNT] = g_param_spec_string ("count", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_HAS_COUNT] =
    g_param_spec_boolean ("has-count", NULL, NULL, FALSE, flags);
  entry_properties[ENTRY_PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  entry_properties[ENTRY_PROP_HAS_ICON] = g_param_spec_boolean ("has-icon", NULL, NULL, FALSE, flags);
  entry_properties[ENTRY_PROP_ICON_CSS_CLASSES] =
    g_param_spec_boxed ("icon-css-classes", NULL, NULL, G_TYPE_STRV, flags);
  entry_properties[ENTRY_PROP_CSS_CLASSES] =
    g_param_spec_boxed ("css-classes", NULL, NULL, G_TYPE_STRV, flags);
  entry_properties[ENTRY_PROP_SELECTABLE] =
    g_param_spec_boolean ("selectable", NULL, NULL, TRUE, flags);
  entry_properties[ENTRY_PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      SSR_STEP_NOT_STARTED, SSR_STEP_DONE, SSR_STEP_NOT_STARTED, flags);
  g_object_class_install_properties (object_class, ENTRY_N_PROPS, entry_properties);
}

static void
ssr_sidebar_entry_init (SsrSidebarEntry *self)
{
}

static SsrSidebarEntry *
entry_new (EntryKind   kind,
           const char *page_id,
           const char *title,
           const char *icon_name)
{
  SsrSidebarEntry *self = g_object_new (SSR_TYPE_SIDEBAR_ENTRY, NULL);

  self->kind = kind;
  self->page_id = g_strdup (page_id);
  self->title = g_strdup (title);
  self->icon_name = icon_name;
  self->counted_type = G_TYPE_INVALID;

  return self;
}

/* Replaces *@field by @value (taken), notifying @pspec and @has_pspec. */
static void
entry_take_string (SsrSidebarEntry  *self,
                   char            **field,
                   char             *value,
                   GParamSpec       *pspec,
                   GParamSpec       *has_pspec)
{
  gboolean had_value = *field != NULL;

  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (had_value != (value != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), has_pspec);
}

static void
entry_set_status (SsrSidebarEntry *self,
                  SsrStepStatus    status)
{
  entry_take_string (self, &self->subtitle, g_strdup (status_label (status)),
                     entry_properties[ENTRY_PROP_SUBTITLE],
                     entry_properties[ENTRY_PROP_HAS_SUBTITLE]);

  if (self->status == status && self->icon_name != NULL)
    return;

  self->status = status;
  self->icon_name = status_icon_name (status);
  g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_ICON_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_HAS_ICON]);
  g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_ICON_CSS_CLASSES]);
}

const char *
ssr_sidebar_entry_get_page_id (SsrSidebarEntry *self)
{
  g_return_val_if_fail (SSR_IS_SIDEBAR_ENTRY (self), NULL);

  return self->page_id;
}

const char *
ssr_sidebar_entry_get_title (SsrSidebarEntry *self)
{
  g_return_val_if_fail (SSR_IS_SIDEBAR_ENTRY (self), NULL);

  return self->title;
}

const char *
ssr_sidebar_entry_get_subtitle (SsrSidebarEntry *self)
{
  g_return_val_if_fail (SSR_IS_SIDEBAR_ENTRY (self), NULL);

  return self->subtitle;
}

gboolean
ssr_sidebar_entry_get_selectable (SsrSidebarEntry *self)
{
  g_return_val_if_fail (SSR_IS_SIDEBAR_ENTRY (self), FALSE);

  return self->kind != ENTRY_PHASE;
}

SsrStepStatus
ssr_sidebar_entry_get_status (SsrSidebarEntry *self)
{
  g_return_val_if_fail (SSR_IS_SIDEBAR_ENTRY (self), SSR_STEP_NOT_STARTED);

  return self->status;
}

struct _SsrSidebar
{
  GObject        parent_instance;

  SsrAssessment *document;
  GPtrArray     *entries;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsrSidebar, ssr_sidebar, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* The pages after the steps, in the order of the sidebar. */
static const struct {
  const char *page_id;
  const char *title;
  const char *icon_name;
  GType     (*counted_type) (void);
} pages[] = {
  { "context", N_("Context & Team"), "system-users-symbolic", NULL },
  { "actors", N_("Actors"), "avatar-default-symbolic", ssr_actor_get_type },
  { "sector-map", N_("Sector Map"), "mark-location-symbolic", NULL },
  { "coordination", N_("Coordination"), "network-workgroup-symbolic", NULL },
  { "findings", N_("Findings"), "edit-find-symbolic", ssr_finding_get_type },
  { "priorities", N_("Priorities"), "view-list-ordered-symbolic", ssr_priority_get_type },
  { "indicators", N_("Indicators"), "x-office-spreadsheet-symbolic", ssr_indicator_get_type },
  { "principles", N_("Principles"), "checkbox-checked-symbolic", ssr_principle_check_get_type },
  { "report", N_("Report"), "x-office-document-symbolic", NULL },
};

static GType
ssr_sidebar_get_item_type (GListModel *model)
{
  return SSR_TYPE_SIDEBAR_ENTRY;
}

static guint
ssr_sidebar_get_n_items (GListModel *model)
{
  return SSR_SIDEBAR (model)->entries->len;
}

static gpointer
ssr_sidebar_get_item (GListModel *model,
                      guint       position)
{
  SsrSidebar *self = SSR_SIDEBAR (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ssr_sidebar_get_item_type;
  iface->get_n_items = ssr_sidebar_get_n_items;
  iface->get_item = ssr_sidebar_get_item;
}

static SsrStepStatus
document_step_status (SsrSidebar *self,
                      SsrTerm    *step)
{
  SsrStepRecord *record = ssr_assessment_find_step_record (self->document,
                                                           ssr_term_get_id (step));

  return record != NULL ? ssr_step_record_get_status (record) : SSR_STEP_NOT_STARTED;
}

static void
update_phase (SsrSidebar      *self,
              SsrSidebarEntry *entry)
{
  guint n_done = 0;
  char *progress;

  for (guint i = 0; i < entry->steps->len; i++)
    {
      if (document_step_status (self, g_ptr_array_index (entry->steps, i)) == SSR_STEP_DONE)
        n_done++;
    }

  /* Translators: the progress of a phase: "2 of 5 done" */
  progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u done",
                                           "%u of %u done",
                                           entry->steps->len),
                              n_done, entry->steps->len);
  entry_take_string (entry, &entry->subtitle, progress,
                     entry_properties[ENTRY_PROP_SUBTITLE],
                     entry_properties[ENTRY_PROP_HAS_SUBTITLE]);
}

static void
update_count (SsrSidebar      *self,
              SsrSidebarEntry *entry)
{
  GListModel *collection = ssr_assessment_get_collection (self->document, entry->counted_type);

  entry_take_string (entry, &entry->count,
                     g_strdup_printf ("%u", g_list_model_get_n_items (collection)),
                     entry_properties[ENTRY_PROP_COUNT],
                     entry_properties[ENTRY_PROP_HAS_COUNT]);
}

static void
document_changed_cb (SsrSidebar    *self,
                     SsrAssessment *document)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      SsrSidebarEntry *entry = g_ptr_array_index (self->entries, i);
      SsrTerm *step;

      switch (entry->kind)
        {
        case ENTRY_PHASE:
          update_phase (self, entry);
          break;

        case ENTRY_STEP:
          step = g_ptr_array_index (entry->steps, 0);
          entry_set_status (entry, document_step_status (self, step));
          break;

        case ENTRY_PAGE:
        default:
          if (entry->counted_type != G_TYPE_INVALID)
            update_count (self, entry);
          break;
        }
    }
}

static void
add_phases (SsrSidebar   *self,
            SsrFramework *framework)
{
  GListModel *phases = ssr_framework_get_phases (framework);
  guint step_number = 0;

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(SsrTerm) phase = g_list_model_get_item (phases, i);
      GListModel *steps = ssr_term_get_list (phase, "steps");
      guint n_steps = steps != NULL ? g_list_model_get_n_items (steps) : 0;
      SsrSidebarEntry *heading;

      heading = entry_new (ENTRY_PHASE, NULL, ssr_term_get_name (phase), NULL);
      heading->steps = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->entries, heading);

      for (guint j = 0; j < n_steps; j++)
        {
          SsrTerm *step = g_list_model_get_item (steps, j);
          g_autofree char *page_id = g_strconcat ("step:", ssr_term_get_id (step), NULL);
          g_autofree char *title = NULL;
          SsrSidebarEntry *entry;

          /* Translators: a step of the framework, numbered: "3. SSR strategy design" */
          title = g_strdup_printf (_("%u. %s"), ++step_number, ssr_term_get_name (step));
          entry = entry_new (ENTRY_STEP, page_id, title, NULL);
          entry->steps = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (entry->steps, g_object_ref (step));
          g_ptr_array_add (heading->steps, step);
          g_ptr_array_add (self->entries, entry);
        }
    }
}

static void
ssr_sidebar_dispose (GObject *object)
{
  SsrSidebar *self = (SsrSidebar *)object;

  g_clear_object (&self->document);

  G_OBJECT_CLASS (ssr_sidebar_parent_class)->dispose (object);
}

static void
ssr_sidebar_finalize (GObject *object)
{
  SsrSidebar *self = (SsrSidebar *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_sidebar_parent_class)->finalize (object);
}

static void
ssr_sidebar_class_init (SsrSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssr_sidebar_dispose;
  object_class->finalize = ssr_sidebar_finalize;
}

static void
ssr_sidebar_init (SsrSidebar *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

SsrSidebar *
ssr_sidebar_new (SsrAssessment *document,
                 SsrFramework  *framework)
{
  SsrSidebar *self;

  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), NULL);
  g_return_val_if_fail (framework == NULL || SSR_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (SSR_TYPE_SIDEBAR, NULL);
  self->document = g_object_ref (document);

  g_ptr_array_add (self->entries, entry_new (ENTRY_PAGE, "overview", _("Overview"),
                                             "view-grid-symbolic"));
  if (framework != NULL)
    add_phases (self, framework);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      SsrSidebarEntry *entry = entry_new (ENTRY_PAGE, pages[i].page_id,
                                          _(pages[i].title), pages[i].icon_name);

      if (pages[i].counted_type != NULL)
        entry->counted_type = pages[i].counted_type ();
      g_ptr_array_add (self->entries, entry);
    }

  document_changed_cb (self, document);
  g_signal_connect_object (document, "changed",
                           G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

guint
ssr_sidebar_find_page (SsrSidebar *self,
                       const char *page_id)
{
  g_return_val_if_fail (SSR_IS_SIDEBAR (self), G_MAXUINT);

  for (guint i = 0; i < self->entries->len; i++)
    {
      SsrSidebarEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->page_id, page_id) == 0 && entry->page_id != NULL)
        return i;
    }

  return G_MAXUINT;
}

const char *
ssr_sidebar_get_adjacent_page (SsrSidebar *self,
                               const char *page_id,
                               gboolean    forward)
{
  guint position;

  g_return_val_if_fail (SSR_IS_SIDEBAR (self), NULL);

  position = ssr_sidebar_find_page (self, page_id);
  if (position == G_MAXUINT)
    return NULL;

  while (forward ? position + 1 < self->entries->len : position > 0)
    {
      SsrSidebarEntry *entry;

      position = forward ? position + 1 : position - 1;
      entry = g_ptr_array_index (self->entries, position);
      if (ssr_sidebar_entry_get_selectable (entry))
        return entry->page_id;
    }

  return NULL;
}
