/* ssr-generate.h: synthetic assessments for benchmarks and scale tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssr-types.h"

G_BEGIN_DECLS

/*
 * A realistic-looking, schema-valid assessment of a fictional country with
 * @n_actors actors spread over the framework's actor categories and kinds,
 * @n_relations relations between distinct actors (types from the framework),
 * and findings, priorities, indicators, organisations and mechanisms in
 * proportion. The same @seed gives the same document, ids included.
 */
SsrAssessment *ssr_generate_assessment (SsrFramework *framework,
                                        guint         n_actors,
                                        guint         n_relations,
                                        guint32       seed);

G_END_DECLS
