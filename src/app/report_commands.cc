#include <cstdio>

#include "app/commands.h"
#include "io/table_format.h"
#include "ledger/record_codec.h"
#include "query/reports.h"

namespace ramstein {

namespace {

Result<std::int32_t> DayOption(const std::string& text, const char* option, Clock& clock) {
  if (text.empty()) return static_cast<std::int32_t>(clock.NowMs() / 86'400'000);
  auto date = Date::Parse(text);
  if (!date)
    return Status::InvalidArgument(std::string(option) + ": '" + text +
                                   "' is not a date (YYYY-MM-DD)");
  return date->last_day();
}

void Print(const Table& table, TableFormat format) {
  std::fputs(FormatTable(table, format).c_str(), stdout);
}

}  // namespace

int RunReport(AppContext& context, const std::string& name, const ReportOptions& options) {
  Status opened = context.Open(SqliteEventStore::Mode::read_only);
  if (!opened.ok()) return Fail(opened);
  const Model& model = context.db->model();
  TableFormat format = context.format();
  auto measures = MeasureFilterOf(model, options.type.empty() ? std::nullopt : std::optional(options.type),
                                  options.publisher.empty() ? std::nullopt : std::optional(options.publisher));
  if (!measures.ok()) return Fail(measures.status());
  if (name == "donors") {
    Print(DonorsReport(model, *measures), format);
  } else if (name == "totals") {
    Print(DonorTotalsReport(model, *measures), format);
  } else if (name == "holds" || name == "authorities") {
    auto day = DayOption(options.at, "--at", context.clock);
    if (!day.ok()) return Fail(day.status());
    Print(name == "holds" ? HoldsReport(model, *day) : AuthoritiesReport(model, *day), format);
  } else if (name == "monthly") {
    auto table = MonthlyReport(model, options.donor.empty() ? std::nullopt : std::optional(options.donor), *measures);
    if (!table.ok()) return Fail(table.status());
    Print(*table, format);
  } else if (name == "meetings") {
    Print(MeetingsReport(model), format);
  } else if (name == "meeting") {
    auto detail = MeetingDetail(model, options.meeting);
    if (!detail.ok()) return Fail(detail.status());
    if (format == TableFormat::json) {
      std::fputs(MeetingDetailToJson(*detail).c_str(), stdout);
    } else {
      Print(detail->facts, format);
      std::fputs("\n", stdout);
      Print(detail->attendance, format);
      std::fputs("\n", stdout);
      Print(detail->measures, format);
    }
  } else if (name == "items") {
    ItemsFilter filter;
    if (!options.item.empty()) filter.item = options.item;
    if (!options.category.empty()) filter.category = options.category;
    if (!options.donor.empty()) filter.donor = options.donor;
    auto table = ItemsReport(model, filter);
    if (!table.ok()) return Fail(table.status());
    Print(*table, format);
  } else if (name == "review") {
    Print(ReviewReport(model), format);
  } else if (name == "publishers") {
    Print(PublishersReport(model), format);
  } else if (name == "datasets") {
    Print(DatasetsReport(model), format);
  } else if (name == "figures") {
    FiguresQuery query{options.dataset, options.by, std::nullopt};
    if (!options.donor.empty()) query.subject = options.donor;
    auto table = FiguresReport(model, query);
    if (!table.ok()) return Fail(table.status());
    Print(*table, format);
  } else if (name == "reconcile") {
    ReconcileQuery query;
    if (!options.source.empty()) query.measures_source = options.source;
    if (!options.dataset.empty()) query.figures_dataset = options.dataset;
    auto table = ReconcileReport(model, query);
    if (!table.ok()) return Fail(table.status());
    Print(*table, format);
  } else if (name == "changes") {
    auto since = Date::Parse(options.since);
    if (!since)
      return Fail(Status::InvalidArgument("--since: '" + options.since + "' is not a date"));
    Print(ChangesReport(model, since->days), format);
  } else {
    return Fail(Status::InvalidArgument("unknown report '" + name + "'"));
  }
  return kExitOk;
}

int RunLog(AppContext& context, const LogFilter& filter) {
  Status opened = context.Open(SqliteEventStore::Mode::read_only);
  if (!opened.ok()) return Fail(opened);
  std::optional<RecordKind> kind;
  if (!filter.type.empty()) {
    kind = RecordKindFromName(filter.type);
    if (!kind)
      return Fail(Status::InvalidArgument("--type: unknown record kind '" + filter.type + "'"));
  }
  std::int64_t since_ms = INT64_MIN, until_ms = INT64_MAX;
  for (auto [text, target, end_of_day] :
       {std::tuple{&filter.since, &since_ms, false}, std::tuple{&filter.until, &until_ms, true}}) {
    if (text->empty()) continue;
    auto date = Date::Parse(*text);
    if (!date) return Fail(Status::InvalidArgument("'" + *text + "' is not a date (YYYY-MM-DD)"));
    *target =
        (static_cast<std::int64_t>(end_of_day ? date->last_day() + 1 : date->days)) * 86'400'000 -
        (end_of_day ? 1 : 0);
  }
  Table table;
  table.title = "Events";
  table.AddColumn("sequence", Column::Type::integer);
  for (const char* column : {"time", "author", "kind", "id", "sources", "hash"})
    table.AddColumn(column);
  Status scanned = context.db->store().Scan(0, [&](const EventView& event) {
    if (event.time_ms < since_ms || event.time_ms > until_ms) return Status::Ok();
    auto event_kind = RecordKindFromCode(event.type);
    if (!event_kind || (kind && *event_kind != *kind)) return Status::Ok();
    auto record = DecodePayload(*event_kind, event.payload);
    if (!record.ok())
      return Status::Corruption("event " + std::to_string(event.sequence) + ": " +
                                record.status().message());
    if (!filter.actor.empty()) {
      bool mentions = false;
      VisitReferences(record.value(),
                      [&](const FieldPath&, std::optional<RecordKind> k, const std::string& id) {
                        if (k == RecordKind::actor && id == filter.actor) mentions = true;
                      });
      if (!mentions) return Status::Ok();
    }
    auto& row = table.AddRow();
    row[0] = std::to_string(event.sequence);
    std::int64_t seconds = event.time_ms / 1000;
    char time_text[32];
    std::snprintf(time_text, sizeof time_text, "%sT%02lld:%02lld:%02lldZ",
                  FormatDay(static_cast<std::int32_t>(seconds / 86400)).c_str(),
                  static_cast<long long>(seconds % 86400 / 3600),
                  static_cast<long long>(seconds % 3600 / 60),
                  static_cast<long long>(seconds % 60));
    row[1] = time_text;
    row[2] = std::string(event.author);
    row[3] = std::string(RecordKindName(*event_kind));
    row[4] = CommonOf(record.value()).id;
    row[5] = std::string(event.sources);
    for (char& c : row[5]) c = c == '\n' ? ' ' : c;
    row[6] = HashToHex(event.hash).substr(0, 16);
    return Status::Ok();
  });
  if (!scanned.ok()) return Fail(scanned);
  if (filter.limit > 0 && table.rows.size() > filter.limit) {
    table.rows.erase(table.rows.begin(),
                     table.rows.end() - static_cast<std::ptrdiff_t>(filter.limit));
  }
  Print(table, context.format());
  return kExitOk;
}

}  // namespace ramstein
