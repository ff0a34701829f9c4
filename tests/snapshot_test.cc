// Snapshots of the model (db/ledger_snapshot.h): a ledger opened from one
// holds exactly the model a full replay builds, and a snapshot that is
// missing, stale, damaged or of a rewritten ledger is passed over for a
// full replay, never used.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "base/build_id.h"
#include "db/ledger_snapshot.h"
#include "io/jsonl_import.h"
#include "query/reports.h"
#include "render/table_format.h"
#include "store/sqlite/sqlite_event_store.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::unique_ptr<LedgerDb> Open(const std::string& path, OpenOptions options = {},
                               SqliteEventStore::Mode mode = SqliteEventStore::Mode::open_existing) {
  static SystemClock clock;
  auto store = SqliteEventStore::Open(path, mode);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return nullptr;
  auto db = LedgerDb::Open(std::move(store).value(), &BundledRates(), &clock, options);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

std::string ModelBytes(const Model& model) {
  std::string bytes;
  model.WriteSnapshot(&bytes);
  return bytes;
}

// The model a replay of every event builds.
std::string Replayed(const std::string& path) {
  OpenOptions options;
  options.use_snapshot = false;
  auto db = Open(path, options, SqliteEventStore::Mode::read_only);
  return db ? ModelBytes(db->model()) : "";
}

// The bundled data (corrections, claims, holds and resumptions, items said
// to be the same) and a synthetic ledger of 20,000 events on top.
std::string MakeLedger(const std::string& name) {
  std::string dir = TempDir(name);
  std::string path = dir + "/ledger.db";
  OpenBundled(path).reset();
  EXPECT_EQ(Ramstein("gen --measures 12000 --seed 3 --out '" + dir + "/g.jsonl'").exit_code, 0);
  EXPECT_EQ(Ramstein("--db '" + path + "' import '" + dir + "/g.jsonl'").exit_code, 0);
  return path;
}

SqliteEventStore& StoreOf(LedgerDb& db) { return static_cast<SqliteEventStore&>(db.store()); }

TEST(SnapshotTest, OpeningFromASnapshotBuildsTheModelAReplayBuilds) {
  std::string path = MakeLedger("snapshot-same");
  std::string replayed = Replayed(path);
  ASSERT_FALSE(replayed.empty());
  std::uint64_t head = 0;
  {
    auto db = Open(path);
    EXPECT_EQ(db->opened_from_snapshot(), 0u);  // none yet
    ASSERT_TRUE(db->WriteSnapshot().ok());
    head = db->head().sequence;
  }
  auto db = Open(path);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->opened_from_snapshot(), head);
  EXPECT_EQ(db->head().sequence, head);
  EXPECT_EQ(ModelBytes(db->model()), replayed);
  EXPECT_EQ(db->model().records().size(), head);
  // Every question answers the same: two that read records and columns.
  auto full = Open(path, OpenOptions{.use_snapshot = false});
  EXPECT_EQ(TableToJson(DonorsReport(db->model())), TableToJson(DonorsReport(full->model())));
  EXPECT_EQ(TableToJson(HoldsReport(db->model(), 20000)), TableToJson(HoldsReport(full->model(), 20000)));

  // Events after the snapshot are replayed on top of it, checked against
  // the chain from the snapshot's head.
  ASSERT_EQ(Ramstein("--db '" + path + "' add",
                     R"({"kind":"actor","id":"actor:test-after-snapshot","name":"Test","type":"organisation"})")
                .exit_code,
            0);
  db.reset();
  auto later = Open(path);
  EXPECT_EQ(later->opened_from_snapshot(), head);
  EXPECT_EQ(later->head().sequence, head + 1);
  EXPECT_NE(later->model().Find("actor:test-after-snapshot"), nullptr);
  EXPECT_EQ(ModelBytes(later->model()), Replayed(path));
}

