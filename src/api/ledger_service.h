// LedgerService: an open ledger shared by the HTTP server's threads.
//
// Requests read the model under a shared lock; a background thread polls the
// store every refresh_interval_ms and, when another process (the CLI) has
// appended events, applies them under the exclusive lock, so new data appears
// without a restart.
//
// Thread safety: all public methods may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>

#include "base/clock.h"
#include "db/ledger_db.h"

namespace ramstein {

inline constexpr int refresh_interval_ms = 200;

class LedgerService {
 public:
  // Takes ownership of `db`; `clock` must outlive the service.
  LedgerService(std::unique_ptr<LedgerDb> db, Clock* clock);
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
  // Applies events appended since the last look; what the poller calls.
  Status RefreshNow();

 private:
  void PollLoop();

  std::unique_ptr<LedgerDb> db_;
  Clock* clock_;
  mutable std::shared_mutex mutex_;
  std::atomic<std::uint64_t> sequence_{0};
  std::mutex stop_mutex_;
  std::condition_variable stop_signal_;
  bool stop_ = false;
  std::thread poller_;
};

}  // namespace ramstein
