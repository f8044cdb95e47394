/* ssr-xml-framework.c: the reader of framework files (data/frameworks/NAME.xml)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-xml-framework"

#include "config.h"

#include "ssr-framework-private.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "ssr-term-private.h"
#include "ssr-xml.h"
#include "ssr-xml-private.h"

/*
 * A streaming SAX2 reader: the framework is built while the file is read,
 * and every element knows its line and column for messages. Safety: a
 * DOCTYPE stops the parser before any declaration in it is read, so no
 * entity can be defined; and see _SSR_XML_SAFE_OPTIONS.
 */

typedef enum
{
  ELEMENT_FRAMEWORK,
  ELEMENT_NAME,
  ELEMENT_DESCRIPTION,
  ELEMENT_LIST,
  ELEMENT_TERM,
  ELEMENT_GUIDANCE,
  ELEMENT_ATTRIBUTE,
  ELEMENT_IGNORED,
} ElementKind;

typedef struct
{
  ElementKind  kind;
  /* ELEMENT_TERM: the term; LIST: the term owning the list;
   * GUIDANCE, ATTRIBUTE: the term they describe */
  SsrTerm     *term;
  /* ELEMENT_LIST: the list's interned id */
  const char  *list;
  /* ELEMENT_GUIDANCE: the citation; ATTRIBUTE: the attribute's name */
  char        *key;
} Frame;

typedef struct
{
  xmlParserCtxtPtr  parser;
  const char       *display_name;
  GError           *error;

  GArray           *stack;
  GString          *text;

  char             *id;
  char             *name;
  char             *description;
  SsrTerm          *root;
  /* term id → SsrTerm, borrowed from the tree under root */
  GHashTable       *index;
  /* term id → line of the term */
  GHashTable       *lines;
} FrameworkReader;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->key, g_free);
}

static void reader_fail (FrameworkReader *reader,
                         const char      *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* Records the first problem, at the parser's position, and stops parsing. */
static void
reader_fail (FrameworkReader *reader,
             const char      *format,
             ...)
{
  va_list args;

  va_start (args, format);
  _ssr_xml_stop_parser_valist (reader->parser, &reader->error, reader->display_name,
                               SSR_ERROR_FRAMEWORK, format, args);
  va_end (args);
}

static Frame *
reader_top (FrameworkReader *reader)
{
  if (reader->stack->len == 0)
    return NULL;

  return &g_array_index (reader->stack, Frame, reader->stack->len - 1);
}

static gboolean
frame_collects_text (const Frame *frame)
{
  return frame != NULL &&
         (frame->kind == ELEMENT_NAME ||
          frame->kind == ELEMENT_DESCRIPTION ||
          frame->kind == ELEMENT_GUIDANCE ||
          frame->kind == ELEMENT_ATTRIBUTE);
}

/* Text as shown to users: runs of white space (line breaks of the file
 * included) become one space; NULL when nothing is left. */
static char *
normalise_text (const char *text)
{
  GString *normal = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = normal->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (normal, ' ');
      g_string_append_c (normal, *p);
      space = FALSE;
    }

  if (normal->len == 0)
    {
      g_string_free (normal, TRUE);
      return NULL;
    }

  return g_string_free (normal, FALSE);
}

/* SAX2 attributes come in fives: localname, prefix, URI, value, value end.
 * Without entity substitution libxml2 hands an escaped "&" over as "&#38;"
 * (predefined entity or character reference alike), and no other "&" can
 * reach us. */
static char *
dup_attribute (const xmlChar **attributes,
               int             n_attributes,
               const char     *name)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[i * 5];
      g_autofree char *value = NULL;
      g_auto(GStrv) parts = NULL;

      if (attribute[2] != NULL || strcmp ((const char *)attribute[0], name) != 0)
        continue;

      value = g_strndup ((const char *)attribute[3], attribute[4] - attribute[3]);
      if (strchr (value, '&') == NULL)
        return g_steal_pointer (&value);

      parts = g_strsplit (value, "&#38;", -1);
      return g_strjoinv ("&", parts);
    }

  return NULL;
}

/*
 * The texts of a framework are shown in the user's language: the English
 * text of the file is the msgid, extracted by xgettext with the rules in
 * data/its/ssr-framework.its (which collapse white space as
 * normalise_text() does). A text without a translation stays as written,
 * so frameworks from elsewhere read as before.
 */
