#include <algorithm>

#include "query/labels.h"
#include "query/reports.h"

namespace ramstein {

namespace {

struct Change {
  Date date;
  std::string kind;
  std::string id;
  std::string what;
  std::uint64_t sequence;
};

std::string Money_(const std::optional<Money>& money) {
  return money ? " " + FormatMoney(*money) : "";
}

std::optional<Change> Describe(const Model& model, const StoredRecord& stored) {
  return std::visit(
      [&](const auto& r) -> std::optional<Change> {
        using T = std::decay_t<decltype(r)>;
        std::string kind(RecordKindName(KindOf(stored.record)));
        if constexpr (std::is_same_v<T, MeasureRecord>) {
          if (!r.announced) return std::nullopt;  // undated: not placed among changes
          return Change{*r.announced, kind, r.id,
                        r.donor + " -> " + r.recipient + ": " + r.title + Money_(r.value) + " (" +
                            std::string(kMeasureStatusNames[static_cast<std::size_t>(r.status)]) +
                            ")",
                        stored.sequence};
        } else if constexpr (std::is_same_v<T, StatusRecord>) {
          return Change{r.date, kind, r.id,
                        r.measure + " became " +
                            std::string(kMeasureStatusNames[static_cast<std::size_t>(r.status)]),
                        stored.sequence};
        } else if constexpr (std::is_same_v<T, DeliveryRecord>) {
          std::string what = "delivered against " + r.measure;
          if (r.quantity)
            what += ": " + std::to_string(*r.quantity) + " " +
                    (r.item ? Label(model, *r.item) : "units");
          what += Money_(r.value);
          return Change{r.from, kind, r.id, what, stored.sequence};
        } else if constexpr (std::is_same_v<T, HoldRecord>) {
          return Change{r.from, kind, r.id,
                        r.donor + " paused " + std::to_string(r.lines.size()) + " item lines to " +
                            r.recipient,
                        stored.sequence};
        } else if constexpr (std::is_same_v<T, ResumptionRecord>) {
          return Change{
              r.date, kind, r.id,
              r.hold + " " + std::string(kResumptionStateNames[static_cast<std::size_t>(r.state)]),
              stored.sequence};
        } else if constexpr (std::is_same_v<T, BalanceRecord>) {
          return Change{r.date, kind, r.id, r.authority + " remaining" + Money_(r.remaining),
                        stored.sequence};
        } else if constexpr (std::is_same_v<T, MeetingRecord>) {
          return Change{r.date, kind, r.id, r.title, stored.sequence};
        } else if constexpr (std::is_same_v<T, RequirementRecord>) {
          return Change{r.stated, kind, r.id,
                        r.recipient + " needs " +
                            (r.item ? Label(model, *r.item) : r.capability.value_or("")),
                        stored.sequence};
        } else {
          return std::nullopt;
        }
      },
      stored.record);
}

}  // namespace

Table ChangesReport(const Model& model, std::int32_t since_day) {
  std::vector<Change> changes;
  for (RecordKind kind : {RecordKind::measure, RecordKind::status, RecordKind::delivery,
                          RecordKind::hold, RecordKind::resumption, RecordKind::balance,
                          RecordKind::meeting, RecordKind::requirement}) {
    for (const StoredRecord* stored : model.All(kind)) {
      auto change = Describe(model, *stored);
      if (change && change->date.last_day() >= since_day) changes.push_back(std::move(*change));
    }
  }
  std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.sequence < b.sequence;
  });
  Table table;
  table.title = "Changes since " + FormatDay(since_day);
  for (const char* name : {"date", "kind", "id", "what"}) table.AddColumn(name);
  for (const Change& change : changes) {
    auto& row = table.AddRow();
    row[0] = change.date.ToString();
    row[1] = change.kind;
    row[2] = change.id;
    row[3] = change.what;
  }
  return table;
}

}  // namespace ramstein
