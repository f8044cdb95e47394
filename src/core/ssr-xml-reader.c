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
#include "ssr-xml-private.h"

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

/*
 * The file is read as libxml2 parses it (SAX), without a document tree:
 * each item is built when its element closes. Only foreign content is
 * built into a small tree, one element at a time, to be kept verbatim.
 */

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

/* The most fields an element has; see read_attributes(). */
#define MAX_FIELDS 16

typedef struct _Reader Reader;

/* An attribute as the parser reports it, its value decoded. */
typedef struct
{
  const xmlChar *localname;
  const xmlChar *prefix;
  const xmlChar *uri;
  const char    *value;   /* NUL-terminated, in Reader.values */
  gsize          offset;  /* of the value in Reader.values */
} Attribute;

/* An element as its start tag reads. */
typedef struct
{
  const char      *name;        /* the local name */
  const char      *parent;      /* the local name of its parent, or NULL */
  int              line;
  const Attribute *attributes;
  guint            n_attributes;
} Element;

/* The record of @key, @value and @note (its text), floating; or NULL
 * when it is refused. */
typedef GVariant *(RecordMaker) (Reader         *reader,
                                 const Element  *element,
                                 const GValue   *key,
                                 const GValue   *value,
                                 const char     *note,
                                 GError        **error);

/* Child elements gathered into one GVariant property (ratings, measurements). */
typedef struct
{
  const char  *element;
  const char  *property;
  const char  *variant_type;
  /* The two attributes of a record, both required */
  Field        key;
  Field        value;
  RecordMaker *make;
} RecordSpec;

typedef struct
{
  const char       *element;
  GType           (*get_type) (void);
  const Field      *attributes;
  const Field      *texts;     /* child elements holding text */
  const Field      *list;      /* child elements <x ref="…"/>, gathered into a GStrv */
  const RecordSpec *records;
  gboolean        (*check) (Reader         *reader,
                            const Element  *element,
                            SsrItem        *item,
                            GError        **error);
} ItemSpec;

typedef struct
{
  const char     *element;
  const ItemSpec *item;
} SectionSpec;

/* A reference that did not name a known item of the right type when read. */
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

typedef enum
{
  FRAME_ROOT,        /* <assessment> */
  FRAME_META,
  FRAME_SECTION,     /* <actors>, <relations>, … */
  FRAME_ITEM,
  FRAME_TEXT,        /* a child holding the text of a field */
  FRAME_LIST_ENTRY,  /* <task ref="…"/> and the like */
  FRAME_RECORD,      /* <rating>, <measurement> */
  FRAME_IGNORED,     /* inside a value, or after a problem: neither read nor kept */
  FRAME_FOREIGN,     /* kept verbatim */
} FrameKind;

/* An open element. */
typedef struct
{
  FrameKind    kind;
  const char  *name;          /* the local name, in the parser's dictionary */
  int          line;
  guint        n_namespaces;  /* the declarations it added to Reader.namespaces */
  const Field *field;         /* FRAME_TEXT: the field its text is */
} Frame;

struct _Reader
{
  xmlParserCtxt     *ctxt;
  const char        *display_name;
  SsrAssessment     *assessment;

  /*
   * What stops the parser (a libxml2 error, a safety limit) wins over a
   * problem with the content, which stops only the reading: a file is
   * refused for what is wrong first as XML, then as an assessment.
   */
  GError            *parse_error;
  GError            *error;
  gsize              text_length;    /* of the text run being parsed */

  Frame              frames[SSR_XML_MAX_DEPTH];
  guint              depth;
  guint64            sections_seen;
  const ItemSpec    *item_spec;      /* of the open section */
  GPtrArray         *section_items;  /* SsrItem, appended when the section closes */

  /* The open item (none in <meta>) and what its children gather */
  SsrItem           *item;
  guint64            texts_seen;
  GPtrArray         *list;           /* char *, NULL-terminated when set */
  GPtrArray         *records;        /* GVariant */
  GHashTable        *record_keys;    /* rating scales met in the item */
  Element            record;         /* the open FRAME_RECORD */
  GString           *text;           /* of the open FRAME_TEXT or FRAME_RECORD */

  /*
   * The attributes of the last element read; a value element (text,
   * list entry, record) reads none inside it, so they stay valid until
   * it closes.
   */
  GString           *values;
  GArray            *attributes;     /* Attribute */
  /* prefix, URI, prefix, URI, … declared by the open elements */
  GPtrArray         *namespaces;

  GHashTable        *ids;            /* id (owned by its item) → index + 1 in @entries */
  GArray            *entries;        /* ItemEntry */
  GArray            *references;     /* Reference */
  GHashTable        *pspecs;         /* Field or RecordSpec → GParamSpec of its property */

  /* The foreign element being kept, in a tree of its own */
  xmlDoc            *foreign_doc;
  xmlNode           *foreign_node;   /* its open element */
  SsrForeign        *foreign;        /* where it goes */
};

static RecordMaker make_rating;
static RecordMaker make_measurement;
static gboolean check_position (Reader         *reader,
                                const Element  *element,
                                SsrItem        *item,
                                GError        **error);

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
static const RecordSpec actor_records = {
  "rating", "ratings", "a{si}",
  { "scale", NULL, VALUE_TEXT, TRUE, 0, 0, NULL, TARGET_NONE },
  { "value", NULL, VALUE_INTEGER, TRUE, 1, 5, NULL, TARGET_NONE },
  make_rating
};

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
static const RecordSpec indicator_records = {
  "measurement", "measurements", "a(sds)",
  { "date", NULL, VALUE_DATE, TRUE, 0, 0, NULL, TARGET_NONE },
  { "value", NULL, VALUE_NUMBER, TRUE, 0, 0, NULL, TARGET_NONE },
  make_measurement
};

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
  Reader *reader = ctxt->_private;
  va_list args;

  va_start (args, format);
  _ssr_xml_stop_parser_valist (ctxt, &reader->parse_error, reader->display_name, code, format, args);
  va_end (args);
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

