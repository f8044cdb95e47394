/* ssr-recovery.c: drafts of modified documents, for recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-recovery"

#include "config.h"

#include "ssr-recovery.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ssr-assessment.h"
#include "ssr-xml.h"

/*
 * The folder holds DRAFT_ID.ssra files (the documents, as ssr_xml_write()
 * makes them) and session.ini:
 *
 *   [Session]
 *   Version=1
 *   Shutdown=false
 *
 *   [Draft 0d6c…]
 *   Title=Norvalia SSR assessment
 *   Original=file:///home/…/norvalia.ssra
 *   Modified=2024-05-02T09:14:03Z
 *
 * Both are replaced atomically (temporary file, fsync, rename), readable
 * by the user alone: drafts can hold classified assessments.
 *
 * One session per folder: this assumes a single process uses the folder at
 * a time, which the application guarantees by being single-instance
 * (GApplication). A second process on the same folder would take the
 * first one's running session for a crashed one and offer its drafts.
 */

#define SESSION_FILE        "session.ini"
#define SESSION_GROUP       "Session"
#define SESSION_VERSION     1
#define DRAFT_GROUP_PREFIX  "Draft "
#define DRAFT_SUFFIX        ".ssra"
#define FILE_FLAGS          (G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE)
#define FILE_MODE           0600

struct _SsrDraft
{
  char      *id;
  char      *title;
  GFile     *original;
  GDateTime *modified;
};

struct _SsrRecovery
{
  GObject    parent_instance;

  char      *folder;
  /* The drafts of this session (SsrDraft), in the order first written. */
  GPtrArray *drafts;
  gboolean   started;
  gboolean   shutdown;
};

G_DEFINE_BOXED_TYPE (SsrDraft, ssr_draft, ssr_draft_ref, ssr_draft_unref)
G_DEFINE_FINAL_TYPE (SsrRecovery, ssr_recovery, G_TYPE_OBJECT)

static SsrDraft *
ssr_draft_new (const char *id,
               const char *title,
               GFile      *original,
               GDateTime  *modified)
{
  SsrDraft *draft = g_rc_box_new0 (SsrDraft);

  draft->id = g_strdup (id);
  draft->title = g_strdup (title ? title : "");
  draft->original = original ? g_object_ref (original) : NULL;
  draft->modified = g_date_time_ref (modified);

  return draft;
}

static void
ssr_draft_clear (SsrDraft *draft)
{
  g_free (draft->id);
  g_free (draft->title);
  g_clear_object (&draft->original);
  g_date_time_unref (draft->modified);
}

SsrDraft *
ssr_draft_ref (SsrDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return g_rc_box_acquire (draft);
}

void
ssr_draft_unref (SsrDraft *draft)
{
  g_return_if_fail (draft != NULL);

  g_rc_box_release_full (draft, (GDestroyNotify) ssr_draft_clear);
}

const char *
ssr_draft_get_id (SsrDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->id;
}

const char *
ssr_draft_get_title (SsrDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->title;
}

GFile *
ssr_draft_get_original (SsrDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->original;
}

GDateTime *
ssr_draft_get_modified (SsrDraft *draft)
{
  g_return_val_if_fail (draft != NULL, NULL);

  return draft->modified;
}

static char *
ssr_recovery_draft_path (SsrRecovery *self,
                         const char  *draft_id)
{
  g_autofree char *name = g_strconcat (draft_id, DRAFT_SUFFIX, NULL);

  return g_build_filename (self->folder, name, NULL);
}

/* The draft id of a file name of the folder, or NULL for any other file. */
static char *
draft_id_from_file_name (const char *name)
{
  g_autofree char *id = NULL;

  if (!g_str_has_suffix (name, DRAFT_SUFFIX))
    return NULL;

  id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
  if (!g_uuid_string_is_valid (id))
    return NULL;

  return g_steal_pointer (&id);
}

static GDateTime *
file_modified_time (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return g_date_time_new_now_utc ();

  return g_date_time_new_from_unix_utc (buf.st_mtime);
}

static guint
ssr_recovery_find (SsrRecovery *self,
                   const char  *draft_id)
{
  for (guint i = 0; i < self->drafts->len; i++)
    {
      SsrDraft *draft = g_ptr_array_index (self->drafts, i);

      if (g_str_equal (draft->id, draft_id))
        return i;
    }

  return G_MAXUINT;
}

