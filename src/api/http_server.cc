#include "api/http_server.h"

#include <algorithm>

#include "api/gzip.h"
#include "api/http_listener.h"
#include "api/openapi.h"
#include "base/utf8.h"
#include "io/record_detail_format.h"
#include "io/table_format.h"
#include "ledger/canonical_json.h"
#include "query/record_detail.h"
#include "query/record_lists.h"
#include "query/reports.h"

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

// Checks the format parameter: absent, json or csv.
Status CheckFormat(const HttpRequest& request) {
  auto format = request.Param("format");
  if (!format || *format == "json" || *format == "csv") return Status::Ok();
  return Status::InvalidArgument("format: '" + std::string(format->substr(0, 40)) + "' is not json or csv");
}

// Refuses any parameter not in `known`, before any work is done for it.
Status CheckParameters(const HttpRequest& request, const std::vector<std::string>& known) {
  for (const auto& parameter : request.params) {
    if (std::find(known.begin(), known.end(), parameter.first) == known.end()) {
      std::string names;
      for (const auto& name : known) names += (names.empty() ? "" : ", ") + name;
      return Status::InvalidArgument("unknown parameter '" + parameter.first.substr(0, 40) + "'" +
                                     (names.empty() ? " (this route takes none)" : " (known: " + names + ")"));
    }
  }
  return Status::Ok();
}

std::optional<std::string> OptionalParam(const HttpRequest& request, std::string_view name) {
  auto value = request.Param(name);
  if (!value) return std::nullopt;
  return std::string(*value);
}

// A date parameter: its last day, `fallback` when absent, or an error.
Result<std::int32_t> DayParameter(const HttpRequest& request, const char* name, std::optional<std::int32_t> fallback) {
  auto text = request.Param(name);
  if (!text) {
    if (fallback) return *fallback;
    return Status::InvalidArgument(std::string(name) + ": required (YYYY-MM-DD)");
  }
  auto date = Date::Parse(*text);
  if (!date) {
    return Status::InvalidArgument(std::string(name) + ": '" + std::string(text->substr(0, 40)) +
                                   "' is not a date (YYYY-MM-DD)");
  }
  return date->last_day();
}

// A non-negative integer parameter no larger than `max`.
Result<std::size_t> CountParameter(const HttpRequest& request, const char* name, std::size_t fallback,
                                   std::size_t max) {
  auto value_text = request.Param(name);
  if (!value_text) return fallback;
  std::string text(*value_text);
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument(std::string(name) + ": '" + text.substr(0, 40) + "' is not a whole number");
  }
  std::size_t value = std::stoull(text);
  if (value > max) return Status::InvalidArgument(std::string(name) + ": at most " + std::to_string(max));
  return value;
}

// A page of a list or a report: `limit` rows (list_limit_default, at most
// list_limit_max) from row `offset` (0 first).
struct Page {
  std::size_t limit = list_limit_default;
  std::size_t offset = 0;
};

Result<Page> ParsePage(const HttpRequest& request) {
  auto limit = CountParameter(request, "limit", list_limit_default, list_limit_max);
  if (!limit.ok()) return limit.status();
  if (*limit < 1) return Status::InvalidArgument("limit: must be 1.." + std::to_string(list_limit_max));
  auto offset = CountParameter(request, "offset", 0, 1'000'000'000);
  if (!offset.ok()) return offset.status();
  return Page{*limit, *offset};
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

Result<ListQuery> ParseListQuery(const HttpRequest& request) {
  RAMSTEIN_RETURN_IF_ERROR(CheckParameters(request, {"donor", "recipient", "type", "status", "item", "category",
                                                     "publisher", "from", "to", "sort", "limit", "offset",
                                                     "format"}));
  ListQuery query;
  for (auto [name, field] : {std::pair{"donor", &query.donor}, std::pair{"recipient", &query.recipient},
                             std::pair{"type", &query.type}, std::pair{"status", &query.status},
                             std::pair{"item", &query.item}, std::pair{"category", &query.category},
                             std::pair{"publisher", &query.publisher}, std::pair{"sort", &query.sort}}) {
    if (auto value = OptionalParam(request, name)) *field = std::move(*value);
  }
  for (auto [name, field] : {std::pair{"from", &query.from_day}, std::pair{"to", &query.to_day}}) {
    auto text = request.Param(name);
    if (!text) continue;
    auto date = Date::Parse(*text);
    if (!date) return Status::InvalidArgument(std::string(name) + ": not a date (YYYY-MM-DD)");
    *field = std::string_view(name) == "from" ? date->days : date->last_day();
  }
  auto page = ParsePage(request);
  if (!page.ok()) return page.status();
  query.limit = page->limit;
  query.offset = page->offset;
  return query;
}

// The query parameters a documented route takes (openapi.cc's table, the
// one list of them).
const std::vector<std::string>* ParametersOf(std::string_view path) {
  for (const DocumentedRoute& route : DocumentedRoutes()) {
    if (route.path == path) return &route.query_parameters;
  }
  return nullptr;
}

// A report table's cache key: its name, its parameters but the format and
// the page in sorted order, and today (dated reports without a date depend
// on it).
std::string TableKey(const HttpRequest& request, std::string_view name, std::int32_t today) {
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& param : request.params) {
    if (param.first != "format" && param.first != "limit" && param.first != "offset") params.push_back(param);
  }
  std::sort(params.begin(), params.end());
  std::string key = "table|" + std::string(name);
  for (const auto& [param, value] : params) key += "|" + param + "=" + value;
  return key + "|" + std::to_string(today);
}

// A whole report answer's key: its table's, and the format.
std::string ReportKey(const HttpRequest& request, std::string_view name, std::int32_t today) {
  return TableKey(request, name, today) + (WantsCsv(request) ? "|csv" : "|json");
}

std::string RecordKey(std::string_view id) { return "record|" + std::string(id); }

bool IsPage(const HttpRequest& request) { return request.has_param("limit") || request.has_param("offset"); }

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

bool IsLowerWord(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
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
    if (Status refused = CheckParameters(request, {}); !refused.ok()) return StatusResponse(refused);
    static const auto document = std::make_shared<const std::string>(OpenApiJson());
    HttpResponse response;
    response.set_shared(document, "application/json; charset=utf-8");
    return response;
  }
  if (!StartsWith(path, "/api/")) return Dashboard(request);
  // A report or record already computed for this ledger sequence.
  if (StartsWith(path, "/api/v1/reports/")) {
    std::string_view name = std::string_view(path).substr(16);
    const auto* known = ParametersOf(path);
    if (known == nullptr || !CheckParameters(request, *known).ok() || !CheckFormat(request).ok() || IsPage(request)) {
      return std::nullopt;
    }
    if (auto cached = cache_.Get(ReportKey(request, name, service_.Today()), service_.sequence())) {
      return CachedAnswer(request, *cached);
    }
  }
  if (StartsWith(path, "/api/v1/records/") && request.params.empty()) {
    if (auto cached = cache_.Get(RecordKey(path.substr(16)), service_.sequence())) return CachedAnswer(request, *cached);
  }
  return std::nullopt;
}

