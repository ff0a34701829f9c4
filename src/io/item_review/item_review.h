// A reviewer's answers for the names importers kept for review (items
// "item:unreviewed/...", listed by `ramstein report review`): which catalogue
// item each is the same system as (`ramstein catalog map`).
//
// Each answer becomes a correction of the item with ItemRecord::same_as set
// (or cleared), its correction text saying why: the reviewer's words, else
// "reviewed: the same system as NAME (ID)". The item keeps its id and name,
// so the files that named it import as before; its lines count under the
// other item. Committed through CommitDataset: an answer the ledger already
// holds is left out (unchanged).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/dataset/dataset_batch.h"

namespace ramstein {

// Answers from files: CSV whose header has the columns "item" and "same as"
// (or "same_as"), and may have "why"; other columns are ignored, so the
// table `ramstein report review --csv` prints, its "same as" cells filled
// in, is such a file. `item` and `same as` are ids, names or aliases. A row
// whose "same as" is empty is not reviewed yet and skipped. Errors, each
// "FILE:ROW: column 'C': ...", reject every file: a name no item has, an
// item said in two rows to be the same as two different items.
DatasetBatch ParseItemMappings(const std::vector<InputFile>& files, const Catalog& catalog,
                               const ParseProgress& progress);

// One answer from the command line: `item` is the same as `same_as`, or,
// when `same_as` is absent, the same as nothing (counted under its own name
// again). `why` may be empty. The batch's origin is file 0, row 1; errors
// name the argument ("item 'X': ...").
DatasetBatch ItemMappingBatch(std::string_view item, std::optional<std::string_view> same_as,
                              std::string_view why, const Catalog& catalog);

}  // namespace ramstein
