// libFuzzer target: a stored payload. The first byte picks the record kind.
// The canonical reader accepts exactly one spelling of each record, so any
// payload it accepts must encode back to the very same bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ledger/record_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  if (size < 1) return 0;
  auto kind = RecordKindFromCode(static_cast<std::uint16_t>(data[0] % kRecordKindMax + 1));
  std::string_view payload(reinterpret_cast<const char*>(data + 1), size - 1);
  auto record = DecodePayload(*kind, payload);
  if (!record.ok()) return 0;
  if (EncodePayload(record.value()) != payload) std::abort();
  return 0;
}
