// Event: one appended change to the ledger, and the hash chain over events.
//
// The canonical bytes of an event and the chain hash are specified in
// docs/formats/events.md precisely enough to write an independent verifier:
//   hash(n) = BLAKE2b-256(hash(n-1) || canonical_bytes(event n)), hash(0) = 32 zero bytes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ledger/record_kind.h"

namespace ramstein {

using Hash = std::array<std::uint8_t, 32>;

// A read-only view of an event; the strings belong to whoever produced the view.
struct EventView {
  std::uint64_t sequence = 0;  // 1, 2, 3, ... without gaps
  std::int64_t time_ms = 0;    // when it was appended, ms since the Unix epoch
  std::string_view author;     // who appended it
  std::uint16_t type = 0;      // a RecordKind code
  std::string_view sources;    // source ids the payload cites, sorted, '\n'-joined
  std::string_view payload;    // canonical JSON of the record
  Hash hash{};                 // chain hash up to and including this event
};

struct Event {
  std::uint64_t sequence = 0;
  std::int64_t time_ms = 0;
  std::string author;
  std::uint16_t type = 0;
  std::string sources;
  std::string payload;
  Hash hash{};
  // Not stored and not hashed: the event of the version of this record
  // that this one replaces (0: a new record), which the writer knows, so
  // that a store's derived index replaces it without looking it up.
  std::uint64_t replaces = 0;

  EventView view() const { return {sequence, time_ms, author, type, sources, payload, hash}; }
};

// Appends the canonical bytes of `event` (everything but its hash) to `out`.
void AppendCanonicalBytes(const EventView& event, std::string& out);

// hash(previous || canonical bytes of event). `scratch` is reused between calls.
Hash ChainHash(const Hash& previous, const EventView& event, std::string& scratch);

// Lower-case hex of `size` bytes, and of a hash.
std::string ToHex(const std::uint8_t* bytes, std::size_t size);
std::string HashToHex(const Hash& hash);

// Recomputes a chain event by event. Report the first event that does not
// follow: a wrong sequence number, or a stored hash that differs from the
// recomputed one.
class ChainVerifier {
 public:
  ChainVerifier() = default;
  // Starts after a known event instead of at the genesis.
  ChainVerifier(std::uint64_t last_sequence, const Hash& last_hash)
      : last_sequence_(last_sequence), last_hash_(last_hash) {}
  // Returns Corruption naming the event if it does not continue the chain.
  Status Next(const EventView& event);
  std::uint64_t last_sequence() const { return last_sequence_; }
  const Hash& last_hash() const { return last_hash_; }

 private:
  std::uint64_t last_sequence_ = 0;
  Hash last_hash_{};
  std::string scratch_;
};

}  // namespace ramstein
