// HttpServer: the JSON API and the dashboard over a LedgerService. Every
// question of the catalogue (query/catalog.h) is a route, asked with the
// same Bind() and Ask() as the command line and rendered by the same
// render/ formatter, so both give identical bytes. The transport is
// HttpListener's (event-driven; ranges, limits and security headers there).
//
// Routes (GET and HEAD):
//   /healthz                 {"status":"ok","sequence":N}
//   /api/v1/openapi.json     every route, its parameters and answers (openapi.h)
//   each question's http_path: /api/v1/reports/NAME, /api/v1/NAME (collections),
//     /api/v1/reports/meetings/{meeting}, /api/v1/records/{id} (ids may hold '/')
//   anything outside /api/   the dashboard (static_files.h)
// A parameter a question does not take is refused (400) before any work,
// with "?format=json|csv" beside its own. Tables answer CSV for ?format=csv
// or "Accept: text/csv". A table given `limit` or `offset` answers that page
// of its rows with the total, cut from its table (a collection answers its
// first page_limit_default rows without them); a report without them
// answers whole (a large one sent as it is rendered, chunked, never held
// whole). Tables, whole answers and records are cached per ledger sequence
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
#include "query/catalog.h"

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
  Result<CachedTable> TableOf(const Question& question, const Arguments& arguments);
  HttpResponse WholeAnswer(const HttpRequest& request, const Question& question, const Arguments& arguments,
                           bool csv);
  HttpResponse Dashboard(const HttpRequest& request);

  LedgerService& service_;
  const StaticFiles* web_;
  ResponseCache cache_;
  TableCache tables_;
  std::unique_ptr<HttpListener> listener_;
};

}  // namespace ramstein
