// The HTTP transport as a hostile or careless client meets it, over raw
// sockets so that every byte the server sends is seen: byte ranges never
// reach outside the answer, every answer carries the security headers,
// pipelined requests are all answered in order, framing errors are refused,
// OPTIONS and HEAD behave, and a busy port is an error at start.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "base/utf8.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

struct Answer {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::size_t bytes_after = 0;  // bytes received past the declared body
};

// Everything the server sends until it closes the connection.
std::string Exchange(int port, const std::string& request) {
  int fd = ConnectLoopback(port);
  if (fd < 0) return "";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string received;
  char buffer[65536];
  ssize_t n;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) received.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  return received;
}

// Splits the answers in `bytes` (a HEAD answer has no body: `head`).
std::vector<Answer> ParseAnswers(std::string bytes, bool head = false) {
  std::vector<Answer> answers;
  while (!bytes.empty()) {
    std::size_t end = bytes.find("\r\n\r\n");
    if (end == std::string::npos || bytes.rfind("HTTP/1.", 0) != 0) break;
    Answer answer;
    answer.status = std::stoi(bytes.substr(9, 3));
    std::string head_text = bytes.substr(0, end);
    std::size_t line = head_text.find("\r\n");
    while (line != std::string::npos) {
      std::size_t next = head_text.find("\r\n", line + 2);
      std::string field = head_text.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
      std::size_t colon = field.find(':');
      std::string name = field.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = field.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      answer.headers[name] = value;
      line = next;
    }
    std::size_t length = answer.headers.count("content-length") ? std::stoull(answer.headers["content-length"]) : 0;
    if (head) length = 0;
    answer.body = bytes.substr(end + 4, length);
    bytes.erase(0, std::min(bytes.size(), end + 4 + length));
    answers.push_back(std::move(answer));
  }
  if (!answers.empty()) answers.back().bytes_after = bytes.size();
  return answers;
}

Answer Fetch(int port, const std::string& path, const std::string& extra_headers = "") {
  auto answers = ParseAnswers(Exchange(
      port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra_headers + "\r\n"));
  return answers.empty() ? Answer{} : answers[0];
}

class ApiTransportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = TempDir("api-transport") + "/ledger.db";
    ASSERT_EQ(Ramstein("--db '" + db_ + "' init --bundled").exit_code, 0);
    server_ = StartServer(db_, WriteTestDashboard(TempDir("api-transport-web")));
    ASSERT_GT(server_.port, 0) << "the server did not start";
  }
  static void TearDownTestSuite() { EXPECT_TRUE(StopServer(server_)); }
  static std::string db_;
  static ServerProcess server_;
};
std::string ApiTransportTest::db_;
ServerProcess ApiTransportTest::server_;

