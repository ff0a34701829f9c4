// Import benchmarks on synthetic publisher files of 10^5 and 10^6 rows, each
// beside what a user would otherwise run on the same file:
//   BM_CsvRead           the CSV reader alone (rows and their positions)
//   BM_KielCsvParse      `import --format kiel-main-csv` up to the records:
//                        columns mapped, donors resolved, EUR to the cent,
//                        ids hashed, every row quoted
//   BM_KielCsvImport     the whole import into a ledger: parse, check every
//                        record, chain and write the events, apply them
//   BM_SqliteCsvImport   the sqlite3 shell's `.import --csv` of the same file
//                        into a plain table (no checks, no records)
//   BM_XlsxRead          the XLSX reader alone over a libxlsxwriter-written
//                        workbook of the same rows (Kiel Release 18 columns)
//   BM_KielXlsxParse     `import --format kiel-main-xlsx` up to the records
// Run through bench/import.sh, which reports medians and rates.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "bench/bench_support.h"
#include "io/csv/csv_reader.h"
#include "io/dataset_import.h"
#include "base/read_only_file.h"
#include "io/jsonl_import.h"
#include "io/kiel_main/kiel_main_csv.h"
#include "io/kiel_main/kiel_main_xlsx.h"
#include "io/xlsx/xlsx_reader.h"

