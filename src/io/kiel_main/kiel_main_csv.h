// The Kiel Ukraine Support Tracker's main data ("Bilateral Assistance, MAIN
// DATA": one row per sub-activity) as CSV, under any of the column names the
// tracker's releases and their exports use (kiel_columns.h): the Release 28
// reduced export with Norwegian names (giver, dato, kategori, maal,
// verdi_eur, verdi_eur_redistr, verdi_eur_activity, maaned_nr, ...) and the
// current Kiel names (donor, announcement_date, aid_type_general, measure,
// tot_sub_activity_value_EUR, tot_sub_activity_value_EUR_redistr, ...).
//
// Each row becomes a measure of its donor to Ukraine:
//   - type from the aid type (Military, Financial, Humanitarian, any case,
//     trailing spaces ignored);
//   - status "allocated" for an Allocation row, "committed" for a
//     Commitment row;
//   - value in EUR, rounded to the cent: the redistributed sub-activity
//     value for allocations (what Kiel's totals add up), the activity value
//     for commitments (Kiel leaves their sub-activity values at 0); a
//     negative value (a downward adjustment) is kept in the note, not as a
//     value, and listed for review;
//   - announced on the row's date; else in the month its month number gives
//     (1 = 2022-01), when the row says the month exists; else undated;
//   - evidence: the row, quoted from the file's source record.
// Ids are content hashes of the row ("measure:kiel-main/" + ContentKey,
// "-2", "-3" for identical rows), so re-importing a file changes nothing and
// a later release adds only the rows that changed. Donor names resolve
// through the catalogue, and through Kiel's own spellings for a few.
#pragma once

#include <vector>

#include "io/dataset/dataset_batch.h"

namespace ramstein {

// Files of 4 MB or more are read by one thread per core (up to 8): their
// rows are cut into parts at row starts, each part read on its own thread,
// and the parts joined in order, so the batch is the one a single reader
// makes (ids made unique in row order, each unknown item added and listed
// once, the errors of the rows in order, nothing after malformed CSV).
DatasetBatch ParseKielMainCsv(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress = {});

// ParseKielMainCsv on `threads` threads for every file (0: as above).
DatasetBatch ParseKielMainCsvOn(const std::vector<InputFile>& files, const Catalog& catalog,
                                const ParseProgress& progress, std::size_t threads);

}  // namespace ramstein
