/* ssr-csv-import-dialog.h: actors or relations from a CSV file, previewed before they are added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ssr-assessment.h"
#include "ssr-csv-import.h"
#include "ssr-framework.h"

G_BEGIN_DECLS

#define SSR_TYPE_CSV_IMPORT_DIALOG (ssr_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SsrCsvImportDialog, ssr_csv_import_dialog, SSR, CSV_IMPORT_DIALOG, AdwWindow)

/*
 * Choose a file and whether it lists actors or relations; every row is
 * shown with what it would add or what is wrong with it, and Import adds
 * them all as one undoable step, only when no row is wrong.
 *
 * Actions, scoped "csv.": choose-file, kind "s" ("actors", "relations"),
 * import. Signals: imported (guint: the number of items added).
 */
GtkWidget    *ssr_csv_import_dialog_new        (GtkWindow          *parent,
                                                SsrAssessment      *document,
                                                SsrFramework       *framework);
/* Reads @file in the background and shows its rows. */
void          ssr_csv_import_dialog_set_file   (SsrCsvImportDialog *self,
                                                GFile              *file);
void          ssr_csv_import_dialog_set_kind   (SsrCsvImportDialog *self,
                                                const char         *kind);
/* The rows read, or NULL while there are none. (transfer none) */
SsrCsvImport *ssr_csv_import_dialog_get_import (SsrCsvImportDialog *self);

G_END_DECLS
