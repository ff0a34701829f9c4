// Model::WriteSnapshot and Model::ReadSnapshot: the model's state as bytes
// and back (docs/formats/snapshots.md, "The model's bytes").
#include <algorithm>
#include <thread>

#include "base/binary_io.h"
#include "ledger/record_binary.h"
#include "model/model.h"

namespace ramstein {

namespace {

constexpr std::string_view kMagic = "RMSMODEL";
// Records are written in blocks so that several threads can decode them.
constexpr std::size_t kRecordsPerBlock = BlockVector<StoredRecord>::block_size;

template <typename T>
void WriteColumn(BinaryWriter& out, const std::vector<T>& column) {
  out.Raw(column.data(), column.size() * sizeof(T));
}

// A column of wide totals: each value's low 64 bits as a signed varint,
// then the rows whose value needs more, with their high 64 bits.
void WriteWideColumn(BinaryWriter& out, const std::vector<WideSum>& column) {
  std::vector<std::uint32_t> wide;
  for (std::size_t row = 0; row < column.size(); ++row) {
    out.Signed(static_cast<std::int64_t>(column[row]));
    if (column[row] != static_cast<std::int64_t>(column[row])) wide.push_back(static_cast<std::uint32_t>(row));
  }
  out.Varint(wide.size());
  for (std::uint32_t row : wide) {
    out.Varint(row);
    out.Signed(static_cast<std::int64_t>(column[row] >> 64));
  }
}

void WriteSlots(BinaryWriter& out, const std::vector<std::uint32_t>& slots) {
  out.Varint(slots.size());
  for (std::uint32_t slot : slots) out.Varint(slot);
}

// UINT32_MAX ("none") as 0, every other value as itself + 1.
void WriteOptionalIndex(BinaryWriter& out, std::uint32_t index) {
  out.Varint(index == UINT32_MAX ? 0 : std::uint64_t{index} + 1);
}

}  // namespace

void Model::WriteSnapshot(std::string* out_bytes) const {
  BinaryWriter out(out_bytes);
  out.Raw(kMagic.data(), kMagic.size());
  out.Fixed<std::uint32_t>(snapshot_layout);
  out.Fixed<std::uint64_t>(sequence_);

  // Records, in blocks: each block's record count and byte length first.
  out.Varint(records_.size());
  std::size_t blocks = (records_.size() + kRecordsPerBlock - 1) / kRecordsPerBlock;
  out.Varint(blocks);
  std::string block;
  for (std::size_t b = 0; b < blocks; ++b) {
    block.clear();
    BinaryWriter writer(&block);
    std::size_t end = std::min(records_.size(), (b + 1) * kRecordsPerBlock);
    for (std::size_t i = b * kRecordsPerBlock; i < end; ++i) {
      const StoredRecord& stored = records_[i];
      writer.U8(static_cast<std::uint8_t>(KindOf(stored.record)));
      writer.Varint(stored.sequence);
      writer.Signed(stored.time_ms);
      writer.Bytes(stored.author);
      WriteBinaryRecord(stored.record, writer);
    }
    out.Varint(end - b * kRecordsPerBlock);
    out.Bytes(block);
  }

  // The id index, in slot order (the hash map's own order is not stable).
  std::vector<const Latest*> latest;
  latest.reserve(latest_.size());
  for (const auto& [id, entry] : latest_) latest.push_back(&entry);
  std::sort(latest.begin(), latest.end(), [](const Latest* a, const Latest* b) { return a->slot < b->slot; });
  out.Varint(latest.size());
  for (const Latest* entry : latest) {
    out.Varint(entry->slot);
    out.Varint(entry->position);
    WriteOptionalIndex(out, entry->number);
  }
  std::vector<const std::vector<std::uint32_t>*> earlier;
  for (const auto& [id, slots] : earlier_) earlier.push_back(&slots);
  std::sort(earlier.begin(), earlier.end(), [](const auto* a, const auto* b) { return a->front() < b->front(); });
  out.Varint(earlier.size());
  for (const auto* slots : earlier) WriteSlots(out, *slots);
  out.Varint(by_kind_.size());
  for (const auto& slots : by_kind_) WriteSlots(out, slots);
  std::vector<std::uint32_t> claims;
  for (const auto& [subject, slot] : claims_by_subject_) claims.push_back(slot);
  std::sort(claims.begin(), claims.end());
  WriteSlots(out, claims);

  out.Varint(actor_ids_.size());
  for (const auto& id : actor_ids_) out.Bytes(id);
  out.Varint(item_ids_.size());
  for (const auto& id : item_ids_) out.Bytes(id);
  for (std::uint32_t same_as : item_same_as_) out.Varint(same_as);
  std::vector<std::pair<std::string_view, std::uint32_t>> names(item_names_.begin(), item_names_.end());
  std::sort(names.begin(), names.end());
  out.Varint(names.size());
  for (const auto& [name, number] : names) {
    out.Bytes(name);
    out.Varint(number);
  }

  // The line table's facts, column by column, as varints (most are small
  // or zero); the EUR and USD columns are derived again when read.
  out.Varint(lines_.size());
  std::uint32_t previous_measure = 0;
  for (std::uint32_t measure : lines_.measure) {
    out.Signed(static_cast<std::int64_t>(measure) - previous_measure);
    previous_measure = measure;
  }
  for (std::uint32_t item : lines_.item) WriteOptionalIndex(out, item);
  for (const auto* column : {&lines_.donor, &lines_.bucket}) {
    for (std::uint32_t value : *column) out.Varint(value);
  }
  for (std::uint16_t currency : lines_.currency) out.Varint(currency);
  WriteColumn(out, lines_.status);
  WriteColumn(out, lines_.type);
  for (const auto* column : {&lines_.quantity, &lines_.value_minor, &lines_.held_quantity, &lines_.held_minor}) {
    for (std::int64_t value : *column) out.Signed(value);
  }
  WriteWideColumn(out, lines_.delivered_quantity);
  WriteWideColumn(out, lines_.delivered_minor);

  out.Varint(measures_.size());
  for (const MeasureState& state : measures_) {
    out.Varint(state.slot);
    out.Varint(state.first_row);
    out.Varint(state.line_count);
    WriteOptionalIndex(out, state.remainder_row);
    out.Signed(state.rate_nano);
    out.Signed(state.rate_day);
    out.Signed(state.usd_rate_nano);
  }
  out.Varint(holds_.size());
  for (const HoldState& hold : holds_) {
    out.Varint(hold.slot);
    out.Varint(hold.lines.size());
    for (const HoldLineState& line : hold.lines) {
      out.Varint(line.item);
      out.U8(line.quantity.has_value());
      if (line.quantity) out.Signed(*line.quantity);
      out.Varint(line.resumed.size());
      for (const auto& [day, units] : line.resumed) {
        out.Signed(day);
        out.U8(units.has_value());
        if (units) out.Signed(*units);
      }
      out.U8(line.expected_day.has_value());
      if (line.expected_day) out.Signed(*line.expected_day);
      WriteOptionalIndex(out, line.row);
    }
    WriteSlots(out, hold.resumptions);
  }
  WriteSlots(out, delivery_slots_);
  out.Varint(buckets_.size());
  for (const Bucket& bucket : buckets_) {
    out.Varint(bucket.donor);
    out.Varint(bucket.currency);
  }
}

// Reads what WriteSnapshot wrote into a fresh model, checking every index
// against what it indexes before anything uses it.
class ModelSnapshotReader {
 public:
  ModelSnapshotReader(std::string_view bytes, Model& model) : in_(bytes), model_(model) {}

