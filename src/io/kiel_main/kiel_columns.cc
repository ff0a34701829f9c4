#include "io/kiel_main/kiel_columns.h"

#include <algorithm>
#include <charconv>

#include "io/xlsx/xlsx_reader.h"
#include "query/labels.h"

namespace ramstein {

namespace {

struct ColumnNames {
  KielColumn column;
  bool required;
  std::vector<std::string_view> names;  // as the releases spell them
};

const std::vector<ColumnNames>& Names() {
  static const std::vector<ColumnNames> names = {
      {KielColumn::donor, true, {"donor", "giver", "Countries", "Country"}},
      {KielColumn::date, true, {"announcement_date", "dato", "Announcement Date"}},
      {KielColumn::aid_type, true, {"aid_type_general", "kategori", "Type of Aid General"}},
      {KielColumn::measure, true, {"measure", "maal", "Measure", "Type of donation"}},
      {KielColumn::value, false, {"tot_sub_activity_value_EUR", "verdi_eur"}},
      {KielColumn::value_redistributed, false,
       {"tot_sub_activity_value_EUR_redistr", "verdi_eur_redistr",
        "Allocated Total in EUR (redistributed)"}},
      {KielColumn::value_activity, false,
       {"tot_activity_value_EUR", "verdi_eur_activity", "Converted Value in EUR"}},
      {KielColumn::month_number, false, {"maaned_nr"}},
      {KielColumn::month_exists, false, {"maaned_finnes"}},
      {KielColumn::id, false, {"ID", "id", "activity_id"}},
      {KielColumn::items, false, {"Items", "item"}},
      {KielColumn::item_type, false, {"Type of Item", "item_type"}},
      {KielColumn::units, false, {"No. of Units", "units"}},
      {KielColumn::units_delivered, false,
       {"No. of Units Delivered (in-kind military aid)", "units_delivered"}},
      {KielColumn::source_1, false, {"Source of Aid 1", "source_1"}},
      {KielColumn::source_2, false, {"Source of Aid 2", "source_2"}},
      {KielColumn::source_3, false, {"Source of Aid 3", "source_3"}},
      {KielColumn::source_4, false, {"Source of Aid 4", "source_4"}},
  };
  return names;
}

}  // namespace

Result<KielColumns> MapKielColumns(const std::vector<std::string_view>& header) {
  KielColumns columns;
  columns.at.fill(-1);
  for (auto name : header) columns.names.emplace_back(TrimKiel(name));
  std::string missing;
  for (const ColumnNames& spec : Names()) {
    for (std::string_view name : spec.names) {
      auto found = std::find(columns.names.begin(), columns.names.end(), name);
      if (found == columns.names.end()) continue;
      columns.at[static_cast<std::size_t>(spec.column)] =
          static_cast<int>(found - columns.names.begin());
      break;
    }
    if (spec.required && columns.at[static_cast<std::size_t>(spec.column)] < 0) {
      std::string accepted;
      for (auto name : spec.names) accepted += (accepted.empty() ? "" : " or ") + std::string(name);
      missing += (missing.empty() ? "" : "; ") + accepted;
    }
  }
  if (!missing.empty()) return Status::InvalidArgument("missing column(s): " + missing);
  bool any_value = columns.at[static_cast<std::size_t>(KielColumn::value)] >= 0 ||
                   columns.at[static_cast<std::size_t>(KielColumn::value_redistributed)] >= 0;
  if (!any_value) {
    return Status::InvalidArgument(
        "no value column (tot_sub_activity_value_EUR[_redistr] or verdi_eur[_redistr])");
  }
  return columns;
}

std::string_view TrimKiel(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool KielMissing(std::string_view cell) {
  cell = TrimKiel(cell);
  return cell.empty() || cell == ".";
}

std::optional<std::string> KielDonor(const Catalog& catalog, std::string_view name) {
  // Kiel's spellings that are no catalogue name.
  static constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
      {"EU (Commission and Council)", "EU"},
      {"European Union (Commission and Council)", "EU"},
      {"EU Institutions", "EU"},
      {"Turkiye", "TUR"},
      {"Turkey", "TUR"},
      {"Czech Republic", "CZE"},
      {"European Investment Bank", "EIB"},
  };
  name = TrimKiel(name);
  for (auto [spelling, id] : kSpellings) {
    if (name == spelling) return std::string(id);
  }
  return catalog.ActorByName(name);
}

std::optional<AidType> KielAidType(std::string_view text) {
  std::string lower = AsciiLower(TrimKiel(text));
  for (std::size_t i = 0; i < kAidTypeNames.size(); ++i) {
    if (lower == kAidTypeNames[i]) return static_cast<AidType>(i);
  }
  return std::nullopt;
}

namespace {

// The first "M/D/YYYY", "MM/YYYY", "MM/YY" or "DD.MM.YYYY" in a text.
std::optional<Date> FirstDateIn(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9' || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')) continue;
    int parts[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    char separator = 0;
    std::size_t j = i;
    int part = 0;
    for (; j < text.size() && part < 3; ++j) {
      char c = text[j];
      if (c >= '0' && c <= '9') {
        if (++digits[part] > 4) break;
        parts[part] = parts[part] * 10 + (c - '0');
      } else if ((c == '/' || c == '.') && digits[part] > 0 && (separator == 0 || separator == c)) {
        separator = c;
        ++part;
      } else {
        break;
      }
    }
    int count = digits[2] > 0 ? 3 : digits[1] > 0 ? 2 : 0;
    if (count == 3 && digits[2] == 4) {
      int month = separator == '/' ? parts[0] : parts[1];  // US M/D/YYYY, European D.M.YYYY
      int day = separator == '/' ? parts[1] : parts[0];
      if (month > 12 && day <= 12) std::swap(month, day);  // "16/02/2023" is D/M/YYYY
      auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
      std::string year_month = std::to_string(parts[2]) + "-" + two(month);
      if (auto date = Date::Parse(year_month + "-" + two(day))) return date;
      if (auto date = Date::Parse(year_month)) return date;  // "06/31/2022": no such day; the month holds
    } else if (count == 2 && separator == '/' && (digits[1] == 4 || digits[1] == 2)) {
      int year = digits[1] == 2 ? 2000 + parts[1] : parts[1];
      auto date = Date::Parse(std::to_string(year) + "-" + (parts[0] < 10 ? "0" : "") + std::to_string(parts[0]));
      if (date) return date;
    }
    i = j;
  }
  return std::nullopt;
}

}  // namespace

