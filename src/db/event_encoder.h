// EventEncoder: turns a checked batch of records into chained events on a
// background thread, chunk by chunk, while the store writes the events
// already encoded. Encoding (canonical JSON, cited sources, BLAKE2b) and
// writing (SQLite) then overlap on two cores.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ledger/event.h"
#include "ledger/records.h"
#include "ledger/text_search.h"
#include "model/model.h"

namespace ramstein {

inline constexpr std::size_t encode_chunk_events = 1024;
inline constexpr std::size_t encode_chunks_ahead_max = 8;

// The event each record of a batch to be appended as events first_sequence,
// first_sequence + 1, ... replaces: the latest version of its id, earlier
// in the batch or else in `model`; 0 for a new id.
std::vector<std::uint64_t> ReplacedEvents(const std::vector<Record>& records, const Model& model,
                                          std::uint64_t first_sequence);

class EventEncoder {
 public:
  // Starts encoding records[i] as event first_sequence + i, chained from
  // `previous`, each saying which event it replaces (Event::replaces =
  // replaces[i], from ReplacedEvents()). `records` and `replaces` must
  // outlive the encoder; a record must stay unchanged until the event of
  // the first record of the chunk after its own was asked for (At()),
  // then the encoder reads it no more. Events are of `format`, format 2's
  // each with fresh random salt. `words` (may be null; used by the
  // encoder's thread alone until it is destroyed) reads the words of each
  // event's search document.
  EventEncoder(const std::vector<Record>& records, const std::vector<std::uint64_t>& replaces,
               std::uint64_t first_sequence, const Hash& previous, std::int64_t time_ms, std::string author,
               EventFormat format, SearchWordReader* words = nullptr);
  ~EventEncoder();
  EventEncoder(const EventEncoder&) = delete;
  EventEncoder& operator=(const EventEncoder&) = delete;

  // The event of records[index]; valid until At() is called for a later
  // chunk. REQUIRES: indexes asked in increasing order.
  const Event& At(std::size_t index);
  // The chain hash of the last event. REQUIRES: every event was asked for.
  const Hash& last_hash() const { return last_hash_; }

 private:
  void Run();

  const std::vector<Record>& records_;
  const std::vector<std::uint64_t>& replaces_;
  std::uint64_t first_sequence_;
  Hash previous_;
  Hash last_hash_{};
  std::int64_t time_ms_;
  std::string author_;
  EventFormat format_;
  SearchWordReader* words_;

  std::mutex mutex_;
  std::condition_variable ready_;          // a chunk was encoded
  std::condition_variable space_;          // a chunk was consumed
  std::deque<std::vector<Event>> chunks_;  // encoded, not yet consumed
  std::size_t chunks_consumed_ = 0;
  std::vector<Event> current_;  // the chunk At() is reading
  std::size_t current_chunk_ = SIZE_MAX;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace ramstein
