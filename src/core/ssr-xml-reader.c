/* ssr-xml-reader.c: reads an .ssra file into an assessment, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-xml-reader"

#include "config.h"

#include "ssr-xml.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "ssr-actor.h"
#include "ssr-assessment-private.h"
#include "ssr-core-enums.h"
#include "ssr-finding.h"
#include "ssr-indicator.h"
#include "ssr-mechanism.h"
#include "ssr-organisation.h"
#include "ssr-principle-check.h"
#include "ssr-priority.h"
#include "ssr-relation.h"
#include "ssr-step-record.h"
#include "ssr-team-member.h"

/*
 * A hostile file never hurts: the parser refuses a DOCTYPE (so no entity,
 * internal or external, and no DTD is ever processed), never touches the
 * network or another file, and stops at the first text or attribute
 * value longer than this and at the first element nested deeper than
 * SSR_XML_MAX_DEPTH.
 */
#define MAX_VALUE_LENGTH (1024 * 1024)

/* An error message carries at most this many characters of the file. */
#define MAX_EXCERPT 40

#define NAMESPACE_STEM "urn:ssr-workbench:assessment:"

/* What the parser callbacks share while libxml2 parses. */
typedef struct
{
  const char *display_name;
  GError     *error;        /* the first problem met */
  guint       depth;
  gsize       text_length;  /* of the text run being parsed */
} ParseState;

typedef enum
{
  VALUE_TEXT,       /* any text */
  VALUE_DATE,       /* YYYY-MM-DD */
  VALUE_ENUM,       /* a nick of the field's enumeration */
  VALUE_INTEGER,    /* a whole number from the field's min to max */
  VALUE_NUMBER,     /* a finite decimal number */
  VALUE_BOOLEAN,
  VALUE_REFERENCE,  /* the id of another item, of the field's target */
} ValueType;

typedef enum
{
  TARGET_NONE,
  TARGET_ACTOR,
  TARGET_ACTOR_OR_ORGANISATION,
  TARGET_FINDING,
  TARGET_PRIORITY,
} Target;

/*
 * A value of the format: an attribute, or a child element holding text.
 * A field without property is known but handled elsewhere (the id).
 */
typedef struct
{
  const char *name;
  const char *property;
  ValueType   type;
  gboolean    required;
  int         min;
  int         max;
  GType     (*enum_type) (void);
  Target      target;
} Field;

#define KNOWN(n)              { n, NULL, VALUE_TEXT, FALSE, 0, 0, NULL, TARGET_NONE }
#define TEXT(n, p)            { n, p, VALUE_TEXT, FALSE, 0, 0, NULL, TARGET_NONE }
#define DATE(n, p)            { n, p, VALUE_DATE, FALSE, 0, 0, NULL, TARGET_NONE }
#define ENUM(n, p, t)         { n, p, VALUE_ENUM, FALSE, 0, 0, t, TARGET_NONE }
#define INTEGER(n, p, lo, hi) { n, p, VALUE_INTEGER, FALSE, lo, hi, NULL, TARGET_NONE }
#define NUMBER(n, p)          { n, p, VALUE_NUMBER, FALSE, 0, 0, NULL, TARGET_NONE }
#define BOOLEAN(n, p)         { n, p, VALUE_BOOLEAN, FALSE, 0, 0, NULL, TARGET_NONE }
#define REFERENCE(n, p, t)    { n, p, VALUE_REFERENCE, FALSE, 0, 0, NULL, t }
#define REQUIRED_REFERENCE(n, p, t) { n, p, VALUE_REFERENCE, TRUE, 0, 0, NULL, t }
#define END                   { NULL, NULL, VALUE_TEXT, FALSE, 0, 0, NULL, TARGET_NONE }

typedef struct _Reader Reader;

/* Child elements gathered into one GVariant property (ratings, measurements). */
typedef struct
{
  const char *element;
  const char *property;
  const char *variant_type;
  gboolean  (*read) (Reader           *reader,
                     xmlNode          *node,
                     GVariantBuilder  *builder,
                     GHashTable       *keys,
                     GError          **error);
} RecordSpec;

typedef struct
{
  const char       *element;
  GType           (*get_type) (void);
  const Field      *attributes;
  const Field      *texts;     /* child elements holding text */
  const Field      *list;      /* child elements <x ref="…"/>, gathered into a GStrv */
  const RecordSpec *records;
  gboolean        (*check) (Reader   *reader,
                            xmlNode  *node,
                            SsrItem  *item,
                            GError  **error);
} ItemSpec;

typedef struct
{
  const char     *element;
  const ItemSpec *item;
} SectionSpec;

/* A reference met while reading, checked once every item is read. */
typedef struct
{
  char       *id;
  const char *element;
  const char *attribute;
  Target      target;
  int         line;
} Reference;

typedef struct
{
  int   line;
  GType type;
} ItemEntry;

struct _Reader
{
  const char    *display_name;
  SsrAssessment *assessment;
  GHashTable    *items;       /* id → ItemEntry */
  GArray        *references;  /* Reference */
};

static gboolean read_rating      (Reader           *reader,
                                  xmlNode          *node,
                                  GVariantBuilder  *builder,
                                  GHashTable       *keys,
                                  GError          **error);
static gboolean read_measurement (Reader           *reader,
                                  xmlNode          *node,
                                  GVariantBuilder  *builder,
                                  GHashTable       *keys,
                                  GError          **error);
static gboolean check_position   (Reader           *reader,
                                  xmlNode          *node,
                                  SsrItem          *item,
                                  GError          **error);

static const Field root_attributes[] = {
  KNOWN ("format-version"),
  TEXT ("framework", "framework"),
  END
};

static const Field no_fields[] = { END };

static const Field meta_texts[] = {
  TEXT ("title", "title"),
  TEXT ("country", "country"),
  TEXT ("context-type", "context-type"),
  TEXT ("classification", "classification"),
  DATE ("start-date", "start-date"),
  DATE ("end-date", "end-date"),
  TEXT ("context", "context"),
  END
};

