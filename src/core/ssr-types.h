/* ssr-types.h: shared forward declarations and enumerations of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SsrAssessment     SsrAssessment;
typedef struct _SsrHistory        SsrHistory;
typedef struct _SsrCommand        SsrCommand;
typedef struct _SsrItem           SsrItem;
typedef struct _SsrActor          SsrActor;
typedef struct _SsrRelation       SsrRelation;
typedef struct _SsrOrganisation   SsrOrganisation;
typedef struct _SsrMechanism      SsrMechanism;
typedef struct _SsrFinding        SsrFinding;
typedef struct _SsrPriority       SsrPriority;
typedef struct _SsrIndicator      SsrIndicator;
typedef struct _SsrTeamMember     SsrTeamMember;
typedef struct _SsrStepRecord     SsrStepRecord;
typedef struct _SsrPrincipleCheck SsrPrincipleCheck;
typedef struct _SsrFramework      SsrFramework;
typedef struct _SsrTerm           SsrTerm;

/* The version of the file format this program reads and writes. */
#define SSR_FORMAT_VERSION 1
#define SSR_NAMESPACE      "urn:ssr-workbench:assessment:1"
#define SSR_FRAMEWORK_NAMESPACE "urn:ssr-workbench:framework:1"
#define SSR_DEFAULT_FRAMEWORK "ssr-three-phase"

typedef enum
{
  SSR_STANCE_UNKNOWN,
  SSR_STANCE_CHAMPION,
  SSR_STANCE_NEUTRAL,
  SSR_STANCE_SPOILER,
} SsrStance;

typedef enum
{
  SSR_FINDING_STRENGTH,
  SSR_FINDING_WEAKNESS,
  SSR_FINDING_OPPORTUNITY,
  SSR_FINDING_THREAT,
  SSR_FINDING_GAP,
  SSR_FINDING_NEED,
  SSR_FINDING_RISK,
} SsrFindingKind;

typedef enum
{
  SSR_INDICATOR_SUPPLY,
  SSR_INDICATOR_PROCESS,
  SSR_INDICATOR_OUTPUT,
  SSR_INDICATOR_OUTCOME,
} SsrIndicatorKind;

typedef enum
{
  SSR_STEP_NOT_STARTED,
  SSR_STEP_IN_PROGRESS,
  SSR_STEP_DONE,
} SsrStepStatus;

typedef enum
{
  SSR_DIRECTION_FORWARD,
  SSR_DIRECTION_MUTUAL,
} SsrDirection;

/**
 * SsrError:
 * @SSR_ERROR_MALFORMED: the file is not well-formed XML
 * @SSR_ERROR_FORBIDDEN: the file uses a construct refused for safety
 *   (DOCTYPE, entities, XInclude)
 * @SSR_ERROR_TOO_LARGE: a size or depth limit was exceeded
 * @SSR_ERROR_NOT_ASSESSMENT: wrong root element or namespace
 * @SSR_ERROR_FUTURE_VERSION: written by a newer program
 * @SSR_ERROR_INVALID: a value is missing or not of the expected form
 * @SSR_ERROR_DUPLICATE_ID: two items share an id
 * @SSR_ERROR_DANGLING_REFERENCE: an item refers to an id that is not there
 * @SSR_ERROR_FRAMEWORK: a framework file is missing or broken
 * @SSR_ERROR_REFUSED: an edit was refused (e.g. it would break a reference)
 *
 * Errors of the core layer; the domain is %SSR_ERROR.
 */
typedef enum
{
  SSR_ERROR_MALFORMED,
  SSR_ERROR_FORBIDDEN,
  SSR_ERROR_TOO_LARGE,
  SSR_ERROR_NOT_ASSESSMENT,
  SSR_ERROR_FUTURE_VERSION,
  SSR_ERROR_INVALID,
  SSR_ERROR_DUPLICATE_ID,
  SSR_ERROR_DANGLING_REFERENCE,
  SSR_ERROR_FRAMEWORK,
  SSR_ERROR_REFUSED,
} SsrError;

#define SSR_ERROR (ssr_error_quark ())
GQuark ssr_error_quark (void);

G_END_DECLS