TEST(SnapshotTest, ADamagedSnapshotIsPassedOverForTheOneBeforeIt) {
  std::string path = MakeLedger("snapshot-damaged");
  std::uint64_t first = 0, second = 0;
  {
    auto db = Open(path);
    ASSERT_TRUE(db->WriteSnapshot().ok());
    first = db->head().sequence;
    std::vector<Record> batch;
    batch.push_back(ActorRecord{});
    auto& actor = std::get<ActorRecord>(batch.back());
    actor.id = "actor:test-between";
    actor.name = "Between";
    actor.actor_kind = ActorKind::organisation;
    ASSERT_TRUE(db->Append(std::move(batch), "test").ok());
    ASSERT_TRUE(db->WriteSnapshot().ok());
    second = db->head().sequence;
    // One byte of the newest snapshot's model flipped, deep inside it.
    auto bytes = StoreOf(*db).ReadSnapshot(second);
    ASSERT_TRUE(bytes.ok());
    (*bytes)[bytes->size() / 2] ^= 0x20;
    ASSERT_TRUE(StoreOf(*db).WriteSnapshot(second, *bytes, snapshots_kept).ok());
    auto kept = StoreOf(*db).Snapshots();
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(*kept, (std::vector<std::uint64_t>{second, first}));
  }
  auto db = Open(path);
  EXPECT_EQ(db->opened_from_snapshot(), first);
  EXPECT_TRUE(db->snapshot_load().damaged);
  ASSERT_EQ(db->snapshot_load().passed_over.size(), 1u);
  EXPECT_NE(db->snapshot_load().passed_over[0].find("event " + std::to_string(second) +
                                                    " is damaged: its bytes do not match their digest"),
            std::string::npos)
      << db->snapshot_load().passed_over[0];
  EXPECT_EQ(db->head().sequence, second);
  EXPECT_EQ(ModelBytes(db->model()), Replayed(path));
  // The command line says so, and answers from the replay.
  auto result = Ramstein("--db '" + path + "' report donors --json");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("note: the snapshot at event " + std::to_string(second) + " is damaged"), std::string::npos)
      << result.err;
}

TEST(SnapshotTest, EveryKindOfBadSnapshotFallsBackToAFullReplay) {
  std::string path = MakeLedger("snapshot-kinds");
  std::string replayed = Replayed(path);
  std::uint64_t head = 0;
  std::string good;
  {
    auto db = Open(path);
    ASSERT_TRUE(db->WriteSnapshot().ok());
    head = db->head().sequence;
    good = *StoreOf(*db).ReadSnapshot(head);
  }
  auto info = ReadSnapshotInfo(good);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->sequence, head);
  EXPECT_EQ(info->build_id, BuildId());
  EXPECT_TRUE(info->digest_matches);

  struct Case {
    std::string name;
    std::string bytes;
    std::string why;
    bool damaged;
  };
  std::string cut = good.substr(0, good.size() - 100);
  std::string envelope = good;
  envelope[0] = 'X';
  // Another build: the build id's bytes replaced (same length).
  std::string other_build = good;
  std::size_t at = other_build.find(BuildId());
  ASSERT_NE(at, std::string::npos);
  other_build[at] = other_build[at] == '0' ? '1' : '0';
  std::string other_rates = good;
  other_rates[8 + 8 + 32] ^= 1;  // after magic, sequence and head
  std::vector<Case> cases = {
      {"cut short", cut, "is damaged: the snapshot holds", true},
      {"not a snapshot", envelope, "is damaged: not a Ramstein snapshot", true},
      {"another build", other_build, "was made by another build", false},
      {"other rates", other_rates, "was made with other exchange rates", false},
  };
  for (const Case& c : cases) {
    {
      auto db = Open(path, OpenOptions{.use_snapshot = false});
      ASSERT_TRUE(StoreOf(*db).WriteSnapshot(head, c.bytes, snapshots_kept).ok());
    }
    auto db = Open(path);
    EXPECT_EQ(db->opened_from_snapshot(), 0u) << c.name;
    EXPECT_EQ(db->snapshot_load().damaged, c.damaged) << c.name;
    ASSERT_EQ(db->snapshot_load().passed_over.size(), 1u) << c.name;
    EXPECT_NE(db->snapshot_load().passed_over[0].find(c.why), std::string::npos)
        << c.name << ": " << db->snapshot_load().passed_over[0];
    EXPECT_EQ(ModelBytes(db->model()), replayed) << c.name;
  }

  // Missing: the table gone (a ledger from before snapshots).
  ASSERT_EQ(Shell("sqlite3 '" + path + "' 'DROP TABLE snapshots;'").exit_code, 0);
  auto db = Open(path);
  EXPECT_EQ(db->opened_from_snapshot(), 0u);
  EXPECT_TRUE(db->snapshot_load().passed_over.empty());
  EXPECT_EQ(ModelBytes(db->model()), replayed);
}

