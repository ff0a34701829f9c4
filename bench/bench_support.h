// What the benchmarks share: a scratch folder per run, the bundled ECB
// rates, and a ledger file opened (created when missing) on them.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "base/clock.h"
#include "db/ledger_db.h"
#include "base/read_only_file.h"
#include "io/jsonl_import.h"
#include "store/sqlite/sqlite_event_store.h"

namespace ramstein::bench {

// A folder under the system's temporary directory, one per process,
// removed with what it holds when the process ends (the files of 10^6 rows
// take hundreds of megabytes).
inline const std::string& WorkDir() {
  struct Folder {
    std::string path;
    Folder()
        : path((std::filesystem::temp_directory_path() / ("ramstein-bench-" + std::to_string(::getpid())))
                   .string()) {
      std::filesystem::create_directories(path);
    }
    ~Folder() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Folder folder;
  return folder.path;
}

// The bundled ECB reference rates, read once.
inline const FxRates& Rates() {
  static const FxRates rates = [] {
    auto text = ReadFile(std::string(RAMSTEIN_SOURCE_DIR) + "/data/fx/eurofxref-hist.csv");
    return FxRates::ParseEcbCsv(*text, "eurofxref-hist.csv").value();
  }();
  return rates;
}

// Removes the ledger at `path` and every file beside it that belongs to it
// (a ledger left with its -ack file would refuse to open once made again
// with fewer events: "acknowledged events were lost").
inline void RemoveLedger(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-ack"}) std::filesystem::remove(path + suffix);
}

// The ledger at `path`, created when missing. Aborts on failure (a
// benchmark cannot go on without it).
inline std::unique_ptr<LedgerDb> Open(const std::string& path, const OpenOptions& options = {}) {
  static SystemClock clock;
  auto store = SqliteEventStore::Open(path, std::filesystem::exists(path) ? SqliteEventStore::Mode::open_existing : SqliteEventStore::Mode::create);
  return LedgerDb::Open(std::move(store).value(), &Rates(), &clock, options).value();
}

}  // namespace ramstein::bench
