#include "api/http_server.h"

#include <httplib.h>

#include <algorithm>

#include "api/gzip.h"
#include "api/openapi.h"
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
    default: return http_status >= 500 ? "internal_error" : "error";
  }
}

void SendError(httplib::Response& response, int http_status, const std::string& detail) {
  std::string body = "{\"error\":";
  AppendJsonString(body, ErrorCodeFor(http_status));
  body += ",\"detail\":";
  AppendJsonString(body, detail);
  body += "}\n";
  response.status = http_status;
  response.set_content(body, "application/json; charset=utf-8");
}

void SendStatus(httplib::Response& response, const Status& status) {
  SendError(response, HttpStatusFor(status.code()), status.message());
}

// Sends `bytes` without copying them: httplib reads them in place while
// writing (a 250 KB report answer is sent thousands of times a second).
// `owner` keeps them alive until the answer is written; null for bytes that
// live as long as the server.
void SendInPlace(httplib::Response& response, std::string_view bytes, const std::string& content_type,
                 std::shared_ptr<const void> owner) {
  response.set_content_provider(
      bytes.size(), content_type.c_str(),
      [bytes, owner = std::move(owner)](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return sink.write(bytes.data() + offset, length);
      });
}

void SendShared(httplib::Response& response, std::shared_ptr<const std::string> body,
                const std::string& content_type) {
  std::string_view bytes = *body;
  SendInPlace(response, bytes, content_type, std::move(body));
}

// An answer as the cache keeps it: the bytes, and a gzipped copy (made once
// per ledger sequence) when it is large enough to gain.
CachedResponse MakeCached(std::uint64_t sequence, std::string body, std::string content_type) {
  CachedResponse cached{sequence, 200, std::make_shared<const std::string>(std::move(body)), nullptr,
                        std::move(content_type)};
  std::string zipped = GzipIfSmaller(*cached.body, gzip_level_default);
  if (!zipped.empty()) cached.gzip = std::make_shared<const std::string>(std::move(zipped));
  return cached;
}

void SendCached(const httplib::Request& request, httplib::Response& response, const CachedResponse& cached) {
  if (cached.gzip) {
    response.set_header("Vary", "Accept-Encoding");
    if (AcceptsGzip(request.get_header_value("Accept-Encoding"))) {
      response.set_header("Content-Encoding", "gzip");
      return SendShared(response, cached.gzip, cached.content_type);
    }
  }
  SendShared(response, cached.body, cached.content_type);
}

bool WantsCsv(const httplib::Request& request) {
  if (request.has_param("format")) return request.get_param_value("format") == "csv";
  return request.get_header_value("Accept").find("text/csv") != std::string::npos;
}

// Checks the format parameter: absent, json or csv.
Status CheckFormat(const httplib::Request& request) {
  if (!request.has_param("format")) return Status::Ok();
  std::string format = request.get_param_value("format");
  if (format == "json" || format == "csv") return Status::Ok();
  return Status::InvalidArgument("format: '" + format + "' is not json or csv");
}

// A date parameter: its last day, `fallback` when absent, or an error.
Result<std::int32_t> DayParameter(const httplib::Request& request, const char* name,
                                  std::optional<std::int32_t> fallback) {
  if (!request.has_param(name)) {
    if (fallback) return *fallback;
    return Status::InvalidArgument(std::string(name) + ": required (YYYY-MM-DD)");
  }
  std::string text = request.get_param_value(name);
  auto date = Date::Parse(text);
  if (!date) return Status::InvalidArgument(std::string(name) + ": '" + text + "' is not a date (YYYY-MM-DD)");
  return date->last_day();
}


// A non-negative integer parameter no larger than `max`.
Result<std::size_t> CountParameter(const httplib::Request& request, const char* name, std::size_t fallback,
                                   std::size_t max) {
  if (!request.has_param(name)) return fallback;
  std::string text = request.get_param_value(name);
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument(std::string(name) + ": '" + text.substr(0, 40) + "' is not a whole number");
  }
  std::size_t value = std::stoull(text);
  if (value > max) return Status::InvalidArgument(std::string(name) + ": at most " + std::to_string(max));
  return value;
}

