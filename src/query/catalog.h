// The catalogue of questions: every report, collection and record detail
// Ramstein answers, each declared once here (catalog.cc) with its name,
// summary, parameters, result columns and the function that answers it.
// The command line's commands and their --help, the HTTP routes, the OpenAPI
// document (and the dashboard's client generated from it) and the man page
// are all made from these entries: adding a question is one entry, and a
// test fails when any surface lacks one.
//
// Parameters arrive as text from every surface (--name on the command line,
// ?name= over HTTP) and are checked here, once: Bind() names an unknown
// parameter, a value outside the allowed ones, a date or number that is
// not one, and a missing required parameter, each as InvalidArgument.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/status.h"
#include "ledger/text_search.h"
#include "model/model.h"
#include "query/record_detail.h"
#include "query/reports.h"
#include "query/table.h"

namespace ramstein {

// How a parameter's text is read.
enum class ParamType {
  text,     // as given
  date,     // YYYY, YYYY-MM or YYYY-MM-DD
  integer,  // a whole number >= 0
  choice,   // one of `allowed` (lower case; ASCII letters match in any case)
};

struct Param {
  std::string name;  // ?name= over HTTP, --name on the command line
  ParamType type = ParamType::text;
  std::string description;
  std::vector<std::string> allowed;  // choice: the values taken, in order
  std::string default_value;         // what absence means, for help texts; "" = nothing
  bool required = false;
  bool positional = false;  // command line: also taken as a positional argument
  bool in_path = false;     // HTTP: the route's {name}, the rest of the path
  std::string example;      // a value that answers on the bundled ledger ("" = none)
};

// A column of a question's table as documented.
struct ResultColumn {
  std::string name;
  Column::Type type = Column::Type::text;
  std::string unit;  // "EUR", "days", "currency of the row", ...; "" = none
  std::string description;
};

enum class QuestionKind {
  report,      // a computed table: `ramstein report NAME`, /api/v1/reports/NAME
  collection,  // records of one kind as rows: `ramstein list NAME`, /api/v1/NAME
  detail,      // one record or meeting in full
};

// What a question answers: one table, a meeting's three tables, or a record
// with its sources, claims and history.
using Answer = std::variant<Table, MeetingReport, RecordDetail>;

// A question's parameters as given, checked by Bind().
class Arguments {
 public:
  Arguments() = default;
  Arguments(std::vector<std::pair<std::string, std::string>> values, std::int32_t today_day)
      : values_(std::move(values)), today_day_(today_day) {}
  std::optional<std::string> Text(std::string_view name) const;
  // A date parameter's last day (2025-07 is 2025-07-31), or `fallback`.
  std::int32_t LastDayOr(std::string_view name, std::int32_t fallback) const;
  std::optional<std::int32_t> FirstDay(std::string_view name) const;
  std::optional<std::int32_t> LastDay(std::string_view name) const;
  std::int32_t today_day() const { return today_day_; }
  // The ledger's full-text index (search, ?q=) the question is asked with
  // (Ask), or null without one.
  TextSearch* search() const { return search_; }
  Arguments WithSearch(TextSearch* search) const {
    Arguments asked = *this;
    asked.search_ = search;
    return asked;
  }
  // The values as given, sorted by name: what identifies the answer (a
  // cache key), "name=value" joined by "&".
  std::string Key() const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
  std::int32_t today_day_ = 0;
  TextSearch* search_ = nullptr;
};

struct Question {
  QuestionKind kind = QuestionKind::report;
  std::string name;         // unique within its kind: "donors", "measures", "record"
  std::string summary;      // one line
  std::string description;  // what a reader needs beyond the summary ("" = none)
  std::vector<std::string> command;  // the command line's words: {"report", "donors"}
  std::string http_path;             // "/api/v1/reports/donors", "/api/v1/records/{id}"
  std::string tag;                   // the OpenAPI tag: reports, collections, records, search
  std::string operation_id;          // "" = made from the kind and name (OperationId())
  std::vector<Param> params;
  // The table's columns (kind report and collection; a detail's shape is
  // its renderer's). `more_columns` describes the columns that follow them
  // and depend on the data ("" = none).
  std::vector<ResultColumn> columns;
  std::string more_columns;
  // Over HTTP a collection answers its first page_limit_default rows unless
  // ?limit= says otherwise; a report answers whole unless asked for a page.
  bool paged_by_default = false;
  // The answer is already the page asked for (limit and offset are its
  // arguments, and its table's total_rows says how many there are): a
  // search ranks and marks only the rows it gives.
  bool pages_itself = false;
  std::function<Result<Answer>(const Model&, const Arguments&)> answer;

  const Param* FindParam(std::string_view param_name) const;
  // The OpenAPI operationId: "reportDonors", "listMeasures", "getRecord",
  // or operation_id when set.
  std::string OperationId() const;
};

// Every question, reports first, in the order help texts list them.
const std::vector<Question>& Questions();
const Question* FindQuestion(QuestionKind kind, std::string_view name);

// The paging parameters every table takes on every surface (limit, offset):
// not part of a question's identity, applied to its table by the surfaces;
// the default limit is the question's (one that pages itself answers
// page_limit_default rows on every surface).
const std::vector<Param>& PageParams(const Question& question);

// Checks `given` (name, value) against the question's parameters and the
// paging parameters; the values kept are the question's own.
Result<Arguments> Bind(const Question& question, const std::vector<std::pair<std::string, std::string>>& given,
                       std::int32_t today_day);

// A page of a table: `limit` rows from row `offset` (0 first).
inline constexpr std::size_t page_limit_default = 100;
inline constexpr std::size_t page_limit_max = 1000;
inline constexpr std::size_t page_offset_max = 1'000'000'000;
struct Page {
  std::size_t limit = page_limit_default;
  std::size_t offset = 0;
};
// The page `given` asks for with limit and offset (1..page_limit_max,
// 0..page_offset_max); when neither is given, `default_limit` rows from the
// first, or nullopt (the whole table) without a default.
Result<std::optional<Page>> PageOf(const std::vector<std::pair<std::string, std::string>>& given,
                                   std::optional<std::size_t> default_limit);
// The page's rows of `table`, with its title and columns.
Table PageRows(const Table& table, const Page& page);

// Answers bound arguments over `model`, searching `search` (the ledger's
// full-text index; null without one): the one way every surface asks.
Result<Answer> Ask(const Question& question, const Model& model, const Arguments& arguments,
                   TextSearch* search = nullptr);

}  // namespace ramstein
