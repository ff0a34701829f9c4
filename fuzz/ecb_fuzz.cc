// libFuzzer target: the ECB rates CSV reader, and conversions with whatever
// it accepted.
#include <cstdint>
#include <string_view>

#include "fx/fx_rates.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rates = FxRates::ParseEcbCsv(text, "fuzz.csv");
  if (!rates.ok()) return 0;
  for (std::int32_t day : {0, 10'000, 20'000}) {
    (void)rates->ToEur({123'456, Currency::Usd()}, day);
    (void)rates->ToUsd({123'456, *Currency::FromCode("GBP")}, day);
  }
  return 0;
}
