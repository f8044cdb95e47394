/* ssr-report-private.h: what the files of the summary report share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "ssr-picture.h"
#include "ssr-render-private.h"
#include "ssr-report.h"
#include "ssr-types.h"

G_BEGIN_DECLS

/* The page: margins around the text block. */
#define MARGIN_X         62.0
#define MARGIN_TOP       70.0
#define MARGIN_BOTTOM    70.0

#define CELL_PAD         4.0
#define MAX_COLUMNS      12
#define EPSILON          0.01

/* The colours of the report, light enough for greyscale print. */
extern const SsrRenderColor _ssr_report_ink;
extern const SsrRenderColor _ssr_report_muted;
extern const SsrRenderColor _ssr_report_accent;
extern const SsrRenderColor _ssr_report_marking_red;
extern const SsrRenderColor _ssr_report_rule;

typedef enum
{
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_TABLE,
  STYLE_TABLE_HEADER,
  STYLE_HEADING_1,
  STYLE_HEADING_2,
  STYLE_HEADING_3,
  STYLE_CONTENTS_1,
  STYLE_CONTENTS_2,
  STYLE_COVER_MARKING,
  STYLE_COVER_TITLE,
  STYLE_COVER_SUBTITLE,
  STYLE_COVER_TEXT,
  STYLE_KEY_FIGURE,
  STYLE_FURNITURE,
  STYLE_FURNITURE_MARKING,
  N_STYLES
} SsrReportStyle;

typedef struct
{
  const char           *font;
  double                space_before;
  double                space_after;
  const SsrRenderColor *color;
  PangoAlignment        alignment;
} SsrReportStyleInfo;

extern const SsrReportStyleInfo _ssr_report_styles[N_STYLES];

/*
 * A picture drawn by a callback into a rectangle of the page, with data it
 * owns.
 */
typedef void (*SsrReportFigureFunc) (SsrReport *report,
                                     cairo_t   *cr,
                                     gpointer   data,
                                     double     width,
                                     double     height);

typedef struct
{
  SsrReportFigureFunc draw;
  gpointer            data;
  GDestroyNotify      destroy;
} SsrReportFigure;

typedef enum
{
  OP_TEXT,
  OP_RECT,
  OP_LINE,
  OP_FIGURE,
  OP_DEST,
  OP_LINK,
} SsrReportOpKind;

/* One drawing operation of a laid-out page. */
typedef struct
{
  SsrReportOpKind  kind;
  double           x, y, width, height;
  SsrRenderColor   color;
  /* OP_TEXT: the lines of @layout between clip_top and clip_bottom (layout
   * coordinates) are drawn with their top at y. */
  PangoLayout     *layout;
  double           clip_top;
  double           clip_bottom;
  /* OP_RECT: 0 fills; OP_LINE: the pen. */
  double           line_width;
  SsrReportFigure *figure;
  /* OP_DEST, OP_LINK: the named destination. */
  char            *name;
} SsrReportOp;

typedef struct
{
  GArray *ops;
} SsrReportPage;

/* A heading: a line of the contents and an entry of the PDF outline. */
typedef struct
{
  char     *title;
  char     *dest;
  guint     level;
  guint     page;
  gboolean  in_contents;
} SsrReportEntry;

struct _SsrReport
{
  GObject               parent_instance;

  SsrFramework         *framework;
  SsrAssessment        *assessment;
  SsrReportOptions      options;
  double                page_width;
  double                page_height;

  PangoContext         *context;
  PangoFontDescription *fonts[N_STYLES];

  /* What redaction leaves out: the ids of the sensitive actors and findings,
   * and the names of the actors, also removed from free text. */
  GHashTable           *hidden;
  GPtrArray            *hidden_names;
  guint                 n_hidden;

  GPtrArray            *pages;
  GArray               *entries;
  guint                 n_dests;
  guint                 n_sections;
  PangoLayout          *marking;
};

/* The flow: fills pages from top to bottom (ssr-report-flow.c) */

typedef struct
{
  SsrReport     *report;
  GPtrArray     *pages;
  GArray        *entries;
  /* The text block of every page. */
  double         left;
  double         width;
  double         top;
  double         bottom;
  SsrReportPage *page;
  double         y;
  /* Keep-with-next: headings placed since the last block move to the next
   * page with it when that block does not fit below them. */
  gboolean       keeping;
  guint          keep_op;
  double         keep_y;
  guint          keep_entry;
} SsrReportFlow;

/* Figures, pages and the entries of the contents */
SsrReportFigure *_ssr_report_figure_new (SsrReportFigureFunc draw,
                                         gpointer            data,
                                         GDestroyNotify      destroy);
void _ssr_report_figure_free (SsrReportFigure *figure);
SsrReportPage *_ssr_report_page_new (void);
void _ssr_report_page_free (gpointer data);
GArray *_ssr_report_entries_new (void);

