#include "db/checkpoint_check.h"

namespace ramstein {

namespace {

std::string Name(const HeldCheckpoint& held) {
  const Checkpoint& c = held.checkpoint;
  return (c.witness.empty() ? "checkpoint " : "cosignature by witness " + c.witness + " ") + held.origin +
         " (event " + std::to_string(c.sequence) + ")";
}

// The tree a checkpoint is judged against: the ledger's, or for a
// checkpoint of the ledger it was migrated from, that one's.
const LedgerTree& TreeFor(const LedgerTree& ledger, const Checkpoint& c) {
  if (c.ledger != ledger.id && ledger.migrated_from && c.ledger == ledger.migrated_from->id) {
    return *ledger.migrated_from;
  }
  return ledger;
}

bool Agrees(const LedgerTree& ledger, const Checkpoint& c) {
  return c.ledger == ledger.id && c.sequence <= ledger.size() && ledger.chain[c.sequence - 1] == c.head &&
         ledger.tree.Root(c.sequence) == c.root;
}

}  // namespace

std::string_view CheckpointVerdictName(CheckpointVerdict verdict) {
  switch (verdict) {
    case CheckpointVerdict::holds: return "holds";
    case CheckpointVerdict::bad_signature: return "bad signature";
    case CheckpointVerdict::other_ledger: return "another ledger";
    case CheckpointVerdict::rolled_back: return "rolled back";
    case CheckpointVerdict::rewritten: return "rewritten";
  }
  return "?";
}

bool CheckpointReport::ok() const {
  if (!forks.empty()) return false;
  for (const auto& finding : findings) {
    if (finding.verdict != CheckpointVerdict::holds) return false;
  }
  return true;
}

CheckpointReport CheckCheckpoints(const LedgerTree& ledger, std::span<const HeldCheckpoint> held) {
  CheckpointReport report;
  for (const HeldCheckpoint& h : held) {
    const Checkpoint& c = h.checkpoint;
    const LedgerTree& tree = TreeFor(ledger, c);
    const std::string before = &tree == &ledger ? "" : " (of the ledger before its migration)";
    CheckpointFinding finding{&h, CheckpointVerdict::holds, ""};
    const std::string events = std::to_string(c.sequence);
    if (!CheckpointSignatureValid(c)) {
      finding.verdict = CheckpointVerdict::bad_signature;
      finding.text = Name(h) + ": its signature is not its key's; it proves nothing";
    } else if (c.ledger != tree.id) {
      finding.verdict = CheckpointVerdict::other_ledger;
      finding.text = Name(h) + ": of ledger " + c.ledger + ", not of this one (" +
                     (ledger.id.empty() ? "empty" : ledger.id) + ")";
    } else if (c.sequence > tree.size()) {
      finding.verdict = CheckpointVerdict::rolled_back;
      finding.text = Name(h) + before + ": the ledger was rolled back: it saw " + events +
                     " events, the ledger holds " + std::to_string(tree.size()) + "; events " +
                     std::to_string(tree.size() + 1) + ".." + events + " are gone";
    } else if (!Agrees(tree, c)) {
      finding.verdict = CheckpointVerdict::rewritten;
      finding.text = Name(h) + before + ": the ledger was rewritten: its first " + events +
                     " events are not those the checkpoint saw (their Merkle root and chain head differ)";
    } else {
      finding.text = Name(h) + before + ": holds; the ledger's first " + events + " events are those it saw";
      if (&tree == &ledger) report.vouched = std::max(report.vouched, c.sequence);
      if (&tree == &ledger && !c.witness.empty()) {
        const std::string witness = c.witness + " (key " + ToHex(c.key) + ")";
        report.witnessed[witness] = std::max(report.witnessed[witness], c.sequence);
      }
    }
    report.findings.push_back(std::move(finding));
  }
  // Pairs of genuine checkpoints of this ledger that no one chain holds:
  // the same size with another root, or one the ledger agrees with and an
  // earlier one it does not (that one is on another branch).
  for (std::size_t i = 0; i < held.size(); ++i) {
    for (std::size_t j = i + 1; j < held.size(); ++j) {
      const auto& a = report.findings[i];
      const auto& b = report.findings[j];
      auto genuine = [](const CheckpointFinding& f) {
        return f.verdict != CheckpointVerdict::bad_signature && f.verdict != CheckpointVerdict::other_ledger;
      };
      if (!genuine(a) || !genuine(b)) continue;
      if (&TreeFor(ledger, held[i].checkpoint) != &TreeFor(ledger, held[j].checkpoint)) continue;
      const HeldCheckpoint& early = held[i].checkpoint.sequence <= held[j].checkpoint.sequence ? held[i] : held[j];
      const HeldCheckpoint& late = &early == &held[i] ? held[j] : held[i];
      const Checkpoint& e = early.checkpoint;
      const Checkpoint& l = late.checkpoint;
      bool fork = false;
      if (e.sequence == l.sequence) {
        fork = e.root != l.root || e.head != l.head;
      } else {
        const LedgerTree& tree = TreeFor(ledger, l);
        fork = Agrees(tree, l) && !Agrees(tree, e);
      }
      if (fork) {
        report.forks.push_back(Name(early) + " and " + Name(late) +
                               " cannot both be on one chain: the ledger showed two histories (a fork)");
      }
    }
  }
  return report;
}

}  // namespace ramstein
