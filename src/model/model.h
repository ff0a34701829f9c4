// Model: the in-memory state of a ledger, rebuilt by applying its events in
// order. Reports (query/) read it; only the ledger database (db/) changes it.
//
// Records are kept as decoded, latest version per id, with every earlier
// version reachable for history; measure lines are also held column-wise in
// a LineTable for fast aggregation.
//
// Thread safety: const methods may run concurrently with each other, not
// with Apply().
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "fx/fx_rates.h"
#include "ledger/records.h"
#include "model/block_vector.h"
#include "model/code_point_index.h"
#include "model/line_table.h"

namespace ramstein {

// One stored version of a record.
struct StoredRecord {
  std::uint64_t sequence = 0;  // the event that appended it
  std::int64_t time_ms = 0;
  std::string author;
  Record record;
};

struct MeasureState {
  std::uint32_t slot = 0;       // latest version in Model::records()
  std::uint32_t first_row = 0;  // its line rows: [first_row, first_row + line_count)
  std::uint32_t line_count = 0;
  std::uint32_t remainder_row = UINT32_MAX;  // row of value not on lines, if any
  std::int64_t rate_nano = 0;                // units per EUR * 1e9 at announcement; 0 = no rate
  std::int32_t rate_day = 0;
  std::int64_t usd_rate_nano = 0;  // USD per EUR * 1e9 on rate_day

};

struct HoldLineState {
  std::uint32_t item = 0;  // item number
  std::optional<std::int64_t> quantity;
  // Resumptions that took effect: (day, quantity; nullopt = all of the line).
  std::vector<std::pair<std::int32_t, std::optional<std::int64_t>>> resumed;
  std::optional<std::int32_t> expected_day;  // a resumption is expected from then
  std::uint32_t row = UINT32_MAX;            // the measure line held, when the hold names a measure

  // Units still held at the end of `day` (nullopt: an unstated quantity
  // still held); 0 when fully resumed.
  std::optional<std::int64_t> HeldAt(std::int32_t day) const;
  bool ActiveAt(std::int32_t day) const;
};

struct HoldState {
  std::uint32_t slot = 0;
  std::vector<HoldLineState> lines;
  std::vector<std::uint32_t> resumptions;  // slots
};

class Model {
 public:
  // `rates` must outlive the model; it may be empty (nothing converts).
  explicit Model(const FxRates* rates);

  // Checks that `record` may be appended now: references resolve (to records
  // in the model or earlier in `pending`), ids are new unless the record is a
  // correction, evidence quotes match their documents, amounts agree.
  // Returns DataError naming the field.
  using Pending = absl::flat_hash_map<absl::string_view, const Record*>;
  // Debian's Abseil has its own string_view type for heterogeneous lookup.
  static absl::string_view Key(std::string_view id) {
    return absl::string_view(id.data(), id.size());
  }
  Status Check(const Record& record, const Pending& pending) const;

  // Applies a record appended as event `sequence`. Whatever the record
  // holds, the model stays whole: a record that names what the model does
  // not hold (or holds as another kind), or that changes a record's kind,
  // is refused with Corruption and changes nothing (CheckApplicable), so a
  // damaged ledger is an error, never a crash. Check() passing when it was
  // appended implies it applies.
  Status Apply(std::uint64_t sequence, std::int64_t time_ms, std::string_view author, Record record);
  // What Apply() refuses: references that do not resolve to a record of
  // their kind, an id held by a record of another kind.
  Status CheckApplicable(const Record& record) const;

  std::uint64_t sequence() const { return sequence_; }

  // Lookups by id: the latest version, or null.
  const StoredRecord* Find(std::string_view id) const;
  template <typename T>
  const T* FindAs(std::string_view id) const {
    const StoredRecord* stored = Find(id);
    return stored ? std::get_if<T>(&stored->record) : nullptr;
  }
  // All versions of an id, oldest first.
  std::vector<const StoredRecord*> History(std::string_view id) const;
  // Latest versions of every record of a kind, in order of first appearance.
  std::vector<const StoredRecord*> All(RecordKind kind) const;
  // Claims whose subject is `id`.
  std::vector<const ClaimRecord*> ClaimsAbout(std::string_view id) const;
  // Records that cite `id` by reference (for show).
  // Every stored version, in event order. Growing it never moves what is
  // stored, so pointers to records stay valid.
  const BlockVector<StoredRecord>& records() const { return records_; }

  // Dense numbers used as column values.
  std::optional<std::uint32_t> ActorNumber(std::string_view id) const;
  std::optional<std::uint32_t> ItemNumber(std::string_view id) const;
  const std::string& ActorId(std::uint32_t number) const { return actor_ids_[number]; }
  const std::string& ItemId(std::uint32_t number) const { return item_ids_[number]; }
  std::size_t actor_count() const { return actor_ids_.size(); }
  std::size_t item_count() const { return item_ids_.size(); }
  // Item by id, name or alias, case-insensitive.
  std::optional<std::uint32_t> ResolveItem(std::string_view name_or_alias) const;
  // The item `item` counts under: itself, or the end of the chain of items
  // it is said to be the same as (ItemRecord::same_as). Reports group and
  // filter by this number. REQUIRES: item < item_count() (not kNoItem).
  std::uint32_t CountedItem(std::uint32_t item) const {
    for (std::size_t steps = 0; item_same_as_[item] != item && steps < item_same_as_.size(); ++steps)
      item = item_same_as_[item];
    return item;
  }