static void read_start_element (Reader         *reader,
                                const xmlChar  *localname,
                                const xmlChar  *prefix,
                                const xmlChar  *uri,
                                int             n_namespaces,
                                const xmlChar **namespaces,
                                int             n_attributes,
                                const xmlChar **attributes);
static void read_end_element   (Reader         *reader);
static void read_characters    (Reader         *reader,
                                const xmlChar  *text,
                                int             length);
static void read_comment       (Reader         *reader,
                                const xmlChar  *value);
static void read_processing_instruction (Reader        *reader,
                                         const xmlChar *target,
                                         const xmlChar *data);

/*
 * After a parse error nothing more is read: the file is refused for it,
 * and the open elements no longer matter.
 */
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
  Reader *reader = ctxt->_private;
  int i;

  if (reader->parse_error != NULL)
    return;

  reader->text_length = 0;
  if (reader->depth >= SSR_XML_MAX_DEPTH)
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

  read_start_element (reader, localname, prefix, uri, n_namespaces, namespaces,
                      n_attributes, attributes);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxt *ctxt = user_data;
  Reader *reader = ctxt->_private;

  if (reader->parse_error != NULL)
    return;

  reader->text_length = 0;
  read_end_element (reader);
}

static void
characters_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  xmlParserCtxt *ctxt = user_data;
  Reader *reader = ctxt->_private;

  if (reader->parse_error != NULL)
    return;

  reader->text_length += length;
  if (reader->text_length > MAX_VALUE_LENGTH)
    {
      stop_parsing (ctxt, SSR_ERROR_TOO_LARGE,
                    _("a text is longer than %d MiB"),
                    MAX_VALUE_LENGTH / (1024 * 1024));
      return;
    }

  read_characters (reader, text, length);
}

static void
comment_cb (void          *user_data,
            const xmlChar *value)
{
  xmlParserCtxt *ctxt = user_data;
  Reader *reader = ctxt->_private;

  if (reader->parse_error == NULL)
    read_comment (reader, value);
}

static void
processing_instruction_cb (void          *user_data,
                           const xmlChar *target,
                           const xmlChar *data)
{
  xmlParserCtxt *ctxt = user_data;
  Reader *reader = ctxt->_private;

  if (reader->parse_error == NULL)
    read_processing_instruction (reader, target, data);
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
      g_autofree char *stripped = g_strstrip (g_strdup (message));
      g_autofree char *detail = excerpt (stripped);

      if (xml_error->domain == XML_FROM_NAMESPACE)
        sentence = g_strdup_printf (_("the file does not use XML namespaces correctly (%s)"), detail);
      else
        sentence = g_strdup_printf (_("the file is not well-formed XML (%s)"), detail);
    }

  return _ssr_xml_new_error (display_name, code, xml_error->line, xml_error->int2, "%s", sentence);
}

static void
structured_error_cb (void     *user_data,
                     xmlError *xml_error)
{
  xmlParserCtxt *ctxt = user_data;
  Reader *reader = ctxt->_private;

  if (xml_error->level < XML_ERR_ERROR || reader->parse_error != NULL)
    return;

  reader->parse_error = error_from_libxml (reader->display_name, xml_error);
}

static void
parse (Reader     *reader,
       const char *data,
       gsize       size)
{
  xmlParserCtxt *ctxt;
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (&reader->parse_error, SSR_ERROR, SSR_ERROR_TOO_LARGE,
                   "%s:0:0: %s", reader->display_name,
                   _("there is not enough memory to read the file"));
      return;
    }

  /*
   * Errors go to this context only: libxml2 prints nothing. No handler
   * builds a tree; the reader's do.
   */
  reader->ctxt = ctxt;
  ctxt->_private = reader;
  ctxt->sax->serror = structured_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->startDocument = NULL;
  ctxt->sax->endDocument = NULL;
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;
  ctxt->sax->characters = characters_cb;
  ctxt->sax->ignorableWhitespace = characters_cb;
  ctxt->sax->comment = comment_cb;
  ctxt->sax->processingInstruction = processing_instruction_cb;
  ctxt->sax->reference = NULL;

  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL,
                           _SSR_XML_SAFE_OPTIONS | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  g_clear_pointer (&doc, xmlFreeDoc);

  if (reader->parse_error == NULL && (!ctxt->wellFormed || !ctxt->nsWellFormed))
    reader->parse_error = _ssr_xml_new_error (reader->display_name, SSR_ERROR_MALFORMED, 0, 0,
                                              "%s", _("the file is not well-formed XML"));

  reader->ctxt = NULL;
  xmlFreeParserCtxt (ctxt);
}

/* Reading */

static gboolean
is_ours (const xmlChar *uri)
{
  return uri != NULL && strcmp ((const char *) uri, SSR_NAMESPACE) == 0;
}

/* The value of the attribute @name, in no namespace, or NULL. */
static const char *
get_attribute (const Element *element,
               const char    *name)
{
  guint i;

  for (i = 0; i < element->n_attributes; i++)
    {
      const Attribute *attribute = &element->attributes[i];

      if (attribute->prefix == NULL && attribute->uri == NULL &&
          strcmp ((const char *) attribute->localname, name) == 0)
        return attribute->value;
    }

  return NULL;
}

/*
 * Without entity substitution, libxml2 hands an attribute value over
 * decoded but for one thing: "&amp;" and "&#38;" come as "&#38;", for its
 * tree builder to decode. A literal "&" can come no other way.
 */
static void
append_attribute_value (GString       *values,
                        const xmlChar *value,
                        const xmlChar *end)
{
  const char *p = (const char *) value;
  const char *stop = (const char *) end;

  while (p < stop)
    {
      const char *ampersand = memchr (p, '&', stop - p);

      if (ampersand == NULL)
        {
          g_string_append_len (values, p, stop - p);
          break;
        }

      g_string_append_len (values, p, ampersand - p);
      g_string_append_c (values, '&');
      p = ampersand + 1;
      if (stop - p >= 4 && memcmp (p, "#38;", 4) == 0)
        p += 4;
    }

  g_string_append_c (values, '\0');
}

