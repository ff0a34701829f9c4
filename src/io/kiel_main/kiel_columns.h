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
  id,                   // Kiel's activity id ("AUH1"); rows of one activity share it
  items,                // the item named ("." when none)
  item_type,            // Kiel's category of the item
  units,                // number of units
  units_delivered,      // units delivered (in-kind military aid)
  source_1,             // "Source of Aid 1" .. 4: URLs
  source_2,
  source_3,
  source_4,
};
inline constexpr std::size_t kKielColumnCount = 18;

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

// A cell Kiel leaves empty: "" or "." (its mark for a missing value),
// surrounding spaces ignored.
bool KielMissing(std::string_view cell);

// The announcement: the date cell (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS as some
// exports write it, an Excel serial day number, or the text older releases
// give instead: "until 12/31/2022", "from 01/01/2024 until 05/01/2024",
// "unclear, 10/2022", "not specified, 03/22", "until 06.02.2024" — the first
// date or month in it (a day that does not exist, "06/31/2022", gives its
// month; "16/02/2023" is read day first), none for a text without one
// ("unclear", "Undisclosed"), the text kept in `note`); else the month of
// month_number when month_exists says "True"; else none. InvalidArgument for
// a malformed Excel day number or month number.
struct KielDate {
  std::optional<Date> date;
  std::string note;  // "Kiel's date: '...'" when read from a text
};
Result<KielDate> KielAnnounced(std::string_view date, std::string_view month_number,
                               std::string_view month_exists);

}  // namespace ramstein
