// Durability: a writer process is killed with SIGKILL at random moments
// (RAMSTEIN_CRASH_KILLS times, 20 by default); after each kill the ledger
// opens, verifies, and holds every batch the writer reported as committed.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <cstdlib>
#include <random>
#include <thread>

#include "store/sqlite/sqlite_event_store.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

struct WriterRun {
  std::vector<std::uint64_t> committed;
  bool killed = false;
};

// The batches reported in `output`: each "committed N" line that is whole.
std::vector<std::uint64_t> Committed(const std::string& output) {
  std::vector<std::uint64_t> batches;
  std::size_t position = 0;
  while ((position = output.find("committed ", position)) != std::string::npos) {
    std::size_t end = output.find('\n', position);
    if (end == std::string::npos) break;  // a torn last line: not reported
    batches.push_back(std::stoull(output.substr(position + 10, end - position - 10)));
    position = end;
  }
  return batches;
}

// Reads what `fd` holds until `deadline`, or (with `until_committed`) until
// a first batch is reported.
void ReadUntil(int fd, std::string& output, std::chrono::steady_clock::time_point deadline, bool until_committed) {
  char buffer[4096];
  while (!(until_committed && !Committed(output).empty())) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return;
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) continue;
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) return;
    output.append(buffer, static_cast<std::size_t>(n));
  }
}

// Starts the writer and kills it with SIGKILL `run_ms` after it started or,
// with `after_first_batch`, after it reported its first batch (so that a
// slow machine still kills it mid-write); returns the batches it reported
// before dying.
WriterRun RunAndKill(const std::string& ledger, int run_ms, bool after_first_batch) {
  WriterRun run;
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return run;
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    std::string writer = std::string(RAMSTEIN_BINARY_DIR) + "/tests/crash_writer";
    ::execl(writer.c_str(), writer.c_str(), ledger.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  std::string output;
  auto now = std::chrono::steady_clock::now;
  if (after_first_batch) ReadUntil(pipe_fds[0], output, now() + std::chrono::seconds(60), true);
  ReadUntil(pipe_fds[0], output, now() + std::chrono::milliseconds(run_ms), false);
  run.killed = ::kill(pid, SIGKILL) == 0;
  int status = 0;
  ::waitpid(pid, &status, 0);
  // Whatever else the writer printed before it died.
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) output.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  run.committed = Committed(output);
  return run;
}

TEST(CrashTest, EveryReportedBatchSurvivesSigkill) {
  int kills = 20;
  if (const char* env = std::getenv("RAMSTEIN_CRASH_KILLS")) kills = std::max(1, std::atoi(env));
  std::string ledger = TempDir("crash") + "/ledger.db";
  std::mt19937 random(20250711);  // fixed seed: a failure replays
  std::vector<std::uint64_t> all_committed;
  for (int round = 0; round < kills; ++round) {
    int run_ms = std::uniform_int_distribution<int>(30, 250)(random);
    // Every other kill lands at a moment counted from the writer's start
    // (opening the ledger included), the others once it is writing.
    WriterRun run = RunAndKill(ledger, run_ms, round % 2 == 1);
    ASSERT_TRUE(run.killed) << "round " << round;
    all_committed.insert(all_committed.end(), run.committed.begin(), run.committed.end());
    auto db = OpenLedger(ledger);
    ASSERT_NE(db, nullptr) << "round " << round;
    auto verified = db->Verify();
    ASSERT_TRUE(verified.ok()) << "round " << round << ": " << verified.status().ToString();
    for (std::uint64_t batch : all_committed) {
      ASSERT_NE(db->model().Find("crash:" + std::to_string(batch) + ":99"), nullptr)
          << "round " << round << ": batch " << batch << " was reported committed but is missing";
    }
    // No batch is half there: the event count is a whole number of batches.
    EXPECT_EQ(verified->events % 100, 0u) << "round " << round;
  }
  // Each kill after a first batch follows at least one reported batch.
  EXPECT_GE(all_committed.size(), static_cast<std::size_t>(kills / 2)) << "the writer hardly ran";
}

// Files a writer killed while creating its ledger left beside it
// (ledger.db.creating-PID and its -journal, -wal and -shm).
int LeftBehind(const std::string& folder) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    count += entry.path().filename().string().rfind("ledger.db.creating-", 0) == 0;
  }
  return count;
}

// A writer killed while it creates its ledger leaves no ledger, or a whole
// one: never an empty or half-made file that every later command refuses;
// the next creation removes what it left beside it.
TEST(CrashTest, ALedgerKilledWhileBeingCreatedIsThereWholeOrNotAtAll) {
  std::string folder = TempDir("crash-create");
  std::string ledger = folder + "/ledger.db";
  int whole = 0, absent = 0, leftovers = 0;
  // Every 3 ms over the first 60, then more coarsely until the ledger has
  // been made whole a few times (a sanitized build creates it more slowly).
  for (int run_ms = 0; whole < 5 && run_ms <= 3000; run_ms += run_ms < 60 ? 3 : 25) {
    WriterRun run = RunAndKill(ledger, run_ms, false);
    ASSERT_TRUE(run.killed) << run_ms << " ms";
    if (std::filesystem::exists(ledger)) {
      auto store = SqliteEventStore::Open(ledger, SqliteEventStore::Mode::open_existing);
      ASSERT_TRUE(store.ok()) << "killed after " << run_ms << " ms: " << store.status().ToString();
      ++whole;
    } else {
      ++absent;
      // The next creation makes the ledger and removes what the killed
      // writer left beside it.
      leftovers += LeftBehind(folder);
      auto created = SqliteEventStore::Open(ledger, SqliteEventStore::Mode::create);
      ASSERT_TRUE(created.ok()) << "after a kill at " << run_ms << " ms: " << created.status().ToString();
      EXPECT_EQ(LeftBehind(folder), 0) << "after a kill at " << run_ms << " ms";
    }
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
  }
  std::printf("killed while creating: %d left no ledger, %d a whole one; %d files left beside it removed\n", absent,
              whole, leftovers);
  EXPECT_GT(whole, 0);
}

}  // namespace
}  // namespace ramstein::testing
