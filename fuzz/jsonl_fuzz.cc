// libFuzzer target: a whole JSON Lines file. Every line is either a record
// or an error naming its line; never a crash, never more errors than lines.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/jsonl_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  DecodedLines decoded = DecodeJsonLines(text, "fuzz.jsonl", "/nonexistent", 1000);
  std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  if (decoded.records.size() + decoded.errors.size() > lines) std::abort();
  if (decoded.records.size() != decoded.line_numbers.size()) std::abort();
  for (const auto& error : decoded.errors) {
    if (error.rfind("fuzz.jsonl:", 0) != 0) std::abort();
  }
  return 0;
}
