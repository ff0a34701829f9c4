// HttpServer: the JSON API over a LedgerService (cpp-httplib, used nowhere
// else). Every report route calls the same query/ function as the CLI and
// renders it with the same io/ formatter, so both print identical bytes.
//
// Routes (GET):
//   /healthz                                 {"status":"ok","sequence":N}
//   /api/v1/reports/donors | totals | monthly  (?type=military|financial|humanitarian&publisher=P;
//                                               monthly: &donor=D)
//   /api/v1/reports/meetings
//   /api/v1/reports/holds?at=YYYY-MM-DD       (default today)
//   /api/v1/reports/authorities?at=YYYY-MM-DD (default today)
//   /api/v1/reports/items?item=X&category=C&donor=D
//   /api/v1/reports/changes?since=YYYY-MM-DD  (required)
//   /api/v1/reports/meetings/{id or UDCG number}
//   /api/v1/records/{id}                      the record with sources, quotes, claims
//   /api/v1/{collection}                      lists (record_lists.h)
//   anything else                             the dashboard (static_files.h)
// Tables answer CSV for ?format=csv or "Accept: text/csv". Report and record
// answers are cached per ledger sequence number. Errors answer
// {"error": code, "detail": text} with 400, 404, 405, 413 or 414.
//
// Thread safety: Listen() blocks and serves on a thread pool; Stop() may be
// called from another thread.
#pragma once

#include <memory>
#include <string>

#include "api/ledger_service.h"
#include "api/response_cache.h"
#include "api/static_files.h"
#include "base/status.h"

namespace httplib {
class Server;
}

namespace ramstein {

inline constexpr std::size_t request_body_bytes_max = 1u << 20;
// Connections served at once (each kept-alive connection holds a thread).
inline constexpr std::size_t http_threads_max = 128;

class HttpServer {
 public:
  // `web` (may be null: the API only) must outlive the server.
  HttpServer(LedgerService& service, const StaticFiles* web);
  ~HttpServer();

  // Binds host:port (port 0 picks a free one; see port()). IoError if the
  // address cannot be bound.
  Status Bind(const std::string& host, int port);
  int port() const { return port_; }
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  void Listen();
  void Stop();

 private:
  void AddRoutes();
  LedgerService& service_;
  const StaticFiles* web_;
  ResponseCache cache_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
};

}  // namespace ramstein
