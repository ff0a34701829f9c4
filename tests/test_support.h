// Helpers shared by the cross-module tests: temporary folders, running the
// `ramstein` binary, opening a ledger built from the bundled data.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "db/ledger_db.h"
#include "fx/fx_rates.h"

namespace ramstein::testing {

// A fresh, empty folder for this test, removed at the end of the process.
std::string TempDir(const std::string& name);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs the ramstein binary with `arguments` (shell-quoted by the caller) and,
// if given, `stdin_text` on standard input.
CommandResult Ramstein(const std::string& arguments, const std::string& stdin_text = "");
// Runs a shell command, capturing stdout.
CommandResult Shell(const std::string& command);

std::string SourceDir();
std::string RamsteinBinary();
std::string ReadText(const std::string& path);
// Writes `text` to `path` as it is (binary).
void WriteText(const std::string& path, const std::string& text);
// The sequence number of the newest event of a ledger (0 when empty), read
// with the sqlite3 shell.
std::uint64_t HeadSequence(const std::string& db_path);
// What a forger with the code does after editing a ledger's rows: every
// chain hash recomputed from the rows as they now are, the head rewritten
// to match, the -ack file removed. Plain `verify` then sees a ledger
// consistent with itself; only what it checks beyond the chain can object.
void Reforge(const std::string& db_path);
// SHA-256 hex of every file in `paths` that exists, concatenated.
std::string Fingerprint(const std::string& db_path);

// A `ramstein serve` process on a free loopback port, for the API tests.
struct ServerProcess {
  int pid = -1;
  int port = 0;
};
// Starts serving `db_path`; the port is read from the server's banner.
// `web_dir`: the dashboard folder to serve; empty: none (the API only).
ServerProcess StartServer(const std::string& db_path, const std::string& web_dir = "");
// A small dashboard folder for tests: index.html, assets/app-1234.js and a
// 6 KB assets/style-1234.css (large enough to be served gzipped).
std::string WriteTestDashboard(const std::string& dir);
// A TCP connection to 127.0.0.1:port whose reads time out after 10 s; -1
// when it cannot connect.
int ConnectLoopback(int port);
// Sends SIGTERM and waits; returns true when the server exited with 0.
bool StopServer(ServerProcess& server);  // false too when it took over 20 s (then killed)

// The ECB rates of data/fx, loaded once.
const FxRates& BundledRates();
// A ledger at `path` created from the bundled data via `ramstein init --bundled`.
std::unique_ptr<LedgerDb> OpenBundled(const std::string& path);
std::unique_ptr<LedgerDb> OpenLedger(const std::string& path);
// A ledger at `path` from the bundled data, then `ramstein import --format
// FORMAT FILES` (FILES shell-quoted by the caller); returns the import's result.
CommandResult InitAndImport(const std::string& path, const std::string& format, const std::string& files);

}  // namespace ramstein::testing