  Status Read(unsigned threads) {
    const char* magic = in_.Raw(kMagic.size());
    if (!magic || std::string_view(magic, kMagic.size()) != kMagic) return Error("not a model snapshot");
    if (in_.Fixed<std::uint32_t>() != Model::snapshot_layout) return Error("a snapshot of another layout");
    model_.sequence_ = in_.Fixed<std::uint64_t>();
    RAMSTEIN_RETURN_IF_ERROR(ReadRecords(threads));
    RAMSTEIN_RETURN_IF_ERROR(ReadIndexes());
    RAMSTEIN_RETURN_IF_ERROR(ReadLines());
    RAMSTEIN_RETURN_IF_ERROR(ReadStates());
    if (!in_.ok()) return Error(in_.error());
    if (!in_.AtEnd()) return Error("bytes after the model");
    return CheckRecords(threads);
  }

 private:
  Status Error(std::string_view what) const {
    return Status::DataError("the model snapshot is damaged: " + std::string(what));
  }
  std::size_t records() const { return model_.records_.size(); }
  RecordKind KindAt(std::uint32_t slot) const { return KindOf(model_.records_[slot].record); }
  const std::string& IdAt(std::uint32_t slot) const { return CommonOf(model_.records_[slot].record).id; }

  // A slot of a record of `kind` (any kind when nullopt).
  std::uint32_t Slot(std::optional<RecordKind> kind = std::nullopt) {
    auto slot = static_cast<std::uint32_t>(in_.Bounded(records() == 0 ? 0 : records() - 1, "a record slot"));
    if (in_.ok() && records() == 0) in_.Fail("a record slot in a model without records");
    if (in_.ok() && kind && KindAt(slot) != *kind) {
      in_.Fail("slot " + std::to_string(slot) + " holds a " + std::string(RecordKindName(KindAt(slot))) +
               ", not a " + std::string(RecordKindName(*kind)));
    }
    return in_.ok() ? slot : 0;
  }
  std::vector<std::uint32_t> Slots(std::optional<RecordKind> kind = std::nullopt) {
    std::uint64_t count = in_.Bounded(records(), "a count of records");
    std::vector<std::uint32_t> slots;
    slots.reserve(count);
    for (std::uint64_t i = 0; i < count && in_.ok(); ++i) slots.push_back(Slot(kind));
    return slots;
  }
  // An index below `bound`.
  std::uint32_t Index(std::size_t bound, std::string_view what) {
    std::uint64_t value = in_.Varint();
    if (value >= bound) {
      in_.Fail(std::string(what) + " is out of range");
      return 0;
    }
    return static_cast<std::uint32_t>(value);
  }
  // An index below `bound`, or UINT32_MAX for none.
  std::uint32_t OptionalIndex(std::size_t bound, std::string_view what) {
    std::uint64_t value = in_.Varint();
    if (value == 0) return UINT32_MAX;
    if (value > bound) {
      in_.Fail(std::string(what) + " is out of range");
      return 0;
    }
    return static_cast<std::uint32_t>(value - 1);
  }
  std::uint64_t Count(std::string_view what) {
    // Every entry takes at least a byte.
    return in_.Bounded(std::min<std::uint64_t>(in_.remaining(), UINT32_MAX - 1), what);
  }

