// An append whose store fails part-way: the records are applied to the
// model while the store writes them (db/model_applier.h), so a store that
// fails after taking some of the batch must leave the ledger's model
// exactly as the store holds it — built again from the store, never
// showing records that were not written — and the next append must work.
// A store that refuses the batch before its first event (another writer
// went first) leaves the model untouched, not rebuilt.
#include <gtest/gtest.h>

#include "io/jsonl_import.h"
#include "store/sqlite/sqlite_event_store.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

// A SQLite store that can be told to hand the real store an event out of
// sequence once it has written `fail_at` events of a batch: SQLite rolls the
// transaction back and the store answers InvalidArgument.
class FailingStore : public EventStore {
 public:
  explicit FailingStore(std::unique_ptr<SqliteEventStore> inner) : inner_(std::move(inner)) {}

  std::size_t fail_at = SIZE_MAX;
  std::size_t asked = 0;  // events the store asked for in the last append

  Status Append(const StoreHead& expected_head, std::span<const Event> events) override {
    return inner_->Append(expected_head, events);
  }
  Status AppendProduced(const StoreHead& expected_head, std::size_t count, const EventProducer& event_at) override {
    asked = 0;
    return inner_->AppendProduced(expected_head, count, [&](std::size_t i) -> const Event& {
      ++asked;
      const Event& event = event_at(i);
      if (i < fail_at) return event;
      broken_ = event;
      broken_.sequence += 1000;  // out of sequence
      return broken_;
    });
  }
  Status Scan(std::uint64_t after, const std::function<Status(const EventView&)>& visit) override {
    return inner_->Scan(after, visit);
  }
  Result<StoreHead> Head() override { return inner_->Head(); }
  EventFormat format() const override { return inner_->format(); }
  TextSearch* text_search() override { return inner_->text_search(); }
  Status WriteSnapshot(std::uint64_t sequence, std::string_view bytes, std::size_t keep) override {
    return inner_->WriteSnapshot(sequence, bytes, keep);
  }
  Result<std::vector<std::uint64_t>> Snapshots() override { return inner_->Snapshots(); }
  Result<std::string> ReadSnapshot(std::uint64_t sequence) override { return inner_->ReadSnapshot(sequence); }

 private:
  std::unique_ptr<SqliteEventStore> inner_;
  Event broken_;
};

std::string ModelBytes(const Model& model) {
  std::string bytes;
  model.WriteSnapshot(&bytes);
  return bytes;
}

struct Opened {
  std::unique_ptr<LedgerDb> db;
  FailingStore* store = nullptr;
};

Opened OpenFailing(const std::string& path) {
  static SystemClock clock;
  auto inner = SqliteEventStore::Open(path, SqliteEventStore::Mode::open_existing);
  EXPECT_TRUE(inner.ok()) << inner.status().ToString();
  auto store = std::make_unique<FailingStore>(std::move(inner).value());
  FailingStore* raw = store.get();
  auto db = LedgerDb::Open(std::move(store), &BundledRates(), &clock);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return {std::move(db).value(), raw};
}

// Models compared by their bytes, without printing them when they differ.
::testing::AssertionResult Same(const std::string& model, const std::string& expected) {
  if (model == expected) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "the model (" << model.size() << " bytes) is not the one expected ("
                                       << expected.size() << " bytes)";
}

// The model a replay of every stored event builds.
std::string Replayed(const std::string& path) {
  static SystemClock clock;
  auto store = SqliteEventStore::Open(path, SqliteEventStore::Mode::read_only);
  EXPECT_TRUE(store.ok());
  auto db = LedgerDb::Open(std::move(store).value(), &BundledRates(), &clock, OpenOptions{.use_snapshot = false});
  EXPECT_TRUE(db.ok());
  return ModelBytes(db.value()->model());
}

struct Fixture {
  std::string path, batch;
};

// The bundled ledger and a synthetic batch of about 10,000 records (10
// chunks of the encoder's, so the store fails with many records applied).
Fixture MakeFixture(const std::string& name) {
  std::string dir = TempDir(name);
  Fixture fixture{dir + "/ledger.db", dir + "/batch.jsonl"};
  OpenBundled(fixture.path).reset();
  EXPECT_EQ(Ramstein("gen --measures 5000 --seed 7 --out '" + fixture.batch + "'").exit_code, 0);
  return fixture;
}

TEST(AppendFailureTest, AStoreFailingPartWayLeavesTheModelAsTheStoreHoldsIt) {
  Fixture fixture = MakeFixture("append-fails-part-way");
  const std::string before = Replayed(fixture.path);
  const std::uint64_t head_before = HeadSequence(fixture.path);
  Opened opened = OpenFailing(fixture.path);
  ASSERT_TRUE(Same(ModelBytes(opened.db->model()), before));

  opened.store->fail_at = 6000;
  auto failed = ImportJsonLines(*opened.db, {fixture.batch}, "test", {});
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("out of sequence"), std::string::npos) << failed.status().ToString();
  EXPECT_GT(opened.store->asked, 6000u);  // the store had taken thousands of the batch's events
  EXPECT_EQ(HeadSequence(fixture.path), head_before);  // nothing was written
  EXPECT_EQ(opened.db->head().sequence, head_before);
  EXPECT_TRUE(Same(ModelBytes(opened.db->model()), before));  // and the model shows none of it

  // The same ledger object takes the batch once the store works.
  opened.store->fail_at = SIZE_MAX;
  auto imported = ImportJsonLines(*opened.db, {fixture.batch}, "test", {});
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ASSERT_TRUE(imported->errors.empty()) << imported->errors.front();
  EXPECT_GT(imported->records, 10000u);
  EXPECT_EQ(opened.db->head().sequence, head_before + imported->records);
  EXPECT_TRUE(Same(ModelBytes(opened.db->model()), Replayed(fixture.path)));
}

TEST(AppendFailureTest, AStoreFailingAtItsFirstEventLeavesTheModelAsItWas) {
  Fixture fixture = MakeFixture("append-fails-first");
  Opened opened = OpenFailing(fixture.path);
  const std::string before = ModelBytes(opened.db->model());
  opened.store->fail_at = 0;
  auto failed = ImportJsonLines(*opened.db, {fixture.batch}, "test", {});
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(Same(ModelBytes(opened.db->model()), before));
  EXPECT_TRUE(Same(ModelBytes(opened.db->model()), Replayed(fixture.path)));
}

TEST(AppendFailureTest, AnotherWriterFirstIsAConflictThatLeavesTheModelUntouched) {
  Fixture fixture = MakeFixture("append-conflict");
  Opened opened = OpenFailing(fixture.path);
  const std::string before = ModelBytes(opened.db->model());
  const Model* model_before = &opened.db->model();
  // Another process appends one record behind this ledger object's back.
  ASSERT_EQ(Ramstein("--db '" + fixture.path + "' add",
                     R"({"kind":"actor","id":"test:other-writer","name":"Other writer","type":"country"})")
                .exit_code,
            0);
  auto failed = ImportJsonLines(*opened.db, {fixture.batch}, "test", {});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), Status::Code::conflict) << failed.status().ToString();
  EXPECT_EQ(opened.store->asked, 0u);
  // Untouched: the same model object, not one built again.
  EXPECT_EQ(&opened.db->model(), model_before);
  EXPECT_TRUE(Same(ModelBytes(opened.db->model()), before));
}

}  // namespace
}  // namespace ramstein::testing