HttpResponse HttpServer::Health(const HttpRequest& request) {
  if (Status refused = CheckParameters(request, {}); !refused.ok()) return StatusResponse(refused);
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

HttpResponse HttpServer::Answer(const HttpRequest& request) {
  const std::string& path = request.path;
  if (StartsWith(path, "/api/v1/reports/meetings/")) return Meeting(request, path.substr(25));
  if (StartsWith(path, "/api/v1/reports/")) return Report(request, path.substr(16));
  if (StartsWith(path, "/api/v1/records/") && path.size() > 16) return RecordAnswer(request, path.substr(16));
  if (StartsWith(path, "/api/v1/") && IsLowerWord(std::string_view(path).substr(8))) {
    return Collection(request, path.substr(8));
  }
  return ErrorResponse(404, "no route " + path);
}

// The report's table at the ledger's sequence, computed once however many
// ask (the whole answer and every page of it are cut from this one table).
Result<CachedTable> HttpServer::ReportTable(const HttpRequest& request, const std::string& name) {
  return tables_.GetOrCompute(TableKey(request, name, service_.Today()), service_.sequence(),
                              [&]() -> Result<CachedTable> {
    std::uint64_t sequence = 0;
    auto table = service_.Read([&](const Model& model) -> Result<Table> {
      sequence = service_.sequence();
      auto measures = MeasureFilterOf(model, OptionalParam(request, "type"), OptionalParam(request, "publisher"));
      if (!measures.ok()) return measures.status();
      if (name == "donors") return DonorsReport(model, *measures);
      if (name == "totals") return DonorTotalsReport(model, *measures);
      if (name == "meetings") return MeetingsReport(model);
      if (name == "monthly") return MonthlyReport(model, OptionalParam(request, "donor"), *measures);
      if (name == "holds" || name == "authorities") {
        auto day = DayParameter(request, "at", service_.Today());
        if (!day.ok()) return day.status();
        return name == "holds" ? HoldsReport(model, *day) : AuthoritiesReport(model, *day);
      }
      if (name == "items") {
        ItemsFilter filter;
        filter.item = OptionalParam(request, "item");
        filter.category = OptionalParam(request, "category");
        filter.donor = OptionalParam(request, "donor");
        return ItemsReport(model, filter);
      }
      if (name == "review") return ReviewReport(model);
      if (name == "publishers") return PublishersReport(model);
      if (name == "datasets") return DatasetsReport(model);
      if (name == "figures") {
        FiguresQuery query;
        query.dataset = request.param_or_empty("dataset");
        if (query.dataset.empty()) return Status::InvalidArgument("dataset: required (report datasets lists them)");
        if (auto by = OptionalParam(request, "by")) query.by = *by;
        if (auto donor = OptionalParam(request, "donor")) query.subject = *donor;
        return FiguresReport(model, query);
      }
      if (name == "reconcile") {
        ReconcileQuery query;
        if (auto source = OptionalParam(request, "source")) query.measures_source = *source;
        if (auto dataset = OptionalParam(request, "dataset")) query.figures_dataset = *dataset;
        return ReconcileReport(model, query);
      }
      if (name == "changes") {
        auto since_text = request.Param("since");
        if (!since_text) return Status::InvalidArgument("since: required (YYYY-MM-DD)");
        auto since = Date::Parse(*since_text);
        if (!since) return Status::InvalidArgument("since: not a date (YYYY-MM-DD)");
        return ChangesReport(model, since->days);
      }
      return Status::NotFound("no report '" + name + "'");
    });
    if (!table.ok()) return table.status();
    auto shared = std::make_shared<const Table>(std::move(table).value());
    return CachedTable{sequence, shared, shared->HeapBytes()};
  });
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
    if (last) AppendTableTail(text, r.format);
    if (r.gzip) {
      r.gzip->Append(text, out);
      if (last) r.gzip->Finish(out);
    }
    return !last;
  };
  return response;
}

}  // namespace

