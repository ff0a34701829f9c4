#include <cstdio>

#include "app/commands.h"
#include "render/answer_format.h"
#include "render/table_format.h"
#include "ledger/record_codec.h"
#include "query/catalog.h"

namespace ramstein {

namespace {

void Print(const Table& table, TableFormat format) {
  std::fputs(FormatTable(table, format).c_str(), stdout);
}

}  // namespace

int RunQuestion(AppContext& context, const Question& question,
                const std::vector<std::pair<std::string, std::string>>& given) {
  auto today = static_cast<std::int32_t>(context.clock.NowMs() / 86'400'000);
  auto arguments = Bind(question, given, today);
  if (!arguments.ok()) return Fail(arguments.status());
  auto page = PageOf(given, std::nullopt);
  if (!page.ok()) return Fail(page.status());
  Status opened = context.Open(SqliteEventStore::Mode::read_only);
  if (!opened.ok()) return Fail(opened);
  auto answer = Ask(question, context.db->model(), *arguments, context.db->store().text_search());
  if (!answer.ok()) return Fail(answer.status());
  if (*page && !question.pages_itself) *answer = PageRows(std::get<Table>(*answer), **page);
  auto text = FormatAnswer(*answer, context.format());
  if (!text.ok()) return Fail(text.status());
  std::fputs(text->c_str(), stdout);
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
