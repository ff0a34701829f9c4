#include "store/sqlite/sqlite_search_index.h"

#include "base/utf8.h"
#include "ledger/record_codec.h"
#include "ledger/record_kind.h"
#include "store/sqlite/sqlite_statement.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <utility>

namespace ramstein {

namespace {


// What the index's rows are: rowid = event sequence * 32 + record kind
// code, so that one pass over the matches' rowids counts them by kind
// (reading no row). An index of another version is built again.
constexpr int kKindBits = tally_kind_bits;
static_assert(kRecordKindMax < (1 << kKindBits));
constexpr std::int64_t kIndexVersion = 3;

sqlite3_int64 RowOf(std::uint64_t sequence, std::uint16_t kind_code) {
  return static_cast<sqlite3_int64>((sequence << kKindBits) | kind_code);
}

// `text` as one FTS5 phrase.
std::string Quoted(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

SqliteSearchIndex::SqliteSearchIndex(sqlite3* db) : db_(db), index_(db) {}

SqliteSearchIndex::~SqliteSearchIndex() {
  remove_.reset(), insert_.reset(), removed_text_.reset();  // before their connection
  if (memory_ != nullptr) sqlite3_close(memory_);
}

std::string Fts5Match(const SearchTerms& terms, std::string_view kind) {
  std::string match = kind.empty() ? "{title body} : (" : "kind : \"" + std::string(kind) + "\" AND {title body} : (";
  for (std::size_t i = 0; i < terms.terms.size(); ++i) {
    if (i) match += ' ';
    match += Quoted(terms.terms[i]);
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
        RAMSTEIN_RETURN_IF_ERROR(Exec("DROP TABLE search; DROP TABLE IF EXISTS search_words; "
                                      "DELETE FROM meta WHERE key IN ('search_sequence', 'search_version')"));
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
  RAMSTEIN_RETURN_IF_ERROR(extension_.Open(index_));
  if (!present && (writable || in_memory_)) {
    RAMSTEIN_RETURN_IF_ERROR(Exec("CREATE VIRTUAL TABLE search USING fts5(kind, id UNINDEXED, title, body, "
                                  "tokenize = 'unicode61 remove_diacritics 2')"));
    RAMSTEIN_RETURN_IF_ERROR(Exec("DROP TABLE IF EXISTS search_words; "
                                  "CREATE TABLE search_words(word TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID"));
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
  RAMSTEIN_RETURN_IF_ERROR(WriteWordCounts());
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
    RAMSTEIN_RETURN_IF_ERROR(Add(event, 0, nullptr, &rows));
    indexed_ = event.sequence;
  }
  if (rc != SQLITE_DONE) return Error("read the events", db_);
  return WriteWordCounts();
}

namespace {

// The distinct words of a title and a body, sorted, in words[0, *count):
// what the index counts once for each record holding them. The strings are
// kept from call to call (their buffers reused: an import reads the words
// of every record it indexes).
Status DistinctWords(const Fts5Words& tokens, std::string_view title, std::string_view body,
                     std::vector<std::string>& words, std::size_t* count) {
  *count = 0;
  auto take = [&](std::string_view word) {
    if (*count == words.size()) words.emplace_back();
    words[(*count)++].assign(word);
  };
  RAMSTEIN_RETURN_IF_ERROR(tokens.Words(title, false, false, take));
  RAMSTEIN_RETURN_IF_ERROR(tokens.Words(body, false, false, take));
  const auto end = words.begin() + static_cast<std::ptrdiff_t>(*count);
  std::sort(words.begin(), end);
  *count = static_cast<std::size_t>(std::unique(words.begin(), end) - words.begin());
  return Status::Ok();
}

class WordReader : public SearchWordReader {
 public:
  explicit WordReader(std::unique_ptr<Fts5Words> tokens) : tokens_(std::move(tokens)) {}
  Status Read(SearchDocument& document) override {
    std::size_t count = 0;
    RAMSTEIN_RETURN_IF_ERROR(DistinctWords(*tokens_, document.title, document.body, words_, &count));
    document.words.assign(words_.begin(), words_.begin() + static_cast<std::ptrdiff_t>(count));
    document.words_read = true;
    return Status::Ok();
  }

 private:
  std::unique_ptr<Fts5Words> tokens_;
  std::vector<std::string> words_;
};

}  // namespace

std::unique_ptr<SearchWordReader> SqliteSearchIndex::NewWordReader() const {
  auto tokens = extension_.NewWords();
  if (tokens == nullptr) return nullptr;
  return std::make_unique<WordReader>(std::move(tokens));
}

Status SqliteSearchIndex::CountWords(std::string_view title, std::string_view body, std::int64_t delta) {
  const Fts5Words* tokens = extension_.tokens();
  if (tokens == nullptr) return Status::IoError("SQLite search index: the tokenizer is not open");
  std::size_t count = 0;
  RAMSTEIN_RETURN_IF_ERROR(DistinctWords(*tokens, title, body, words_, &count));
  Count(words_.data(), words_.data() + count, delta);
  return Status::Ok();
}

void SqliteSearchIndex::Count(const std::string* begin, const std::string* end, std::int64_t delta) {
  for (const std::string* word = begin; word != end; ++word) {
    auto found = word_docs_.find(*word);
    if (found == word_docs_.end()) found = word_docs_.emplace(*word, 0).first;
    found->second += delta;
  }
}

Status SqliteSearchIndex::WriteWordCounts() {
  if (word_docs_.empty()) return Status::Ok();
  // In the words' order: the table's pages are written one after another.
  std::vector<std::pair<std::string_view, std::int64_t>> counts(word_docs_.begin(), word_docs_.end());
  std::sort(counts.begin(), counts.end());
  Statement add(index_, "INSERT INTO search_words(word, docs) VALUES(?1, ?2) "
                        "ON CONFLICT(word) DO UPDATE SET docs = docs + excluded.docs");
  Statement drop(index_, "DELETE FROM search_words WHERE word = ?1 AND docs <= 0");
  if (!add.ok() || !drop.ok()) return Error("prepare the words' counts");
  for (const auto& [word, delta] : counts) {
    if (delta == 0) continue;
    sqlite3_stmt* s = delta > 0 ? add.get() : drop.get();
    if (delta < 0) {
      // Added to first, then gone when no record holds it any more.
      sqlite3_bind_text(add.get(), 1, word.data(), static_cast<int>(word.size()), SQLITE_STATIC);
      sqlite3_bind_int64(add.get(), 2, delta);
      bool done = sqlite3_step(add.get()) == SQLITE_DONE;
      sqlite3_reset(add.get());
      if (!done) return Error("count a word");
    }
    sqlite3_bind_text(s, 1, word.data(), static_cast<int>(word.size()), SQLITE_STATIC);
    if (delta > 0) sqlite3_bind_int64(s, 2, delta);
    bool done = sqlite3_step(s) == SQLITE_DONE;
    sqlite3_reset(s);
    if (!done) return Error("count a word");
  }
  word_docs_.clear();
  return Status::Ok();
}

Status SqliteSearchIndex::CatchUp() {
  if (!in_memory_) return Status::Ok();
  return IndexAfter(indexed_);
}

Status SqliteSearchIndex::Add(const EventView& event, std::uint64_t replaces, const SearchDocument* given,
                              std::unordered_map<std::string, std::uint64_t>* rows) {
  // An event that does not decode is damage the replay names; the index
  // leaves it out rather than fail first with another message.
  auto kind = RecordKindFromCode(event.type);
  if (!kind) return Status::Ok();
  SearchDocument decoded;
  if (given == nullptr) {
    auto record = DecodePayload(*kind, event.payload);
    if (!record.ok()) return Status::Ok();
    decoded = SearchDocumentOf(*record);
  }
  const SearchDocument& document = given != nullptr ? *given : decoded;
  const std::string& id = document.id;
  if (rows != nullptr) {
    auto [row, is_new] = rows->try_emplace(id, event.sequence);
    if (!is_new) replaces = std::exchange(row->second, event.sequence);
  }
  if (!insert_) {
    // Prepared once: an import indexes every record of its batch.
    remove_ = std::make_unique<Statement>(index_, "DELETE FROM search WHERE rowid = ?");
    insert_ = std::make_unique<Statement>(index_, "INSERT INTO search(rowid, kind, id, title, body) VALUES(?, ?, ?, ?, ?)");
    removed_text_ = std::make_unique<Statement>(index_, "SELECT title, body FROM search WHERE rowid = ?");
    if (!remove_->ok() || !insert_->ok() || !removed_text_->ok()) {
      Status failed = Error("prepare the index's statements");
      remove_.reset(), insert_.reset(), removed_text_.reset();
      return failed;
    }
  }
  // The record's row follows its event's sequence (ascending rows are what
  // FTS5 appends fastest); an earlier version's row (of the same kind: an
  // id keeps its kind) goes.
  const sqlite3_int64 number = RowOf(event.sequence, event.type);
  if (replaces != 0) {
    // Its words are held by one record fewer (unless this version has them).
    sqlite3_stmt* text = removed_text_->get();
    sqlite3_bind_int64(text, 1, RowOf(replaces, event.type));
    Status counted = Status::Ok();
    if (sqlite3_step(text) == SQLITE_ROW) counted = CountWords(ColumnText(text, 0), ColumnText(text, 1), -1);
    sqlite3_reset(text);
    RAMSTEIN_RETURN_IF_ERROR(counted);
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
  if (document.words_read) {
    Count(document.words.data(), document.words.data() + document.words.size(), 1);
    return Status::Ok();
  }
  return CountWords(document.title, document.body, 1);
}

Result<std::int64_t> SqliteSearchIndex::DocsOf(const std::string& word) {
  Statement select(index_, "SELECT docs FROM search_words WHERE word = ?");
  if (!select.ok()) return Error("prepare a word's count");
  sqlite3_bind_text(select.get(), 1, word.data(), static_cast<int>(word.size()), SQLITE_STATIC);
  int rc = sqlite3_step(select.get());
  if (rc == SQLITE_ROW) return static_cast<std::int64_t>(sqlite3_column_int64(select.get(), 0));
  if (rc != SQLITE_DONE) return Error("read a word's count");
  return std::int64_t{0};
}

Result<SqliteSearchIndex::Query> SqliteSearchIndex::QueryOf(const SearchTerms& terms, std::string_view kind) {
  Query query;
  if (!kind.empty()) {
    query.match = "kind : " + Quoted(kind) + " AND ";
    query.docs.push_back(0);  // weighs nothing (the kind's column weight is 0)
  }
  query.match += "{title body} : (";
  for (std::size_t i = 0; i < terms.terms.size(); ++i) {
    if (i) query.match += " AND ";  // (FTS5 reads no implicit AND before a parenthesis)
    const std::string& term = terms.terms[i];
    const bool prefix = terms.last_is_prefix && i + 1 == terms.terms.size();
    std::vector<std::string> words;
    RAMSTEIN_RETURN_IF_ERROR(
        extension_.Words(term, true, prefix, [&](std::string_view word) { words.emplace_back(word); }));
    // A phrase is in at most as many records as its rarest word.
    std::int64_t docs = std::numeric_limits<std::int64_t>::max();
    for (std::size_t w = 0; w + (prefix ? 1 : 0) < words.size(); ++w) {
      auto count = DocsOf(words[w]);
      if (!count.ok()) return count.status();
      docs = std::min(docs, *count);
    }
    if (!prefix || words.empty()) {
      query.match += Quoted(term) + (prefix ? "*" : "");
      query.docs.push_back(docs);
      continue;
    }
    // The words the prefix starts (no word of valid UTF-8 holds the byte 0xff).
    const std::string start = words.back(), end = start + '\xff';
    words.pop_back();
    Statement completed(index_, "SELECT word, docs FROM search_words WHERE word >= ?1 AND word < ?2 ORDER BY word LIMIT ?3");
    if (!completed.ok()) return Error("prepare the prefix's words");
    sqlite3_bind_text(completed.get(), 1, start.data(), static_cast<int>(start.size()), SQLITE_STATIC);
    sqlite3_bind_text(completed.get(), 2, end.data(), static_cast<int>(end.size()), SQLITE_STATIC);
    sqlite3_bind_int64(completed.get(), 3, static_cast<sqlite3_int64>(prefix_words_max + 1));
    std::vector<std::pair<std::string, std::int64_t>> completions;
    int rc;
    while ((rc = sqlite3_step(completed.get())) == SQLITE_ROW) {
      completions.emplace_back(std::string(ColumnText(completed.get(), 0)), sqlite3_column_int64(completed.get(), 1));
    }
    if (rc != SQLITE_DONE) return Error("read the prefix's words");
    if (completions.empty() || completions.size() > prefix_words_max) {
      // None (nothing matches, at once) or too many to ask one by one.
      std::int64_t held = 0;
      for (const auto& [word, count] : completions) held += count;
      query.match += Quoted(term) + "*";
      query.docs.push_back(std::min(docs, held));
      continue;
    }
    std::string head;
    for (const std::string& word : words) head += word + ' ';
    query.match += '(';
    for (std::size_t c = 0; c < completions.size(); ++c) {
      if (c) query.match += " OR ";
      query.match += Quoted(head + completions[c].first);
      query.docs.push_back(std::min(docs, completions[c].second));
    }
    query.match += ')';
  }
  query.match += ')';
  return query;
}

Result<std::vector<std::pair<std::string, std::size_t>>> SqliteSearchIndex::CountByKind(const std::string& match) {
  // The kind is in the rowid: counting reads no row, and tallies inside
  // SQLite (its GROUP BY would sort every match first).
  Statement rows(index_, "SELECT ramstein_tally(rowid) FROM search WHERE search MATCH ?");
  if (!rows.ok()) return Error("prepare the count");
  sqlite3_bind_text(rows.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  std::array<std::int64_t, 1 << kKindBits> tally{};
  if (sqlite3_step(rows.get()) != SQLITE_ROW) return Error("count");
  if (sqlite3_column_bytes(rows.get(), 0) != static_cast<int>(sizeof tally)) return Error("count");
  std::memcpy(tally.data(), sqlite3_column_blob(rows.get(), 0), sizeof tally);
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (std::uint16_t code = 0; code < tally.size(); ++code) {
    // A damaged row's kind is none the ledger knows: not counted.
    auto kind = RecordKindFromCode(code);
    if (kind && tally[code] > 0) counts.emplace_back(std::string(RecordKindName(*kind)), static_cast<std::size_t>(tally[code]));
  }
  return counts;
}

Result<SearchPage> SqliteSearchIndex::Search(const SearchTerms& terms, std::string_view kind, std::size_t limit,
                                             std::size_t offset) {
  RAMSTEIN_RETURN_IF_ERROR(CatchUp());
  SearchPage page;
  auto every_kind = QueryOf(terms, {});
  if (!every_kind.ok()) return every_kind.status();
  auto counts = CountByKind(every_kind->match);
  if (!counts.ok()) return counts.status();
  page.kinds = std::move(counts).value();
  for (const auto& [name, count] : page.kinds) {
    if (kind.empty() || name == kind) page.total += count;
  }
  page.ranked = page.total <= search_rank_matches_max;
  if (offset >= page.total) return page;
  Query query;
  if (kind.empty()) {
    query = std::move(every_kind).value();
  } else {
    auto of_kind = QueryOf(terms, kind);
    if (!of_kind.ok()) return of_kind.status();
    query = std::move(of_kind).value();
  }
  const std::string& match = query.match;
  std::string rank = "ramstein_rank(search";
  for (std::int64_t docs : query.docs) rank += ", " + std::to_string(docs);
  rank += ')';
  // Snippets are made for the page's rows only.
  std::string sql = "SELECT kind, id, title, snippet(search, -1, '" + std::string(search_mark_open) + "', '" +
                    std::string(search_mark_close) + "', '…', 12), " + rank +
                    " AS score FROM search WHERE search MATCH ?1 ORDER BY " + (page.ranked ? "score" : "rowid DESC") +
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
  auto query = QueryOf(terms, kind);
  if (!query.ok()) return query.status();
  const std::string& match = query->match;
  sqlite3_bind_text(select.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  sqlite3_bind_int64(select.get(), 2, static_cast<sqlite3_int64>(std::min(limit, search_limit_max)));
  std::vector<std::string> ids;
  int rc;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) ids.push_back(ToValidUtf8(ColumnText(select.get(), 0)));
  if (rc != SQLITE_DONE) return Error("read the ids");
  return ids;
}

}  // namespace ramstein
