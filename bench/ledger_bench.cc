// Ledger benchmarks at 10^5 and 10^6 line items, each beside what a user
// would otherwise run on the same rows:
//   BM_Import         `ramstein import` of a synthetic JSON Lines file into a fresh ledger
//   BM_SqliteInsertLines  the same file stored line by line in a plain SQLite table
//   BM_OpenRebuild    opening that ledger: scan every event, rebuild the model
//   BM_OpenSnapshot   opening it from the snapshot its import wrote
//   BM_ReportDonors   the donors report over the rebuilt model
//   BM_SqliteGroupBy  SQLite's GROUP BY computing the same sums over the same
//                     line rows in a plain table (file-backed, page cache warm)
//   BM_SqliteMemoryGroupBy  the same in an in-memory SQLite database
// Run through bench/run.sh, which reports medians and ratios.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "bench/bench_support.h"
#include "bench/line_rows.h"
#include "bench/synthetic_fixture.h"
#include "base/read_only_file.h"
#include "io/jsonl_import.h"
#include "query/reports.h"
#include "synth/synthetic_ledger.h"

namespace ramstein {
namespace {

using bench::Open;
using bench::Rates;
using bench::WorkDir;
using bench::InputFile;
using bench::LedgerFile;
using bench::OpenedLedger;
using bench::LoadedSqlite;

void BM_Import(benchmark::State& state) {
  const std::string& input = InputFile(state.range(0));
  std::uint64_t events = 0;
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = WorkDir() + "/import-" + std::to_string(round++) + ".db";
    bench::RemoveLedger(path);
    auto db = Open(path);
    state.ResumeTiming();
    auto result = ImportJsonLines(*db, {input}, "bench", ImportOptions{});
    if (!result.ok() || !result->errors.empty()) state.SkipWithError("import failed");
    events = result->records;
    state.PauseTiming();
    db.reset();
    bench::RemoveLedger(path);
    state.ResumeTiming();
  }
  state.counters["line_items_per_s"] = benchmark::Counter(
      static_cast<double>(state.range(0)), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["events"] = static_cast<double>(events);
}

// Opening `path`: from its snapshot, or (use_snapshot false) replaying it.
void OpenLedger(benchmark::State& state, const std::string& path, bool use_snapshot) {
  OpenOptions options;
  options.use_snapshot = use_snapshot;
  std::uint64_t events = 0;
  for (auto _ : state) {
    auto db = Open(path, options);
    if (use_snapshot && db->opened_from_snapshot() != db->head().sequence) state.SkipWithError("no snapshot used");
    events = db->head().sequence;
    benchmark::DoNotOptimize(db->model().lines().size());
    state.PauseTiming();  // freeing the model is not part of opening it
    db.reset();
    state.ResumeTiming();
  }
  state.counters["events_per_s"] = benchmark::Counter(
      static_cast<double>(events), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["events"] = static_cast<double>(events);
}

void BM_OpenRebuild(benchmark::State& state) { OpenLedger(state, LedgerFile(state.range(0)), false); }

// The ledger's snapshot is written by its import at 10^6; at 10^5 (fewer
// events than an append's threshold) it is written here, once.
void BM_OpenSnapshot(benchmark::State& state) {
  const std::string& path = LedgerFile(state.range(0));
  {
    auto db = Open(path);
    if (db->opened_from_snapshot() != db->head().sequence && !db->WriteSnapshot().ok()) std::abort();
  }
  OpenLedger(state, path, true);
}

void BM_ReportDonors(benchmark::State& state) {
  const Model& model = OpenedLedger(state.range(0)).model();
  for (auto _ : state) {
    Table table = DonorsReport(model);
    benchmark::DoNotOptimize(table.rows.data());
  }
  state.counters["rows_scanned"] = static_cast<double>(model.lines().size());
}

void RunGroupBy(benchmark::State& state, bool in_memory) {
  bench::TimeGroupBy(state, LoadedSqlite(OpenedLedger(state.range(0)).model(), state.range(0), in_memory));
}

// What a user without Ramstein might do with the same file: store each JSON
// line as a row of a plain SQLite table (same WAL and synchronous=FULL
// settings), with no validation, no hash chain and no model.
void BM_SqliteInsertLines(benchmark::State& state) {
  const std::string& input = InputFile(state.range(0));
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = WorkDir() + "/lines-" + std::to_string(round++) + ".db";
    bench::RemoveLedger(path);
    state.ResumeTiming();
    auto text = ReadFile(input);
    sqlite3* db;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(
        db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE lines(line TEXT); BEGIN;",
        nullptr, nullptr, nullptr);
    sqlite3_stmt* insert;
    sqlite3_prepare_v2(db, "INSERT INTO lines VALUES(?)", -1, &insert, nullptr);
    std::size_t position = 0;
    while (position < text->size()) {
      std::size_t end = text->find('\n', position);
      if (end == std::string::npos) end = text->size();
      sqlite3_bind_text(insert, 1, text->data() + position, static_cast<int>(end - position),
                        SQLITE_STATIC);
      sqlite3_step(insert);
      sqlite3_reset(insert);
      position = end + 1;
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    state.PauseTiming();
    bench::RemoveLedger(path);
    state.ResumeTiming();
  }
  state.counters["line_items_per_s"] = benchmark::Counter(
      static_cast<double>(state.range(0)), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_SqliteGroupBy(benchmark::State& state) {
  RunGroupBy(state, false);
}
void BM_SqliteMemoryGroupBy(benchmark::State& state) {
  RunGroupBy(state, true);
}

constexpr std::int64_t kSmall = 100'000;
constexpr std::int64_t kLarge = 1'000'000;

BENCHMARK(BM_Import)
    ->Arg(kSmall)
    ->Arg(kLarge)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK(BM_SqliteInsertLines)
    ->Arg(kSmall)
    ->Arg(kLarge)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK(BM_OpenRebuild)
    ->Arg(kSmall)
    ->Arg(kLarge)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK(BM_OpenSnapshot)
    ->Arg(kSmall)
    ->Arg(kLarge)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK(BM_ReportDonors)->Arg(kSmall)->Arg(kLarge)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SqliteGroupBy)->Arg(kSmall)->Arg(kLarge)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SqliteMemoryGroupBy)
    ->Arg(kSmall)
    ->Arg(kLarge)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace ramstein

BENCHMARK_MAIN();