/* Text in a style, and its lines */
PangoLayout *_ssr_report_layout (SsrReport     *self,
                                 SsrReportStyle style,
                                 const char    *text,
                                 gboolean       markup,
                                 double         width);
double _ssr_report_layout_height (PangoLayout *layout);
GArray *_ssr_report_line_bounds (PangoLayout *layout);
guint _ssr_report_line_bounds_fit (GArray *bounds,
                                   guint   first,
                                   double  room);
double _ssr_report_line_bounds_top (GArray *bounds,
                                    guint   line);

/* Pages */
double _ssr_report_flow_room (SsrReportFlow *flow);
gboolean _ssr_report_flow_at_top (SsrReportFlow *flow);
void _ssr_report_flow_init (SsrReportFlow *flow,
                            SsrReport     *report);
void _ssr_report_flow_clear (SsrReportFlow *flow);
void _ssr_report_flow_new_page (SsrReportFlow *flow);
void _ssr_report_flow_break_page (SsrReportFlow *flow);
void _ssr_report_flow_start_page (SsrReportFlow *flow);
void _ssr_report_flow_ensure (SsrReportFlow *flow,
                              double         height);
void _ssr_report_flow_space (SsrReportFlow *flow,
                             double         space);
void _ssr_report_flow_placed (SsrReportFlow *flow);

/* Drawing operations on the current page */
SsrReportOp *_ssr_report_flow_add_op (SsrReportFlow  *flow,
                                      SsrReportOpKind kind,
                                      double          x,
                                      double          y,
                                      double          width,
                                      double          height);
void _ssr_report_flow_add_text (SsrReportFlow        *flow,
                                PangoLayout          *layout,
                                double                x,
                                double                y,
                                const SsrRenderColor *color,
                                double                clip_top,
                                double                clip_bottom);
void _ssr_report_flow_add_rect (SsrReportFlow        *flow,
                                double                x,
                                double                y,
                                double                width,
                                double                height,
                                const SsrRenderColor *color,
                                double                line_width);
void _ssr_report_flow_add_line (SsrReportFlow        *flow,
                                double                x0,
                                double                y0,
                                double                x1,
                                double                y1,
                                const SsrRenderColor *color,
                                double                line_width);
void _ssr_report_flow_add_rule (SsrReportFlow        *flow,
                                double                y,
                                const SsrRenderColor *color,
                                double                line_width);
void _ssr_report_flow_add_figure (SsrReportFlow   *flow,
                                  SsrReportFigure *figure,
                                  double           x,
                                  double           y,
                                  double           width,
                                  double           height);

/* Paragraphs, lists, headings and figures placed one below the other */
void _ssr_report_flow_paragraph_full (SsrReportFlow *flow,
                                      SsrReportStyle style,
                                      const char    *text,
                                      gboolean       markup,
                                      double         indent);
void _ssr_report_flow_keep_together (SsrReportFlow *flow,
                                     double         height);

/* Paragraphs laid out first, to measure a group before placing it */
GArray *_ssr_report_blocks_new (void);
void _ssr_report_blocks_add (SsrReportFlow *flow,
                             GArray        *blocks,
                             SsrReportStyle style,
                             const char    *text);
void _ssr_report_blocks_add_free_text (SsrReportFlow *flow,
                                       GArray        *blocks,
                                       SsrReportStyle style,
                                       const char    *text);
double _ssr_report_blocks_height (GArray *blocks);
void _ssr_report_flow_blocks (SsrReportFlow *flow,
                              GArray        *blocks);

void _ssr_report_flow_paragraph (SsrReportFlow *flow,
                                 SsrReportStyle style,
                                 const char    *text);
void _ssr_report_flow_markup (SsrReportFlow *flow,
                              SsrReportStyle style,
                              const char    *markup);
void _ssr_report_flow_free_text (SsrReportFlow *flow,
                                 SsrReportStyle style,
                                 const char    *text);
void _ssr_report_flow_label (SsrReportFlow *flow,
                             SsrReportStyle style,
                             const char    *label);
void _ssr_report_flow_none (SsrReportFlow *flow,
                            const char    *message);
void _ssr_report_flow_item (SsrReportFlow   *flow,
                            SsrReportStyle   style,
                            const char      *bullet,
                            SsrReportFigure *marker,
                            const char      *markup);
void _ssr_report_flow_bullet (SsrReportFlow *flow,
                              SsrReportStyle style,
                              const char    *markup);
void _ssr_report_flow_heading_full (SsrReportFlow *flow,
                                    guint          level,
                                    SsrReportStyle style,
                                    const char    *title,
                                    gboolean       in_contents);
void _ssr_report_flow_heading (SsrReportFlow *flow,
                               guint          level,
                               const char    *title);
void _ssr_report_flow_figure (SsrReportFlow   *flow,
                              SsrReportFigure *figure,
                              double           height);

/* Tables: rows break across pages, the header row is repeated (ssr-report-table.c) */