Result<ListQuery> ParseListQuery(const httplib::Request& request) {
  static const char* kKnown[] = {"donor", "recipient", "type", "status", "item", "category", "publisher",
                                 "from", "to", "sort", "limit", "offset", "format"};
  for (const auto& parameter : request.params) {
    const std::string& key = parameter.first;
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&key](const char* k) { return key == k; })) {
      return Status::InvalidArgument("unknown parameter '" + key.substr(0, 40) + "'");
    }
  }
  ListQuery query;
  for (auto [name, field] : {std::pair{"donor", &query.donor}, std::pair{"recipient", &query.recipient},
                             std::pair{"type", &query.type}, std::pair{"status", &query.status},
                             std::pair{"item", &query.item}, std::pair{"category", &query.category},
                             std::pair{"publisher", &query.publisher}, std::pair{"sort", &query.sort}}) {
    if (request.has_param(name)) *field = request.get_param_value(name);
  }
  for (auto [name, field] : {std::pair{"from", &query.from_day}, std::pair{"to", &query.to_day}}) {
    if (!request.has_param(name)) continue;
    auto date = Date::Parse(request.get_param_value(name));
    if (!date) return Status::InvalidArgument(std::string(name) + ": not a date (YYYY-MM-DD)");
    *field = std::string_view(name) == "from" ? date->days : date->last_day();
  }
  auto limit = CountParameter(request, "limit", list_limit_default, list_limit_max);
  if (!limit.ok()) return limit.status();
  auto offset = CountParameter(request, "offset", 0, 1'000'000'000);
  if (!offset.ok()) return offset.status();
  query.limit = *limit;
  query.offset = *offset;
  return query;
}

}  // namespace