static gboolean
ssr_recovery_write_session (SsrRecovery  *self,
                            GError      **error)
{
  g_autoptr(GKeyFile) session = g_key_file_new ();
  g_autofree char *path = g_build_filename (self->folder, SESSION_FILE, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_key_file_set_integer (session, SESSION_GROUP, "Version", SESSION_VERSION);
  g_key_file_set_boolean (session, SESSION_GROUP, "Shutdown", self->shutdown);

  for (guint i = 0; i < self->drafts->len; i++)
    {
      SsrDraft *draft = g_ptr_array_index (self->drafts, i);
      g_autofree char *group = g_strconcat (DRAFT_GROUP_PREFIX, draft->id, NULL);
      g_autofree char *modified = g_date_time_format_iso8601 (draft->modified);

      g_key_file_set_string (session, group, "Title", draft->title);
      if (draft->original != NULL)
        {
          g_autofree char *uri = g_file_get_uri (draft->original);

          g_key_file_set_string (session, group, "Original", uri);
        }
      g_key_file_set_string (session, group, "Modified", modified);
    }

  data = g_key_file_to_data (session, &length, NULL);

  if (!g_file_set_contents_full (path, data, length, FILE_FLAGS, FILE_MODE, error))
    {
      g_prefix_error (error, _("Could not write the recovery session: "));
      return FALSE;
    }

  return TRUE;
}

/* The drafts a session file lists whose files are still there. */
static GPtrArray *
drafts_from_session (SsrRecovery *self,
                     GKeyFile    *session)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) ssr_draft_unref);
  g_auto(GStrv) groups = g_key_file_get_groups (session, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *id;
      g_autofree char *path = NULL;
      g_autofree char *title = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *modified_text = NULL;
      g_autoptr(GFile) original = NULL;
      g_autoptr(GDateTime) modified = NULL;

      if (!g_str_has_prefix (groups[i], DRAFT_GROUP_PREFIX))
        continue;

      /* Never build a path from a name we did not make. */
      id = groups[i] + strlen (DRAFT_GROUP_PREFIX);
      if (!g_uuid_string_is_valid (id))
        continue;

      path = ssr_recovery_draft_path (self, id);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      title = g_key_file_get_string (session, groups[i], "Title", NULL);
      uri = g_key_file_get_string (session, groups[i], "Original", NULL);
      if (uri != NULL && uri[0] != '\0')
        original = g_file_new_for_uri (uri);
      modified_text = g_key_file_get_string (session, groups[i], "Modified", NULL);
      if (modified_text != NULL)
        modified = g_date_time_new_from_iso8601 (modified_text, NULL);
      if (modified == NULL)
        modified = file_modified_time (path);

      g_ptr_array_add (drafts, ssr_draft_new (id, title, original, modified));
    }

  return g_steal_pointer (&drafts);
}

static int
compare_drafts_by_time (gconstpointer a,
                        gconstpointer b)
{
  const SsrDraft *draft_a = *(SsrDraft * const *) a;
  const SsrDraft *draft_b = *(SsrDraft * const *) b;

  return g_date_time_compare (draft_a->modified, draft_b->modified);
}

/*
 * Without a readable session file nothing says whether the last run ended
 * cleanly: every draft in the folder is offered, untitled, rather than
 * lost.
 */
static GPtrArray *
drafts_from_folder (SsrRecovery *self)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) ssr_draft_unref);
  g_autoptr(GDir) dir = g_dir_open (self->folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&drafts);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = draft_id_from_file_name (name);
      g_autofree char *path = NULL;
      g_autoptr(GDateTime) modified = NULL;

      if (id == NULL)
        continue;

      path = g_build_filename (self->folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      modified = file_modified_time (path);
      g_ptr_array_add (drafts, ssr_draft_new (id, NULL, NULL, modified));
    }

  g_ptr_array_sort (drafts, compare_drafts_by_time);

  return g_steal_pointer (&drafts);
}

/* After a clean quit: every draft in the folder is a leftover. */
static void
ssr_recovery_delete_all_drafts (SsrRecovery *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = draft_id_from_file_name (name);
      g_autofree char *path = NULL;

      if (id == NULL)
        continue;

      path = g_build_filename (self->folder, name, NULL);
      if (g_unlink (path) != 0)
        g_debug ("Could not delete the leftover draft %s: %s", path, g_strerror (errno));
    }
}

static void
ssr_recovery_finalize (GObject *object)
{
  SsrRecovery *self = (SsrRecovery *)object;

  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);

  G_OBJECT_CLASS (ssr_recovery_parent_class)->finalize (object);
}

static void
ssr_recovery_class_init (SsrRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssr_recovery_finalize;
}

static void
ssr_recovery_init (SsrRecovery *self)
{
  self->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) ssr_draft_unref);
}

/**
 * ssr_recovery_new:
 * @folder: (nullable): the folder of the drafts and the session file;
 *   NULL for $XDG_STATE_HOME/ssr-workbench/recovery
 *
 * Nothing is read or written before ssr_recovery_start().
 *
 * Returns: (transfer full): a new #SsrRecovery
 */
SsrRecovery *
ssr_recovery_new (const char *folder)
{
  SsrRecovery *self = g_object_new (SSR_TYPE_RECOVERY, NULL);

  if (folder != NULL)
    self->folder = g_strdup (folder);
  else
    self->folder = g_build_filename (g_get_user_state_dir (), "ssr-workbench", "recovery", NULL);

  return self;
}

