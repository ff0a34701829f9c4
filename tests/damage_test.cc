// A ledger damaged by a bad disk or a careless hand: emptied, cut short, one
// bit flipped in the file, events swapped, values stored in the wrong
// SQLite storage class. No command may crash or take the damage for a new
// ledger: each exits 2 naming what is wrong, and writes nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

class DamageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static const std::string pristine = [] {
      std::string path = TempDir("damage-pristine") + "/ledger.db";
      auto result = Ramstein("--db '" + path + "' init --bundled");
      EXPECT_EQ(result.exit_code, 0) << result.err;
      Shell("sqlite3 '" + path + "' 'PRAGMA wal_checkpoint(TRUNCATE);'");
      return path;
    }();
    dir_ = TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    path_ = dir_ + "/ledger.db";
    std::filesystem::copy_file(pristine, path_);
    more_ = dir_ + "/more.jsonl";
    WriteText(more_, R"({"kind":"actor","id":"XDM","name":"Damage test","actor_type":"state"})"
                     "\n");
  }
  CommandResult Sql(const std::string& sql) { return Shell("sqlite3 '" + path_ + "' \"" + sql + "\""); }
  // Bounded in time: a server that opened a damaged ledger would not stop.
  CommandResult Run(const std::string& arguments, const std::string& as = "") {
    return Shell(as + "timeout 30 '" + RamsteinBinary() + "' --data-dir '" + SourceDir() + "/data' --db '" +
                 path_ + "' " + arguments + " </dev/null");
  }
  // Every command that reads the ledger, as a user would run them.
  void ExpectEveryCommandRefuses(const std::string& expected) {
    for (const std::string& command : std::vector<std::string>{"verify", "report donors", "report items", "log", "show forum:udcg",
                                      "export --format jsonl --out '" + dir_ + "/out.jsonl'",
                                      "import '" + more_ + "'", "serve --listen 127.0.0.1:0"}) {
      auto result = Run(command);
      EXPECT_EQ(result.exit_code, 2) << command << ": " << result.err;
      EXPECT_NE(result.err.find(expected), std::string::npos) << command << ": " << result.err;
    }
  }
  std::string dir_, path_, more_;
};

TEST_F(DamageTest, AnEmptiedLedgerIsNeverTakenForANewOne) {
  std::filesystem::resize_file(path_, 0);
  std::filesystem::remove(path_ + "-wal");
  ExpectEveryCommandRefuses("is empty: it is not a ledger");
  EXPECT_EQ(std::filesystem::file_size(path_), 0u);  // nothing was written into it
  // Only init creates, and only in a new file unless told.
  auto init = Run("init");
  EXPECT_NE(init.exit_code, 0);
  EXPECT_NE(init.err.find("already exists"), std::string::npos) << init.err;
  EXPECT_EQ(Run("init --replace").exit_code, 0);
  EXPECT_EQ(Run("verify").exit_code, 0);
}

TEST_F(DamageTest, AFileThatIsNotALedgerIsLeftAsItIs) {
  std::string sqlite_file = dir_ + "/other.db";
  Shell("sqlite3 '" + sqlite_file + "' 'CREATE TABLE t(x); INSERT INTO t VALUES(1);'");
  std::string before = Fingerprint(sqlite_file);
  auto result = Ramstein("--db '" + sqlite_file + "' import '" + more_ + "'");
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("is not a Ramstein ledger"), std::string::npos) << result.err;
  EXPECT_EQ(Fingerprint(sqlite_file), before);
}

TEST_F(DamageTest, AWriteRefusesALedgerWhoseHeadIsNotItsLastEvent) {
  std::uint64_t last = HeadSequence(path_);
  ASSERT_EQ(Sql("DELETE FROM events WHERE sequence = " + std::to_string(last) + ";").exit_code, 0);
  auto result = Run("import '" + more_ + "'");
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("the chain ends at event " + std::to_string(last - 1) +
                            " but the ledger's head records event " + std::to_string(last)),
            std::string::npos)
      << result.err;
  EXPECT_EQ(HeadSequence(path_), last - 1);  // nothing appended on top
}

TEST_F(DamageTest, AFileCutShortIsRefused) {
  auto size = std::filesystem::file_size(path_);
  std::filesystem::resize_file(path_, size - 20000);
  for (const std::string& command : std::vector<std::string>{"verify", "report donors", "import '" + more_ + "'"}) {
    auto result = Run(command);
    EXPECT_EQ(result.exit_code, 2) << command << ": " << result.err;
  }
  EXPECT_EQ(std::filesystem::file_size(path_), size - 20000);
}

