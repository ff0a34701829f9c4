// Fts5Extension: what Ramstein adds to SQLite's FTS5 on one connection.
//   Words      the words of a text as the search table's tokenizer makes them
//              (unicode61, diacritics removed, case folded): what the index
//              holds, and so what the words table (SqliteSearchIndex)
//              counts and a prefix is completed from
//   ramstein_rank(search, DOCS...)
//              an auxiliary function: BM25 exactly as FTS5's bm25() scores a
//              row (k1 1.2, b 0.75; title words weigh 4, texts 1, the kind
//              and id 0), except that each phrase's number of documents is
//              an argument, in the order the query names its phrases,
//              where bm25() counts them by walking every document of every
//              phrase at each query (10 ms for a word most records hold,
//              at 10^6 line items)
//   ramstein_tally(rowid)
//              an aggregate: how many rows of each kind code (the rowid's
//              low tally_kind_bits bits) as a blob of 1 << tally_kind_bits
//              64-bit counts in the machine's byte order; counting inside
//              SQLite, as count(*) does, instead of returning each row
// Thread safety: as the connection (one thread at a time).
#pragma once

#include <sqlite3.h>  // FTS5's extension interface too

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "base/status.h"

namespace ramstein {

inline constexpr int tally_kind_bits = 5;

// One instance of the search table's tokenizer (unicode61, diacritics
// removed): reads the words of a text as the index holds them.
// Thread safety: one thread at a time; instances are independent, so each
// thread may have its own.
class Fts5Words {
 public:
  Fts5Words(const fts5_tokenizer& tokenizer, Fts5Tokenizer* instance) : tokenizer_(tokenizer), instance_(instance) {}
  ~Fts5Words();
  Fts5Words(const Fts5Words&) = delete;
  Fts5Words& operator=(const Fts5Words&) = delete;

  // Calls `word` with each word of `text`, in order (repeats included); as a
  // query's words when `query` (the last one a prefix when `prefix`), else
  // as a document's.
  Status Words(std::string_view text, bool query, bool prefix,
               const std::function<void(std::string_view)>& word) const;

 private:
  fts5_tokenizer tokenizer_;
  Fts5Tokenizer* instance_;
};

class Fts5Extension {
 public:
  Fts5Extension() = default;
  Fts5Extension(const Fts5Extension&) = delete;
  Fts5Extension& operator=(const Fts5Extension&) = delete;

  // Finds the tokenizer and registers ramstein_rank on `db`.
  Status Open(sqlite3* db);
  // Fts5Words::Words with this connection's instance of the tokenizer.
  Status Words(std::string_view text, bool query, bool prefix,
               const std::function<void(std::string_view)>& word) const;
  // This connection's instance of the tokenizer; null before Open()
  // succeeded.
  const Fts5Words* tokens() const { return words_.get(); }
  // Another instance of the tokenizer, for another thread; null before
  // Open() succeeded. Must not outlive the connection.
  std::unique_ptr<Fts5Words> NewWords() const;

 private:
  fts5_tokenizer tokenizer_{};
  void* user_ = nullptr;  // the tokenizer's, for creating instances
  std::unique_ptr<Fts5Words> words_;
};

}  // namespace ramstein
