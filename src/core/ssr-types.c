/* ssr-types.c: the error domain of the core layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-types"

#include "config.h"

#include "ssr-types.h"

G_DEFINE_QUARK (ssr-error-quark, ssr_error)
