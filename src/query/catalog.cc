#include "query/catalog.h"

#include <algorithm>
#include <iterator>
#include <cstdio>
#include <map>
#include <unordered_set>

#include "base/ascii.h"
#include "base/date.h"
#include "base/did_you_mean.h"
#include "ledger/record_kind.h"
#include "query/labels.h"
#include "query/record_lists.h"

namespace ramstein {

namespace {

using T = Column::Type;

// Parameters several questions take, described once.
Param TypeParam() {
  return {"type", ParamType::choice, "only one type of aid", {"military", "financial", "humanitarian"}, "", false,
          false, false, "military"};
}
Param PublisherParam() {
  return {"publisher", ParamType::text,
          "only measures whose first cited source is this publisher's (report publishers lists them): a ledger "
          "holding several trackers sums them all otherwise",
          {}, "", false, false, false, "CNN (machine-translated repost)"};
}
Param DonorParam(std::string description = "only this donor (actor id)") {
  return {"donor", ParamType::text, std::move(description), {}, "", false, false, false, "USA"};
}
Param AtParam(std::string example) {
  return {"at", ParamType::date, "the date to look at (the last day of a month or year given)", {}, "today",
          false, false, false, std::move(example)};
}

// Columns several tables have, described once; a question's own
// description wins.
const std::map<std::string, std::pair<std::string, std::string>, std::less<>>& CommonColumns() {
  // name -> (unit, description)
  static const std::map<std::string, std::pair<std::string, std::string>, std::less<>> columns = {
      {"id", {"", "the record's id: /api/v1/records/{id} opens it"}},
      {"donor", {"", "the donor's actor id"}},
      {"recipient", {"", "the recipient's actor id"}},
      {"holder", {"", "the actor holding the authority"}},
      {"name", {"", "the name of the row's actor, item or authority"}},
      {"currency", {"", "ISO 4217 code of the row's money"}},
      {"note", {"", "what a reader should know about the row's figures"}},
      {"title", {"", "the record's title"}},
      {"item", {"", "the catalogue item's id"}},
      {"item_name", {"", "the item's name"}},
      {"category", {"", "the item's category"}},
      {"measure", {"", "the measure's id"}},
      {"meeting", {"", "the meeting's id"}},
      {"hold", {"", "the hold's id"}},
      {"authority", {"", "the authority's id"}},
      {"balance", {"", "the balance record the figures come from"}},
      {"source", {"", "the source's id"}},
      {"date", {"", "the date as precise as it is known (YYYY, YYYY-MM or YYYY-MM-DD)"}},
      {"from", {"", "first date, as precise as it is known"}},
      {"to", {"", "last date, as precise as it is known"}},
      {"lines", {"", "how many lines (items with quantities) the record has"}},
      {"quantity", {"units of the item", "how many"}},
      {"value", {"currency of the row", "the value stated"}},
      {"status", {"", "the record's status"}},
      {"type", {"", "the type of aid: military, financial or humanitarian"}},
      {"state", {"", "planned, held or cancelled"}},
      {"format", {"", "in_person, virtual, hybrid or unknown"}},
      {"forum", {"", "the forum's id (forum:udcg is the Ukraine Defense Contact Group)"}},
      {"number", {"", "the meeting's number in its forum"}},
      {"venue", {"", "where it was held"}},
      {"measures", {"", "how many measures"}},
      {"rows", {"", "how many rows of the dataset"}},
      {"cap", {"currency of the row", "the authority's cap"}},
      {"drawn", {"currency of the row", "drawn so far"}},
      {"remaining", {"currency of the row", "left to draw"}},
      {"publisher", {"", "who published the source"}},
  };
  return columns;
}

ResultColumn Col(std::string name, T type = T::text, std::string unit = "", std::string description = "") {
  if (description.empty() || unit.empty()) {
    auto common = CommonColumns().find(name);
    if (common != CommonColumns().end()) {
      if (unit.empty() && description.empty()) unit = common->second.first;
      if (description.empty()) description = common->second.second;
    }
  }
  return {std::move(name), type, std::move(unit), std::move(description)};
}

Result<Answer> TableAnswer(Result<Table> table) {
  if (!table.ok()) return table.status();
  return Answer(std::move(table).value());
}

Result<MeasureFilter> MeasuresOf(const Model& model, const Arguments& args) {
  return MeasureFilterOf(model, args.Text("type"), args.Text("publisher"));
}

Question Report(std::string name, std::string summary, std::vector<Param> params, std::vector<ResultColumn> columns,
                std::function<Result<Answer>(const Model&, const Arguments&)> answer) {
  Question question;
  question.kind = QuestionKind::report;
  question.command = {"report", name};
  question.http_path = "/api/v1/reports/" + name;
  question.tag = "reports";
  question.name = std::move(name);
  question.summary = std::move(summary);
  question.params = std::move(params);
  question.columns = std::move(columns);
  question.answer = std::move(answer);
  return question;
}

std::vector<ResultColumn> DonorColumns(bool by_currency) {
  std::vector<ResultColumn> columns = {Col("donor"), Col("name", T::text, "", "the donor's name")};
  if (by_currency) {
    columns.push_back(Col("currency"));
    for (const char* figure : {"announced", "committed", "delivered", "outstanding", "on_hold"}) {
      columns.push_back(Col(figure, T::amount, "currency of the row", std::string(figure) + ", in the row's currency"));
    }
  }
  const char* meanings[] = {
      "measures announced or later (not proposed, not cancelled)", "measures committed, allocated, contracted or delivered",
      "value delivered (stated, or pro rata of quantities delivered)", "committed minus delivered, per line, never below 0",
      "value of quantities held now"};
  const char* figures[] = {"announced", "committed", "delivered", "outstanding", "on_hold"};
  for (const char* currency : by_currency ? std::vector<const char*>{"eur"} : std::vector<const char*>{"eur", "usd"}) {
    for (int i = 0; i < 5; ++i) {
      std::string unit = currency == std::string("eur") ? "EUR" : "USD";
      columns.push_back(Col(std::string(figures[i]) + "_" + currency, T::amount, unit,
                            std::string(meanings[i]) + ", in " + unit + " at the announcement date's ECB rate"));
    }
  }
  if (!by_currency) columns.push_back(Col("currencies", T::text, "", "the currencies the donor's measures state"));
  columns.push_back(Col("note"));
  return columns;
}

std::vector<Question> Reports() {
  std::vector<Question> reports;
  reports.push_back(Report(
      "donors", "Per donor and currency: announced, committed, delivered, outstanding, on hold, and in EUR",
      {TypeParam(), PublisherParam()}, DonorColumns(true), [](const Model& model, const Arguments& args) -> Result<Answer> {
        auto measures = MeasuresOf(model, args);
        if (!measures.ok()) return measures.status();
        return Answer(DonorsReport(model, *measures));
      }));
  reports.back().description =
      "Money never adds across currencies: one row per donor and currency. A row whose EUR conversion is "
      "impossible shows empty EUR cells and 'unconverted' in its note.";
  reports.push_back(Report("totals", "Per donor: EUR and USD totals over all currencies", {TypeParam(), PublisherParam()},
                           DonorColumns(false), [](const Model& model, const Arguments& args) -> Result<Answer> {
                             auto measures = MeasuresOf(model, args);
                             if (!measures.ok()) return measures.status();
                             return Answer(DonorTotalsReport(model, *measures));
                           }));
  reports.push_back(Report(
      "monthly", "Per month: announced, committed and delivered in EUR",
      {DonorParam(), TypeParam(), PublisherParam()},
      {Col("period", T::text, "", "the month (YYYY-MM), or the year for dates known only to the year"),
       Col("precision", T::text, "", "month or year"),
       Col("announced_eur", T::amount, "EUR", "announced in the period, at the announcement date's rate"),
       Col("committed_eur", T::amount, "EUR", "committed, by the month the measure was announced"),
       Col("delivered_eur", T::amount, "EUR", "delivered, by the month the delivery finished"),
       Col("measures", T::integer, "", "measures announced in the period"),
       Col("deliveries", T::integer, "", "deliveries finished in the period"), Col("note")},
      [](const Model& model, const Arguments& args) -> Result<Answer> {
        auto measures = MeasuresOf(model, args);
        if (!measures.ok()) return measures.status();
        return TableAnswer(MonthlyReport(model, args.Text("donor"), *measures));
      }));
  reports.push_back(Report(
      "holds", "Holds active at a date: items, quantities, days held", {AtParam("2025-07-08")},
      {Col("hold"), Col("donor"), Col("recipient"), Col("item"), Col("item_name"),
       Col("quantity_held", T::integer, "units of the item", "quantity held"),
       Col("held_since", T::text, "", "the hold's first date"), Col("days_held", T::integer, "days", "days held by the date"),
       Col("expected_resumption", T::text, "", "when the hold is expected to end, if said"),
       Col("reason", T::text, "", "why, as the source puts it")},
      [](const Model& model, const Arguments& args) -> Result<Answer> {
        return Answer(HoldsReport(model, args.LastDayOr("at", args.today_day())));
      }));
  reports.push_back(Report(
      "meetings", "Every meeting with attendance counts", {},
      {Col("meeting"), Col("forum"), Col("number", T::integer), Col("date"), Col("title"), Col("venue"), Col("format"),
       Col("state"), Col("chairs", T::text, "", "the chairs' names"),
       Col("in_person", T::integer, "delegations", "delegations attending in person"),
       Col("virtual", T::integer, "delegations", "delegations attending virtually"),
       Col("absent", T::integer, "delegations", "delegations recorded absent"),
       Col("attended", T::integer, "delegations", "delegations attending in any way"),
       Col("measures", T::integer, "", "measures announced at the meeting")},
      [](const Model& model, const Arguments&) -> Result<Answer> { return Answer(MeetingsReport(model)); }));
  reports.push_back(Report(
      "authorities", "Funding authorities: cap, drawn, remaining as last reported on or before a date",
      {AtParam("2025-04-11")},
      {Col("authority"), Col("name", T::text, "", "the authority's name"), Col("holder"), Col("currency"),
       Col("cap", T::amount), Col("drawn", T::amount), Col("remaining", T::amount),
       Col("as_of", T::text, "", "the date of the balance reported"), Col("balance")},
      [](const Model& model, const Arguments& args) -> Result<Answer> {
        return Answer(AuthoritiesReport(model, args.LastDayOr("at", args.today_day())));
      }));
  reports.push_back(Report(
      "items", "Per item and donor: pledged, delivered, held, and what each source counts",
      {{"item", ParamType::text, "only this item (id, name or alias)", {}, "", false, false, false, "Patriot"},
       {"category", ParamType::text, "only items of this category", {}, "", false, false, false, "Air Defense"},
       DonorParam()},
      {Col("item"), Col("name", T::text, "", "the item's name"), Col("category"), Col("donor"),
       Col("pledged", T::integer, "units of the item", "pledged, by the largest account among the sources"),
       Col("delivered", T::integer, "units of the item", "delivered"),
       Col("held", T::integer, "units of the item", "held now"),
       Col("value", T::text, "currency stated", "value of the lines, per currency"), Col("note")},
      [](const Model& model, const Arguments& args) -> Result<Answer> {
        return TableAnswer(ItemsReport(model, {args.Text("item"), args.Text("category"), args.Text("donor")}));
      }));
  reports.back().more_columns =
      "then 'pledged per PUBLISHER' (integer, units of the item) for each publisher whose sources count the item, "
      "and 'spread' (integer): the largest minus the smallest of them";
  reports.push_back(Report(
      "review", "Names importers kept for review, the catalogue item each was said to be, and suggestions", {},
      {Col("item", T::text, "", "the kept name's item id (item:unreviewed/...)"), Col("name", T::text, "", "the name as the source gave it"),
       Col("category", T::text, "", "the category the source gave"),
       Col("lines", T::integer, "", "measure lines naming it"), Col("units", T::integer, "units", "quantity those lines state"),
       Col("publishers", T::text, "", "whose rows name it"),
       Col("same as", T::text, "", "the catalogue item a reviewer said it is (empty: still to review)"),
       Col("same as name", T::text, "", "that item's name"),
       Col("suggested", T::text, "", "a catalogue item whose name is close"), Col("suggested name", T::text, "", "its name")},
      [](const Model& model, const Arguments&) -> Result<Answer> { return Answer(ReviewReport(model)); }));
  reports.push_back(Report(
      "publishers", "Publishers whose sources measures cite first: the values the publisher parameter takes", {},
      {Col("publisher"), Col("measures", T::integer, "", "measures citing it first"),
       Col("donors", T::integer, "", "donors of those measures"), Col("sources", T::integer, "", "its sources cited"),
       Col("announced_eur", T::amount, "EUR", "value of its measures announced or later, at the announcement-date ECB rate"),
       Col("units", T::integer, "units", "quantities of items its measures state"),
       Col("default_for", T::text, "",
           "'money': the account holding the most money, which the dashboard's sums count by default, so that a "
           "pledge several publishers record counts once")},
      [](const Model& model, const Arguments&) -> Result<Answer> { return Answer(PublishersReport(model)); }));
  reports.push_back(Report(
      "changes", "What happened since a date, by the date of the fact",
      {{"since", ParamType::date, "the first date to list", {}, "", true, false, false, "2025-01-01"}},
      {Col("date"), Col("kind", T::text, "", "the record's kind"), Col("id"), Col("what", T::text, "", "what happened")},
      [](const Model& model, const Arguments& args) -> Result<Answer> {
        return Answer(ChangesReport(model, *args.FirstDay("since")));
      }));
  reports.push_back(Report(
      "datasets", "Datasets of published figures (imported publisher tables)", {},
      {Col("dataset", T::text, "", "the dataset's name: the figures report's dataset"), Col("rows", T::integer),
       Col("subjects", T::integer, "", "distinct subjects"), Col("from", T::text, "", "first period"),
       Col("to", T::text, "", "last period"), Col("source", T::text, "", "the sources its rows quote")},
      [](const Model& model, const Arguments&) -> Result<Answer> { return Answer(DatasetsReport(model)); }));
  reports.push_back(Report(
      "figures", "A dataset's published figures, summed exactly by subject, period, category or all",
      {{"dataset", ParamType::text, "the dataset (report datasets lists them)", {}, "", true, true, false,
        "kiel-r29/data_explorer"},
       {"by", ParamType::choice, "how to group the figures; row gives each as published",
        {"subject", "period", "category", "row", "all"}, "subject", false, false, false, "subject"},
       DonorParam("only this subject (actor id)")},
      {}, [](const Model& model, const Arguments& args) -> Result<Answer> {
        FiguresQuery query{*args.Text("dataset"), args.Text("by").value_or("subject"), args.Text("donor")};
        return TableAnswer(FiguresReport(model, query));
      }));
  reports.back().more_columns =
      "the group (subject with its name, period, category, or for row the figure's id, subject, name, period, "
      "category and label), 'rows' (integer), then each value as 'NAME (UNIT)' (decimal, every digit kept; a level "
      "such as GDP as 'NAME (UNIT, latest)')";
  reports.push_back(Report(
      "reconcile", "Kiel main data allocations against Kiel dashboard figures, per donor and type",
      {{"source", ParamType::text, "the main data's source id", {}, "the latest imported", false, false, false, ""},
       {"dataset", ParamType::text, "the dashboard dataset", {}, "the latest kiel-rNN/data_explorer", false, false,
        false, ""}},
      {Col("donor"), Col("name", T::text, "", "the donor's name"), Col("type"),
       Col("main_data_measures", T::integer, "", "main data measures counted"),
       Col("main_data_eur", T::amount, "EUR", "the main data's allocations"),
       Col("dashboard_eur", T::amount, "EUR", "the dashboard's figure"),
       Col("difference_eur", T::amount, "EUR", "dashboard minus main data")},
      [](const Model& model, const Arguments& args) -> Result<Answer> {
        return TableAnswer(ReconcileReport(model, {args.Text("source"), args.Text("dataset")}));
      }));
  reports.back().description = "Answers 404 until both a Kiel main data file and a Kiel dashboard dataset are imported.";
  return reports;
}

// A collection's filters as parameters.
Param FilterParam(const std::string& filter) {
  static const std::map<std::string, Param, std::less<>> filters = {
      {"donor", DonorParam("only records of this donor (actor id)")},
      {"recipient", {"recipient", ParamType::text, "only records for this recipient (actor id)", {}, "", false, false, false, "UKR"}},
      {"type", {"type", ParamType::choice, "only this type of aid", {"military", "financial", "humanitarian"}, "", false,
                false, false, "military"}},
      {"status", {"status", ParamType::text, "only records of this status", {}, "", false, false, false, ""}},
      {"item", {"item", ParamType::text, "only records naming this item (id, name or alias)", {}, "", false, false, false, ""}},
      {"category", {"category", ParamType::text, "only records naming an item of this category", {}, "", false, false,
                    false, "Air Defense"}},
      {"publisher", PublisherParam()},
      {"from", {"from", ParamType::date, "only records dated on or after this date", {}, "", false, false, false, "2025-01-01"}},
      {"to", {"to", ParamType::date, "only records dated on or before this date", {}, "", false, false, false, ""}},
  };
  return filters.at(filter);
}

// The ids of the records of `kind` holding the words of `q`.
Result<std::unordered_set<std::string>> SearchIds(const Arguments& args, const std::string& q, RecordKind kind) {
  if (args.search() == nullptr) return Status::InvalidArgument("q: this ledger has no search index");
  auto terms = ParseSearchQuery(q);
  if (!terms.ok()) return terms.status();
  auto found = args.search()->Ids(*terms, RecordKindName(kind), search_limit_max);
  if (!found.ok()) return found.status();
  return std::unordered_set<std::string>(std::make_move_iterator(found->begin()), std::make_move_iterator(found->end()));
}

// The search question's table: the best hits grouped by kind (the kind of
// the best hit first), best first within a kind; the counts of all
// matches per kind as its facet.
Result<Answer> SearchAnswer(const Model& model, const Arguments& args) {
  if (args.search() == nullptr) return Status::InvalidArgument("q: this ledger has no search index");
  auto terms = ParseSearchQuery(*args.Text("q"));
  if (!terms.ok()) return terms.status();
  std::string kind = args.Text("kind").value_or("");
  std::size_t limit = args.Text("limit") ? std::stoull(*args.Text("limit")) : page_limit_default;
  std::size_t offset = args.Text("offset") ? std::stoull(*args.Text("offset")) : 0;
  auto page = args.search()->Search(*terms, kind, limit, offset);
  if (!page.ok()) return page.status();
  // A hit names a record of the model, as the model has it (an index a
  // step ahead of a server's model, or damaged, names no other).
  std::vector<SearchHit> hits;
  for (SearchHit& hit : page->hits) {
    const StoredRecord* stored = model.Find(hit.id);
    if (stored == nullptr) continue;
    hit.kind = std::string(RecordKindName(KindOf(stored->record)));
    hit.title = Label(model, hit.id);  // as every other answer names it
    hits.push_back(std::move(hit));
  }
  std::map<std::string, std::size_t> group_of;  // kind -> its rank among the groups
  for (const SearchHit& hit : hits) group_of.emplace(hit.kind, group_of.size());
  std::stable_sort(hits.begin(), hits.end(),
                   [&](const SearchHit& a, const SearchHit& b) { return group_of[a.kind] < group_of[b.kind]; });
  Table table;
  table.title = "Search: " + std::to_string(page->total) + " records hold '" + *args.Text("q") + "'" +
                (page->ranked ? "" : " (too many to rank: the newest first)");
  table.total_rows = page->total;
  table.AddColumns({{"kind"}, {"id"}, {"title"}, {"snippet"}, {"score", Column::Type::decimal}});
  for (SearchHit& hit : hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    table.rows.push_back({std::move(hit.kind), std::move(hit.id), std::move(hit.title), std::move(hit.snippet), score});
  }
  Facet facet{"kind", std::move(page->kinds)};
  std::stable_sort(facet.counts.begin(), facet.counts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  table.facets.push_back(std::move(facet));
  return Answer(std::move(table));
}

std::vector<Question> Searches() {
  Question search;
  search.kind = QuestionKind::report;
  search.name = "search";
  search.summary = "Full-text search over records, their quotes and the sources' texts, ranked";
  search.description =
      "Every word must match (\"a phrase\" in quotes; the last word may be the start of one). A page's hits are "
      "grouped by kind, the kind of the best hit first, best first within each; the snippet marks the match between "
      "« and ». More than 20,000 matches are listed newest first instead of ranked. The facet 'kind' counts every "
      "match per kind.";
  search.command = {"search"};
  search.http_path = "/api/v1/search";
  search.tag = "search";
  search.operation_id = "search";
  search.paged_by_default = true;
  search.pages_itself = true;
  std::vector<std::string> kinds;
  for (std::uint16_t code = 1; code <= kRecordKindMax; ++code) {
    if (auto kind = RecordKindFromCode(code)) kinds.emplace_back(RecordKindName(*kind));
  }
  search.params = {{"q", ParamType::text, "the words to search for", {}, "", true, true, false, "Patriot"},
                   {"kind", ParamType::choice, "only records of this kind", kinds, "", false, false, false, "measure"}};
  search.columns = {Col("kind", T::text, "", "the record's kind"), Col("id"), Col("title", T::text, "", "the record's title or name"),
                    Col("snippet", T::text, "", "words around the best match, the match between « and »"),
                    Col("score", T::decimal, "", "how well it matches (BM25; title words weigh more); higher is better")};
  search.answer = [](const Model& model, const Arguments& args) { return SearchAnswer(model, args); };
  return {std::move(search)};
}

std::vector<Question> Collections() {
  std::vector<Question> collections;
  for (const CollectionInfo& info : ListCollections()) {
    Question question;
    question.kind = QuestionKind::collection;
    question.name = info.name;
    question.summary = info.summary;
    question.command = {"list", info.name};
    question.http_path = "/api/v1/" + info.name;
    question.tag = "collections";
    question.paged_by_default = true;
    std::string columns;
    for (const Column& column : info.columns) {
      question.columns.push_back(Col(column.name, column.type));
      columns += (columns.empty() ? "" : ", ") + column.name;
    }
    question.params.push_back({"q", ParamType::text,
                               "only records holding these words (\"a phrase\" in quotes; the last word may be "
                               "the start of one), as search finds them",
                               {}, "", false, false, false, ""});
    for (const std::string& filter : info.filters) question.params.push_back(FilterParam(filter));
    question.params.push_back({"sort", ParamType::text,
                               "the column to sort by (" + columns + "); -column sorts descending", {},
                               "the record's date, then id", false, false, false, "-" + info.columns[0].name});
    question.answer = [name = info.name, kind = info.kind](const Model& model,
                                                           const Arguments& args) -> Result<Answer> {
      ListQuery query;
      if (auto q = args.Text("q")) {
        auto ids = SearchIds(args, *q, kind);
        if (!ids.ok()) return ids.status();
        query.ids = std::move(ids).value();
      }
      query.donor = args.Text("donor");
      query.recipient = args.Text("recipient");
      query.type = args.Text("type");
      query.status = args.Text("status");
      query.item = args.Text("item");
      query.category = args.Text("category");
      query.publisher = args.Text("publisher");
      query.from_day = args.FirstDay("from");
      query.to_day = args.LastDay("to");
      query.sort = args.Text("sort");
      return TableAnswer(ListRecords(model, name, query));
    };
    collections.push_back(std::move(question));
  }
  return collections;
}

std::vector<Question> Details() {
  Question meeting;
  meeting.kind = QuestionKind::detail;
  meeting.name = "meeting";
  meeting.summary = "One meeting: its facts, the attendance grid and the measures announced there";
  meeting.command = {"report", "meeting"};
  meeting.http_path = "/api/v1/reports/meetings/{meeting}";
  meeting.tag = "reports";
  meeting.params = {{"meeting", ParamType::text, "the meeting's id, or the number of a Ukraine Defense Contact Group meeting",
                     {}, "", true, true, true, "27"}};
  meeting.answer = [](const Model& model, const Arguments& args) -> Result<Answer> {
    auto detail = MeetingDetail(model, *args.Text("meeting"));
    if (!detail.ok()) return detail.status();
    return Answer(std::move(detail).value());
  };
  Question record;
  record.kind = QuestionKind::detail;
  record.name = "record";
  record.summary = "A record with its sources and quotes, conflicting claims, history and the records naming it";
  record.command = {"show"};
  record.http_path = "/api/v1/records/{id}";
  record.tag = "records";
  record.params = {{"id", ParamType::text, "the record's id (any characters; percent-encode them in a URL)", {}, "",
                    true, true, true, "meeting:udcg-27"}};
  record.answer = [](const Model& model, const Arguments& args) -> Result<Answer> {
    auto detail = ShowRecord(model, *args.Text("id"));
    if (!detail.ok()) return detail.status();
    return Answer(std::move(detail).value());
  };
  return {std::move(meeting), std::move(record)};
}

std::vector<std::string> Names(const std::vector<Param>& params) {
  std::vector<std::string> names;
  for (const Param& param : params) names.push_back(param.name);
  return names;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// Checks one value against its parameter's type.
Status CheckValue(const Param& param, const std::string& value) {
  std::string shown = value.substr(0, 60);
  switch (param.type) {
    case ParamType::text:
      if (value.empty()) return Status::InvalidArgument(param.name + ": empty");
      return Status::Ok();
    case ParamType::date:
      if (!Date::Parse(value)) return Status::InvalidArgument(param.name + ": '" + shown + "' is not a date (YYYY-MM-DD)");
      return Status::Ok();
    case ParamType::integer:
      if (value.empty() || value.size() > 12 || value.find_first_not_of("0123456789") != std::string::npos)
        return Status::InvalidArgument(param.name + ": '" + shown + "' is not a whole number");
      return Status::Ok();
    case ParamType::choice:
      for (const std::string& allowed : param.allowed) {
        if (AsciiLower(value) == allowed) return Status::Ok();
      }
      return Status::InvalidArgument(param.name + ": '" + shown + "' is not one of " + Joined(param.allowed) +
                                     DidYouMean(value, param.allowed));
  }
  return Status::Ok();
}

}  // namespace

std::optional<std::string> Arguments::Text(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::int32_t> Arguments::FirstDay(std::string_view name) const {
  auto text = Text(name);
  if (!text) return std::nullopt;
  auto date = Date::Parse(*text);
  return date ? std::optional(date->days) : std::nullopt;
}

std::optional<std::int32_t> Arguments::LastDay(std::string_view name) const {
  auto text = Text(name);
  if (!text) return std::nullopt;
  auto date = Date::Parse(*text);
  return date ? std::optional(date->last_day()) : std::nullopt;
}

std::int32_t Arguments::LastDayOr(std::string_view name, std::int32_t fallback) const {
  return LastDay(name).value_or(fallback);
}

std::string Arguments::Key() const {
  auto sorted = values_;
  std::sort(sorted.begin(), sorted.end());
  std::string key;
  for (const auto& [name, value] : sorted) key += (key.empty() ? "" : "&") + name + "=" + value;
  return key;
}

const Param* Question::FindParam(std::string_view param_name) const {
  for (const Param& param : params) {
    if (param.name == param_name) return &param;
  }
  return nullptr;
}

std::string Question::OperationId() const {
  if (!operation_id.empty()) return operation_id;
  std::string verb = kind == QuestionKind::report ? "report" : kind == QuestionKind::collection ? "list" : "get";
  std::string id = verb;
  bool upper = true;
  for (char c : name) {
    if (c == '_' || c == ' ') {
      upper = true;
      continue;
    }
    id += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return id;
}

const std::vector<Question>& Questions() {
  static const std::vector<Question> questions = [] {
    std::vector<Question> all = Reports();
    std::vector<Question> searches = Searches(), details = Details(), collections = Collections();
    std::move(searches.begin(), searches.end(), std::back_inserter(all));
    std::move(details.begin(), details.end(), std::back_inserter(all));
    std::move(collections.begin(), collections.end(), std::back_inserter(all));
    return all;
  }();
  return questions;
}

const Question* FindQuestion(QuestionKind kind, std::string_view name) {
  for (const Question& question : Questions()) {
    if (question.kind == kind && question.name == name) return &question;
  }
  return nullptr;
}

const std::vector<Param>& PageParams(const Question& question) {
  auto made = [](const std::string& limit_default) {
    return std::vector<Param>{
        {"limit", ParamType::integer, "at most this many rows (1 to " + std::to_string(page_limit_max) + ")", {},
         limit_default, false, false, false, "20"},
        {"offset", ParamType::integer, "rows to skip before the first one given", {}, "0", false, false, false, "0"},
    };
  };
  static const std::vector<Param> whole = made("every row (collections over HTTP: " +
                                               std::to_string(page_limit_default) + ")");
  static const std::vector<Param> paged = made(std::to_string(page_limit_default));
  return question.pages_itself ? paged : whole;
}

Result<Arguments> Bind(const Question& question, const std::vector<std::pair<std::string, std::string>>& given,
                       std::int32_t today_day) {
  std::vector<std::pair<std::string, std::string>> kept;
  bool table = question.kind != QuestionKind::detail;
  for (const auto& pair : given) {
    // (Named, not bound: clang does not let a lambda capture a binding.)
    const std::string& name = pair.first;
    const std::string& value = pair.second;
    const Param* param = question.FindParam(name);
    bool paging = false;
    if (param == nullptr && table) {
      for (const Param& page : PageParams(question)) {
        if (page.name == name) param = &page, paging = true;
      }
    }
    if (param == nullptr) {
      std::vector<std::string> known = Names(question.params);
      if (table) known.insert(known.end(), {"limit", "offset"});
      return Status::InvalidArgument("unknown parameter '" + name.substr(0, 40) + "'" +
                                     (known.empty() ? " (this question takes none)" : " (known: " + Joined(known) + ")") +
                                     DidYouMean(name, known));
    }
    RAMSTEIN_RETURN_IF_ERROR(CheckValue(*param, value));
    if (std::any_of(kept.begin(), kept.end(), [&](const auto& k) { return k.first == name; }))
      return Status::InvalidArgument(name + ": given twice");
    // A choice is kept as the catalogue spells it ("Financial" is financial).
    if (!paging || question.pages_itself) {
      kept.emplace_back(name, param->type == ParamType::choice ? AsciiLower(value) : value);
    }
  }
  for (const Param& param : question.params) {
    if (param.required && std::none_of(kept.begin(), kept.end(), [&](const auto& k) { return k.first == param.name; }))
      return Status::InvalidArgument(param.name + ": required: " + param.description);
  }
  return Arguments(std::move(kept), today_day);
}

Result<std::optional<Page>> PageOf(const std::vector<std::pair<std::string, std::string>>& given,
                                   std::optional<std::size_t> default_limit) {
  std::optional<Page> page;
  if (default_limit) page = Page{*default_limit, 0};
  for (const auto& [name, value] : given) {
    if (name != "limit" && name != "offset") continue;
    static const Question any;  // (the parameters' types are every question's)
    RAMSTEIN_RETURN_IF_ERROR(CheckValue(PageParams(any)[name == "limit" ? 0 : 1], value));
    std::size_t number = std::stoull(value);
    if (!page) page = Page{};
    if (name == "limit") {
      if (number < 1 || number > page_limit_max)
        return Status::InvalidArgument("limit: must be 1.." + std::to_string(page_limit_max));
      page->limit = number;
    } else {
      if (number > page_offset_max) return Status::InvalidArgument("offset: at most " + std::to_string(page_offset_max));
      page->offset = number;
    }
  }
  return page;
}

Table PageRows(const Table& table, const Page& page) {
  Table rows{table.title, table.columns, {}, table.facets, std::nullopt};
  std::size_t first = std::min(page.offset, table.rows.size());
  std::size_t end = first + std::min(page.limit, table.rows.size() - first);
  rows.rows.assign(table.rows.begin() + static_cast<std::ptrdiff_t>(first),
                   table.rows.begin() + static_cast<std::ptrdiff_t>(end));
  return rows;
}

Result<Answer> Ask(const Question& question, const Model& model, const Arguments& arguments, TextSearch* search) {
  return question.answer(model, arguments.WithSearch(search));
}

}  // namespace ramstein
