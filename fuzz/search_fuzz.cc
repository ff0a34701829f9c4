// libFuzzer target: a person's search query. Whatever the words, the query
// read from them is one FTS5 accepts: searching an index with it never
// fails on its syntax (and never crashes).
#include <sqlite3.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ledger/search_document.h"
#include "store/sqlite/sqlite_search_index.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  static sqlite3* db = [] {
    sqlite3* opened = nullptr;
    sqlite3_open(":memory:", &opened);
    sqlite3_exec(opened,
                 "CREATE VIRTUAL TABLE search USING fts5(kind, id UNINDEXED, title, body, "
                 "tokenize = 'unicode61 remove_diacritics 2');"
                 "INSERT INTO search VALUES('measure', 'measure:x', 'Patriot air defence', 'item:patriot-system UKR');",
                 nullptr, nullptr, nullptr);
    return opened;
  }();
  auto terms = ParseSearchQuery(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!terms.ok()) return 0;
  if (terms->terms.empty() || terms->terms.size() > search_terms_max) std::abort();
  std::string match = Fts5Match(*terms, size % 2 ? "measure" : "");
  sqlite3_stmt* select = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM search WHERE search MATCH ?", -1, &select, nullptr) != SQLITE_OK)
    std::abort();
  sqlite3_bind_text(select, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  int rc = sqlite3_step(select);
  sqlite3_finalize(select);
  if (rc != SQLITE_ROW) std::abort();  // FTS5 refused the query it was given
  return 0;
}
