#include "db/ledger_tree.h"

#include "base/check.h"
#include "ledger/record_codec.h"

namespace ramstein {

Checkpoint LedgerTree::At(std::uint64_t sequence, std::int64_t time_ms) const {
  RAMSTEIN_CHECK(sequence >= 1 && sequence <= size());
  Checkpoint checkpoint;
  checkpoint.ledger = id;
  checkpoint.sequence = sequence;
  checkpoint.head = chain[sequence - 1];
  checkpoint.root = tree.Root(sequence);
  checkpoint.time_ms = time_ms;
  return checkpoint;
}

namespace {

// ExtendLedgerTree's work; `migrated_through` gets the `sequence` of a
// migration record among the events read.
Status Extend(EventStore& store, LedgerTree& ledger, std::uint64_t& migrated_through) {
  std::string entry;
  return store.Scan(ledger.size(), [&](const EventView& event) {
    entry.clear();
    AppendCanonicalBytes(event, entry);
    ledger.tree.Append(MerkleLeafHash(entry));
    ledger.chain.push_back(event.hash);
    if (event.sequence == 1) ledger.id = LedgerId(event.hash);
    if (event.type == static_cast<std::uint16_t>(RecordKind::migration)) {
      auto record = DecodePayload(RecordKind::migration, event.payload);
      if (!record.ok()) return Status::Corruption("event " + std::to_string(event.sequence) + ": " +
                                                  record.status().message());
      migrated_through = static_cast<std::uint64_t>(std::get<MigrationRecord>(*record).sequence);
    }
    return Status::Ok();
  });
}

}  // namespace

Status ExtendLedgerTree(EventStore& store, LedgerTree& ledger) {
  std::uint64_t migrated_through = 0;
  return Extend(store, ledger, migrated_through);
}

Result<LedgerTree> ReadLedgerTree(EventStore& store) {
  LedgerTree ledger;
  std::uint64_t migrated_through = 0;
  RAMSTEIN_RETURN_IF_ERROR(Extend(store, ledger, migrated_through));
  if (migrated_through > 0 && migrated_through <= ledger.size()) {
    auto before = ReadFormatOneTree(store, migrated_through);
    if (!before.ok()) return before.status();
    ledger.migrated_from = std::make_shared<const LedgerTree>(std::move(before).value());
  }
  return ledger;
}

Result<LedgerTree> ReadFormatOneTree(EventStore& store, std::uint64_t through) {
  LedgerTree ledger;
  std::string entry;
  Hash previous{};
  // Scan stops at the first error; this one only marks the end.
  const Status kEnd = Status::Conflict("the last event asked for was read");
  Status scanned = store.Scan(0, [&](const EventView& event) {
    if (event.sequence > through) return kEnd;
    EventView old = event;
    old.format = EventFormat::v1;
    entry.clear();
    AppendCanonicalBytes(old, entry);
    ledger.tree.Append(MerkleLeafHash(entry));
    previous = ChainHash(previous, old, entry);
    ledger.chain.push_back(previous);
    if (event.sequence == 1) ledger.id = LedgerId(previous);
    return Status::Ok();
  });
  if (!scanned.ok() && scanned.message() != kEnd.message()) return scanned;
  return ledger;
}

}  // namespace ramstein

namespace ramstein {

Result<std::string> ReadLedgerId(EventStore& store) {
  std::string id;
  const Status kEnd = Status::Conflict("event 1 was read");
  Status scanned = store.Scan(0, [&](const EventView& event) {
    id = LedgerId(event.hash);
    return kEnd;
  });
  if (!scanned.ok() && scanned.message() != kEnd.message()) return scanned;
  return id;
}

}  // namespace ramstein