/* Fills Reader.attributes and Reader.values from the parser's attributes. */
static void
decode_attributes (Reader         *reader,
                   int             n_attributes,
                   const xmlChar **attributes)
{
  Attribute *decoded;
  int i;

  g_string_truncate (reader->values, 0);
  g_array_set_size (reader->attributes, n_attributes);
  decoded = (Attribute *) (gpointer) reader->attributes->data;

  for (i = 0; i < n_attributes; i++)
    {
      decoded[i].localname = attributes[i * 5];
      decoded[i].prefix = attributes[i * 5 + 1];
      decoded[i].uri = attributes[i * 5 + 2];
      decoded[i].offset = reader->values->len;
      append_attribute_value (reader->values, attributes[i * 5 + 3], attributes[i * 5 + 4]);
    }

  /* Only now: appending may move the buffer. */
  for (i = 0; i < n_attributes; i++)
    decoded[i].value = reader->values->str + decoded[i].offset;
}

static const Field *
find_field (const Field *fields,
            const char  *name)
{
  const Field *field;

  for (field = fields; field != NULL && field->name != NULL; field++)
    {
      if (strcmp (field->name, name) == 0)
        return field;
    }

  return NULL;
}

/* Foreign content of an item, or of the section of the document named @section. */
static SsrForeign *
get_foreign (Reader     *reader,
             GObject    *owner,
             const char *section)
{
  if (SSR_IS_ITEM (owner))
    return _ssr_item_get_foreign (SSR_ITEM (owner));

  return _ssr_assessment_get_foreign (reader->assessment, section);
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

/*
 * Starts keeping a foreign element: it is built, with all it holds, into
 * a tree of its own, under a scope element that declares the namespaces
 * in scope where it is, so that its copy declares those it uses.
 */
static void
begin_foreign (Reader     *reader,
               GObject    *owner,
               const char *section)
{
  xmlNode *scope;
  guint i;

  reader->foreign = get_foreign (reader, owner, section);
  reader->foreign_doc = xmlNewDoc ((const xmlChar *) "1.0");
  scope = xmlNewDocNode (reader->foreign_doc, NULL, (const xmlChar *) "scope", NULL);
  xmlDocSetRootElement (reader->foreign_doc, scope);

  /* Innermost first: xmlNewNs() declares a prefix once on an element. */
  for (i = reader->namespaces->len; i >= 2; i -= 2)
    xmlNewNs (scope, g_ptr_array_index (reader->namespaces, i - 1),
              g_ptr_array_index (reader->namespaces, i - 2));

  reader->foreign_node = scope;
}

/* As libxml2's tree builder makes an element; see xmlSAX2StartElementNs(). */
static void
add_foreign_element (Reader         *reader,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     const xmlChar  *uri,
                     int             n_namespaces,
                     const xmlChar **namespaces,
                     const Element  *element)
{
  xmlDoc *doc = reader->foreign_doc;
  xmlNode *node = xmlNewDocNode (doc, NULL, localname, NULL);
  guint i;
  int j;

  xmlAddChild (reader->foreign_node, node);

  for (j = 0; j < n_namespaces; j++)
    xmlNewNs (node, namespaces[j * 2 + 1], namespaces[j * 2]);

  if (uri != NULL)
    {
      xmlNs *ns = xmlSearchNs (doc, node, prefix);

      xmlSetNs (node, ns != NULL ? ns : xmlNewNs (node, uri, prefix));
    }

  for (i = 0; i < element->n_attributes; i++)
    {
      const Attribute *attribute = &element->attributes[i];
      xmlNs *ns = NULL;

      if (attribute->prefix != NULL)
        ns = xmlSearchNs (doc, node, attribute->prefix);
      xmlNewNsProp (node, ns, attribute->localname, (const xmlChar *) attribute->value);
    }

  reader->foreign_node = node;
}

static void
end_foreign_element (Reader *reader)
{
  xmlNode *node = reader->foreign_node;

  reader->foreign_node = node->parent;
  if (node->parent == xmlDocGetRootElement (reader->foreign_doc))
    {
      g_autofree char *fragment = serialize_fragment (node);

      _ssr_foreign_add_element (reader->foreign, fragment);
      g_clear_pointer (&reader->foreign_doc, xmlFreeDoc);
      reader->foreign_node = NULL;
      reader->foreign = NULL;
    }
}

static void
keep_foreign_attribute (Reader          *reader,
                        GObject         *owner,
                        const char      *section,
                        const Attribute *attribute)
{
  g_autofree char *qualified_name = NULL;
  const char *ns_uri = NULL;

  if (attribute->prefix != NULL)
    {
      ns_uri = (const char *) attribute->uri;
      qualified_name = g_strdup_printf ("%s:%s", attribute->prefix, attribute->localname);
    }
  else
    {
      qualified_name = g_strdup ((const char *) attribute->localname);
    }

  _ssr_foreign_add_attribute (get_foreign (reader, owner, section), ns_uri, qualified_name,
                              attribute->value);
}

/* "the attribute “x” of <actor>" or "the element <start-date>" */
static char *
describe (const char *element,
          const char *attribute)
{
  if (attribute != NULL)
    return g_strdup_printf (_("the attribute “%s” of <%s>"), attribute, element);

  return g_strdup_printf (_("the element <%s>"), element);
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
  guint year = 0;
  guint month = 0;
  guint day = 0;
  guint i;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      if (i < 4)
        year = year * 10 + g_ascii_digit_value (text[i]);
      else if (i < 7)
        month = month * 10 + g_ascii_digit_value (text[i]);
      else
        day = day * 10 + g_ascii_digit_value (text[i]);
    }

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
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

static gboolean invalid_value (Reader      *reader,
                               const char  *element,
                               int          line,
                               const char  *attribute,
                               const char  *raw,
                               GError     **error,
                               const char  *format,
                               ...) G_GNUC_PRINTF (7, 8);

/* Sets "NAME:LINE:0: the attribute “a” of <e> is “raw”; expected …". */
static gboolean
invalid_value (Reader      *reader,
               const char  *element,
               int          line,
               const char  *attribute,
               const char  *raw,
               GError     **error,
               const char  *format,
               ...)
{
  g_autofree char *what = describe (element, attribute);
  g_autofree char *quoted = excerpt (raw);
  g_autofree char *expected = NULL;
  va_list args;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);

  g_propagate_error (error,
                     _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID, line, 0,
                                         _("%s is “%s”; expected %s"), what, quoted, expected));
  return FALSE;
}

