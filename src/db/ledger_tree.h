// LedgerTree: a stored ledger's Merkle tree (ledger/merkle_tree.h) and its
// chain hashes, read from its events in one scan: what checkpoints are
// made from, checked against and proved from.
//
// Entry i of the tree is the canonical bytes of event i + 1
// (docs/formats/events.md). Reading does not verify the chain: callers
// that sign or judge run LedgerDb::VerifyStore first.
#pragma once

#include <cstdint>
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

  std::uint64_t size() const { return chain.size(); }
  // The checkpoint of the first `sequence` events, unsigned (key and
  // signature zero). REQUIRES: 1 <= sequence <= size().
  Checkpoint At(std::uint64_t sequence, std::int64_t time_ms) const;
};

Result<LedgerTree> ReadLedgerTree(EventStore& store);

}  // namespace ramstein
