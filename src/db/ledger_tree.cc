#include "db/ledger_tree.h"

#include "base/check.h"

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

Result<LedgerTree> ReadLedgerTree(EventStore& store) {
  LedgerTree ledger;
  std::string entry;
  Status scanned = store.Scan(0, [&](const EventView& event) {
    entry.clear();
    AppendCanonicalBytes(event, entry);
    ledger.tree.Append(MerkleLeafHash(entry));
    ledger.chain.push_back(event.hash);
    if (event.sequence == 1) ledger.id = LedgerId(event.hash);
    return Status::Ok();
  });
  if (!scanned.ok()) return scanned;
  return ledger;
}

}  // namespace ramstein
