// AppContext: what every `ramstein` command needs: where the ledger and the
// bundled data are, who is acting, how to print, and the exit codes.
#pragma once

#include <memory>
#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "db/ledger_db.h"
#include "fx/fx_rates.h"
#include "io/import_result.h"
#include "render/table_format.h"
#include "store/sqlite/sqlite_event_store.h"

namespace ramstein {

// Exit codes: 0 ok, 1 usage, 2 data error (bad input, failed verification,
// unreadable files).
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitDataError = 2;

struct AppContext {
  std::string db_path = "ramstein.db";
  std::string signing_key_path;  // "" : SigningKeyPath()'s default
  std::string data_dir;  // the bundled data/ folder
  std::string author;
  bool json = false;
  bool csv = false;
  SystemClock clock;
  FxRates rates;
  std::string rates_sha256;  // of the ECB file loaded, set by Open()
  std::unique_ptr<LedgerDb> db;

  TableFormat format() const {
    return json ? TableFormat::json : csv ? TableFormat::csv : TableFormat::text;
  }
  // Loads the ECB rates from data_dir and opens the ledger.
  Status Open(SqliteEventStore::Mode mode);
  // Loads the ECB rates from data_dir (what Open() does first).
  Status LoadRates();
  // The ledger's signing key file: signing_key_path, else the ledger's
  // path with ".key" appended (beside it, never in it).
  std::string SigningKeyPath() const { return signing_key_path.empty() ? db_path + ".key" : signing_key_path; }
};

// Prints "ramstein: <message>" to stderr and returns the exit code for it.
int Fail(const Status& status);

// Prints what an import did (for a publisher's files, `dataset`: rows read,
// records new / changed / unchanged, names to review), or its errors and
// that nothing was written; returns the exit code for it.
int PrintImportResult(const Result<ImportResult>& result, bool dry_run, bool dataset);

}  // namespace ramstein
