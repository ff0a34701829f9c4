// ModelApplier: applies a batch's records to the model on a thread of its
// own while the store is still writing their events, so that applying
// (hash-map inserts, line columns, EUR and USD conversions) overlaps the
// SQLite transaction instead of following it.
//
// The model then runs ahead of what is durable until the store commits:
// the caller holds the LedgerDb's lock for the whole append, so no reader
// sees it, and if the store fails after anything was applied the caller
// rebuilds the model from the store (LedgerDb::AppendChecked).
//
// Thread safety: Release(), Finish() and Stop() are called by one thread;
// the records and the model belong to the applier's thread between
// construction and Finish()/Stop(), except records the caller has not yet
// released, which it may still read (and must not change).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/status.h"
#include "ledger/records.h"
#include "model/model.h"

namespace ramstein {

class ModelApplier {
 public:
  // Applies records[i] as event first_sequence + i once released, moving
  // it out of `records`. `model` and `records` must outlive the applier.
  ModelApplier(Model& model, std::vector<Record>& records, std::uint64_t first_sequence, std::int64_t time_ms,
               std::string author);
  // Stops (Stop()) if neither Finish() nor Stop() was called.
  ~ModelApplier();
  ModelApplier(const ModelApplier&) = delete;
  ModelApplier& operator=(const ModelApplier&) = delete;

  // Records [0, end) may be applied: the caller is done reading them.
  // Ends never move backwards. REQUIRES: end <= records.size().
  void Release(std::size_t end);
  // Releases every record, waits until each is applied and returns the
  // first Apply() failure, naming its event ("event N: ...").
  Status Finish();
  // Applies nothing more and waits for the thread; returns how many
  // records were applied (0: the model is as it was).
  std::size_t Stop();

 private:
  void Run();

  Model& model_;
  std::vector<Record>& records_;
  const std::uint64_t first_sequence_;
  const std::int64_t time_ms_;
  const std::string author_;

  std::mutex mutex_;
  std::condition_variable released_;
  std::size_t released_end_ = 0;  // guarded by mutex_
  bool stop_ = false;             // guarded by mutex_
  std::size_t applied_ = 0;       // written by the thread, read after join
  Status status_;                 // likewise
  std::thread worker_;
};

}  // namespace ramstein