TEST_F(DamageTest, OneFlippedBitInTheFileIsNamedByEveryCommand) {
  std::string bytes = ReadText(path_);
  // In the event's payload (the search index beside it holds the id too).
  std::size_t at = bytes.find("\"id\":\"item:demolition-munitions\"");
  ASSERT_NE(at, std::string::npos);
  bytes[at + 6 + 18] ^= 0x08;  // munitions -> mufitions
  WriteText(path_, bytes);
  auto sequence = Sql("SELECT sequence FROM events WHERE payload LIKE '%demolition-mufitions%' LIMIT 1;");
  std::string event = sequence.out.substr(0, sequence.out.find('\n'));
  ASSERT_FALSE(event.empty());
  ExpectEveryCommandRefuses("event " + event + ": bytes do not match its hash");
}

TEST_F(DamageTest, SwappedEventsAreNamedByEveryCommand) {
  std::uint64_t last = HeadSequence(path_);
  std::string a = "10", b = std::to_string(last - 10);
  ASSERT_EQ(Sql("CREATE TEMP TABLE s AS SELECT * FROM events WHERE sequence IN (" + a + "," + b + ");"
                "UPDATE events SET time_ms=(SELECT time_ms FROM s WHERE sequence=" + b + "), "
                "author=(SELECT author FROM s WHERE sequence=" + b + "), type=(SELECT type FROM s WHERE sequence=" + b +
                "), sources=(SELECT sources FROM s WHERE sequence=" + b + "), payload=(SELECT payload FROM s WHERE "
                "sequence=" + b + "), hash=(SELECT hash FROM s WHERE sequence=" + b + ") WHERE sequence=" + a + ";"
                "UPDATE events SET time_ms=(SELECT time_ms FROM s WHERE sequence=" + a + "), "
                "author=(SELECT author FROM s WHERE sequence=" + a + "), type=(SELECT type FROM s WHERE sequence=" + a +
                "), sources=(SELECT sources FROM s WHERE sequence=" + a + "), payload=(SELECT payload FROM s WHERE "
                "sequence=" + a + "), hash=(SELECT hash FROM s WHERE sequence=" + a + ") WHERE sequence=" + b + ";")
                .exit_code,
            0);
  ExpectEveryCommandRefuses("event 10:");
}

TEST_F(DamageTest, StorageClassesArePartOfTheFormat) {
  ASSERT_EQ(Sql("UPDATE events SET payload = CAST(payload AS BLOB) WHERE sequence = 7;").exit_code, 0);
  ExpectEveryCommandRefuses("event 7: column 'payload' is not stored as TEXT");
}

TEST_F(DamageTest, AHeadStoredAsTextIsRefused) {
  ASSERT_EQ(Sql("UPDATE meta SET value = CAST(value AS TEXT) WHERE key = 'head';").exit_code, 0);
  ExpectEveryCommandRefuses("head record is malformed");
}

TEST_F(DamageTest, AnAuthorThatIsNotUtf8IsRefusedAtTheDoor) {
  auto result = Run("--author \"$(printf '\\377\\376')\" import '" + more_ + "'");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("--author"), std::string::npos) << result.err;
  EXPECT_EQ(Run("verify").exit_code, 0);
}

TEST_F(DamageTest, AReadOnlyLedgerCanBeRead) {
  std::string donors = Run("report donors").out;
  ASSERT_FALSE(donors.empty());
  std::string folder = dir_ + "/read-only";
  std::filesystem::create_directory(folder);
  std::filesystem::copy_file(path_, folder + "/ledger.db");
  path_ = folder + "/ledger.db";
  ::chmod(path_.c_str(), 0444);
  ::chmod(folder.c_str(), 0555);
  // Root may write anywhere: read as another user where the test runs as root.
  std::string as = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  for (const std::string command : {"verify", "report donors", "export --format jsonl"}) {
    auto result = Run(command, as);
    EXPECT_EQ(result.exit_code, 0) << command << ": " << result.err;
    if (command == "report donors") {
      EXPECT_EQ(result.out, donors);
    }
  }
  EXPECT_FALSE(std::filesystem::exists(path_ + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(path_ + "-shm"));
  // Writing is refused with the reason, not attempted.
  auto write = Run("import '" + more_ + "'", as);
  EXPECT_EQ(write.exit_code, 2) << write.err;
  ::chmod(folder.c_str(), 0755);
}

}  // namespace
}  // namespace ramstein::testing
