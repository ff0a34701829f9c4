// libFuzzer target: a person's search query. Whatever the words, the query
// read from them is one FTS5 accepts, as Ramstein writes it plainly
// (Fts5Match) and with a typed prefix completed from the index's words:
// searching an index with it never fails on its syntax (and never crashes).
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ledger/search_document.h"
#include "store/sqlite/sqlite_search_index.h"

namespace {

// A ledger's tables with no events, and an index whose rows and words are
// written here directly: a few records, and words that share prefixes (more
// than the completion takes for "p"), one holding a quote.
sqlite3* Database() {
  static sqlite3* db = [] {
    sqlite3* opened = nullptr;
    sqlite3_open(":memory:", &opened);
    sqlite3_exec(opened,
                 "CREATE TABLE events(sequence INTEGER PRIMARY KEY, type INTEGER, payload TEXT);"
                 "CREATE TABLE meta(key TEXT PRIMARY KEY, value);",
                 nullptr, nullptr, nullptr);
    return opened;
  }();
  return db;
}

ramstein::SqliteSearchIndex& Index() {
  static ramstein::SqliteSearchIndex* index = [] {
    auto* made = new ramstein::SqliteSearchIndex(Database());
    if (!made->Open(true, 0).ok()) std::abort();
    std::string words = "INSERT INTO search(rowid, kind, id, title, body) VALUES"
                        "(33, 'measure', 'measure:x', 'Patriot air defence', 'item:patriot-system UKR'),"
                        "(66, 'item', 'item:y', 'Patriots \"quoted\"', 'p1 p2 p3');"
                        "INSERT INTO search_words(word, docs) VALUES('patriot', 1), ('patriots', 1), ('pa\"t', 1),"
                        "('air', 1), ('defence', 1), ('ukr', 1), ('quoted', 1)";
    for (int i = 0; i < 40; ++i) words += ", ('p" + std::to_string(i) + "', 1)";
    if (sqlite3_exec(Database(), words.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) std::abort();
    return made;
  }();
  return *index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  auto terms = ParseSearchQuery(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!terms.ok()) return 0;
  if (terms->terms.empty() || terms->terms.size() > search_terms_max) std::abort();
  const std::string_view kind = size % 2 ? "measure" : "";
  std::string match = Fts5Match(*terms, kind);
  Index();  // (makes the table)
  sqlite3_stmt* select = nullptr;
  if (sqlite3_prepare_v2(Database(), "SELECT count(*) FROM search WHERE search MATCH ?", -1, &select, nullptr) !=
      SQLITE_OK)
    std::abort();
  sqlite3_bind_text(select, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  int rc = sqlite3_step(select);
  sqlite3_finalize(select);
  if (rc != SQLITE_ROW) std::abort();  // FTS5 refused the query it was given
  if (auto page = Index().Search(*terms, kind, 20, 0); !page.ok()) {  // completed, counted, ranked
    std::fprintf(stderr, "%s\n", page.status().message().c_str());
    std::abort();
  }
  if (!Index().Ids(*terms, kind, 20).ok()) std::abort();
  return 0;
}
