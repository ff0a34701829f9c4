// Model::Check: the rules a record must meet before it is appended.
#include <algorithm>
#include <memory>
#include <mutex>
#include <tuple>

#include "base/decimal.h"
#include "ledger/record_codec.h"
#include "model/model.h"

#include "base/limits.h"

namespace ramstein {

namespace {

Status FieldError(const std::string& field, const std::string& message) {
  return Status::DataError("field '" + field + "': " + message);
}

std::string Excerpt(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return std::string(text);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

Status CheckClassification(const Common& common) {
  if (common.classification && *common.classification != "coalition" && *common.classification != "restricted") {
    return FieldError("classification", "'" + Excerpt(*common.classification) +
                                            "' is not public, coalition or restricted");
  }
  const bool restricted = common.classification == "restricted";
  if (restricted && common.releasable_to.empty())
    return FieldError("releasable_to", "a restricted record names the actors it is releasable to");
  if (!restricted && !common.releasable_to.empty())
    return FieldError("releasable_to", "is only for a restricted record");
  for (std::size_t i = 1; i < common.releasable_to.size(); ++i) {
    if (common.releasable_to[i - 1] >= common.releasable_to[i])
      return FieldError("releasable_to[" + std::to_string(i) + "]", "the actors are sorted and distinct");
  }
  return Status::Ok();
}

}  // namespace

const Record* Model::Resolve(std::string_view id, const Pending& pending) const {
  if (!pending.empty()) {
    if (auto it = pending.find(Key(id)); it != pending.end()) return it->second;
  }
  const StoredRecord* stored = Find(id);
  return stored ? &stored->record : nullptr;
}

Status Model::Check(const Record& record, const Pending& pending) const {
  const Common& common = CommonOf(record);
  const Record* existing = Resolve(common.id, pending);
  if (existing) {
    if (!common.correction || common.correction->empty()) {
      return FieldError(
          "id",
          "'" + common.id + "' already exists; to replace it, give a \"correction\" saying why");
    }
    if (KindOf(*existing) != KindOf(record)) {
      return FieldError("id", "'" + common.id + "' is a " +
                                  std::string(RecordKindName(KindOf(*existing))) + ", not a " +
                                  std::string(RecordKindName(KindOf(record))));
    }
  } else if (common.correction) {
    return FieldError("correction", "there is no earlier record '" + common.id + "' to correct");
  }
  RAMSTEIN_RETURN_IF_ERROR(CheckClassification(common));
  RAMSTEIN_RETURN_IF_ERROR(CheckReferences(record, pending));
  RAMSTEIN_RETURN_IF_ERROR(CheckEvidence(common, pending));
  return CheckKindRules(record, pending);
}

Status Model::CheckApplicable(const Record& record) const {
  const Common& common = CommonOf(record);
  if (const StoredRecord* existing = Find(common.id); existing && KindOf(existing->record) != KindOf(record)) {
    return Status::Corruption("'" + common.id + "' is a " + std::string(RecordKindName(KindOf(existing->record))) +
                              " in the ledger, not a " + std::string(RecordKindName(KindOf(record))));
  }
  Status references = CheckReferences(record, {});
  if (!references.ok()) return Status::Corruption(references.message());
  return Status::Ok();
}

Status Model::CheckReferences(const Record& record, const Pending& pending) const {
  Status status;
  VisitReferences(
      record, [&](const FieldPath& field, std::optional<RecordKind> kind, const std::string& id) {
        if (!status.ok()) return;
        const Record* target = Resolve(id, pending);
        if (target && (!kind || KindOf(*target) == *kind)) return;
        std::string kind_name = kind ? std::string(RecordKindName(*kind)) : "record";
        if (!target) {
          status = FieldError(field.ToString(), "unknown " + kind_name + " '" + id + "'");
        } else {
          status = FieldError(field.ToString(), "'" + id + "' is a " +
                                                    std::string(RecordKindName(KindOf(*target))) +
                                                    ", not a " + kind_name);
        }
      });
  return status;
}

const CodePointIndex& Model::IndexOf(const SourceRecord& source) const {
  std::lock_guard<std::mutex> lock(code_point_indexes_mutex_);
  auto& index = code_point_indexes_[source.sha256];
  if (!index) index = std::make_unique<CodePointIndex>(*source.text);
  return *index;
}

Status Model::CheckEvidence(const Common& common, const Pending& pending) const {
  for (std::size_t i = 0; i < common.evidence.size(); ++i) {
    const Evidence& evidence = common.evidence[i];
    std::string field = "evidence[" + std::to_string(i) + "]";
    const auto* source = std::get_if<SourceRecord>(Resolve(evidence.source, pending));
    if (evidence.quote.empty()) {
      // A citation of a whole document Ramstein does not hold (a URL a
      // dataset gives): nothing to quote, so nothing to point at.
      if (source && source->text)
        return FieldError(field + ".quote", "must not be empty: source '" + evidence.source +
                                                "' holds its text, so quote it");
      if (evidence.start != 0 || evidence.end != 0)
        return FieldError(field + ".end", "a citation without a quote has start and end 0");
      continue;
    }
    if (evidence.end <= evidence.start)
      return FieldError(field + ".end", "must be greater than start");
    if (!source || !source->text) continue;  // a source without text: the quote cannot be checked
    auto slice = IndexOf(*source).Slice(*source->text, evidence.start, evidence.end);
    if (!slice) {
      return FieldError(field + ".end", "is beyond the end of source '" + evidence.source + "'");
    }
    if (*slice != evidence.quote) {
      return FieldError(field + ".quote", "does not match source '" + evidence.source +
                                              "' at code points " + std::to_string(evidence.start) +
                                              ".." + std::to_string(evidence.end) + " (found \"" +
                                              Excerpt(*slice) + "\")");
    }
  }
  return Status::Ok();
}

namespace {

Status CheckPeriod(const std::optional<Date>& from, const std::optional<Date>& to) {
  if (from && to && to->last_day() < from->days) return FieldError("to", "is before 'from'");
  return Status::Ok();
}

bool HasLine(const MeasureRecord& measure, const std::string& item) {
  return std::any_of(measure.lines.begin(), measure.lines.end(),
                     [&](const LineItem& line) { return line.item == item; });
}

Status CheckMeasure(const MeasureRecord& measure) {
  if (measure.donor == measure.recipient) return FieldError("recipient", "is the donor itself");
  std::optional<Currency> currency;
  if (measure.value) currency = measure.value->currency;
  __int128 sum = 0;
  for (std::size_t i = 0; i < measure.lines.size(); ++i) {
    const auto& value = measure.lines[i].value;
    if (!value) continue;
    if (currency && value->currency != *currency) {
      return FieldError("lines[" + std::to_string(i) + "].value.currency",
                        "must be the measure's currency " + std::string(currency->code()));
    }
    currency = value->currency;
    sum += value->minor;
  }
  if (measure.value && sum > measure.value->minor) {
    return FieldError("value", "is less than the sum of its lines' values");
  }
  // The lines' total is the measure's money when it states none: one
  // amount, held to the same limit as any other.
  if (sum > limits::money_minor_max) {
    return FieldError("lines", "the lines' values total more than " + std::to_string(limits::money_minor_max) +
                                   " minor units, the limit of one amount");
  }
  return Status::Ok();
}

Status CheckFigure(const FigureRecord& figure) {
  if (figure.evidence.empty())
    return FieldError("evidence", "a figure quotes the row it was published in");
  if (figure.values.empty()) return FieldError("values", "a figure has at least one value");
  for (std::size_t i = 0; i < figure.values.size(); ++i) {
    const FigureValue& value = figure.values[i];
    std::string field = "values[" + std::to_string(i) + "]";
    if (value.name.empty()) return FieldError(field + ".name", "must not be empty");
    if (value.unit.empty()) return FieldError(field + ".unit", "must not be empty");
    if (value.kind && *value.kind != "level")
      return FieldError(field + ".kind", "'" + Excerpt(*value.kind) + "' is not 'level' (or absent: a flow)");
    if (!ParseDecimal(value.value)) {
      return FieldError(field + ".value", "'" + Excerpt(value.value) +
                                              "' is not a plain decimal (digits, one '.', "
                                              "optional leading '-')");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (figure.values[j].name == value.name)
        return FieldError(field + ".name", "'" + value.name + "' is given twice");
    }
  }
  return Status::Ok();
}

bool IsLowerHex(std::string_view text, std::size_t size) {
  return text.size() == size &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A migration record stands right after the events it describes.
Status CheckMigration(const MigrationRecord& migration, std::uint64_t last_sequence) {
  if (migration.format != "ramstein-ledger-1")
    return FieldError("format", "'" + Excerpt(migration.format) + "' is not 'ramstein-ledger-1'");
  if (static_cast<std::uint64_t>(migration.sequence) != last_sequence) {
    return FieldError("sequence", "must be the event before it, " + std::to_string(last_sequence));
  }
  for (auto [name, value, size] : {std::tuple{"head", &migration.head, 64}, std::tuple{"root", &migration.root, 64},
                                   std::tuple{"ledger", &migration.ledger, 32}}) {
    if (!IsLowerHex(*value, size))
      return FieldError(name, "must be " + std::to_string(size) + " lower-case hex digits");
  }
  return Status::Ok();
}

}  // namespace

Status Model::CheckSameAs(const ItemRecord& item, const Pending& pending) const {
  if (*item.same_as == item.id) return FieldError("same_as", "an item is not the same as itself");
  // Follow what the target is the same as: reaching this item would make a
  // loop. Every step is a distinct item, so the walk ends.
  std::string_view next = *item.same_as;
  for (std::size_t steps = 0; steps <= item_count() + pending.size(); ++steps) {
    const auto* target = std::get_if<ItemRecord>(Resolve(next, pending));
    if (!target || !target->same_as) return Status::Ok();
    if (*target->same_as == item.id) {
      return FieldError("same_as", "'" + *item.same_as + "' is already counted under '" + item.id +
                                       "': the two would count under each other");
    }
    next = *target->same_as;
  }
  return FieldError("same_as", "'" + *item.same_as + "' leads to a loop of items said to be the same");
}

Status Model::CheckKindRules(const Record& record, const Pending& pending) const {
  if (const auto* measure = std::get_if<MeasureRecord>(&record)) return CheckMeasure(*measure);
  if (const auto* delivery = std::get_if<DeliveryRecord>(&record)) {
    if (!delivery->quantity && !delivery->value)
      return FieldError("quantity", "a delivery needs a quantity or a value");
    RAMSTEIN_RETURN_IF_ERROR(CheckPeriod(delivery->from, delivery->to));
    const auto& measure = std::get<MeasureRecord>(*Resolve(delivery->measure, pending));
    if (delivery->item && !HasLine(measure, *delivery->item)) {
      return FieldError("item",
                        "measure '" + measure.id + "' has no line for '" + *delivery->item + "'");
    }
    std::optional<Currency> currency;
    if (measure.value) currency = measure.value->currency;
    for (const auto& line : measure.lines) {
      if (line.value) currency = line.value->currency;
    }
    if (delivery->value && currency && delivery->value->currency != *currency) {
      return FieldError("value.currency",
                        "must be the measure's currency " + std::string(currency->code()));
    }
    return Status::Ok();
  }
  if (const auto* hold = std::get_if<HoldRecord>(&record)) {
    if (hold->lines.empty()) return FieldError("lines", "a hold names at least one item");
    if (hold->measure) {
      const auto& measure = std::get<MeasureRecord>(*Resolve(*hold->measure, pending));
      for (std::size_t i = 0; i < hold->lines.size(); ++i) {
        if (!HasLine(measure, hold->lines[i].item)) {
          return FieldError(
              "lines[" + std::to_string(i) + "].item",
              "measure '" + measure.id + "' has no line for '" + hold->lines[i].item + "'");
        }
      }
    }
    return Status::Ok();
  }
  if (const auto* resumption = std::get_if<ResumptionRecord>(&record)) {
    const auto& hold = std::get<HoldRecord>(*Resolve(resumption->hold, pending));
    if (resumption->date.last_day() < hold.from.days)
      return FieldError("date", "is before the hold began");
    for (std::size_t i = 0; i < resumption->lines.size(); ++i) {
      const auto& item = resumption->lines[i].item;
      if (std::none_of(hold.lines.begin(), hold.lines.end(),
                       [&](const LineItem& l) { return l.item == item; })) {
        return FieldError("lines[" + std::to_string(i) + "].item",
                          "hold '" + hold.id + "' does not hold '" + item + "'");
      }
    }
    return Status::Ok();
  }
  if (const auto* balance = std::get_if<BalanceRecord>(&record)) {
    const auto& authority = std::get<AuthorityRecord>(*Resolve(balance->authority, pending));
    for (auto [name, money] : {std::pair{"cap", &balance->cap}, std::pair{"drawn", &balance->drawn},
                               std::pair{"remaining", &balance->remaining}}) {
      if (*money && (*money)->currency.code() != authority.currency) {
        return FieldError(std::string(name) + ".currency",
                          "must be the authority's currency " + authority.currency);
      }
    }
    return Status::Ok();
  }
  if (const auto* figure = std::get_if<FigureRecord>(&record)) return CheckFigure(*figure);
  if (const auto* release = std::get_if<ReleaseRecord>(&record)) {
    if (release->sequence > static_cast<std::int64_t>(sequence_))
      return FieldError("sequence", "is after the ledger's newest event " + std::to_string(sequence_));
    if (release->counted == MeasureStatus::proposed || release->counted == MeasureStatus::cancelled)
      return FieldError("counted", "must be a status from announced to delivered");
    return Status::Ok();
  }
  if (const auto* migration = std::get_if<MigrationRecord>(&record)) return CheckMigration(*migration, sequence_);
  if (const auto* role = std::get_if<RoleRecord>(&record)) return CheckPeriod(role->from, role->to);
  if (const auto* chair = std::get_if<ChairRecord>(&record))
    return CheckPeriod(chair->from, chair->to);
  if (const auto* membership = std::get_if<MembershipRecord>(&record)) {
    return CheckPeriod(membership->from, membership->to);
  }
  if (const auto* item = std::get_if<ItemRecord>(&record)) {
    for (std::size_t i = 0; i < item->aliases.size(); ++i) {
      auto owner = ResolveItem(item->aliases[i]);
      if (owner && ItemId(*owner) != item->id) {
        return FieldError("aliases[" + std::to_string(i) + "]",
                          "'" + item->aliases[i] + "' already names item '" + ItemId(*owner) + "'");
      }
    }
    if (item->same_as) return CheckSameAs(*item, pending);
  }
  return Status::Ok();
}

}  // namespace ramstein
