// The columns of the Kiel main data under the names its releases and their
// exports give them, and Kiel's own ways of writing donors, types and dates.
// Shared by the CSV and XLSX readers of the main data.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "io/dataset/dataset_batch.h"
#include "ledger/records.h"

namespace ramstein {

enum class KielColumn : std::uint8_t {
  donor,                // required
  date,                 // required (cells may be empty)
  aid_type,             // required
  measure,              // Allocation / Commitment; required
  value,                // sub-activity value in EUR
  value_redistributed,  // the same, redistributed over the activity's rows
  value_activity,       // the whole activity's value in EUR
  month_number,         // 1 = 2022-01 (Release 28 export)
  month_exists,         // "True" when month_number is meaningful
};
inline constexpr std::size_t kKielColumnCount = 9;

// Where each column is in a header row: its position, or -1 when the file
// does not have it; and the header's names, for messages.
struct KielColumns {
  std::array<int, kKielColumnCount> at{};
  std::vector<std::string> names;
};

// Maps a header row. InvalidArgument naming the missing columns (with the
// names accepted for each) when a required one is absent, or when no value
// column is present.
Result<KielColumns> MapKielColumns(const std::vector<std::string_view>& header);

// A cell without surrounding spaces (Kiel writes "Humanitarian ").
std::string_view TrimKiel(std::string_view text);

// The actor of a Kiel donor name: the catalogue's by name, or through Kiel's
// own spellings ("EU (Commission and Council)", "Turkiye", ...).
std::optional<std::string> KielDonor(const Catalog& catalog, std::string_view name);

// "Military", "Financial", "Humanitarian" in any case, spaces trimmed.
std::optional<AidType> KielAidType(std::string_view text);

// The announcement: the date cell (YYYY-MM-DD, or YYYY-MM-DD HH:MM:SS as some
// exports write it); else the month of month_number when month_exists says
// "True"; else none. InvalidArgument for a date or month that is not one.
Result<std::optional<Date>> KielAnnounced(std::string_view date, std::string_view month_number,
                                          std::string_view month_exists);

}  // namespace ramstein
