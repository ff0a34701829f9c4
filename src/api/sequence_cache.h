// SequenceCache<Value>: values already computed for a ledger sequence
// number. A value is reused only while the ledger has not moved on, so a
// cached report is always the report of the current ledger.
//
// Bounded in bytes (Value::bytes()): when a value would pass bytes_max,
// values of older sequences go first, then the oldest cached. A value
// larger than a quarter of bytes_max is given but not kept. Concurrent
// GetOrCompute calls for one key and sequence run `compute` once; the others
// wait for its value, so a burst of cold requests for a heavy report costs
// one computation and one copy of it.
//
// Value: copyable (cheaply: it shares what it holds), with a member
// `std::uint64_t sequence` and `std::size_t bytes() const`.
//
// Thread safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/status.h"

namespace ramstein {

template <typename Value>
class SequenceCache {
 public:
  explicit SequenceCache(std::size_t bytes_max) : bytes_max_(bytes_max) {}

  std::optional<Value> Get(const std::string& key, std::uint64_t sequence) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.value.sequence != sequence) return std::nullopt;
    return it->second.value;
  }

  // The value cached for `key` at `sequence`, or the one `compute` gives
  // (run once however many callers ask at once; a failure is not kept).
  Result<Value> GetOrCompute(const std::string& key, std::uint64_t sequence,
                             const std::function<Result<Value>()>& compute) {
    std::shared_ptr<std::promise<Result<Value>>> promise;
    std::shared_future<Result<Value>> answer;
    {
      std::lock_guard lock(mutex_);
      auto it = entries_.find(key);
      if (it != entries_.end() && it->second.value.sequence == sequence) return it->second.value;
      auto flight = flights_.find(key);
      if (flight != flights_.end() && flight->second.sequence == sequence) {
        answer = flight->second.answer;
      } else {
        promise = std::make_shared<std::promise<Result<Value>>>();
        answer = promise->get_future().share();
        flights_[key] = Flight{sequence, answer};
      }
    }
    if (!promise) return answer.get();
    Result<Value> computed = Status::IoError("the answer was not computed");
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

  std::size_t bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  struct Entry {
    Value value;
    typename std::list<std::string>::iterator age;  // in order_
  };
  struct Flight {
    std::uint64_t sequence;
    std::shared_future<Result<Value>> answer;
  };

  // REQUIRES: mutex_ held.
  void Put(const std::string& key, const Value& value) {
    if (auto it = entries_.find(key); it != entries_.end()) Drop(it);
    std::size_t size = value.bytes();
    if (size > bytes_max_ / 4) return;
    // Values of an older ledger will not be asked for again; then the oldest.
    if (bytes_ + size > bytes_max_) {
      for (auto it = order_.begin(); it != order_.end();) {
        auto entry = entries_.find(*it);
        ++it;
        if (entry->second.value.sequence != value.sequence) Drop(entry);
      }
    }
    while (bytes_ + size > bytes_max_ && !order_.empty()) Drop(entries_.find(order_.front()));
    order_.push_back(key);
    entries_[key] = Entry{value, std::prev(order_.end())};
    bytes_ += size;
  }
  // REQUIRES: mutex_ held.
  void Drop(typename std::unordered_map<std::string, Entry>::iterator entry) {
    bytes_ -= entry->second.value.bytes();
    order_.erase(entry->second.age);
    entries_.erase(entry);
  }

  const std::size_t bytes_max_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> order_;  // keys, oldest first
  std::size_t bytes_ = 0;
  std::unordered_map<std::string, Flight> flights_;
};

}  // namespace ramstein
