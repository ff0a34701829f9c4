#include "api/http_listener.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <ctime>
#include <thread>

#include "api/byte_range.h"
#include "base/ascii.h"
#include "api/url.h"

namespace ramstein {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

constexpr const char* kAllow = "GET, HEAD, OPTIONS";
// Pages may load only the server's own scripts, styles, images and data,
// and no one may frame them; other answers may load nothing at all.
constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";
constexpr const char* kDataPolicy = "default-src 'none'; frame-ancestors 'none'";

std::string HttpDate() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[40];
  std::size_t size = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return std::string(text, size);
}

}  // namespace

struct HttpListener::State {
  InlineAnswer inline_answer;
  Answer answer;
  HttpLimits limits;
  std::atomic<std::size_t> connections{0};
  std::unique_ptr<net::thread_pool> workers;
  // Declared last, destroyed first: the handlers it still holds own
  // sessions, which count themselves out of `connections`.
  net::io_context io;
  tcp::acceptor acceptor{io};
  net::steady_timer accept_pause{io};
  int port = 0;
};

// One connection: reads a request's header, answers it, and reads the next
// while the client keeps the connection. Every step runs on the
// connection's strand; answers computed on a worker come back to it.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, HttpListener::State* state)
      : stream_(std::move(socket)), state_(state), buffer_(state->limits.header_bytes_max) {}
  ~HttpSession() { --state_->connections; }

  void Start() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&HttpSession::Read, shared_from_this()));
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_->limits.header_bytes_max));
    stream_.expires_after(std::chrono::seconds(state_->limits.request_timeout_s));
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&HttpSession::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code error, std::size_t) {
    if (error) return OnReadError(error);
    const auto& message = parser_->get();
    get_ = message.method() == http::verb::get;
    head_ = message.method() == http::verb::head;
    keep_alive_ = message.keep_alive();
    if (message.version() != 10 && message.version() != 11) {
      return Refuse(505, "HTTP/1.0 and HTTP/1.1 are served here");
    }
    // No route reads a body; one would have to be read to find the next request.
    if (!parser_->is_done()) {
      if (get_ || head_) return Refuse(413, "no route here takes a request body");
      return Refuse(405, "only GET, HEAD and OPTIONS are served here");
    }
    if (message.version() == 11 && message.find(http::field::host) == message.end()) {
      return Refuse(400, "an HTTP/1.1 request needs a Host header");
    }
    if (message.target().size() > state_->limits.target_bytes_max) {
      return Send(ErrorResponse(414, "the address is longer than " +
                                         std::to_string(state_->limits.target_bytes_max) + " bytes"));
    }
    if (message.method() == http::verb::options) {
      HttpResponse allow;
      allow.status = 204;
      allow.content_type.clear();
      allow.set_header("Allow", kAllow);
      return Send(std::move(allow));
    }
    if (!get_ && !head_) {
      HttpResponse refused = ErrorResponse(405, "only GET, HEAD and OPTIONS are served here");
      refused.set_header("Allow", kAllow);
      return Send(std::move(refused));
    }
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    auto target = ParseTarget(request.target);
    if (!target.ok()) return Send(ErrorResponse(400, target.status().message()));
    request.path = std::move(target->path);
    request.params = std::move(target->params);
    for (const auto& field : message) {
      request.headers.emplace_back(AsciiLower(field.name_string()), std::string(field.value()));
    }
    range_ = std::string(request.Header("range"));
    if_range_ = !request.Header("if-range").empty();

    std::optional<HttpResponse> fast;
    try {
      fast = state_->inline_answer(request);
    } catch (...) {
      fast = ErrorResponse(500, "internal error");
    }
    if (fast) return Send(std::move(*fast));
    net::post(*state_->workers, [self = shared_from_this(), request = std::move(request)]() {
      HttpResponse response;
      try {
        response = self->state_->answer(request);
      } catch (...) {
        response = ErrorResponse(500, "internal error");
      }
      net::post(self->stream_.get_executor(),
                [self, response = std::move(response)]() mutable { self->Send(std::move(response)); });
    });
  }

  void OnReadError(beast::error_code error) {
    if (error == http::error::end_of_stream || error == beast::error::timeout ||
        error == net::error::operation_aborted || error == net::error::connection_reset ||
        error == net::error::eof) {
      return Close();
    }
    if (error == http::error::body_limit) return Refuse(413, "no route here takes a request body");
    if (error == http::error::header_limit || error == http::error::buffer_overflow) {
      return Refuse(431, "the request's line and headers exceed " +
                             std::to_string(state_->limits.header_bytes_max) + " bytes");
    }
    if (error.category() == beast::error_code(http::error::bad_method).category()) {
      return Refuse(400, "malformed request: " + error.message());
    }
    Close();
  }

  // Answers and closes the connection: what follows cannot be read as a request.
  void Refuse(int status, const std::string& detail) {
    keep_alive_ = false;
    refused_ = true;
    get_ = head_ = false;
    Send(ErrorResponse(status, detail));
  }

  int version() const { return parser_ ? parser_->get().version() : 11; }

  // The headers of every answer: the route's, the date, the security headers.
  template <typename Body>
  void SetHeaders(http::response<Body>& response, const HttpResponse& answer, const std::string& content_range) {
    response.set(http::field::date, HttpDate());
    if (!answer.content_type.empty()) response.set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) response.insert(name, value);
    if (!content_range.empty()) response.set(http::field::content_range, content_range);
    bool page = answer.content_type.rfind("text/html", 0) == 0;
    response.set("Content-Security-Policy", page ? kPagePolicy : kDataPolicy);
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Referrer-Policy", "same-origin");
    response.set("Cross-Origin-Resource-Policy", "same-origin");
    response.keep_alive(keep_alive_);
  }

  void Send(HttpResponse answer) {
    if (answer.stream) return SendStream(std::move(answer));
    std::string_view body = answer.bytes;
    std::string content_range;
    if (get_ && answer.status == 200 && answer.ranges) {
      answer.set_header("Accept-Ranges", "bytes");
      if (!range_.empty() && !if_range_) {
        ByteRange range = ParseByteRange(range_, body.size());
        if (range.kind == ByteRange::Kind::partial) {
          content_range = "bytes " + std::to_string(range.first) + "-" + std::to_string(range.last) + "/" +
                          std::to_string(body.size());
          body = body.substr(range.first, range.last - range.first + 1);
          answer.status = 206;
        } else if (range.kind == ByteRange::Kind::unsatisfiable) {
          std::size_t length = body.size();
          answer = ErrorResponse(416, "no byte of the range lies within the answer's " + std::to_string(length) +
                                          " bytes");
          content_range = "bytes */" + std::to_string(length);
          body = answer.bytes;
        }
      }
    }
    response_.emplace(static_cast<http::status>(answer.status), version());
    auto& response = *response_;
    SetHeaders(response, answer, content_range);
    response.body() = http::span_body<const char>::value_type(body.data(), body.size());
    if (answer.status == 204) {
      response.body() = {};
    } else {
      response.content_length(body.size());
    }
    owner_ = std::move(answer.owner);
    serializer_.emplace(response);
    stream_.expires_after(std::chrono::seconds(state_->limits.write_timeout_s));
    if (head_) {
      http::async_write_header(stream_, *serializer_,
                               beast::bind_front_handler(&HttpSession::OnWritten, shared_from_this()));
    } else {
      http::async_write(stream_, *serializer_,
                        beast::bind_front_handler(&HttpSession::OnWritten, shared_from_this()));
    }
  }

  // An answer made piece by piece: the header, then each piece as it comes
  // (chunked; to an HTTP/1.0 client, the bytes and then the close). Pieces
  // are made on a worker, one at a time: the next only once the last is
  // sent, so a slow client holds one piece, not the answer. A failure after
  // the header has gone can only close the connection.
  void SendStream(HttpResponse answer) {
    source_ = std::move(answer.stream);
    stream_header_.emplace(static_cast<http::status>(answer.status), version());
    SetHeaders(*stream_header_, answer, {});
    if (version() == 11) {
      stream_header_->chunked(true);
    } else {
      keep_alive_ = false;
      stream_header_->keep_alive(false);
    }
    stream_header_serializer_.emplace(*stream_header_);
    stream_.expires_after(std::chrono::seconds(state_->limits.write_timeout_s));
    http::async_write_header(stream_, *stream_header_serializer_,
                             [self = shared_from_this()](beast::error_code error, std::size_t) {
                               if (error) return self->Close();
                               if (self->head_) return self->OnWritten(error, 0);
                               self->MakePiece();
                             });
  }

  void MakePiece() {
    net::post(*state_->workers, [self = shared_from_this()]() {
      std::string piece;
      bool more = true;
      bool failed = false;
      try {
        while (more && piece.empty()) more = self->source_(piece);
      } catch (...) {
        failed = true;
      }
      net::post(self->stream_.get_executor(), [self, piece = std::move(piece), more, failed]() mutable {
        if (failed) return self->Close();
        self->SendPiece(std::move(piece), more);
      });
    });
  }

  void SendPiece(std::string piece, bool more) {
    piece_ = std::move(piece);
    stream_.expires_after(std::chrono::seconds(state_->limits.write_timeout_s));
    auto next = [self = shared_from_this(), more](beast::error_code error, std::size_t) {
      if (error) return self->Close();
      if (more) return self->MakePiece();
      if (self->stream_header_->chunked()) {
        return net::async_write(self->stream_, http::make_chunk_last(),
                                beast::bind_front_handler(&HttpSession::OnWritten, self));
      }
      self->OnWritten(error, 0);
    };
    if (piece_.empty()) return next({}, 0);
    if (stream_header_->chunked()) return net::async_write(stream_, http::make_chunk(net::buffer(piece_)), next);
    net::async_write(stream_, net::buffer(piece_), next);
  }

  void OnWritten(beast::error_code error, std::size_t) {
    serializer_.reset();
    response_.reset();
    owner_.reset();
    stream_header_serializer_.reset();
    stream_header_.reset();
    source_ = nullptr;
    piece_.clear();
    piece_.shrink_to_fit();
    if (error) return Close();
    if (!keep_alive_) return refused_ ? Linger() : Close();
    Read();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  // Closes after an answer that refused the rest of the request: what the
  // client still sends is read and dropped for a moment (at most
  // linger_bytes_max, within linger_s), so that closing does not reset the
  // connection before the client has read the answer.
  void Linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(kLingerSeconds));
    DrainSome();
  }
  void DrainSome() {
    stream_.async_read_some(net::buffer(drain_), [self = shared_from_this()](beast::error_code error, std::size_t n) {
      self->drained_ += n;
      if (error || self->drained_ > kLingerBytesMax) return self->stream_.close();
      self->DrainSome();
    });
  }
  static constexpr int kLingerSeconds = 2;
  static constexpr std::size_t kLingerBytesMax = 8u << 20;
  std::array<char, 16384> drain_;
  std::size_t drained_ = 0;

  beast::tcp_stream stream_;
  HttpListener::State* state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> parser_;
  std::optional<http::response<http::span_body<const char>>> response_;
  std::optional<http::response_serializer<http::span_body<const char>>> serializer_;
  std::shared_ptr<const void> owner_;
  // A streamed answer's header, its source and the piece being sent.
  std::optional<http::response<http::empty_body>> stream_header_;
  std::optional<http::response_serializer<http::empty_body>> stream_header_serializer_;
  std::function<bool(std::string&)> source_;
  std::string piece_;
  std::string range_;
  bool if_range_ = false;
  bool get_ = false;
  bool head_ = false;
  bool keep_alive_ = false;
  bool refused_ = false;  // the request was not read to its end
};

