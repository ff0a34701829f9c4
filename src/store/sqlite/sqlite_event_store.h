// SqliteEventStore: the embedded EventStore, one SQLite database file.
//
// Schema (docs/formats/events.md): table events(sequence INTEGER PRIMARY KEY,
// time_ms, author, type, sources, payload TEXT, hash BLOB) and table
// meta(key, value) holding the format version and the head (sequence and
// hash of the last event). Opened in WAL mode with synchronous=FULL, so an
// acknowledged Append survives a crash or power loss.
#pragma once

#include <memory>
#include <string>

#include "store/event_store.h"

struct sqlite3;

namespace ramstein {

class SqliteEventStore final : public EventStore {
 public:
  enum class Mode { open_existing, create_if_missing, read_only };

  // Opens (or creates) the ledger at `path`. Errors: NotFound when the file
  // does not exist and mode is not create_if_missing; DataError when the file
  // is not a Ramstein ledger; IoError for SQLite failures.
  static Result<std::unique_ptr<SqliteEventStore>> Open(const std::string& path, Mode mode);
  ~SqliteEventStore() override;

  Status Append(const StoreHead& expected_head, std::span<const Event> events) override;
  Status AppendProduced(const StoreHead& expected_head, std::size_t count,
                        const EventProducer& event_at) override;
  Status Scan(std::uint64_t after, const std::function<Status(const EventView&)>& visit) override;
  Result<StoreHead> Head() override;

 private:
  explicit SqliteEventStore(sqlite3* db) : db_(db) {}
  Status Exec(const char* sql);
  Status Error(const char* what);
  sqlite3* db_;
};

}  // namespace ramstein