HttpServer::HttpServer(LedgerService& service, const StaticFiles* web)
    : service_(service), web_(web), server_(std::make_unique<httplib::Server>()) {
  server_->set_payload_max_length(request_body_bytes_max);
  server_->set_read_timeout(5, 0);
  // Small JSON answers: send at once (no Nagle wait for the client's delayed
  // ACK) and let a client reuse its connection.
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(10'000);
  // httplib serves a kept-alive connection on one pool thread until it
  // closes: size the pool for that many clients.
  server_->new_task_queue = [] { return new httplib::ThreadPool(http_threads_max); };
  server_->set_write_timeout(5, 0);
  AddRoutes();
}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind(const std::string& host, int port) {
  if (port == 0) {
    port_ = server_->bind_to_any_port(host);
    if (port_ <= 0) return Status::IoError("cannot listen on " + host);
  } else {
    if (!server_->bind_to_port(host, port)) {
      return Status::IoError("cannot listen on " + host + ":" + std::to_string(port));
    }
    port_ = port;
  }
  return Status::Ok();
}

void HttpServer::Listen() { server_->listen_after_bind(); }
void HttpServer::Stop() { server_->stop(); }

void HttpServer::AddRoutes() {
  httplib::Server& server = *server_;
  server.Get("/healthz", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content("{\"status\":\"ok\",\"sequence\":" + std::to_string(service_.sequence()) + "}\n",
                         "application/json; charset=utf-8");
  });

  server.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& response) {
    static const std::string document = OpenApiJson();
    response.set_content(document, "application/json; charset=utf-8");
  });

  server.Get(R"(/api/v1/reports/([a-z]+))", [this](const httplib::Request& request, httplib::Response& response) {
    Status format = CheckFormat(request);
    if (!format.ok()) return SendStatus(response, format);
    const std::string name = request.matches[1];
    // Dated reports without a date depend on today, too.
    std::string key = request.target + (WantsCsv(request) ? "|csv|" : "|json|") + std::to_string(service_.Today());
    if (auto cached = cache_.Get(key, service_.sequence())) {
      return SendCached(request, response, *cached);
    }
    std::uint64_t sequence = 0;
    auto table = service_.Read([&](const Model& model) -> Result<Table> {
      sequence = service_.sequence();
      std::optional<std::string> type_name, publisher;
      if (request.has_param("type")) type_name = request.get_param_value("type");
      if (request.has_param("publisher")) publisher = request.get_param_value("publisher");
      auto measures = MeasureFilterOf(model, type_name, publisher);
      if (!measures.ok()) return measures.status();
      if (name == "donors") return DonorsReport(model, *measures);
      if (name == "totals") return DonorTotalsReport(model, *measures);
      if (name == "meetings") return MeetingsReport(model);
      if (name == "monthly") {
        std::optional<std::string> donor;
        if (request.has_param("donor")) donor = request.get_param_value("donor");
        return MonthlyReport(model, donor, *measures);
      }
      if (name == "holds" || name == "authorities") {
        auto day = DayParameter(request, "at", service_.Today());
        if (!day.ok()) return day.status();
        return name == "holds" ? HoldsReport(model, *day) : AuthoritiesReport(model, *day);
      }
      if (name == "items") {
        ItemsFilter filter;
        if (request.has_param("item")) filter.item = request.get_param_value("item");
        if (request.has_param("category")) filter.category = request.get_param_value("category");
        if (request.has_param("donor")) filter.donor = request.get_param_value("donor");
        return ItemsReport(model, filter);
      }
      if (name == "review") return ReviewReport(model);
      if (name == "publishers") return PublishersReport(model);
      if (name == "datasets") return DatasetsReport(model);
      if (name == "figures") {
        FiguresQuery query;
        query.dataset = request.get_param_value("dataset");
        if (query.dataset.empty()) return Status::InvalidArgument("dataset: required (report datasets lists them)");
        if (request.has_param("by")) query.by = request.get_param_value("by");
        if (request.has_param("donor")) query.subject = request.get_param_value("donor");
        return FiguresReport(model, query);
      }
      if (name == "reconcile") {
        ReconcileQuery query;
        if (request.has_param("source")) query.measures_source = request.get_param_value("source");
        if (request.has_param("dataset")) query.figures_dataset = request.get_param_value("dataset");
        return ReconcileReport(model, query);
      }
      if (name == "changes") {
        if (!request.has_param("since")) return Status::InvalidArgument("since: required (YYYY-MM-DD)");
        auto since = Date::Parse(request.get_param_value("since"));
        if (!since) return Status::InvalidArgument("since: not a date (YYYY-MM-DD)");
        return ChangesReport(model, since->days);
      }
      return Status::NotFound("no report '" + name + "'");
    });
    if (!table.ok()) return SendStatus(response, table.status());
    bool csv = WantsCsv(request);
    CachedResponse cached = MakeCached(sequence, csv ? TableToCsv(*table) : TableToJson(*table),
                                       csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
    cache_.Put(key, cached);
    SendCached(request, response, cached);
  });

  server.Get(R"(/api/v1/reports/meetings/([^/]+))", [this](const httplib::Request& request,
                                                           httplib::Response& response) {
    if (WantsCsv(request)) return SendError(response, 400, "a meeting is three tables; ask for JSON");
    const std::string key = request.matches[1];
    auto body = service_.Read([&](const Model& model) -> Result<std::string> {
      auto detail = MeetingDetail(model, key);
      if (!detail.ok()) return detail.status();
      return MeetingDetailToJson(*detail);
    });
    if (!body.ok()) return SendStatus(response, body.status());
    response.set_content(*body, "application/json; charset=utf-8");
  });

  server.Get(R"(/api/v1/records/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    const std::string id = request.matches[1];
    std::string key = "record|" + id;
    if (auto cached = cache_.Get(key, service_.sequence())) {
      return SendCached(request, response, *cached);
    }
    std::uint64_t sequence = 0;
    auto body = service_.Read([&](const Model& model) -> Result<std::string> {
      sequence = service_.sequence();
      auto detail = ShowRecord(model, id);
      if (!detail.ok()) return detail.status();
      return RecordDetailToJson(*detail);
    });
    if (!body.ok()) return SendStatus(response, body.status());
    CachedResponse cached = MakeCached(sequence, std::move(*body), "application/json; charset=utf-8");
    cache_.Put(key, cached);
    SendCached(request, response, cached);
  });

  server.Get(R"(/api/v1/([a-z]+))", [this](const httplib::Request& request, httplib::Response& response) {
    Status format = CheckFormat(request);
    if (!format.ok()) return SendStatus(response, format);
    auto query = ParseListQuery(request);
    if (!query.ok()) return SendStatus(response, query.status());
    const std::string collection = request.matches[1];
    auto list = service_.Read([&](const Model& model) { return ListRecords(model, collection, *query); });
    if (!list.ok()) return SendStatus(response, list.status());
    response.set_header("X-Total-Count", std::to_string(list->total));
    if (WantsCsv(request)) return response.set_content(TableToCsv(list->table), "text/csv; charset=utf-8");
    // The table, with the paging facts beside its rows.
    std::string body = TableToJson(list->table);
    body.resize(body.size() - 2);  // "}\n"
    body += ",\"total\":" + std::to_string(list->total) + ",\"offset\":" + std::to_string(query->offset) +
            ",\"limit\":" + std::to_string(query->limit) + "}\n";
    response.set_content(body, "application/json; charset=utf-8");
  });

  // The dashboard: every other GET.
  server.Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
    if (request.path.rfind("/api/", 0) == 0) return SendError(response, 404, "no route " + request.path);
    if (web_ == nullptr) {
      if (request.path != "/") return SendError(response, 404, "no route " + request.path);
      return response.set_content(
          "<!doctype html><meta charset=utf-8><title>Ramstein</title><p>The dashboard is not built "
          "(scripts/build-web.sh). The API is at <a href=/api/v1/openapi.json>/api/v1/openapi.json</a>.\n",
          "text/html; charset=utf-8");
    }
    auto file = web_->Find(request.path);
    if (!file.ok()) return SendStatus(response, file.status());
    response.set_header("Cache-Control", (*file)->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Vary", "Accept-Encoding");
    if (!(*file)->gzip.empty() && AcceptsGzip(request.get_header_value("Accept-Encoding"))) {
      response.set_header("Content-Encoding", "gzip");
      return SendInPlace(response, (*file)->gzip, (*file)->content_type, nullptr);
    }
    SendInPlace(response, (*file)->body, (*file)->content_type, nullptr);
  });

  // Writes go through the CLI; every other method on a known route is 405.
  auto not_allowed = [](const httplib::Request& request, httplib::Response& response) {
    bool known = request.path == "/healthz" || request.path.rfind("/api/v1/", 0) == 0;
    if (known) return SendError(response, 405, "only GET is served here");
    SendError(response, 404, "no route " + request.path);
  };
  server.Post(".*", not_allowed);
  server.Put(".*", not_allowed);
  server.Delete(".*", not_allowed);
  server.Patch(".*", not_allowed);

  // Requests whose framing headers are malformed are refused before routing.
  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    if (request.has_header("Content-Length")) {
      std::string length = request.get_header_value("Content-Length");
      if (length.empty() || length.find_first_not_of("0123456789") != std::string::npos) {
        SendError(response, 400, "Content-Length is not a number");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Answers httplib produces itself (unknown route, 413, 414, 400) get the JSON body too.
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    std::string detail = response.status == 404 ? "no route " + request.path : "the request was refused";
    SendError(response, response.status, detail);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    SendError(response, 500, "internal error");
  });
}

}  // namespace ramstein
