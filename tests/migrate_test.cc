// Ledgers of format 1 (the whole event chained) beside format 2 (its
// header and a salted digest of its payload): a format-1 ledger opens,
// verifies and takes appends as before; `migrate` re-chains it as format 2
// in a new file, records the old head in an event of its own, and the old
// ledger's checkpoints still hold the new one to account.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "store/sqlite/sqlite_event_store.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string Quote(const std::string& text) { return "'" + text + "'"; }

std::vector<Event> ReadEvents(const std::string& path) {
  std::vector<Event> events;
  auto store = SqliteEventStore::Open(path, SqliteEventStore::Mode::read_only);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return events;
  EXPECT_TRUE((*store)->Scan(0, [&](const EventView& e) {
    events.push_back(Event::Of(e));
    return Status::Ok();
  }).ok());
  return events;
}

class MigrateScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    // The bundled ledger, re-encoded as format 1: what a ledger made before
    // format 2 holds.
    static const std::string pristine = [] {
      const std::string dir = TempDir("migrate-pristine");
      const std::string made = dir + "/made.db", old = dir + "/old.db";
      EXPECT_EQ(Ramstein("--db " + Quote(made) + " init --bundled").exit_code, 0);
      std::vector<Event> events = ReadEvents(made);
      Hash previous{};
      std::string scratch;
      for (Event& event : events) {
        event.format = EventFormat::v1;
        event.hash = ChainHash(previous, event.view(), scratch);
        previous = event.hash;
      }
      auto store = SqliteEventStore::Open(old, SqliteEventStore::Mode::create, EventFormat::v1);
      EXPECT_TRUE(store.ok());
      EXPECT_TRUE((*store)->Append(StoreHead{}, events).ok());
      std::filesystem::copy_file(made + ".key", old + ".key");
      return old;
    }();
    dir_ = TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    old_ = dir_ + "/old.db";
    for (const std::string suffix : {"", "-ack", ".key"}) std::filesystem::copy_file(pristine + suffix, old_ + suffix);
  }
  CommandResult Run(const std::string& db, const std::string& arguments, const std::string& input = "") {
    return Ramstein("--db " + Quote(db) + " " + arguments, input);
  }
  // Runs `sql` (from a file: it may hold any quote) on the ledger's file.
  std::string Sql(const std::string& db, const std::string& sql) {
    WriteText(dir_ + "/statement.sql", sql);
    auto result = Shell("sqlite3 " + Quote(db) + " < " + Quote(dir_ + "/statement.sql"));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }
  std::string Checkpoint(const std::string& db, const std::string& name) {
    auto result = Run(db, "checkpoint");
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const std::string path = dir_ + "/" + name + ".jsonl";
    WriteText(path, result.out);
    return path;
  }
  std::string dir_, old_;
};

TEST_F(MigrateScenario, AFormatOneLedgerOpensVerifiesAndTakesAppendsAsBefore) {
  EXPECT_EQ(Sql(old_, "SELECT value FROM meta WHERE key='format';"), "ramstein-ledger-1\n");
  auto verified = Run(old_, "verify");
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  auto donors = Run(old_, "report donors");
  EXPECT_EQ(donors.exit_code, 0) << donors.err;
  EXPECT_NE(donors.out.find("GBR"), std::string::npos) << donors.out;
  const std::uint64_t events = HeadSequence(old_);
  auto added = Run(old_, "add",
                   R"({"kind": "source", "id": "src:later", "title": "Later", "publisher": "A test", "sha256": ""})");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(HeadSequence(old_), events + 1);
  EXPECT_EQ(Sql(old_, "SELECT value FROM meta WHERE key='format';"), "ramstein-ledger-1\n");
  EXPECT_EQ(Run(old_, "verify").exit_code, 0);
  const std::string checkpoint = Checkpoint(old_, "old");
  auto held = Run(old_, "verify --checkpoint " + Quote(checkpoint));
  EXPECT_EQ(held.exit_code, 0) << held.err;
}

