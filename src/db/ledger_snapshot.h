// Snapshots of a ledger's model (docs/formats/snapshots.md): the model's
// bytes (Model::WriteSnapshot) in an envelope naming the event they stand
// at (sequence and chain hash), the exchange rates and the build that made
// them, and an XXH3-128 digest of the bytes. Stored by the event store,
// beside the events and outside the chain: derived data, like the search
// index, that only ever saves time.
//
// A snapshot is used only when all of it holds: its digest matches, it was
// made by this build with these rates, and the ledger still holds the event
// it stands at with the same chain hash. Anything else makes it stale or
// damaged, and the ledger is opened by replaying every event instead.
// The digest detects damage, not forgery: whoever can rewrite a snapshot
// can rewrite the events, and `verify` reads neither through one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/model.h"
#include "store/event_store.h"

namespace ramstein {

// How many snapshots a store keeps: the newest, and one before it should
// the newest be damaged.
inline constexpr std::size_t snapshots_kept = 2;

// The envelope and bytes of `model`, which stands at `head`.
std::string EncodeSnapshot(const Model& model, const StoreHead& head, const FxRates& rates);

// Writes a snapshot of `model` (standing at `head`) into `store`.
Status WriteSnapshot(EventStore& store, const Model& model, const StoreHead& head, const FxRates& rates);

struct SnapshotLoad {
  std::unique_ptr<Model> model;  // null when no snapshot could be used
  StoreHead head;                // the event it stands at
  // Why each newer snapshot was passed over ("the snapshot at event 12 is
  // damaged: ..."), newest first; `damaged` when any was damaged rather
  // than merely stale (another build, other rates, a later ledger).
  std::vector<std::string> passed_over;
  bool damaged = false;
};

// The newest snapshot in `store` usable at `stored_head`, decoded on
// `threads` threads. Never fails: a store error is a reason passed over.
SnapshotLoad LoadSnapshot(EventStore& store, const StoreHead& stored_head, const FxRates* rates, unsigned threads);

// The newest snapshot whose envelope opening would accept (its digest
// matches, this build, these rates, not past `stored_head`), with its
// bytes; for `verify`, which compares its model with the one the replay
// builds at that event. nullopt when there is none.
struct SnapshotToCheck {
  std::uint64_t sequence = 0;
  Hash head{};
  std::string bytes;
  std::size_t model_offset = 0;  // where the model's bytes start in `bytes`
};
std::optional<SnapshotToCheck> NewestSnapshotToCheck(EventStore& store, const StoreHead& stored_head,
                                                     const FxRates& rates);

// What the envelope of `bytes` says, for `ramstein snapshot --list` and
// the tests. Fails (DataError) when the envelope itself is malformed.
struct SnapshotInfo {
  std::uint64_t sequence = 0;
  Hash head{};
  std::uint64_t rates_fingerprint = 0;
  std::string build_id;
  std::uint64_t model_bytes = 0;
  bool digest_matches = false;
};
Result<SnapshotInfo> ReadSnapshotInfo(std::string_view bytes);

}  // namespace ramstein
