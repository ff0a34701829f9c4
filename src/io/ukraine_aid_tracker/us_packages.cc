#include "io/ukraine_aid_tracker/us_packages.h"

#include <simdjson.h>

#include "io/ukraine_aid_tracker/json_rows.h"

#include <tuple>
#include <utility>

namespace ramstein {

namespace {

constexpr std::size_t kFieldsRequired = 7;  // positions 0..6
constexpr std::size_t kErrorsListed = 20;
// Above any assistance package ever announced (US$ 10 trillion in millions).
constexpr std::int64_t kMillionsMax = 10'000'000;

// "1,250" or "1250" -> 1250; nullopt for anything else (signs, decimals,
// misplaced separators, too large).
std::optional<std::int64_t> WholeMillions(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  std::size_t group = 0;  // digits since the start or the last separator
  bool grouped = false;
  for (char c : text) {
    if (c == ',') {
      // The first group has 1..3 digits, every later one exactly 3.
      if (group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
      grouped = true;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
    ++group;
  }
  if (grouped && group != 3) return std::nullopt;
  if (value > kMillionsMax) return std::nullopt;
  return value;
}

}  // namespace

Result<std::vector<UsPackageRow>> ParseUsPackages(std::string_view json, const std::string& file_name) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::array rows;
  if (parser.parse(padded).get_array().get(rows) != simdjson::SUCCESS) {
    return Status::DataError(file_name + ": not a JSON array of rows");
  }
  auto ranges = JsonRowRanges(padded, kFieldsRequired);
  if (ranges.size() != rows.size()) return Status::DataError(file_name + ": not a JSON array of rows");
  std::vector<UsPackageRow> out;
  std::vector<std::string> errors;
  std::size_t bad_rows = 0;
  std::size_t position = 0;
  for (simdjson::dom::element element : rows) {
    ++position;
    std::string where = file_name + ": row " + std::to_string(position);
    auto fail = [&](const std::string& message) {
      if (errors.size() < kErrorsListed) errors.push_back(where + ": " + message);
    };
    simdjson::dom::array fields;
    if (element.get_array().get(fields) != simdjson::SUCCESS) {
      ++bad_rows;
      fail("not an array of fields");
      continue;
    }
    std::vector<std::string_view> cells;
    bool strings = true;
    for (simdjson::dom::element field : fields) {
      std::string_view text;
      if (field.get_string().get(text) != simdjson::SUCCESS) strings = false;
      cells.push_back(text);
    }
    if (!strings || cells.size() < kFieldsRequired) {
      ++bad_rows;
      fail(!strings ? "every field is a string" : "has " + std::to_string(cells.size()) + " fields, needs at least 7");
      continue;
    }
    UsPackageRow row;
    row.row = position;
    std::tie(row.begin_byte, row.end_byte) = ranges[position - 1];
    bool row_ok = true;
    auto date = Date::Parse(cells[0]);
    if (!date || date->precision != Date::Precision::day) {
      row_ok = false;
      fail("field 0 (date): '" + std::string(cells[0].substr(0, 40)) + "' is not YYYY-MM-DD");
    } else {
      row.date = *date;
    }
    const std::pair<std::size_t, const char*> amounts[] = {{1, "PDA"}, {2, "USAI"}, {3, "FMF"}};
    std::optional<std::int64_t>* targets[] = {&row.pda_usd_cents, &row.usai_usd_cents, &row.fmf_usd_cents};
    for (std::size_t a = 0; a < 3; ++a) {
      std::string_view text = cells[amounts[a].first];
      if (text.empty()) continue;
      auto millions = WholeMillions(text);
      if (!millions) {
        row_ok = false;
        fail("field " + std::to_string(amounts[a].first) + " (" + amounts[a].second + " US$ million): '" +
             std::string(text.substr(0, 40)) + "' is not a whole number of millions");
        continue;
      }
      *targets[a] = *millions * 100'000'000;
    }
    row.release_url = cells[5];
    row.fact_sheet_url = cells[6];
    if (!row_ok) {
      ++bad_rows;
      continue;
    }
    out.push_back(std::move(row));
  }
  if (bad_rows > 0) {
    std::string message = std::to_string(bad_rows) + " bad row" + (bad_rows == 1 ? "" : "s") + "; nothing imported";
    for (const std::string& error : errors) message += "\n  " + error;
    return Status::DataError(message);
  }
  return out;
}

}  // namespace ramstein