TEST(SnapshotTest, ASnapshotOfARewrittenLedgerIsNotUsed) {
  std::string path = MakeLedger("snapshot-rewritten");
  std::uint64_t head = 0;
  {
    auto db = Open(path);
    ASSERT_TRUE(db->WriteSnapshot().ok());
    head = db->head().sequence;
  }
  // An event before the snapshot edited and the chain re-forged: the event
  // the snapshot stands at now has another chain hash.
  ASSERT_EQ(Shell("sqlite3 '" + path + "' \"UPDATE events SET author = 'someone else' WHERE sequence = 10;\"").exit_code, 0);
  Reforge(path);
  auto db = Open(path);
  EXPECT_EQ(db->opened_from_snapshot(), 0u);
  ASSERT_EQ(db->snapshot_load().passed_over.size(), 1u);
  EXPECT_NE(db->snapshot_load().passed_over[0].find("event " + std::to_string(head) +
                                                    " stands at an event the ledger no longer holds"),
            std::string::npos)
      << db->snapshot_load().passed_over[0];
  EXPECT_EQ(db->model().records()[9].author, "someone else");
}

TEST(SnapshotTest, ALargeAppendWritesASnapshot) {
  std::string dir = TempDir("snapshot-append");
  ASSERT_EQ(Ramstein("gen --measures 3000 --seed 4 --out '" + dir + "/g.jsonl'").exit_code, 0);
  ASSERT_EQ(Ramstein("--db '" + dir + "/ledger.db' init").exit_code, 0);
  OpenOptions options;
  options.snapshot_events_min = 1000;
  {
    auto db = Open(dir + "/ledger.db", options);
    auto result = ImportJsonLines(*db, {dir + "/g.jsonl"}, "test", ImportOptions{});
    ASSERT_TRUE(result.ok() && result->errors.empty());
    EXPECT_TRUE(result->appended.snapshot_written);
    EXPECT_EQ(db->snapshot_sequence(), db->head().sequence);
  }
  auto db = Open(dir + "/ledger.db");
  EXPECT_EQ(db->opened_from_snapshot(), db->head().sequence);
  // The default threshold writes none for a batch this small.
  std::string other = dir + "/other.db";
  ASSERT_EQ(Ramstein("--db '" + other + "' init").exit_code, 0);
  ASSERT_EQ(Ramstein("--db '" + other + "' import '" + dir + "/g.jsonl'").exit_code, 0);
  auto listed = Ramstein("--db '" + other + "' snapshot --list");
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("no snapshots"), std::string::npos) << listed.out;
}

TEST(SnapshotTest, TheSnapshotCommandWritesAndListsThem) {
  std::string path = TempDir("snapshot-cli") + "/ledger.db";
  OpenBundled(path).reset();
  std::uint64_t head = HeadSequence(path);
  auto written = Ramstein("--db '" + path + "' snapshot");
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_NE(written.out.find("snapshot at event " + std::to_string(head) + " written"), std::string::npos) << written.out;
  EXPECT_NE(written.out.find("replaying every event"), std::string::npos) << written.out;
  auto again = Ramstein("--db '" + path + "' snapshot");
  EXPECT_NE(again.out.find("from the snapshot at event " + std::to_string(head)), std::string::npos) << again.out;
  auto listed = Ramstein("--db '" + path + "' snapshot --list");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("event " + std::to_string(head) + ": "), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("used when opening (0 events after it are replayed)"), std::string::npos) << listed.out;
  // Reading from a snapshot changes no answer.
  OpenOptions full;
  full.use_snapshot = false;
  auto replayed = Open(path, full, SqliteEventStore::Mode::read_only);
  auto report = Ramstein("--db '" + path + "' report donors --json");
  EXPECT_EQ(report.out, TableToJson(DonorsReport(replayed->model())));
}

