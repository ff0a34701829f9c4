#include "io/kiel_main/kiel_columns.h"

#include <algorithm>
#include <charconv>

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
      {KielColumn::measure, true, {"measure", "maal", "Measure"}},
      {KielColumn::value, false, {"tot_sub_activity_value_EUR", "verdi_eur"}},
      {KielColumn::value_redistributed, false,
       {"tot_sub_activity_value_EUR_redistr", "verdi_eur_redistr",
        "Allocated Total in EUR (redistributed)"}},
      {KielColumn::value_activity, false, {"tot_activity_value_EUR", "verdi_eur_activity"}},
      {KielColumn::month_number, false, {"maaned_nr"}},
      {KielColumn::month_exists, false, {"maaned_finnes"}},
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

std::optional<std::string> KielDonor(const Catalog& catalog, std::string_view name) {
  // Kiel's spellings that are no catalogue name.
  static constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
      {"EU (Commission and Council)", "EU"},
      {"European Union (Commission and Council)", "EU"},
      {"EU Institutions", "EU"},
      {"Turkiye", "TUR"},
      {"Turkey", "TUR"},
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

Result<std::optional<Date>> KielAnnounced(std::string_view date, std::string_view month_number,
                                          std::string_view month_exists) {
  date = TrimKiel(date);
  if (!date.empty()) {
    auto parsed = Date::Parse(date.substr(0, 10));
    if (!parsed || (date.size() > 10 && date[10] != ' ' && date[10] != 'T')) {
      return Status::InvalidArgument("is not a date (YYYY-MM-DD)");
    }
    return std::optional<Date>(*parsed);
  }
  if (TrimKiel(month_exists) != "True" || month_number.empty()) return std::optional<Date>();
  int number = 0;
  auto [end, error] = std::from_chars(month_number.data(), month_number.data() + month_number.size(), number);
  if (error != std::errc() || end != month_number.data() + month_number.size() || number < 0 ||
      number > 12 * 100) {
    return Status::InvalidArgument("has no date and month number '" + std::string(month_number) +
                                   "' is not a month");
  }
  if (number == 0) return std::optional<Date>();
  Date month = Date::FromCivil(2022 + (number - 1) / 12, static_cast<unsigned>((number - 1) % 12 + 1), 1);
  month.precision = Date::Precision::month;
  return std::optional<Date>(month);
}

}  // namespace ramstein
