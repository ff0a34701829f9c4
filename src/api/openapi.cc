#include "api/openapi.h"

#include "api/url.h"
#include "ledger/canonical_json.h"
#include "query/catalog.h"
#include "render/answer_format.h"

namespace ramstein {

namespace {

bool IsTable(const Question& question) { return question.kind != QuestionKind::detail; }

// A URL asking the question with its examples: the path parameter and every
// required parameter.
std::string ExampleUrl(const Question& question) {
  std::string url = question.http_path, query;
  for (const Param& param : question.params) {
    if (param.in_path) {
      url = url.substr(0, url.find('{')) + PercentEncode(param.example);
    } else if (param.required) {
      query += (query.empty() ? "?" : "&") + param.name + "=" + PercentEncode(param.example);
    }
  }
  return url + query;
}

std::string Sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += ".";
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string ParameterJson(const Param& param) {
  std::string description = Sentence(param.description);
  // A default that is a value goes in the schema; one that says what absence
  // means ("today", "every row") in the description.
  bool literal_default =
      !param.default_value.empty() &&
      (param.type == ParamType::choice ||
       (param.type == ParamType::integer && param.default_value.find_first_not_of("0123456789") == std::string::npos));
  if (!param.default_value.empty() && !literal_default) description += " Default: " + param.default_value + ".";
  std::string schema;
  switch (param.type) {
    case ParamType::text: schema = "{\"type\":\"string\",\"minLength\":1"; break;
    case ParamType::date:
      schema = "{\"type\":\"string\",\"pattern\":\"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$\"";
      description += " A date: YYYY, YYYY-MM or YYYY-MM-DD.";
      break;
    case ParamType::integer: schema = "{\"type\":\"integer\",\"minimum\":0"; break;
    case ParamType::choice: {
      schema = "{\"type\":\"string\",\"enum\":[";
      for (std::size_t i = 0; i < param.allowed.size(); ++i) schema += (i ? "," : "") + JsonString(param.allowed[i]);
      schema += "]";
      break;
    }
  }
  if (literal_default) {
    schema += ",\"default\":" + (param.type == ParamType::integer ? param.default_value : JsonString(param.default_value));
  }
  schema += "}";
  std::string out = "{\"name\":" + JsonString(param.name) + ",\"in\":" + (param.in_path ? "\"path\"" : "\"query\"") +
                    ",\"required\":" + (param.required || param.in_path ? "true" : "false") +
                    ",\"description\":" + JsonString(description) + ",\"schema\":" + schema;
  if (!param.example.empty()) {
    out += ",\"example\":" + (param.type == ParamType::integer ? param.example : JsonString(param.example));
  }
  return out + "}";
}

std::string ErrorResponses() {
  return "\"400\":{\"$ref\":\"#/components/responses/BadRequest\"},\"404\":{\"$ref\":\"#/components/responses/"
         "NotFound\"},\"503\":{\"$ref\":\"#/components/responses/Unavailable\"}";
}

std::string OperationJson(const Question& question) {
  const bool table = IsTable(question);
  std::string description = Sentence(question.summary);
  if (!question.description.empty()) description += " " + Sentence(question.description);
  if (question.kind == QuestionKind::collection) {
    description += " Every record of the kind is a row; the first " + std::to_string(page_limit_default) +
                   " are answered unless limit says otherwise.";
  } else if (table) {
    description += " The whole table is answered unless limit or offset ask for a page.";
  }
  std::string command;
  for (const std::string& word : question.command) command += " " + word;
  description += " On the command line: ramstein" + command + ".";
  std::string out = "{\"operationId\":" + JsonString(question.OperationId()) + ",\"summary\":" + JsonString(question.summary) +
                    ",\"description\":" + JsonString(description) + ",\"tags\":[" + JsonString(question.tag) +
                    "],\"parameters\":[";
  bool first = true;
  auto add = [&](const std::string& parameter) {
    out += (first ? "" : ",") + parameter;
    first = false;
  };
  for (const Param& param : question.params) add(ParameterJson(param));
  if (table) {
    for (const Param& param : PageParams(question)) add(ParameterJson(param));
    add(ParameterJson({"format", ParamType::choice,
                       "json, csv (RFC 4180, a header row first; an Accept: text/csv header asks for it too) or "
                       "xlsx (one sheet, a bold frozen header, numbers as numbers; at most 100,000 rows)",
                       {"json", "csv", "xlsx"}, "json", false, false, false, "json"}));
  }
  // A page of a table has its total in X-Total-Count and beside the rows.
  std::string schema = AnswerJsonSchema(question, table);
  out += "],\"responses\":{\"200\":{\"description\":" + JsonString(Sentence(question.summary));
  if (table) {
    out += ",\"headers\":{\"X-Total-Count\":{\"description\":\"rows matching, before paging (pages only)\","
           "\"schema\":{\"type\":\"integer\"}}}";
  }
  out += ",\"content\":{\"application/json\":{\"schema\":" + schema + "}";
  if (table) {
    out += ",\"text/csv\":{\"schema\":{\"type\":\"string\",\"description\":\"the table as CSV\"}}"
           ",\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\":{\"schema\":{\"type\":\"string\","
           "\"format\":\"binary\",\"description\":\"the table as an XLSX workbook of one sheet\"}}";
  }
  out += "}}," + ErrorResponses();
  if (table) out += ",\"413\":{\"$ref\":\"#/components/responses/TooLarge\"}";
  return out + "}}";
}

std::string FixedOperation(const std::string& id, const std::string& summary, const std::string& description,
                           const std::string& schema) {
  return "{\"operationId\":" + JsonString(id) + ",\"summary\":" + JsonString(summary) + ",\"description\":" +
         JsonString(description) + ",\"tags\":[\"service\"],\"parameters\":[],\"responses\":{\"200\":{\"description\":" +
         JsonString(summary) + ",\"content\":{\"application/json\":{\"schema\":" + schema + "}}}," + ErrorResponses() + "}}";
}

}  // namespace

const std::vector<DocumentedRoute>& DocumentedRoutes() {
  static const std::vector<DocumentedRoute> routes = [] {
    std::vector<DocumentedRoute> out = {
        {"/healthz", "/healthz", "Liveness, and the newest ledger event applied", false},
        {"/api/v1/openapi.json", "/api/v1/openapi.json", "This document", false},
        {"/api/v1/checkpoint", "/api/v1/checkpoint", "The ledger's latest signed checkpoint", false},
    };
    for (const Question& question : Questions()) {
      out.push_back({question.http_path, ExampleUrl(question), question.summary, IsTable(question)});
    }
    return out;
  }();
  return routes;
}

std::string OpenApiJson() {
  std::string out =
      R"({"openapi":"3.1.0","info":{"title":"Ramstein API","version":"1",)"
      R"("description":"Read-only API over a Ramstein ledger of coalition military assistance: every report, )"
      R"(collection and record the command line answers, with the same figures. Money amounts are exact )"
      R"(decimals in the row's currency; published figures are decimal text with every digit kept. Errors are )"
      R"({\"error\": code, \"detail\": text}.",)"
      R"("contact":{"name":"The operators of the Ramstein deployment serving this document"}},)"
      R"("servers":[{"url":"/","description":"the server that serves this document"}],"security":[],)"
      R"("tags":[{"name":"collections","description":"Records of one kind as rows, filtered, sorted and paged"},)"
      R"({"name":"records","description":"One record with the sources and quotes it rests on"},)"
      R"({"name":"reports","description":"Questions answered as tables: totals per donor, month, item, meeting"},)"
      R"({"name":"search","description":"Full-text search over records, their quotes and the sources' texts"},)"
      R"({"name":"service","description":"The server itself"}],"paths":{)";
  out += "\"/healthz\":{\"get\":" +
         FixedOperation("getHealth", "Liveness, and the newest ledger event applied",
                        "Answers 503 with status 'failed' when the ledger on disk holds less than the server answered "
                        "from.",
                        R"({"type":"object","required":["status","sequence"],"properties":{"status":{"type":"string","enum":["ok","failed"]},"sequence":{"type":"integer","description":"the newest ledger event applied"},"detail":{"type":"string"}}})") +
         "}";
  out += ",\"/api/v1/openapi.json\":{\"get\":" +
         FixedOperation("getOpenApi", "This document", "The OpenAPI 3.1 description of every route.",
                        R"({"type":"object","description":"an OpenAPI 3.1 document"})") +
         "}";
  out += ",\"/api/v1/checkpoint\":{\"get\":" +
         FixedOperation(
             "getCheckpoint", "The ledger's latest signed checkpoint",
             "One line of canonical JSON, signed with the ledger's key when the ledger last grew "
             "(docs/formats/checkpoints.md). Keep it: `ramstein verify --checkpoint` later holds the ledger to it. "
             "404 when the server has no signing key.",
             R"({"type":"object","required":["head","key","ledger","root","sequence","signature","time_ms","type"],"properties":{"head":{"type":"string","description":"the chain hash of event sequence, 64 hex digits"},"key":{"type":"string","description":"the Ed25519 public key that signed it, 64 hex digits"},"ledger":{"type":"string","description":"the ledger's id, 32 hex digits"},"root":{"type":"string","description":"the Merkle root of events 1..sequence, 64 hex digits"},"sequence":{"type":"integer","description":"it covers events 1..sequence"},"signature":{"type":"string","description":"Ed25519 signature, 128 hex digits"},"time_ms":{"type":"integer","description":"when it was signed, ms since 1970-01-01T00:00:00Z"},"type":{"type":"string","enum":["ramstein-checkpoint-1"]}}})") +
         "}";
  for (const Question& question : Questions()) {
    out += "," + JsonString(question.http_path) + ":{\"get\":" + OperationJson(question) + "}";
  }
  const std::string error =
      R"({"description":"%s","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}})";
  auto response = [&](const std::string& description) {
    std::string text = error;
    return text.replace(text.find("%s"), 2, description);
  };
  out += "},\"components\":{\"schemas\":{\"Error\":"
         R"({"type":"object","required":["error","detail"],"properties":{"error":{"type":"string","description":"a code: bad_request, not_found, unavailable, ..."},"detail":{"type":"string","description":"what was wrong, for a person"}}})"
         "},\"responses\":{\"BadRequest\":" +
         response("A parameter is unknown, malformed or missing; detail names it") + ",\"NotFound\":" +
         response("Nothing has this name or id") + ",\"TooLarge\":" +
         response("The answer asked for as XLSX has more rows than a workbook answer holds: ask for a page or for CSV") +
         ",\"Unavailable\":" +
         response("The ledger on disk lost events the server answered from") + "}}}\n";
  return out;
}

}  // namespace ramstein