static const Field team_member_attributes[] = {
  KNOWN ("id"),
  TEXT ("name", "name"),
  TEXT ("agency", "agency"),
  TEXT ("role", "role"),
  END
};

static const Field step_record_attributes[] = {
  KNOWN ("id"),
  TEXT ("step", "step"),
  ENUM ("status", "status", ssr_step_status_get_type),
  END
};
static const Field step_record_texts[] = { TEXT ("notes", "notes"), END };
static const Field step_record_list = TEXT ("task", "tasks-done");

static const Field actor_attributes[] = {
  KNOWN ("id"),
  TEXT ("name", "name"),
  TEXT ("category", "category"),
  TEXT ("kind", "kind"),
  ENUM ("stance", "stance", ssr_stance_get_type),
  INTEGER ("influence", "influence", 0, 5),
  INTEGER ("interest", "interest", 0, 5),
  NUMBER ("x", "x"),
  NUMBER ("y", "y"),
  BOOLEAN ("sensitive", "sensitive"),
  END
};
static const Field actor_texts[] = {
  TEXT ("description", "description"),
  TEXT ("evidence", "evidence"),
  END
};
static const RecordSpec actor_records = { "rating", "ratings", "a{si}", read_rating };

static const Field relation_attributes[] = {
  KNOWN ("id"),
  REQUIRED_REFERENCE ("source", "source", TARGET_ACTOR),
  REQUIRED_REFERENCE ("target", "target", TARGET_ACTOR),
  TEXT ("type", "type"),
  ENUM ("direction", "direction", ssr_direction_get_type),
  INTEGER ("strength", "strength", 1, 3),
  END
};
static const Field relation_texts[] = { TEXT ("note", "note"), END };

static const Field organisation_attributes[] = {
  KNOWN ("id"),
  TEXT ("name", "name"),
  TEXT ("acronym", "acronym"),
  TEXT ("kind", "kind"),
  END
};
static const Field organisation_texts[] = { TEXT ("description", "description"), END };
static const Field organisation_list = TEXT ("area", "areas");

static const Field mechanism_attributes[] = {
  KNOWN ("id"),
  TEXT ("name", "name"),
  TEXT ("type", "type"),
  REFERENCE ("lead", "lead", TARGET_ACTOR_OR_ORGANISATION),
  END
};
static const Field mechanism_texts[] = { TEXT ("notes", "notes"), END };
static const Field mechanism_list =
  REFERENCE ("member", "members", TARGET_ACTOR_OR_ORGANISATION);

static const Field finding_attributes[] = {
  KNOWN ("id"),
  ENUM ("kind", "kind", ssr_finding_kind_get_type),
  TEXT ("step", "step"),
  TEXT ("dimension", "dimension"),
  BOOLEAN ("sensitive", "sensitive"),
  END
};
static const Field finding_texts[] = {
  TEXT ("title", "title"),
  TEXT ("evidence", "evidence"),
  END
};
static const Field finding_list = REFERENCE ("actor", "actors", TARGET_ACTOR);

static const Field priority_attributes[] = {
  KNOWN ("id"),
  TEXT ("timeframe", "timeframe"),
  TEXT ("owner", "owner"),
  END
};
static const Field priority_texts[] = {
  TEXT ("objective", "objective"),
  TEXT ("description", "description"),
  END
};
static const Field priority_list = REFERENCE ("finding", "findings", TARGET_FINDING);

static const Field indicator_attributes[] = {
  KNOWN ("id"),
  TEXT ("name", "name"),
  ENUM ("kind", "kind", ssr_indicator_kind_get_type),
  TEXT ("unit", "unit"),
  NUMBER ("baseline", "baseline"),
  DATE ("baseline-date", "baseline-date"),
  NUMBER ("target", "target"),
  DATE ("target-date", "target-date"),
  TEXT ("source", "source"),
  TEXT ("owner", "owner"),
  REFERENCE ("priority", "priority", TARGET_PRIORITY),
  END
};
static const RecordSpec indicator_records =
  { "measurement", "measurements", "a(sds)", read_measurement };

static const Field principle_check_attributes[] = {
  KNOWN ("id"),
  TEXT ("principle", "principle"),
  INTEGER ("rating", "rating", 0, 5),
  END
};
static const Field principle_check_texts[] = { TEXT ("note", "note"), END };

static const ItemSpec team_member_spec = {
  "team-member", ssr_team_member_get_type,
  team_member_attributes, NULL, NULL, NULL, NULL
};
static const ItemSpec step_record_spec = {
  "step-record", ssr_step_record_get_type,
  step_record_attributes, step_record_texts, &step_record_list, NULL, NULL
};
static const ItemSpec actor_spec = {
  "actor", ssr_actor_get_type,
  actor_attributes, actor_texts, NULL, &actor_records, check_position
};
static const ItemSpec relation_spec = {
  "relation", ssr_relation_get_type,
  relation_attributes, relation_texts, NULL, NULL, NULL
};
static const ItemSpec organisation_spec = {
  "organisation", ssr_organisation_get_type,
  organisation_attributes, organisation_texts, &organisation_list, NULL, NULL
};
static const ItemSpec mechanism_spec = {
  "mechanism", ssr_mechanism_get_type,
  mechanism_attributes, mechanism_texts, &mechanism_list, NULL, NULL
};
static const ItemSpec finding_spec = {
  "finding", ssr_finding_get_type,
  finding_attributes, finding_texts, &finding_list, NULL, NULL
};
static const ItemSpec priority_spec = {
  "priority", ssr_priority_get_type,
  priority_attributes, priority_texts, &priority_list, NULL, NULL
};
static const ItemSpec indicator_spec = {
  "indicator", ssr_indicator_get_type,
  indicator_attributes, NULL, NULL, &indicator_records, NULL
};
static const ItemSpec principle_check_spec = {
  "principle-check", ssr_principle_check_get_type,
  principle_check_attributes, principle_check_texts, NULL, NULL, NULL
};

