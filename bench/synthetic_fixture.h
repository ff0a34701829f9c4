// The synthetic ledger the benchmarks read, per size in line items: its
// JSON Lines file (`ramstein gen`'s data, seed 1, about 4 line items per
// measure), the ledger it is imported into, and that ledger open. Each is
// made once per process, in the benchmark process's scratch folder.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "bench/bench_support.h"
#include "io/jsonl_import.h"
#include "synth/synthetic_ledger.h"

namespace ramstein::bench {

// Measures per size: about 4 line items each.
inline std::uint64_t MeasuresFor(std::int64_t line_items) {
  return static_cast<std::uint64_t>(line_items / 4);
}

// The synthetic JSON Lines file for a size, written once.
inline const std::string& InputFile(std::int64_t line_items) {
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

// Where the ledger of a size lives; LedgerFile imports it there when absent.
inline std::string LedgerPath(std::int64_t line_items) {
  return WorkDir() + "/ledger-" + std::to_string(line_items) + ".db";
}

// A ledger holding the synthetic data of a size, imported once (a
// benchmark that times the import itself may have made it first).
inline const std::string& LedgerFile(std::int64_t line_items) {
  static std::map<std::int64_t, std::string> ledgers;
  auto& path = ledgers[line_items];
  if (path.empty()) {
    path = LedgerPath(line_items);
    if (std::filesystem::exists(path)) return path;
    auto db = Open(path);
    auto result = ImportJsonLines(*db, {InputFile(line_items)}, "bench", ImportOptions{});
    if (!result.ok() || !result->errors.empty()) std::abort();
  }
  return path;
}

// That ledger, open (from its snapshot when it has one) for the process.
inline LedgerDb& OpenedLedger(std::int64_t line_items) {
  static std::map<std::int64_t, std::unique_ptr<LedgerDb>> open;
  auto& db = open[line_items];
  if (!db) db = Open(LedgerFile(line_items));
  return *db;
}

}  // namespace ramstein::bench