TEST_F(ApiTransportTest, EveryRangedByteLiesInsideTheAnswer) {
  const int port = server_.port;
  struct Kind {
    std::string name, path, headers;
  };
  const std::vector<Kind> kinds = {
      {"report", "/api/v1/reports/donors", ""},
      {"report again (cached)", "/api/v1/reports/donors", ""},
      {"gzipped report", "/api/v1/reports/donors", "Accept-Encoding: gzip\r\n"},
      {"csv report", "/api/v1/reports/meetings?format=csv", ""},
      {"record", "/api/v1/records/forum:udcg", ""},
      {"list", "/api/v1/measures?limit=3", ""},
      {"page", "/", ""},
      {"gzipped file", "/assets/style-1234.css", "Accept-Encoding: gzip\r\n"},
      {"file", "/assets/app-1234.js", ""},
      {"error", "/api/v1/records/nothing:here", ""},
      {"health", "/healthz", ""},
  };
  for (const Kind& kind : kinds) {
    Answer full = Fetch(port, kind.path, kind.headers);
    ASSERT_GT(full.status, 0) << kind.name;
    const std::size_t length = full.body.size();
    ASSERT_GT(length, 20u) << kind.name;
    EXPECT_EQ(full.bytes_after, 0u) << kind.name;
    struct Case {
      std::string range;
      int status;            // for a 200 answer
      std::size_t first, n;  // the bytes a 206 holds
    };
    const std::vector<Case> cases = {
        {"bytes=0-9", 206, 0, 10},
        {"bytes=10-", 206, 10, length - 10},
        {"bytes=-7", 206, length - 7, 7},
        {"bytes=-" + std::to_string(length + 1000), 206, 0, length},
        {"bytes=" + std::to_string(length - 5) + "-" + std::to_string(length + 500000), 206, length - 5, 5},
        {"bytes=" + std::to_string(length) + "-" + std::to_string(length + 500000), 416, 0, 0},
        {"bytes=99999999999-", 416, 0, 0},
        {"bytes=-0", 416, 0, 0},
        {"bytes=0-5,10-20", 200, 0, length},
        {"bytes=5-1", 200, 0, length},
        {"pages=1-2", 200, 0, length},
        {"bytes=x-y", 200, 0, length},
    };
    for (const Case& c : cases) {
      std::string where = kind.name + " " + c.range;
      Answer answer = Fetch(port, kind.path, kind.headers + "Range: " + c.range + "\r\n");
      EXPECT_EQ(answer.bytes_after, 0u) << where;
      ASSERT_EQ(answer.headers.count("content-length"), 1u) << where;
      EXPECT_EQ(std::stoull(answer.headers["content-length"]), answer.body.size()) << where;
      if (full.status != 200) {  // errors are whole, whatever the range
        EXPECT_EQ(answer.status, full.status) << where;
        EXPECT_EQ(answer.body, full.body) << where;
        continue;
      }
      ASSERT_EQ(answer.status, c.status) << where;
      if (c.status == 206) {
        EXPECT_EQ(answer.body, full.body.substr(c.first, c.n)) << where;
        EXPECT_EQ(answer.headers["content-range"], "bytes " + std::to_string(c.first) + "-" +
                                                       std::to_string(c.first + c.n - 1) + "/" +
                                                       std::to_string(length))
            << where;
      } else if (c.status == 416) {
        EXPECT_EQ(answer.headers["content-range"], "bytes */" + std::to_string(length)) << where;
        EXPECT_NE(answer.body.find("\"error\":\"range_not_satisfiable\""), std::string::npos) << where;
      } else {
        EXPECT_EQ(answer.body, full.body) << where;
      }
    }
    // A range with If-Range is answered whole (no validators are given out).
    Answer conditional = Fetch(port, kind.path, kind.headers + "Range: bytes=0-3\r\nIf-Range: \"x\"\r\n");
    EXPECT_EQ(conditional.body, full.body) << kind.name;
  }
}

