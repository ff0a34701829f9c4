#include "db/ledger_snapshot.h"

#include <xxhash.h>

#include "base/binary_io.h"
#include "base/build_id.h"

namespace ramstein {

namespace {

constexpr std::string_view kMagic = "RMSSNAP1";

std::string Digest(std::string_view bytes) {
  XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, hash);
  return std::string(reinterpret_cast<const char*>(canonical.digest), sizeof canonical.digest);
}

// The envelope, and where the model's bytes start.
Result<std::pair<SnapshotInfo, std::string_view>> ReadEnvelope(std::string_view bytes) {
  BinaryReader in(bytes);
  const char* magic = in.Raw(kMagic.size());
  if (!magic || std::string_view(magic, kMagic.size()) != kMagic) {
    return Status::DataError("not a Ramstein snapshot");
  }
  SnapshotInfo info;
  info.sequence = in.Fixed<std::uint64_t>();
  const char* head = in.Raw(info.head.size());
  if (head) std::memcpy(info.head.data(), head, info.head.size());
  info.rates_fingerprint = in.Fixed<std::uint64_t>();
  info.build_id = std::string(in.Bytes());
  info.model_bytes = in.Fixed<std::uint64_t>();
  const char* digest = in.Raw(16);
  if (!in.ok()) return Status::DataError("the snapshot's envelope is damaged: " + in.error());
  if (info.model_bytes != in.remaining()) {
    return Status::DataError("the snapshot holds " + std::to_string(in.remaining()) + " bytes of model, its envelope says " +
                             std::to_string(info.model_bytes));
  }
  std::string_view model = bytes.substr(in.offset());
  info.digest_matches = Digest(model) == std::string_view(digest, 16);
  return std::make_pair(info, model);
}

}  // namespace

std::string EncodeSnapshot(const Model& model, const StoreHead& head, const FxRates& rates) {
  std::string body;
  model.WriteSnapshot(&body);
  std::string bytes;
  BinaryWriter out(&bytes);
  out.Raw(kMagic.data(), kMagic.size());
  out.Fixed<std::uint64_t>(head.sequence);
  out.Raw(head.hash.data(), head.hash.size());
  out.Fixed<std::uint64_t>(rates.fingerprint());
  out.Bytes(BuildId());
  out.Fixed<std::uint64_t>(body.size());
  out.Raw(Digest(body).data(), 16);
  bytes.append(body);
  return bytes;
}

Status WriteSnapshot(EventStore& store, const Model& model, const StoreHead& head, const FxRates& rates) {
  if (model.sequence() != head.sequence) {
    return Status::InvalidArgument("the model stands at event " + std::to_string(model.sequence()) + ", not " +
                                   std::to_string(head.sequence));
  }
  return store.WriteSnapshot(head.sequence, EncodeSnapshot(model, head, rates), snapshots_kept);
}

Result<SnapshotInfo> ReadSnapshotInfo(std::string_view bytes) {
  auto envelope = ReadEnvelope(bytes);
  if (!envelope.ok()) return envelope.status();
  return envelope->first;
}

std::optional<SnapshotToCheck> NewestSnapshotToCheck(EventStore& store, const StoreHead& stored_head,
                                                     const FxRates& rates) {
  auto sequences = store.Snapshots();
  if (!sequences.ok()) return std::nullopt;
  for (std::uint64_t sequence : *sequences) {
    if (sequence > stored_head.sequence) continue;
    auto bytes = store.ReadSnapshot(sequence);
    if (!bytes.ok()) continue;
    auto envelope = ReadEnvelope(*bytes);
    if (!envelope.ok()) continue;
    const SnapshotInfo& info = envelope->first;
    if (!info.digest_matches || info.sequence != sequence || info.build_id != BuildId() ||
        info.rates_fingerprint != rates.fingerprint()) {
      continue;
    }
    SnapshotToCheck check{sequence, info.head, {}, 0};
    check.model_offset = static_cast<std::size_t>(envelope->second.data() - bytes->data());
    check.bytes = std::move(bytes).value();
    return check;
  }
  return std::nullopt;
}

SnapshotLoad LoadSnapshot(EventStore& store, const StoreHead& stored_head, const FxRates* rates, unsigned threads) {
  SnapshotLoad load;
  auto sequences = store.Snapshots();
  if (!sequences.ok()) {
    load.passed_over.push_back("the snapshots could not be listed: " + sequences.status().message());
    load.damaged = true;
    return load;
  }
  for (std::uint64_t sequence : *sequences) {
    std::string where = "the snapshot at event " + std::to_string(sequence);
    auto pass_over = [&](const std::string& why, bool damaged) {
      load.passed_over.push_back(where + " " + why);
      load.damaged = load.damaged || damaged;
    };
    if (sequence > stored_head.sequence) {
      pass_over("stands past the ledger's end (event " + std::to_string(stored_head.sequence) + ")", true);
      continue;
    }
    auto bytes = store.ReadSnapshot(sequence);
    if (!bytes.ok()) {
      pass_over("could not be read: " + bytes.status().message(), true);
      continue;
    }
    auto envelope = ReadEnvelope(*bytes);
    if (!envelope.ok()) {
      pass_over("is damaged: " + envelope.status().message(), true);
      continue;
    }
    const auto& [info, model_bytes] = envelope.value();
    if (!info.digest_matches) {
      pass_over("is damaged: its bytes do not match their digest", true);
      continue;
    }
    if (info.sequence != sequence) {
      pass_over("is damaged: it says it stands at event " + std::to_string(info.sequence), true);
      continue;
    }
    if (info.build_id != BuildId()) {
      pass_over("was made by another build of Ramstein", false);
      continue;
    }
    if (info.rates_fingerprint != rates->fingerprint()) {
      pass_over("was made with other exchange rates", false);
      continue;
    }
    // The ledger must still hold the event the snapshot stands at.
    Hash stored{};
    bool found = false;
    const Status kFound = Status::Conflict("found");
    Status scanned = store.Scan(sequence - 1, [&](const EventView& event) {
      found = event.sequence == sequence;
      stored = event.hash;
      return kFound;
    });
    if (!scanned.ok() && scanned.message() != kFound.message()) {
      pass_over("could not be checked against the ledger: " + scanned.message(), true);
      continue;
    }
    if (!found || stored != info.head) {
      pass_over("stands at an event the ledger no longer holds (it was rewritten)", true);
      continue;
    }
    auto model = Model::ReadSnapshot(model_bytes, rates, threads);
    if (!model.ok()) {
      pass_over("is damaged: " + model.status().message(), true);
      continue;
    }
    if ((*model)->sequence() != sequence) {
      pass_over("is damaged: its model stands at event " + std::to_string((*model)->sequence()), true);
      continue;
    }
    load.model = std::move(model).value();
    load.head = StoreHead{sequence, info.head};
    return load;
  }
  return load;
}

}  // namespace ramstein