static char *
translate_text (char *text)
{
  const char *translated;

  if (text == NULL || text[0] == '\0')
    return text;

  translated = g_dgettext (GETTEXT_PACKAGE, text);
  if (translated == text)
    return text;

  g_free (text);

  return g_strdup (translated);
}

/* The <attribute> values that are sentences for people rather than data;
 * the same names as in the ITS rules. */
static gboolean
is_human_attribute (const char *name)
{
  static const char * const names[] = { "strength", "risk", "low", "high", NULL };

  return g_strv_contains (names, name);
}

static gboolean
is_valid_id (const char *id)
{
  return xmlValidateNCName ((const xmlChar *)id, 0) == 0;
}

/* An attribute that must be there and hold an id. */
static char *
reader_dup_id (FrameworkReader  *reader,
               const char       *element,
               const xmlChar   **attributes,
               int               n_attributes)
{
  g_autofree char *id = dup_attribute (attributes, n_attributes, "id");

  if (id == NULL)
    {
      reader_fail (reader, _("The element “%s” needs an attribute “%s”."), element, "id");
      return NULL;
    }

  if (!is_valid_id (id))
    {
      reader_fail (reader,
                   _("“%s” is not a valid id: an id starts with a letter or “_” and holds only letters, digits, “-”, “_” and “.”."),
                   id);
      return NULL;
    }

  return g_steal_pointer (&id);
}

static void
start_framework (FrameworkReader  *reader,
                 const char       *element,
                 gboolean          in_namespace,
                 const xmlChar   **attributes,
                 int               n_attributes,
                 Frame            *frame)
{
  g_autofree char *version = NULL;

  if (!in_namespace || strcmp (element, "framework") != 0)
    {
      reader_fail (reader,
                   _("This is not an SSR Workbench framework file: it starts with “%s” instead of a framework in the namespace %s."),
                   element, SSR_FRAMEWORK_NAMESPACE);
      return;
    }

  version = dup_attribute (attributes, n_attributes, "version");
  if (version == NULL)
    {
      reader_fail (reader, _("The element “%s” needs an attribute “%s”."), element, "version");
      return;
    }

  if (strcmp (version, "1") != 0)
    {
      reader_fail (reader,
                   _("This framework has format version “%s”; this version of SSR Workbench reads version 1 only."),
                   version);
      return;
    }

  reader->id = reader_dup_id (reader, element, attributes, n_attributes);
  if (reader->id == NULL)
    return;

  reader->root = _ssr_term_new (reader->id, reader->id);
  frame->kind = ELEMENT_FRAMEWORK;
}

static void
start_list (FrameworkReader  *reader,
            SsrTerm          *owner,
            const xmlChar   **attributes,
            int               n_attributes,
            Frame            *frame)
{
  g_autofree char *id = reader_dup_id (reader, "list", attributes, n_attributes);

  if (id == NULL)
    return;

  if (!_ssr_term_add_list (owner, id))
    {
      reader_fail (reader, _("The list “%s” appears twice in the same place."), id);
      return;
    }

  frame->kind = ELEMENT_LIST;
  frame->term = owner;
  frame->list = g_intern_string (id);
}

static void
start_term (FrameworkReader  *reader,
            const Frame      *list,
            const xmlChar   **attributes,
            int               n_attributes,
            Frame            *frame)
{
  g_autofree char *id = reader_dup_id (reader, "term", attributes, n_attributes);
  g_autofree char *name = NULL;
  g_autoptr(SsrTerm) term = NULL;
  const char *key;

  if (id == NULL)
    return;

  if (g_hash_table_contains (reader->index, id))
    {
      reader_fail (reader, _("The term id “%s” is used twice; its first use is on line %d."),
                   id, GPOINTER_TO_INT (g_hash_table_lookup (reader->lines, id)));
      return;
    }

  name = dup_attribute (attributes, n_attributes, "name");
  if (name == NULL || name[0] == '\0')
    {
      reader_fail (reader, _("The term “%s” needs a name."), id);
      return;
    }

  name = translate_text (g_steal_pointer (&name));
  term = _ssr_term_new (id, name);
  _ssr_term_append (list->term, list->list, term);

  key = ssr_term_get_id (term);
  g_hash_table_insert (reader->index, (char *)key, term);
  g_hash_table_insert (reader->lines, (char *)key,
                       GINT_TO_POINTER (xmlSAX2GetLineNumber (reader->parser)));

  frame->kind = ELEMENT_TERM;
  frame->term = term;
}

