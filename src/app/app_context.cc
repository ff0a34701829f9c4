#include "app/app_context.h"

#include <cstdio>

#include "io/jsonl_import.h"
#include "ledger/record_codec.h"

namespace ramstein {

Status AppContext::Open(SqliteEventStore::Mode mode) {
  std::string rates_path = data_dir + "/fx/eurofxref-hist.csv";
  auto text = ReadFile(rates_path);
  if (!text.ok()) return text.status();
  rates_sha256 = Sha256Hex(*text);
  auto parsed = FxRates::ParseEcbCsv(*text, rates_path);
  if (!parsed.ok()) return parsed.status();
  rates = std::move(parsed).value();
  auto store = SqliteEventStore::Open(db_path, mode);
  if (!store.ok()) return store.status();
  auto opened = LedgerDb::Open(std::move(store).value(), &rates, &clock);
  if (!opened.ok()) return opened.status();
  db = std::move(opened).value();
  return Status::Ok();
}

int Fail(const Status& status) {
  std::fprintf(stderr, "ramstein: %s\n", status.ToString().c_str());
  return status.code() == Status::Code::invalid_argument ? kExitUsage : kExitDataError;
}

}  // namespace ramstein
