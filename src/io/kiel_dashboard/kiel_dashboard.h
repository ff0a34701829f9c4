// The Kiel Institute's Ukraine Support Tracker dashboard files: the six CSVs
// behind the tracker's public charts (Release 29 layout):
//   release_info.csv        release number, period, date, label
//   data_explorer.csv       per donor (name, ISO code) and month: total,
//                           financial, humanitarian, military, commitments,
//                           to_be_allocated, gdp (EUR bn), pct_gdp (percent)
//   total_allocations.csv   per month: total_allocations and the three types
//   procurement_trends.csv  per month: stockpile, procurement, unspecified,
//                           nato_purl (EUR bn)
//   weapons.csv             per donor (name) and category: number_of_weapons,
//                           monetary_value_eur (EUR), weapons_list
//   eu_aid_shares.csv       per EU member (ISO code): shares of GDP, EU share
//
// Each row becomes a figure record holding every value exactly as printed
// (decimal text), keyed by release, table, subject, month and category, e.g.
// "figure:kiel-r29/data_explorer/USA/2022-03" — so importing the same
// release twice changes nothing, and another release is kept beside it.
// Each file becomes a source record with its text, and each figure quotes
// its row. Donors named only by name (weapons.csv) are matched to the ISO
// codes data_explorer.csv gives for the same names.
#pragma once

#include <vector>

#include "io/dataset/dataset_batch.h"

namespace ramstein {

// `files` are the six CSVs, recognised by their base names; a missing or
// unknown file, a missing column, or a cell that is not what its column
// holds is an error naming the file, row and column. Rows are read in
// full even after an error, so that every bad row is listed (up to 50).
// The catalogue is not consulted: the files give ISO codes.
DatasetBatch ParseKielDashboard(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress = {});

}  // namespace ramstein
