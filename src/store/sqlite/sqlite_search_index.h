// SqliteSearchIndex: the full-text index (TextSearch) of a SQLite ledger,
// with FTS5. Tables, in the ledger's own file:
//   search(kind, id, title, body)   FTS5, unicode61 without diacritics (the
//                                   kind indexed too, so that a search of one
//                                   kind is one match); a record's rowid is
//                                   the sequence of the event of its latest
//                                   version times 32 plus its kind's code
//                                   (matches count by kind from rowids alone)
//   search_words(word, docs)        each word of the titles and texts (as the
//                                   tokenizer folds it) and how many records
//                                   hold it: what a typed prefix is completed
//                                   from and what ranking weighs a word by
//                                   (FTS5 keeps no such count)
//   meta 'search_sequence'          the last event indexed
//   meta 'search_version'           the layout above (3); an index of another
//                                   is built again
// Derived data: not part of the hash chain or the format; a ledger without
// it (made before it existed) has it built from its events when opened for
// writing, and a read-only opening builds it in memory at its first search
// instead. Each record's row holds its latest version.
//
// Thread safety: as the connection it is given (one thread at a time).
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "ledger/event.h"
#include "ledger/text_search.h"
#include "store/sqlite/fts5_extension.h"

struct sqlite3;

namespace ramstein {

class Statement;

class SqliteSearchIndex {
 public:
  explicit SqliteSearchIndex(sqlite3* db);
  ~SqliteSearchIndex();

  // Makes the index ready for `writable` or read-only use: creates the
  // tables in the file (writable) or in memory (read-only, when the file
  // lacks them), then indexes the events after the last one indexed, in
  // one transaction when writable. `head` is the ledger's last event.
  Status Open(bool writable, std::uint64_t head);

  // Indexes one event within the caller's transaction (the append's);
  // `replaces` is the event of the version it replaces (Event::replaces),
  // whose row goes; or, when `rows` is given (rebuilding from the events),
  // the one `rows` holds for the record, which then holds this one.
  // `document` is what the writer made of the event's record (Event::search);
  // when null, the payload is decoded for it.
  Status Add(const EventView& event, std::uint64_t replaces, const SearchDocument* document = nullptr,
             std::unordered_map<std::string, std::uint64_t>* rows = nullptr);
  // Records that events up to `sequence` are indexed, and writes the words'
  // counts of the events added since the last call (within the append's
  // transaction too).
  Status MarkIndexed(std::uint64_t sequence);
  // Forgets what Add counted since MarkIndexed: the append was rolled back.
  void Discard() { word_docs_.clear(); }
  // Indexes the events after the last indexed one (a read-only, in-memory
  // index catches up with the events other processes appended).
  Status CatchUp();

  // A reader of documents' words for another thread (TextSearch's), null
  // before the index is open. Must not outlive this index.
  std::unique_ptr<SearchWordReader> NewWordReader() const;

  Result<SearchPage> Search(const SearchTerms& terms, std::string_view kind, std::size_t limit, std::size_t offset);
  Result<std::vector<std::string>> Ids(const SearchTerms& terms, std::string_view kind, std::size_t limit);

 private:
  Status Exec(const std::string& sql);
  Status Error(const std::string& what, sqlite3* db = nullptr);
  Result<std::uint64_t> IndexedSequence();
  Result<std::int64_t> MetaValue(const char* key);  // 0 when the ledger has none
  Result<std::vector<std::pair<std::string, std::size_t>>> CountByKind(const std::string& match);
  Status IndexAfter(std::uint64_t after);
  // Counts the words of a record's title and texts, once each, `delta`.
  Status CountWords(std::string_view title, std::string_view body, std::int64_t delta);
  // Counts words [begin, end), distinct, `delta` each.
  void Count(const std::string* begin, const std::string* end, std::int64_t delta);
  Status WriteWordCounts();

  // An FTS5 query and, for ramstein_rank, how many records hold each of its
  // phrases (in the order the query names them).
  struct Query {
    std::string match;
    std::vector<std::int64_t> docs;
  };
  // The query for `terms` (Fts5Match's), with a prefix the index completes
  // to at most prefix_words_max words asked as those words (FTS5 would
  // merge every document of every word it starts before the first answer).
  Result<Query> QueryOf(const SearchTerms& terms, std::string_view kind);
  Result<std::int64_t> DocsOf(const std::string& word);

  sqlite3* db_;                // the ledger's connection: its events
  sqlite3* index_;             // where the index is: db_, or memory_
  sqlite3* memory_ = nullptr;  // a read-only ledger without an index: one in memory
  Fts5Extension extension_;    // on index_
  std::unique_ptr<Statement> remove_, insert_, removed_text_;  // Add's, prepared at its first call
  std::unordered_map<std::string, std::uint64_t> rows_;  // in memory: each record's row
  absl::flat_hash_map<std::string, std::int64_t> word_docs_;  // counted by Add, not yet written
  std::vector<std::string> words_;  // CountWords': one record's words
  bool in_memory_ = false;
  std::uint64_t indexed_ = 0;  // in memory: the last event indexed
};

// FTS5's query for `terms` in the title and texts: each a quoted phrase,
// all required, the last a prefix when it was typed so; of records of
// `kind` only when it is not empty.
std::string Fts5Match(const SearchTerms& terms, std::string_view kind = {});
// A typed prefix completed to more words than this is left to FTS5.
inline constexpr std::size_t prefix_words_max = 32;

}  // namespace ramstein