static const ItemEntry *
lookup_item (Reader     *reader,
             const char *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (reader->ids, id));

  if (index == 0)
    return NULL;

  return &g_array_index (reader->entries, ItemEntry, index - 1);
}

/*
 * A reference to an item read already is settled at once; any other is
 * checked when the whole file is read, in the order of the file.
 */
static void
add_reference (Reader     *reader,
               const char *element,
               int         line,
               const char *attribute,
               const char *id,
               Target      target)
{
  const ItemEntry *entry = lookup_item (reader, id);
  Reference reference;

  if (entry != NULL && target_accepts (target, entry->type))
    return;

  reference.id = g_strdup (id);
  reference.element = g_intern_string (element);
  reference.attribute = attribute;
  reference.target = target;
  reference.line = line;
  g_array_append_val (reader->references, reference);
}

/*
 * Converts @raw, the value of @attribute of @element (or, when @attribute
 * is NULL, the text of @element), into @value, of the type its property
 * has. @value may point into @raw: it is used before @raw changes.
 */
static gboolean
parse_value (Reader       *reader,
             const char   *element,
             int           line,
             const char   *attribute,
             const Field  *field,
             const char   *raw,
             GValue       *value,
             GError      **error)
{
  g_autofree char *stripped = NULL;
  const char *token = raw;
  gsize length = strlen (raw);
  gint64 integer;

  if (field->type != VALUE_TEXT && length > 0 &&
      (g_ascii_isspace (raw[0]) || g_ascii_isspace (raw[length - 1])))
    token = stripped = g_strstrip (g_strdup (raw));

  switch (field->type)
    {
    case VALUE_TEXT:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_static_string (value, raw);
      return TRUE;

    case VALUE_DATE:
      if (!is_date (token))
        return invalid_value (reader, element, line, attribute, raw, error,
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

            return invalid_value (reader, element, line, attribute, raw, error,
                                  _("one of: %s"), nicks);
          }
        g_value_init (value, field->enum_type ());
        g_value_set_enum (value, enum_value->value);
        return TRUE;
      }

    case VALUE_INTEGER:
      if (!g_ascii_string_to_signed (token, 10, field->min, field->max, &integer, NULL))
        return invalid_value (reader, element, line, attribute, raw, error,
                              _("a whole number from %d to %d"), field->min, field->max);
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int) integer);
      return TRUE;

    case VALUE_NUMBER:
      {
        double number = is_decimal_number (token) ? g_ascii_strtod (token, NULL) : NAN;

        if (!isfinite (number))
          return invalid_value (reader, element, line, attribute, raw, error,
                                "%s", _("a number such as 12 or -3.5"));
        g_value_init (value, G_TYPE_DOUBLE);
        g_value_set_double (value, number);
        return TRUE;
      }

    case VALUE_BOOLEAN:
      if (g_strcmp0 (token, "true") != 0 && g_strcmp0 (token, "false") != 0 &&
          g_strcmp0 (token, "1") != 0 && g_strcmp0 (token, "0") != 0)
        return invalid_value (reader, element, line, attribute, raw, error,
                              "%s", _("true or false"));
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, token[0] == 't' || token[0] == '1');
      return TRUE;

    case VALUE_REFERENCE:
      if (xmlValidateNCName ((const xmlChar *) token, 0) != 0)
        return invalid_value (reader, element, line, attribute, raw, error,
                              "%s", _("the id of an item"));
      add_reference (reader, element, line, attribute, token, field->target);
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, token);
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

/*
 * Sets the property @property of @object, the document or an item being
 * read. An item's are set without notification (nothing watches it yet),
 * through the GParamSpec that @field (a Field or a RecordSpec) names.
 */
static void
set_field (Reader        *reader,
           GObject       *object,
           gconstpointer  field,
           const char    *property,
           GValue        *value)
{
  GParamSpec *pspec;

  if (object == G_OBJECT (reader->assessment))
    {
      g_object_set_property (object, property, value);
      return;
    }

  pspec = g_hash_table_lookup (reader->pspecs, field);
  if (pspec == NULL)
    {
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
      g_assert (pspec != NULL);
      g_hash_table_insert (reader->pspecs, (gpointer) field, pspec);
    }

  _ssr_item_init_property (SSR_ITEM (object), pspec, value);
}

/* Leaves @value unset when the attribute is optional and absent. */
static gboolean
read_attribute (Reader         *reader,
                const Element  *element,
                const Field    *field,
                GValue         *value,
                GError        **error)
{
  const char *raw = get_attribute (element, field->name);

  if (raw == NULL)
    {
      if (field->required)
        g_propagate_error (error,
                           _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID,
                                               element->line, 0,
                                               _("the attribute “%s” of <%s> is missing"),
                                               field->name, element->name));
      return !field->required;
    }

  return parse_value (reader, element->name, element->line, field->name, field, raw,
                      value, error);
}

/* Known attributes set @object's properties; the others are kept as they are. */
static gboolean
read_attributes (Reader         *reader,
                 const Element  *element,
                 GObject        *object,
                 const Field    *fields,
                 GError        **error)
{
  const char *values[MAX_FIELDS] = { NULL, };
  const Field *field;
  guint i;

  for (i = 0; i < element->n_attributes; i++)
    {
      const Attribute *attribute = &element->attributes[i];
      const Field *known = NULL;

      if (attribute->prefix == NULL && attribute->uri == NULL)
        known = find_field (fields, (const char *) attribute->localname);

      if (known == NULL)
        keep_foreign_attribute (reader, object, element->name, attribute);
      else
        values[known - fields] = attribute->value;
    }

  /* In the order of @fields, so that the first problem is always the same. */
  for (field = fields; field->name != NULL; field++)
    {
      const char *raw = values[field - fields];
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert (field - fields < MAX_FIELDS);

      if (field->property == NULL)
        continue;

      if (raw == NULL)
        {
          if (!field->required)
            continue;

          g_propagate_error (error,
                             _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID,
                                                 element->line, 0,
                                                 _("the attribute “%s” of <%s> is missing"),
                                                 field->name, element->name));
          return FALSE;
        }

      if (!parse_value (reader, element->name, element->line, field->name, field, raw,
                        &value, error))
        return FALSE;
      set_field (reader, object, field, field->property, &value);
    }

  return TRUE;
}