  const LineTable& lines() const { return lines_; }
  const std::vector<MeasureState>& measures() const { return measures_; }
  const MeasureRecord& Measure(std::uint32_t number) const {
    return std::get<MeasureRecord>(records_[measures_[number].slot].record);
  }
  const std::vector<HoldState>& holds() const { return holds_; }
  // What a delivery adds to its measure line: (row, minor units of the line's
  // currency), its stated value or its quantity's share of the line's value.
  // Row is UINT32_MAX when the delivery names no line of its measure and the
  // measure has no remainder row. REQUIRES: the delivery was applied.
  std::pair<std::uint32_t, WideSum> DeliveryShare(const DeliveryRecord& delivery) const;
  // (donor number, currency index) of each LineTable bucket.
  struct Bucket {
    std::uint32_t donor;
    std::uint16_t currency;
  };
  const std::vector<Bucket>& buckets() const { return buckets_; }
  const FxRates& rates() const { return *rates_; }
  // Prepares for `records` more records (sizes the id index once instead of
  // rehashing it as it grows).
  void Reserve(std::size_t records);

  // The model's whole state as bytes (docs/formats/snapshots.md), and a
  // model read back from them that answers every question as this one
  // does. ReadSnapshot decodes the records on `threads` threads and refuses
  // (DataError saying where) whatever a model could not hold: an index out
  // of range, a record of another kind where one kind belongs, a reference
  // that does not resolve, so damaged bytes are an error, never a crash.
  // The bytes hold no rates: a snapshot is valid only with the rates it was
  // made with (the caller keys it by them).
  void WriteSnapshot(std::string* out) const;
  static Result<std::unique_ptr<Model>> ReadSnapshot(std::string_view bytes, const FxRates* rates,
                                                     unsigned threads);
  // Changes whenever the model's state, or a rule that derives it from the
  // records, changes: a snapshot of another layout is stale.
  static constexpr std::uint32_t snapshot_layout = 1;

 private:
  struct Latest;
  void ApplyMeasure(std::uint32_t slot, Latest* latest, bool correction);
  void ApplyStatus(const StatusRecord& status);
  void ApplyDelivery(const DeliveryRecord& delivery, int sign);
  WideSum DeliveredMinor(const DeliveryRecord& delivery, std::uint32_t row) const;
  void ApplyHold(std::uint32_t slot);
  void ApplyResumption(std::uint32_t slot);
  void SetHeld(std::uint32_t row, std::int64_t quantity_units);
  void UpdateConverted(std::uint32_t row);
  std::uint32_t RowFor(std::uint32_t measure_number, const std::optional<std::string>& item);
  Status CheckReferences(const Record& record, const Pending& pending) const;
  Status CheckEvidence(const Common& common, const Pending& pending) const;
  // The code-point index of a source's text, built on first use and kept by
  // the text's SHA-256 (the same text always has the same index).
  // REQUIRES: source.text is set and source.sha256 is its hash.
  const CodePointIndex& IndexOf(const SourceRecord& source) const;
  Status CheckKindRules(const Record& record, const Pending& pending) const;
  Status CheckSameAs(const ItemRecord& item, const Pending& pending) const;
  const Record* Resolve(std::string_view id, const Pending& pending) const;

  const FxRates* rates_;
  std::uint64_t sequence_ = 0;
  BlockVector<StoredRecord> records_;
  struct Latest {
    std::uint32_t slot;                 // latest version
    std::uint32_t position;             // in by_kind_[kind]
    std::uint32_t number = UINT32_MAX;  // dense number of actors, items, measures, holds
  };
  // The one index by id. An open-addressing map: at a million records the
  // lookups are cache misses, and absl's flat layout takes one per probe.
  absl::flat_hash_map<std::string, Latest> latest_;
  // REQUIRES: `id` is in the model and has a number.
  std::uint32_t NumberOf(std::string_view id) const { return latest_.find(Key(id))->second.number; }

  std::unordered_map<std::string, std::vector<std::uint32_t>> earlier_;  // id -> older slots
  std::vector<std::vector<std::uint32_t>> by_kind_;  // kind code -> latest slots, first-seen order
  std::unordered_multimap<std::string, std::uint32_t> claims_by_subject_;
  mutable std::mutex code_point_indexes_mutex_;
  mutable std::unordered_map<std::string, std::unique_ptr<CodePointIndex>> code_point_indexes_;

  std::vector<std::string> actor_ids_;
  std::vector<std::string> item_ids_;
  std::unordered_map<std::string, std::uint32_t> item_names_;  // lower-case name/alias -> number
  std::vector<std::uint32_t> item_same_as_;  // item number -> its same_as item's number, else itself

  LineTable lines_;
  std::vector<MeasureState> measures_;
  std::vector<HoldState> holds_;
  std::vector<std::uint32_t> delivery_slots_;
  std::vector<Bucket> buckets_;
  std::unordered_map<std::uint64_t, std::uint32_t> bucket_numbers_;
  std::uint32_t BucketFor(std::uint32_t donor, std::uint16_t currency);
  friend class ModelSnapshotReader;
};

}  // namespace ramstein