typedef struct
{
  const char         *title;
  double              share;
  PangoAlignment      alignment;
  /* Words the column shows (a stance, a kind), translated, NULL-ended:
   * the column is widened so that none breaks. NULL: nothing to keep. */
  const char * const *words;
} SsrReportColumn;

typedef struct
{
  PangoLayout     *layout;
  SsrReportFigure *figure;
  double           figure_height;
  gboolean         has_fill;
  SsrRenderColor   fill;
} SsrReportCell;

/* Where a row was placed: its ops from @first_op of @page on. */
typedef struct
{
  SsrReportPage *page;
  guint          first_op;
  double         y;
  double         height;
  gboolean       split;
} SsrReportRowPlace;

typedef struct
{
  SsrReportFlow     *flow;
  guint              n_columns;
  double             x[MAX_COLUMNS];
  double             width[MAX_COLUMNS];
  PangoAlignment     alignment[MAX_COLUMNS];
  PangoLayout       *headers[MAX_COLUMNS];
  double             header_height;
  SsrReportPage     *header_page;
  SsrReportCell      cells[MAX_COLUMNS];
  guint              n_rows;
  gboolean           zebra;
  /* Where the last rows went, the latest last. */
  SsrReportRowPlace  placed[3];
} SsrReportTable;

void _ssr_report_table_init (SsrReportTable        *table,
                             SsrReportFlow         *flow,
                             const SsrReportColumn *columns,
                             guint                  n_columns);
void _ssr_report_table_finish (SsrReportTable *table);
void _ssr_report_table_set_text (SsrReportTable *table,
                                 guint           column,
                                 const char     *text);
void _ssr_report_table_set_markup (SsrReportTable *table,
                                   guint           column,
                                   const char     *markup);
void _ssr_report_table_set_hanging_indent (SsrReportTable *table,
                                           guint           column,
                                           const char     *prefix);
void _ssr_report_table_set_figure (SsrReportTable  *table,
                                   guint            column,
                                   SsrReportFigure *figure,
                                   double           height);
void _ssr_report_table_set_fill (SsrReportTable       *table,
                                 guint                 column,
                                 const SsrRenderColor *fill);
void _ssr_report_table_end_row (SsrReportTable *table);

/* Fills the cells of a row of @table from @item; FALSE leaves it out. */
typedef gboolean (*SsrReportRowFunc) (SsrReportTable *table,
                                      gpointer        item,
                                      gpointer        data);

void _ssr_report_table_fill (SsrReportTable   *table,
                             GListModel       *items,
                             SsrReportRowFunc  fill_row,
                             gpointer          data);

/* Figures (ssr-report-figures.c) */

SsrReportFigure *_ssr_report_picture_figure_new (SsrReport *self,
                                                 SsrPicture picture,
                                                 double     width,
                                                 double     height);
void _ssr_report_flow_picture (SsrReportFlow *flow,
                               SsrPicture     picture,
                               double         height);
SsrReportFigure *_ssr_report_checkbox_figure_new (gboolean checked);
SsrReportFigure *_ssr_report_dots_figure_new (int rating);
SsrReportFigure *_ssr_report_status_figure_new (SsrStepStatus status);
SsrReportFigure *_ssr_report_sparkline_figure_new (SsrIndicator *indicator);

/* What the report says of items (ssr-report-text.c) */

typedef enum
{
  TRACK_NO_DATA,
  TRACK_ON,
  TRACK_OFF,
} SsrReportTrack;

char *_ssr_report_scrub (SsrReport  *self,
                         const char *text);
gboolean _ssr_report_hides (SsrReport  *self,
                            const char *id);
gboolean _ssr_report_shows (SsrReport *self,
                            gpointer   item);
const char *_ssr_report_item_label (SsrReport  *self,
                                    const char *id);
const char *_ssr_report_term_name (SsrReport  *self,
                                   const char *id);
char *_ssr_report_join_labels (SsrReport          *self,
                               const char * const *ids,
                               const char         *separator);
gboolean _ssr_report_parse_date (const char *text,
                                 GDate      *date);
char *_ssr_report_format_date (const char *iso);
SsrReportTrack _ssr_report_indicator_track (SsrIndicator *indicator);
const char *_ssr_report_title (SsrReport *self);
char *_ssr_report_period (SsrReport *self);

/* The sections (ssr-report-sections.c, ssr-report-analysis.c) */

void _ssr_report_lay_out (SsrReport *self);
void _ssr_report_layout_actors (SsrReportFlow *flow);
void _ssr_report_layout_maps (SsrReportFlow *flow);
void _ssr_report_layout_findings (SsrReportFlow *flow);
void _ssr_report_layout_priorities (SsrReportFlow *flow);
void _ssr_report_layout_indicators (SsrReportFlow *flow);
void _ssr_report_layout_principles (SsrReportFlow *flow);
void _ssr_report_layout_sources (SsrReportFlow *flow);

G_END_DECLS