static gboolean
read_list_entry (Reader         *reader,
                 const Element  *element,
                 const Field    *list,
                 GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  Field ref = *list;

  ref.name = "ref";
  ref.required = TRUE;
  if (!read_attribute (reader, element, &ref, &value, error))
    return FALSE;

  g_ptr_array_add (reader->list, g_value_dup_string (&value));
  return TRUE;
}

/* A rating: its scale, once per item, and its value. */
static GVariant *
make_rating (Reader         *reader,
             const Element  *element,
             const GValue   *scale,
             const GValue   *value,
             const char     *note,
             GError        **error)
{
  if (!g_hash_table_add (reader->record_keys, g_value_dup_string (scale)))
    {
      g_autofree char *quoted = excerpt (g_value_get_string (scale));

      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID,
                                             element->line, 0,
                                             _("the rating scale “%s” appears twice in <%s>"),
                                             quoted, element->parent));
      return NULL;
    }

  return g_variant_new_dict_entry (g_variant_new_string (g_value_get_string (scale)),
                                   g_variant_new_int32 (g_value_get_int (value)));
}

/* A measurement: its date, its value and its note. */
static GVariant *
make_measurement (Reader         *reader,
                  const Element  *element,
                  const GValue   *date,
                  const GValue   *value,
                  const char     *note,
                  GError        **error)
{
  return g_variant_new ("(sds)", g_value_get_string (date), g_value_get_double (value), note);
}

/* Adds the record that closes to Reader.records. */
static void
read_record (Reader            *reader,
             const RecordSpec  *spec,
             GError           **error)
{
  g_auto(GValue) key = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  GVariant *record;

  if (!read_attribute (reader, &reader->record, &spec->key, &key, error) ||
      !read_attribute (reader, &reader->record, &spec->value, &value, error))
    return;

  record = spec->make (reader, &reader->record, &key, &value, reader->text->str, error);
  if (record != NULL)
    g_ptr_array_add (reader->records, g_variant_ref_sink (record));
}

/* x and y come together, or the actor is not placed on the map yet. */
static gboolean
check_position (Reader         *reader,
                const Element  *element,
                SsrItem        *item,
                GError        **error)
{
  static const Field positioned_field = BOOLEAN ("positioned", "positioned");
  gboolean has_x = get_attribute (element, "x") != NULL;
  gboolean has_y = get_attribute (element, "y") != NULL;

  if (has_x != has_y)
    {
      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID,
                                             element->line, 0,
                                             _("<%s> has “%s” without “%s”; the two come together"),
                                             element->name, has_x ? "x" : "y", has_x ? "y" : "x"));
      return FALSE;
    }

  if (has_x)
    {
      g_auto(GValue) positioned = G_VALUE_INIT;

      g_value_init (&positioned, G_TYPE_BOOLEAN);
      g_value_set_boolean (&positioned, TRUE);
      set_field (reader, G_OBJECT (item), &positioned_field, positioned_field.property,
                 &positioned);
    }

  return TRUE;
}

static gboolean
element_appears_twice (Reader         *reader,
                       const Element  *element,
                       GError        **error)
{
  g_propagate_error (error,
                     _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID, element->line, 0,
                                         _("<%s> appears twice in <%s>"),
                                         element->name, element->parent));
  return FALSE;
}

static SsrError
model_error_code (const GError *model_error)
{
  if (model_error->domain == SSR_ERROR)
    return model_error->code;

  return SSR_ERROR_INVALID;
}

/* Elements, as they open and close */

/* The id of a new item: valid, and the first of its kind in the file. */
static gboolean
read_id (Reader         *reader,
         const Element  *element,
         const char    **id,
         GError        **error)
{
  const char *value = get_attribute (element, "id");
  const ItemEntry *entry;

  if (value == NULL)
    {
      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID,
                                             element->line, 0,
                                             _("<%s> has no id"), element->name));
      return FALSE;
    }

  if (xmlValidateNCName ((const xmlChar *) value, 0) != 0)
    {
      g_autofree char *quoted = excerpt (value);

      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID,
                                             element->line, 0,
                                             _("the id “%s” of <%s> is not valid: an id starts with a "
                                               "letter and holds only letters, digits, “-”, “_” and “.”"),
                                             quoted, element->name));
      return FALSE;
    }

  entry = lookup_item (reader, value);
  if (entry != NULL)
    {
      g_autofree char *quoted = excerpt (value);

      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_DUPLICATE_ID,
                                             element->line, 0,
                                             _("the id “%s” is used twice, on line %d and on line %d"),
                                             quoted, entry->line, element->line));
      return FALSE;
    }

  *id = value;
  return TRUE;
}

static gboolean
start_item (Reader          *reader,
            const Element   *element,
            const ItemSpec  *spec,
            GError         **error)
{
  GType type = spec->get_type ();
  ItemEntry entry = { element->line, type };
  const char *id;

  if (!read_id (reader, element, &id, error))
    return FALSE;

  /* The reader owns the item from now on: the id table's key is its id. */
  reader->item = g_object_new (type, "id", id, NULL);
  reader->texts_seen = 0;
  g_array_append_val (reader->entries, entry);
  g_hash_table_insert (reader->ids, (gpointer) ssr_item_get_id (reader->item),
                       GUINT_TO_POINTER (reader->entries->len));

  return read_attributes (reader, element, G_OBJECT (reader->item), spec->attributes, error) &&
         (spec->check == NULL || spec->check (reader, element, reader->item, error));
}

