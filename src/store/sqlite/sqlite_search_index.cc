#include "store/sqlite/sqlite_search_index.h"

#include "base/utf8.h"
#include "ledger/record_codec.h"
#include "ledger/record_kind.h"
#include "store/sqlite/sqlite_statement.h"

#include <array>
#include <unordered_map>
#include <utility>

namespace ramstein {

namespace {

// Title words weigh four times body words.
constexpr const char* kRank = "bm25(search, 0, 0, 4.0, 1.0)";

// What the index's rows are: rowid = event sequence * 32 + record kind
// code, so that one pass over the matches' rowids counts them by kind
// (reading no row). An index of another version is built again.
constexpr int kKindBits = 5;
static_assert(kRecordKindMax < (1 << kKindBits));
constexpr std::int64_t kIndexVersion = 2;

sqlite3_int64 RowOf(std::uint64_t sequence, std::uint16_t kind_code) {
  return static_cast<sqlite3_int64>((sequence << kKindBits) | kind_code);
}

}  // namespace

SqliteSearchIndex::SqliteSearchIndex(sqlite3* db) : db_(db), index_(db) {}

SqliteSearchIndex::~SqliteSearchIndex() {
  remove_.reset(), insert_.reset();  // before their connection
  if (memory_ != nullptr) sqlite3_close(memory_);
}

std::string Fts5Match(const SearchTerms& terms, std::string_view kind) {
  std::string match = kind.empty() ? "{title body} : (" : "kind : \"" + std::string(kind) + "\" AND {title body} : (";
  for (std::size_t i = 0; i < terms.terms.size(); ++i) {
    if (i) match += ' ';
    match += '"';
    for (char c : terms.terms[i]) {
      if (c == '"') match += '"';
      match += c;
    }
    match += '"';
    if (terms.last_is_prefix && i + 1 == terms.terms.size()) match += '*';
  }
  return match + ")";
}

Status SqliteSearchIndex::Exec(const std::string& sql) {
  if (sqlite3_exec(index_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return Error(sql);
  return Status::Ok();
}

Status SqliteSearchIndex::Error(const std::string& what, sqlite3* db) {
  return Status::IoError("SQLite search index: " + what + ": " + sqlite3_errmsg(db ? db : index_));
}

Status SqliteSearchIndex::Open(bool writable, std::uint64_t head) {
  bool present = false;
  {
    Statement exists(db_, "SELECT 1 FROM sqlite_master WHERE name='search' AND type='table'");
    if (!exists.ok()) return Error("look for the index");
    present = sqlite3_step(exists.get()) == SQLITE_ROW;
  }
  if (present) {
    auto version = MetaValue("search_version");
    if (!version.ok()) return version.status();
    if (*version != kIndexVersion) {
      // Made by an earlier version: built again (in the file when
      // writable, else in memory, as when it is missing).
      if (writable) {
        RAMSTEIN_RETURN_IF_ERROR(Exec("DROP TABLE search; DELETE FROM meta WHERE key IN ('search_sequence', 'search_version')"));
      }
      present = false;
    }
  }
  if (!present && !writable) {
    // A read-only ledger without an index of this version: build it in a
    // database in memory of its own (one attached to a read-only
    // connection could not be written).
    if (sqlite3_open_v2(":memory:", &memory_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      return Status::IoError("SQLite search index: cannot open a database in memory");
    }
    index_ = memory_;
    in_memory_ = true;
  }
  if (!present && (writable || in_memory_)) {
    RAMSTEIN_RETURN_IF_ERROR(Exec("CREATE VIRTUAL TABLE search USING fts5(kind, id UNINDEXED, title, body, "
                                  "tokenize = 'unicode61 remove_diacritics 2')"));
    // Larger leaf pages: fewer of them to write while a large batch is indexed.
    RAMSTEIN_RETURN_IF_ERROR(Exec("INSERT INTO search(search, rank) VALUES('pgsz', 4000)"));
  }
  if (in_memory_) return Status::Ok();  // built at the first search
  if (!writable) return Status::Ok();  // the file's index is written with its events
  auto indexed = IndexedSequence();
  if (!indexed.ok()) return indexed.status();
  if (*indexed >= head && present) return Status::Ok();
  RAMSTEIN_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status built = IndexAfter(*indexed);
  if (built.ok()) built = MarkIndexed(head);
  if (built.ok()) built = Exec("INSERT OR REPLACE INTO meta(key, value) VALUES('search_version', " + std::to_string(kIndexVersion) + ")");
  if (!built.ok()) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return built;
  }
  return Exec("COMMIT");
}

Result<std::int64_t> SqliteSearchIndex::MetaValue(const char* key) {
  Statement select(db_, "SELECT value FROM meta WHERE key=?");
  if (!select.ok()) return Error("read the index's state", db_);
  sqlite3_bind_text(select.get(), 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step(select.get()) != SQLITE_ROW) return std::int64_t{0};
  return static_cast<std::int64_t>(sqlite3_column_int64(select.get(), 0));
}

Result<std::uint64_t> SqliteSearchIndex::IndexedSequence() {
  if (in_memory_) return indexed_;
  auto value = MetaValue("search_sequence");
  if (!value.ok()) return value.status();
  return static_cast<std::uint64_t>(*value);
}

Status SqliteSearchIndex::MarkIndexed(std::uint64_t sequence) {
  if (in_memory_) {
    indexed_ = sequence;
    return Status::Ok();
  }
  Statement put(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES('search_sequence', ?)");
  if (!put.ok()) return Error("prepare the indexed sequence");
  sqlite3_bind_int64(put.get(), 1, static_cast<sqlite3_int64>(sequence));
  if (sqlite3_step(put.get()) != SQLITE_DONE) return Error("write the indexed sequence");
  return Status::Ok();
}

Status SqliteSearchIndex::IndexAfter(std::uint64_t after) {
  Statement select(db_, "SELECT sequence, type, payload FROM events WHERE sequence > ? ORDER BY sequence");
  if (!select.ok()) return Error("prepare the events", db_);
  sqlite3_bind_int64(select.get(), 1, static_cast<sqlite3_int64>(after));
  // Which event holds each record's latest version: kept while indexing
  // (and, in memory, between catch-ups), as the writer knows it.
  std::unordered_map<std::string, std::uint64_t> local;
  auto& rows = in_memory_ ? rows_ : local;
  int rc;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
    EventView event;
    event.sequence = static_cast<std::uint64_t>(sqlite3_column_int64(select.get(), 0));
    event.type = static_cast<std::uint16_t>(sqlite3_column_int64(select.get(), 1));
    event.payload = ColumnText(select.get(), 2);
    RAMSTEIN_RETURN_IF_ERROR(Add(event, 0, &rows));
    indexed_ = event.sequence;
  }
  if (rc != SQLITE_DONE) return Error("read the events", db_);
  return Status::Ok();
}

Status SqliteSearchIndex::CatchUp() {
  if (!in_memory_) return Status::Ok();
  return IndexAfter(indexed_);
}

Status SqliteSearchIndex::Add(const EventView& event, std::uint64_t replaces,
                              std::unordered_map<std::string, std::uint64_t>* rows) {
  // An event that does not decode is damage the replay names; the index
  // leaves it out rather than fail first with another message.
  auto kind = RecordKindFromCode(event.type);
  if (!kind) return Status::Ok();
  auto record = DecodePayload(*kind, event.payload);
  if (!record.ok()) return Status::Ok();
  SearchDocument document = SearchDocumentOf(*record);
  const std::string& id = CommonOf(*record).id;
  if (rows != nullptr) {
    auto [row, is_new] = rows->try_emplace(id, event.sequence);
    if (!is_new) replaces = std::exchange(row->second, event.sequence);
  }
  if (!insert_) {
    // Prepared once: an import indexes every record of its batch.
    remove_ = std::make_unique<Statement>(index_, "DELETE FROM search WHERE rowid = ?");
    insert_ = std::make_unique<Statement>(index_, "INSERT INTO search(rowid, kind, id, title, body) VALUES(?, ?, ?, ?, ?)");
    if (!remove_->ok() || !insert_->ok()) {
      Status failed = Error("prepare the index's statements");
      remove_.reset(), insert_.reset();
      return failed;
    }
  }
  // The record's row follows its event's sequence (ascending rows are what
  // FTS5 appends fastest); an earlier version's row (of the same kind: an
  // id keeps its kind) goes.
  const sqlite3_int64 number = RowOf(event.sequence, event.type);
  if (replaces != 0) {
    sqlite3_stmt* removed = remove_->get();
    sqlite3_bind_int64(removed, 1, RowOf(replaces, event.type));
    bool done = sqlite3_step(removed) == SQLITE_DONE;
    sqlite3_reset(removed);
    if (!done) return Error("remove the earlier version");
  }
  std::string_view kind_name = RecordKindName(*kind);
  sqlite3_stmt* s = insert_->get();
  sqlite3_bind_int64(s, 1, number);
  sqlite3_bind_text(s, 2, kind_name.data(), static_cast<int>(kind_name.size()), SQLITE_STATIC);
  sqlite3_bind_text(s, 3, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
  sqlite3_bind_text(s, 4, document.title.data(), static_cast<int>(document.title.size()), SQLITE_STATIC);
  sqlite3_bind_text(s, 5, document.body.data(), static_cast<int>(document.body.size()), SQLITE_STATIC);
  bool done = sqlite3_step(s) == SQLITE_DONE;
  sqlite3_reset(s);
  if (!done) return Error("index the record");
  return Status::Ok();
}

Result<std::vector<std::pair<std::string, std::size_t>>> SqliteSearchIndex::CountByKind(const std::string& match) {
  // The kind is in the rowid: counting reads no row, and tallies here
  // (SQLite's GROUP BY would sort every match first).
  Statement rows(index_, "SELECT rowid FROM search WHERE search MATCH ?");
  if (!rows.ok()) return Error("prepare the count");
  sqlite3_bind_text(rows.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  std::array<std::size_t, 1 << kKindBits> tally{};
  int rc;
  while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) ++tally[sqlite3_column_int64(rows.get(), 0) & ((1 << kKindBits) - 1)];
  if (rc != SQLITE_DONE) return Error("count");
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (std::uint16_t code = 0; code < tally.size(); ++code) {
    // A damaged row's kind is none the ledger knows: not counted.
    auto kind = RecordKindFromCode(code);
    if (kind && tally[code] > 0) counts.emplace_back(std::string(RecordKindName(*kind)), tally[code]);
  }
  return counts;
}

Result<SearchPage> SqliteSearchIndex::Search(const SearchTerms& terms, std::string_view kind, std::size_t limit,
                                             std::size_t offset) {
  RAMSTEIN_RETURN_IF_ERROR(CatchUp());
  SearchPage page;
  auto counts = CountByKind(Fts5Match(terms));
  if (!counts.ok()) return counts.status();
  page.kinds = std::move(counts).value();
  for (const auto& [name, count] : page.kinds) {
    if (kind.empty() || name == kind) page.total += count;
  }
  page.ranked = page.total <= search_rank_matches_max;
  if (offset >= page.total) return page;
  const std::string match = Fts5Match(terms, kind);
  // Snippets are made for the page's rows only.
  std::string sql = "SELECT kind, id, title, snippet(search, -1, '" + std::string(search_mark_open) + "', '" +
                    std::string(search_mark_close) + "', '…', 12), " + kRank +
                    " FROM search WHERE search MATCH ?1 ORDER BY " + (page.ranked ? kRank : "rowid DESC") +
                    " LIMIT ?2 OFFSET ?3";
  Statement select(index_, sql.c_str());
  if (!select.ok()) return Error("prepare the search");
  sqlite3_bind_text(select.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  sqlite3_bind_int64(select.get(), 2, static_cast<sqlite3_int64>(std::min(limit, search_limit_max)));
  sqlite3_bind_int64(select.get(), 3, static_cast<sqlite3_int64>(offset));
  int rc;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
    // The body's texts are one a line; a snippet reads as one line. What
    // the index gives is checked as text: a damaged page sends no bad byte on.
    std::string snippet = ToValidUtf8(ColumnText(select.get(), 3));
    for (std::size_t at = 0; (at = snippet.find('\n', at)) != std::string::npos;) snippet.replace(at, 1, " · ");
    page.hits.push_back({ToValidUtf8(ColumnText(select.get(), 0)), ToValidUtf8(ColumnText(select.get(), 1)),
                         ToValidUtf8(ColumnText(select.get(), 2)), std::move(snippet),
                         -sqlite3_column_double(select.get(), 4)});
  }
  if (rc != SQLITE_DONE) return Error("search");
  return page;
}

Result<std::vector<std::string>> SqliteSearchIndex::Ids(const SearchTerms& terms, std::string_view kind,
                                                        std::size_t limit) {
  RAMSTEIN_RETURN_IF_ERROR(CatchUp());
  Statement select(index_, "SELECT id FROM search WHERE search MATCH ? LIMIT ?");
  if (!select.ok()) return Error("prepare the ids");
  const std::string match = Fts5Match(terms, kind);
  sqlite3_bind_text(select.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  sqlite3_bind_int64(select.get(), 2, static_cast<sqlite3_int64>(std::min(limit, search_limit_max)));
  std::vector<std::string> ids;
  int rc;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) ids.push_back(ToValidUtf8(ColumnText(select.get(), 0)));
  if (rc != SQLITE_DONE) return Error("read the ids");
  return ids;
}

}  // namespace ramstein