/* In the order of the file; "meta" comes before them. */
static const SectionSpec sections[] = {
  { "team", &team_member_spec },
  { "steps", &step_record_spec },
  { "actors", &actor_spec },
  { "relations", &relation_spec },
  { "organisations", &organisation_spec },
  { "mechanisms", &mechanism_spec },
  { "findings", &finding_spec },
  { "priorities", &priority_spec },
  { "indicators", &indicator_spec },
  { "principles", &principle_check_spec },
};

static void
ensure_libxml_initialized (void)
{
  static gsize initialized = 0;

  /* Loads run in worker threads; libxml2 must be set up exactly once. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/*
 * Quotes at most MAX_EXCERPT characters of file content, so that an error
 * message can never carry much of a file away; control characters become
 * spaces so that a message stays on one line.
 */
static char *
excerpt (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *quoted = g_string_new (NULL);
  const char *p;
  guint n = 0;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == MAX_EXCERPT)
        {
          g_string_append (quoted, "…");
          break;
        }
      g_string_append_unichar (quoted, g_unichar_iscntrl (c) ? ' ' : c);
    }

  return g_string_free (quoted, FALSE);
}

static GError *new_error (const char *display_name,
                          SsrError    code,
                          int         line,
                          int         column,
                          const char *format,
                          ...) G_GNUC_PRINTF (5, 6);

/* Every message reads "NAME:LINE:COL: sentence"; see ssr_xml_error_get_location(). */
static GError *
new_error (const char *display_name,
           SsrError    code,
           int         line,
           int         column,
           const char *format,
           ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  return g_error_new (SSR_ERROR, code, "%s:%d:%d: %s",
                      display_name, MAX (line, 0), MAX (column, 0), sentence);
}

gboolean
ssr_xml_error_get_location (const GError *error,
                            int          *line,
                            int          *column)
{
  const char *p;

  g_return_val_if_fail (error != NULL, FALSE);

  /* The display name may hold colons: find the first ":LINE:COL: ". */
  for (p = strchr (error->message, ':'); p != NULL; p = strchr (p + 1, ':'))
    {
      char *end;
      gint64 parsed_line;
      gint64 parsed_column;

      if (!g_ascii_isdigit (p[1]))
        continue;
      parsed_line = g_ascii_strtoll (p + 1, &end, 10);
      if (*end != ':' || !g_ascii_isdigit (end[1]))
        continue;
      parsed_column = g_ascii_strtoll (end + 1, &end, 10);
      if (end[0] != ':' || end[1] != ' ' ||
          parsed_line > G_MAXINT || parsed_column > G_MAXINT)
        continue;

      if (line != NULL)
        *line = (int) parsed_line;
      if (column != NULL)
        *column = (int) parsed_column;
      return TRUE;
    }

  return FALSE;
}

/* Parsing */

static void stop_parsing (xmlParserCtxt *ctxt,
                          SsrError       code,
                          const char    *format,
                          ...) G_GNUC_PRINTF (3, 4);

static void
stop_parsing (xmlParserCtxt *ctxt,
              SsrError       code,
              const char    *format,
              ...)
{
  ParseState *state = ctxt->_private;

  if (state->error == NULL)
    {
      g_autofree char *sentence = NULL;
      va_list args;

      va_start (args, format);
      sentence = g_strdup_vprintf (format, args);
      va_end (args);

      state->error = new_error (state->display_name, code,
                                xmlSAX2GetLineNumber (ctxt),
                                xmlSAX2GetColumnNumber (ctxt),
                                "%s", sentence);
    }

  xmlStopParser (ctxt);
}

/*
 * Called as soon as "<!DOCTYPE name" is read, before its internal subset:
 * stopping here means no entity is ever declared, expanded or fetched.
 */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  stop_parsing (user_data, SSR_ERROR_FORBIDDEN,
                _("the file contains a document type declaration (DOCTYPE), "
                  "which is refused for safety"));
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
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;
  int i;

  state->text_length = 0;
  if (++state->depth > SSR_XML_MAX_DEPTH)
    {
      stop_parsing (ctxt, SSR_ERROR_TOO_LARGE,
                    _("elements are nested more than %d deep"),
                    SSR_XML_MAX_DEPTH);
      return;
    }

  /* Each attribute is (localname, prefix, URI, value, end of value). */
  for (i = 0; i < n_attributes; i++)
    {
      if (attributes[i * 5 + 4] - attributes[i * 5 + 3] > MAX_VALUE_LENGTH)
        {
          stop_parsing (ctxt, SSR_ERROR_TOO_LARGE,
                        _("an attribute value is longer than %d MiB"),
                        MAX_VALUE_LENGTH / (1024 * 1024));
          return;
        }
    }

  xmlSAX2StartElementNs (ctxt, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->depth--;
  state->text_length = 0;
  xmlSAX2EndElementNs (ctxt, localname, prefix, uri);
}

static void
characters_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->text_length += length;
  if (state->text_length > MAX_VALUE_LENGTH)
    {
      stop_parsing (ctxt, SSR_ERROR_TOO_LARGE,
                    _("a text is longer than %d MiB"),
                    MAX_VALUE_LENGTH / (1024 * 1024));
      return;
    }

  xmlSAX2Characters (ctxt, text, length);
}

