#include "app/app_context.h"

#include <cstdio>

#include "base/read_only_file.h"
#include "io/jsonl_import.h"
#include "ledger/record_codec.h"

namespace ramstein {

Status AppContext::LoadRates() {
  std::string rates_path = data_dir + "/fx/eurofxref-hist.csv";
  auto text = ReadFile(rates_path);
  if (!text.ok()) return text.status();
  rates_sha256 = Sha256Hex(*text);
  auto parsed = FxRates::ParseEcbCsv(*text, rates_path);
  if (!parsed.ok()) return parsed.status();
  rates = std::move(parsed).value();
  return Status::Ok();
}

Status AppContext::Open(SqliteEventStore::Mode mode) {
  RAMSTEIN_RETURN_IF_ERROR(LoadRates());
  auto store = SqliteEventStore::Open(db_path, mode);
  if (!store.ok()) return store.status();
  auto opened = LedgerDb::Open(std::move(store).value(), &rates, &clock);
  if (!opened.ok()) return opened.status();
  db = std::move(opened).value();
  // A stale snapshot (another build, other rates) is routine; a damaged
  // one is worth knowing about.
  if (db->snapshot_load().damaged) {
    for (const std::string& why : db->snapshot_load().passed_over)
      std::fprintf(stderr, "ramstein: note: %s; it was not used\n", why.c_str());
  }
  return Status::Ok();
}

int PrintImportResult(const Result<ImportResult>& result, bool dry_run, bool dataset) {
  if (!result.ok()) return Fail(result.status());
  if (!result->errors.empty()) {
    for (const auto& error : result->errors) std::fprintf(stderr, "%s\n", error.c_str());
    std::fprintf(stderr, "ramstein: import rejected: %zu error(s); nothing was written\n",
                 result->errors.size());
    return kExitDataError;
  }
  std::string kinds;
  for (const auto& [kind, count] : result->records_by_kind) {
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
  }
  if (kinds.empty()) kinds = "none";
  if (dataset) {
    std::printf("read %zu rows: %zu records new, %zu changed, %zu unchanged\n", result->lines_read,
                result->created, result->changed, result->unchanged);
    if (!result->review.empty()) {
      constexpr std::size_t kShown = 20;
      std::printf("%zu names to review (kept, not dropped):\n", result->review.size());
      for (std::size_t i = 0; i < result->review.size() && i < kShown; ++i)
        std::printf("  %s\n", result->review[i].c_str());
      if (result->review.size() > kShown)
        std::printf("  ... and %zu more (report review lists them all)\n", result->review.size() - kShown);
    }
  }
  if (dry_run) {
    std::printf("dry run: %zu records would be appended (%s); nothing was written\n",
                result->records, kinds.c_str());
  } else if (result->records == 0) {
    std::printf("nothing to append: the ledger already holds every record\n");
  } else {
    std::printf("imported %zu records (%s) as events %llu..%llu\n", result->records, kinds.c_str(),
                static_cast<unsigned long long>(result->appended.first_sequence),
                static_cast<unsigned long long>(result->appended.last_sequence));
    const AppendSummary& appended = result->appended;
    std::fprintf(stderr,
                 "timing: read %lld ms, decode %lld ms, check %lld ms, write %lld ms "
                 "(store %lld, apply %lld, snapshot %lld)\n",
                 static_cast<long long>(result->read_ms), static_cast<long long>(result->decode_ms),
                 static_cast<long long>(result->check_ms), static_cast<long long>(result->write_ms),
                 static_cast<long long>(appended.store_ms), static_cast<long long>(appended.apply_ms),
                 static_cast<long long>(appended.snapshot_ms));
  }
  return kExitOk;
}

int Fail(const Status& status) {
  std::fprintf(stderr, "ramstein: %s\n", status.ToString().c_str());
  return status.code() == Status::Code::invalid_argument ? kExitUsage : kExitDataError;
}

}  // namespace ramstein
