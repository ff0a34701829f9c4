#include "tests/test_support.h"

#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/clock.h"
#include "io/jsonl_import.h"
#include "ledger/record_codec.h"
#include "store/sqlite/sqlite_event_store.h"

namespace ramstein::testing {

std::string SourceDir() {
  return RAMSTEIN_SOURCE_DIR;
}
std::string RamsteinBinary() {
  return std::string(RAMSTEIN_BINARY_DIR) + "/src/app/ramstein";
}

std::string TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("ramstein-test-" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

CommandResult Shell(const std::string& command) {
  CommandResult result;
  std::string err_path = TempDir("shell-stderr") + "/err";
  FILE* pipe = ::popen((command + " 2>" + err_path).c_str(), "r");
  if (!pipe) return result;
  std::array<char, 65536> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = ReadText(err_path);
  return result;
}

CommandResult Ramstein(const std::string& arguments, const std::string& stdin_text) {
  // An empty settings file, so that one installed on the machine
  // (/etc/ramstein/ramstein.conf) never changes what a test runs.
  static const std::string no_settings = [] {
    std::string path = TempDir("settings") + "/empty.conf";
    std::ofstream(path, std::ios::binary).flush();
    return path;
  }();
  std::string command = "'" + RamsteinBinary() + "' --config '" + no_settings + "' --data-dir '" + SourceDir() +
                        "/data' " + arguments;
  if (!stdin_text.empty()) {
    std::string in_path = TempDir("stdin") + "/in";
    std::ofstream(in_path, std::ios::binary) << stdin_text;
    command += " <'" + in_path + "'";
  } else {
    command += " </dev/null";
  }
  return Shell(command);
}

std::string Fingerprint(const std::string& db_path) {
  std::string out;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::string path = db_path + suffix;
    if (!std::filesystem::exists(path)) continue;
    if (std::string(suffix) == "-shm") continue;  // the shared-memory index is not the ledger
    // An empty write-ahead log holds nothing; SQLite removes it on close.
    if (std::string(suffix) == "-wal" && std::filesystem::file_size(path) == 0) continue;
    out += std::string(suffix) + ":" + Sha256Hex(ReadText(path)) + " ";
  }
  return out;
}

ServerProcess StartServer(const std::string& db_path, const std::string& web_dir) {
  ServerProcess server;
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return server;
  server.pid = ::fork();
  if (server.pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::close(pipe_fds[0]);
    std::string binary = RamsteinBinary(), data = SourceDir() + "/data";
    std::string web = web_dir.empty() ? db_path + ".no-dashboard" : web_dir;
    ::execl(binary.c_str(), binary.c_str(), "--data-dir", data.c_str(), "--db", db_path.c_str(), "serve", "--listen",
            "127.0.0.1:0", "--web-dir", web.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  // The banner ends with the URL: "... at http://127.0.0.1:PORT/".
  std::string banner;
  char c;
  while (::read(pipe_fds[0], &c, 1) == 1 && c != '\n') banner.push_back(c);
  ::close(pipe_fds[0]);
  std::size_t colon = banner.rfind(':');
  if (colon != std::string::npos) server.port = std::atoi(banner.c_str() + colon + 1);
  return server;
}

std::string WriteTestDashboard(const std::string& dir) {
  std::filesystem::create_directories(dir + "/assets");
  std::ofstream(dir + "/index.html") << "<!doctype html><title>test dashboard</title>\n";
  std::ofstream(dir + "/assets/app-1234.js") << "console.log('test');\n";
  std::ofstream style(dir + "/assets/style-1234.css");
  for (int i = 0; i < 200; ++i) style << ".rule-" << i << " { color: #123456; }\n";
  return dir;
}

int ConnectLoopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

bool StopServer(ServerProcess& server) {
  if (server.pid <= 0) return false;
  ::kill(server.pid, SIGTERM);
  int status = 0;
  // A server that does not stop within 20 s fails the test instead of hanging it.
  bool exited = false;
  for (int waited_ms = 0; waited_ms < 20'000 && !exited; waited_ms += 10) {
    exited = ::waitpid(server.pid, &status, WNOHANG) == server.pid;
    if (!exited) ::usleep(10'000);
  }
  if (!exited) {
    ::kill(server.pid, SIGKILL);
    ::waitpid(server.pid, &status, 0);
  }
  server.pid = -1;
  return exited && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

const FxRates& BundledRates() {
  static const FxRates rates = [] {
    auto parsed = FxRates::ParseEcbCsv(ReadText(SourceDir() + "/data/fx/eurofxref-hist.csv"),
                                       "eurofxref-hist.csv");
    return parsed.ok() ? std::move(parsed).value() : FxRates();
  }();
  return rates;
}

std::unique_ptr<LedgerDb> OpenLedger(const std::string& path) {
  static SystemClock clock;
  auto store = SqliteEventStore::Open(path, std::filesystem::exists(path) ? SqliteEventStore::Mode::open_existing : SqliteEventStore::Mode::create);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return nullptr;
  auto db = LedgerDb::Open(std::move(store).value(), &BundledRates(), &clock);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

std::unique_ptr<LedgerDb> OpenBundled(const std::string& path) {
  std::filesystem::remove(path);
  auto result = Ramstein("--db '" + path + "' init --bundled");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return OpenLedger(path);
}

void Reforge(const std::string& db_path) {
  std::vector<Event> events;
  {
    auto store = SqliteEventStore::Open(db_path, SqliteEventStore::Mode::read_only);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->Scan(0, [&](const EventView& e) {
      events.push_back(Event::Of(e));
      return Status::Ok();
    }).ok());
  }
  Hash previous{};
  std::string scratch, sql = "BEGIN;";
  for (Event& event : events) {
    event.hash = ChainHash(previous, event.view(), scratch);
    previous = event.hash;
    sql += "UPDATE events SET hash = X'" + HashToHex(event.hash) + "' WHERE sequence = " +
           std::to_string(event.sequence) + ";";
  }
  unsigned char head[40] = {};
  const std::uint64_t last = events.empty() ? 0 : events.back().sequence;
  for (int i = 0; i < 8; ++i) head[i] = static_cast<unsigned char>((last >> (8 * i)) & 0xff);
  std::memcpy(head + 8, previous.data(), 32);
  sql += "UPDATE meta SET value = X'" + ToHex(head, 40) + "' WHERE key = 'head'; COMMIT;";
  const std::string file = db_path + ".reforge.sql";
  WriteText(file, sql);
  ASSERT_EQ(Shell("sqlite3 '" + db_path + "' < '" + file + "'").exit_code, 0);
  std::filesystem::remove(file);
  std::filesystem::remove(db_path + "-ack");
}

std::uint64_t HeadSequence(const std::string& db_path) {
  auto result = Shell("sqlite3 '" + db_path + "' 'SELECT coalesce(max(sequence), 0) FROM events;'");
  EXPECT_EQ(result.exit_code, 0);
  return std::strtoull(result.out.c_str(), nullptr, 10);
}

CommandResult InitAndImport(const std::string& path, const std::string& format, const std::string& files) {
  std::filesystem::remove(path);
  auto init = Ramstein("--db '" + path + "' init --bundled");
  EXPECT_EQ(init.exit_code, 0) << init.err;
  return Ramstein("--db '" + path + "' import --format " + format + " " + files);
}

}  // namespace ramstein::testing