/* libxml2's own wording names parts of the file; ours does not, mostly. */
static GError *
error_from_libxml (const char     *display_name,
                   const xmlError *xml_error)
{
  const char *message = xml_error->message != NULL ? xml_error->message : "";
  SsrError code = SSR_ERROR_MALFORMED;
  g_autofree char *sentence = NULL;

  if (xml_error->code == XML_ERR_INVALID_ENCODING ||
      g_str_has_prefix (message, "Input is not proper UTF-8"))
    {
      sentence = g_strdup (_("the file is not valid UTF-8 text"));
    }
  else if (xml_error->code == XML_ERR_NAME_TOO_LONG ||
           strstr (message, "too long") != NULL ||
           strstr (message, "Excessive depth") != NULL ||
           strstr (message, "huge") != NULL)
    {
      code = SSR_ERROR_TOO_LARGE;
      sentence = g_strdup (_("a name or value in the file is too large"));
    }
  else if (xml_error->code == XML_ERR_UNDECLARED_ENTITY ||
           xml_error->code == XML_WAR_UNDECLARED_ENTITY)
    {
      code = SSR_ERROR_FORBIDDEN;
      sentence = g_strdup (_("the file uses an entity reference, which is refused for safety"));
    }
  else if (xml_error->code == XML_ERR_DOCUMENT_EMPTY)
    {
      sentence = g_strdup (_("the file is empty or is not XML"));
    }
  else if (xml_error->code == XML_ERR_TAG_NOT_FINISHED)
    {
      sentence = g_strdup (_("the file ends too early; it may have been cut off"));
    }
  else if (xml_error->code == XML_ERR_TAG_NAME_MISMATCH)
    {
      sentence = g_strdup (_("an element is closed by the end tag of another element"));
    }
  else
    {
      g_autofree char *detail = excerpt (g_strstrip (g_strdup (message)));

      if (xml_error->domain == XML_FROM_NAMESPACE)
        sentence = g_strdup_printf (_("the file does not use XML namespaces correctly (%s)"), detail);
      else
        sentence = g_strdup_printf (_("the file is not well-formed XML (%s)"), detail);
    }

  return new_error (display_name, code, xml_error->line, xml_error->int2, "%s", sentence);
}

static void
structured_error_cb (void     *user_data,
                     xmlError *xml_error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (xml_error->level < XML_ERR_ERROR || state->error != NULL)
    return;

  state->error = error_from_libxml (state->display_name, xml_error);
}

static xmlDoc *
parse_document (const char  *data,
                gsize        size,
                const char  *display_name,
                GError     **error)
{
  ParseState state = { display_name, NULL, 0, 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, SSR_ERROR, SSR_ERROR_TOO_LARGE,
                   "%s:0:0: %s", display_name, _("there is not enough memory to read the file"));
      return NULL;
    }

  /* Errors go to this context only: libxml2 prints nothing. */
  ctxt->_private = &state;
  ctxt->sax->serror = structured_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;
  ctxt->sax->characters = characters_cb;
  ctxt->sax->ignorableWhitespace = characters_cb;

  /*
   * Never XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE: no entity
   * is substituted, no DTD loaded, no inclusion made, libxml2's own
   * limits stay.
   */
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA |
                           XML_PARSE_BIG_LINES | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING);

  if (state.error == NULL &&
      (doc == NULL || !ctxt->wellFormed || !ctxt->nsWellFormed))
    state.error = new_error (display_name, SSR_ERROR_MALFORMED, 0, 0,
                             "%s", _("the file is not well-formed XML"));

  xmlFreeParserCtxt (ctxt);

  if (state.error != NULL)
    {
      g_propagate_error (error, state.error);
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }

  return doc;
}

/* Reading the tree */

static gboolean
is_ours (xmlNode *node)
{
  return node->ns != NULL && g_strcmp0 ((const char *) node->ns->href, SSR_NAMESPACE) == 0;
}

static int
line_of (xmlNode *node)
{
  return (int) xmlGetLineNo (node);
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/*
 * The text directly inside @node (CDATA included, as parsed). The model
 * has no place for foreign content inside a leaf (a text or reference
 * element): only its value is read.
 */
static char *
get_text (xmlNode *node)
{
  GString *text = g_string_new (NULL);
  xmlNode *child;

  for (child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
    }

  return g_string_free (text, FALSE);
}

static const Field *
find_field (const Field   *fields,
            const xmlChar *name)
{
  const Field *field;

  for (field = fields; field != NULL && field->name != NULL; field++)
    {
      if (strcmp (field->name, (const char *) name) == 0)
        return field;
    }

  return NULL;
}

/* Foreign content of an item, or of the section of the document @node is. */
static SsrForeign *
get_foreign (Reader  *reader,
             GObject *owner,
             xmlNode *node)
{
  if (SSR_IS_ITEM (owner))
    return _ssr_item_get_foreign (SSR_ITEM (owner));

  return _ssr_assessment_get_foreign (reader->assessment, (const char *) node->name);
}

/* A self-contained copy of @node, declaring the namespaces it uses. */
static char *
serialize_fragment (xmlNode *node)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *copy = xmlDocCopyNode (node, doc, 1);
  xmlBuffer *buffer = xmlBufferCreate ();
  char *fragment;

  xmlDocSetRootElement (doc, copy);
  xmlReconciliateNs (doc, copy);
  xmlNodeDump (buffer, doc, copy, 0, 0);
  fragment = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));

  xmlBufferFree (buffer);
  xmlFreeDoc (doc);

  return fragment;
}

static void
keep_foreign_element (Reader  *reader,
                      GObject *owner,
                      xmlNode *parent,
                      xmlNode *node)
{
  g_autofree char *fragment = serialize_fragment (node);

  _ssr_foreign_add_element (get_foreign (reader, owner, parent), fragment);
}

static void
keep_foreign_attribute (Reader  *reader,
                        GObject *owner,
                        xmlNode *node,
                        xmlAttr *attribute)
{
  g_autofree char *qualified_name = NULL;
  xmlChar *value = xmlNodeGetContent ((xmlNode *) attribute);
  const char *ns_uri = NULL;

  if (attribute->ns != NULL && attribute->ns->prefix != NULL)
    {
      ns_uri = (const char *) attribute->ns->href;
      qualified_name = g_strdup_printf ("%s:%s", attribute->ns->prefix, attribute->name);
    }
  else
    {
      qualified_name = g_strdup ((const char *) attribute->name);
    }

  _ssr_foreign_add_attribute (get_foreign (reader, owner, node), ns_uri, qualified_name,
                              value != NULL ? (const char *) value : "");
  xmlFree (value);
}

