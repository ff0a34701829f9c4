// ResponseCache: whole answers already computed for a ledger sequence (the
// bytes and a gzipped copy), and TableCache: the tables reports computed,
// from which pages of them are cut. Both are SequenceCaches: bounded in
// bytes, one computation however many ask at once (sequence_cache.h).
//
// Thread safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "api/sequence_cache.h"
#include "query/table.h"

namespace ramstein {

inline constexpr std::size_t response_cache_bytes_max = 512u << 20;
inline constexpr std::size_t table_cache_bytes_max = 512u << 20;

struct CachedResponse {
  std::uint64_t sequence = 0;
  int status = 200;
  // Shared, so that a hit hands out the answer without copying it.
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const std::string> gzip;  // the body gzipped; null when too small to gain
  std::string content_type;

  std::size_t bytes() const { return (body ? body->size() : 0) + (gzip ? gzip->size() : 0); }
};

struct CachedTable {
  std::uint64_t sequence = 0;
  std::shared_ptr<const Table> table;
  std::size_t table_bytes = 0;  // table->HeapBytes(), counted once

  std::size_t bytes() const { return table_bytes; }
};

class ResponseCache : public SequenceCache<CachedResponse> {
 public:
  explicit ResponseCache(std::size_t bytes_max = response_cache_bytes_max) : SequenceCache(bytes_max) {}
};

class TableCache : public SequenceCache<CachedTable> {
 public:
  explicit TableCache(std::size_t bytes_max = table_cache_bytes_max) : SequenceCache(bytes_max) {}
};

}  // namespace ramstein
