// `report donors` against SQLite's GROUP BY over the same rows, at one size
// given on the command line (10^6 or 10^7 line items), with what it takes
// to get there: importing the synthetic file and opening the ledger.
//   BM_Import         `ramstein import` of the file into the fresh ledger the others read (once)
//   BM_OpenRebuild    opening it by replaying every event (the fallback)
//   BM_OpenSnapshot   opening it from the snapshot its import wrote
//   BM_ReportDonors   the donors report over the open model
//   BM_SqliteGroupBy  SQLite's GROUP BY computing the same sums over the
//                     model's line rows in a plain table (file, page cache warm)
//   BM_SqliteMemoryGroupBy  the same in an in-memory SQLite database
// With --rows-out=DIR it then writes DIR/rows-N.csv (the same rows, for
// DuckDB: bench/duckdb/groupby.mjs) and DIR/answer-N.tsv (SQLite's answer,
// which DuckDB's must equal). Run through bench/groupby.sh.
//
// Usage: groupby_bench --size=N [--rows-out=DIR] [Google Benchmark flags]
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "bench/bench_support.h"
#include "bench/line_rows.h"
#include "bench/synthetic_fixture.h"
#include "query/reports.h"

namespace ramstein {
namespace {

using bench::InputFile;
using bench::LedgerFile;
using bench::LedgerPath;
using bench::LoadedSqlite;
using bench::Open;
using bench::OpenedLedger;

// The timed import is the one that makes the ledger: the file is written
// before timing starts, the ledger must not exist yet.
void BM_Import(benchmark::State& state, std::int64_t size) {
  const std::string& input = InputFile(size);
  std::uint64_t events = 0;
  for (auto _ : state) {
    if (std::filesystem::exists(LedgerPath(size))) return state.SkipWithError("the ledger exists already");
    auto db = Open(LedgerPath(size));
    auto result = ImportJsonLines(*db, {input}, "bench", ImportOptions{});
    if (!result.ok() || !result->errors.empty()) return state.SkipWithError("import failed");
    events = result->records;
    state.PauseTiming();
    db.reset();
    state.ResumeTiming();
  }
  state.counters["line_items_per_s"] =
      benchmark::Counter(static_cast<double>(size), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["events"] = static_cast<double>(events);
}

void BM_Open(benchmark::State& state, std::int64_t size, bool use_snapshot) {
  OpenOptions options;
  options.use_snapshot = use_snapshot;
  const std::string& path = LedgerFile(size);
  if (use_snapshot) {  // an import below the snapshot threshold writes none
    auto db = Open(path);
    if (db->opened_from_snapshot() != db->head().sequence && !db->WriteSnapshot().ok()) {
      return state.SkipWithError("cannot write a snapshot");
    }
  }
  std::uint64_t events = 0;
  for (auto _ : state) {
    auto db = Open(path, options);
    if (use_snapshot && db->opened_from_snapshot() != db->head().sequence) {
      return state.SkipWithError("no snapshot used");
    }
    events = db->head().sequence;
    benchmark::DoNotOptimize(db->model().lines().size());
    state.PauseTiming();  // freeing the model is not part of opening it
    db.reset();
    state.ResumeTiming();
  }
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ReportDonors(benchmark::State& state, std::int64_t size) {
  const Model& model = OpenedLedger(size).model();
  for (auto _ : state) {
    Table table = DonorsReport(model);
    benchmark::DoNotOptimize(table.rows.data());
  }
  state.counters["rows_scanned"] = static_cast<double>(model.lines().size());
}

void BM_SqliteGroupBy(benchmark::State& state, std::int64_t size, bool in_memory) {
  bench::TimeGroupBy(state, LoadedSqlite(OpenedLedger(size).model(), size, in_memory));
}

// Takes `--name=value` out of argv, so Google Benchmark does not see it.
std::string TakeFlag(int& argc, char** argv, const char* name) {
  std::string prefix = std::string("--") + name + "=";
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], prefix.c_str(), prefix.size()) != 0) continue;
    std::string value = argv[i] + prefix.size();
    for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
    --argc;
    return value;
  }
  return "";
}

}  // namespace
}  // namespace ramstein

int main(int argc, char** argv) {
  using namespace ramstein;
  std::string size_text = TakeFlag(argc, argv, "size");
  std::string rows_out = TakeFlag(argc, argv, "rows-out");
  std::int64_t size = size_text.empty() ? 0 : std::stoll(size_text);
  if (size < 4) {
    std::fprintf(stderr, "usage: groupby_bench --size=LINE_ITEMS [--rows-out=DIR] [benchmark flags]\n");
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  const std::string n = "/" + std::to_string(size);
  using benchmark::RegisterBenchmark;
  RegisterBenchmark(("BM_Import" + n).c_str(), BM_Import, size)
      ->Iterations(1)->Repetitions(1)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark(("BM_OpenRebuild" + n).c_str(), BM_Open, size, false)
      ->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark(("BM_OpenSnapshot" + n).c_str(), BM_Open, size, true)
      ->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark(("BM_ReportDonors" + n).c_str(), BM_ReportDonors, size)
      ->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark(("BM_SqliteGroupBy" + n).c_str(), BM_SqliteGroupBy, size, false)
      ->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark(("BM_SqliteMemoryGroupBy" + n).c_str(), BM_SqliteGroupBy, size, true)
      ->Unit(benchmark::kMillisecond)->UseRealTime();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!rows_out.empty()) {
    const Model& model = OpenedLedger(size).model();
    std::string suffix = std::to_string(size);
    if (!bench::WriteLineRowsCsv(model, rows_out + "/rows-" + suffix + ".csv") ||
        !bench::WriteGroupByAnswer(LoadedSqlite(model, size, true), rows_out + "/answer-" + suffix + ".tsv")) {
      std::fprintf(stderr, "groupby_bench: cannot write to %s\n", rows_out.c_str());
      return 1;
    }
  }
  return 0;
}
