#include "store/sqlite/sqlite_event_store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

namespace ramstein {
namespace {

std::string TempPath(const char* name) {
  auto dir =
      std::filesystem::temp_directory_path() / ("ramstein-store-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  std::filesystem::remove(path);
  return path.string();
}

std::vector<Event> Chain(std::uint64_t first, std::size_t count, Hash previous) {
  std::vector<Event> events;
  std::string scratch;
  for (std::size_t i = 0; i < count; ++i) {
    Event e;
    e.sequence = first + i;
    e.time_ms = 1000 + static_cast<std::int64_t>(i);
    e.author = "test";
    e.type = 2;
    e.payload = "{\"n\":" + std::to_string(e.sequence) + "}";
    e.hash = ChainHash(previous, e.view(), scratch);
    previous = e.hash;
    events.push_back(std::move(e));
  }
  return events;
}

void Touch(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr) << path;
  std::fclose(file);
}

// Creating a ledger removes the files a writer killed while creating it
// left beside it, and only those: not another running process's, not a
// file that merely starts with the same name.
TEST(SqliteEventStoreTest, CreatingRemovesWhatAKilledCreationLeft) {
  std::string path = TempPath("created.db");
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) ::_exit(0);
  ASSERT_EQ(::waitpid(child, nullptr, 0), child);  // a process that no longer runs
  const std::string dead = path + ".creating-" + std::to_string(child);
  const std::string alive = path + ".creating-" + std::to_string(::getppid());
  const std::vector<std::string> left = {dead, dead + "-journal", dead + "-wal", dead + "-shm"};
  const std::vector<std::string> kept = {alive, path + ".creating-" + std::to_string(child) + ".note",
                                         path + ".creating-", path + "x.creating-" + std::to_string(child)};
  for (const auto& file : left) Touch(file);
  for (const auto& file : kept) Touch(file);
  auto store = SqliteEventStore::Open(path, SqliteEventStore::Mode::create);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (const auto& file : left) EXPECT_FALSE(std::filesystem::exists(file)) << file;
  for (const auto& file : kept) EXPECT_TRUE(std::filesystem::exists(file)) << file;
}

TEST(SqliteEventStoreTest, AppendsScansAndReopens) {
  std::string path = TempPath("a.db");
  auto events = Chain(1, 3, Hash{});
  {
    auto store = SqliteEventStore::Open(path, SqliteEventStore::Mode::create);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Append(StoreHead{}, events).ok());
  }
  auto store = SqliteEventStore::Open(path, SqliteEventStore::Mode::open_existing);
  ASSERT_TRUE(store.ok());
  auto head = (*store)->Head();
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->sequence, 3u);
  EXPECT_EQ(head->hash, events.back().hash);
  std::vector<std::string> payloads;
  ASSERT_TRUE((*store)
                  ->Scan(1,
                         [&](const EventView& e) {
                           payloads.emplace_back(e.payload);
                           return Status::Ok();
                         })
                  .ok());
  EXPECT_EQ(payloads, (std::vector<std::string>{"{\"n\":2}", "{\"n\":3}"}));
}

TEST(SqliteEventStoreTest, RefusesAStaleHeadAndWritesNothing) {
  std::string path = TempPath("b.db");
  auto store = SqliteEventStore::Open(path, SqliteEventStore::Mode::create);
  ASSERT_TRUE(store.ok());
  auto first = Chain(1, 2, Hash{});
  ASSERT_TRUE((*store)->Append(StoreHead{}, first).ok());
  Status stale = (*store)->Append(StoreHead{}, Chain(1, 2, Hash{}));
  EXPECT_EQ(stale.code(), Status::Code::conflict);
  // A duplicate sequence inside a batch fails the whole batch.
  auto more = Chain(3, 2, first.back().hash);
  more[1].sequence = 3;
  EXPECT_FALSE((*store)->Append(StoreHead{2, first.back().hash}, more).ok());
  EXPECT_EQ((*store)->Head()->sequence, 2u);
  int count = 0;
  ASSERT_TRUE((*store)
                  ->Scan(0,
                         [&](const EventView&) {
                           ++count;
                           return Status::Ok();
                         })
                  .ok());
  EXPECT_EQ(count, 2);
}

TEST(SqliteEventStoreTest, RejectsFilesThatAreNotLedgers) {
  EXPECT_EQ(SqliteEventStore::Open(TempPath("missing.db"), SqliteEventStore::Mode::open_existing)
                .status()
                .code(),
            Status::Code::not_found);
  std::string path = TempPath("c.db");
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("this is not a database, just text that is long enough to matter..........", f);
  std::fclose(f);
  EXPECT_FALSE(SqliteEventStore::Open(path, SqliteEventStore::Mode::open_existing).ok());
}

}  // namespace
}  // namespace ramstein
