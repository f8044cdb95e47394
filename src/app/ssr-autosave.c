/* ssr-autosave.c: writes drafts of a window's modified document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-autosave"

#include "config.h"

#include "ssr-autosave.h"

struct _SsrAutosave
{
  GObject        parent_instance;

  SsrRecovery   *recovery;
  SsrWindow     *window;        /* weak */
  SsrAssessment *document;
  SsrHistory    *history;
  GSettings     *settings;

  char          *draft_id;
  guint          interval;      /* seconds */
  guint          timeout_id;
  gboolean       draft_written;
};

G_DEFINE_FINAL_TYPE (SsrAutosave, ssr_autosave, G_TYPE_OBJECT)

/* The document is saved, discarded or closed: its draft is not needed. */
static void
ssr_autosave_discard_draft (SsrAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->draft_written)
    {
      ssr_recovery_remove_draft (self->recovery, self->draft_id);
      self->draft_written = FALSE;
    }
}

static gboolean
ssr_autosave_timeout_cb (gpointer user_data)
{
  SsrAutosave *self = user_data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;

  /* Nobody to tell in the window's flow of work: the next change tries
   * again, and the log keeps the reason. */
  if (!ssr_autosave_flush (self, &error))
    g_warning ("%s", error->message);

  return G_SOURCE_REMOVE;
}

/*
 * The timer starts at the first change after the last draft, and later
 * changes do not push it back: a team editing without pause still gets a
 * draft every interval.
 */
static void
ssr_autosave_schedule (SsrAutosave *self)
{
  if (self->timeout_id != 0)
    return;

  self->timeout_id = g_timeout_add_seconds (self->interval, ssr_autosave_timeout_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[ssr] autosave");
}

static void
document_changed_cb (SsrAutosave   *self,
                     SsrAssessment *document)
{
  if (ssr_history_get_modified (self->history))
    ssr_autosave_schedule (self);
}

static void
history_modified_cb (SsrAutosave *self,
                     GParamSpec  *pspec,
                     SsrHistory  *history)
{
  if (ssr_history_get_modified (history))
    ssr_autosave_schedule (self);
  else
    ssr_autosave_discard_draft (self);
}

static void
ssr_autosave_set_document (SsrAutosave   *self,
                           SsrAssessment *document)
{
  if (self->document == document)
    return;

  /* The window gave its document up: it has asked the user already. */
  ssr_autosave_discard_draft (self);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (self->history, self);
    }

  g_set_object (&self->document, document);
  g_clear_object (&self->history);

  if (document == NULL)
    return;

  self->history = g_object_ref (ssr_assessment_get_history (document));

  g_signal_connect_object (document, "changed",
                           G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_modified_cb), self,
                           G_CONNECT_SWAPPED);

  if (ssr_history_get_modified (self->history))
    ssr_autosave_schedule (self);
}

static void
window_document_cb (SsrAutosave *self,
                    GParamSpec  *pspec,
                    SsrWindow   *window)
{
  ssr_autosave_set_document (self, ssr_window_get_document (window));
}

/* Save As, or a save that failed: the draft records where it belongs. */
static void
window_file_cb (SsrAutosave *self,
                GParamSpec  *pspec,
                SsrWindow   *window)
{
  if (self->history != NULL && ssr_history_get_modified (self->history))
    ssr_autosave_schedule (self);
}

/* Closing the window is a clean close: the window asked about changes. */
static void
window_destroy_cb (SsrAutosave *self,
                   SsrWindow   *window)
{
  ssr_autosave_set_document (self, NULL);
  g_clear_weak_pointer (&self->window);
}

static void
interval_changed_cb (SsrAutosave *self,
                     const char  *key,
                     GSettings   *settings)
{
  self->interval = g_settings_get_uint (settings, "autosave-interval");

  if (self->timeout_id != 0)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      ssr_autosave_schedule (self);
    }
}

static void
ssr_autosave_dispose (GObject *object)
{
  SsrAutosave *self = (SsrAutosave *)object;

  if (self->recovery != NULL)
    ssr_autosave_set_document (self, NULL);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->settings);
  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (ssr_autosave_parent_class)->dispose (object);
}

static void
ssr_autosave_finalize (GObject *object)
{
  SsrAutosave *self = (SsrAutosave *)object;

  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (ssr_autosave_parent_class)->finalize (object);
}

static void
ssr_autosave_class_init (SsrAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssr_autosave_dispose;
  object_class->finalize = ssr_autosave_finalize;
}

static void
ssr_autosave_init (SsrAutosave *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->interval = g_settings_get_uint (self->settings, "autosave-interval");
  g_signal_connect_object (self->settings, "changed::autosave-interval",
                           G_CALLBACK (interval_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * ssr_autosave_new:
 * @recovery: a started #SsrRecovery
 * @window: the window whose document to keep drafts of
 *
 * The autosave does not keep @window alive; it lets the draft go when
 * @window is destroyed, and when the autosave itself is disposed.
 *
 * Returns: (transfer full): a new #SsrAutosave
 */
SsrAutosave *
ssr_autosave_new (SsrRecovery *recovery,
                  SsrWindow   *window)
{
  SsrAutosave *self;

  g_return_val_if_fail (SSR_IS_RECOVERY (recovery), NULL);
  g_return_val_if_fail (SSR_IS_WINDOW (window), NULL);

  self = g_object_new (SSR_TYPE_AUTOSAVE, NULL);
  self->recovery = g_object_ref (recovery);
  self->draft_id = ssr_recovery_new_draft_id (recovery);
  g_set_weak_pointer (&self->window, window);

  g_signal_connect_object (window, "notify::document",
                           G_CALLBACK (window_document_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::file",
                           G_CALLBACK (window_file_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "destroy",
                           G_CALLBACK (window_destroy_cb), self,
                           G_CONNECT_SWAPPED);

  ssr_autosave_set_document (self, ssr_window_get_document (window));

  return self;
}

/**
 * ssr_autosave_flush:
 *
 * Writes the draft now if the document is modified, as the timer would.
 * The document's file and its modified flag stay as they are.
 *
 * Returns: %FALSE with @error set if the draft could not be written
 */
gboolean
ssr_autosave_flush (SsrAutosave  *self,
                    GError      **error)
{
  GFile *original;

  g_return_val_if_fail (SSR_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->document == NULL || !ssr_history_get_modified (self->history))
    return TRUE;

  original = self->window ? ssr_window_get_file (self->window) : NULL;
  if (!ssr_recovery_write_draft (self->recovery, self->draft_id, self->document, original, error))
    return FALSE;

  self->draft_written = TRUE;

  return TRUE;
}

/**
 * ssr_autosave_get_draft_id:
 *
 * Returns: the id of the window's draft, whether written or not yet
 */
const char *
ssr_autosave_get_draft_id (SsrAutosave *self)
{
  g_return_val_if_fail (SSR_IS_AUTOSAVE (self), NULL);

  return self->draft_id;
}