/* "the attribute “x” of <actor>" or "the element <start-date>" */
static char *
describe (xmlNode    *node,
          const char *attribute)
{
  if (attribute != NULL)
    return g_strdup_printf (_("the attribute “%s” of <%s>"), attribute, node->name);

  return g_strdup_printf (_("the element <%s>"), node->name);
}

static gboolean
is_decimal_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

static gboolean
is_date (const char *text)
{
  g_autofree char *year_text = NULL;
  g_autofree char *month_text = NULL;
  guint64 year;
  guint64 month;
  guint64 day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  year_text = g_strndup (text, 4);
  month_text = g_strndup (text + 5, 2);

  return g_ascii_string_to_unsigned (year_text, 10, 1, 9999, &year, NULL) &&
         g_ascii_string_to_unsigned (month_text, 10, 1, 12, &month, NULL) &&
         g_ascii_string_to_unsigned (text + 8, 10, 1, 31, &day, NULL) &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
enum_nicks (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *nicks = g_string_new (NULL);
  guint i;

  for (i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (nicks, ", ");
      g_string_append (nicks, klass->values[i].value_nick);
    }

  return g_string_free (nicks, FALSE);
}

static gboolean invalid_value (Reader      *reader,
                               xmlNode     *node,
                               const char  *attribute,
                               const char  *raw,
                               GError     **error,
                               const char  *format,
                               ...) G_GNUC_PRINTF (6, 7);

/* Sets "NAME:LINE:0: the attribute “a” of <e> is “raw”; expected …". */
static gboolean
invalid_value (Reader      *reader,
               xmlNode     *node,
               const char  *attribute,
               const char  *raw,
               GError     **error,
               const char  *format,
               ...)
{
  g_autofree char *what = describe (node, attribute);
  g_autofree char *quoted = excerpt (raw);
  g_autofree char *expected = NULL;
  va_list args;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);

  g_propagate_error (error,
                     new_error (reader->display_name, SSR_ERROR_INVALID, line_of (node), 0,
                                _("%s is “%s”; expected %s"), what, quoted, expected));
  return FALSE;
}

static void
add_reference (Reader      *reader,
               xmlNode     *node,
               const char  *attribute,
               const char  *id,
               Target       target)
{
  Reference reference;

  reference.id = g_strdup (id);
  reference.element = g_intern_string ((const char *) node->name);
  reference.attribute = attribute;
  reference.target = target;
  reference.line = line_of (node);
  g_array_append_val (reader->references, reference);
}

/*
 * Converts @raw, the value of @attribute of @node (or, when @attribute is
 * NULL, the text of @node), into @value, of the type its property has.
 */
static gboolean
parse_value (Reader       *reader,
             xmlNode      *node,
             const char   *attribute,
             const Field  *field,
             const char   *raw,
             GValue       *value,
             GError      **error)
{
  g_autofree char *token = g_strstrip (g_strdup (raw));
  gint64 integer;

  switch (field->type)
    {
    case VALUE_TEXT:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, raw);
      return TRUE;

    case VALUE_DATE:
      if (!is_date (token))
        return invalid_value (reader, node, attribute, raw, error,
                              "%s", _("a date of the form YYYY-MM-DD"));
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, token);
      return TRUE;

    case VALUE_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
        GEnumValue *enum_value = g_enum_get_value_by_nick (klass, token);

        if (enum_value == NULL)
          {
            g_autofree char *nicks = enum_nicks (field->enum_type ());

            return invalid_value (reader, node, attribute, raw, error,
                                  _("one of: %s"), nicks);
          }
        g_value_init (value, field->enum_type ());
        g_value_set_enum (value, enum_value->value);
        return TRUE;
      }

    case VALUE_INTEGER:
      if (!g_ascii_string_to_signed (token, 10, field->min, field->max, &integer, NULL))
        return invalid_value (reader, node, attribute, raw, error,
                              _("a whole number from %d to %d"), field->min, field->max);
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int) integer);
      return TRUE;

    case VALUE_NUMBER:
      {
        double number = is_decimal_number (token) ? g_ascii_strtod (token, NULL) : NAN;

        if (!isfinite (number))
          return invalid_value (reader, node, attribute, raw, error,
                                "%s", _("a number such as 12 or -3.5"));
        g_value_init (value, G_TYPE_DOUBLE);
        g_value_set_double (value, number);
        return TRUE;
      }

    case VALUE_BOOLEAN:
      if (g_strcmp0 (token, "true") != 0 && g_strcmp0 (token, "false") != 0 &&
          g_strcmp0 (token, "1") != 0 && g_strcmp0 (token, "0") != 0)
        return invalid_value (reader, node, attribute, raw, error,
                              "%s", _("true or false"));
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, token[0] == 't' || token[0] == '1');
      return TRUE;

    case VALUE_REFERENCE:
      if (xmlValidateNCName ((const xmlChar *) token, 0) != 0)
        return invalid_value (reader, node, attribute, raw, error,
                              "%s", _("the id of an item"));
      add_reference (reader, node, attribute, token, field->target);
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, token);
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

/* Leaves @value unset when the attribute is optional and absent. */
static gboolean
read_attribute (Reader       *reader,
                xmlNode      *node,
                const Field  *field,
                GValue       *value,
                GError      **error)
{
  g_autofree char *raw = get_attribute (node, field->name);

  if (raw == NULL)
    {
      if (field->required)
        g_propagate_error (error,
                           new_error (reader->display_name, SSR_ERROR_INVALID,
                                      line_of (node), 0,
                                      _("the attribute “%s” of <%s> is missing"),
                                      field->name, node->name));
      return !field->required;
    }

  return parse_value (reader, node, field->name, field, raw, value, error);
}

