// LedgerDb: an open ledger: its event store, and the model rebuilt from it.
// The only path by which anything is written: records are checked against
// the model, encoded, hash-chained, appended in one transaction, and only
// then applied to the model.
//
// Thread safety: not thread-safe; one thread (or a caller-held lock) at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "db/ledger_snapshot.h"
#include "fx/fx_rates.h"
#include "model/model.h"
#include "store/event_store.h"

namespace ramstein {

// A record of a batch that failed its checks.
struct RecordError {
  std::size_t index = 0;  // position in the batch
  Status status;
};

struct AppendSummary {
  std::uint64_t first_sequence = 0;
  std::uint64_t last_sequence = 0;
  std::size_t records = 0;
  bool snapshot_written = false;  // the append was followed by a snapshot
  // Wall time of each step: encoding, writing (one transaction, synced)
  // and applying the events to the model, which overlap; then waiting for
  // the model to apply what was left when the store committed; the
  // snapshot.
  std::int64_t store_ms = 0, apply_ms = 0, snapshot_ms = 0;
};

struct VerifySummary {
  std::uint64_t events = 0;
  Hash head{};
  // The snapshot found to hold the model its events build (0: none stored
  // that an opening would use).
  std::uint64_t snapshot_checked = 0;
};

struct OpenOptions {
  // Start from the newest usable snapshot (db/ledger_snapshot.h) and replay
  // only the events after it; false replays every event.
  bool use_snapshot = true;
  // Write a snapshot when an append leaves at least this many events after
  // the newest one (0: never; the store must be writable).
  std::uint64_t snapshot_events_min = 65'536;
  // Threads that decode a snapshot.
  unsigned threads = 2;
};

class LedgerDb {
 public:
  // Takes ownership of `store`. `rates` and `clock` must outlive the LedgerDb.
  // Rebuilds the model: from the newest usable snapshot and the events
  // after it, or from every stored event. Every replayed event is checked
  // against the hash chain, continuing from the snapshot's head.
  static Result<std::unique_ptr<LedgerDb>> Open(std::unique_ptr<EventStore> store,
                                                const FxRates* rates, Clock* clock,
                                                const OpenOptions& options = {});

  // Checks every record; returns the errors (at most `errors_max`) and
  // changes nothing if there are any.
  std::vector<RecordError> Check(const std::vector<Record>& records,
                                 std::size_t errors_max = 50) const;

  // Check(), then appends all records as one transaction and applies them.
  // On failure nothing is written: returns DataError ("record N: ...") for a
  // record that fails its checks, Conflict if another writer went first.
  Result<AppendSummary> Append(std::vector<Record> records, const std::string& author);

  // Append() without the checks. REQUIRES: Check(records) returned no
  // errors and nothing was appended since. The records are applied to the
  // model while the store writes them; if the store then fails, the model
  // is built again from the store (as Open() does) before the error is
  // returned, and when that fails too the error says to open the ledger
  // again.
  Result<AppendSummary> AppendChecked(std::vector<Record> records, const std::string& author);

  // Applies events other processes appended since this one last looked.
  Status Refresh();

  // Recomputes the hash chain of the whole store, checks that every payload
  // is canonical and that every record passes its checks when replayed, and
  // that the chain ends at the recorded head, and that the snapshot an
  // opening would start from holds the model the events build. Returns
  // Corruption naming the first event (or the snapshot) that fails.
  Result<VerifySummary> Verify();
  // The same for a store no model was built from: every event is checked
  // before the replay applies it, so a damaged ledger is reported, never
  // applied. Also checks that authors are valid UTF-8.
  static Result<VerifySummary> VerifyStore(EventStore& store, const FxRates* rates);

  // The model as it stood right after event `sequence` (a release's view),
  // rebuilt from the store; the ledger's own model is untouched. NotFound
  // when the ledger has fewer events.
  Result<std::unique_ptr<Model>> ModelAt(std::uint64_t sequence);

  const Model& model() const { return *model_; }
  EventStore& store() { return *store_; }
  const StoreHead& head() const { return head_; }

  // Writes a snapshot of the model as it stands now.
  Status WriteSnapshot();
  // The event the model was opened from a snapshot at (0: replayed from
  // the first event), and why newer snapshots were passed over.
  std::uint64_t opened_from_snapshot() const { return opened_from_snapshot_; }
  const SnapshotLoad& snapshot_load() const { return snapshot_load_; }
  // The sequence of the newest snapshot this process knows of (written or
  // opened from), 0 for none.
  std::uint64_t snapshot_sequence() const { return snapshot_sequence_; }

 private:
  LedgerDb(std::unique_ptr<EventStore> store, const FxRates* rates, Clock* clock);
  // Builds the model from nothing: the newest usable snapshot and the
  // events after it, or every event (options_.use_snapshot).
  Status Load();
  Status ApplyStored(const EventView& event, Model& model);
  // AppendChecked's write: encodes, stores and applies `records` (moved
  // out) on three threads. Returns the store's error, with the model built
  // again from the store when it already held some of the batch; on
  // success sets the chain's last hash, the model's verdict (`applied`)
  // and the summary's store and apply times.
  Status StoreAndApply(std::vector<Record>& records, const std::string& author, std::int64_t now_ms,
                       Hash* last_hash, Status* applied, AppendSummary* summary);

  std::unique_ptr<EventStore> store_;
  const FxRates* rates_;
  Clock* clock_;
  std::unique_ptr<Model> model_;
  StoreHead head_;
  OpenOptions options_;
  SnapshotLoad snapshot_load_;
  std::uint64_t opened_from_snapshot_ = 0;
  std::uint64_t snapshot_sequence_ = 0;
};

// The '\n'-joined, sorted, distinct source ids a record's evidence cites.
std::string CitedSources(const Record& record);

}  // namespace ramstein
