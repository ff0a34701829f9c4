// The records of the ledger: one struct per RecordKind.
//
// Each struct lists its fields once, in Visit(), which the codec uses both to
// decode a record (from JSON Lines input or a stored payload) and to encode
// its canonical payload. Visit() must name fields in byte order of their JSON
// keys: the encoder checks this, and it is what makes payloads canonical
// (docs/formats/events.md). Every id, reference and value here is exactly as
// the author gave it; checking references is the model's job.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/currency.h"
#include "base/date.h"
#include "base/limits.h"
#include "ledger/record_kind.h"

namespace ramstein {

// Persisted by name; the numbers are internal and index the name tables.
enum class ActorKind : std::uint8_t { country, organisation, coalition };
inline constexpr std::array<std::string_view, 3> kActorKindNames = {"country", "organisation",
                                                                    "coalition"};
enum class ForumKind : std::uint8_t { contact_group, capability_coalition, bilateral, conference };
inline constexpr std::array<std::string_view, 4> kForumKindNames = {
    "contact_group", "capability_coalition", "bilateral", "conference"};
enum class MeetingFormat : std::uint8_t { in_person, virtual_only, hybrid, unknown };
inline constexpr std::array<std::string_view, 4> kMeetingFormatNames = {"in_person", "virtual",
                                                                        "hybrid", "unknown"};
enum class MeetingState : std::uint8_t { held, planned };
inline constexpr std::array<std::string_view, 2> kMeetingStateNames = {"held", "planned"};
// attended: present, the report does not say in which form.
enum class AttendanceMode : std::uint8_t { in_person, virtual_only, absent, attended };
inline constexpr std::array<std::string_view, 4> kAttendanceModeNames = {"in_person", "virtual",
                                                                         "absent", "attended"};
enum class AidType : std::uint8_t { military, financial, humanitarian };
inline constexpr std::array<std::string_view, 3> kAidTypeNames = {"military", "financial",
                                                                  "humanitarian"};
enum class Instrument : std::uint8_t {
  unspecified,
  stockpile_drawdown,
  procurement_contract,
  funding_purchase,
  purchase_through_nato,
  loan,
  grant,
};
inline constexpr std::array<std::string_view, 7> kInstrumentNames = {"unspecified",
                                                                     "stockpile_drawdown",
                                                                     "procurement_contract",
                                                                     "funding_purchase",
                                                                     "purchase_through_nato",
                                                                     "loan",
                                                                     "grant"};
// The lifecycle, in order. proposed: hoped for or discussed, not announced by
// the donor. Ordering matters: "committed or later" means >= committed.
enum class MeasureStatus : std::uint8_t {
  proposed,
  announced,
  committed,
  allocated,
  contracted,
  delivered,
  cancelled,
};
inline constexpr std::array<std::string_view, 7> kMeasureStatusNames = {
    "proposed", "announced", "committed", "allocated", "contracted", "delivered", "cancelled"};
enum class ResumptionState : std::uint8_t { resumed, expected };
inline constexpr std::array<std::string_view, 2> kResumptionStateNames = {"resumed", "expected"};

// Where the items an importer could not find in the catalogue are kept
// ("item:unreviewed/bmp-1"): listed by `report review` until a reviewer says
// which catalogue item each is the same as.
inline constexpr std::string_view kUnreviewedItemPrefix = "item:unreviewed/";

// A quote in a source document that supports a record. start/end are offsets
// in Unicode code points into the source's text, end exclusive.
struct Evidence {
  std::int64_t end = 0;
  std::string quote;
  std::string source;  // a source record id
  std::int64_t start = 0;

