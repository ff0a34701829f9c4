// Event: one appended change to the ledger, and the hash chain over events.
//
// The entry bytes of an event and the chain hash are specified in
// docs/formats/events.md precisely enough to write an independent verifier:
//   hash(n) = BLAKE2b-256(hash(n-1) || entry(event n)), hash(0) = 32 zero bytes.
// Format 1's entry is the whole event. Format 2's is its header (sequence,
// time, kind, author) and a salted digest of its payload, so that an extract
// may withhold a payload and still be checked end to end.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ledger/record_kind.h"
#include "ledger/search_document.h"

namespace ramstein {

using Hash = std::array<std::uint8_t, 32>;
// Random bytes mixed into a format-2 payload's digest, withheld with the
// payload: without them a withheld record cannot be confirmed by guessing.
using Salt = std::array<std::uint8_t, 16>;

// The event encodings a ledger may hold: all its events have one.
enum class EventFormat : std::uint8_t { v1 = 1, v2 = 2 };

// A read-only view of an event; the strings belong to whoever produced the view.
struct EventView {
  std::uint64_t sequence = 0;  // 1, 2, 3, ... without gaps
  std::int64_t time_ms = 0;    // when it was appended, ms since the Unix epoch
  std::string_view author;     // who appended it
  std::uint16_t type = 0;      // a RecordKind code
  std::string_view sources;    // source ids the payload cites, sorted, '\n'-joined
  std::string_view payload;    // canonical JSON of the record
  Hash hash{};                 // chain hash up to and including this event
  EventFormat format = EventFormat::v2;
  Salt salt{};  // format 2 only
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
  // Not stored and not hashed either: what a store's full-text index holds
  // of the record, made by the writer from the record it encoded (on the
  // encoder's thread); without it, the index decodes the payload for it.
  std::optional<SearchDocument> search;
  EventFormat format = EventFormat::v2;
  Salt salt{};  // format 2 only

  EventView view() const { return {sequence, time_ms, author, type, sources, payload, hash, format, salt}; }
  // A copy that owns its strings (replaces: 0).
  static Event Of(const EventView& view);
};

// What format 2's chain covers of an event: everything but the payload,
// which it covers through the digest.
struct EventHeader {
  std::uint64_t sequence = 0;
  std::int64_t time_ms = 0;
  std::uint16_t type = 0;
  std::string_view author;
  Hash payload_digest{};
};

// BLAKE2b-256(salt || payload): what format 2 commits to of a payload.
Hash PayloadDigest(const Salt& salt, std::string_view payload);
// Fresh random salt (libsodium's randombytes), one, or one for each of
// `salts` drawn at once (one system call for a chunk of events).
Salt RandomSalt();
void RandomSalts(Salt* salts, std::size_t count);
// The header of a format-2 event, its payload digested.
EventHeader HeaderOf(const EventView& event);

// Appends the entry bytes of a format-2 header to `out`.
void AppendHeaderBytes(const EventHeader& header, std::string& out);
// Appends the entry bytes of `event` (in its format) to `out`: what the
// chain links and the Merkle tree's leaves hash.
void AppendCanonicalBytes(const EventView& event, std::string& out);

// hash(previous || entry bytes). `scratch` is reused between calls.
Hash ChainHash(const Hash& previous, const EventView& event, std::string& scratch);
Hash ChainHashOfHeader(const Hash& previous, const EventHeader& header, std::string& scratch);

// Lower-case hex of `size` bytes, and of a hash.
std::string ToHex(const std::uint8_t* bytes, std::size_t size);
std::string HashToHex(const Hash& hash);
template <std::size_t N>
std::string ToHex(const std::array<std::uint8_t, N>& bytes) {
  return ToHex(bytes.data(), N);
}
// Exactly `size` bytes from their lower-case hex into `out`; false for
// anything else (another length, upper case, a non-hex digit).
bool FromHex(std::string_view hex, std::uint8_t* out, std::size_t size);
template <std::size_t N>
bool FromHex(std::string_view hex, std::array<std::uint8_t, N>& out) {
  return FromHex(hex, out.data(), N);
}

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
  // The same for a format-2 event known only by its header and stored hash
  // (an extract that withholds its payload).
  Status NextHeader(const EventHeader& header, const Hash& stored);
  std::uint64_t last_sequence() const { return last_sequence_; }
  const Hash& last_hash() const { return last_hash_; }

 private:
  std::uint64_t last_sequence_ = 0;
  Hash last_hash_{};
  Status Follow(std::uint64_t sequence, const Hash& computed, const Hash& stored);

  std::string scratch_;
};

}  // namespace ramstein
