// libFuzzer target: the reader of a model's snapshot bytes
// (Model::ReadSnapshot), past the digest that guards them in a store.
// Whatever the bytes, an error or a model; a model it accepts must write
// back to bytes that read to the same model, and answer the reports that
// read its records and its line table.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/model.h"
#include "query/reports.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  static const FxRates rates;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto model = Model::ReadSnapshot(bytes, &rates, 1);
  if (!model.ok()) return 0;
  std::string written;
  (*model)->WriteSnapshot(&written);
  auto again = Model::ReadSnapshot(written, &rates, 1);
  if (!again.ok()) std::abort();
  std::string rewritten;
  (*again)->WriteSnapshot(&rewritten);
  if (rewritten != written) std::abort();
  (void)DonorsReport(**model);
  (void)HoldsReport(**model, 20000);
  return 0;
}