TEST_F(MigrateScenario, MigrateRechainsEveryEventAndOldCheckpointsStillHold) {
  const std::uint64_t events = HeadSequence(old_);
  const std::string before = Checkpoint(old_, "before");
  const std::string old_reports = Run(old_, "report donors").out + Run(old_, "report items").out;
  const std::string old_rows = Sql(old_, "SELECT sequence, time_ms, author, type, sources, payload FROM events;");
  const std::string old_files = Sql(old_, "SELECT count(*), sum(length(payload)) FROM events;");

  const std::string migrated = dir_ + "/new.db";
  auto result = Run(old_, "migrate --to " + Quote(migrated));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("migrated " + std::to_string(events) + " events"), std::string::npos) << result.out;
  EXPECT_EQ(Sql(migrated, "SELECT value FROM meta WHERE key='format';"), "ramstein-ledger-2\n");
  // The same events, one more at the end, and the old ledger untouched.
  EXPECT_EQ(HeadSequence(migrated), events + 1);
  EXPECT_EQ(Sql(migrated, "SELECT sequence, time_ms, author, type, sources, payload FROM events WHERE sequence <= " +
                              std::to_string(events) + ";"),
            old_rows);
  EXPECT_EQ(Sql(old_, "SELECT count(*), sum(length(payload)) FROM events;"), old_files);
  EXPECT_EQ(Sql(migrated, "SELECT count(DISTINCT salt), min(length(salt)) FROM events;"),
            std::to_string(events + 1) + "|16\n");
  const std::string record = Sql(migrated, "SELECT type, payload FROM events WHERE sequence = " +
                                               std::to_string(events + 1) + ";");
  EXPECT_EQ(record.substr(0, 3), "22|") << record;
  const std::string old_head = Sql(old_, "SELECT lower(hex(hash)) FROM events WHERE sequence = " +
                                             std::to_string(events) + ";");
  EXPECT_NE(record.find("\"head\":\"" + old_head.substr(0, 64) + "\""), std::string::npos) << record;
  EXPECT_NE(record.find("\"sequence\":" + std::to_string(events)), std::string::npos) << record;
  // Verified whole, the same reports, and the old checkpoint still holds.
  auto verified = Run(migrated, "verify");
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_EQ(Run(migrated, "report donors").out + Run(migrated, "report items").out, old_reports);
  const std::string after = Checkpoint(migrated, "after");
  auto held = Run(migrated, "verify --checkpoint " + Quote(before) + " " + Quote(after));
  EXPECT_EQ(held.exit_code, 0) << held.err;
  EXPECT_NE(held.out.find("(of the ledger before its migration): holds"), std::string::npos) << held.out;
  // Once is enough, and never over an existing file.
  auto again = Run(migrated, "migrate --to " + Quote(dir_ + "/again.db"));
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("already of format 2"), std::string::npos) << again.err;
  auto over = Run(old_, "migrate --to " + Quote(migrated));
  EXPECT_NE(over.exit_code, 0);
  EXPECT_NE(over.err.find("already exists"), std::string::npos) << over.err;
  EXPECT_EQ(HeadSequence(migrated), events + 1);
}

TEST_F(MigrateScenario, AMigrationRecordThatLiesOrIsImportedIsRefused) {
  const std::string migrated = dir_ + "/new.db";
  ASSERT_EQ(Run(old_, "migrate --to " + Quote(migrated)).exit_code, 0);
  const std::uint64_t last = HeadSequence(migrated);
  const std::string payload = Sql(migrated, "SELECT payload FROM events WHERE sequence = " + std::to_string(last) + ";");
  // Brought in by hand: refused, nothing written.
  std::string record = payload.substr(0, payload.size() - 1);
  record.insert(1, "\"kind\":\"migration\",");
  auto imported = Run(migrated, "add", record);
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("written only by `ramstein migrate`"), std::string::npos) << imported.err;
  EXPECT_EQ(HeadSequence(migrated), last);
  // A forger who changes the old head it states and re-hashes the chain
  // passes the chain check, not the recomputation.
  const std::size_t at = payload.find("\"head\":\"") + 8;
  std::string forged = payload.substr(0, payload.size() - 1);
  forged[at] = forged[at] == '0' ? '1' : '0';
  Sql(migrated, "UPDATE events SET payload = '" + forged + "' WHERE sequence = " + std::to_string(last) + ";");
  Reforge(migrated);
  auto verified = Run(migrated, "verify");
  EXPECT_EQ(verified.exit_code, 2);
  EXPECT_NE(verified.err.find("the migration record's ledger"), std::string::npos) << verified.err;
}

TEST_F(MigrateScenario, ADamagedLedgerIsNotMigratedAndNothingIsLeft) {
  Sql(old_, "UPDATE events SET author = 'mallory' WHERE sequence = 5;");
  const std::string migrated = dir_ + "/new.db";
  auto result = Run(old_, "migrate --to " + Quote(migrated));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("does not verify"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(migrated));
}

}  // namespace
}  // namespace ramstein::testing
