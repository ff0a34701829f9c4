#include "db/model_applier.h"

#include <algorithm>
#include <utility>

#include "base/check.h"

namespace ramstein {

ModelApplier::ModelApplier(Model& model, std::vector<Record>& records, std::uint64_t first_sequence,
                           std::int64_t time_ms, std::string author)
    : model_(model),
      records_(records),
      first_sequence_(first_sequence),
      time_ms_(time_ms),
      author_(std::move(author)),
      worker_([this] { Run(); }) {}

ModelApplier::~ModelApplier() {
  if (worker_.joinable()) Stop();
}

void ModelApplier::Run() {
  std::size_t next = 0;
  while (next < records_.size()) {
    std::size_t end;
    {
      std::unique_lock lock(mutex_);
      released_.wait(lock, [&] { return stop_ || released_end_ > next; });
      if (stop_) return;
      end = released_end_;
    }
    for (; next < end; ++next) {
      const std::uint64_t sequence = first_sequence_ + next;
      Status applied = model_.Apply(sequence, time_ms_, author_, std::move(records_[next]));
      applied_ = next + 1;
      if (!applied.ok()) {
        status_ = Status::Corruption("event " + std::to_string(sequence) + ": " + applied.message());
        return;
      }
    }
  }
}

void ModelApplier::Release(std::size_t end) {
  RAMSTEIN_CHECK(end <= records_.size());
  {
    std::lock_guard lock(mutex_);
    released_end_ = std::max(released_end_, end);
  }
  released_.notify_one();
}

Status ModelApplier::Finish() {
  Release(records_.size());
  worker_.join();
  return status_;
}

std::size_t ModelApplier::Stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  released_.notify_one();
  worker_.join();
  return applied_;
}

}  // namespace ramstein