TEST_F(ApiTransportTest, EveryAnswerCarriesTheSecurityHeaders) {
  for (const std::string path : {"/", "/assets/app-1234.js", "/api/v1/reports/donors", "/api/v1/records/none",
                                 "/api/v1/reports/donors?bogus=1", "/healthz", "/%zz"}) {
    Answer answer = Fetch(server_.port, path);
    EXPECT_EQ(answer.headers["x-content-type-options"], "nosniff") << path;
    EXPECT_NE(answer.headers["content-security-policy"].find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(answer.headers["x-frame-options"], "DENY") << path;
    EXPECT_FALSE(answer.headers["referrer-policy"].empty()) << path;
  }
  EXPECT_NE(Fetch(server_.port, "/").headers["content-security-policy"].find("script-src 'self'"), std::string::npos);
}

TEST_F(ApiTransportTest, PipelinedRequestsAreAllAnsweredInOrder) {
  std::string one = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";
  std::string two = "GET /api/v1/records/forum:udcg HTTP/1.1\r\nHost: a\r\n\r\n";
  std::string three = "GET /api/v1/reports/meetings HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
  auto answers = ParseAnswers(Exchange(server_.port, one + two + three));
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_NE(answers[0].body.find("\"status\":\"ok\""), std::string::npos);
  EXPECT_NE(answers[1].body.find("forum:udcg"), std::string::npos);
  EXPECT_NE(answers[2].body.find("\"columns\""), std::string::npos);
  EXPECT_EQ(answers[2].bytes_after, 0u);
}

TEST_F(ApiTransportTest, FramingErrorsAreRefusedAndCloseTheConnection) {
  const std::vector<std::string> refused = {
      "GET /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcde",
      "GET /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "GET /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n",
      "GET /healthz HTTP/1.1\r\n\r\n",  // no Host
      "GET /healthz HTTP/1.1\r\nHost: a\r\nX: " + std::string(20000, 'x') + "\r\n\r\n",
  };
  for (const std::string& request : refused) {
    auto answers = ParseAnswers(Exchange(server_.port, request + "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"));
    ASSERT_EQ(answers.size(), 1u) << request.substr(0, 80);  // the request after it is not read
    EXPECT_GE(answers[0].status, 400) << request.substr(0, 80);
    EXPECT_LT(answers[0].status, 500) << request.substr(0, 80);
    EXPECT_EQ(answers[0].headers["connection"], "close") << request.substr(0, 80);
  }
}

TEST_F(ApiTransportTest, OptionsHeadAndOtherMethods) {
  auto options = ParseAnswers(Exchange(server_.port, "OPTIONS /api/v1/reports/donors HTTP/1.1\r\nHost: a\r\n"
                                                     "Connection: close\r\n\r\n"));
  ASSERT_EQ(options.size(), 1u);
  EXPECT_EQ(options[0].status, 204);
  EXPECT_EQ(options[0].headers["allow"], "GET, HEAD, OPTIONS");
  Answer get = Fetch(server_.port, "/api/v1/reports/donors");
  auto head = ParseAnswers(
      Exchange(server_.port, "HEAD /api/v1/reports/donors HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), true);
  ASSERT_EQ(head.size(), 1u);
  EXPECT_EQ(head[0].status, 200);
  EXPECT_EQ(head[0].headers["content-length"], std::to_string(get.body.size()));
  EXPECT_EQ(head[0].bytes_after, 0u);  // no body
  for (const std::string method : {"DELETE", "PUT", "PATCH", "BREW"}) {
    auto answers = ParseAnswers(Exchange(server_.port, method + " /api/v1/reports/donors HTTP/1.1\r\nHost: a\r\n"
                                                                "Connection: close\r\n\r\n"));
    ASSERT_EQ(answers.size(), 1u) << method;
    EXPECT_EQ(answers[0].status, 405) << method;
    EXPECT_EQ(answers[0].headers["allow"], "GET, HEAD, OPTIONS") << method;
  }
}

TEST_F(ApiTransportTest, ErrorsEchoRequestBytesAsValidUtf8) {
  for (const std::string path : {"/api/v1/reports/items?item=%C0%AE", "/api/v1/records/%C0%AE",
                                 "/api/v1/reports/donors?publisher=%FF%FE", "/api/v1/reports/holds?at=%C0%AE"}) {
    Answer answer = Fetch(server_.port, path);
    EXPECT_GE(answer.status, 400) << path;
    EXPECT_TRUE(IsValidUtf8(answer.body)) << path << ": " << answer.body;
  }
  Answer bad = Fetch(server_.port, "/api/v1/measures?donor=%C0%AE%FF&bogus%FF=1");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.find('\xc0'), std::string::npos) << bad.body;
  EXPECT_EQ(bad.body.find('\xff'), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("\xef\xbf\xbd"), std::string::npos) << bad.body;
}

TEST_F(ApiTransportTest, ABusyPortIsAnErrorAtStart) {
  auto second = Ramstein("--db '" + db_ + "' serve --listen 127.0.0.1:" + std::to_string(server_.port));
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.err.find("cannot listen on 127.0.0.1:" + std::to_string(server_.port)), std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("in use"), std::string::npos) << second.err;
}

// The write-ahead log deleted under a running server after an acknowledged
// import: the server stops answering from what it no longer has, says why
// on /healthz, and the next open names the events that were lost.
TEST(ApiLossTest, ADeletedWriteAheadLogIsNoticedAndReported) {
  std::string dir = TempDir("api-loss");
  std::string db = dir + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  std::uint64_t before = HeadSequence(db);
  ASSERT_EQ(Ramstein("gen --measures 400 --seed 9 --out '" + dir + "/g.jsonl'").exit_code, 0);
  ServerProcess server = StartServer(db);
  ASSERT_GT(server.port, 0);
  auto imported = Ramstein("--db '" + db + "' import '" + dir + "/g.jsonl'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  std::uint64_t acknowledged = HeadSequence(db);
  ASSERT_GT(acknowledged, before);
  // Wait until the server serves the import.
  Answer health;
  for (int i = 0; i < 100; ++i) {
    health = Fetch(server.port, "/healthz");
    if (health.body.find("\"sequence\":" + std::to_string(acknowledged)) != std::string::npos) break;
    ::usleep(50'000);
  }
  ASSERT_NE(health.body.find("\"sequence\":" + std::to_string(acknowledged)), std::string::npos) << health.body;
  ASSERT_TRUE(std::filesystem::remove(db + "-wal"));
  for (int i = 0; i < 100 && health.status != 503; ++i) {
    ::usleep(50'000);
    health = Fetch(server.port, "/healthz");
  }
  EXPECT_EQ(health.status, 503) << health.body;
  EXPECT_NE(health.body.find("\"status\":\"failed\""), std::string::npos) << health.body;
  Answer report = Fetch(server.port, "/api/v1/reports/totals");
  EXPECT_EQ(report.status, 503) << report.body;
  EXPECT_TRUE(StopServer(server));
  auto verify = Ramstein("--db '" + db + "' verify");
  EXPECT_EQ(verify.exit_code, 2);
  EXPECT_NE(verify.err.find("events " + std::to_string(before + 1) + ".." + std::to_string(acknowledged) +
                            " were lost"),
            std::string::npos)
      << verify.err;
  auto again = Ramstein("--db '" + db + "' import '" + dir + "/g.jsonl'");
  EXPECT_EQ(again.exit_code, 2) << again.err;  // nothing is written on top of the loss
}

// The body of a chunked answer (RFC 9112 7.1), or nullopt when it is not
// well framed: every chunk's size, its bytes and the last chunk.
std::optional<std::string> Unchunk(const std::string& bytes) {
  std::string body;
  std::size_t at = 0;
  while (true) {
    std::size_t line_end = bytes.find("\r\n", at);
    if (line_end == std::string::npos) return std::nullopt;
    std::size_t size = std::stoull(bytes.substr(at, line_end - at), nullptr, 16);
    at = line_end + 2;
    if (size == 0) return bytes.substr(at) == "\r\n" ? std::optional<std::string>(body) : std::nullopt;
    if (at + size + 2 > bytes.size() || bytes.compare(at + size, 2, "\r\n") != 0) return std::nullopt;
    body.append(bytes, at, size);
    at += size + 2;
  }
}

// A report too large to hold whole goes out as it is rendered: chunked,
// the same bytes the CLI prints, gzipped on the way, without ranges.
TEST(ApiStreamTest, ALargeReportIsSentAsItIsRenderedWithTheCliBytes) {
  std::string dir = TempDir("api-stream");
  std::string db = dir + "/ledger.db";
  ASSERT_EQ(Ramstein("gen --measures 6000 --seed 3 --out '" + dir + "/g.jsonl'").exit_code, 0);
  ASSERT_EQ(Ramstein("--db '" + db + "' init").exit_code, 0);
  ASSERT_EQ(Ramstein("--db '" + db + "' import '" + dir + "/g.jsonl'").exit_code, 0);
  const std::string cli_json = Ramstein("--db '" + db + "' report items --json").out;
  const std::string cli_csv = Ramstein("--db '" + db + "' report items --csv").out;
  ASSERT_GT(std::count(cli_csv.begin(), cli_csv.end(), '\n'), 20000);  // a table past stream_table_bytes_min
  ServerProcess server = StartServer(db);
  ASSERT_GT(server.port, 0);
  auto whole = [&](const std::string& path, const std::string& headers = "") {
    std::string bytes = Exchange(server.port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                                                  headers + "\r\n");
    std::size_t end = bytes.find("\r\n\r\n");
    return std::pair{bytes.substr(0, end + 2), end == std::string::npos ? "" : bytes.substr(end + 4)};
  };
  for (int round = 0; round < 2; ++round) {  // the second from the cached table
    auto [head, body] = whole("/api/v1/reports/items");
    EXPECT_NE(head.find("HTTP/1.1 200"), std::string::npos) << head;
    EXPECT_NE(head.find("Transfer-Encoding: chunked\r\n"), std::string::npos) << head;
    EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
    EXPECT_NE(head.find("X-Content-Type-Options: nosniff"), std::string::npos) << head;
    auto unchunked = Unchunk(body);
    ASSERT_TRUE(unchunked) << "badly framed";
    EXPECT_TRUE(*unchunked == cli_json) << unchunked->size() << " bytes, the CLI " << cli_json.size();
  }
  auto [csv_head, csv_body] = whole("/api/v1/reports/items?format=csv");
  EXPECT_TRUE(Unchunk(csv_body) == cli_csv);
  // Gzipped on the way: one gzip member of the same bytes.
  auto [zip_head, zip_body] = whole("/api/v1/reports/items", "Accept-Encoding: gzip\r\n");
  EXPECT_NE(zip_head.find("Content-Encoding: gzip"), std::string::npos) << zip_head;
  auto zipped = Unchunk(zip_body);
  ASSERT_TRUE(zipped);
  WriteText(dir + "/items.json.gz", *zipped);
  auto gunzip = Shell("gzip -dc '" + dir + "/items.json.gz'");
  EXPECT_EQ(gunzip.exit_code, 0);
  EXPECT_TRUE(gunzip.out == cli_json) << gunzip.out.size();
  EXPECT_LT(zipped->size() * 3, cli_json.size());
  // A range is not served of it: the whole answer, without Accept-Ranges.
  auto [range_head, range_body] = whole("/api/v1/reports/items", "Range: bytes=0-99\r\n");
  EXPECT_NE(range_head.find("HTTP/1.1 200"), std::string::npos) << range_head;
  EXPECT_EQ(range_head.find("Accept-Ranges"), std::string::npos) << range_head;
  EXPECT_TRUE(Unchunk(range_body) == cli_json);
  // HEAD: the header alone. HTTP/1.0: the bytes, then the close.
  std::string head_only = Exchange(server.port, "HEAD /api/v1/reports/items HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(head_only.substr(head_only.find("\r\n\r\n") + 4), "");
  std::string old = Exchange(server.port, "GET /api/v1/reports/items HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.find("Transfer-Encoding"), std::string::npos);
  EXPECT_TRUE(old.substr(old.find("\r\n\r\n") + 4) == cli_json);
  // Kept alive: a second request on the connection after a streamed answer.
  auto answers = Exchange(server.port, "GET /api/v1/reports/items HTTP/1.1\r\nHost: x\r\n\r\n"
                                       "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(answers.rfind("\"status\":\"ok\""), std::string::npos);
  // Pages of it are cut from the same table.
  Answer page = Fetch(server.port, "/api/v1/reports/items?limit=2&offset=20000");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("\"offset\":20000,\"limit\":2}"), std::string::npos) << page.body;
  EXPECT_TRUE(StopServer(server));
}

}  // namespace
}  // namespace ramstein::testing
