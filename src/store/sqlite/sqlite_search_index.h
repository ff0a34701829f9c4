// SqliteSearchIndex: the full-text index (TextSearch) of a SQLite ledger,
// with FTS5. Tables, in the ledger's own file:
//   search(kind, id, title, body)   FTS5, unicode61 without diacritics (the
//                                   kind indexed too, so that a search of one
//                                   kind is one match); a record's rowid is
//                                   the sequence of the event of its latest
//                                   version times 32 plus its kind's code
//                                   (matches count by kind from rowids alone)
//   meta 'search_sequence'          the last event indexed
//   meta 'search_version'           the layout above (2); an index of another
//                                   is built again
// Derived data: not part of the hash chain or the format; a ledger without
// it (made before it existed) has it built from its events when opened for
// writing, and a read-only opening builds it in memory at its first search
// instead. Each
// record's row holds its latest version.
//
// Thread safety: as the connection it is given (one thread at a time).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "ledger/event.h"
#include "ledger/text_search.h"

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
  Status Add(const EventView& event, std::uint64_t replaces,
             std::unordered_map<std::string, std::uint64_t>* rows = nullptr);
  // Records that events up to `sequence` are indexed (within the append's
  // transaction too).
  Status MarkIndexed(std::uint64_t sequence);
  // Indexes the events after the last indexed one (a read-only, in-memory
  // index catches up with the events other processes appended).
  Status CatchUp();

  Result<SearchPage> Search(const SearchTerms& terms, std::string_view kind, std::size_t limit, std::size_t offset);
  Result<std::vector<std::string>> Ids(const SearchTerms& terms, std::string_view kind, std::size_t limit);

 private:
  Status Exec(const std::string& sql);
  Status Error(const std::string& what, sqlite3* db = nullptr);
  Result<std::uint64_t> IndexedSequence();
  Result<std::int64_t> MetaValue(const char* key);  // 0 when the ledger has none
  Result<std::vector<std::pair<std::string, std::size_t>>> CountByKind(const std::string& match);
  Status IndexAfter(std::uint64_t after);

  sqlite3* db_;                // the ledger's connection: its events
  sqlite3* index_;             // where the index is: db_, or memory_
  sqlite3* memory_ = nullptr;  // a read-only ledger without an index: one in memory
  std::unique_ptr<Statement> remove_, insert_;
  std::unordered_map<std::string, std::uint64_t> rows_;  // in memory: each record's row  // Add's, prepared at its first call
  bool in_memory_ = false;
  std::uint64_t indexed_ = 0;  // in memory: the last event indexed
};

// FTS5's query for `terms` in the title and texts: each a quoted phrase,
// all required, the last a prefix when it was typed so; of records of
// `kind` only when it is not empty.
std::string Fts5Match(const SearchTerms& terms, std::string_view kind = {});

}  // namespace ramstein
