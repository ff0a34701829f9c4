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
#include "base/read_only_file.h"
#include "io/jsonl_import.h"
#include "query/reports.h"
#include "synth/synthetic_ledger.h"

namespace ramstein {
namespace {

using bench::Open;
using bench::Rates;
using bench::WorkDir;

// Measures per size: about 4 line items each.
std::uint64_t MeasuresFor(std::int64_t line_items) {
  return static_cast<std::uint64_t>(line_items / 4);
}

// The synthetic JSON Lines file for a size, written once.
const std::string& InputFile(std::int64_t line_items) {
  static std::map<std::int64_t, std::string> files;
  auto& path = files[line_items];
  if (path.empty()) {
    path = WorkDir() + "/synthetic-" + std::to_string(line_items) + ".jsonl";
    std::ofstream out(path, std::ios::binary);
    SyntheticOptions options;
    options.measures = MeasuresFor(line_items);
    GenerateSyntheticLedger(options, [&](const std::string& chunk) { out << chunk; });
  }
  return path;
}

// A ledger holding the synthetic data of a size, imported once.
const std::string& LedgerFile(std::int64_t line_items) {
  static std::map<std::int64_t, std::string> ledgers;
  auto& path = ledgers[line_items];
  if (path.empty()) {
    path = WorkDir() + "/ledger-" + std::to_string(line_items) + ".db";
    auto db = Open(path);
    auto result = ImportJsonLines(*db, {InputFile(line_items)}, "bench", ImportOptions{});
    if (!result.ok() || !result->errors.empty()) std::abort();
  }
  return path;
}

void BM_Import(benchmark::State& state) {
  const std::string& input = InputFile(state.range(0));
  std::uint64_t events = 0;
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = WorkDir() + "/import-" + std::to_string(round++) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto db = Open(path);
    state.ResumeTiming();
    auto result = ImportJsonLines(*db, {input}, "bench", ImportOptions{});
    if (!result.ok() || !result->errors.empty()) state.SkipWithError("import failed");
    events = result->records;
    state.PauseTiming();
    db.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
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

LedgerDb& OpenedLedger(std::int64_t line_items) {
  static std::map<std::int64_t, std::unique_ptr<LedgerDb>> open;
  auto& db = open[line_items];
  if (!db) db = Open(LedgerFile(line_items));
  return *db;
}

void BM_ReportDonors(benchmark::State& state) {
  const Model& model = OpenedLedger(state.range(0)).model();
  for (auto _ : state) {
    Table table = DonorsReport(model);
    benchmark::DoNotOptimize(table.rows.data());
  }
  state.counters["rows_scanned"] = static_cast<double>(model.lines().size());
}

// Loads the model's line rows into a plain SQLite table, as an analyst would
// export them, and returns the open database.
sqlite3* LoadedSqlite(std::int64_t line_items, bool in_memory) {
  static std::map<std::pair<std::int64_t, bool>, sqlite3*> loaded;
  sqlite3*& db = loaded[{line_items, in_memory}];
  if (db) return db;
  std::string path =
      in_memory ? ":memory:" : WorkDir() + "/plain-" + std::to_string(line_items) + ".db";
  if (!in_memory) std::filesystem::remove(path);
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db,
               "CREATE TABLE line_items(donor TEXT, currency TEXT, status INTEGER, value INTEGER, "
               "delivered INTEGER, held INTEGER, converted INTEGER, value_eur INTEGER, "
               "delivered_eur INTEGER, "
               "held_eur INTEGER); BEGIN;",
               nullptr, nullptr, nullptr);
  const Model& model = OpenedLedger(line_items).model();
  const LineTable& t = model.lines();
  sqlite3_stmt* insert;
  sqlite3_prepare_v2(db, "INSERT INTO line_items VALUES(?,?,?,?,?,?,?,?,?,?)", -1, &insert,
                     nullptr);
  for (std::uint32_t r = 0; r < t.size(); ++r) {
    const std::string& donor = model.ActorId(t.donor[r]);
    std::string_view currency = Currency::FromIndex(t.currency[r]).code();
    sqlite3_bind_text(insert, 1, donor.data(), static_cast<int>(donor.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, currency.data(), static_cast<int>(currency.size()), SQLITE_STATIC);
    sqlite3_bind_int(insert, 3, t.status[r]);
    sqlite3_bind_int64(insert, 4, t.value_minor[r]);
    sqlite3_bind_int64(insert, 5, t.delivered_minor[r]);
    sqlite3_bind_int64(insert, 6, t.held_minor[r]);
    sqlite3_bind_int(insert, 7, t.converted[r]);
    sqlite3_bind_int64(insert, 8, t.value_eur_cents[r]);
    sqlite3_bind_int64(insert, 9, t.delivered_eur_cents[r]);
    sqlite3_bind_int64(insert, 10, t.held_eur_cents[r]);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr);
  return db;
}

// The same sums as DonorsReport: statuses 1..5 are announced..delivered,
// 2..5 committed or later.
constexpr const char* kGroupBy = R"sql(
SELECT donor, currency,
  SUM(value), SUM(CASE WHEN status >= 2 THEN value ELSE 0 END), SUM(delivered),
  SUM(CASE WHEN status >= 2 THEN MAX(0, value - delivered) ELSE 0 END), SUM(held),
  SUM(CASE WHEN converted THEN value_eur ELSE 0 END),
  SUM(CASE WHEN converted AND status >= 2 THEN value_eur ELSE 0 END),
  SUM(CASE WHEN converted THEN delivered_eur ELSE 0 END),
  SUM(CASE WHEN converted AND status >= 2 THEN MAX(0, value_eur - delivered_eur) ELSE 0 END),
  SUM(CASE WHEN converted THEN held_eur ELSE 0 END)
FROM line_items WHERE status BETWEEN 1 AND 5
GROUP BY donor, currency
)sql";

void RunGroupBy(benchmark::State& state, bool in_memory) {
  sqlite3* db = LoadedSqlite(state.range(0), in_memory);
  sqlite3_stmt* query;
  sqlite3_prepare_v2(db, kGroupBy, -1, &query, nullptr);
  std::int64_t groups = 0;
  for (auto _ : state) {
    groups = 0;
    while (sqlite3_step(query) == SQLITE_ROW) ++groups;
    sqlite3_reset(query);
  }
  sqlite3_finalize(query);
  state.counters["groups"] = static_cast<double>(groups);
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
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
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
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
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