static void
start_in_term (FrameworkReader  *reader,
               const char       *element,
               const Frame      *parent,
               const xmlChar   **attributes,
               int               n_attributes,
               Frame            *frame)
{
  if (strcmp (element, "list") == 0)
    {
      start_list (reader, parent->term, attributes, n_attributes, frame);
    }
  else if (strcmp (element, "guidance") == 0)
    {
      frame->kind = ELEMENT_GUIDANCE;
      frame->term = parent->term;
      frame->key = dup_attribute (attributes, n_attributes, "cite");
    }
  else if (strcmp (element, "attribute") == 0)
    {
      frame->key = dup_attribute (attributes, n_attributes, "name");
      if (frame->key == NULL || frame->key[0] == '\0')
        {
          reader_fail (reader, _("The element “%s” needs an attribute “%s”."), element, "name");
          return;
        }

      frame->kind = ELEMENT_ATTRIBUTE;
      frame->term = parent->term;
    }
}

static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  FrameworkReader *reader = user_data;
  const char *element = (const char *)localname;
  gboolean in_namespace = g_strcmp0 ((const char *)uri, SSR_FRAMEWORK_NAMESPACE) == 0;
  Frame frame = { ELEMENT_IGNORED, NULL, NULL, NULL };
  Frame *parent = reader_top (reader);

  if (reader->error != NULL)
    return;

  if (reader->stack->len >= SSR_XML_MAX_DEPTH)
    {
      reader_fail (reader, _("Elements are nested more than %d levels deep."), SSR_XML_MAX_DEPTH);
      return;
    }

  /* Elements of other namespaces, and ours where they are unknown, are
   * skipped with everything inside them. */
  if (parent == NULL)
    {
      start_framework (reader, element, in_namespace, attributes, n_attributes, &frame);
    }
  else if (in_namespace)
    {
      switch (parent->kind)
        {
        case ELEMENT_FRAMEWORK:
          if (strcmp (element, "name") == 0)
            frame.kind = ELEMENT_NAME;
          else if (strcmp (element, "description") == 0)
            frame.kind = ELEMENT_DESCRIPTION;
          else if (strcmp (element, "list") == 0)
            start_list (reader, reader->root, attributes, n_attributes, &frame);
          break;

        case ELEMENT_LIST:
          if (strcmp (element, "term") == 0)
            start_term (reader, parent, attributes, n_attributes, &frame);
          break;

        case ELEMENT_TERM:
          start_in_term (reader, element, parent, attributes, n_attributes, &frame);
          break;

        case ELEMENT_NAME:
        case ELEMENT_DESCRIPTION:
        case ELEMENT_GUIDANCE:
        case ELEMENT_ATTRIBUTE:
        case ELEMENT_IGNORED:
        default:
          break;
        }
    }

  if (reader->error != NULL)
    {
      frame_clear (&frame);
      return;
    }

  if (frame_collects_text (&frame))
    g_string_truncate (reader->text, 0);

  g_array_append_val (reader->stack, frame);
}

static void
end_framework (FrameworkReader *reader)
{
  if (reader->name == NULL)
    {
      reader_fail (reader, _("The framework has no name."));
      return;
    }

  if (ssr_term_get_list (reader->root, "phases") == NULL)
    {
      reader_fail (reader, _("The framework has no list “%s”."), "phases");
      return;
    }
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  FrameworkReader *reader = user_data;
  Frame *frame = reader_top (reader);
  g_autofree char *text = NULL;

  if (reader->error != NULL || frame == NULL)
    return;

  if (frame_collects_text (frame))
    {
      text = normalise_text (reader->text->str);
      g_string_truncate (reader->text, 0);

      if (frame->kind != ELEMENT_ATTRIBUTE || is_human_attribute (frame->key))
        text = translate_text (g_steal_pointer (&text));
    }

  switch (frame->kind)
    {
    case ELEMENT_FRAMEWORK:
      end_framework (reader);
      break;

    case ELEMENT_NAME:
      g_free (reader->name);
      reader->name = g_steal_pointer (&text);
      break;

    case ELEMENT_DESCRIPTION:
      g_free (reader->description);
      reader->description = g_steal_pointer (&text);
      break;

    case ELEMENT_GUIDANCE:
      if (text != NULL)
        _ssr_term_set_guidance (frame->term, text, frame->key);
      break;

    case ELEMENT_ATTRIBUTE:
      _ssr_term_set_attribute (frame->term, frame->key, text != NULL ? text : "");
      break;

    case ELEMENT_LIST:
    case ELEMENT_TERM:
    case ELEMENT_IGNORED:
    default:
      break;
    }

  g_array_set_size (reader->stack, reader->stack->len - 1);
}

