// SqliteEventStore: the embedded EventStore, one SQLite database file.
//
// Schema (docs/formats/events.md): table events(sequence INTEGER PRIMARY KEY,
// time_ms, author, type, sources, payload TEXT, [salt BLOB: format 2,]
// hash BLOB) and table meta(key, value) holding the format version and the
// head (sequence and hash of the last event). Format 1 ledgers open, verify
// and take appends as before; new ledgers are format 2. Opened in WAL mode with synchronous=FULL, so an
// acknowledged Append survives a crash or power loss.
//
// Beside the file, PATH-ack holds the head of the last append this store
// acknowledged (written and synced after the commit). Should the database
// later end before it (its write-ahead log deleted, the file restored from
// an older copy), Head() reports the loss instead of serving the older
// ledger as whole. A missing -ack file claims nothing.
//
// The full-text index (sqlite_search_index.h) lives in the same file and is
// written in the transaction of each append; so do the model's snapshots,
// each written in a transaction of its own.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/event_store.h"

struct sqlite3;

namespace ramstein {

class SqliteSearchIndex;

class SqliteEventStore final : public EventStore, public TextSearch {
 public:
  // create: a new ledger in a file that does not exist yet (only `init`),
  // made whole beside it and then linked under its name.
  // open_existing: a ledger that exists, to read and write; never creates
  // tables, so a file that is not a ledger stays untouched.
  // read_only: never writes; on read-only media or in a folder the user may
  // not write, the ledger is read as immutable (refused when a
  // write-ahead log with events lies beside it).
  enum class Mode { open_existing, create, read_only };

  // Opens the ledger at `path`. Errors: Conflict when creating over an
  // existing file; NotFound when the file does not exist and mode is not
  // create; Corruption when the file is empty (a truncated ledger is never
  // taken for a new one); DataError when it is not a Ramstein ledger;
  // IoError for SQLite failures.
  // `format` is the encoding of a ledger created; an existing one keeps its own.
  static Result<std::unique_ptr<SqliteEventStore>> Open(const std::string& path, Mode mode,
                                                        EventFormat format = EventFormat::v2);
  ~SqliteEventStore() override;

  Status Append(const StoreHead& expected_head, std::span<const Event> events) override;
  Status AppendProduced(const StoreHead& expected_head, std::size_t count,
                        const EventProducer& event_at) override;
  Status Scan(std::uint64_t after, const std::function<Status(const EventView&)>& visit) override;
  Result<StoreHead> Head() override;
  EventFormat format() const override { return format_; }
  TextSearch* text_search() override { return this; }
  std::unique_ptr<SearchWordReader> NewWordReader() override;
  // Snapshots live in table snapshots(sequence, part, bytes), in parts of
  // at most snapshot_part_bytes (a BLOB has a size limit); a ledger without
  // the table has none. WriteSnapshot refuses a read-only ledger.
  Status WriteSnapshot(std::uint64_t sequence, std::string_view bytes, std::size_t keep) override;
  Result<std::vector<std::uint64_t>> Snapshots() override;
  Result<std::string> ReadSnapshot(std::uint64_t sequence) override;
  static constexpr std::size_t snapshot_part_bytes = 64 << 20;
  // The ledger's full-text index (sqlite_search_index.h), one search at a time.
  Result<SearchPage> Search(const SearchTerms& terms, std::string_view kind, std::size_t limit,
                            std::size_t offset) override;
  Result<std::vector<std::string>> Ids(const SearchTerms& terms, std::string_view kind, std::size_t limit) override;

  // The files a ledger at `path` consists of: the database, its
  // write-ahead log and shared memory, and the acknowledged head.
  static std::vector<std::string> FilesOf(const std::string& path);

 private:
  SqliteEventStore(sqlite3* db, std::string path);
  // Open's work on one file (create: in place, not atomic).
  static Result<std::unique_ptr<SqliteEventStore>> OpenFile(const std::string& path, Mode mode,
                                                            EventFormat format);
  Status Exec(const char* sql);
  Status Error(const char* what);
  Status WriteAcknowledged(const StoreHead& head);
  bool HasSnapshotTable();
  sqlite3* db_;
  std::string path_;
  EventFormat format_ = EventFormat::v2;
  std::unique_ptr<SqliteSearchIndex> search_;
  std::mutex search_mutex_;
};

}  // namespace ramstein
