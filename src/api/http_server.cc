#include "api/http_server.h"

#include <algorithm>

#include "api/gzip.h"
#include "api/http_listener.h"
#include "api/openapi.h"
#include "base/utf8.h"
#include "base/did_you_mean.h"
#include "render/answer_format.h"
#include "render/table_format.h"
#include "render/xlsx_writer.h"
#include "ledger/canonical_json.h"
#include "query/catalog.h"

namespace ramstein {

namespace {

// The one place that turns a failure into an HTTP answer.
int HttpStatusFor(Status::Code code) {
  switch (code) {
    case Status::Code::ok: return 200;
    case Status::Code::invalid_argument: return 400;
    case Status::Code::data_error: return 400;
    case Status::Code::not_found: return 404;
    case Status::Code::conflict: return 409;
    case Status::Code::corruption: return 500;
    case Status::Code::io_error: return 500;
  }
  return 500;
}

const char* ErrorCodeFor(int http_status) {
  switch (http_status) {
    case 400: return "bad_request";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 409: return "conflict";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 416: return "range_not_satisfiable";
    case 431: return "request_header_fields_too_large";
    case 503: return "unavailable";
    case 505: return "http_version_not_supported";
    default: return http_status >= 500 ? "internal_error" : "error";
  }
}

HttpResponse StatusResponse(const Status& status) { return ErrorResponse(HttpStatusFor(status.code()), status.message()); }

// An answer as the cache keeps it: the bytes, and a gzipped copy (made once
// per ledger sequence) when it is large enough to gain.
CachedResponse MakeCached(std::uint64_t sequence, std::string body, std::string content_type) {
  CachedResponse cached{sequence, 200, std::make_shared<const std::string>(std::move(body)), nullptr,
                        std::move(content_type)};
  std::string zipped = GzipIfSmaller(*cached.body, gzip_level_default);
  if (!zipped.empty()) cached.gzip = std::make_shared<const std::string>(std::move(zipped));
  return cached;
}

// Sends the cached bytes in place (no copy): the answer shares them.
HttpResponse CachedAnswer(const HttpRequest& request, const CachedResponse& cached) {
  HttpResponse response;
  if (cached.gzip) {
    response.set_header("Vary", "Accept-Encoding");
    if (AcceptsGzip(request.Header("accept-encoding"))) {
      response.set_header("Content-Encoding", "gzip");
      response.set_shared(cached.gzip, cached.content_type);
      return response;
    }
  }
  response.set_shared(cached.body, cached.content_type);
  return response;
}

bool WantsCsv(const HttpRequest& request) {
  if (auto format = request.Param("format")) return *format == "csv";
  return request.Header("accept").find("text/csv") != std::string_view::npos;
}

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

bool WantsXlsx(const HttpRequest& request) {
  if (auto format = request.Param("format")) return *format == "xlsx";
  return request.Header("accept").find(kXlsxType) != std::string_view::npos;
}

// Checks the format parameter: absent, json, csv or xlsx.
Status CheckFormat(const HttpRequest& request) {
  auto format = request.Param("format");
  if (!format || *format == "json" || *format == "csv" || *format == "xlsx") return Status::Ok();
  return Status::InvalidArgument("format: '" + std::string(format->substr(0, 40)) + "' is not json, csv or xlsx");
}

// The rows as a workbook of one sheet, named for a download after the
// question; a 413 past xlsx_answer_rows_max.
HttpResponse XlsxAnswer(const Table& rows, std::size_t total, const Question& question) {
  if (rows.rows.size() > xlsx_answer_rows_max) {
    return ErrorResponse(413, "an XLSX answer holds at most " + std::to_string(xlsx_answer_rows_max) +
                                  " rows: ask for a page (limit, offset) or for CSV");
  }
  auto bytes = XlsxBytes({rows});
  if (!bytes.ok()) return StatusResponse(bytes.status());
  HttpResponse response;
  response.set_header("X-Total-Count", std::to_string(total));
  response.set_header("Content-Disposition", "attachment; filename=\"" + question.name + ".xlsx\"");
  response.set_body(std::move(bytes).value(), std::string(kXlsxType));
  return response;
}

// Refuses any parameter at all (the routes outside the catalogue take none).
Status CheckNoParameters(const HttpRequest& request) {
  if (request.params.empty()) return Status::Ok();
  return Status::InvalidArgument("unknown parameter '" + request.params[0].first.substr(0, 40) +
                                 "' (this route takes none)");
}

// A page's answer: its rows, the total in X-Total-Count, and in JSON the
// paging facts beside the rows ({"total", "offset", "limit"}).
HttpResponse PageAnswer(const Table& rows, std::size_t total, const Page& page, bool csv) {
  HttpResponse response;
  response.set_header("X-Total-Count", std::to_string(total));
  if (csv) {
    response.set_body(TableToCsv(rows), "text/csv; charset=utf-8");
    return response;
  }
  std::string body = TableToJson(rows);
  body.resize(body.size() - 2);  // "}\n"
  body += ",\"total\":" + std::to_string(total) + ",\"offset\":" + std::to_string(page.offset) +
          ",\"limit\":" + std::to_string(page.limit) + "}\n";
  response.set_body(std::move(body), "application/json; charset=utf-8");
  return response;
}

// The catalogue question a path asks, with its path parameter's value
// (the rest of the path, any characters; "" for a route without one).
struct QuestionRoute {
  const Question* question = nullptr;
  std::string path_value;
};

std::optional<QuestionRoute> RouteOf(std::string_view path) {
  for (const Question& question : Questions()) {
    std::string_view route = question.http_path;
    std::size_t brace = route.find('{');
    if (brace == std::string_view::npos) {
      if (path == route) return QuestionRoute{&question, ""};
    } else if (path.size() > brace && path.substr(0, brace) == route.substr(0, brace)) {
      return QuestionRoute{&question, std::string(path.substr(brace))};
    }
  }
  return std::nullopt;
}

// 404 for a path no question answers, naming the closest route.
HttpResponse NoRoute(const std::string& path) {
  std::vector<std::string> paths = {"/healthz", "/api/v1/openapi.json", "/api/v1/checkpoint"};
  for (const Question& question : Questions()) paths.push_back(question.http_path);
  return ErrorResponse(404, "no route " + path.substr(0, 200) + DidYouMean(path, paths));
}

// The question's parameters as the request gives them: the query's but
// format, and the path parameter's value.
std::vector<std::pair<std::string, std::string>> Given(const HttpRequest& request, const QuestionRoute& route) {
  std::vector<std::pair<std::string, std::string>> given;
  for (const auto& param : request.params) {
    if (param.first != "format") given.push_back(param);
  }
  for (const Param& param : route.question->params) {
    if (param.in_path) given.emplace_back(param.name, route.path_value);
  }
  return given;
}

// What identifies an answer's table: the question, its arguments (not the
// page) and today (dated questions default to it).
std::string TableKey(const Question& question, const Arguments& arguments) {
  return "table|" + question.http_path + "?" + arguments.Key() + "|" + std::to_string(arguments.today_day());
}

// A whole answer's key: its table's, and the format.
std::string AnswerKey(const Question& question, const Arguments& arguments, bool csv) {
  return TableKey(question, arguments) + (csv ? "|csv" : "|json");
}

bool IsPage(const HttpRequest& request) { return request.has_param("limit") || request.has_param("offset"); }

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

}  // namespace

HttpResponse ErrorResponse(int status, std::string_view detail) {
  std::string body = "{\"error\":";
  AppendJsonString(body, ErrorCodeFor(status));
  body += ",\"detail\":";
  AppendJsonString(body, ToValidUtf8(detail));
  body += "}\n";
  HttpResponse response;
  response.status = status;
  response.set_body(std::move(body), "application/json; charset=utf-8");
  return response;
}

HttpServer::HttpServer(LedgerService& service, const StaticFiles* web)
    : service_(service),
      web_(web),
      listener_(std::make_unique<HttpListener>([this](const HttpRequest& request) { return AnswerInline(request); },
                                               [this](const HttpRequest& request) { return Answer(request); })) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind(const std::string& host, int port) { return listener_->Bind(host, port); }
int HttpServer::port() const { return listener_->port(); }
void HttpServer::Listen() { listener_->Run(); }
void HttpServer::Stop() { listener_->Stop(); }

std::optional<HttpResponse> HttpServer::AnswerInline(const HttpRequest& request) {
  const std::string& path = request.path;
  if (path == "/healthz") return Health(request);
  // A ledger that lost what it acknowledged is not answered from.
  if (StartsWith(path, "/api/") && path != "/api/v1/openapi.json") {
    if (auto failure = service_.failure()) return ErrorResponse(503, "the ledger failed: " + *failure);
  }
  if (path == "/api/v1/openapi.json") {
    if (Status refused = CheckNoParameters(request); !refused.ok()) return StatusResponse(refused);
    static const auto document = std::make_shared<const std::string>(OpenApiJson());
    HttpResponse response;
    response.set_shared(document, "application/json; charset=utf-8");
    return response;
  }
  if (path == "/api/v1/checkpoint") {
    if (Status refused = CheckNoParameters(request); !refused.ok()) return StatusResponse(refused);
    auto line = service_.checkpoint_line();
    if (!line) return ErrorResponse(404, "this server publishes no checkpoint: it has no signing key, or the ledger is empty");
    HttpResponse response;
    response.set_header("Cache-Control", "no-cache");
    response.set_body(*line + "\n", "application/json; charset=utf-8");
    return response;
  }
  if (!StartsWith(path, "/api/")) return Dashboard(request);
  // A whole answer already computed for this ledger sequence.
  auto route = RouteOf(path);
  if (!route || !CheckFormat(request).ok() || WantsXlsx(request) || IsPage(request) ||
      route->question->paged_by_default) {
    return std::nullopt;
  }
  auto arguments = ramstein::Bind(*route->question, Given(request, *route), service_.Today());
  if (!arguments.ok()) return std::nullopt;
  if (auto cached = cache_.Get(AnswerKey(*route->question, *arguments, WantsCsv(request)), service_.sequence())) {
    return CachedAnswer(request, *cached);
  }
  return std::nullopt;
}

HttpResponse HttpServer::Health(const HttpRequest& request) {
  if (Status refused = CheckNoParameters(request); !refused.ok()) return StatusResponse(refused);
  HttpResponse response;
  response.set_header("Cache-Control", "no-store");
  std::string body = "{\"status\":";
  auto failure = service_.failure();
  AppendJsonString(body, failure ? "failed" : "ok");
  body += ",\"sequence\":" + std::to_string(service_.sequence());
  if (failure) {
    body += ",\"detail\":";
    AppendJsonString(body, ToValidUtf8(*failure));
    response.status = 503;
  }
  response.set_body(body + "}\n", "application/json; charset=utf-8");
  return response;
}

namespace {

// A whole table as it is rendered: pieces of about stream_piece_bytes,
// gzipped on the way (gzip_level_stream) for a client that takes gzip.
HttpResponse StreamedTable(const HttpRequest& request, std::shared_ptr<const Table> table, bool csv) {
  struct Rendering {
    std::shared_ptr<const Table> table;
    TableFormat format;
    std::size_t next_row = 0;
    bool head_done = false;
    std::unique_ptr<GzipStream> gzip;
    std::string text;
  };
  auto rendering = std::make_shared<Rendering>();
  rendering->table = std::move(table);
  rendering->format = csv ? TableFormat::csv : TableFormat::json;
  HttpResponse response;
  response.content_type = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
  response.ranges = false;
  response.set_header("Vary", "Accept-Encoding");
  if (AcceptsGzip(request.Header("accept-encoding"))) {
    response.set_header("Content-Encoding", "gzip");
    rendering->gzip = std::make_unique<GzipStream>(gzip_level_stream);
  }
  response.stream = [rendering](std::string& out) {
    Rendering& r = *rendering;
    std::string& text = r.gzip ? r.text : out;
    text.clear();
    if (!r.head_done) {
      AppendTableHead(text, *r.table, r.format);
      r.head_done = true;
    }
    const std::size_t rows = r.table->rows.size();
    while (r.next_row < rows && text.size() < stream_piece_bytes) {
      std::size_t end = std::min(rows, r.next_row + 256);
      AppendTableRows(text, *r.table, r.format, r.next_row, end);
      r.next_row = end;
    }
    bool last = r.next_row == rows;
    if (last) AppendTableTail(text, *r.table, r.format);
    if (r.gzip) {
      r.gzip->Append(text, out);
      if (last) r.gzip->Finish(out);
    }
    return !last;
  };
  return response;
}

}  // namespace

HttpResponse HttpServer::Answer(const HttpRequest& request) {
  auto route = RouteOf(request.path);
  if (!route) return NoRoute(request.path);
  const Question& question = *route->question;
  if (Status refused = CheckFormat(request); !refused.ok()) return StatusResponse(refused);
  auto given = Given(request, *route);
  auto arguments = ramstein::Bind(question, given, service_.Today());
  if (!arguments.ok()) return StatusResponse(arguments.status());
  const bool csv = WantsCsv(request);
  const bool xlsx = WantsXlsx(request);
  if (question.kind == QuestionKind::detail) {
    if (csv || xlsx) return ErrorResponse(400, "this answer is several tables: ask for JSON");
    return WholeAnswer(request, question, *arguments, false);
  }
  auto page = PageOf(given, question.paged_by_default ? std::optional(page_limit_default) : std::nullopt);
  if (!page.ok()) return StatusResponse(page.status());
  auto table = TableOf(question, *arguments);
  if (!table.ok()) return StatusResponse(table.status());
  // A page: rows [offset, offset + limit) of the table, with its total.
  if (question.pages_itself) {
    const Table& rows = *table->table;
    std::size_t total = rows.total_rows.value_or(rows.rows.size());
    if (xlsx) return XlsxAnswer(rows, total, question);
    return PageAnswer(rows, total, page->value_or(Page{}), csv);
  }
  if (xlsx) {
    const Table& whole = *table->table;
    return *page ? XlsxAnswer(PageRows(whole, **page), whole.rows.size(), question)
                 : XlsxAnswer(whole, whole.rows.size(), question);
  }
  if (*page) return PageAnswer(PageRows(*table->table, **page), table->table->rows.size(), **page, csv);
  // A large table is sent as it is rendered, from the cached table: the
  // answer's bytes are never held whole.
  if (table->table_bytes >= stream_table_bytes_min) return StreamedTable(request, table->table, csv);
  return WholeAnswer(request, question, *arguments, csv);
}

// The question's table at the ledger's sequence, computed once however many
// ask (the whole answer and every page of it are cut from this one table).
Result<CachedTable> HttpServer::TableOf(const Question& question, const Arguments& arguments) {
  return tables_.GetOrCompute(TableKey(question, arguments), service_.sequence(), [&]() -> Result<CachedTable> {
    std::uint64_t sequence = 0;
    auto table = service_.Read([&](const Model& model) -> Result<Table> {
      sequence = service_.sequence();
      auto answer = Ask(question, model, arguments, service_.text_search());
      if (!answer.ok()) return answer.status();
      return std::get<Table>(std::move(answer).value());
    });
    if (!table.ok()) return table.status();
    auto shared = std::make_shared<const Table>(std::move(table).value());
    return CachedTable{sequence, shared, shared->HeapBytes()};
  });
}

// The whole answer, rendered once per ledger sequence and kept (a table
// from the table cache).
HttpResponse HttpServer::WholeAnswer(const HttpRequest& request, const Question& question, const Arguments& arguments,
                                     bool csv) {
  auto cached = cache_.GetOrCompute(AnswerKey(question, arguments, csv), service_.sequence(),
                                    [&]() -> Result<CachedResponse> {
    const char* type = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
    const TableFormat format = csv ? TableFormat::csv : TableFormat::json;
    if (question.kind != QuestionKind::detail) {
      auto table = TableOf(question, arguments);
      if (!table.ok()) return table.status();
      return MakeCached(table->sequence, FormatTable(*table->table, format), type);
    }
    std::uint64_t sequence = 0;
    auto body = service_.Read([&](const Model& model) -> Result<std::string> {
      sequence = service_.sequence();
      auto answer = Ask(question, model, arguments, service_.text_search());
      if (!answer.ok()) return answer.status();
      return FormatAnswer(*answer, format);
    });
    if (!body.ok()) return body.status();
    return MakeCached(sequence, std::move(*body), type);
  });
  if (!cached.ok()) return StatusResponse(cached.status());
  return CachedAnswer(request, *cached);
}


// The dashboard: every path outside /api/.
HttpResponse HttpServer::Dashboard(const HttpRequest& request) {
  if (web_ == nullptr) {
    if (request.path != "/") return ErrorResponse(404, "no route " + request.path);
    HttpResponse response;
    response.set_body(
        "<!doctype html><meta charset=utf-8><title>Ramstein</title><p>The dashboard is not built "
        "(scripts/build-web.sh). The API is at <a href=/api/v1/openapi.json>/api/v1/openapi.json</a>.\n",
        "text/html; charset=utf-8");
    return response;
  }
  auto file = web_->Find(request.path);
  if (!file.ok()) return StatusResponse(file.status());
  HttpResponse response;
  response.set_header("Cache-Control", (*file)->immutable ? "public, max-age=31536000, immutable" : "no-cache");
  response.set_header("Vary", "Accept-Encoding");
  response.content_type = (*file)->content_type;
  if (!(*file)->gzip.empty() && AcceptsGzip(request.Header("accept-encoding"))) {
    response.set_header("Content-Encoding", "gzip");
    response.bytes = (*file)->gzip;
  } else {
    response.bytes = (*file)->body;
  }
  return response;
}

}  // namespace ramstein
