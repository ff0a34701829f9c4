// libFuzzer target: the UkraineAidTracker US package list parser.
#include <cstdint>
#include <string_view>

#include "io/ukraine_aid_tracker/us_packages.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rows = ParseUsPackages(text, "fuzz.json");
  if (!rows.ok()) return 0;
  for (const UsPackageRow& row : *rows) {
    // Accepted rows are whole: a day, non-negative amounts.
    if (row.row == 0 || row.date.precision != Date::Precision::day) __builtin_trap();
    for (const auto& cents : {row.pda_usd_cents, row.usai_usd_cents, row.fmf_usd_cents}) {
      if (cents && *cents < 0) __builtin_trap();
    }
  }
  return 0;
}
