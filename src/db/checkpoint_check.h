// CheckCheckpoints: holds a ledger to checkpoints kept elsewhere. Each
// checkpoint gets a verdict, and pairs that cannot both be on one chain
// (a fork: the ledger told two readers two histories) are named.
//
// A checkpoint holds when its signature is its key's, it is of this ledger
// (same id), and the ledger's first `sequence` events give its root and
// head. It is `rolled_back` when the ledger now holds fewer events than it
// saw (truncated, or an older copy restored) and `rewritten` when the
// ledger's first `sequence` events differ from those it saw (rebuilt and
// re-hashed): in both cases `verify` without checkpoints may still pass.
// A witness's cosignature (ledger/checkpoint.h) is judged the same way.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "db/ledger_tree.h"
#include "ledger/checkpoint.h"

namespace ramstein {

struct HeldCheckpoint {
  Checkpoint checkpoint;
  std::string origin;  // where it was read, "FILE:LINE"
};

enum class CheckpointVerdict { holds, bad_signature, other_ledger, rolled_back, rewritten };
std::string_view CheckpointVerdictName(CheckpointVerdict verdict);

struct CheckpointFinding {
  const HeldCheckpoint* held = nullptr;
  CheckpointVerdict verdict = CheckpointVerdict::holds;
  std::string text;  // one sentence saying what was found
};

struct CheckpointReport {
  std::vector<CheckpointFinding> findings;  // one per checkpoint, in the order given
  std::vector<std::string> forks;           // one sentence per pair that cannot share a chain
  // The most events that a checkpoint which holds vouches for (0: none).
  std::uint64_t vouched = 0;
  // Per witness ("ID (key HEX)": its ledger's id and public key) that
  // cosigned checkpoints which hold: the most events it saw.
  std::map<std::string, std::uint64_t> witnessed;
  bool ok() const;
};

CheckpointReport CheckCheckpoints(const LedgerTree& ledger, std::span<const HeldCheckpoint> held);

}  // namespace ramstein