  template <class V>
  void Visit(V& v) {
    v.Integer("end", end, 0, INT32_MAX);
    v.Text("quote", quote);
    v.Ref("source", source, RecordKind::source);
    v.Integer("start", start, 0, INT32_MAX);
  }
};

// Fields every record has, visited by each Visit() at their sorted places:
// correction (why this version replaces an earlier one with the same id),
// evidence, id, note; and who may read it: classification absent (public),
// "coalition" (any member of the coalition), or "restricted" to the actors
// in releasable_to (sorted, distinct). An extract for readers who may not
// see a record withholds its payload (docs/formats/events.md, "Extracts").
struct Common {
  std::optional<std::string> classification;
  std::optional<std::string> correction;
  std::vector<Evidence> evidence;
  std::string id;
  std::optional<std::string> note;
  std::vector<std::string> releasable_to;  // actor ids; only when restricted
};

struct SourceRecord : Common {
  std::optional<Date> published;
  std::string publisher;
  std::string sha256;  // hex of SHA-256 over text, or "" when no text is held
  std::optional<std::string> text;
  std::string title;
  std::optional<std::string> url;
  template <class V>
  void Visit(V& v) {
    v.OptText("classification", classification);
    v.Correction(correction);
    v.Id(id);
    v.OptText("note", note);
    v.OptDate("published", published);
    v.Text("publisher", publisher);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Text("sha256", sha256);
    v.OptDocument("text", text);
    v.Text("title", title);
    v.OptText("url", url);
  }
};

struct ActorRecord : Common {
  std::optional<std::string> alpha2;
  ActorKind actor_kind = ActorKind::country;
  std::string name;
  template <class V>
  void Visit(V& v) {
    v.OptText("alpha2", alpha2);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.Id(id);
    v.Text("name", name);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Enum("type", actor_kind, kActorKindNames);
  }
};

struct PersonRecord : Common {
  std::optional<std::string> actor;  // the country the person serves
  std::string name;
  template <class V>
  void Visit(V& v) {
    v.OptRef("actor", actor, RecordKind::actor);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.Id(id);
    v.Text("name", name);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
  }
};

// A person holding an office for an actor over a period. from/to are the
// dates the sources support; to absent means still in office as last reported.
struct RoleRecord : Common {
  std::string actor;
  Date from;
  std::string person;
  std::string title;
  std::optional<Date> to;
  template <class V>
  void Visit(V& v) {
    v.Ref("actor", actor, RecordKind::actor);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.DateField("from", from);
    v.Id(id);
    v.OptText("note", note);
    v.Ref("person", person, RecordKind::person);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Text("title", title);
    v.OptDate("to", to);
  }
};

struct ForumRecord : Common {
  std::optional<std::string> actor;  // the actor the forum donates as, if any
  std::optional<Date> founded;
  std::optional<std::string> founder;  // a person id
  ForumKind forum_kind = ForumKind::contact_group;
  std::string name;
  template <class V>
  void Visit(V& v) {
    v.OptRef("actor", actor, RecordKind::actor);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.OptDate("founded", founded);
    v.OptRef("founder", founder, RecordKind::person);
    v.Id(id);
    v.Text("name", name);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Enum("type", forum_kind, kForumKindNames);
  }
};

struct MembershipRecord : Common {
  std::string actor;
  std::string forum;
  std::optional<Date> from;
  std::optional<Date> to;
  template <class V>
  void Visit(V& v) {
    v.Ref("actor", actor, RecordKind::actor);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.Ref("forum", forum, RecordKind::forum);
    v.OptDate("from", from);
    v.Id(id);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.OptDate("to", to);
  }
};

// Who chairs or leads a forum over a period (the US chaired the UDCG until
// February 2025, the UK since; the UK and Latvia lead the drone coalition).
struct ChairRecord : Common {
  std::string actor;
  std::string forum;
  Date from;
  std::optional<std::string> person;
  std::optional<Date> to;
  template <class V>
  void Visit(V& v) {
    v.Ref("actor", actor, RecordKind::actor);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.Ref("forum", forum, RecordKind::forum);
    v.DateField("from", from);
    v.Id(id);
    v.OptText("note", note);
    v.OptRef("person", person, RecordKind::person);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.OptDate("to", to);
  }
};

struct MeetingRecord : Common {
  std::vector<std::string> chairs;  // person ids
  Date date;
  MeetingFormat format = MeetingFormat::unknown;
  std::optional<std::string> forum;
  std::optional<std::int64_t> number;  // sequence number within the forum
  MeetingState state = MeetingState::held;
  std::string title;
  std::optional<std::string> venue;
  std::optional<std::string> venue_country;  // an actor id
  template <class V>
  void Visit(V& v) {
    v.RefList("chairs", chairs, RecordKind::person);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.DateField("date", date);
    v.EvidenceList(evidence);
    v.Enum("format", format, kMeetingFormatNames);
    v.OptRef("forum", forum, RecordKind::forum);
    v.Id(id);
    v.OptText("note", note);
    v.OptInteger("number", number, 1, 100000);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Enum("state", state, kMeetingStateNames);
    v.Text("title", title);
    v.OptText("venue", venue);
    v.OptRef("venue_country", venue_country, RecordKind::actor);
  }
};

struct AttendanceRecord : Common {
  std::string actor;
  std::string meeting;
  AttendanceMode mode = AttendanceMode::attended;
  std::optional<std::string> person;
  template <class V>
  void Visit(V& v) {
    v.Ref("actor", actor, RecordKind::actor);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.Id(id);
    v.Ref("meeting", meeting, RecordKind::meeting);
    v.Enum("mode", mode, kAttendanceModeNames);
    v.OptText("note", note);
    v.OptRef("person", person, RecordKind::person);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
  }
};

struct ItemRecord : Common {
  std::vector<std::string> aliases;
  std::string category;
  std::vector<std::string> fits;  // item ids this item is used with
  std::string name;
  // The catalogue item this one is the same system as, when a reviewer has
  // said so (`ramstein catalog map`): its lines count under that item. The
  // item keeps its own id and name, so the files that name it import as
  // before and resolve to it.
  std::optional<std::string> same_as;
  std::optional<std::string> unit;
  template <class V>
  void Visit(V& v) {
    v.TextList("aliases", aliases);
    v.Text("category", category);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.RefList("fits", fits, RecordKind::item);
    v.Id(id);
    v.Text("name", name);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.OptRef("same_as", same_as, RecordKind::item);
    v.OptText("unit", unit);
  }
};

// One line of a measure, hold or resumption: a catalogue item with an
// optional quantity and value.
struct LineItem {
  std::string item;
  std::optional<std::string> note;
  std::optional<std::int64_t> quantity;
  std::optional<Money> value;
  template <class V>
  void Visit(V& v) {
    v.Ref("item", item, RecordKind::item);
    v.OptText("note", note);
    v.OptInteger("quantity", quantity, 0, limits::quantity_max);
    v.OptMoney("value", value);
  }
};

struct MeasureRecord : Common {
  // When the donor announced it; absent when the source gives none (some
  // Kiel rows). An undated measure has no exchange rate: reports keep its
  // amounts in their currency and say that EUR totals exclude them.
  std::optional<Date> announced;
  std::string donor;
  Instrument instrument = Instrument::unspecified;
  std::vector<LineItem> lines;
  std::optional<std::string> meeting;
  std::string recipient;
  std::vector<std::string> restrictions;
  MeasureStatus status = MeasureStatus::announced;
  std::string title;
  AidType type = AidType::military;
  std::optional<Money> value;
  std::optional<std::string> via;  // the actor the aid passes through (NATO)
  template <class V>
  void Visit(V& v) {
    v.OptDate("announced", announced);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.Ref("donor", donor, RecordKind::actor);
    v.EvidenceList(evidence);
    v.Id(id);
    v.Enum("instrument", instrument, kInstrumentNames);
    v.List("lines", lines);
    v.OptRef("meeting", meeting, RecordKind::meeting);
    v.OptText("note", note);
    v.Ref("recipient", recipient, RecordKind::actor);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.TextList("restrictions", restrictions);
    v.Enum("status", status, kMeasureStatusNames);
    v.Text("title", title);
    v.Enum("type", type, kAidTypeNames);
    v.OptMoney("value", value);
    v.OptRef("via", via, RecordKind::actor);
  }
};

// A measure moving along its lifecycle on a date.
struct StatusRecord : Common {
  Date date;
  std::string measure;
  MeasureStatus status = MeasureStatus::announced;
  template <class V>
  void Visit(V& v) {
    v.OptText("classification", classification);
    v.Correction(correction);
    v.DateField("date", date);
    v.EvidenceList(evidence);
    v.Id(id);
    v.Ref("measure", measure, RecordKind::measure);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Enum("status", status, kMeasureStatusNames);
  }
};

// Quantity or value delivered against a measure (and one of its items), on a
// date (from) or over a period (from..to).
struct DeliveryRecord : Common {
  Date from;
  std::optional<std::string> item;
  std::string measure;
  std::optional<std::int64_t> quantity;
  std::optional<Date> to;
  std::optional<Money> value;
  template <class V>
  void Visit(V& v) {
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.DateField("from", from);
    v.Id(id);
    v.OptRef("item", item, RecordKind::item);
    v.Ref("measure", measure, RecordKind::measure);
    v.OptText("note", note);
    v.OptInteger("quantity", quantity, 0, limits::quantity_max);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.OptDate("to", to);
    v.OptMoney("value", value);
  }
};

// A pause of shipments from a donor: which items and quantities, from when,
// why. Ended (wholly or partly) by resumption records.
struct HoldRecord : Common {
  std::string donor;
  Date from;
  std::vector<LineItem> lines;
  std::optional<std::string> measure;
  std::optional<std::string> reason;
  std::string recipient;
  template <class V>
  void Visit(V& v) {
    v.OptText("classification", classification);
    v.Correction(correction);
    v.Ref("donor", donor, RecordKind::actor);
    v.EvidenceList(evidence);
    v.DateField("from", from);
    v.Id(id);
    v.List("lines", lines);
    v.OptRef("measure", measure, RecordKind::measure);
    v.OptText("note", note);
    v.OptText("reason", reason);
    v.Ref("recipient", recipient, RecordKind::actor);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
  }
};

// Shipments of a hold resuming (or expected to) on a date; lines empty means
// the whole hold.
struct ResumptionRecord : Common {
  Date date;
  std::string hold;
  std::vector<LineItem> lines;
  ResumptionState state = ResumptionState::resumed;
  template <class V>
  void Visit(V& v) {
    v.OptText("classification", classification);
    v.Correction(correction);
    v.DateField("date", date);
    v.EvidenceList(evidence);
    v.Ref("hold", hold, RecordKind::hold);
    v.Id(id);
    v.List("lines", lines);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Enum("state", state, kResumptionStateNames);
  }
};

// A funding envelope (e.g. US presidential drawdown authority).
struct AuthorityRecord : Common {
  std::optional<Money> cap;
  std::string currency;
  std::string holder;  // an actor id
  std::string name;
  template <class V>
  void Visit(V& v) {
    v.OptMoney("cap", cap);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.Currency("currency", currency);
    v.EvidenceList(evidence);
    v.Ref("holder", holder, RecordKind::actor);
    v.Id(id);
    v.Text("name", name);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
  }
};

// An authority's state as reported on a date.
struct BalanceRecord : Common {
  std::string authority;
  std::optional<Money> cap;
  Date date;
  std::optional<Money> drawn;
  std::optional<Money> remaining;
  template <class V>
  void Visit(V& v) {
    v.Ref("authority", authority, RecordKind::authority);
    v.OptMoney("cap", cap);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.DateField("date", date);
    v.OptMoney("drawn", drawn);
    v.EvidenceList(evidence);
    v.Id(id);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.OptMoney("remaining", remaining);
  }
};

// What the recipient needs. priority 1 is the most urgent.
struct RequirementRecord : Common {
  std::optional<std::string> capability;
  std::optional<std::string> item;
  std::optional<Date> needed_by;
  std::int64_t priority = 1;
  std::optional<std::int64_t> quantity;
  std::string recipient;
  Date stated;
  template <class V>
  void Visit(V& v) {
    v.OptText("capability", capability);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.Id(id);
    v.OptRef("item", item, RecordKind::item);
    v.OptDate("needed_by", needed_by);
    v.OptText("note", note);
    v.Integer("priority", priority, 1, 1000);
    v.OptInteger("quantity", quantity, 0, limits::quantity_max);
    v.Ref("recipient", recipient, RecordKind::actor);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.DateField("stated", stated);
  }
};

// A statement about a record's attribute that sources may disagree on
// ("57 countries and the European Union" vs "roughly 50 nations"). Claims on
// the same subject and attribute are shown side by side, never merged.
struct ClaimRecord : Common {
  std::string attribute;
  std::optional<Date> date;
  std::optional<std::int64_t> number;
  std::string subject;  // any record id
  std::string value;
  template <class V>
  void Visit(V& v) {
    v.Text("attribute", attribute);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.OptDate("date", date);
    v.EvidenceList(evidence);
    v.Id(id);
    v.OptText("note", note);
    v.OptInteger("number", number, INT64_MIN, INT64_MAX);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.AnyRef("subject", subject);
    v.Text("value", value);
  }
};

// One published value: a column of a publisher's table, exactly as printed.
struct FigureValue {
  std::string name;   // the column, e.g. "military", "pct_gdp"
  std::string unit;   // e.g. "EUR_bn", "EUR", "percent", "count"
  std::string value;  // a plain decimal ("0.002645"), checked by the model
  // "level" for a stock, not a flow (a donor's GDP in each month's row):
  // summed over subjects but not over periods. Absent: a flow, summed.
  std::optional<std::string> kind;
  template <class V>
  void Visit(V& v) {
    v.OptText("kind", kind);
    v.Text("name", name);
    v.Text("unit", unit);
    v.Text("value", value);
  }
};

// A row of figures a publisher printed for a subject and period: Kiel's
// monthly allocations of a donor, a donor's weapons of one category, the
// procurement channels of a month. Kept exactly as published (decimal text)
// so that every cell can be compared with the file; the evidence quotes the
// row in the file's source record.
struct FigureRecord : Common {
  std::optional<std::string> category;  // e.g. a weapons category
  std::string dataset;                  // the table, e.g. "kiel-r29/data_explorer"
  std::optional<std::string> label;     // the row's own text, e.g. "M777 howitzer (6)"
  std::optional<Date> period;
  std::optional<std::string> subject;  // an actor id; none for table-wide rows
  std::vector<FigureValue> values;
  template <class V>
  void Visit(V& v) {
    v.OptText("category", category);
    v.OptText("classification", classification);
    v.Correction(correction);
    v.Text("dataset", dataset);
    v.EvidenceList(evidence);
    v.Id(id);
    v.OptText("label", label);
    v.OptText("note", note);
    v.OptDate("period", period);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.OptRef("subject", subject, RecordKind::actor);
    v.List("values", values);
  }
};

// A frozen view of the ledger (`ramstein release create NAME`): the event
// sequence number it stands at and the method its figures use: which
// measures count (`counted`: this status or later in the lifecycle, up to
// delivered), which value (the measure's stated value, in EUR at the
// announcement date's ECB rate), and which rates (`fx_sha256`, of the ECB
// file in use). `release diff A B` rebuilds both views and compares them.
struct ReleaseRecord : Common {
  MeasureStatus counted = MeasureStatus::committed;
  std::optional<Date> created;
  std::optional<std::string> fx_sha256;
  std::string name;
  std::int64_t sequence = 0;
  template <class V>
  void Visit(V& v) {
    v.OptText("classification", classification);
    v.Correction(correction);
    v.Enum("counted", counted, kMeasureStatusNames);
    v.OptDate("created", created);
    v.EvidenceList(evidence);
    v.OptText("fx_sha256", fx_sha256);
    v.Id(id);
    v.Text("name", name);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Integer("sequence", sequence, 0, INT64_MAX);
  }
};

// What `ramstein migrate` records when it re-chains a format-1 ledger as
// format 2: the old ledger's id, and its head and Merkle root after its
// last event (`sequence`), which are the events before this one. Anyone
// can recompute them from the migrated events (docs/formats/events.md);
// `verify` does. Only `migrate` writes one.
struct MigrationRecord : Common {
  std::string format;  // the old encoding: "ramstein-ledger-1"
  std::string head;    // hex of the old chain's hash of event `sequence`
  std::string ledger;  // the old ledger's id
  std::string root;    // hex of the old Merkle root over events 1..sequence
  std::int64_t sequence = 0;
  template <class V>
  void Visit(V& v) {
    v.OptText("classification", classification);
    v.Correction(correction);
    v.EvidenceList(evidence);
    v.Text("format", format);
    v.Text("head", head);
    v.Id(id);
    v.Text("ledger", ledger);
    v.OptText("note", note);
    v.RefList("releasable_to", releasable_to, RecordKind::actor);
    v.Text("root", root);
    v.Integer("sequence", sequence, 0, INT64_MAX);
  }
};

// Variant alternatives are in RecordKind order (index = code - 1).
using Record =
    std::variant<SourceRecord, ActorRecord, PersonRecord, RoleRecord, ForumRecord, MembershipRecord,
                 ChairRecord, MeetingRecord, AttendanceRecord, ItemRecord, MeasureRecord,
                 StatusRecord, DeliveryRecord, HoldRecord, ResumptionRecord, AuthorityRecord,
                 BalanceRecord, RequirementRecord, ClaimRecord, FigureRecord, ReleaseRecord,
                 MigrationRecord>;

inline RecordKind KindOf(const Record& record) {
  return static_cast<RecordKind>(record.index() + 1);
}
inline const Common& CommonOf(const Record& record) {
  return std::visit([](const auto& r) -> const Common& { return r; }, record);
}
inline Common& CommonOf(Record& record) {
  return std::visit([](auto& r) -> Common& { return r; }, record);
}

}  // namespace ramstein