static void
end_item (Reader *reader)
{
  const ItemSpec *spec = reader->item_spec;
  GObject *item = G_OBJECT (reader->item);

  if (reader->list->len > 0)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_ptr_array_add (reader->list, NULL);
      g_value_init (&value, G_TYPE_STRV);
      g_value_set_static_boxed (&value, reader->list->pdata);
      set_field (reader, item, spec->list, spec->list->property, &value);
      g_ptr_array_set_size (reader->list, 0);
    }

  if (reader->records->len > 0)
    {
      const GVariantType *type = G_VARIANT_TYPE (spec->records->variant_type);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_VARIANT);
      g_value_set_variant (&value,
                           g_variant_new_array (g_variant_type_element (type),
                                                (GVariant **) reader->records->pdata,
                                                reader->records->len));
      set_field (reader, item, spec->records, spec->records->property, &value);
      g_ptr_array_set_size (reader->records, 0);
      g_hash_table_remove_all (reader->record_keys);
    }

  g_ptr_array_add (reader->section_items, g_steal_pointer (&reader->item));
}

/* Appends the items of a section at once: one items-changed for them all. */
static gboolean
end_section (Reader       *reader,
             const Frame  *frame,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *items = reader->section_items;

  if (!_ssr_assessment_append_all (reader->assessment, reader->item_spec->get_type (),
                                   (SsrItem **) items->pdata, items->len, &local_error))
    {
      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, model_error_code (local_error),
                                             frame->line, 0, "%s", local_error->message));
      return FALSE;
    }

  g_ptr_array_set_size (items, 0);
  return TRUE;
}

static gboolean
future_version (Reader   *reader,
                int       line,
                gint64    version,
                GError  **error)
{
  /* Formatted apart: xgettext cannot see through G_GINT64_FORMAT. */
  g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, version);

  g_propagate_error (error,
                     _ssr_xml_new_error (reader->display_name, SSR_ERROR_FUTURE_VERSION, line, 0,
                                         _("this file was written by a newer version of SSR Workbench "
                                           "(format %s); this version reads format %d — "
                                           "please update SSR Workbench"),
                                         found, SSR_FORMAT_VERSION));
  return FALSE;
}

/* The root, its namespace and its version, before anything else is read. */
static gboolean
check_root (Reader         *reader,
            const Element  *root,
            const xmlChar  *uri,
            GError        **error)
{
  const char *ns_uri = (const char *) uri;
  const char *version_attribute;
  g_autofree char *version_text = NULL;
  g_autofree char *quoted = NULL;
  gint64 version;

  if (strcmp (root->name, "assessment") != 0)
    {
      quoted = excerpt (root->name);
      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_NOT_ASSESSMENT,
                                             root->line, 0,
                                             _("this is not an SSR Workbench assessment: "
                                               "its document element is <%s>, not <assessment>"),
                                             quoted));
      return FALSE;
    }

  /* A later format may move to a namespace of its own. */
  if (ns_uri != NULL && g_str_has_prefix (ns_uri, NAMESPACE_STEM) &&
      g_ascii_string_to_signed (ns_uri + strlen (NAMESPACE_STEM), 10,
                                SSR_FORMAT_VERSION + 1, G_MAXINT64, &version, NULL))
    return future_version (reader, root->line, version, error);

  if (g_strcmp0 (ns_uri, SSR_NAMESPACE) != 0)
    {
      quoted = excerpt (ns_uri != NULL ? ns_uri : "");
      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_NOT_ASSESSMENT,
                                             root->line, 0,
                                             _("this is not an SSR Workbench assessment: its namespace is "
                                               "“%s”, not “%s”"),
                                             quoted, SSR_NAMESPACE));
      return FALSE;
    }

  version_attribute = get_attribute (root, "format-version");
  if (version_attribute == NULL)
    {
      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID, root->line, 0,
                                             _("the attribute “%s” of <%s> is missing"),
                                             "format-version", "assessment"));
      return FALSE;
    }

  version_text = g_strstrip (g_strdup (version_attribute));
  if (!g_ascii_string_to_signed (version_text, 10, 1, G_MAXINT64, &version, NULL))
    {
      quoted = excerpt (version_text);
      g_propagate_error (error,
                         _ssr_xml_new_error (reader->display_name, SSR_ERROR_INVALID, root->line, 0,
                                             _("the attribute “%s” of <%s> is “%s”; expected %s"),
                                             "format-version", "assessment", quoted,
                                             _("a whole number such as 1")));
      return FALSE;
    }

  if (version > SSR_FORMAT_VERSION)
    return future_version (reader, root->line, version, error);

  return TRUE;
}

/* A child of <assessment>: a section, <meta>, or foreign content. */
static FrameKind
start_root_child (Reader         *reader,
                  const Element  *element,
                  const xmlChar  *uri,
                  GError        **error)
{
  GObject *document = G_OBJECT (reader->assessment);
  const SectionSpec *section = NULL;
  guint64 bit = 1;
  guint i;

  if (!is_ours (uri))
    return FRAME_FOREIGN;

  for (i = 0; i < G_N_ELEMENTS (sections) && section == NULL; i++)
    {
      if (strcmp (element->name, sections[i].element) == 0)
        {
          section = &sections[i];
          bit <<= i + 1;
        }
    }

  if (section == NULL && strcmp (element->name, "meta") != 0)
    return FRAME_FOREIGN;

  if ((reader->sections_seen & bit) != 0)
    {
      element_appears_twice (reader, element, error);
      return FRAME_IGNORED;
    }
  reader->sections_seen |= bit;

  if (!read_attributes (reader, element, document, no_fields, error))
    return FRAME_IGNORED;

  if (section == NULL)
    {
      reader->texts_seen = 0;
      return FRAME_META;
    }

  reader->item_spec = section->item;
  return FRAME_SECTION;
}

