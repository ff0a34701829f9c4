#include "ledger/record_kind.h"

#include <array>

namespace ramstein {

namespace {
constexpr std::array<std::string_view, kRecordKindMax + 1> kNames = {
    "",      "source",     "actor",      "person",  "role",        "forum",  "membership",
    "chair", "meeting",    "attendance", "item",    "measure",     "status", "delivery",
    "hold",  "resumption", "authority",  "balance", "requirement", "claim",
    "figure", "release",    "migration",
};
}  // namespace

std::string_view RecordKindName(RecordKind kind) {
  return kNames[static_cast<std::size_t>(kind)];
}

std::optional<RecordKind> RecordKindFromName(std::string_view name) {
  for (std::uint16_t code = 1; code <= kRecordKindMax; ++code) {
    if (kNames[code] == name) return static_cast<RecordKind>(code);
  }
  return std::nullopt;
}

std::optional<RecordKind> RecordKindFromCode(std::uint16_t code) {
  if (code < 1 || code > kRecordKindMax) return std::nullopt;
  return static_cast<RecordKind>(code);
}

}  // namespace ramstein