HttpResponse HttpServer::Report(const HttpRequest& request, const std::string& name) {
  const auto* known = ParametersOf("/api/v1/reports/" + name);
  if (known == nullptr || !IsLowerWord(name)) return ErrorResponse(404, "no report '" + name + "'");
  if (Status refused = CheckParameters(request, *known); !refused.ok()) return StatusResponse(refused);
  if (Status refused = CheckFormat(request); !refused.ok()) return StatusResponse(refused);
  const bool csv = WantsCsv(request);
  // A page: rows [offset, offset + limit) of the table, with its total.
  if (IsPage(request)) {
    auto page = ParsePage(request);
    if (!page.ok()) return StatusResponse(page.status());
    auto cached = ReportTable(request, name);
    if (!cached.ok()) return StatusResponse(cached.status());
    const Table& table = *cached->table;
    Table rows{table.title, table.columns, {}};
    std::size_t first = std::min(page->offset, table.rows.size());
    std::size_t end = first + std::min(page->limit, table.rows.size() - first);
    rows.rows.assign(table.rows.begin() + static_cast<std::ptrdiff_t>(first),
                     table.rows.begin() + static_cast<std::ptrdiff_t>(end));
    return PageAnswer(rows, table.rows.size(), *page, csv);
  }
  // A large table is sent as it is rendered, from the cached table: the
  // answer's bytes are never held whole.
  auto table = ReportTable(request, name);
  if (!table.ok()) return StatusResponse(table.status());
  if (table->table_bytes >= stream_table_bytes_min) return StreamedTable(request, table->table, csv);
  // A smaller one is rendered once per ledger sequence and kept.
  auto cached = cache_.GetOrCompute(ReportKey(request, name, service_.Today()), service_.sequence(),
                                    [&]() -> Result<CachedResponse> {
    return MakeCached(table->sequence, csv ? TableToCsv(*table->table) : TableToJson(*table->table),
                      csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
  });
  if (!cached.ok()) return StatusResponse(cached.status());
  return CachedAnswer(request, *cached);
}

HttpResponse HttpServer::Meeting(const HttpRequest& request, const std::string& key) {
  if (Status refused = CheckParameters(request, {"format"}); !refused.ok()) return StatusResponse(refused);
  if (Status refused = CheckFormat(request); !refused.ok()) return StatusResponse(refused);
  if (WantsCsv(request)) return ErrorResponse(400, "a meeting is three tables; ask for JSON");
  auto body = service_.Read([&](const Model& model) -> Result<std::string> {
    auto detail = MeetingDetail(model, key);
    if (!detail.ok()) return detail.status();
    return MeetingDetailToJson(*detail);
  });
  if (!body.ok()) return StatusResponse(body.status());
  HttpResponse response;
  response.set_body(std::move(*body), "application/json; charset=utf-8");
  return response;
}

HttpResponse HttpServer::RecordAnswer(const HttpRequest& request, const std::string& id) {
  if (Status refused = CheckParameters(request, {}); !refused.ok()) return StatusResponse(refused);
  auto cached = cache_.GetOrCompute(RecordKey(id), service_.sequence(), [&]() -> Result<CachedResponse> {
    std::uint64_t sequence = 0;
    auto body = service_.Read([&](const Model& model) -> Result<std::string> {
      sequence = service_.sequence();
      auto detail = ShowRecord(model, id);
      if (!detail.ok()) return detail.status();
      return RecordDetailToJson(*detail);
    });
    if (!body.ok()) return body.status();
    return MakeCached(sequence, std::move(*body), "application/json; charset=utf-8");
  });
  if (!cached.ok()) return StatusResponse(cached.status());
  return CachedAnswer(request, *cached);
}

HttpResponse HttpServer::Collection(const HttpRequest& request, const std::string& collection) {
  if (Status refused = CheckFormat(request); !refused.ok()) return StatusResponse(refused);
  auto query = ParseListQuery(request);
  if (!query.ok()) return StatusResponse(query.status());
  auto list = service_.Read([&](const Model& model) { return ListRecords(model, collection, *query); });
  if (!list.ok()) return StatusResponse(list.status());
  return PageAnswer(list->table, list->total, Page{query->limit, query->offset}, WantsCsv(request));
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
