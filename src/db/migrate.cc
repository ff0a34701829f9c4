#include "db/migrate.h"

#include <vector>

#include "db/ledger_db.h"
#include "db/ledger_tree.h"

namespace ramstein {

Result<MigrationSummary> MigrateLedger(EventStore& from, std::unique_ptr<EventStore> to, const FxRates* rates,
                                       Clock* clock, const std::string& author) {
  if (from.format() != EventFormat::v1) return Status::InvalidArgument("the ledger is already of format 2");
  if (to->format() != EventFormat::v2) return Status::InvalidArgument("the new ledger must be of format 2");
  auto to_head = to->Head();
  if (!to_head.ok()) return to_head.status();
  if (to_head->sequence != 0) return Status::InvalidArgument("the new ledger must be empty");
  // Nothing damaged is carried over as if it were whole.
  auto verified = LedgerDb::VerifyStore(from, rates);
  if (!verified.ok()) return Status::Corruption("the ledger does not verify: " + verified.status().message());
  auto old_tree = ReadLedgerTree(from);
  if (!old_tree.ok()) return old_tree.status();
  if (old_tree->size() == 0) return Status::InvalidArgument("the ledger is empty: nothing to migrate");

  // Copied in chunks (one transaction each) so that a large ledger is never
  // held in memory at once.
  std::vector<Event> chunk;
  StoreHead head;
  std::string scratch;
  auto flush = [&]() -> Status {
    if (chunk.empty()) return Status::Ok();
    RAMSTEIN_RETURN_IF_ERROR(to->Append(head, chunk));
    head = StoreHead{chunk.back().sequence, chunk.back().hash};
    chunk.clear();
    return Status::Ok();
  };
  Status copied = from.Scan(0, [&](const EventView& view) {
    Event event = Event::Of(view);
    event.format = EventFormat::v2;
    event.salt = RandomSalt();
    event.hash = ChainHash(chunk.empty() ? head.hash : chunk.back().hash, event.view(), scratch);
    chunk.push_back(std::move(event));
    return chunk.size() == migrate_chunk_events ? flush() : Status::Ok();
  });
  if (copied.ok()) copied = flush();
  if (!copied.ok()) return copied;

  auto db = LedgerDb::Open(std::move(to), rates, clock);
  if (!db.ok()) return db.status();
  MigrationRecord migration;
  migration.id = "migration:" + old_tree->id;
  migration.format = "ramstein-ledger-1";
  migration.ledger = old_tree->id;
  migration.sequence = static_cast<std::int64_t>(old_tree->size());
  migration.head = HashToHex(old_tree->chain.back());
  migration.root = HashToHex(old_tree->tree.Root());
  migration.note = "re-chained from format 1 (ramstein-ledger-1) as format 2 by `ramstein migrate`";
  std::vector<Record> batch;
  batch.push_back(migration);
  // Model::Check, not LedgerDb::Check: that one keeps migration records out of imports.
  if (Status check = (*db)->model().Check(batch[0], {}); !check.ok()) return check;
  auto appended = (*db)->AppendChecked(std::move(batch), author);
  if (!appended.ok()) return appended.status();
  auto new_verified = LedgerDb::VerifyStore((*db)->store(), rates);
  if (!new_verified.ok()) {
    return Status::Corruption("the migrated ledger does not verify: " + new_verified.status().message());
  }
  auto new_tree = ReadLedgerTree((*db)->store());
  if (!new_tree.ok()) return new_tree.status();
  return MigrationSummary{old_tree->size(), old_tree->id, new_tree->id, old_tree->chain.back(), new_verified->head};
}

}  // namespace ramstein
