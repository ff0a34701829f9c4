// RecordKind: the kinds of record the ledger holds. The numbers are the
// persisted event type codes (docs/formats/events.md): never renumber, and
// keep retired numbers as gaps.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ramstein {

enum class RecordKind : std::uint16_t {
  source = 1,
  actor = 2,
  person = 3,
  role = 4,
  forum = 5,
  membership = 6,
  chair = 7,
  meeting = 8,
  attendance = 9,
  item = 10,
  measure = 11,
  status = 12,
  delivery = 13,
  hold = 14,
  resumption = 15,
  authority = 16,
  balance = 17,
  requirement = 18,
  claim = 19,
  figure = 20,
  release = 21,
  migration = 22,
};

inline constexpr std::uint16_t kRecordKindMax = 22;

// The name used in JSON Lines ("kind" field) and in reports.
std::string_view RecordKindName(RecordKind kind);
std::optional<RecordKind> RecordKindFromName(std::string_view name);
std::optional<RecordKind> RecordKindFromCode(std::uint16_t code);

}  // namespace ramstein
