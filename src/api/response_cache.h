// ResponseCache: answers already computed for a ledger sequence number. An
// answer is reused only while the ledger has not moved on, so a cached
// report is always the report of the current ledger.
//
// Bounded in bytes (bodies and their gzipped copies): when an answer would
// pass bytes_max, answers of older sequences go first, then the oldest
// cached. An answer larger than a quarter of bytes_max is given but not kept.
// Concurrent GetOrCompute calls for one key and sequence run `compute` once;
// the others wait for its answer, so a burst of cold requests for a heavy
// report costs one computation and one copy of it.
//
// Thread safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/status.h"

namespace ramstein {

inline constexpr std::size_t response_cache_bytes_max = 512u << 20;

struct CachedResponse {
  std::uint64_t sequence = 0;
  int status = 200;
  // Shared, so that a hit hands out the answer without copying it.
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const std::string> gzip;  // the body gzipped; null when too small to gain
  std::string content_type;

  std::size_t bytes() const { return (body ? body->size() : 0) + (gzip ? gzip->size() : 0); }
};

class ResponseCache {
 public:
  explicit ResponseCache(std::size_t bytes_max = response_cache_bytes_max) : bytes_max_(bytes_max) {}

  std::optional<CachedResponse> Get(const std::string& key, std::uint64_t sequence) const;
  // The answer cached for `key` at `sequence`, or the one `compute` gives
  // (run once however many callers ask at once; a failure is not kept).
  Result<CachedResponse> GetOrCompute(const std::string& key, std::uint64_t sequence,
                                      const std::function<Result<CachedResponse>()>& compute);
  std::size_t bytes() const;
  std::size_t size() const;

 private:
  void Put(const std::string& key, const CachedResponse& response);  // REQUIRES: mutex_ held
  struct Entry {
    CachedResponse response;
    std::list<std::string>::iterator age;  // in order_
  };
  struct Flight {
    std::uint64_t sequence;
    std::shared_future<Result<CachedResponse>> answer;
  };
  const std::size_t bytes_max_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> order_;  // keys, oldest first
  std::size_t bytes_ = 0;
  std::unordered_map<std::string, Flight> flights_;
};

}  // namespace ramstein
