// ParallelReplay: reads stored events and decodes their payloads on other
// threads while the caller applies them, in order, on its own.
//
// Three stages: a scanning thread copies events out of the store in chunks;
// a decoding thread turns chunks into records; the calling thread applies
// each chunk in sequence order, decoding a chunk itself when it gets there
// first. Memory is bounded by chunks_in_flight_max chunks.
#pragma once

#include <cstdint>
#include <functional>

#include "base/status.h"
#include "ledger/records.h"
#include "store/event_store.h"

namespace ramstein {

inline constexpr std::size_t replay_chunk_events = 2048;
inline constexpr std::size_t chunks_in_flight_max = 16;

struct ReplayedEvent {
  std::uint64_t sequence = 0;
  std::int64_t time_ms = 0;
  std::string author;
  std::uint16_t type = 0;
  Hash hash{};
  std::string payload;  // emptied once decoded
};

// Calls apply(event, record) for every event after `after`, in sequence
// order, on the calling thread. The scanning thread checks each event
// against the hash chain from `after` on before it goes further. Returns
// Corruption naming the event for bytes that do not match their hash, an
// unknown type, a payload that does not decode, or a gap in the sequence;
// the first error apply() returns stops the replay.
Status ParallelReplay(EventStore& store, const StoreHead& after,
                      const std::function<Status(const ReplayedEvent&, Record)>& apply);

}  // namespace ramstein
