// HttpRequest and HttpResponse: a request as the routes see it (decoded path
// and query, the few headers they read) and the answer they give. The
// transport (http_listener.h) fills the one and sends the other; the routes
// never see a socket or the HTTP library.
//
// Thread safety: plain values.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ramstein {

struct HttpRequest {
  std::string method;  // "GET", "HEAD", ...
  std::string target;  // as sent: path and query, still encoded
  std::string path;    // percent-decoded
  // Query parameters in the order sent, names and values percent-decoded
  // ('+' is a space). Each name occurs at most once (the listener refuses
  // repeats).
  std::vector<std::pair<std::string, std::string>> params;
  // Request headers the routes read, names in lower case.
  std::vector<std::pair<std::string, std::string>> headers;

  bool has_param(std::string_view name) const { return Param(name).has_value(); }
  std::optional<std::string_view> Param(std::string_view name) const {
    for (const auto& [key, value] : params) {
      if (key == name) return value;
    }
    return std::nullopt;
  }
  // The parameter's value, or "" when absent.
  std::string param_or_empty(std::string_view name) const { return std::string(Param(name).value_or("")); }
  // A header's value, or "" when absent. `name` in lower case.
  std::string_view Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (key == name) return value;
    }
    return {};
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  // Extra headers (Cache-Control, Vary, Content-Encoding, X-Total-Count...).
  // The listener adds Content-Length, Content-Range, Accept-Ranges,
  // Connection, Date and the security headers itself.
  std::vector<std::pair<std::string, std::string>> headers;
  // The body: `bytes`, which `owner` keeps alive (null when they live as long
  // as the server, such as the dashboard's files).
  std::string_view bytes;
  std::shared_ptr<const void> owner;
  // Byte ranges may be served of this answer (200 answers to GET only).
  bool ranges = true;
  // Instead of `bytes`, for an answer too large to hold whole: its body made
  // piece by piece as it is sent. Each call appends the next bytes to `out`
  // and returns false with (or after) the last. Called on a worker thread,
  // one call at a time; what it needs it must own. Such an answer is sent
  // chunked without a length, and never as byte ranges.
  std::function<bool(std::string& out)> stream;

  void set_body(std::string body, std::string type) {
    auto shared = std::make_shared<const std::string>(std::move(body));
    bytes = *shared;
    owner = std::move(shared);
    content_type = std::move(type);
  }
  void set_shared(std::shared_ptr<const std::string> body, std::string type) {
    bytes = *body;
    owner = std::move(body);
    content_type = std::move(type);
  }
  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// The one shape of every error answer: {"error": code, "detail": text} with
// `status`. The detail is sent as valid UTF-8 whatever bytes it holds (a
// request's bytes echoed back are replaced where invalid).
HttpResponse ErrorResponse(int status, std::string_view detail);

}  // namespace ramstein
