#include "io/import_result.h"

#include <chrono>
#include <map>

#include "base/limits.h"

namespace ramstein {

Status AppendImported(LedgerDb& db, std::vector<Record> records, const std::string& author,
                      const ImportOptions& options, ImportResult* result) {
  if (records.size() > limits::batch_events_max) {
    result->errors.push_back("the import holds more than " +
                             std::to_string(limits::batch_events_max) + " records");
    return Status::Ok();
  }
  result->records = records.size();
  std::map<std::string, std::size_t> kinds;
  for (const Record& record : records) ++kinds[std::string(RecordKindName(KindOf(record)))];
  result->records_by_kind.assign(kinds.begin(), kinds.end());
  if (options.dry_run || records.empty()) return Status::Ok();
  auto start = std::chrono::steady_clock::now();
  auto appended = db.AppendChecked(std::move(records), author);
  if (!appended.ok()) return appended.status();
  result->appended = appended.value();
  result->write_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - start)
                         .count();
  return Status::Ok();
}

}  // namespace ramstein
