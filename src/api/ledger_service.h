// LedgerService: an open ledger shared by the HTTP server's threads.
//
// Requests read the model under a shared lock; a background thread polls the
// store every refresh_interval_ms and, when another process (the CLI) has
// appended events, applies them under the exclusive lock, so new data appears
// without a restart.
//
// The service also holds the store to what it acknowledged: each poll
// reads the head through a fresh connection (`probe`), and when the ledger
// on disk ends before an event already served (its write-ahead log deleted
// under the server, an older copy put in its place), or refreshing finds it
// damaged, the service fails: failure() says why, the server answers 503
// instead of stale data, and the reason is logged once.
//
// Given the ledger's signing key, the service also publishes the ledger's
// latest checkpoint (docs/formats/checkpoints.md): its Merkle tree is kept
// up to date as events arrive, and a checkpoint is signed whenever the
// ledger has grown.
//
// Thread safety: all public methods may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <shared_mutex>
#include <thread>

#include "base/clock.h"
#include "db/ledger_db.h"
#include "db/ledger_tree.h"
#include "ledger/checkpoint.h"

namespace ramstein {

inline constexpr int refresh_interval_ms = 200;
// Polls in a row whose read of the disk may fail before the service fails.
inline constexpr int probe_failures_max = 5;

class LedgerService {
 public:
  // Reads the head of the ledger on disk through a connection of its own.
  using HeadProbe = std::function<Result<StoreHead>()>;
  // Takes ownership of `db`; `clock` must outlive the service. `probe` may
  // be empty (no check against the disk beyond refreshing).
  LedgerService(std::unique_ptr<LedgerDb> db, Clock* clock, HeadProbe probe = {},
                std::optional<SigningKey> key = std::nullopt);
  ~LedgerService();
  LedgerService(const LedgerService&) = delete;
  LedgerService& operator=(const LedgerService&) = delete;

  // Runs `read` with the model held steady; returns what it returns.
  template <typename F>
  auto Read(F&& read) const {
    std::shared_lock lock(mutex_);
    return read(db_->model());
  }
  // The sequence number of the newest event applied.
  std::uint64_t sequence() const { return sequence_.load(); }
  // Today, as days since 1970-01-01 (the default date of dated reports).
  std::int32_t Today() const;
  // The ledger's full-text index; use it inside Read() (searches wait for
  // no append, and appends for no search).
  TextSearch* text_search() const { return db_->store().text_search(); }
  // Applies events appended since the last look, then checks the disk
  // still holds what was served; what the poller calls.
  Status RefreshNow();
  // Why the service stopped answering from its ledger; nullopt while sound.
  std::optional<std::string> failure() const;
  // The latest checkpoint's line (ledger/checkpoint.h), or null: no key was
  // given, the ledger is empty, or its tree could not be read.
  std::shared_ptr<const std::string> checkpoint_line() const;

 private:
  void PollLoop();

  void Fail(const std::string& reason);
  // Brings the tree up to the model's head and signs a checkpoint when it
  // grew. REQUIRES: mutex_ held exclusively.
  void PublishCheckpoint();

  std::unique_ptr<LedgerDb> db_;
  Clock* clock_;
  HeadProbe probe_;
  std::atomic<int> probe_failures_{0};
  mutable std::mutex failure_mutex_;
  std::optional<std::string> failure_;
  mutable std::shared_mutex mutex_;
  std::atomic<std::uint64_t> sequence_{0};
  std::optional<SigningKey> key_;
  LedgerTree tree_;  // under mutex_
  mutable std::mutex checkpoint_mutex_;
  std::shared_ptr<const std::string> checkpoint_line_;
  std::mutex stop_mutex_;
  std::condition_variable stop_signal_;
  bool stop_ = false;
  std::thread poller_;
};

}  // namespace ramstein
