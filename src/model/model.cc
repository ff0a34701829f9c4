#include "model/model.h"

#include <algorithm>

#include "base/ascii.h"

namespace ramstein {

namespace {

// value * numerator / denominator: below 2^57 * 2^40, so wide, never wrapped.
WideSum Scale(std::int64_t value, std::int64_t numerator, std::int64_t denominator) {
  if (denominator <= 0) return 0;
  return static_cast<WideSum>(value) * numerator / denominator;
}

}  // namespace

std::optional<std::int64_t> HoldLineState::HeldAt(std::int32_t day) const {
  WideSum resumed_units = 0;
  for (const auto& [resumed_day, units] : resumed) {
    if (resumed_day > day) continue;
    if (!units || !quantity) return 0;
    resumed_units += *units;
  }
  if (!quantity) return std::nullopt;
  return static_cast<std::int64_t>(std::max<WideSum>(0, *quantity - resumed_units));
}

bool HoldLineState::ActiveAt(std::int32_t day) const {
  auto held = HeldAt(day);
  return !held || *held > 0;
}

Model::Model(const FxRates* rates) : rates_(rates), by_kind_(kRecordKindMax + 1) {}

void Model::Reserve(std::size_t records) {
  latest_.reserve(latest_.size() + records);
  measures_.reserve(measures_.size() + records);
}

Status Model::Apply(std::uint64_t sequence, std::int64_t time_ms, std::string_view author,
                    Record record) {
  RAMSTEIN_RETURN_IF_ERROR(CheckApplicable(record));
  sequence_ = sequence;
  auto slot = static_cast<std::uint32_t>(records_.size());
  RecordKind kind = KindOf(record);
  records_.push_back({sequence, time_ms, std::string(author), std::move(record)});
  const std::string& id = CommonOf(records_.back().record).id;
  auto& by_kind = by_kind_[static_cast<std::size_t>(kind)];
  auto [it, inserted] =
      latest_.try_emplace(id, Latest{slot, static_cast<std::uint32_t>(by_kind.size()), UINT32_MAX});
  std::optional<std::uint32_t> previous;
  if (inserted) {
    by_kind.push_back(slot);
  } else {
    previous = it->second.slot;
    earlier_[id].push_back(*previous);
    by_kind[it->second.position] = slot;
    it->second.slot = slot;
  }
  const Record& stored = records_[slot].record;
  switch (kind) {
    case RecordKind::actor:
      if (inserted) {
        it->second.number = static_cast<std::uint32_t>(actor_ids_.size());
        actor_ids_.push_back(id);
      }
      break;
    case RecordKind::item: {
      if (inserted) {
        it->second.number = static_cast<std::uint32_t>(item_ids_.size());
        item_ids_.push_back(id);
        item_same_as_.push_back(it->second.number);
      }
      std::uint32_t number = it->second.number;
      const auto& item = std::get<ItemRecord>(stored);
      item_same_as_[number] = item.same_as ? NumberOf(*item.same_as) : number;
      item_names_[AsciiLower(id)] = number;
      item_names_[AsciiLower(item.name)] = number;
      for (const auto& alias : item.aliases) item_names_[AsciiLower(alias)] = number;
      break;
    }
    case RecordKind::measure:
      ApplyMeasure(slot, &it->second, previous.has_value());
      break;
    case RecordKind::status:
      ApplyStatus(std::get<StatusRecord>(stored));
      break;
    case RecordKind::delivery:
      if (previous) ApplyDelivery(std::get<DeliveryRecord>(records_[*previous].record), -1);
      ApplyDelivery(std::get<DeliveryRecord>(stored), +1);
      if (!previous) delivery_slots_.push_back(slot);
      break;
    case RecordKind::hold:
      ApplyHold(slot);
      break;
    case RecordKind::resumption:
      ApplyResumption(slot);
      break;
    case RecordKind::claim:
      claims_by_subject_.emplace(std::get<ClaimRecord>(stored).subject, slot);
      break;
    default:
      break;
  }
  return Status::Ok();
}

std::uint32_t Model::BucketFor(std::uint32_t donor, std::uint16_t currency) {
  std::uint64_t key = (static_cast<std::uint64_t>(donor) << 16) | currency;
  auto [it, inserted] =
      bucket_numbers_.try_emplace(key, static_cast<std::uint32_t>(buckets_.size()));
  if (inserted) buckets_.push_back({donor, currency});
  return it->second;
}

void Model::UpdateConverted(std::uint32_t row) {
  const MeasureState& state = measures_[lines_.measure[row]];
  if (state.rate_nano == 0) {
    lines_.converted[row] = 0;
    lines_.value_eur_cents[row] = lines_.delivered_eur_cents[row] = lines_.held_eur_cents[row] = 0;
    lines_.value_usd_cents[row] = lines_.delivered_usd_cents[row] = lines_.held_usd_cents[row] = 0;
    return;
  }
  int exponent = Currency::FromIndex(lines_.currency[row]).exponent();
  // One record's figures stay 64-bit; a total is wide. A row whose money
  // does not convert within those is shown unconverted, never wrapped.
  auto value_eur = Narrow(EurCentsAtRate(lines_.value_minor[row], exponent, state.rate_nano));
  auto delivered_eur = EurCentsAtRate(lines_.delivered_minor[row], exponent, state.rate_nano);
  auto held_eur = Narrow(EurCentsAtRate(lines_.held_minor[row], exponent, state.rate_nano));
  if (!value_eur || !delivered_eur || !held_eur) {
    lines_.converted[row] = 0;
    lines_.value_eur_cents[row] = lines_.delivered_eur_cents[row] = lines_.held_eur_cents[row] = 0;
    lines_.value_usd_cents[row] = lines_.delivered_usd_cents[row] = lines_.held_usd_cents[row] = 0;
    return;
  }
  lines_.value_eur_cents[row] = *value_eur;
  lines_.delivered_eur_cents[row] = *delivered_eur;
  lines_.held_eur_cents[row] = *held_eur;
  lines_.converted[row] = line_eur_converted;
  lines_.value_usd_cents[row] = lines_.delivered_usd_cents[row] = lines_.held_usd_cents[row] = 0;
  if (state.usd_rate_nano == 0) return;
  auto value_usd = Narrow(UsdCentsAtRates(lines_.value_minor[row], exponent, state.rate_nano, state.usd_rate_nano));
  auto delivered_usd = UsdCentsAtRates(lines_.delivered_minor[row], exponent, state.rate_nano, state.usd_rate_nano);
  auto held_usd = Narrow(UsdCentsAtRates(lines_.held_minor[row], exponent, state.rate_nano, state.usd_rate_nano));
  if (!value_usd || !delivered_usd || !held_usd) return;  // EUR, but no USD figure
  lines_.converted[row] |= line_usd_converted;
  lines_.value_usd_cents[row] = *value_usd;
  lines_.delivered_usd_cents[row] = *delivered_usd;
  lines_.held_usd_cents[row] = *held_usd;
}

void Model::ApplyMeasure(std::uint32_t slot, Latest* latest, bool correction) {
  const auto& measure = std::get<MeasureRecord>(records_[slot].record);
  std::uint32_t number;
  if (correction) {
    number = latest->number;
    MeasureState& old = measures_[number];
    // Old rows stay, emptied, so row numbers remain stable.
    auto clear = [&](std::uint32_t row) {
      for (auto* column : {&lines_.delivered_quantity, &lines_.delivered_minor, &lines_.delivered_eur_cents,
                           &lines_.delivered_usd_cents})
        (*column)[row] = 0;
      for (auto* column : {&lines_.value_minor, &lines_.held_quantity, &lines_.held_minor, &lines_.value_eur_cents,
                           &lines_.held_eur_cents, &lines_.value_usd_cents, &lines_.held_usd_cents}) {
        (*column)[row] = 0;
      }
      lines_.quantity[row] = -1;
    };
    for (std::uint32_t r = old.first_row; r < old.first_row + old.line_count; ++r) clear(r);
    if (old.remainder_row != UINT32_MAX) clear(old.remainder_row);
  } else {
    number = static_cast<std::uint32_t>(measures_.size());
    latest->number = number;
    measures_.emplace_back();
  }
  MeasureState& state = measures_[number];
  state = MeasureState{};
  state.slot = slot;
  Currency currency = measure.value ? measure.value->currency : Currency::Eur();
  std::int64_t lines_value = 0;  // at most money_minor_max: Model::Check
  bool lines_have_value = false;
  for (const auto& line : measure.lines) {
    if (!line.value) continue;
    if (!measure.value && !lines_have_value) currency = line.value->currency;
    lines_have_value = true;
    lines_value += line.value->minor;
  }
  // An undated measure has no rate: its amounts stay unconverted (but EUR).
  state.rate_day = measure.announced ? measure.announced->days : 0;
  std::int32_t usd_day = 0;
  auto rate = measure.announced ? rates_->RateNano(currency, state.rate_day, &state.rate_day)
                                : std::nullopt;
  auto usd_rate = rate ? rates_->RateNano(Currency::Usd(), state.rate_day, &usd_day) : std::nullopt;
  // EUR needs no rate of its own on any day, weekends included; its USD
  // conversion uses the last business day's rate, like every other currency.
  if (rate && usd_rate && currency == Currency::Eur()) state.rate_day = usd_day;
  if (rate && usd_rate && usd_day == state.rate_day) {
    state.rate_nano = *rate;
    state.usd_rate_nano = *usd_rate;
  } else if (currency == Currency::Eur()) {
    state.rate_nano = 1'000'000'000;  // EUR is EUR without a date; only USD is unknown
  }
  std::uint32_t donor = NumberOf(measure.donor);
  auto status = static_cast<std::uint8_t>(measure.status);
  auto type = static_cast<std::uint8_t>(measure.type);
  std::uint32_t bucket = BucketFor(donor, currency.index());
  state.first_row = lines_.size();
  state.line_count = static_cast<std::uint32_t>(measure.lines.size());
  for (const auto& line : measure.lines) {
    std::uint32_t row =
        lines_.AddRow(number, NumberOf(line.item), donor, bucket, currency.index(), status, type,
                      line.quantity.value_or(-1), line.value ? line.value->minor : 0);
    UpdateConverted(row);
  }
  if (measure.value && measure.value->minor > lines_value) {
    state.remainder_row = lines_.AddRow(number, kNoItem, donor, bucket, currency.index(), status, type,
                                        -1, measure.value->minor - lines_value);
    UpdateConverted(state.remainder_row);
  }
  if (!correction) return;
  // Re-apply what points at this measure onto its new rows.
  for (std::uint32_t delivery_slot : delivery_slots_) {
    const auto& delivery =
        std::get<DeliveryRecord>(Find(CommonOf(records_[delivery_slot].record).id)->record);
    if (delivery.measure == measure.id) ApplyDelivery(delivery, +1);
  }
  for (HoldState& hold : holds_) {
    const auto& record = std::get<HoldRecord>(records_[hold.slot].record);
    if (record.measure != measure.id) continue;
    for (HoldLineState& line : hold.lines) {
      line.row = RowFor(number, item_ids_[line.item]);
      SetHeld(line.row, line.HeldAt(INT32_MAX).value_or(0));
    }
  }
}

void Model::ApplyStatus(const StatusRecord& status) {
  std::uint32_t number = NumberOf(status.measure);
  const MeasureState& state = measures_[number];
  auto code = static_cast<std::uint8_t>(status.status);
  for (std::uint32_t r = state.first_row; r < state.first_row + state.line_count; ++r)
    lines_.status[r] = code;
  if (state.remainder_row != UINT32_MAX) lines_.status[state.remainder_row] = code;
}

std::uint32_t Model::RowFor(std::uint32_t measure_number, const std::optional<std::string>& item) {
  MeasureState& state = measures_[measure_number];
  if (item) {
    std::uint32_t item_number = NumberOf(*item);
    for (std::uint32_t r = state.first_row; r < state.first_row + state.line_count; ++r) {
      if (lines_.item[r] == item_number) return r;
    }
  }
  if (state.remainder_row == UINT32_MAX) {
    const MeasureRecord& measure = Measure(measure_number);
    Currency currency = measure.value ? measure.value->currency : Currency::Eur();
    if (state.line_count > 0) currency = Currency::FromIndex(lines_.currency[state.first_row]);
    std::uint32_t donor = NumberOf(measure.donor);
    state.remainder_row =
        lines_.AddRow(measure_number, kNoItem, donor, BucketFor(donor, currency.index()),
                      currency.index(), static_cast<std::uint8_t>(measure.status),
                      static_cast<std::uint8_t>(measure.type), -1, 0);
  }
  return state.remainder_row;
}

WideSum Model::DeliveredMinor(const DeliveryRecord& delivery, std::uint32_t row) const {
  if (delivery.value) return delivery.value->minor;
  if (delivery.quantity && lines_.quantity[row] > 0) {
    return Scale(lines_.value_minor[row], *delivery.quantity, lines_.quantity[row]);
  }
  return 0;
}

std::pair<std::uint32_t, WideSum> Model::DeliveryShare(const DeliveryRecord& delivery) const {
  const MeasureState& state = measures_[NumberOf(delivery.measure)];
  std::uint32_t row = state.remainder_row;
  if (delivery.item) {
    std::uint32_t item_number = NumberOf(*delivery.item);
    for (std::uint32_t r = state.first_row; r < state.first_row + state.line_count; ++r) {
      if (lines_.item[r] == item_number) row = r;
    }
  }
  if (row == UINT32_MAX) return {row, 0};
  return {row, DeliveredMinor(delivery, row)};
}

void Model::ApplyDelivery(const DeliveryRecord& delivery, int sign) {
  std::uint32_t row = RowFor(NumberOf(delivery.measure), delivery.item);
  if (delivery.quantity) lines_.delivered_quantity[row] += sign * *delivery.quantity;
  lines_.delivered_minor[row] += sign * DeliveredMinor(delivery, row);
  UpdateConverted(row);
}

void Model::SetHeld(std::uint32_t row, std::int64_t quantity_units) {
  if (row == UINT32_MAX) return;
  lines_.held_quantity[row] = quantity_units;
  // Money on hold is at most the line's value, however many units a hold
  // names: so it stays a 64-bit figure.
  std::int64_t units = lines_.quantity[row] > 0 ? std::min(quantity_units, lines_.quantity[row]) : 0;
  lines_.held_minor[row] = static_cast<std::int64_t>(Scale(lines_.value_minor[row], units, lines_.quantity[row]));
  UpdateConverted(row);
}

void Model::ApplyHold(std::uint32_t slot) {
  const auto& hold = std::get<HoldRecord>(records_[slot].record);
  auto& latest = latest_.find(Key(hold.id))->second;
  if (latest.number == UINT32_MAX) {
    latest.number = static_cast<std::uint32_t>(holds_.size());
    holds_.emplace_back();
  }
  HoldState& state = holds_[latest.number];
  for (const HoldLineState& line : state.lines) SetHeld(line.row, 0);  // a corrected hold
  state.slot = slot;
  state.lines.clear();
  for (const auto& line : hold.lines) {
    HoldLineState held;
    held.item = NumberOf(line.item);
    held.quantity = line.quantity;
    if (hold.measure) {
      held.row = RowFor(NumberOf(*hold.measure), line.item);
      SetHeld(held.row, line.quantity.value_or(0));
    }
    state.lines.push_back(held);
  }
}

void Model::ApplyResumption(std::uint32_t slot) {
  const auto& resumption = std::get<ResumptionRecord>(records_[slot].record);
  HoldState& hold = holds_[NumberOf(resumption.hold)];
  hold.resumptions.push_back(slot);
  for (HoldLineState& line : hold.lines) {
    std::optional<std::int64_t> units;
    if (!resumption.lines.empty()) {
      auto match = std::find_if(resumption.lines.begin(), resumption.lines.end(),
                                [&](const LineItem& l) { return NumberOf(l.item) == line.item; });
      if (match == resumption.lines.end()) continue;
      units = match->quantity;
    }
    if (resumption.state == ResumptionState::expected) {
      line.expected_day = resumption.date.days;
      continue;
    }
    line.resumed.emplace_back(resumption.date.days, units);
    SetHeld(line.row, line.HeldAt(INT32_MAX).value_or(0));
  }
}

const StoredRecord* Model::Find(std::string_view id) const {
  auto it = latest_.find(Key(id));
  return it == latest_.end() ? nullptr : &records_[it->second.slot];
}

std::vector<const StoredRecord*> Model::History(std::string_view id) const {
  std::vector<const StoredRecord*> out;
  if (auto it = earlier_.find(std::string(id)); it != earlier_.end()) {
    for (std::uint32_t slot : it->second) out.push_back(&records_[slot]);
  }
  if (const StoredRecord* latest = Find(id)) out.push_back(latest);
  return out;
}

std::vector<const StoredRecord*> Model::All(RecordKind kind) const {
  std::vector<const StoredRecord*> out;
  for (std::uint32_t slot : by_kind_[static_cast<std::size_t>(kind)])
    out.push_back(&records_[slot]);
  return out;
}

std::vector<const ClaimRecord*> Model::ClaimsAbout(std::string_view id) const {
  std::vector<const ClaimRecord*> out;
  auto [begin, end] = claims_by_subject_.equal_range(std::string(id));
  for (auto it = begin; it != end; ++it) {
    const auto& claim = std::get<ClaimRecord>(records_[it->second].record);
    // A corrected claim is listed once, in its latest version.
    if (Find(claim.id) == &records_[it->second]) out.push_back(&claim);
  }
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return out;
}

std::optional<std::uint32_t> Model::ActorNumber(std::string_view id) const {
  auto it = latest_.find(Key(id));
  if (it == latest_.end() || KindOf(records_[it->second.slot].record) != RecordKind::actor)
    return std::nullopt;
  return it->second.number;
}

std::optional<std::uint32_t> Model::ItemNumber(std::string_view id) const {
  auto it = latest_.find(Key(id));
  if (it == latest_.end() || KindOf(records_[it->second.slot].record) != RecordKind::item)
    return std::nullopt;
  return it->second.number;
}

std::optional<std::uint32_t> Model::ResolveItem(std::string_view name_or_alias) const {
  auto it = item_names_.find(AsciiLower(name_or_alias));
  if (it == item_names_.end()) return std::nullopt;
  return it->second;
}

}  // namespace ramstein
