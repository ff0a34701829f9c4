// MigrateLedger: re-chains a format-1 ledger as format 2 (docs/formats/events.md).
//
// The new ledger holds the old one's events with the same sequence, time,
// author, kind and payload, each with fresh salt and chained as format 2,
// and then one event more: a migration record stating the old ledger's id
// and its head and Merkle root, which anyone can recompute from the events
// before it. The old ledger is verified first and left untouched; the new
// one is verified after. Checkpoints of the old ledger still hold the new
// one to account (LedgerTree::migrated_from).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "fx/fx_rates.h"
#include "ledger/event.h"
#include "store/event_store.h"

namespace ramstein {

inline constexpr std::size_t migrate_chunk_events = 65'536;

struct MigrationSummary {
  std::uint64_t events = 0;  // of the old ledger; the new one holds one more
  std::string old_ledger;    // ids
  std::string new_ledger;
  Hash old_head{};
  Hash new_head{};
};

// REQUIRES: `from` is format 1; `to` is format 2 and empty. On an error
// `to` may hold part of the copy: the caller discards it.
Result<MigrationSummary> MigrateLedger(EventStore& from, std::unique_ptr<EventStore> to, const FxRates* rates,
                                       Clock* clock, const std::string& author);

}  // namespace ramstein