  Status ReadRecords(unsigned threads) {
    std::uint64_t count = Count("the count of records");
    std::uint64_t block_count = Count("the count of blocks");
    if (!in_.ok()) return Error(in_.error());
    // Each block is the model's block of the same records: full, but for
    // the last.
    if (block_count != (count + kRecordsPerBlock - 1) / kRecordsPerBlock) return Error("the records are not in blocks");
    struct Block {
      std::size_t first;
      std::size_t count;
      std::string_view bytes;
      std::vector<StoredRecord> records;
      std::string error;
    };
    std::vector<Block> blocks;
    std::size_t first = 0;
    for (std::uint64_t b = 0; b < block_count && in_.ok(); ++b) {
      std::uint64_t size = in_.Varint();
      std::string_view bytes = in_.Bytes();
      if (size != std::min<std::uint64_t>(kRecordsPerBlock, count - first)) in_.Fail("a block of records is not full");
      blocks.push_back({first, size, bytes, {}, {}});
      first += size;
    }
    if (!in_.ok()) return Error(in_.error());
    auto decode = [&](Block& block) {
      BinaryReader in(block.bytes);
      block.records.reserve(kRecordsPerBlock);
      for (std::size_t i = 0; i < block.count && in.ok(); ++i) {
        std::uint8_t kind = in.U8();
        if (in.ok() && (kind == 0 || kind > kRecordKindMax)) in.Fail("an unknown record kind");
        if (!in.ok()) break;
        StoredRecord stored;
        stored.sequence = in.Varint();
        stored.time_ms = in.Signed();
        stored.author.assign(in.Bytes());
        stored.record = ReadBinaryRecord(static_cast<RecordKind>(kind), in);
        block.records.push_back(std::move(stored));
      }
      if (in.ok() && !in.AtEnd()) in.Fail("bytes after the block's records");
      if (!in.ok()) block.error = "record block at " + std::to_string(block.first) + ": " + in.error();
    };
    {
      std::vector<std::thread> workers;
      unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(blocks.size())));
      for (unsigned t = 1; t < n; ++t) {
        workers.emplace_back([&, t] {
          for (std::size_t b = t; b < blocks.size(); b += n) decode(blocks[b]);
        });
      }
      for (std::size_t b = 0; b < blocks.size(); b += n) decode(blocks[b]);
      for (auto& worker : workers) worker.join();
    }
    for (Block& block : blocks) {
      if (!block.error.empty()) return Error(block.error);
      model_.records_.AppendBlock(std::move(block.records));
    }
    // Events only ever grow the ledger: sequences increase, up to the model's.
    for (std::size_t i = 0; i < count; ++i) {
      std::uint64_t sequence = model_.records_[i].sequence;
      if (sequence == 0 || (i > 0 && sequence <= model_.records_[i - 1].sequence) || sequence > model_.sequence_) {
        return Error("record " + std::to_string(i) + " has sequence " + std::to_string(sequence) + " out of order");
      }
    }
    if (count > 0 && model_.records_.back().sequence != model_.sequence_) {
      return Error("the last record is not the model's last event");
    }
    return Status::Ok();
  }

  Status ReadIndexes() {
    // by_kind_ and the numbered ids come after latest_ in the bytes, but
    // latest_'s entries are checked against them: read first, check after.
    struct Entry {
      std::uint32_t slot, position, number;
    };
    std::vector<Entry> latest(Count("the count of ids"));
    for (Entry& entry : latest) {
      if (!in_.ok()) break;
      entry.slot = Slot();
      entry.position = static_cast<std::uint32_t>(in_.Bounded(UINT32_MAX - 1, "a position"));
      entry.number = OptionalIndex(UINT32_MAX - 1, "a record's number");
    }
    std::vector<std::vector<std::uint32_t>> earlier(Count("the count of corrected ids"));
    for (auto& slots : earlier) {
      if (!in_.ok()) break;
      slots = Slots();
      if (in_.ok() && slots.empty()) in_.Fail("a corrected id without earlier versions");
    }
    model_.by_kind_.assign(in_.Bounded(kRecordKindMax + 1, "the count of kinds"), {});
    if (in_.ok() && model_.by_kind_.size() != kRecordKindMax + 1u) in_.Fail("the count of kinds is not the program's");
    for (std::size_t kind = 0; kind < model_.by_kind_.size() && in_.ok(); ++kind) {
      model_.by_kind_[kind] = kind == 0 ? Slots() : Slots(static_cast<RecordKind>(kind));
      if (in_.ok() && kind == 0 && !model_.by_kind_[0].empty()) in_.Fail("records of kind 0");
    }
    std::vector<std::uint32_t> claims = Slots(RecordKind::claim);
    for (auto* ids : {&model_.actor_ids_, &model_.item_ids_}) {
      ids->resize(Count("the count of numbered ids"));
      for (auto& id : *ids) id.assign(in_.Bytes());
    }
    model_.item_same_as_.resize(model_.item_ids_.size());
    for (auto& same_as : model_.item_same_as_) same_as = Index(model_.item_ids_.size(), "an item's same_as");
    std::uint64_t names = Count("the count of item names");
    for (std::uint64_t i = 0; i < names && in_.ok(); ++i) {
      std::string name(in_.Bytes());
      model_.item_names_[std::move(name)] = Index(model_.item_ids_.size(), "an item name's number");
    }
    if (!in_.ok()) return Error(in_.error());

    // Each id's latest version: its kind's list names it at its position,
    // and its number is its entry in that kind's numbering.
    std::size_t listed = 0;
    for (const auto& slots : model_.by_kind_) listed += slots.size();
    if (listed != latest.size()) return Error("the kinds list " + std::to_string(listed) + " records, the ids " + std::to_string(latest.size()));
    model_.latest_.reserve(latest.size());
    for (const Entry& entry : latest) {
      RecordKind kind = KindAt(entry.slot);
      const auto& by_kind = model_.by_kind_[static_cast<std::size_t>(kind)];
      if (entry.position >= by_kind.size() || by_kind[entry.position] != entry.slot) {
        return Error("id '" + IdAt(entry.slot) + "' is not at its place in its kind's list");
      }
      bool numbered = kind == RecordKind::actor || kind == RecordKind::item || kind == RecordKind::measure ||
                      kind == RecordKind::hold;
      if (numbered != (entry.number != UINT32_MAX)) return Error("id '" + IdAt(entry.slot) + "' has a wrong number");
      if (!model_.latest_.try_emplace(IdAt(entry.slot), Model::Latest{entry.slot, entry.position, entry.number}).second) {
        return Error("id '" + IdAt(entry.slot) + "' is listed twice");
      }
    }
    for (const auto& slots : earlier) {
      const std::string& id = IdAt(slots.front());
      auto latest_entry = model_.latest_.find(Model::Key(id));
      if (latest_entry == model_.latest_.end()) return Error("corrected id '" + id + "' has no latest version");
      for (std::uint32_t slot : slots) {
        if (IdAt(slot) != id || KindAt(slot) != KindAt(latest_entry->second.slot) || slot >= latest_entry->second.slot) {
          return Error("an earlier version of '" + id + "' is not one");
        }
      }
      if (!model_.earlier_.try_emplace(id, slots).second) return Error("corrected id '" + id + "' is listed twice");
    }
    for (std::uint32_t slot : claims) {
      model_.claims_by_subject_.emplace(std::get<ClaimRecord>(model_.records_[slot].record).subject, slot);
    }
    for (std::uint32_t kind : {static_cast<std::uint32_t>(RecordKind::actor), static_cast<std::uint32_t>(RecordKind::item)}) {
      const auto& ids = kind == static_cast<std::uint32_t>(RecordKind::actor) ? model_.actor_ids_ : model_.item_ids_;
      for (std::size_t number = 0; number < ids.size(); ++number) {
        auto entry = model_.latest_.find(Model::Key(ids[number]));
        if (entry == model_.latest_.end() || KindAt(entry->second.slot) != static_cast<RecordKind>(kind) ||
            entry->second.number != number) {
          return Error("numbered id '" + ids[number] + "' does not match its record");
        }
      }
      if (ids.size() != model_.by_kind_[kind].size()) return Error("a kind's numbering misses records");
    }
    return Status::Ok();
  }

  template <typename T>
  void ReadColumn(std::vector<T>& column, std::size_t rows) {
    const char* bytes = in_.Raw(rows * sizeof(T));
    if (!bytes) return;
    column.resize(rows);
    if (rows > 0) std::memcpy(column.data(), bytes, rows * sizeof(T));
  }
  void ReadWideColumn(std::vector<WideSum>& column, std::size_t rows) {
    column.resize(rows);
    for (std::size_t row = 0; row < rows && in_.ok(); ++row) column[row] = in_.Signed();
    std::uint64_t wide = in_.Bounded(rows, "a count of wide totals");
    for (std::uint64_t i = 0; i < wide && in_.ok(); ++i) {
      std::uint32_t row = Index(rows, "a wide total's row");
      auto high = static_cast<std::uint64_t>(in_.Signed());
      if (!in_.ok()) return;
      auto low = static_cast<std::uint64_t>(static_cast<std::int64_t>(column[row]));
      column[row] = static_cast<WideSum>((static_cast<unsigned __int128>(high) << 64) | low);
    }
  }

  Status ReadLines() {
    LineTable& lines = model_.lines_;
    // Each row takes at least a byte in each column.
    std::uint64_t rows = in_.Bounded(std::min<std::uint64_t>(in_.remaining(), UINT32_MAX - 1), "the count of lines");
    if (!in_.ok()) return Error(in_.error());
    lines.measure.resize(rows);
    std::int64_t measure = 0;
    for (auto& value : lines.measure) {
      measure += in_.Signed();
      if (measure < 0 || measure >= UINT32_MAX) in_.Fail("a line's measure is out of range");
      if (!in_.ok()) break;
      value = static_cast<std::uint32_t>(measure);
    }
    lines.item.resize(rows);
    for (auto& value : lines.item) value = OptionalIndex(UINT32_MAX - 1, "a line's item");
    for (auto* column : {&lines.donor, &lines.bucket}) {
      column->resize(rows);
      for (auto& value : *column) value = static_cast<std::uint32_t>(in_.Bounded(UINT32_MAX - 1, "a line's number"));
    }
    lines.currency.resize(rows);
    for (auto& value : lines.currency) value = static_cast<std::uint16_t>(in_.Bounded(UINT16_MAX, "a line's currency"));
    ReadColumn(lines.status, rows);
    ReadColumn(lines.type, rows);
    for (auto* column : {&lines.quantity, &lines.value_minor, &lines.held_quantity, &lines.held_minor}) {
      column->resize(rows);
      for (auto& value : *column) value = in_.Signed();
    }
    ReadWideColumn(lines.delivered_quantity, rows);
    ReadWideColumn(lines.delivered_minor, rows);
    // Derived once the measures' rates are read (ReadStates).
    lines.converted.assign(rows, 0);
    for (auto* column : {&lines.value_eur_cents, &lines.held_eur_cents, &lines.value_usd_cents, &lines.held_usd_cents})
      column->assign(rows, 0);
    for (auto* column : {&lines.delivered_eur_cents, &lines.delivered_usd_cents}) column->assign(rows, 0);
    if (!in_.ok()) return Error(in_.error());
    return Status::Ok();
  }

  Status ReadStates() {
    const LineTable& lines = model_.lines_;
    std::size_t rows = lines.size();
    model_.measures_.resize(Count("the count of measures"));
    for (MeasureState& state : model_.measures_) {
      if (!in_.ok()) break;
      state.slot = Slot(RecordKind::measure);
      state.first_row = static_cast<std::uint32_t>(in_.Bounded(rows, "a measure's first row"));
      state.line_count = static_cast<std::uint32_t>(in_.Bounded(rows - state.first_row, "a measure's line count"));
      state.remainder_row = OptionalIndex(rows, "a measure's remainder row");
      state.rate_nano = in_.Signed();
      state.rate_day = static_cast<std::int32_t>(in_.Signed());
      state.usd_rate_nano = in_.Signed();
      if (state.rate_nano < 0 || state.usd_rate_nano < 0) in_.Fail("a measure's rate is negative");
      if (in_.ok() && state.line_count != std::get<MeasureRecord>(model_.records_[state.slot].record).lines.size()) {
        in_.Fail("a measure's line count is not its record's");
      }
    }
    model_.holds_.resize(Count("the count of holds"));
    for (HoldState& hold : model_.holds_) {
      if (!in_.ok()) break;
      hold.slot = Slot(RecordKind::hold);
      hold.lines.resize(Count("the count of a hold's lines"));
      if (in_.ok() && hold.lines.size() != std::get<HoldRecord>(model_.records_[hold.slot].record).lines.size()) {
        in_.Fail("a hold's line count is not its record's");
      }
      for (HoldLineState& line : hold.lines) {
        if (!in_.ok()) break;
        line.item = Index(model_.item_ids_.size(), "a held item");
        if (Flag()) line.quantity = in_.Signed();
        line.resumed.resize(Count("the count of resumptions"));
        for (auto& [day, units] : line.resumed) {
          day = static_cast<std::int32_t>(in_.Signed());
          if (Flag()) units = in_.Signed();
        }
        if (Flag()) line.expected_day = static_cast<std::int32_t>(in_.Signed());
        line.row = OptionalIndex(rows, "a held row");
      }
      hold.resumptions = Slots(RecordKind::resumption);
    }
    model_.delivery_slots_ = Slots(RecordKind::delivery);
    model_.buckets_.resize(Count("the count of buckets"));
    for (std::uint32_t b = 0; b < model_.buckets_.size() && in_.ok(); ++b) {
      Model::Bucket& bucket = model_.buckets_[b];
      bucket.donor = Index(model_.actor_ids_.size(), "a bucket's donor");
      bucket.currency = static_cast<std::uint16_t>(Index(Currency::count(), "a bucket's currency"));
      std::uint64_t key = (static_cast<std::uint64_t>(bucket.donor) << 16) | bucket.currency;
      if (in_.ok() && !model_.bucket_numbers_.try_emplace(key, b).second) in_.Fail("a bucket listed twice");
    }
    if (!in_.ok()) return Error(in_.error());
    // Every number in the line table names what it numbers.
    for (std::size_t measures = model_.measures_.size(), r = 0; r < rows; ++r) {
      if (lines.measure[r] >= measures || (lines.item[r] >= model_.item_ids_.size() && lines.item[r] != kNoItem) ||
          lines.donor[r] >= model_.actor_ids_.size() || lines.bucket[r] >= model_.buckets_.size() ||
          lines.currency[r] >= Currency::count() || lines.status[r] >= kMeasureStatusNames.size() ||
          lines.type[r] >= kAidTypeNames.size()) {
        return Error("line " + std::to_string(r) + " names what the model does not hold");
      }
    }
    // The EUR and USD columns, from the facts and each measure's rates, as
    // Apply derives them.
    for (std::uint32_t r = 0; r < rows; ++r) model_.UpdateConverted(r);
    for (std::size_t number = 0; number < model_.measures_.size(); ++number) {
      const MeasureState& state = model_.measures_[number];
      auto entry = model_.latest_.find(Model::Key(IdAt(state.slot)));
      if (entry == model_.latest_.end() || entry->second.slot != state.slot || entry->second.number != number) {
        return Error("measure " + std::to_string(number) + " is not its id's latest version");
      }
    }
    for (std::size_t number = 0; number < model_.holds_.size(); ++number) {
      auto entry = model_.latest_.find(Model::Key(IdAt(model_.holds_[number].slot)));
      if (entry == model_.latest_.end() || entry->second.slot != model_.holds_[number].slot ||
          entry->second.number != number) {
        return Error("hold " + std::to_string(number) + " is not its id's latest version");
      }
    }
    if (model_.measures_.size() != model_.by_kind_[static_cast<std::size_t>(RecordKind::measure)].size() ||
        model_.holds_.size() != model_.by_kind_[static_cast<std::size_t>(RecordKind::hold)].size()) {
      return Error("a kind's numbering misses records");
    }
    return Status::Ok();
  }

  bool Flag() {
    std::uint8_t flag = in_.U8();
    if (flag > 1) in_.Fail("a bad presence flag");
    return flag == 1 && in_.ok();
  }

  // What replay checks of every record before applying it
  // (Model::CheckApplicable): its references resolve to their kind.
  Status CheckRecords(unsigned threads) const {
    std::size_t count = records();
    unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count / 4096 + 1)));
    std::vector<Status> results(n);
    auto check = [&](unsigned t) {
      for (std::size_t i = t * count / n, end = (t + 1) * count / n; i < end; ++i) {
        Status status = model_.CheckApplicable(model_.records_[i].record);
        if (!status.ok()) {
          results[t] = Error("record " + std::to_string(i) + ": " + status.message());
          return;
        }
      }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < n; ++t) workers.emplace_back(check, t);
    check(0);
    for (auto& worker : workers) worker.join();
    for (const Status& status : results) RAMSTEIN_RETURN_IF_ERROR(status);
    return Status::Ok();
  }

  BinaryReader in_;
  Model& model_;
};

Result<std::unique_ptr<Model>> Model::ReadSnapshot(std::string_view bytes, const FxRates* rates, unsigned threads) {
  auto model = std::make_unique<Model>(rates);
  ModelSnapshotReader reader(bytes, *model);
  RAMSTEIN_RETURN_IF_ERROR(reader.Read(threads));
  return model;
}

}  // namespace ramstein