static void
characters_cb (void          *user_data,
               const xmlChar *characters,
               int            length)
{
  FrameworkReader *reader = user_data;

  if (reader->error == NULL && frame_collects_text (reader_top (reader)))
    g_string_append_len (reader->text, (const char *)characters, length);
}

static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  FrameworkReader *reader = user_data;

  reader_fail (reader,
               _("The file declares a document type (DOCTYPE); framework files may not contain one."));
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  FrameworkReader *reader = user_data;
  g_autofree char *message = NULL;
  g_autofree char *sentence = NULL;

  if (reader->error != NULL || error->level < XML_ERR_ERROR)
    return;

  message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
  if (message[0] != '\0')
    sentence = g_strdup_printf (_("The file is not well-formed XML (%s)."), message);
  else
    sentence = g_strdup (_("The file is not well-formed XML."));

  /* libxml2 goes on after some errors; the callbacks above ignore
   * everything once an error is recorded. */
  reader->error = _ssr_xml_new_error (reader->display_name, SSR_ERROR_FRAMEWORK,
                                      error->line, error->int2, "%s", sentence);
}

static void
reader_clear (FrameworkReader *reader)
{
  g_clear_pointer (&reader->parser, xmlFreeParserCtxt);
  g_clear_error (&reader->error);
  g_clear_pointer (&reader->stack, g_array_unref);
  if (reader->text != NULL)
    g_string_free (g_steal_pointer (&reader->text), TRUE);
  g_clear_pointer (&reader->id, g_free);
  g_clear_pointer (&reader->name, g_free);
  g_clear_pointer (&reader->description, g_free);
  g_clear_pointer (&reader->lines, g_hash_table_unref);
  g_clear_pointer (&reader->index, g_hash_table_unref);
  g_clear_object (&reader->root);
}

/* Runs libxml2's pull parser with our handler in place of the default
 * one (its messages read better than the push parser's: a cut-off file is
 * a "premature end of data"). */
static void
reader_parse (FrameworkReader *reader,
              const char      *data,
              gsize            size)
{
  xmlSAXHandler sax;

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element_cb;
  sax.endElementNs = end_element_cb;
  sax.characters = characters_cb;
  sax.cdataBlock = characters_cb;
  sax.internalSubset = internal_subset_cb;
  sax.serror = structured_error_cb;

  reader->parser = xmlCreateMemoryParserCtxt (data, (int)size);
  if (reader->parser == NULL)
    {
      reader->error = g_error_new (SSR_ERROR, SSR_ERROR_FRAMEWORK,
                                   _("%s: The XML parser could not be started."),
                                   reader->display_name);
      return;
    }

  memcpy (reader->parser->sax, &sax, sizeof sax);
  reader->parser->userData = reader;
  xmlCtxtUseOptions (reader->parser, _SSR_XML_SAFE_OPTIONS);
  xmlParseDocument (reader->parser);

  if (reader->error == NULL && (!reader->parser->wellFormed || reader->root == NULL))
    reader_fail (reader, _("The file is not well-formed XML."));
}

SsrFramework *
_ssr_xml_read_framework (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  FrameworkReader reader = { 0, };
  const char *data;
  gsize size;
  SsrFramework *framework;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK,
                   _("%s:1:1: The framework file is empty."), display_name);
      return NULL;
    }

  if (size > SSR_XML_MAX_SIZE)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_FRAMEWORK,
                   _("%s: The framework file is larger than %d MiB."),
                   display_name, SSR_XML_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  _ssr_xml_init ();

  reader.display_name = display_name;
  reader.stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (reader.stack, frame_clear);
  reader.text = g_string_new (NULL);
  reader.index = g_hash_table_new (g_str_hash, g_str_equal);
  reader.lines = g_hash_table_new (g_str_hash, g_str_equal);

  reader_parse (&reader, data, size);

  if (reader.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader.error));
      reader_clear (&reader);
      return NULL;
    }

  framework = _ssr_framework_new (reader.id, reader.name, reader.description,
                                  g_steal_pointer (&reader.root),
                                  g_steal_pointer (&reader.index));
  reader_clear (&reader);

  return framework;
}
