// HttpServer: the JSON API and the dashboard over a LedgerService. Every
// report route calls the same query/ function as the CLI and renders it with
// the same io/ formatter, so both print identical bytes. The transport is
// HttpListener's (event-driven; ranges, limits and security headers there).
//
// Routes (GET and HEAD):
//   /healthz                                 {"status":"ok","sequence":N}
//   /api/v1/openapi.json                     the routes and their parameters (openapi.h)
//   /api/v1/reports/{name}                   a report (the parameters openapi.h lists for it)
//   /api/v1/reports/meetings/{id or UDCG number}
//   /api/v1/records/{id}                     the record with sources, quotes, claims; ids may hold '/'
//   /api/v1/{collection}                     lists (record_lists.h)
//   anything outside /api/                   the dashboard (static_files.h)
// A parameter a route does not take is refused (400) before any work.
// Tables answer CSV for ?format=csv or "Accept: text/csv". A report given
// `limit` or `offset` answers that page of its rows as the lists do (with
// the total), cut from its table; without them, the whole table (a large
// one sent as it is rendered, chunked, never held whole). Report
// tables, whole report answers and records are cached per ledger sequence
// number, and concurrent requests for one uncached answer wait for one
// computation (response_cache.h). Errors
// answer {"error": code, "detail": text} (ErrorResponse).
//
// Thread safety: Listen() blocks and serves; Stop() may be called from
// another thread.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "api/http_message.h"
#include "api/ledger_service.h"
#include "api/response_cache.h"
#include "api/static_files.h"
#include "base/status.h"

namespace ramstein {

class HttpListener;

// A report table holding at least this much (Table::HeapBytes) is sent as it
// is rendered, in pieces of about stream_piece_bytes, and its bytes are not
// cached; a smaller one is rendered once per ledger sequence and kept.
inline constexpr std::size_t stream_table_bytes_min = 4u << 20;
inline constexpr std::size_t stream_piece_bytes = 64u << 10;

class HttpServer {
 public:
  // `web` (may be null: the API only) must outlive the server.
  HttpServer(LedgerService& service, const StaticFiles* web);
  ~HttpServer();

  // Binds host:port (port 0 picks a free one; see port()). IoError if the
  // address cannot be bound, also when another process listens there.
  Status Bind(const std::string& host, int port);
  int port() const;
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  void Listen();
  void Stop();

 private:
  // Answers that cost nothing: health, the OpenAPI document, the dashboard's
  // files, cached reports. Nullopt: compute it on a worker (Answer).
  std::optional<HttpResponse> AnswerInline(const HttpRequest& request);
  HttpResponse Answer(const HttpRequest& request);
  HttpResponse Health(const HttpRequest& request);
  HttpResponse Report(const HttpRequest& request, const std::string& name);
  Result<CachedTable> ReportTable(const HttpRequest& request, const std::string& name);
  HttpResponse Meeting(const HttpRequest& request, const std::string& key);
  HttpResponse RecordAnswer(const HttpRequest& request, const std::string& id);
  HttpResponse Collection(const HttpRequest& request, const std::string& collection);
  HttpResponse Dashboard(const HttpRequest& request);

  LedgerService& service_;
  const StaticFiles* web_;
  ResponseCache cache_;
  TableCache tables_;
  std::unique_ptr<HttpListener> listener_;
};

}  // namespace ramstein
