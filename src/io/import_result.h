// What an import was asked to do and what it did; shared by the JSON Lines
// import and the dataset importers.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "db/ledger_db.h"

namespace ramstein {

struct ImportOptions {
  bool dry_run = false;         // check everything, write nothing
  std::size_t errors_max = 50;  // failures listed before giving up
  // Called with (bytes done, bytes total) while reading; may be null.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

struct ImportResult {
  std::size_t lines_read = 0;
  std::size_t records = 0;          // records appended (or that would be, in a dry run)
  // Dataset imports only: records whose id was new, that replace an earlier
  // version (a changed row), and that were already in the ledger as they are.
  std::size_t created = 0, changed = 0, unchanged = 0;
  std::vector<std::string> errors;  // "FILE:LINE: ..." when the batch was rejected
  std::vector<std::string> review;  // dataset imports: names kept for a person to map
  AppendSummary appended;           // when written
  std::vector<std::pair<std::string, std::size_t>> records_by_kind;
  // Wall time of each phase.
  std::int64_t read_ms = 0, decode_ms = 0, check_ms = 0, write_ms = 0;
};

// The last step of every import, once its records passed their checks:
// refuses a batch above limits::batch_events_max (as an error in `result`),
// counts the records by kind and, unless a dry run or there is nothing to
// write, appends them and notes the events and the write time in `result`.
// REQUIRES: db.Check(records) found no errors and nothing was appended since.
Status AppendImported(LedgerDb& db, std::vector<Record> records, const std::string& author,
                      const ImportOptions& options, ImportResult* result);

}  // namespace ramstein
