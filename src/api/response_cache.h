// ResponseCache: answers already computed for a ledger sequence number. An
// answer is reused only while the ledger has not moved on, so a cached
// report is always the report of the current ledger.
//
// Thread safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ramstein {

inline constexpr std::size_t response_cache_entries_max = 1024;

struct CachedResponse {
  std::uint64_t sequence = 0;
  int status = 200;
  // Shared, so that a hit hands out the answer without copying it.
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const std::string> gzip;  // the body gzipped; null when too small to gain
  std::string content_type;
};

class ResponseCache {
 public:
  std::optional<CachedResponse> Get(const std::string& key, std::uint64_t sequence) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.sequence != sequence) return std::nullopt;
    return it->second;
  }
  void Put(const std::string& key, CachedResponse response) {
    std::lock_guard lock(mutex_);
    // Bounded: when full, start again (the ledger moving on empties it in effect anyway).
    if (entries_.size() >= response_cache_entries_max && !entries_.count(key)) entries_.clear();
    entries_[key] = std::move(response);
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, CachedResponse> entries_;
};

}  // namespace ramstein