// A snapshot forged with a valid envelope (its digest recomputed) is what
// an opening trusts; `verify`, which replays every event, names it.
TEST(SnapshotTest, VerifyNamesASnapshotThatDoesNotHoldTheEventsModel) {
  std::string path = TempDir("snapshot-verify") + "/ledger.db";
  OpenBundled(path).reset();
  auto verified = Ramstein("--db '" + path + "' verify");
  EXPECT_EQ(verified.out.find("snapshot"), std::string::npos) << verified.out;  // none yet
  ASSERT_EQ(Ramstein("--db '" + path + "' snapshot").exit_code, 0);
  std::uint64_t head = HeadSequence(path);
  verified = Ramstein("--db '" + path + "' verify");
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("ok: the snapshot at event " + std::to_string(head) + " holds the model its events build"),
            std::string::npos)
      << verified.out;

  auto db = Open(path);
  std::string bytes = ModelBytes(db->model());
  std::mt19937_64 random(11);
  std::unique_ptr<Model> forged;
  for (int round = 0; round < 10000 && !forged; ++round) {
    std::string changed = bytes;
    changed[bytes.size() / 2 + random() % (bytes.size() / 2)] ^= 1;  // somewhere in the line table and states
    auto model = Model::ReadSnapshot(changed, &BundledRates(), 1);
    if (model.ok()) forged = std::move(model).value();
  }
  ASSERT_NE(forged, nullptr);
  // Written by this process (snapshots are keyed by the build that makes
  // them), so this process is the one that opens and verifies it.
  ASSERT_TRUE(StoreOf(*db).WriteSnapshot(head, EncodeSnapshot(*forged, db->head(), BundledRates()), snapshots_kept).ok());
  db.reset();
  auto opened = Open(path);
  EXPECT_EQ(opened->opened_from_snapshot(), head);  // an opening trusts a whole envelope
  EXPECT_NE(ModelBytes(opened->model()), bytes);
  auto summary = LedgerDb::VerifyStore(opened->store(), &BundledRates());
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.status().message().find("the snapshot at event " + std::to_string(head) +
                                            " does not hold the model its events build"),
            std::string::npos)
      << summary.status().message();
  // Written anew from a replay, it holds again.
  opened = Open(path, OpenOptions{.use_snapshot = false});
  ASSERT_TRUE(opened->WriteSnapshot().ok());
  summary = LedgerDb::VerifyStore(opened->store(), &BundledRates());
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->snapshot_checked, head);
}

// The reader of a model's bytes, past the digest: whatever the bytes, an
// error or a model, never a crash (the sanitizer build runs this too).
TEST(SnapshotTest, DamagedModelBytesAreAnErrorNeverACrash) {
  std::string path = TempDir("snapshot-fuzz") + "/ledger.db";
  auto db = OpenBundled(path);
  std::string bytes = ModelBytes(db->model());
  for (std::size_t size : {std::size_t{0}, std::size_t{7}, std::size_t{20}, bytes.size() / 3, bytes.size() - 1}) {
    auto model = Model::ReadSnapshot(bytes.substr(0, size), &BundledRates(), 2);
    EXPECT_FALSE(model.ok()) << size;
  }
  std::mt19937_64 random(7);
  int refused = 0;
  for (int round = 0; round < 300; ++round) {
    std::string damaged = bytes;
    for (int flips = 0; flips < 1 + round % 4; ++flips) damaged[random() % damaged.size()] ^= static_cast<char>(1 << (random() % 8));
    auto model = Model::ReadSnapshot(damaged, &BundledRates(), 2);
    if (!model.ok()) {
      ++refused;
      EXPECT_NE(model.status().message().find("the model snapshot is damaged"), std::string::npos);
      continue;
    }
    // A flip the checks cannot see (a figure, a letter of a name) leaves a
    // model every report can still read.
    TableToJson(DonorsReport(**model));
    TableToJson(HoldsReport(**model, 20000));
  }
  EXPECT_GT(refused, 0);
  auto whole = Model::ReadSnapshot(bytes, &BundledRates(), 2);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_EQ(ModelBytes(**whole), bytes);
}

}  // namespace
}  // namespace ramstein::testing
