// crash_writer LEDGER: appends batches to a ledger in a loop, forever, and
// prints "committed N" after each batch's Append returned ok. Killed with
// SIGKILL by crash_test at random moments.
#include <cstdio>
#include <filesystem>
#include <string>

#include "base/clock.h"
#include "db/ledger_db.h"
#include "store/sqlite/sqlite_event_store.h"

int main(int argc, char** argv) {
  using namespace ramstein;
  if (argc != 2) {
    std::fprintf(stderr, "usage: crash_writer LEDGER\n");
    return 1;
  }
  static FxRates rates;
  static SystemClock clock;
  auto store = SqliteEventStore::Open(argv[1], std::filesystem::exists(argv[1]) ? SqliteEventStore::Mode::open_existing : SqliteEventStore::Mode::create);
  if (!store.ok()) return 2;
  auto db = LedgerDb::Open(std::move(store).value(), &rates, &clock);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
    return 2;
  }
  // Continue after the last batch that reached the ledger, reported or not.
  std::uint64_t batch = 0;
  while ((*db)->model().Find("crash:" + std::to_string(batch) + ":0")) ++batch;
  constexpr int kRecordsPerBatch = 100;
  for (;; ++batch) {
    std::vector<Record> records;
    for (int i = 0; i < kRecordsPerBatch; ++i) {
      ActorRecord actor;
      actor.id = "crash:" + std::to_string(batch) + ":" + std::to_string(i);
      actor.name = "Crash test actor " + actor.id;
      actor.actor_kind = ActorKind::organisation;
      records.emplace_back(std::move(actor));
    }
    auto appended = (*db)->Append(std::move(records), "crash-writer");
    if (!appended.ok()) {
      std::fprintf(stderr, "%s\n", appended.status().ToString().c_str());
      return 2;
    }
    std::printf("committed %llu\n", static_cast<unsigned long long>(batch));
    std::fflush(stdout);
  }
}
