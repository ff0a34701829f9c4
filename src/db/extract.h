// Extracts: a format-2 ledger's events as JSON Lines for a reader who may
// not see every record (docs/formats/events.md, "Extracts"). The events of
// records whose classification is withheld keep their header (sequence,
// time, kind, author), their payload's digest and their chain hash; their
// payload and salt are left out. Every event's chain hash can still be
// recomputed, so the extract verifies end to end, against its own stated
// head and Merkle root and against checkpoints the ledger published.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "db/ledger_tree.h"
#include "store/event_store.h"

namespace ramstein {

// The classifications an extract may withhold (a public record never is).
inline constexpr std::string_view kWithholdable[] = {"coalition", "restricted"};

struct ExtractSummary {
  std::string ledger;
  std::uint64_t events = 0;
  std::map<std::string, std::uint64_t> withheld;  // by classification
  Hash head{};
  Hash root{};
};

// Writes the extract of `store` one line at a time to `write` (each line
// ends in '\n'), withholding records of the classifications in `withhold`
// (each one of kWithholdable). REQUIRES: the store is of format 2 and was
// verified (LedgerDb::VerifyStore).
Result<ExtractSummary> WriteExtract(EventStore& store, const std::vector<std::string>& withhold,
                                    const std::function<Status(std::string_view)>& write);

struct CheckedExtract {
  ExtractSummary summary;
  LedgerTree tree;  // of every event, withheld or not: for checkpoints
};

// Checks an extract read from `origin`: every line's fields, the chain over
// every event, each revealed payload against its digest (canonical, of its
// kind, and not of a withheld classification), and the stated head, root
// and ledger id. DataError names the line and field of the first problem.
Result<CheckedExtract> VerifyExtract(std::string_view text, const std::string& origin);

}  // namespace ramstein
