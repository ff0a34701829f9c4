// libFuzzer target: the extract reader (db/extract.h). Whatever the bytes,
// it returns an error or a checked extract, never crashes; an extract it
// accepts has as many events in its tree as its first line says.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "db/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto checked = VerifyExtract(text, "fuzz");
  if (!checked.ok()) return 0;
  if (checked->tree.size() != checked->summary.events) std::abort();
  if (checked->tree.tree.Root() != checked->summary.root) std::abort();
  return 0;
}
