/* ssr-render-options.c: render options, and what the pictures ask of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ssr-render"

#include "config.h"

#include "ssr-render-options.h"

#include "ssr-render-private.h"

void
ssr_render_options_init (SsrRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (SsrRenderOptions) {
    .redact = FALSE,
    .color_by = "category",
    .show_legend = TRUE,
    .font_scale = 1.0,
    .categories = NULL,
    .relation_types = NULL,
    .highlighted = NULL,
  };
}

const SsrRenderOptions *
_ssr_render_options_or_default (const SsrRenderOptions *options)
{
  static SsrRenderOptions defaults;
  static gsize initialized = 0;

  if (options != NULL)
    return options;

  if (g_once_init_enter (&initialized))
    {
      ssr_render_options_init (&defaults);
      g_once_init_leave (&initialized, 1);
    }

  return &defaults;
}

double
_ssr_render_font_scale (const SsrRenderOptions *options)
{
  if (options == NULL || !(options->font_scale > 0))
    return 1.0;

  return CLAMP (options->font_scale, 0.25, 8.0);
}

gboolean
_ssr_render_is_highlighted (const SsrRenderOptions *options,
                            const char             *id)
{
  return options != NULL && options->highlighted != NULL && id != NULL &&
         g_hash_table_contains (options->highlighted, id);
}

gboolean
_ssr_render_filter_accepts (const char * const *filter,
                            const char         *value)
{
  if (filter == NULL)
    return TRUE;

  return value != NULL && g_strv_contains (filter, value);
}
