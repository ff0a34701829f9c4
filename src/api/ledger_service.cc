#include "api/ledger_service.h"

#include <cstdio>

namespace ramstein {

LedgerService::LedgerService(std::unique_ptr<LedgerDb> db, Clock* clock, HeadProbe probe,
                             std::optional<SigningKey> key)
    : db_(std::move(db)),
      clock_(clock),
      probe_(std::move(probe)),
      sequence_(db_->head().sequence),
      key_(std::move(key)),
      poller_([this] { PollLoop(); }) {
  // Published before the first request is answered.
  std::unique_lock lock(mutex_);
  PublishCheckpoint();
}

void LedgerService::PublishCheckpoint() {
  if (!key_ || tree_.size() == db_->head().sequence) return;
  Status extended = ExtendLedgerTree(db_->store(), tree_);
  if (!extended.ok() || tree_.size() == 0 || tree_.chain.back() != db_->head().hash) {
    std::fprintf(stderr, "ramstein serve: no checkpoint published: %s\n",
                 extended.ok() ? "the tree read does not end at the head served" : extended.message().c_str());
    tree_ = LedgerTree();
    std::lock_guard lock(checkpoint_mutex_);
    checkpoint_line_.reset();
    return;
  }
  Checkpoint checkpoint = tree_.At(tree_.size(), clock_->NowMs());
  key_->Sign(checkpoint);
  auto line = std::make_shared<const std::string>(CheckpointLine(checkpoint));
  std::lock_guard lock(checkpoint_mutex_);
  checkpoint_line_ = std::move(line);
}

std::shared_ptr<const std::string> LedgerService::checkpoint_line() const {
  std::lock_guard lock(checkpoint_mutex_);
  return checkpoint_line_;
}

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
  Status status;
  {
    std::unique_lock lock(mutex_);
    status = db_->Refresh();
    sequence_ = db_->head().sequence;
    if (status.ok()) PublishCheckpoint();
  }
  if (status.code() == Status::Code::corruption) Fail(status.message());
  if (!status.ok() || !probe_) return status;
  auto disk = probe_();
  if (!disk.ok()) {
    // Damage fails at once; any other error once it has lasted a second
    // (a ledger that cannot be read from disk may no longer be the one served).
    if (disk.status().code() == Status::Code::corruption || ++probe_failures_ >= probe_failures_max) {
      Fail("the ledger can no longer be read from disk: " + disk.status().message());
    }
    return disk.status();
  }
  probe_failures_ = 0;
  if (disk->sequence < sequence_.load()) {
    Fail("the ledger on disk ends at event " + std::to_string(disk->sequence) + ", but event " +
         std::to_string(sequence_.load()) + " was served: acknowledged events were lost");
  }
  return Status::Ok();
}

void LedgerService::Fail(const std::string& reason) {
  std::lock_guard lock(failure_mutex_);
  if (failure_) return;
  failure_ = reason;
  std::fprintf(stderr, "ramstein serve: FAILED, answering 503 from now on: %s\n", reason.c_str());
}

std::optional<std::string> LedgerService::failure() const {
  std::lock_guard lock(failure_mutex_);
  return failure_;
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
