// Full-text search over the 10^6-line-item synthetic ledger (250,000
// measures, 409,343 records), beside what a user would otherwise run:
//   BM_Search       the search question as every surface asks it (Ask): a
//                   page of 20 hits with snippets, ranked, grouped by kind,
//                   and the count of every match per kind
//   BM_PlainFts5    the same documents in a plain FTS5 table of SQLite's
//                   defaults (in the same file system, page cache warm), and
//                   what one would write for the same answer: the count per
//                   kind (GROUP BY kind) and the best 20 by rank with snippets
// Each over the same queries, from one match to a quarter of the records.
// Run through bench/search.sh, which reports medians and ratios.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "bench/bench_support.h"
#include "io/jsonl_import.h"
#include "ledger/search_document.h"
#include "query/catalog.h"
#include "store/sqlite/sqlite_search_index.h"
#include "synth/synthetic_ledger.h"

namespace ramstein {
namespace {

using bench::Open;
using bench::WorkDir;

constexpr std::uint64_t kMeasures = 250'000;  // about 10^6 line items

// The queries (the last word of each is also a prefix, as typed in the
// search box): a named record, a donor's records, an item's, every
// measure, and the start of a word most records hold.
const char* const kQueries[] = {"Synthetic package 209559", "syn:TUR", "item 1416", "Synthetic", "packa"};

// The synthetic ledger, imported once.
LedgerDb& Ledger() {
  static std::unique_ptr<LedgerDb> db = [] {
    const std::string input = WorkDir() + "/synthetic.jsonl";
    {
      std::ofstream out(input, std::ios::binary);
      SyntheticOptions options;
      options.measures = kMeasures;
      GenerateSyntheticLedger(options, [&](const std::string& chunk) { out << chunk; });
    }
    auto opened = Open(WorkDir() + "/ledger.db");
    auto result = ImportJsonLines(*opened, {input}, "bench", ImportOptions{});
    if (!result.ok() || !result->errors.empty()) std::abort();
    return opened;
  }();
  return *db;
}

void BM_Search(benchmark::State& state) {
  LedgerDb& db = Ledger();
  const Question* search = FindQuestion(QuestionKind::report, "search");
  auto args = Bind(*search, {{"q", kQueries[state.range(0)]}, {"limit", "20"}}, 0);
  if (!args.ok()) return state.SkipWithError(args.status().message().c_str());
  std::size_t matches = 0;
  for (auto _ : state) {
    auto answer = Ask(*search, db.model(), *args, db.store().text_search());
    if (!answer.ok()) return state.SkipWithError(answer.status().message().c_str());
    matches = std::get<Table>(*answer).total_rows.value_or(0);
  }
  state.SetLabel(kQueries[state.range(0)]);
  state.counters["matches"] = static_cast<double>(matches);
}

// A plain FTS5 table of the same documents (kind, id, title, body), in a
// file of its own, written once.
sqlite3* PlainIndex() {
  static sqlite3* db = [] {
    LedgerDb& ledger = Ledger();
    sqlite3* opened = nullptr;
    std::string path = WorkDir() + "/plain-fts5.db";
    if (sqlite3_open(path.c_str(), &opened) != SQLITE_OK) std::abort();
    sqlite3_exec(opened, "CREATE VIRTUAL TABLE docs USING fts5(kind, id, title, body); BEGIN", nullptr, nullptr,
                 nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(opened, "INSERT INTO docs(kind, id, title, body) VALUES(?, ?, ?, ?)", -1, &insert, nullptr);
    for (const StoredRecord& stored : ledger.model().records()) {
      const std::string& id = CommonOf(stored.record).id;
      if (ledger.model().Find(id) != &stored) continue;  // an earlier version
      SearchDocument document = SearchDocumentOf(stored.record);
      std::string_view kind = RecordKindName(KindOf(stored.record));
      sqlite3_bind_text(insert, 1, kind.data(), static_cast<int>(kind.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 2, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 3, document.title.data(), static_cast<int>(document.title.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 4, document.body.data(), static_cast<int>(document.body.size()), SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) std::abort();
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(opened, "COMMIT", nullptr, nullptr, nullptr);
    return opened;
  }();
  return db;
}

void BM_PlainFts5(benchmark::State& state) {
  sqlite3* db = PlainIndex();
  // The same FTS5 query as Ramstein's: the words, the last one a prefix.
  const std::string match = Fts5Match(ParseSearchQuery(kQueries[state.range(0)]).value());
  sqlite3_stmt* counts = nullptr;
  sqlite3_stmt* best = nullptr;
  sqlite3_prepare_v2(db, "SELECT kind, count(*) FROM docs WHERE docs MATCH ?1 GROUP BY kind", -1, &counts, nullptr);
  sqlite3_prepare_v2(db,
                     "SELECT kind, id, title, snippet(docs, -1, '«', '»', '…', 12) FROM docs WHERE docs MATCH ?1 "
                     "ORDER BY rank LIMIT 20",
                     -1, &best, nullptr);
  std::size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    sqlite3_bind_text(counts, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
    while (sqlite3_step(counts) == SQLITE_ROW) matches += static_cast<std::size_t>(sqlite3_column_int64(counts, 1));
    sqlite3_reset(counts);
    sqlite3_bind_text(best, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
    while (sqlite3_step(best) == SQLITE_ROW) benchmark::DoNotOptimize(sqlite3_column_text(best, 3));
    sqlite3_reset(best);
  }
  sqlite3_finalize(counts);
  sqlite3_finalize(best);
  state.SetLabel(kQueries[state.range(0)]);
  state.counters["matches"] = static_cast<double>(matches);
}

BENCHMARK(BM_Search)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PlainFts5)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace ramstein

BENCHMARK_MAIN();