/* A child of <meta> or of an item: a value, or foreign content. */
static FrameKind
start_value_child (Reader         *reader,
                   Frame          *frame,
                   const Element  *element,
                   const xmlChar  *uri,
                   GError        **error)
{
  const ItemSpec *spec = reader->item != NULL ? reader->item_spec : NULL;
  const Field *texts = spec != NULL ? spec->texts : meta_texts;
  const Field *list = spec != NULL ? spec->list : NULL;
  const RecordSpec *records = spec != NULL ? spec->records : NULL;
  const Field *text_field;

  if (!is_ours (uri))
    return FRAME_FOREIGN;

  if ((text_field = find_field (texts, element->name)) != NULL)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << (text_field - texts);

      if ((reader->texts_seen & bit) != 0)
        {
          element_appears_twice (reader, element, error);
          return FRAME_IGNORED;
        }
      reader->texts_seen |= bit;
      frame->field = text_field;
      g_string_truncate (reader->text, 0);
      return FRAME_TEXT;
    }

  if (list != NULL && strcmp (element->name, list->name) == 0)
    return read_list_entry (reader, element, list, error) ? FRAME_LIST_ENTRY : FRAME_IGNORED;

  if (records != NULL && strcmp (element->name, records->element) == 0)
    {
      /* Read when it closes, with its text: its attributes stay until then. */
      reader->record = *element;
      g_string_truncate (reader->text, 0);
      return FRAME_RECORD;
    }

  return FRAME_FOREIGN;
}

static FrameKind
start_child (Reader         *reader,
             Frame          *parent,
             Frame          *frame,
             const Element  *element,
             const xmlChar  *uri,
             GError        **error)
{
  if (parent == NULL)
    {
      return check_root (reader, element, uri, error) &&
             read_attributes (reader, element, G_OBJECT (reader->assessment), root_attributes,
                              error) ? FRAME_ROOT : FRAME_IGNORED;
    }

  switch (parent->kind)
    {
    case FRAME_ROOT:
      return start_root_child (reader, element, uri, error);

    case FRAME_SECTION:
      if (!is_ours (uri) || strcmp (element->name, reader->item_spec->element) != 0)
        return FRAME_FOREIGN;
      return start_item (reader, element, reader->item_spec, error) ? FRAME_ITEM : FRAME_IGNORED;

    case FRAME_META:
    case FRAME_ITEM:
      return start_value_child (reader, frame, element, uri, error);

    case FRAME_TEXT:
    case FRAME_LIST_ENTRY:
    case FRAME_RECORD:
    case FRAME_IGNORED:
    case FRAME_FOREIGN:
    default:
      g_assert_not_reached ();
      return FRAME_IGNORED;
    }
}

static void
read_start_element (Reader         *reader,
                    const xmlChar  *localname,
                    const xmlChar  *prefix,
                    const xmlChar  *uri,
                    int             n_namespaces,
                    const xmlChar **namespaces,
                    int             n_attributes,
                    const xmlChar **attributes)
{
  Frame *parent = reader->depth > 0 ? &reader->frames[reader->depth - 1] : NULL;
  Frame *frame = &reader->frames[reader->depth++];
  Element element;
  int i;

  frame->kind = FRAME_IGNORED;
  frame->name = (const char *) localname;
  frame->line = xmlSAX2GetLineNumber (reader->ctxt);
  frame->n_namespaces = 0;
  frame->field = NULL;

  if (reader->error != NULL)
    return;

  /* Inside a value nothing is read, and its own attributes stay. */
  if (parent != NULL &&
      (parent->kind == FRAME_TEXT || parent->kind == FRAME_LIST_ENTRY ||
       parent->kind == FRAME_RECORD || parent->kind == FRAME_IGNORED))
    return;

  decode_attributes (reader, n_attributes, attributes);
  element.name = frame->name;
  element.parent = parent != NULL ? parent->name : NULL;
  element.line = frame->line;
  element.attributes = (const Attribute *) (gconstpointer) reader->attributes->data;
  element.n_attributes = reader->attributes->len;

  if (parent != NULL && parent->kind == FRAME_FOREIGN)
    {
      frame->kind = FRAME_FOREIGN;
      add_foreign_element (reader, localname, prefix, uri, n_namespaces, namespaces, &element);
      return;
    }

  frame->kind = start_child (reader, parent, frame, &element, uri, &reader->error);
  if (reader->error != NULL)
    {
      frame->kind = FRAME_IGNORED;
      return;
    }

  if (frame->kind == FRAME_FOREIGN)
    {
      GObject *owner = reader->item != NULL ? G_OBJECT (reader->item)
                                            : G_OBJECT (reader->assessment);

      begin_foreign (reader, owner, parent->name);
      add_foreign_element (reader, localname, prefix, uri, n_namespaces, namespaces, &element);
      return;
    }

  /* Declared for foreign content inside too, whose copy must declare them. */
  for (i = 0; i < n_namespaces; i++)
    {
      g_ptr_array_add (reader->namespaces, (gpointer) namespaces[i * 2]);
      g_ptr_array_add (reader->namespaces, (gpointer) namespaces[i * 2 + 1]);
    }
  frame->n_namespaces = n_namespaces;
}

static gboolean
end_text (Reader       *reader,
          const Frame  *frame,
          GError      **error)
{
  GObject *object = reader->item != NULL ? G_OBJECT (reader->item)
                                         : G_OBJECT (reader->assessment);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!parse_value (reader, frame->name, frame->line, NULL, frame->field, reader->text->str,
                    &value, error))
    return FALSE;

  set_field (reader, object, frame->field, frame->field->property, &value);
  return TRUE;
}

static void
read_end_element (Reader *reader)
{
  Frame *frame = &reader->frames[--reader->depth];

  g_ptr_array_set_size (reader->namespaces, reader->namespaces->len - frame->n_namespaces * 2);

  if (reader->error != NULL)
    return;

  switch (frame->kind)
    {
    case FRAME_FOREIGN:
      end_foreign_element (reader);
      break;

    case FRAME_TEXT:
      end_text (reader, frame, &reader->error);
      break;

    case FRAME_RECORD:
      read_record (reader, reader->item_spec->records, &reader->error);
      break;

    case FRAME_ITEM:
      end_item (reader);
      break;

    case FRAME_SECTION:
      end_section (reader, frame, &reader->error);
      break;

    case FRAME_ROOT:
    case FRAME_META:
    case FRAME_LIST_ENTRY:
    case FRAME_IGNORED:
    default:
      break;
    }
}

