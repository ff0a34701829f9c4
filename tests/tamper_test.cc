// `ramstein verify` against a ledger edited behind its back with the sqlite3
// shell: one changed byte, a deleted row, reordered rows.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

class TamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static const std::string pristine = [] {
      std::string path = TempDir("tamper-pristine") + "/ledger.db";
      auto result = Ramstein("--db '" + path + "' init --bundled");
      EXPECT_EQ(result.exit_code, 0) << result.err;
      // Fold the WAL into the main file so a copy is the whole ledger.
      Shell("sqlite3 '" + path + "' 'PRAGMA wal_checkpoint(TRUNCATE);'");
      return path;
    }();
    path_ = TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "/ledger.db";
    std::filesystem::copy_file(pristine, path_);
  }
  CommandResult Sql(const std::string& sql) {
    return Shell("sqlite3 '" + path_ + "' \"" + sql + "\"");
  }
  CommandResult Verify() { return Ramstein("--db '" + path_ + "' verify"); }
  std::string path_;
};

TEST_F(TamperTest, AnUntouchedLedgerVerifies) {
  auto result = Verify();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::uint64_t events = HeadSequence(path_);
  EXPECT_GT(events, 1000u);  // the bundled catalogue, seed and Kiel Release 29 figures
  EXPECT_NE(result.out.find("ok: " + std::to_string(events) + " events verified"), std::string::npos) << result.out;
}

TEST_F(TamperTest, OneChangedByteIsNamed) {
  // 8400 -> 8500 in the hold's payload.
  auto id = Sql("SELECT sequence FROM events WHERE payload LIKE '%\\\"quantity\\\":8400%';");
  ASSERT_EQ(id.exit_code, 0) << id.err;
  std::string sequence = id.out.substr(0, id.out.find('\n'));
  ASSERT_FALSE(sequence.empty());
  ASSERT_EQ(Sql("UPDATE events SET payload = replace(payload, '\\\"quantity\\\":8400', "
                "'\\\"quantity\\\":8500') WHERE sequence = " +
                sequence + ";")
                .exit_code,
            0);
  auto result = Verify();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("event " + sequence + ": bytes do not match its hash"),
            std::string::npos)
      << result.err;
}

TEST_F(TamperTest, AChangedHashIsNamed) {
  ASSERT_EQ(Sql("UPDATE events SET hash = zeroblob(32) WHERE sequence = 100;").exit_code, 0);
  auto result = Verify();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("event 100: bytes do not match its hash"), std::string::npos)
      << result.err;
}

TEST_F(TamperTest, ADeletedRowIsNamed) {
  ASSERT_EQ(Sql("DELETE FROM events WHERE sequence = 42;").exit_code, 0);
  auto result = Verify();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("event 42 is missing"), std::string::npos) << result.err;
}

TEST_F(TamperTest, DeletingTheLastRowIsCaughtByTheHead) {
  std::uint64_t last = HeadSequence(path_);
  ASSERT_EQ(Sql("DELETE FROM events WHERE sequence = " + std::to_string(last) + ";").exit_code, 0);
  auto result = Verify();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("the chain ends at event " + std::to_string(last - 1)), std::string::npos) << result.err;
}

TEST_F(TamperTest, ReorderedRowsAreNamed) {
  // Swap the contents of events 10 and 11 (sequence numbers stay in place).
  ASSERT_EQ(Sql("UPDATE events SET sequence = -1 WHERE sequence = 10;"
                "UPDATE events SET sequence = 10 WHERE sequence = 11;"
                "UPDATE events SET sequence = 11 WHERE sequence = -1;")
                .exit_code,
            0);
  auto result = Verify();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("event 10"), std::string::npos) << result.err;
}

TEST_F(TamperTest, ARehashedForgeryIsStillCaughtDownstream) {
  // Whoever edits a payload and recomputes its hash breaks the next link.
  ASSERT_EQ(Sql("UPDATE events SET author = 'mallory' WHERE sequence = 5;").exit_code, 0);
  auto result = Verify();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("event 5:"), std::string::npos) << result.err;
}

TEST_F(TamperTest, ASourceWhoseHashIsNotItsTextsIsCaughtAfterTheChainIsReforged) {
  // Text and hash disagree only when something other than import wrote
  // the payload: the chain re-hashed over it hides nothing from verify.
  auto sequence = Sql("SELECT sequence FROM events WHERE type = 1 AND payload LIKE '%\\\"text\\\":%' LIMIT 1;");
  ASSERT_EQ(sequence.exit_code, 0);
  const std::string row = sequence.out.substr(0, sequence.out.find('\n'));
  ASSERT_FALSE(row.empty()) << "no source with text";
  ASSERT_EQ(Sql("UPDATE events SET payload = substr(payload, 1, instr(payload, '\\\"sha256\\\":\\\"') + 9) || "
                "'0000' || substr(payload, instr(payload, '\\\"sha256\\\":\\\"') + 14) WHERE sequence = " +
                row + ";")
                .exit_code,
            0);
  Reforge(path_);
  auto result = Verify();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("event " + row + ": the source's sha256 is not that of its text"), std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace ramstein::testing
