// `ramstein snapshot [--list]`: writes a snapshot of the model at the
// ledger's head, or lists the stored ones and whether each is usable.
#include <chrono>
#include <cstdio>

#include "app/commands.h"
#include "base/build_id.h"
#include "db/ledger_snapshot.h"

namespace ramstein {

namespace {

long long MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

int ListSnapshots(AppContext& context) {
  Status loaded = context.LoadRates();
  if (!loaded.ok()) return Fail(loaded);
  auto store = SqliteEventStore::Open(context.db_path, SqliteEventStore::Mode::read_only);
  if (!store.ok()) return Fail(store.status());
  auto head = (*store)->Head();
  if (!head.ok()) return Fail(head.status());
  auto sequences = (*store)->Snapshots();
  if (!sequences.ok()) return Fail(sequences.status());
  if (sequences->empty()) std::printf("no snapshots; opening replays all %llu events\n", static_cast<unsigned long long>(head->sequence));
  SnapshotLoad usable = LoadSnapshot(**store, *head, &context.rates, 2);
  for (std::uint64_t sequence : *sequences) {
    auto bytes = (*store)->ReadSnapshot(sequence);
    auto info = bytes.ok() ? ReadSnapshotInfo(*bytes) : Result<SnapshotInfo>(bytes.status());
    std::printf("event %llu: ", static_cast<unsigned long long>(sequence));
    if (!info.ok()) {
      std::printf("unreadable: %s\n", info.status().message().c_str());
      continue;
    }
    std::printf("%.1f MB of model, head %s, build %s", static_cast<double>(info->model_bytes) / 1e6,
                HashToHex(info->head).c_str(), info->build_id.empty() ? "(none)" : info->build_id.c_str());
    if (usable.model && usable.head.sequence == sequence) {
      std::printf(": used when opening (%llu events after it are replayed)\n",
                  static_cast<unsigned long long>(head->sequence - sequence));
    } else {
      std::printf("\n");
    }
  }
  for (const std::string& why : usable.passed_over) std::printf("  %s\n", why.c_str());
  return kExitOk;
}

}  // namespace

int RunSnapshot(AppContext& context, bool list) {
  if (list) return ListSnapshots(context);
  auto start = std::chrono::steady_clock::now();
  Status opened = context.Open(SqliteEventStore::Mode::open_existing);
  if (!opened.ok()) return Fail(opened);
  long long open_ms = MsSince(start);
  LedgerDb& db = *context.db;
  if (db.head().sequence == 0) return Fail(Status::InvalidArgument("the ledger has no events to snapshot"));
  start = std::chrono::steady_clock::now();
  Status written = db.WriteSnapshot();
  if (!written.ok()) return Fail(written);
  std::printf("snapshot at event %llu written in %lld ms (opened in %lld ms, %s)\n",
              static_cast<unsigned long long>(db.head().sequence), MsSince(start), open_ms,
              db.opened_from_snapshot() > 0
                  ? ("from the snapshot at event " + std::to_string(db.opened_from_snapshot())).c_str()
                  : "replaying every event");
  return kExitOk;
}

}  // namespace ramstein
