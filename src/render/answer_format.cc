#include "render/answer_format.h"

#include "ledger/canonical_json.h"
#include "render/record_detail_format.h"

namespace ramstein {

namespace {

// A cell as TableToJson writes it: integers and amounts as numbers with
// their exact digits, text and published decimals as strings, empty as null.
std::string CellSchema(const ResultColumn& column) {
  std::string description = column.description;
  if (!column.unit.empty()) description += (description.empty() ? "" : " ") + std::string("(") + column.unit + ")";
  if (column.type == Column::Type::decimal) description += (description.empty() ? "" : "; ") + std::string("exact decimal text");
  const char* type = column.type == Column::Type::integer  ? "[\"integer\",\"null\"]"
                     : column.type == Column::Type::amount ? "[\"number\",\"null\"]"
                                                           : "[\"string\",\"null\"]";
  std::string out = "{\"type\":" + std::string(type);
  if (!description.empty()) out += ",\"description\":" + JsonString(description);
  return out + "}";
}

std::string TableSchema(const std::vector<ResultColumn>& columns, const std::string& more_columns,
                        const std::string& title) {
  std::string row = "{\"type\":\"object\"";
  if (!columns.empty()) {
    row += ",\"properties\":{";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) row += ",";
      row += JsonString(columns[i].name) + ":" + CellSchema(columns[i]);
    }
    row += "}";
  }
  if (!more_columns.empty()) {
    row += ",\"description\":" + JsonString("Further columns: " + more_columns);
  } else if (!columns.empty()) {
    row += ",\"additionalProperties\":false";
  }
  row += "}";
  return "{\"type\":\"object\",\"description\":" + JsonString(title) +
         ",\"required\":[\"title\",\"columns\",\"rows\"],\"properties\":{\"title\":{\"type\":\"string\"},"
         "\"columns\":{\"type\":\"array\",\"description\":\"the columns in order, with how to read their cells\","
         "\"items\":{\"type\":\"object\",\"required\":[\"name\",\"type\"],\"properties\":{\"name\":{\"type\":\"string\"},"
         "\"type\":{\"type\":\"string\",\"enum\":[\"text\",\"integer\",\"amount\",\"decimal\"]}}}},"
         "\"rows\":{\"type\":\"array\",\"items\":" +
         row + "}}}";
}

std::string WithPage(std::string schema) {
  // {"type":"object",...,"properties":{... } } : add the paging facts.
  schema.resize(schema.size() - 2);  // "}}"
  schema += ",\"total\":{\"type\":\"integer\",\"description\":\"rows matching, before paging (also X-Total-Count)\"},"
            "\"offset\":{\"type\":\"integer\"},\"limit\":{\"type\":\"integer\"}}}";
  return schema;
}

std::string MeetingSchema() {
  std::string table = TableSchema({}, "", "one of the meeting's tables");
  return "{\"type\":\"object\",\"required\":[\"facts\",\"attendance\",\"measures\"],\"properties\":{\"facts\":" + table +
         ",\"attendance\":" + table + ",\"measures\":" + table + "}}";
}

std::string RecordSchema() {
  const std::string text = "{\"type\":\"string\"}", number = "{\"type\":\"integer\"}";
  std::string evidence =
      "{\"type\":\"array\",\"description\":\"quotes the record rests on, with their context in the source\","
      "\"items\":{\"type\":\"object\",\"properties\":{\"source\":" + text + ",\"title\":" + text +
      ",\"publisher\":" + text + ",\"published\":" + text + ",\"url\":" + text + ",\"quote\":" + text +
      ",\"start\":{\"type\":\"integer\",\"description\":\"first code point of the quote in the source text\"}"
      ",\"end\":{\"type\":\"integer\",\"description\":\"one past its last code point\"},\"before\":" + text +
      ",\"after\":" + text + "}}}";
  return "{\"type\":\"object\",\"required\":[\"id\",\"kind\",\"record\",\"evidence\",\"claims\",\"history\",\"related\"],"
         "\"properties\":{\"id\":" + text + ",\"kind\":" + text + ",\"label\":" + text +
         ",\"record\":{\"type\":\"object\",\"description\":\"the latest version, as stored\"},\"evidence\":" + evidence +
         ",\"claims\":{\"type\":\"array\",\"description\":\"claims about the record, side by side where sources differ\","
         "\"items\":{\"type\":\"object\",\"properties\":{\"id\":" + text + ",\"attribute\":" + text + ",\"value\":" + text +
         ",\"number\":{\"type\":[\"integer\",\"null\"]},\"date\":" + text + ",\"evidence\":" + evidence + "}}}"
         ",\"history\":{\"type\":\"array\",\"description\":\"every version, oldest first\",\"items\":{\"type\":\"object\","
         "\"properties\":{\"sequence\":" + number + ",\"time_ms\":" + number + ",\"author\":" + text +
         ",\"correction\":" + text + ",\"record\":{\"type\":\"object\"}}}}"
         ",\"related\":{\"type\":\"array\",\"description\":\"records that name this one\",\"items\":{\"type\":\"object\","
         "\"properties\":{\"id\":" + text + ",\"kind\":" + text + ",\"label\":" + text + "}}}}}";
}

}  // namespace

Result<std::string> FormatAnswer(const Answer& answer, TableFormat format) {
  if (const auto* table = std::get_if<Table>(&answer)) return FormatTable(*table, format);
  if (format == TableFormat::csv) return Status::InvalidArgument("this answer is several tables: ask for JSON or text");
  if (const auto* meeting = std::get_if<MeetingReport>(&answer)) {
    if (format == TableFormat::json) return MeetingDetailToJson(*meeting);
    return TableToText(meeting->facts) + "\n" + TableToText(meeting->attendance) + "\n" + TableToText(meeting->measures);
  }
  const auto& record = std::get<RecordDetail>(answer);
  return format == TableFormat::json ? RecordDetailToJson(record) : RecordDetailToText(record);
}

std::string AnswerJsonSchema(const Question& question, bool paged) {
  if (question.kind == QuestionKind::detail) return question.name == "meeting" ? MeetingSchema() : RecordSchema();
  std::string schema = TableSchema(question.columns, question.more_columns, question.summary);
  return paged ? WithPage(std::move(schema)) : schema;
}

}  // namespace ramstein