namespace {

void Accept(HttpListener::State* state) {
  state->acceptor.async_accept(net::make_strand(state->io), [state](beast::error_code error, tcp::socket socket) {
    if (!state->acceptor.is_open()) return;
    if (error) {
      // Out of descriptors or memory: wait a moment instead of spinning.
      state->accept_pause.expires_after(std::chrono::milliseconds(50));
      state->accept_pause.async_wait([state](beast::error_code) { Accept(state); });
      return;
    }
    if (state->connections.load() >= state->limits.connections_max) {
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      ++state->connections;
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<HttpSession>(std::move(socket), state)->Start();
    }
    Accept(state);
  });
}

}  // namespace

HttpListener::HttpListener(InlineAnswer inline_answer, Answer answer, HttpLimits limits)
    : state_(std::make_unique<State>()) {
  state_->inline_answer = std::move(inline_answer);
  state_->answer = std::move(answer);
  state_->limits = limits;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  state_->workers = std::make_unique<net::thread_pool>(limits.workers > 0 ? limits.workers : cores);
}

HttpListener::~HttpListener() {
  // Answers still queued hold connections; they go while the network
  // context they belong to still exists.
  state_->workers->stop();
  state_->workers->join();
  state_->workers.reset();
}

Status HttpListener::Bind(const std::string& host, int port) {
  std::string where = host + ":" + std::to_string(port);
  beast::error_code error;
  tcp::resolver resolver(state_->io);
  auto endpoints = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, error);
  if (error || endpoints.empty()) return Status::IoError("cannot listen on " + where + ": " + error.message());
  tcp::endpoint endpoint = endpoints.begin()->endpoint();
  tcp::acceptor& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol(), error);
  // SO_REUSEADDR only lets a restarted server take a port still in
  // TIME_WAIT; on Linux it never lets two sockets listen on one port.
  if (!error) acceptor.set_option(net::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(net::socket_base::max_listen_connections, error);
  if (error) {
    beast::error_code ignored;
    acceptor.close(ignored);
    return Status::IoError("cannot listen on " + where + ": " + error.message());
  }
  state_->port = acceptor.local_endpoint().port();
  return Status::Ok();
}

int HttpListener::port() const { return state_->port; }

void HttpListener::Run() {
  Accept(state_.get());
  // One network thread beside the caller's: parsing and copying is all they do.
  std::thread second([this] { state_->io.run(); });
  state_->io.run();
  second.join();
}

void HttpListener::Stop() {
  net::post(state_->io, [state = state_.get()] {
    beast::error_code ignored;
    state->acceptor.close(ignored);
    state->accept_pause.cancel();
    state->io.stop();
  });
}

}  // namespace ramstein