/* Text directly inside a value is its value; other text is not read. */
static void
read_characters (Reader        *reader,
                 const xmlChar *text,
                 int            length)
{
  FrameKind kind;

  if (reader->error != NULL || reader->depth == 0)
    return;

  kind = reader->frames[reader->depth - 1].kind;
  if (kind == FRAME_TEXT || kind == FRAME_RECORD)
    {
      g_string_append_len (reader->text, (const char *) text, length);
    }
  else if (kind == FRAME_FOREIGN)
    {
      xmlNode *last = reader->foreign_node->last;

      if (last != NULL && last->type == XML_TEXT_NODE)
        xmlNodeAddContentLen (last, text, length);
      else
        xmlAddChild (reader->foreign_node, xmlNewDocTextLen (reader->foreign_doc, text, length));
    }
}

static gboolean
in_foreign_element (Reader *reader)
{
  return reader->error == NULL && reader->depth > 0 &&
         reader->frames[reader->depth - 1].kind == FRAME_FOREIGN;
}

static void
read_comment (Reader        *reader,
              const xmlChar *value)
{
  if (in_foreign_element (reader))
    xmlAddChild (reader->foreign_node, xmlNewDocComment (reader->foreign_doc, value));
}

static void
read_processing_instruction (Reader        *reader,
                             const xmlChar *target,
                             const xmlChar *data)
{
  if (in_foreign_element (reader))
    xmlAddChild (reader->foreign_node, xmlNewDocPI (reader->foreign_doc, target, data));
}

/*
 * Each reference names an item of the right type; the line says where it
 * is. The references settled as they were read did; these are the others.
 */
static gboolean
check_references (Reader   *reader,
                  GError  **error)
{
  guint i;

  for (i = 0; i < reader->references->len; i++)
    {
      const Reference *reference = &g_array_index (reader->references, Reference, i);
      const ItemEntry *entry = lookup_item (reader, reference->id);
      g_autofree char *quoted = NULL;

      if (entry != NULL && target_accepts (reference->target, entry->type))
        continue;

      quoted = excerpt (reference->id);
      if (entry == NULL)
        g_propagate_error (error,
                           _ssr_xml_new_error (reader->display_name, SSR_ERROR_DANGLING_REFERENCE,
                                               reference->line, 0,
                                               _("the attribute “%s” of <%s> refers to “%s”, "
                                                 "which is not in the file"),
                                               reference->attribute, reference->element, quoted));
      else
        g_propagate_error (error,
                           _ssr_xml_new_error (reader->display_name, SSR_ERROR_DANGLING_REFERENCE,
                                               reference->line, 0,
                                               _("the attribute “%s” of <%s> refers to “%s”, "
                                                 "which is not %s"),
                                               reference->attribute, reference->element, quoted,
                                               target_describe (reference->target)));
      return FALSE;
    }

  return TRUE;
}

static void
reference_clear (Reference *reference)
{
  g_free (reference->id);
}

static void
reader_init (Reader        *reader,
             const char    *display_name,
             SsrAssessment *assessment)
{
  memset (reader, 0, sizeof (Reader));
  reader->display_name = display_name;
  reader->assessment = assessment;
  reader->section_items = g_ptr_array_new_with_free_func (g_object_unref);
  reader->list = g_ptr_array_new_with_free_func (g_free);
  reader->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  reader->record_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->text = g_string_new (NULL);
  reader->values = g_string_new (NULL);
  reader->attributes = g_array_new (FALSE, FALSE, sizeof (Attribute));
  reader->namespaces = g_ptr_array_new ();
  reader->ids = g_hash_table_new (g_str_hash, g_str_equal);
  reader->entries = g_array_new (FALSE, FALSE, sizeof (ItemEntry));
  reader->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  g_array_set_clear_func (reader->references, (GDestroyNotify) reference_clear);
  reader->pspecs = g_hash_table_new (g_direct_hash, g_direct_equal);
}

static void
reader_clear (Reader *reader)
{
  /* First: its keys belong to the items. */
  g_clear_pointer (&reader->ids, g_hash_table_unref);

  g_clear_object (&reader->item);
  g_clear_pointer (&reader->section_items, g_ptr_array_unref);
  g_clear_pointer (&reader->list, g_ptr_array_unref);
  g_clear_pointer (&reader->records, g_ptr_array_unref);
  g_clear_pointer (&reader->record_keys, g_hash_table_unref);
  g_string_free (g_steal_pointer (&reader->text), TRUE);
  g_string_free (g_steal_pointer (&reader->values), TRUE);
  g_clear_pointer (&reader->attributes, g_array_unref);
  g_clear_pointer (&reader->namespaces, g_ptr_array_unref);
  g_clear_pointer (&reader->entries, g_array_unref);
  g_clear_pointer (&reader->references, g_array_unref);
  g_clear_pointer (&reader->pspecs, g_hash_table_unref);
  g_clear_pointer (&reader->foreign_doc, xmlFreeDoc);
  g_clear_error (&reader->parse_error);
  g_clear_error (&reader->error);
}

SsrAssessment *
ssr_xml_read (GBytes      *bytes,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(SsrAssessment) assessment = NULL;
  Reader reader;
  const char *data;
  gboolean ok;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > SSR_XML_MAX_SIZE)
    {
      g_propagate_error (error,
                         _ssr_xml_new_error (display_name, SSR_ERROR_TOO_LARGE, 0, 0,
                                             _("the file is larger than %d MiB; it is not read"),
                                             SSR_XML_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  _ssr_xml_init ();

  assessment = ssr_assessment_new ();
  reader_init (&reader, display_name, assessment);

  parse (&reader, data, size);

  if (reader.parse_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader.parse_error));
      ok = FALSE;
    }
  else if (reader.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader.error));
      ok = FALSE;
    }
  else
    {
      ok = check_references (&reader, error);
    }

  reader_clear (&reader);

  if (!ok)
    return NULL;

  return g_steal_pointer (&assessment);
}
