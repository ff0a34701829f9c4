// libFuzzer target: the CSV reader and the CSV importers. The input is read
// as CSV (row positions must stay in order and inside the text), then given
// to the Kiel dashboard importer as data_explorer.csv beside minimal other
// files, to the Kiel main data and Oryx importers as their file, and as a
// reviewer's answers (item_review) against a catalogue that knows every
// name; the main data is also read on three threads, which must give what
// one gives.
#include <cstdint>
#include <string>
#include <string_view>

#include <map>

#include "io/csv/csv_reader.h"
#include "io/item_review/item_review.h"
#include "io/kiel_dashboard/kiel_dashboard.h"
#include "io/kiel_main/kiel_main_csv.h"
#include "io/oryx/oryx.h"

namespace {

class EmptyCatalog : public ramstein::Catalog {
 public:
  std::optional<std::string> ActorByAlpha2(std::string_view) const override { return std::nullopt; }
  std::optional<std::string> ActorByName(std::string_view) const override { return std::nullopt; }
  const ramstein::ItemRecord* Item(std::string_view) const override { return nullptr; }
};

// Knows every donor by its name, so rows become records.
class EchoCatalog : public ramstein::Catalog {
 public:
  std::optional<std::string> ActorByAlpha2(std::string_view) const override { return std::nullopt; }
  std::optional<std::string> ActorByName(std::string_view name) const override {
    if (name.empty()) return std::nullopt;
    return std::string(name);
  }
  const ramstein::ItemRecord* Item(std::string_view) const override { return nullptr; }
};

// Knows an item by every non-empty name ("item:" + the name as its id).
class EveryItemCatalog : public EmptyCatalog {
 public:
  const ramstein::ItemRecord* Item(std::string_view name) const override {
    if (name.empty()) return nullptr;
    auto [it, added] = items_.try_emplace(std::string(name));
    if (added) {
      it->second.id = "item:" + it->first;
      it->second.name = it->first;
    }
    return &it->second;
  }

 private:
  mutable std::map<std::string, ramstein::ItemRecord, std::less<>> items_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string text(reinterpret_cast<const char*>(data), size);
  CsvReader reader(text);
  CsvRow row;
  std::size_t previous_end = 0;
  while (reader.Next(&row)) {
    if (row.begin_byte < previous_end || row.end_byte < row.begin_byte || row.end_byte > size)
      __builtin_trap();
    if (row.fields.empty()) __builtin_trap();
    previous_end = row.end_byte;
  }
  std::vector<InputFile> files = {
      {"release_info.csv", "\"release\",\"period\",\"date\",\"label\"\n\"29\",\"04/2026\",\"2026-08-04\",\"R29\"\n"},
      {"data_explorer.csv", text},
      {"total_allocations.csv", "year,month,total_allocations,military,financial,humanitarian\n"},
      {"procurement_trends.csv", "year,month,stockpile,procurement,unspecified,nato_purl\n"},
      {"weapons.csv", "donor,category,number_of_weapons,monetary_value_eur,weapons_list\n"},
      {"eu_aid_shares.csv",
       "country,iso,bilateral_pct_gdp,eu_share_pct_gdp,total_pct_gdp,eu_share_bn\n"},
  };
  EmptyCatalog catalog;
  std::vector<InputFile> one = {{"main.csv", text}};
  for (const DatasetBatch& batch :
       {ParseKielDashboard(files, catalog), ParseKielMainCsv(one, catalog), ParseOryx(one, catalog)}) {
    if (batch.records.size() != batch.origins.size()) __builtin_trap();
    for (const Record& record : batch.records) {
      for (const Evidence& evidence : CommonOf(record).evidence) {
        if (evidence.end < evidence.start) __builtin_trap();
      }
      if (const auto* figure = std::get_if<FigureRecord>(&record)) {
        if (figure->values.empty() || figure->evidence.size() != 1) __builtin_trap();
      }
    }
  }
  // Answers: each kept record is an item corrected to be the same as another,
  // and said once.
  EveryItemCatalog every_item;
  DatasetBatch answers = ParseItemMappings({{"answers.csv", text}}, every_item, {});
  if (answers.records.size() != answers.origins.size()) __builtin_trap();
  std::map<std::string, int> said;
  for (const Record& record : answers.records) {
    const auto* item = std::get_if<ItemRecord>(&record);
    if (!item || !item->same_as || !item->correction || item->correction->empty()) __builtin_trap();
    if (++said[item->id] > 1) __builtin_trap();
  }
  // Read on three threads, the main data gives what one reader gives.
  EchoCatalog echo;
  DatasetBatch single = ParseKielMainCsvOn(one, echo, {}, 1);
  DatasetBatch split = ParseKielMainCsvOn(one, echo, {}, 3);
  if (single.rows_read != split.rows_read || single.errors != split.errors || single.review != split.review ||
      single.records.size() != split.records.size())
    __builtin_trap();
  for (std::size_t i = 0; i < single.records.size(); ++i) {
    const auto& a = CommonOf(single.records[i]);
    const auto& b = CommonOf(split.records[i]);
    if (a.id != b.id || single.origins[i].row != split.origins[i].row || a.evidence.size() != b.evidence.size())
      __builtin_trap();
    for (std::size_t e = 0; e < a.evidence.size(); ++e) {
      if (a.evidence[e].start != b.evidence[e].start || a.evidence[e].quote != b.evidence[e].quote) __builtin_trap();
    }
  }
  return 0;
}
