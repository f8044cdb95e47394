/* ssr-notes-view.c: a text view for notes, committed after a pause in typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-notes-view"

#include "config.h"

#include "ssr-notes-view.h"

/* One typing burst is one undo step: it ends with this pause. */
#define COMMIT_DELAY_MS 1000

struct _SsrNotesView
{
  GtkTextView parent_instance;

  /* the pending commit of what was typed; 0 when nothing is pending */
  guint       commit_id;
  /* set while the view shows the model's text: that is not typing */
  gboolean    showing;
};

G_DEFINE_FINAL_TYPE (SsrNotesView, ssr_notes_view, GTK_TYPE_TEXT_VIEW)

enum {
  COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
ssr_notes_view_dup_text (SsrNotesView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
ssr_notes_view_emit_commit (SsrNotesView *self)
{
  g_autofree char *text = ssr_notes_view_dup_text (self);

  g_signal_emit (self, signals[COMMIT], 0, text[0] != '\0' ? text : NULL);
}

static gboolean
ssr_notes_view_commit_timeout_cb (gpointer user_data)
{
  SsrNotesView *self = user_data;

  self->commit_id = 0;
  ssr_notes_view_emit_commit (self);

  return G_SOURCE_REMOVE;
}

static void
ssr_notes_view_buffer_changed_cb (SsrNotesView *self)
{
  if (self->showing)
    return;

  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->commit_id = g_timeout_add (COMMIT_DELAY_MS, ssr_notes_view_commit_timeout_cb, self);
}

/* Leaving the page (another page shown, the window closed) takes the
 * focus away without a focus-out. */
static void
ssr_notes_view_unmap (GtkWidget *widget)
{
  ssr_notes_view_commit (SSR_NOTES_VIEW (widget));

  GTK_WIDGET_CLASS (ssr_notes_view_parent_class)->unmap (widget);
}

static void
ssr_notes_view_dispose (GObject *object)
{
  SsrNotesView *self = SSR_NOTES_VIEW (object);

  g_clear_handle_id (&self->commit_id, g_source_remove);

  G_OBJECT_CLASS (ssr_notes_view_parent_class)->dispose (object);
}

static void
ssr_notes_view_class_init (SsrNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssr_notes_view_dispose;

  widget_class->unmap = ssr_notes_view_unmap;

  /**
   * SsrNotesView::commit:
   * @self: the view
   * @text: (nullable): the text typed, %NULL when the view is empty
   *
   * Emitted when a typing burst ends: the owner stores @text.
   */
  signals[COMMIT] =
    g_signal_new ("commit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ssr_notes_view_init (SsrNotesView *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the notes, as it leaves every other field */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);

  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (ssr_notes_view_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (ssr_notes_view_commit),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/**
 * ssr_notes_view_new:
 *
 * Returns: (transfer floating): a new, empty notes view
 */
GtkWidget *
ssr_notes_view_new (void)
{
  return g_object_new (SSR_TYPE_NOTES_VIEW, NULL);
}

/**
 * ssr_notes_view_show_text:
 * @self: a #SsrNotesView
 * @text: (nullable): the text of the model
 *
 * Shows @text, the model's. Text the view already shows is left alone,
 * so the cursor of someone typing stays where it is; any other text
 * replaces what is being typed (the model wins: an undo shows up).
 */
void
ssr_notes_view_show_text (SsrNotesView *self,
                          const char   *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (SSR_IS_NOTES_VIEW (self));

  if (text == NULL)
    text = "";

  shown = ssr_notes_view_dup_text (self);
  if (g_strcmp0 (shown, text) == 0)
    return;

  g_clear_handle_id (&self->commit_id, g_source_remove);
  self->showing = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), text, -1);
  self->showing = FALSE;
}

/**
 * ssr_notes_view_commit:
 * @self: a #SsrNotesView
 *
 * Commits now what was typed and not yet committed, if anything.
 */
void
ssr_notes_view_commit (SsrNotesView *self)
{
  g_return_if_fail (SSR_IS_NOTES_VIEW (self));

  if (self->commit_id == 0)
    return;

  g_clear_handle_id (&self->commit_id, g_source_remove);
  ssr_notes_view_emit_commit (self);
}
