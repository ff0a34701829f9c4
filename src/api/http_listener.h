// HttpListener: HTTP/1.1 over TCP, event-driven (Boost.Beast on Asio, used
// nowhere else). A connection costs a socket and a buffer of at most
// header_bytes_max, never a thread, so thousands of idle or trickling
// clients leave everyone else's answers as fast as ever.
//
// What it guarantees for every answer, whatever the routes return:
//   - every byte sent lies inside the answer: byte ranges (byte_range.h) are
//     decided against the answer's length before sending; 416 when none fits
//   - the security headers (nosniff, a Content-Security-Policy that also
//     forbids framing, X-Frame-Options, Referrer-Policy) on every answer
//   - requests answered one at a time and in order on a connection, also
//     when a client pipelines them in one packet
//   - a request line and headers over header_bytes_max: 431; a target over
//     target_bytes_max: 414; a request body: refused (no route reads one);
//     conflicting Content-Length or framing: 400 and the connection closed;
//     a request not complete within request_timeout_s: the connection closed
//   - GET and HEAD are routed; OPTIONS answers 204 with Allow; every other
//     method 405 with Allow
//   - the port is taken exclusively: Bind() fails when another socket
//     listens on it (no SO_REUSEPORT)
//
// Routing is the caller's: `inline_answer` is asked first on the network
// thread (for answers that cost nothing to give: health, files, cached
// reports); when it declines, `answer` runs on a worker thread.
//
// Thread safety: Bind() then Run() on one thread; Stop() from any thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/http_message.h"
#include "base/status.h"

namespace ramstein {

struct HttpLimits {
  std::size_t header_bytes_max = 16u << 10;  // request line and headers
  std::size_t target_bytes_max = 8u << 10;
  std::size_t connections_max = 10'000;  // past it, new connections are closed at once
  int request_timeout_s = 15;            // for the whole of one request, idle wait included
  int write_timeout_s = 60;              // for sending one answer
  int workers = 0;                       // threads computing answers; 0: one per core
};

class HttpListener {
 public:
  using InlineAnswer = std::function<std::optional<HttpResponse>(const HttpRequest&)>;
  using Answer = std::function<HttpResponse(const HttpRequest&)>;

  HttpListener(InlineAnswer inline_answer, Answer answer, HttpLimits limits = {});
  ~HttpListener();
  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;

  // Listens on host:port (0 picks a free port; see port()). IoError naming
  // the address when it cannot be bound, e.g. because it is in use.
  Status Bind(const std::string& host, int port);
  int port() const;
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  void Run();
  void Stop();

  struct State;  // the listener's insides (http_listener.cc)

 private:
  std::unique_ptr<State> state_;
};

}  // namespace ramstein
