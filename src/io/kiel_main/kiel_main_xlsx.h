// The Kiel Ukraine Support Tracker's main data as the tracker publishes it:
// the XLSX workbook's "Bilateral Assistance, MAIN DATA" sheet, read natively
// (io/xlsx): shared strings, cached formula values, Excel serial dates in
// the 1900 system, "." as missing. Column names of older releases
// (Countries, Announcement Date, Type of Aid General, Type of donation,
// Items, No. of Units, Source of Aid 1..4, Allocated Total in EUR
// (redistributed), ...) map through kiel_columns.h like the CSV's.
//
// Each row becomes a measure by the rules of kiel_main_csv.h, with its line
// (the item, resolved through the catalogue or kept as an unreviewed item;
// the number of units; units delivered in the line's note, since Kiel gives
// no delivery date) and its "Source of Aid" URLs cited as web pages. Ids
// use Kiel's own activity ID ("measure:kiel-main/AUH1", "-2" for its
// second row). The workbook is a source record kept by hash (it is not
// text); each measure cites it whole and names its sheet row in the note.
#pragma once

#include <vector>

#include "io/dataset/dataset_batch.h"

namespace ramstein {

DatasetBatch ParseKielMainXlsx(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress = {});

}  // namespace ramstein
