// Importing a publisher's files (`ramstein import --format F FILE...`): the
// format's parser (io/<dataset>/) turns the files into a DatasetBatch, and
// CommitDataset appends it as one all-or-nothing batch.
//
// Re-importing is idempotent. Dataset records carry ids derived from the
// publisher's keys (or a content hash), so for each record:
//   - the same id with the same content in the ledger: left out (unchanged);
//   - the same id with other content: appended as a correction of it
//     ("re-imported from FILE", unless the parser gave the record a
//     correction of its own), the earlier version kept in its history;
//   - a new id: appended (created).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "db/ledger_db.h"
#include "io/dataset/dataset_batch.h"
#include "io/import_result.h"

namespace ramstein {

// The formats ImportDataset knows, for help texts: "kiel-dashboard", ...
std::vector<std::string_view> DatasetFormats();

// Reads `paths` (a folder stands for the files in it), parses them as
// `format` and commits them. Data errors (the parser's and the ledger's
// checks') are listed in ImportResult::errors as "FILE:ROW: ..." and leave
// the ledger unchanged; a Status error means the files could not be read,
// the format is unknown, or the store failed.
Result<ImportResult> ImportDataset(LedgerDb& db, std::string_view format,
                                   const std::vector<std::string>& paths, const std::string& author,
                                   const ImportOptions& options);

// The importers' view of a model's actors and items (actor names and
// alpha-2 codes, item names and aliases, any case). `model` must outlive it.
std::unique_ptr<Catalog> CatalogOf(const Model& model);

// Commits a parsed batch (see above). `files` are the batch's input, for
// naming rows in errors.
Result<ImportResult> CommitDataset(LedgerDb& db, const std::vector<InputFile>& files,
                                   DatasetBatch batch, const std::string& author,
                                   const ImportOptions& options);

}  // namespace ramstein
