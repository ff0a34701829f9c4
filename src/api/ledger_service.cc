#include "api/ledger_service.h"

#include <cstdio>

namespace ramstein {

LedgerService::LedgerService(std::unique_ptr<LedgerDb> db, Clock* clock)
    : db_(std::move(db)), clock_(clock), sequence_(db_->head().sequence), poller_([this] { PollLoop(); }) {}

LedgerService::~LedgerService() {
  {
    std::lock_guard lock(stop_mutex_);
    stop_ = true;
  }
  stop_signal_.notify_all();
  poller_.join();
}

std::int32_t LedgerService::Today() const { return static_cast<std::int32_t>(clock_->NowMs() / 86'400'000); }

Status LedgerService::RefreshNow() {
  std::unique_lock lock(mutex_);
  Status status = db_->Refresh();
  sequence_ = db_->head().sequence;
  return status;
}

void LedgerService::PollLoop() {
  std::unique_lock lock(stop_mutex_);
  while (!stop_signal_.wait_for(lock, std::chrono::milliseconds(refresh_interval_ms), [&] { return stop_; })) {
    lock.unlock();
    Status status = RefreshNow();
    if (!status.ok()) std::fprintf(stderr, "ramstein serve: refresh failed: %s\n", status.ToString().c_str());
    lock.lock();
  }
}

}  // namespace ramstein
