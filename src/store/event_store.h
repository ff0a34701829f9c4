// EventStore: where the ledger's events live. The interface every backend
// (SQLite now, PostgreSQL later) implements; nothing above store/ knows which.
//
// Thread safety: one EventStore object is used by one thread at a time.
// Several processes may open the same ledger; Append() detects another
// writer's events and refuses (Conflict) instead of forking the chain.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ledger/event.h"
#include "ledger/text_search.h"

namespace ramstein {

struct StoreHead {
  std::uint64_t sequence = 0;  // 0 for an empty ledger
  Hash hash{};                 // chain hash of that event (zeros when empty)
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  // Appends `events` as one transaction, durable when this returns ok: all of
  // them or, on any error, none. REQUIRES: events[i].sequence == head + 1 + i
  // and hashes computed over the chain. Returns Conflict when the stored head
  // is not `expected_head` (another writer went first).
  virtual Status Append(const StoreHead& expected_head, std::span<const Event> events) = 0;

  // The same for `count` events produced one at a time by `event_at(i)`,
  // i = 0, 1, ... in order; the reference it returns need only stay valid
  // until the next call. Lets a large batch be encoded while it is written.
  using EventProducer = std::function<const Event&(std::size_t index)>;
  virtual Status AppendProduced(const StoreHead& expected_head, std::size_t count,
                                const EventProducer& event_at) = 0;

  // Calls `visit` for each event with sequence > `after`, in sequence order,
  // stopping at the first non-ok Status it returns. The views are valid only
  // during the call.
  virtual Status Scan(std::uint64_t after,
                      const std::function<Status(const EventView&)>& visit) = 0;

  // The head recorded with the last committed transaction.
  virtual Result<StoreHead> Head() = 0;
  // The encoding of every event this store holds (docs/formats/events.md);
  // Append refuses events of another.
  virtual EventFormat format() const = 0;
  // The full-text index the store keeps in step with its events, or null
  // for a store without one. May be used by several threads at once.
  virtual TextSearch* text_search() { return nullptr; }

  // Snapshots of the model (docs/formats/snapshots.md): derived data kept
  // beside the events, outside the chain, each under the sequence of the
  // event it stands at; the store holds their bytes and nothing else.
  // WriteSnapshot stores `bytes` durably, in a transaction of its own,
  // replacing one at the same sequence and keeping the `keep` newest.
  // A store without snapshots writes none (InvalidArgument) and lists none.
  virtual Status WriteSnapshot(std::uint64_t sequence, std::string_view bytes, std::size_t keep) {
    (void)sequence, (void)bytes, (void)keep;
    return Status::InvalidArgument("this store keeps no snapshots");
  }
  // The sequences of the stored snapshots, newest first.
  virtual Result<std::vector<std::uint64_t>> Snapshots() { return std::vector<std::uint64_t>{}; }
  // The bytes of the snapshot at `sequence`; NotFound when there is none.
  virtual Result<std::string> ReadSnapshot(std::uint64_t sequence) {
    return Status::NotFound("no snapshot at event " + std::to_string(sequence));
  }
};

}  // namespace ramstein
