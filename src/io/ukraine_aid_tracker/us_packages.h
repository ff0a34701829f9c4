// The UkraineAidTracker's list of US assistance packages (money.json): a
// JSON array without a header row, one array of strings per announcement,
// fields by position (data/ukraine-aid-tracker/README.md):
//   0 date (YYYY-MM-DD), 1 PDA US$ million, 2 USAI US$ million,
//   3 FMF US$ million, 5 DoD release URL, 6 DoD fact-sheet URL.
// Other positions belong to an unrelated table on the same sheet and are
// ignored. Amounts are whole US$ million, with or without thousands
// separators ("1,250", "1250"); "" means none.
//
// This is the parser only: it turns the file into typed rows or names every
// bad row; turning rows into ledger records is the importer's job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace ramstein {

struct UsPackageRow {
  std::size_t row = 0;  // 1-based position in the file's array
  std::size_t begin_byte = 0, end_byte = 0;  // the row's array in the file's text
  Date date;
  // US$ cents; nullopt where the cell is empty.
  std::optional<std::int64_t> pda_usd_cents, usai_usd_cents, fmf_usd_cents;
  std::string release_url, fact_sheet_url;
};

// Rows of a whole file, or DataError naming `file_name`, each bad row
// (position, field position and name, the value) — all of them, up to 20.
Result<std::vector<UsPackageRow>> ParseUsPackages(std::string_view json, const std::string& file_name);

}  // namespace ramstein
