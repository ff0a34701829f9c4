// libFuzzer target: one input record. Whatever the bytes, decoding must not
// crash; a record that decodes must encode to a payload that decodes again
// to the same bytes (the canonical form is a fixed point).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ledger/record_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto record = DecodeInputRecord(text);
  if (!record.ok()) return 0;
  std::string payload = EncodePayload(record.value());
  auto again = DecodePayload(KindOf(record.value()), payload);
  if (!again.ok()) std::abort();
  if (EncodePayload(again.value()) != payload) std::abort();
  VisitReferences(again.value(), [](const FieldPath& field, std::optional<RecordKind>,
                                    const std::string&) { (void)field.ToString(); });
  return 0;
}
