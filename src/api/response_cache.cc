#include "api/response_cache.h"

namespace ramstein {

std::optional<CachedResponse> ResponseCache::Get(const std::string& key, std::uint64_t sequence) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.response.sequence != sequence) return std::nullopt;
  return it->second.response;
}

Result<CachedResponse> ResponseCache::GetOrCompute(const std::string& key, std::uint64_t sequence,
                                                   const std::function<Result<CachedResponse>()>& compute) {
  std::shared_ptr<std::promise<Result<CachedResponse>>> promise;
  std::shared_future<Result<CachedResponse>> answer;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.response.sequence == sequence) return it->second.response;
    auto flight = flights_.find(key);
    if (flight != flights_.end() && flight->second.sequence == sequence) {
      answer = flight->second.answer;
    } else {
      promise = std::make_shared<std::promise<Result<CachedResponse>>>();
      answer = promise->get_future().share();
      flights_[key] = Flight{sequence, answer};
    }
  }
  if (!promise) return answer.get();
  Result<CachedResponse> computed = Status::IoError("the answer was not computed");
  try {
    computed = compute();
  } catch (...) {
    computed = Status::IoError("internal error while computing the answer");
  }
  {
    std::lock_guard lock(mutex_);
    if (computed.ok()) Put(key, *computed);
    auto flight = flights_.find(key);
    if (flight != flights_.end() && flight->second.sequence == sequence) flights_.erase(flight);
  }
  promise->set_value(computed);
  return computed;
}

void ResponseCache::Put(const std::string& key, const CachedResponse& response) {
  if (auto it = entries_.find(key); it != entries_.end()) {
    bytes_ -= it->second.response.bytes();
    order_.erase(it->second.age);
    entries_.erase(it);
  }
  std::size_t size = response.bytes();
  if (size > bytes_max_ / 4) return;
  // Answers of an older ledger will not be asked for again; then the oldest.
  if (bytes_ + size > bytes_max_) {
    for (auto it = order_.begin(); it != order_.end();) {
      auto entry = entries_.find(*it);
      if (entry->second.response.sequence == response.sequence) {
        ++it;
        continue;
      }
      bytes_ -= entry->second.response.bytes();
      entries_.erase(entry);
      it = order_.erase(it);
    }
  }
  while (bytes_ + size > bytes_max_ && !order_.empty()) {
    auto entry = entries_.find(order_.front());
    bytes_ -= entry->second.response.bytes();
    entries_.erase(entry);
    order_.pop_front();
  }
  order_.push_back(key);
  entries_[key] = Entry{response, std::prev(order_.end())};
  bytes_ += size;
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t ResponseCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace ramstein
