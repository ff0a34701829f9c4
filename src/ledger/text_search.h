// TextSearch: the full-text index a store keeps over the latest version of
// every record (SearchDocumentOf), in step with its events: written in the
// transaction that appends them, built from the events when a ledger lacks
// it. What `ramstein search`, /api/v1/search and every collection's ?q=
// ask. Stores implement it (SqliteEventStore with SQLite's FTS5).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ledger/search_document.h"

namespace ramstein {

// The match in a snippet is marked between these.
inline constexpr std::string_view search_mark_open = "\u00ab";   // «
inline constexpr std::string_view search_mark_close = "\u00bb";  // »
inline constexpr std::size_t search_limit_max = 100'000;
// Matches ranked by relevance up to this many; more are listed newest
// first (ranking every one of them would take longer than a search may).
inline constexpr std::size_t search_rank_matches_max = 20'000;

struct SearchHit {
  std::string kind;     // the record kind's name
  std::string id;
  std::string title;
  std::string snippet;  // a few words around the best match, marked
  double score = 0;     // higher is better (BM25, title words weigh more)
};

struct SearchPage {
  std::vector<SearchHit> hits;  // the page asked for
  std::size_t total = 0;        // records matching, of the kind asked
  // Records matching, of every kind, by kind name (kinds without any left out).
  std::vector<std::pair<std::string, std::size_t>> kinds;
  bool ranked = true;           // best first; false: newest first (more than search_rank_matches_max)
};

// Reads documents' words as the index's tokenizer does
// (SearchDocument::words). Thread safety: one thread at a time; readers
// are independent of each other and of the index. Must not outlive the
// store that made it.
class SearchWordReader {
 public:
  virtual ~SearchWordReader() = default;
  // Fills document.words and sets words_read; IoError when the tokenizer
  // fails (the document is then left as it was).
  virtual Status Read(SearchDocument& document) = 0;
};

class TextSearch {
 public:
  virtual ~TextSearch() = default;
  // A reader of documents' words for another thread, or null when this
  // index reads them itself.
  virtual std::unique_ptr<SearchWordReader> NewWordReader() { return nullptr; }
  // Records holding every term (in their title or texts), best first, from
  // the `offset`th, at most `limit` (<= search_limit_max); of one kind when
  // `kind` is not empty; and how many of each kind match.
  virtual Result<SearchPage> Search(const SearchTerms& terms, std::string_view kind, std::size_t limit,
                                    std::size_t offset) = 0;
  // The ids of the records (of `kind`, when not empty) holding every term,
  // at most `limit`, in no order: what a list filters by.
  virtual Result<std::vector<std::string>> Ids(const SearchTerms& terms, std::string_view kind, std::size_t limit) = 0;
};

}  // namespace ramstein