/* Known attributes set @object's properties; the others are kept as they are. */
static gboolean
read_attributes (Reader       *reader,
                 xmlNode      *node,
                 GObject      *object,
                 const Field  *fields,
                 GError      **error)
{
  const Field *field;
  xmlAttr *attribute;

  for (field = fields; field->name != NULL; field++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (field->property == NULL)
        continue;
      if (!read_attribute (reader, node, field, &value, error))
        return FALSE;
      if (G_IS_VALUE (&value))
        g_object_set_property (object, field->property, &value);
    }

  for (attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      if (attribute->ns != NULL || find_field (fields, attribute->name) == NULL)
        keep_foreign_attribute (reader, object, node, attribute);
    }

  return TRUE;
}

static gboolean
read_text (Reader       *reader,
           xmlNode      *node,
           GObject      *object,
           const Field  *field,
           GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = get_text (node);

  if (!parse_value (reader, node, NULL, field, text, &value, error))
    return FALSE;

  g_object_set_property (object, field->property, &value);
  return TRUE;
}

static gboolean
read_list_entry (Reader       *reader,
                 xmlNode      *node,
                 const Field  *list,
                 GPtrArray    *entries,
                 GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  Field ref = *list;

  ref.name = "ref";
  ref.required = TRUE;
  if (!read_attribute (reader, node, &ref, &value, error))
    return FALSE;

  g_ptr_array_add (entries, g_value_dup_string (&value));
  return TRUE;
}

static gboolean
read_rating (Reader           *reader,
             xmlNode          *node,
             GVariantBuilder  *builder,
             GHashTable       *keys,
             GError          **error)
{
  static const Field scale_field = { "scale", NULL, VALUE_TEXT, TRUE, 0, 0, NULL, TARGET_NONE };
  static const Field value_field = { "value", NULL, VALUE_INTEGER, TRUE, 1, 5, NULL, TARGET_NONE };
  g_auto(GValue) scale = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!read_attribute (reader, node, &scale_field, &scale, error) ||
      !read_attribute (reader, node, &value_field, &value, error))
    return FALSE;

  if (!g_hash_table_add (keys, g_value_dup_string (&scale)))
    {
      g_autofree char *quoted = excerpt (g_value_get_string (&scale));

      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_INVALID, line_of (node), 0,
                                    _("the rating scale “%s” appears twice in <%s>"),
                                    quoted, node->parent->name));
      return FALSE;
    }

  g_variant_builder_add (builder, "{si}", g_value_get_string (&scale), g_value_get_int (&value));
  return TRUE;
}

static gboolean
read_measurement (Reader           *reader,
                  xmlNode          *node,
                  GVariantBuilder  *builder,
                  GHashTable       *keys,
                  GError          **error)
{
  static const Field date_field = { "date", NULL, VALUE_DATE, TRUE, 0, 0, NULL, TARGET_NONE };
  static const Field value_field = { "value", NULL, VALUE_NUMBER, TRUE, 0, 0, NULL, TARGET_NONE };
  g_auto(GValue) date = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *note = get_text (node);

  if (!read_attribute (reader, node, &date_field, &date, error) ||
      !read_attribute (reader, node, &value_field, &value, error))
    return FALSE;

  g_variant_builder_add (builder, "(sds)",
                         g_value_get_string (&date), g_value_get_double (&value), note);
  return TRUE;
}

/* x and y come together, or the actor is not placed on the map yet. */
static gboolean
check_position (Reader   *reader,
                xmlNode  *node,
                SsrItem  *item,
                GError  **error)
{
  gboolean has_x = xmlHasNsProp (node, (const xmlChar *) "x", NULL) != NULL;
  gboolean has_y = xmlHasNsProp (node, (const xmlChar *) "y", NULL) != NULL;

  if (has_x != has_y)
    {
      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_INVALID, line_of (node), 0,
                                    _("<%s> has “%s” without “%s”; the two come together"),
                                    node->name, has_x ? "x" : "y", has_x ? "y" : "x"));
      return FALSE;
    }

  if (has_x)
    g_object_set (item, "positioned", TRUE, NULL);

  return TRUE;
}

static gboolean
element_appears_twice (Reader   *reader,
                       xmlNode  *node,
                       GError  **error)
{
  g_propagate_error (error,
                     new_error (reader->display_name, SSR_ERROR_INVALID, line_of (node), 0,
                                _("<%s> appears twice in <%s>"),
                                node->name, node->parent->name));
  return FALSE;
}

/*
 * Reads the child elements of @node into @object: @texts (each at most
 * once), @list (gathered into a GStrv property), @records (gathered into a
 * GVariant property). Any other element is kept as foreign content.
 */
static gboolean
read_children (Reader            *reader,
               xmlNode           *node,
               GObject           *object,
               const Field       *texts,
               const Field       *list,
               const RecordSpec  *records,
               GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GVariantBuilder) builder = NULL;
  guint n_records = 0;
  guint64 texts_seen = 0;
  xmlNode *child;

  if (records != NULL)
    builder = g_variant_builder_new (G_VARIANT_TYPE (records->variant_type));

  for (child = node->children; child != NULL; child = child->next)
    {
      const Field *text_field;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (!is_ours (child))
        {
          keep_foreign_element (reader, object, node, child);
        }
      else if ((text_field = find_field (texts, child->name)) != NULL)
        {
          guint64 bit = G_GUINT64_CONSTANT (1) << (text_field - texts);

          if ((texts_seen & bit) != 0)
            return element_appears_twice (reader, child, error);
          texts_seen |= bit;
          if (!read_text (reader, child, object, text_field, error))
            return FALSE;
        }
      else if (list != NULL && xmlStrEqual (child->name, (const xmlChar *) list->name))
        {
          if (!read_list_entry (reader, child, list, entries, error))
            return FALSE;
        }
      else if (records != NULL && xmlStrEqual (child->name, (const xmlChar *) records->element))
        {
          if (!records->read (reader, child, builder, keys, error))
            return FALSE;
          n_records++;
        }
      else
        {
          keep_foreign_element (reader, object, node, child);
        }
    }

  if (entries->len > 0)
    {
      g_ptr_array_add (entries, NULL);
      g_object_set (object, list->property, (char **) entries->pdata, NULL);
    }

  if (n_records > 0)
    g_object_set (object, records->property, g_variant_builder_end (builder), NULL);

  return TRUE;
}

