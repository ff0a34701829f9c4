// The UkraineAidTracker's files, recognised by their base names:
//   money.json    US packages by announcement date (us_packages.h). Each
//                 drawdown (PDA), USAI and FMF amount becomes a measure of
//                 the United States to Ukraine, id
//                 "measure:uat/usa-pda-2022-02-25" (-usai-, -fmf-), and the
//                 drawdowns together a claim on authority:usa-pda,
//                 "packages_approved": how many and how much, resting on
//                 every row it counts (side by side with other sources'
//                 claims of the same attribute).
//   commits.json  heavy-weapon commitments, [date, donor ISO alpha-2,
//                 category, model, quantity, source URL]: each becomes a
//                 committed measure with one line (the model resolved
//                 through the item catalogue, else an unreviewed item listed
//                 for review), citing its URL as a source; id
//                 "measure:uat/commit-DATE-DONOR-MODEL" (+ "-2", ... for a
//                 repeat of the same key).
//   countries.json  the tracker's names of donors; not needed (donors are
//                 resolved by ISO code) and ignored.
// Every file is a source record with its text, and every record quotes its
// row. The claim needs authority:usa-pda and the measures the actors USA and
// UKR in the ledger (the bundled catalogue and seed hold them).
#pragma once

#include <vector>

#include "io/dataset/dataset_batch.h"

namespace ramstein {

DatasetBatch ParseUkraineAidTracker(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress = {});

}  // namespace ramstein
