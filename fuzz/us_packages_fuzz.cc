// libFuzzer target: the UkraineAidTracker importer. The input is parsed as
// the US package list, then given to the importer as money.json and as
// commits.json against a catalogue that knows one actor and one item.
#include <cstdint>
#include <string_view>

#include "io/ukraine_aid_tracker/ukraine_aid_tracker.h"
#include "io/ukraine_aid_tracker/us_packages.h"

namespace {

class TinyCatalog : public ramstein::Catalog {
 public:
  std::optional<std::string> ActorByAlpha2(std::string_view alpha2) const override {
    if (alpha2 == "cz") return "CZE";
    return std::nullopt;
  }
  std::optional<std::string> ActorByName(std::string_view) const override { return std::nullopt; }
  TinyCatalog() {
    bmp_.id = "item:bmp-1";
    bmp_.name = "BMP-1";
    bmp_.category = "Infantry Fighting Vehicle";
  }
  const ramstein::ItemRecord* Item(std::string_view name) const override {
    return name == "BMP-1" ? &bmp_ : nullptr;
  }

 private:
  ramstein::ItemRecord bmp_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto rows = ParseUsPackages(text, "fuzz.json");
  if (rows.ok()) {
    for (const UsPackageRow& row : *rows) {
      // Accepted rows are whole: a day, non-negative amounts, a quote inside the text.
      if (row.row == 0 || row.date.precision != Date::Precision::day) __builtin_trap();
      if (row.begin_byte >= row.end_byte || row.end_byte > size) __builtin_trap();
      for (const auto& cents : {row.pda_usd_cents, row.usai_usd_cents, row.fmf_usd_cents}) {
        if (cents && *cents < 0) __builtin_trap();
      }
    }
  }
  TinyCatalog catalog;
  for (const char* name : {"money.json", "commits.json"}) {
    DatasetBatch batch = ParseUkraineAidTracker({{name, text}}, catalog);
    if (batch.records.size() != batch.origins.size()) __builtin_trap();
    for (const Record& record : batch.records) {
      for (const Evidence& evidence : CommonOf(record).evidence) {
        if (evidence.end < evidence.start) __builtin_trap();
      }
    }
  }
  return 0;
}
