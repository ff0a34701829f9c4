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
};

struct VerifySummary {
  std::uint64_t events = 0;
  Hash head{};
};

class LedgerDb {
 public:
  // Takes ownership of `store`. `rates` and `clock` must outlive the LedgerDb.
  // Rebuilds the model from every stored event.
  static Result<std::unique_ptr<LedgerDb>> Open(std::unique_ptr<EventStore> store,
                                                const FxRates* rates, Clock* clock);

  // Checks every record; returns the errors (at most `errors_max`) and
  // changes nothing if there are any.
  std::vector<RecordError> Check(const std::vector<Record>& records,
                                 std::size_t errors_max = 50) const;

  // Check(), then appends all records as one transaction and applies them.
  // On failure nothing is written: returns DataError ("record N: ...") for a
  // record that fails its checks, Conflict if another writer went first.
  Result<AppendSummary> Append(std::vector<Record> records, const std::string& author);

  // Append() without the checks. REQUIRES: Check(records) returned no
  // errors and nothing was appended since.
  Result<AppendSummary> AppendChecked(std::vector<Record> records, const std::string& author);

  // Applies events other processes appended since this one last looked.
  Status Refresh();

  // Recomputes the hash chain of the whole store, checks that every payload
  // is canonical and that every record passes its checks when replayed, and
  // that the chain ends at the recorded head. Returns Corruption naming the
  // first event that fails.
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

 private:
  LedgerDb(std::unique_ptr<EventStore> store, const FxRates* rates, Clock* clock);
  Status ApplyStored(const EventView& event, Model& model);

  std::unique_ptr<EventStore> store_;
  const FxRates* rates_;
  Clock* clock_;
  std::unique_ptr<Model> model_;
  StoreHead head_;
};

// The '\n'-joined, sorted, distinct source ids a record's evidence cites.
std::string CitedSources(const Record& record);

}  // namespace ramstein
