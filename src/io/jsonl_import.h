// Importing JSON Lines: one record per line ({"kind": ..., fields}), blank
// lines and lines starting with '#' or '//' skipped. All files of one import
// form one batch: every record is decoded and checked first, and if any line
// fails, nothing is written and every failure is reported as
// "FILE:LINE: field 'F': what is wrong".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/ledger_db.h"
#include "io/import_result.h"

namespace ramstein {

// Reads, checks and (unless dry_run or rejected) appends the records of
// `paths` as one batch by `author`. Returns a Status error only for failures
// outside the data (unreadable file, store error); data errors are listed in
// ImportResult::errors and leave the ledger unchanged.
Result<ImportResult> ImportJsonLines(LedgerDb& db, const std::vector<std::string>& paths,
                                     const std::string& author, const ImportOptions& options);

// Decodes the records of one JSON Lines text; `file_name` names it in errors
// and `base_directory` resolves source documents ("text_file").
struct DecodedLines {
  std::vector<Record> records;
  std::vector<std::size_t> line_numbers;  // of each record
  std::vector<std::string> errors;
  std::size_t lines_read = 0;
};
// `first_line` is the line number of text's first line. Large texts are
// decoded on two threads, split at a line boundary.
DecodedLines DecodeJsonLines(std::string_view text, const std::string& file_name,
                             const std::string& base_directory, std::size_t errors_max,
                             const std::function<void(std::uint64_t)>& progress = nullptr,
                             std::size_t first_line = 1);

}  // namespace ramstein