namespace ramstein {
namespace {

using bench::Open;
using bench::Rates;
using bench::WorkDir;

const char* const kDonors[] = {"United States", "Germany", "United Kingdom", "France", "Poland",
                               "Netherlands", "Denmark", "Sweden", "Canada", "Norway",
                               "EU (Commission and Council)", "Japan", "Italy", "Turkiye"};
const char* const kTypes[] = {"Military", "Financial", "Humanitarian"};

// Row i's fields, deterministic: a donor, a day in 2022..2025, a type, an
// allocation (9 in 10) or commitment, an amount with Kiel's float digits.
struct SyntheticRow {
  const char* donor;
  int year, month, day;
  const char* type;
  bool commitment;
  std::string amount;
};
SyntheticRow Row(std::int64_t i) {
  std::uint64_t h = static_cast<std::uint64_t>(i) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  SyntheticRow row;
  row.donor = kDonors[h % (sizeof kDonors / sizeof *kDonors)];
  row.year = 2022 + static_cast<int>((h >> 8) % 4);
  row.month = 1 + static_cast<int>((h >> 12) % 12);
  row.day = 1 + static_cast<int>((h >> 16) % 28);
  row.type = kTypes[(h >> 20) % 3];
  row.commitment = (h >> 24) % 10 == 0;
  row.amount = std::to_string(1000 + (h >> 32) % 900'000'000) + "." + std::to_string(100000000 + (h >> 40) % 899999999);
  return row;
}

// A Kiel Release 28 style CSV of `rows` rows, written once.
const std::string& CsvFile(std::int64_t rows) {
  static std::map<std::int64_t, std::string> files;
  auto& path = files[rows];
  if (!path.empty()) return path;
  path = WorkDir() + "/kiel-" + std::to_string(rows) + ".csv";
  std::ofstream out(path, std::ios::binary);
  out << "giver,dato,kategori,maal,verdi_eur,verdi_eur_redistr,verdi_eur_activity,maaned_nr,maaned_finnes,verdi_eur_mrd\n";
  char date[16];
  for (std::int64_t i = 0; i < rows; ++i) {
    SyntheticRow r = Row(i);
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", r.year, r.month, r.day);
    int month_number = (r.year - 2022) * 12 + r.month;
    const std::string& allocated = r.commitment ? std::string("0.0") : r.amount;
    out << r.donor << ',' << date << ',' << r.type << ',' << (r.commitment ? "Commitment" : "Allocation") << ','
        << allocated << ',' << allocated << ',' << (r.commitment ? r.amount : "0.0") << ',' << month_number
        << ",True,0.1\n";
  }
  return path;
}

// The same rows as a Kiel Release 18 style workbook, written once with
// libxlsxwriter (constant memory mode: inline strings, rows streamed).
const std::string& XlsxFile(std::int64_t rows) {
  static std::map<std::int64_t, std::string> files;
  auto& path = files[rows];
  if (!path.empty()) return path;
  path = WorkDir() + "/kiel-" + std::to_string(rows) + ".xlsx";
  lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_TRUE};
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Bilateral Assistance, MAIN DATA");
  const char* header[] = {"ID", "Countries", "Announcement Date", "Type of Aid General", "Type of donation",
                          "Items", "No. of Units", "Converted Value in EUR",
                          "Allocated Total in EUR (redistributed)", "Source of Aid 1"};
  for (lxw_col_t c = 0; c < 10; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
  for (std::int64_t i = 0; i < rows; ++i) {
    SyntheticRow r = Row(i);
    auto row = static_cast<lxw_row_t>(i + 1);
    std::string id = "ID" + std::to_string(i);
    worksheet_write_string(sheet, row, 0, id.c_str(), nullptr);
    worksheet_write_string(sheet, row, 1, r.donor, nullptr);
    lxw_datetime day = {r.year, r.month, r.day, 0, 0, 0};
    worksheet_write_datetime(sheet, row, 2, &day, nullptr);
    worksheet_write_string(sheet, row, 3, r.type, nullptr);
    worksheet_write_string(sheet, row, 4, r.commitment ? "Commitment" : "Allocation", nullptr);
    worksheet_write_string(sheet, row, 5, i % 3 == 0 ? "155mm shell" : ".", nullptr);
    worksheet_write_number(sheet, row, 6, static_cast<double>(i % 1000), nullptr);
    double amount = std::stod(r.amount);
    worksheet_write_number(sheet, row, 7, amount, nullptr);
    worksheet_write_number(sheet, row, 8, r.commitment ? 0.0 : amount, nullptr);
    worksheet_write_string(sheet, row, 9, "https://example.org/release", nullptr);
  }
  if (workbook_close(book) != LXW_NO_ERROR) std::abort();
  return path;
}

// A ledger of the bundled catalogue (actors, items), built once and copied.
const std::string& CatalogLedger() {
  static const std::string path = [] {
    std::string file = WorkDir() + "/catalog.db";
    auto db = Open(file);
    std::string data = std::string(RAMSTEIN_SOURCE_DIR) + "/data/";
    auto result = ImportJsonLines(*db, {data + "sources/sources.jsonl", data + "catalog/actors.jsonl",
                                        data + "catalog/items.jsonl"},
                                  "bench", ImportOptions{});
    if (!result.ok() || !result->errors.empty()) std::abort();
    return file;
  }();
  return path;
}

LedgerDb& CatalogDb() {
  static std::unique_ptr<LedgerDb> db = Open(CatalogLedger());
  return *db;
}

void RowsRate(benchmark::State& state) {
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(state.range(0)), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_CsvRead(benchmark::State& state) {
  auto text = ReadFile(CsvFile(state.range(0))).value();
  for (auto _ : state) {
    CsvReader reader(text);
    CsvRow row;
    std::size_t rows = 0;
    while (reader.Next(&row)) ++rows;
    if (rows != static_cast<std::size_t>(state.range(0)) + 1) state.SkipWithError("row count");
  }
  RowsRate(state);
}

void BM_KielCsvParse(benchmark::State& state) {
  std::vector<InputFile> files = {{CsvFile(state.range(0)), ReadFile(CsvFile(state.range(0))).value()}};
  auto catalog = CatalogOf(CatalogDb().model());
  for (auto _ : state) {
    DatasetBatch batch = ParseKielMainCsv(files, *catalog);
    if (!batch.errors.empty()) {
      state.SkipWithError(batch.errors[0].c_str());
      break;
    }
    benchmark::DoNotOptimize(batch.records.data());
    state.PauseTiming();  // freeing a million records is not parsing
    batch = DatasetBatch();
    state.ResumeTiming();
  }
  RowsRate(state);
}

void BM_KielCsvImport(benchmark::State& state) {
  const std::string& input = CsvFile(state.range(0));
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string path = WorkDir() + "/import-" + std::to_string(round++) + ".db";
    std::filesystem::copy_file(CatalogLedger(), path);
    auto db = Open(path);
    state.ResumeTiming();
    auto result = ImportDataset(*db, "kiel-main-csv", {input}, "bench", ImportOptions{});
    if (!result.ok() || !result->errors.empty()) {
      state.SkipWithError("import failed");
      break;
    }
    state.PauseTiming();
    db.reset();
    bench::RemoveLedger(path);
    state.ResumeTiming();
  }
  RowsRate(state);
}

void BM_SqliteCsvImport(benchmark::State& state) {
  const std::string& input = CsvFile(state.range(0));
  std::string path = WorkDir() + "/sqlite-import.db";
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(path);
    state.ResumeTiming();
    std::string command = "sqlite3 '" + path + "' '.import --csv " + input + " activities'";
    if (std::system(command.c_str()) != 0) state.SkipWithError("sqlite3 .import failed");
  }
  std::filesystem::remove(path);
  RowsRate(state);
}

void BM_XlsxRead(benchmark::State& state) {
  auto bytes = ReadFile(XlsxFile(state.range(0))).value();
  for (auto _ : state) {
    auto workbook = XlsxWorkbook::Open(bytes);
    std::size_t rows = 0;
    Status status = (*workbook)->ReadSheet("Bilateral Assistance, MAIN DATA",
                                           [&](std::uint32_t, const std::vector<XlsxCell>&) {
                                             ++rows;
                                             return Status::Ok();
                                           });
    if (!status.ok() || rows != static_cast<std::size_t>(state.range(0)) + 1) state.SkipWithError("read failed");
  }
  RowsRate(state);
}

void BM_KielXlsxParse(benchmark::State& state) {
  std::vector<InputFile> files = {{XlsxFile(state.range(0)), ReadFile(XlsxFile(state.range(0))).value()}};
  auto catalog = CatalogOf(CatalogDb().model());
  for (auto _ : state) {
    DatasetBatch batch = ParseKielMainXlsx(files, *catalog);
    if (!batch.errors.empty()) {
      state.SkipWithError(batch.errors[0].c_str());
      break;
    }
    benchmark::DoNotOptimize(batch.records.data());
    state.PauseTiming();
    batch = DatasetBatch();
    state.ResumeTiming();
  }
  RowsRate(state);
}

BENCHMARK(BM_CsvRead)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_KielCsvParse)->Arg(100'000)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_KielCsvImport)->Arg(100'000)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SqliteCsvImport)->Arg(100'000)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_XlsxRead)->Arg(100'000)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_KielXlsxParse)->Arg(100'000)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace ramstein

BENCHMARK_MAIN();