static gboolean
read_id (Reader      *reader,
         xmlNode     *node,
         GType        type,
         char       **id,
         GError     **error)
{
  g_autofree char *value = get_attribute (node, "id");
  ItemEntry *entry;

  if (value == NULL)
    {
      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_INVALID, line_of (node), 0,
                                    _("<%s> has no id"), node->name));
      return FALSE;
    }

  if (xmlValidateNCName ((const xmlChar *) value, 0) != 0)
    {
      g_autofree char *quoted = excerpt (value);

      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_INVALID, line_of (node), 0,
                                    _("the id “%s” of <%s> is not valid: an id starts with a "
                                      "letter and holds only letters, digits, “-”, “_” and “.”"),
                                    quoted, node->name));
      return FALSE;
    }

  entry = g_hash_table_lookup (reader->items, value);
  if (entry != NULL)
    {
      g_autofree char *quoted = excerpt (value);

      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_DUPLICATE_ID, line_of (node), 0,
                                    _("the id “%s” is used twice, on line %d and on line %d"),
                                    quoted, entry->line, line_of (node)));
      return FALSE;
    }

  entry = g_new (ItemEntry, 1);
  entry->line = line_of (node);
  entry->type = type;
  g_hash_table_insert (reader->items, g_strdup (value), entry);

  *id = g_steal_pointer (&value);
  return TRUE;
}

static SsrError
model_error_code (const GError *model_error)
{
  if (model_error->domain == SSR_ERROR)
    return model_error->code;

  return SSR_ERROR_INVALID;
}

static gboolean
read_item (Reader          *reader,
           xmlNode         *node,
           const ItemSpec  *spec,
           GError         **error)
{
  g_autoptr(SsrItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  GType type = spec->get_type ();

  if (!read_id (reader, node, type, &id, error))
    return FALSE;

  item = g_object_new (type, "id", id, NULL);

  if (!read_attributes (reader, node, G_OBJECT (item), spec->attributes, error) ||
      (spec->check != NULL && !spec->check (reader, node, item, error)) ||
      !read_children (reader, node, G_OBJECT (item), spec->texts, spec->list, spec->records, error))
    return FALSE;

  if (!ssr_assessment_append (reader->assessment, item, &local_error))
    {
      g_propagate_error (error,
                         new_error (reader->display_name, model_error_code (local_error),
                                    line_of (node), 0, "%s", local_error->message));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_section (Reader             *reader,
              xmlNode            *node,
              const SectionSpec  *section,
              GError            **error)
{
  GObject *document = G_OBJECT (reader->assessment);
  xmlNode *child;

  if (!read_attributes (reader, node, document, no_fields, error))
    return FALSE;

  for (child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_ours (child) && xmlStrEqual (child->name, (const xmlChar *) section->item->element))
        {
          if (!read_item (reader, child, section->item, error))
            return FALSE;
        }
      else
        {
          keep_foreign_element (reader, document, node, child);
        }
    }

  return TRUE;
}

static gboolean
read_meta (Reader   *reader,
           xmlNode  *node,
           GError  **error)
{
  GObject *document = G_OBJECT (reader->assessment);

  return read_attributes (reader, node, document, no_fields, error) &&
         read_children (reader, node, document, meta_texts, NULL, NULL, error);
}

static gboolean
read_sections (Reader   *reader,
               xmlNode  *root,
               GError  **error)
{
  GObject *document = G_OBJECT (reader->assessment);
  guint64 seen = 0;
  xmlNode *child;

  for (child = root->children; child != NULL; child = child->next)
    {
      const SectionSpec *section = NULL;
      guint64 bit = 1;
      guint i;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (!is_ours (child))
        {
          keep_foreign_element (reader, document, root, child);
          continue;
        }

      for (i = 0; i < G_N_ELEMENTS (sections) && section == NULL; i++)
        {
          if (xmlStrEqual (child->name, (const xmlChar *) sections[i].element))
            {
              section = &sections[i];
              bit <<= i + 1;
            }
        }

      if (section == NULL && !xmlStrEqual (child->name, (const xmlChar *) "meta"))
        {
          keep_foreign_element (reader, document, root, child);
          continue;
        }

      if ((seen & bit) != 0)
        return element_appears_twice (reader, child, error);
      seen |= bit;

      if (section != NULL ? !read_section (reader, child, section, error)
                          : !read_meta (reader, child, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
future_version (Reader   *reader,
                xmlNode  *root,
                gint64    version,
                GError  **error)
{
  g_propagate_error (error,
                     new_error (reader->display_name, SSR_ERROR_FUTURE_VERSION, line_of (root), 0,
                                _("this file was written by a newer version of SSR Workbench "
                                  "(format %" G_GINT64_FORMAT "); this version reads format %d — "
                                  "please update SSR Workbench"),
                                version, SSR_FORMAT_VERSION));
  return FALSE;
}

/* The root, its namespace and its version, before anything else is read. */
static gboolean
check_root (Reader   *reader,
            xmlNode  *root,
            GError  **error)
{
  const char *ns_uri = root->ns != NULL ? (const char *) root->ns->href : NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *quoted = NULL;
  gint64 version;

  if (!xmlStrEqual (root->name, (const xmlChar *) "assessment"))
    {
      quoted = excerpt ((const char *) root->name);
      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_NOT_ASSESSMENT, line_of (root), 0,
                                    _("this is not an SSR Workbench assessment: "
                                      "its document element is <%s>, not <assessment>"),
                                    quoted));
      return FALSE;
    }

  /* A later format may move to a namespace of its own. */
  if (ns_uri != NULL && g_str_has_prefix (ns_uri, NAMESPACE_STEM) &&
      g_ascii_string_to_signed (ns_uri + strlen (NAMESPACE_STEM), 10,
                                SSR_FORMAT_VERSION + 1, G_MAXINT64, &version, NULL))
    return future_version (reader, root, version, error);

  if (g_strcmp0 (ns_uri, SSR_NAMESPACE) != 0)
    {
      quoted = excerpt (ns_uri != NULL ? ns_uri : "");
      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_NOT_ASSESSMENT, line_of (root), 0,
                                    _("this is not an SSR Workbench assessment: its namespace is "
                                      "“%s”, not “%s”"),
                                    quoted, SSR_NAMESPACE));
      return FALSE;
    }

  version_text = get_attribute (root, "format-version");
  if (version_text == NULL)
    {
      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_INVALID, line_of (root), 0,
                                    _("the attribute “%s” of <%s> is missing"),
                                    "format-version", "assessment"));
      return FALSE;
    }

  g_strstrip (version_text);
  if (!g_ascii_string_to_signed (version_text, 10, 1, G_MAXINT64, &version, NULL))
    {
      quoted = excerpt (version_text);
      g_propagate_error (error,
                         new_error (reader->display_name, SSR_ERROR_INVALID, line_of (root), 0,
                                    _("the attribute “%s” of <%s> is “%s”; expected %s"),
                                    "format-version", "assessment", quoted,
                                    _("a whole number such as 1")));
      return FALSE;
    }

  if (version > SSR_FORMAT_VERSION)
    return future_version (reader, root, version, error);

  return TRUE;
}