GPtrArray *
ssr_recovery_start (SsrRecovery  *self,
                    GError      **error)
{
  g_autoptr(GKeyFile) session = g_key_file_new ();
  g_autoptr(GPtrArray) recovered = NULL;
  g_autofree char *session_path = NULL;
  g_autoptr(GError) session_error = NULL;

  g_return_val_if_fail (SSR_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (!self->started, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (self->folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder “%s”: %s"),
                   self->folder, g_strerror (saved_errno));
      return NULL;
    }

  session_path = g_build_filename (self->folder, SESSION_FILE, NULL);

  if (!g_key_file_load_from_file (session, session_path, G_KEY_FILE_NONE, &session_error))
    {
      g_debug ("No readable recovery session (%s)", session_error->message);
      recovered = drafts_from_folder (self);
    }
  else if (g_key_file_get_boolean (session, SESSION_GROUP, "Shutdown", NULL))
    {
      ssr_recovery_delete_all_drafts (self);
      recovered = g_ptr_array_new_with_free_func ((GDestroyNotify) ssr_draft_unref);
    }
  else
    {
      recovered = drafts_from_session (self, session);
    }

  /* The offered drafts stay listed until they are restored or discarded,
   * so that a second crash before the user decides loses nothing. */
  for (guint i = 0; i < recovered->len; i++)
    g_ptr_array_add (self->drafts, ssr_draft_ref (g_ptr_array_index (recovered, i)));

  self->started = TRUE;
  self->shutdown = FALSE;

  if (!ssr_recovery_write_session (self, error))
    return NULL;

  return g_steal_pointer (&recovered);
}

char *
ssr_recovery_new_draft_id (SsrRecovery *self)
{
  g_return_val_if_fail (SSR_IS_RECOVERY (self), NULL);

  return g_uuid_string_random ();
}

gboolean
ssr_recovery_write_draft (SsrRecovery    *self,
                          const char     *draft_id,
                          SsrAssessment  *document,
                          GFile          *original,
                          GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;
  SsrDraft *draft;
  guint index;

  g_return_val_if_fail (SSR_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (self->started, FALSE);
  g_return_val_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id), FALSE);
  g_return_val_if_fail (SSR_IS_ASSESSMENT (document), FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ssr_xml_write (document);
  path = ssr_recovery_draft_path (self, draft_id);

  /* The draft first, then the session listing it: a crash in between
   * leaves an unlisted file, which the next clean start sweeps away. */
  if (!g_file_set_contents_full (path,
                                 g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes),
                                 FILE_FLAGS, FILE_MODE, error))
    {
      g_prefix_error (error, _("Could not write the recovery copy: "));
      return FALSE;
    }

  now = g_date_time_new_now_utc ();
  draft = ssr_draft_new (draft_id, ssr_assessment_get_title (document), original, now);

  /* Replaced, not changed: drafts handed out earlier stay as they were. */
  index = ssr_recovery_find (self, draft_id);
  if (index == G_MAXUINT)
    g_ptr_array_add (self->drafts, draft);
  else
    {
      ssr_draft_unref (g_ptr_array_index (self->drafts, index));
      g_ptr_array_index (self->drafts, index) = draft;
    }

  return ssr_recovery_write_session (self, error);
}

/**
 * ssr_recovery_load_draft:
 *
 * Reads @draft back. A damaged draft is refused with the reader's error
 * (domain %SSR_ERROR), a missing one with a %G_FILE_ERROR.
 *
 * Returns: (transfer full): the document, with a fresh history
 */
SsrAssessment *
ssr_recovery_load_draft (SsrRecovery  *self,
                         SsrDraft     *draft,
                         GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (SSR_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = ssr_recovery_draft_path (self, draft->id);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  display_name = g_path_get_basename (path);

  return ssr_xml_read (bytes, display_name, error);
}

void
ssr_recovery_remove_draft (SsrRecovery *self,
                           const char  *draft_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint index;

  g_return_if_fail (SSR_IS_RECOVERY (self));
  g_return_if_fail (self->started);
  g_return_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id));

  /* The file first: a crash before the session is rewritten leaves an
   * entry without a file, which the next start skips. */
  path = ssr_recovery_draft_path (self, draft_id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Could not delete the recovery copy %s: %s", path, g_strerror (errno));

  index = ssr_recovery_find (self, draft_id);
  if (index == G_MAXUINT)
    return;

  g_ptr_array_remove_index (self->drafts, index);

  if (!ssr_recovery_write_session (self, &error))
    g_warning ("%s", error->message);
}

void
ssr_recovery_shutdown (SsrRecovery *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SSR_IS_RECOVERY (self));

  if (!self->started)
    return;

  self->shutdown = TRUE;

  if (!ssr_recovery_write_session (self, &error))
    g_warning ("%s", error->message);
}
