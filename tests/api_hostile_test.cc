// Hostile requests over a raw socket: every one gets a 4xx answer (or, for a
// request that never ends, the connection closed after the read timeout),
// and the server answers /healthz afterwards.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

// Sends `request` and returns the status line's code, 0 when the server
// closed the connection without answering, -1 when it could not connect.
int StatusOf(int port, const std::string& request) {
  int fd = ConnectLoopback(port);
  if (fd < 0) return -1;
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse a huge request before reading it all
    sent += static_cast<std::size_t>(n);
  }
  char buffer[64] = {};
  ssize_t n = ::recv(fd, buffer, sizeof buffer - 1, 0);
  ::close(fd);
  if (n <= 0) return 0;
  std::string line(buffer, static_cast<std::size_t>(n));
  if (line.rfind("HTTP/1.1 ", 0) != 0 || line.size() < 12) return -2;
  return std::stoi(line.substr(9, 3));
}

TEST(ApiHostileTest, EveryHostileRequestIsRefusedAndTheServerLives) {
  std::string db = TempDir("api-hostile") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  ServerProcess server = StartServer(db, WriteTestDashboard(TempDir("api-hostile-web")));
  ASSERT_GT(server.port, 0);
  int port = server.port;

  const std::string host = "Host: 127.0.0.1\r\n";
  const std::vector<std::string> corpus = {
      "GET /api/v1/records/%zz HTTP/1.1\r\n" + host + "\r\n",                       // bad percent-encoding
      "GET /api/v1/records/%ff%fe%80 HTTP/1.1\r\n" + host + "\r\n",                 // invalid UTF-8
      "GET /api/v1/records/\xff\xfe HTTP/1.1\r\n" + host + "\r\n",                  // raw invalid UTF-8
      "GET /../../etc/passwd HTTP/1.1\r\n" + host + "\r\n",                         // path traversal
      "GET /api/v1/records/..%2f..%2fetc%2fpasswd HTTP/1.1\r\n" + host + "\r\n",    // encoded traversal
      "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + host + "\r\n",
      "GET /assets/../../../etc/passwd HTTP/1.1\r\n" + host + "\r\n",               // traversal in static paths
      "GET /assets/%2e%2e/%2e%2e/etc/shadow HTTP/1.1\r\n" + host + "\r\n",
      "GET /..%5c..%5cetc%5cpasswd HTTP/1.1\r\n" + host + "\r\n",                    // backslashes
      "GET /assets/app-1234.js%00.html HTTP/1.1\r\n" + host + "\r\n",                // NUL
      "GET /assets/./app-1234.js HTTP/1.1\r\n" + host + "\r\n",
      "GET /assets/missing.js HTTP/1.1\r\n" + host + "\r\n",
      "GET /api/v1/measures?limit=-1 HTTP/1.1\r\n" + host + "\r\n",                 // negative limit
      "GET /api/v1/measures?limit=18446744073709551617 HTTP/1.1\r\n" + host + "\r\n",  // huge limit
      "GET /api/v1/measures?offset=-3 HTTP/1.1\r\n" + host + "\r\n",
      "GET /api/v1/reports/holds?at=2025-02-30 HTTP/1.1\r\n" + host + "\r\n",
      "GET /api/v1/reports/donors?" + std::string(20000, 'a') + " HTTP/1.1\r\n" + host + "\r\n",  // URL too long
      "GET /healthz HTTP/1.1\r\n" + host + "X-Big: " + std::string(20000, 'b') + "\r\n\r\n",       // huge header
      "POST /api/v1/reports/donors HTTP/1.1\r\n" + host + "Content-Length: 4\r\n\r\nabcd",     // wrong method
      "POST /api/v1/reports/donors HTTP/1.1\r\n" + host + "Content-Length: 99999999\r\n\r\n",  // body too large
      "BREW /coffee HTTP/1.1\r\n" + host + "\r\n",                                          // unknown method
      "GET /healthz HTTP/9.9\r\n\r\n",                                                      // unknown version
      "garbage\r\n\r\n",
      "GET /api/v1/records/forum:udcg HTTP/1.1\r\n" + host + "Content-Length: -5\r\n\r\n",
  };
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    int status = StatusOf(port, corpus[i]);
    EXPECT_GE(status, 400) << "request " << i << ": " << corpus[i].substr(0, 60);
    EXPECT_LT(status, 500) << "request " << i << ": " << corpus[i].substr(0, 60);
    EXPECT_EQ(StatusOf(port, "GET /healthz HTTP/1.1\r\n" + host + "\r\n"), 200) << "after request " << i;
  }
  // Bytes that are not HTTP at all (a TLS hello) are dropped without an answer.
  int tls = StatusOf(port, std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15));
  EXPECT_TRUE(tls == 0 || (tls >= 400 && tls < 500)) << tls;
  // A request that never ends: closed after the server's read timeout, no crash.
  int unterminated = StatusOf(port, "GET /healthz HTTP/1.1\r\n" + host);
  EXPECT_TRUE(unterminated == 0 || (unterminated >= 400 && unterminated < 500)) << unterminated;
  EXPECT_EQ(StatusOf(port, "GET /healthz HTTP/1.1\r\n" + host + "\r\n"), 200);
  EXPECT_TRUE(StopServer(server));
}

}  // namespace
}  // namespace ramstein::testing
