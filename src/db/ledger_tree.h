// LedgerTree: a stored ledger's Merkle tree (ledger/merkle_tree.h) and its
// chain hashes, read from its events in one scan: what checkpoints are
// made from, checked against and proved from.
//
// Entry i of the tree is the entry bytes of event i + 1
// (docs/formats/events.md). A ledger `migrate` re-chained also has the
// tree it had before, recomputed from the same events as format 1, so
// that checkpoints of the old ledger can still hold it to account.
// Reading does not verify the chain: callers that sign or judge run
// LedgerDb::VerifyStore first.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "ledger/checkpoint.h"
#include "ledger/merkle_tree.h"
#include "store/event_store.h"

namespace ramstein {

struct LedgerTree {
  MerkleTree tree;
  std::vector<Hash> chain;  // chain[i]: the stored chain hash of event i + 1
  std::string id;           // LedgerId of event 1; "" for an empty ledger
  // The format-1 ledger this one was migrated from (its events are this
  // one's first), or null.
  std::shared_ptr<const LedgerTree> migrated_from;

  std::uint64_t size() const { return chain.size(); }
  // The checkpoint of the first `sequence` events, unsigned (key and
  // signature zero). REQUIRES: 1 <= sequence <= size().
  Checkpoint At(std::uint64_t sequence, std::int64_t time_ms) const;
};

Result<LedgerTree> ReadLedgerTree(EventStore& store);
// Adds the events after the tree's last to it (a server keeping its
// checkpoint up to date); migrated_from is left as it is.
Status ExtendLedgerTree(EventStore& store, LedgerTree& ledger);

// The ledger's id alone (reads event 1); "" for an empty ledger.
Result<std::string> ReadLedgerId(EventStore& store);

// The tree and chain of the store's first `through` events, encoded as
// format 1 whatever their format: the ledger as it stood before `migrate`.
Result<LedgerTree> ReadFormatOneTree(EventStore& store, std::uint64_t through);

}  // namespace ramstein
