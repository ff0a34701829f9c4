// libFuzzer target: the settings file parser (base/config_file.h). Every
// entry it accepts must satisfy the format's contract.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/config_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto entries = ParseConfigFile(text, "fuzz.conf");
  if (!entries.ok()) return 0;
  int line = 0;
  for (const ConfigEntry& entry : *entries) {
    if (entry.key.empty() || entry.line <= line) std::abort();
    if (entry.value.find('\n') != std::string::npos) std::abort();
    line = entry.line;
  }
  return 0;
}