Result<KielDate> KielAnnounced(std::string_view date, std::string_view month_number,
                               std::string_view month_exists) {
  date = TrimKiel(date);
  if (date == ".") date = {};
  bool numeric = !date.empty() && date.find_first_not_of("0123456789.") == std::string_view::npos;
  if (numeric) {
    auto day = ExcelSerialDate(date);
    if (!day) return Status::InvalidArgument("is not a date (YYYY-MM-DD or an Excel day number)");
    return KielDate{*day, ""};
  }
  if (!date.empty()) {
    auto parsed = Date::Parse(date.substr(0, 10));
    if (parsed && (date.size() == 10 || date[10] == ' ' || date[10] == 'T')) return KielDate{*parsed, ""};
    // A text ("unclear", "Undisclosed"): its first date, else none; the text is kept.
    return KielDate{FirstDateIn(date), "Kiel's date: '" + std::string(date) + "'"};
  }
  if (TrimKiel(month_exists) != "True" || month_number.empty()) return KielDate{};
  int number = 0;
  auto [end, error] = std::from_chars(month_number.data(), month_number.data() + month_number.size(), number);
  if (error != std::errc() || end != month_number.data() + month_number.size() || number < 0 ||
      number > 12 * 100) {
    return Status::InvalidArgument("has no date and month number '" + std::string(month_number) +
                                   "' is not a month");
  }
  if (number == 0) return KielDate{};
  Date month = Date::FromCivil(2022 + (number - 1) / 12, static_cast<unsigned>((number - 1) % 12 + 1), 1);
  month.precision = Date::Precision::month;
  return KielDate{month, ""};
}

}  // namespace ramstein
