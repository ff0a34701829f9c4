#include "io/kiel_dashboard/kiel_dashboard.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "base/decimal.h"
#include "io/dataset/csv_table.h"

namespace ramstein {

namespace {

constexpr std::string_view kPublisher = "Kiel Institute for the World Economy";

struct ValueColumn {
  std::string_view name;
  std::string_view unit;
  bool level = false;  // a stock repeated in each period's row (FigureValue::kind)
};

// How one file's rows become figures.
struct TableSpec {
  std::string_view file;
  std::string_view subject_iso;   // column holding an ISO code, or ""
  std::string_view subject_name;  // column holding a donor name, or ""
  bool monthly;                   // has "year" and "month" columns
  std::string_view category;      // column, or ""
  std::string_view label;         // column, or ""
  std::vector<ValueColumn> values;
};

const std::vector<TableSpec>& Tables() {
  static const std::vector<TableSpec> tables = {
      {"data_explorer.csv", "iso", "", true, "", "",
       {{"total", "EUR_bn"},
        {"financial", "EUR_bn"},
        {"humanitarian", "EUR_bn"},
        {"military", "EUR_bn"},
        {"commitments", "EUR_bn"},
        {"to_be_allocated", "EUR_bn"},
        {"gdp", "EUR_bn", true},
        {"pct_gdp", "percent"}}},
      {"total_allocations.csv", "", "", true, "", "",
       {{"total_allocations", "EUR_bn"},
        {"military", "EUR_bn"},
        {"financial", "EUR_bn"},
        {"humanitarian", "EUR_bn"}}},
      {"procurement_trends.csv", "", "", true, "", "",
       {{"stockpile", "EUR_bn"},
        {"procurement", "EUR_bn"},
        {"unspecified", "EUR_bn"},
        {"nato_purl", "EUR_bn"}}},
      {"weapons.csv", "", "donor", false, "category", "weapons_list",
       {{"number_of_weapons", "count"}, {"monetary_value_eur", "EUR"}}},
      {"eu_aid_shares.csv", "iso", "", false, "", "",
       {{"bilateral_pct_gdp", "percent"},
        {"eu_share_pct_gdp", "percent"},
        {"total_pct_gdp", "percent"},
        {"eu_share_bn", "EUR_bn"}}},
  };
  return tables;
}

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

struct Release {
  std::string number;  // "29"
  std::string label;   // "Ukraine Support Tracker, Release 29 (04/2026)"
  std::optional<Date> date;
};

std::optional<Release> ReadRelease(const InputFile& file, DatasetBatch* batch) {
  CsvTable table(file, batch);
  if (!table.ReadHeader({"release", "period", "date", "label"})) return std::nullopt;
  const CsvRow* row = table.Next();
  if (!row) {
    table.Error(2, "no release row");
    return std::nullopt;
  }
  Release release{std::string(table.Cell("release")), std::string(table.Cell("label")),
                  Date::Parse(table.Cell("date"))};
  if (Slug(release.number) != release.number || release.number.empty()) {
    table.CellError("release", "'" + release.number + "' is not a release number");
    return std::nullopt;
  }
  if (!release.date) table.CellError("date", "is not a date (YYYY-MM-DD)");
  return release;
}

}  // namespace

DatasetBatch ParseKielDashboard(const std::vector<InputFile>& files, const Catalog&,
                                const ParseProgress&) {
  DatasetBatch batch;
  std::map<std::string_view, std::size_t> by_name;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string_view base = BaseName(files[i].name);
    bool known = base == "release_info.csv" ||
                 std::any_of(Tables().begin(), Tables().end(),
                             [&](const TableSpec& t) { return t.file == base; });
    if (!known) {
      batch.Error(files[i].name + ":1: not a file of the Kiel dashboard data");
    } else if (!by_name.emplace(base, i).second) {
      batch.Error(files[i].name + ":1: given twice");
    }
  }
  for (std::string_view needed : {"release_info.csv", "data_explorer.csv", "total_allocations.csv",
                                  "procurement_trends.csv", "weapons.csv", "eu_aid_shares.csv"}) {
    if (!by_name.count(needed))
      batch.Error(std::string(needed) + ":1: missing from the import");
  }
  if (!batch.errors.empty()) return batch;
  std::size_t release_index = by_name.at("release_info.csv");
  auto release = ReadRelease(files[release_index], &batch);
  if (!release) return batch;
  batch.Add(FileSource("kiel-r" + release->number + "-release_info", files[release_index].text,
                       {std::string(kPublisher), release->label + ": release_info.csv",
                        std::nullopt, release->date}),
            release_index, 0);
  std::map<std::string, std::string> iso_by_name;  // from data_explorer.csv
  for (const TableSpec& spec : Tables()) {
    std::size_t index = by_name.at(spec.file);
    const InputFile& file = files[index];
    std::string stem(spec.file.substr(0, spec.file.size() - 4));
    SourceRecord source =
        FileSource("kiel-r" + release->number + "-" + stem, file.text,
                   {std::string(kPublisher), release->label + ": " + std::string(spec.file),
                    std::nullopt, release->date});
    RowQuoter quoter(file.text, source.id);
    batch.Add(std::move(source), index, 0);

    std::vector<std::string_view> required;
    for (auto column : {spec.subject_iso, spec.subject_name, spec.category, spec.label}) {
      if (!column.empty()) required.push_back(column);
    }
    if (spec.monthly) required.insert(required.end(), {"year", "month"});
    if (spec.file == "data_explorer.csv") required.push_back("country");
    for (const auto& value : spec.values) required.push_back(value.name);
    CsvTable table(file, &batch);
    if (!table.ReadHeader(required)) continue;
    std::string dataset = "kiel-r" + release->number + "/" + stem;
    while (const CsvRow* row = table.Next()) {
      FigureRecord figure;
      figure.dataset = dataset;
      std::string key = "figure:" + dataset;
      if (!spec.subject_iso.empty()) {
        figure.subject = std::string(table.Cell(spec.subject_iso));
        if (spec.file == "data_explorer.csv")
          iso_by_name[std::string(table.Cell("country"))] = *figure.subject;
      } else if (!spec.subject_name.empty()) {
        auto it = iso_by_name.find(std::string(table.Cell(spec.subject_name)));
        if (it == iso_by_name.end()) {
          table.CellError(spec.subject_name, "'" + std::string(table.Cell(spec.subject_name)) +
                                                 "' is not a country of data_explorer.csv");
          continue;
        }
        figure.subject = it->second;
      }
      if (figure.subject) key += "/" + *figure.subject;
      if (spec.monthly) {
        auto year = ParseInt(table.Cell("year"));
        auto month = ParseInt(table.Cell("month"));
        if (!year || *year < 1900 || *year > 2199 || !month || *month < 1 || *month > 12) {
          table.CellError("month", "year " + std::string(table.Cell("year")) + " month " +
                                       std::string(table.Cell("month")) + " is not a month");
          continue;
        }
        figure.period = Date::FromCivil(*year, static_cast<unsigned>(*month), 1);
        figure.period->precision = Date::Precision::month;
        key += "/" + figure.period->ToString();
      }
      if (!spec.category.empty()) {
        figure.category = std::string(table.Cell(spec.category));
        key += "/" + Slug(*figure.category);
      }
      if (!spec.label.empty() && !table.Cell(spec.label).empty())
        figure.label = std::string(table.Cell(spec.label));
      bool ok = true;
      for (const auto& column : spec.values) {
        std::string_view cell = table.Cell(column.name);
        if (!ParseDecimal(cell)) {
          table.CellError(column.name, "'" + std::string(cell.substr(0, 40)) +
                                           "' is not a plain decimal number");
          ok = false;
          continue;
        }
        figure.values.push_back({std::string(column.name), std::string(column.unit), std::string(cell),
                                 column.level ? std::optional<std::string>("level") : std::nullopt});
      }
      if (!ok) continue;
      figure.id = std::move(key);
      figure.evidence.push_back(quoter.Quote(row->begin_byte, row->end_byte));
      batch.Add(std::move(figure), index, row->number);
    }
  }
  return batch;
}

}  // namespace ramstein