static gboolean
target_accepts (Target target,
                GType  type)
{
  switch (target)
    {
    case TARGET_ACTOR:
      return type == SSR_TYPE_ACTOR;
    case TARGET_ACTOR_OR_ORGANISATION:
      return type == SSR_TYPE_ACTOR || type == SSR_TYPE_ORGANISATION;
    case TARGET_FINDING:
      return type == SSR_TYPE_FINDING;
    case TARGET_PRIORITY:
      return type == SSR_TYPE_PRIORITY;
    case TARGET_NONE:
    default:
      return TRUE;
    }
}

static const char *
target_describe (Target target)
{
  switch (target)
    {
    case TARGET_ACTOR:
      return _("an actor");
    case TARGET_ACTOR_OR_ORGANISATION:
      return _("an actor or an organisation");
    case TARGET_FINDING:
      return _("a finding");
    case TARGET_PRIORITY:
      return _("a priority");
    case TARGET_NONE:
    default:
      return _("an item");
    }
}

/* Each reference names an item of the right type; the line says where it is. */
static gboolean
check_references (Reader   *reader,
                  GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  guint i;

  for (i = 0; i < reader->references->len; i++)
    {
      const Reference *reference = &g_array_index (reader->references, Reference, i);
      const ItemEntry *entry = g_hash_table_lookup (reader->items, reference->id);
      g_autofree char *quoted = NULL;

      if (entry != NULL && target_accepts (reference->target, entry->type))
        continue;

      quoted = excerpt (reference->id);
      if (entry == NULL)
        g_propagate_error (error,
                           new_error (reader->display_name, SSR_ERROR_DANGLING_REFERENCE,
                                      reference->line, 0,
                                      _("the attribute “%s” of <%s> refers to “%s”, "
                                        "which is not in the file"),
                                      reference->attribute, reference->element, quoted));
      else
        g_propagate_error (error,
                           new_error (reader->display_name, SSR_ERROR_DANGLING_REFERENCE,
                                      reference->line, 0,
                                      _("the attribute “%s” of <%s> refers to “%s”, "
                                        "which is not %s"),
                                      reference->attribute, reference->element, quoted,
                                      target_describe (reference->target)));
      return FALSE;
    }

  /* The model's own check, which knows every kind of reference. */
  if (!ssr_assessment_check_references (reader->assessment, &local_error))
    {
      g_propagate_error (error,
                         new_error (reader->display_name, model_error_code (local_error),
                                    0, 0, "%s", local_error->message));
      return FALSE;
    }

  return TRUE;
}

static void
reference_clear (Reference *reference)
{
  g_free (reference->id);
}

SsrAssessment *
ssr_xml_read (GBytes      *bytes,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GArray) references = NULL;
  Reader reader;
  const char *data;
  xmlDoc *doc;
  gboolean ok;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > SSR_XML_MAX_SIZE)
    {
      g_propagate_error (error,
                         new_error (display_name, SSR_ERROR_TOO_LARGE, 0, 0,
                                    _("the file is larger than %d MiB; it is not read"),
                                    SSR_XML_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  ensure_libxml_initialized ();

  doc = parse_document (data, size, display_name, error);
  if (doc == NULL)
    return NULL;

  assessment = ssr_assessment_new ();
  items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  references = g_array_new (FALSE, FALSE, sizeof (Reference));
  g_array_set_clear_func (references, (GDestroyNotify) reference_clear);

  reader.display_name = display_name;
  reader.assessment = assessment;
  reader.items = items;
  reader.references = references;

  ok = check_root (&reader, xmlDocGetRootElement (doc), error) &&
       read_attributes (&reader, xmlDocGetRootElement (doc), G_OBJECT (assessment),
                        root_attributes, error) &&
       read_sections (&reader, xmlDocGetRootElement (doc), error) &&
       check_references (&reader, error);

  xmlFreeDoc (doc);

  if (!ok)
    return NULL;

  return g_steal_pointer (&assessment);
}
