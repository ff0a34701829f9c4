#include "store/sqlite/sqlite_event_store.h"

#include "store/sqlite/sqlite_search_index.h"
#include "store/sqlite/sqlite_statement.h"

#include <sqlite3.h>
#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fcntl.h>

namespace ramstein {

namespace {

// meta('format') of each EventFormat.
constexpr std::string_view kFormatNames[] = {"ramstein-ledger-1", "ramstein-ledger-2"};

std::string_view FormatName(EventFormat format) { return kFormatNames[static_cast<int>(format) - 1]; }

std::string Schema(EventFormat format) {
  return std::string(R"sql(
CREATE TABLE IF NOT EXISTS events(
  sequence INTEGER PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  author TEXT NOT NULL,
  type INTEGER NOT NULL,
  sources TEXT NOT NULL,
  payload TEXT NOT NULL,)sql") +
         (format == EventFormat::v2 ? "\n  salt BLOB NOT NULL," : "") + R"sql(
  hash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
)sql";
}

bool ColumnHash(sqlite3_stmt* stmt, int column, Hash* hash) {
  const void* blob = sqlite3_column_blob(stmt, column);
  if (sqlite3_column_bytes(stmt, column) != static_cast<int>(hash->size()) || !blob) return false;
  std::memcpy(hash->data(), blob, hash->size());
  return true;
}

}  // namespace

namespace {

bool FileSize(const std::string& path, off_t* size) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return false;
  *size = info.st_size;
  return true;
}

std::string FolderOf(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

// "file:" URI of a path (for immutable=1), escaping what a URI may not hold.
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

// Removes what writers killed while creating the ledger `path` left beside
// it: PATH.creating-PID (and its -journal, -wal and -shm) of a process that no longer
// runs. A live process's file, or one whose PID was reused, is left alone.
void RemoveAbandonedCreations(const std::string& path) {
  const std::string folder = FolderOf(path);
  const std::string prefix = std::filesystem::path(path).filename().string() + ".creating-";
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return;
  std::vector<std::string> abandoned;
  while (const dirent* entry = ::readdir(dir)) {
    std::string_view name = entry->d_name;
    if (name.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = name.substr(prefix.size());
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 10 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    std::string_view suffix = rest.substr(digits);
    if (digits == 0 || (!suffix.empty() && suffix != "-journal" && suffix != "-wal" && suffix != "-shm")) continue;
    const long pid = std::strtol(std::string(rest.substr(0, digits)).c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid() || pid > INT32_MAX) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // running, or not ours to ask
    abandoned.push_back(folder + "/" + std::string(name));
  }
  ::closedir(dir);
  for (const std::string& file : abandoned) ::unlink(file.c_str());
}

// Flushes a file (or a folder's entries) to the disk.
bool Synced(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  bool ok = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  return ok;
}

}  // namespace

Result<std::unique_ptr<SqliteEventStore>> SqliteEventStore::Open(const std::string& path, Mode mode,
                                                                  EventFormat format) {
  if (mode != Mode::create) return OpenFile(path, mode, format);
  // A ledger appears whole or not at all: made in a file of its own beside
  // it, closed (its write-ahead log folded in), synced, and only then
  // linked under its name, so that a crash while creating leaves no empty
  // or half-made ledger that every later command would refuse.
  off_t size = 0;
  if (FileSize(path, &size)) {
    return Status::Conflict("'" + path + "' already exists; a ledger is created only in a new file");
  }
  RemoveAbandonedCreations(path);
  const std::string made = path + ".creating-" + std::to_string(::getpid());
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((made + suffix).c_str());
  {
    auto created = OpenFile(made, Mode::create, format);
    if (!created.ok()) {
      for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((made + suffix).c_str());
      return created.status();
    }
  }  // closed
  const bool synced = Synced(made, O_RDONLY);
  if (!synced || ::link(made.c_str(), path.c_str()) != 0) {
    const int error = synced ? errno : EIO;
    ::unlink(made.c_str());
    if (error == EEXIST) {
      return Status::Conflict("'" + path + "' already exists; a ledger is created only in a new file");
    }
    return Status::IoError("cannot create '" + path + "': " + std::strerror(error));
  }
  ::unlink(made.c_str());
  Synced(FolderOf(path), O_RDONLY | O_DIRECTORY);
  return OpenFile(path, Mode::open_existing, format);
}

Result<std::unique_ptr<SqliteEventStore>> SqliteEventStore::OpenFile(const std::string& path, Mode mode,
                                                                      EventFormat format) {
  off_t size = 0;
  bool exists = FileSize(path, &size);
  if (mode == Mode::create && exists) {
    return Status::Conflict("'" + path + "' already exists; a ledger is created only in a new file");
  }
  if (!exists && mode != Mode::create) {
    return Status::NotFound("no ledger at '" + path + "' (run `ramstein init` first)");
  }
  // An existing file is never made into a ledger here, also when it is
  // empty: an emptied ledger must not pass for a new one.
  if (exists && size == 0) {
    return Status::Corruption("'" + path + "' is empty: it is not a ledger (was it truncated?); " +
                              "`ramstein init` creates a ledger in a new file");
  }
  int flags = mode == Mode::read_only ? SQLITE_OPEN_READONLY
              : mode == Mode::create  ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                      : SQLITE_OPEN_READWRITE;
  std::string name = path;
  // On read-only media (or in a folder this user may not write) SQLite
  // cannot make the files a WAL reader needs; a ledger no one can be
  // writing is then read as immutable. A write-ahead log left beside it
  // would be ignored so: refuse instead of reading stale events.
  if (mode == Mode::read_only && ::access(FolderOf(path).c_str(), W_OK) != 0) {
    off_t wal_size = 0;
    if (FileSize(path + "-wal", &wal_size) && wal_size > 0) {
      return Status::IoError("cannot read '" + path + "': its write-ahead log '" + path +
                             "-wal' holds events, and the folder is read-only");
    }
    name = FileUri(path);
    flags |= SQLITE_OPEN_URI;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(name.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IoError("cannot open '" + path + "': " + message);
  }
  std::unique_ptr<SqliteEventStore> store(new SqliteEventStore(db, path));
  sqlite3_busy_timeout(db, 5000);
  if (mode == Mode::create) {
    // Larger pages hold several events each; set before the first table exists.
    RAMSTEIN_RETURN_IF_ERROR(store->Exec("PRAGMA page_size=16384"));
    RAMSTEIN_RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode=WAL"));
  }
  // A large batch stays in the page cache instead of spilling mid-transaction.
  RAMSTEIN_RETURN_IF_ERROR(store->Exec("PRAGMA cache_size=-262144"));
  if (mode != Mode::read_only) RAMSTEIN_RETURN_IF_ERROR(store->Exec("PRAGMA synchronous=FULL"));
  // Reading through a memory map saves copying every page out of the OS
  // cache when a ledger is opened and rebuilt.
  RAMSTEIN_RETURN_IF_ERROR(store->Exec("PRAGMA mmap_size=68719476736"));
  if (mode == Mode::create) {
    if (sqlite3_exec(db, Schema(format).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      return store->Error("create schema");
    }
    Statement version(db, "INSERT INTO meta(key, value) VALUES('format', ?)");
    if (!version.ok()) return store->Error("prepare");
    std::string_view format_name = FormatName(format);
    sqlite3_bind_text(version.get(), 1, format_name.data(), static_cast<int>(format_name.size()), SQLITE_STATIC);
    if (sqlite3_step(version.get()) != SQLITE_DONE) return store->Error("write format version");
  }
  {
    // Finished before the index opens (a statement left reading would lock
    // the tables the index may drop).
    Statement check(db, "SELECT value FROM meta WHERE key='format'");
    std::string_view found = check.ok() && sqlite3_step(check.get()) == SQLITE_ROW ? ColumnText(check.get(), 0) : "";
    if (found == kFormatNames[0]) {
      store->format_ = EventFormat::v1;
    } else if (found == kFormatNames[1]) {
      store->format_ = EventFormat::v2;
    } else {
      return Status::DataError("'" + path + "' is not a Ramstein ledger (format " + std::string(kFormatNames[0]) +
                               " or " + std::string(kFormatNames[1]) + " expected)");
    }
  }
  // The search index, built from the events when the file lacks it. A head
  // that cannot be read is for the caller's Head() to report.
  if (auto head = store->Head(); head.ok()) {
    RAMSTEIN_RETURN_IF_ERROR(store->search_->Open(mode != Mode::read_only, head->sequence));
  }
  return store;
}

SqliteEventStore::SqliteEventStore(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), search_(std::make_unique<SqliteSearchIndex>(db)) {}

SqliteEventStore::~SqliteEventStore() {
  search_.reset();  // its statements before the connection
  sqlite3_close(db_);
}

Result<SearchPage> SqliteEventStore::Search(const SearchTerms& terms, std::string_view kind, std::size_t limit,
                                            std::size_t offset) {
  std::lock_guard lock(search_mutex_);
  return search_->Search(terms, kind, limit, offset);
}

std::unique_ptr<SearchWordReader> SqliteEventStore::NewWordReader() {
  std::lock_guard lock(search_mutex_);
  return search_->NewWordReader();
}

Result<std::vector<std::string>> SqliteEventStore::Ids(const SearchTerms& terms, std::string_view kind,
                                                       std::size_t limit) {
  std::lock_guard lock(search_mutex_);
  return search_->Ids(terms, kind, limit);
}

Status SqliteEventStore::Exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Error(sql);
  return Status::Ok();
}

Status SqliteEventStore::Error(const char* what) {
  return Status::IoError(std::string("SQLite: ") + what + ": " + sqlite3_errmsg(db_));
}

Result<StoreHead> SqliteEventStore::Head() {
  StoreHead head;
  bool recorded = false;
  {
    Statement select(db_, "SELECT value FROM meta WHERE key='head'");
    if (!select.ok()) return Error("read head");
    int rc = sqlite3_step(select.get());
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return Error("read head");
    if (rc == SQLITE_ROW) {
      // value = 8-byte little-endian sequence, then the 32-byte hash.
      const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(select.get(), 0));
      if (sqlite3_column_type(select.get(), 0) != SQLITE_BLOB || sqlite3_column_bytes(select.get(), 0) != 40 ||
          !bytes) {
        return Status::Corruption("the ledger's head record is malformed");
      }
      for (int i = 7; i >= 0; --i) head.sequence = (head.sequence << 8) | bytes[i];
      std::memcpy(head.hash.data(), bytes + 8, 32);
      recorded = true;
    }
  }
  // The head must name the last stored event: a file cut short, or events
  // removed, is never written on or read as whole.
  Statement last(db_, "SELECT sequence, hash FROM events ORDER BY sequence DESC LIMIT 1");
  if (!last.ok()) return Error("read last event");
  int rc = sqlite3_step(last.get());
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return Error("read last event");
  std::uint64_t last_sequence = rc == SQLITE_ROW ? static_cast<std::uint64_t>(sqlite3_column_int64(last.get(), 0)) : 0;
  Hash last_hash{};
  if (rc == SQLITE_ROW && !ColumnHash(last.get(), 1, &last_hash)) {
    return Status::Corruption("event " + std::to_string(last_sequence) + ": hash is malformed");
  }
  if (!recorded && rc == SQLITE_ROW) {
    return Status::Corruption("the ledger holds events up to " + std::to_string(last_sequence) +
                              " but no head (the head was removed)");
  }
  if (last_sequence != head.sequence || last_hash != head.hash) {
    return Status::Corruption("the chain ends at event " + std::to_string(last_sequence) +
                              " but the ledger's head records event " + std::to_string(head.sequence) +
                              " (events were removed or the head was altered)");
  }
  // What was acknowledged must still be there.
  std::FILE* ack = std::fopen((path_ + "-ack").c_str(), "rb");
  if (ack != nullptr) {
    unsigned char bytes[40];
    std::size_t read = std::fread(bytes, 1, sizeof bytes, ack);
    std::fclose(ack);
    std::uint64_t acknowledged = 0;
    for (int i = 7; i >= 0; --i) acknowledged = (acknowledged << 8) | bytes[i];
    if (read != sizeof bytes) return Status::Corruption("'" + path_ + "-ack' is malformed");
    if (acknowledged > head.sequence) {
      return Status::Corruption("the ledger ends at event " + std::to_string(head.sequence) + ", but event " +
                                std::to_string(acknowledged) + " was acknowledged ('" + path_ +
                                "-ack'): events " + std::to_string(head.sequence + 1) + ".." +
                                std::to_string(acknowledged) +
                                " were lost (was the write-ahead log deleted, or an older copy restored?)");
    }
    if (acknowledged == head.sequence && std::memcmp(bytes + 8, head.hash.data(), 32) != 0) {
      return Status::Corruption("event " + std::to_string(acknowledged) + " is not the one acknowledged ('" +
                                path_ + "-ack'): the ledger was replaced");
    }
  }
  return head;
}

Status SqliteEventStore::Append(const StoreHead& expected_head, std::span<const Event> events) {
  return AppendProduced(expected_head, events.size(),
                        [&](std::size_t i) -> const Event& { return events[i]; });
}

Status SqliteEventStore::AppendProduced(const StoreHead& expected_head, std::size_t count,
                                        const EventProducer& event_at) {
  if (count == 0) return Status::Ok();
  RAMSTEIN_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  std::uint64_t last_sequence = 0;
  Hash last_hash{};
  auto rollback = [&](Status status) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    search_->Discard();
    return status;
  };
  auto head = Head();
  if (!head.ok()) return rollback(head.status());
  if (head->sequence != expected_head.sequence || head->hash != expected_head.hash) {
    return rollback(Status::Conflict("the ledger was changed by another writer (head is event " +
                                     std::to_string(head->sequence) + "); reopen and retry"));
  }
  {
    const bool salted = format_ == EventFormat::v2;
    Statement insert(db_, salted ? "INSERT INTO events(sequence, time_ms, author, type, sources, payload, hash, salt) "
                                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"
                                 : "INSERT INTO events(sequence, time_ms, author, type, sources, payload, hash) "
                                   "VALUES(?, ?, ?, ?, ?, ?, ?)");
    if (!insert.ok()) return rollback(Error("prepare insert"));
    sqlite3_stmt* s = insert.get();
    std::uint64_t expected_sequence = expected_head.sequence + 1;
    for (std::size_t i = 0; i < count; ++i) {
      const Event& e = event_at(i);
      if (e.sequence != expected_sequence++)
        return rollback(Status::InvalidArgument("events out of sequence"));
      if (e.format != format_) {
        return rollback(Status::InvalidArgument("event " + std::to_string(e.sequence) + " is of format " +
                                                std::to_string(static_cast<int>(e.format)) + ", the ledger of " +
                                                std::to_string(static_cast<int>(format_))));
      }
      last_sequence = e.sequence;
      last_hash = e.hash;
      sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(e.sequence));
      sqlite3_bind_int64(s, 2, e.time_ms);
      sqlite3_bind_text(s, 3, e.author.data(), static_cast<int>(e.author.size()), SQLITE_STATIC);
      sqlite3_bind_int(s, 4, e.type);
      sqlite3_bind_text(s, 5, e.sources.data(), static_cast<int>(e.sources.size()), SQLITE_STATIC);
      sqlite3_bind_text(s, 6, e.payload.data(), static_cast<int>(e.payload.size()), SQLITE_STATIC);
      sqlite3_bind_blob(s, 7, e.hash.data(), static_cast<int>(e.hash.size()), SQLITE_STATIC);
      if (salted) sqlite3_bind_blob(s, 8, e.salt.data(), static_cast<int>(e.salt.size()), SQLITE_STATIC);
      if (sqlite3_step(s) != SQLITE_DONE) return rollback(Error("insert event"));
      sqlite3_reset(s);
      Status indexed = search_->Add(e.view(), e.replaces, e.search ? &*e.search : nullptr);
      if (!indexed.ok()) return rollback(indexed);
    }
  }
  if (Status indexed = search_->MarkIndexed(last_sequence); !indexed.ok()) return rollback(indexed);
  unsigned char head_bytes[40];
  for (int i = 0; i < 8; ++i)
    head_bytes[i] = static_cast<unsigned char>((last_sequence >> (8 * i)) & 0xff);
  std::memcpy(head_bytes + 8, last_hash.data(), 32);
  Statement put(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES('head', ?)");
  if (!put.ok()) return rollback(Error("prepare head"));
  sqlite3_bind_blob(put.get(), 1, head_bytes, sizeof head_bytes, SQLITE_STATIC);
  if (sqlite3_step(put.get()) != SQLITE_DONE) return rollback(Error("write head"));
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return rollback(Error("commit"));
  }
  return WriteAcknowledged(StoreHead{last_sequence, last_hash});
}

Status SqliteEventStore::WriteAcknowledged(const StoreHead& head) {
  unsigned char bytes[40];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>((head.sequence >> (8 * i)) & 0xff);
  std::memcpy(bytes + 8, head.hash.data(), 32);
  // Written whole or not at all: a new file, synced, renamed over the old.
  std::string temporary = path_ + "-ack.new";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0 && ::write(fd, bytes, sizeof bytes) == static_cast<ssize_t>(sizeof bytes) && ::fsync(fd) == 0;
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temporary.c_str(), (path_ + "-ack").c_str()) != 0) {
    return Status::IoError("events up to " + std::to_string(head.sequence) + " were committed, but '" + path_ +
                           "-ack' could not be written: " + std::strerror(errno));
  }
  return Status::Ok();
}

std::vector<std::string> SqliteEventStore::FilesOf(const std::string& path) {
  return {path, path + "-wal", path + "-shm", path + "-ack"};
}

Status SqliteEventStore::Scan(std::uint64_t after,
                              const std::function<Status(const EventView&)>& visit) {
  const bool salted = format_ == EventFormat::v2;
  Statement select(db_, salted ? "SELECT sequence, time_ms, author, type, sources, payload, hash, salt FROM events "
                                 "WHERE sequence > ? ORDER BY sequence"
                               : "SELECT sequence, time_ms, author, type, sources, payload, hash FROM events "
                                 "WHERE sequence > ? ORDER BY sequence");
  if (!select.ok()) return Error("prepare scan");
  sqlite3_stmt* s = select.get();
  sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(after));
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    EventView view;
    view.sequence = static_cast<std::uint64_t>(sqlite3_column_int64(s, 0));
    // The storage classes are part of the format: a payload stored as a
    // BLOB, or a number as text, is damage even where its bytes would hash.
    static constexpr std::pair<int, int> kClasses[] = {{1, SQLITE_INTEGER}, {2, SQLITE_TEXT}, {3, SQLITE_INTEGER},
                                                       {4, SQLITE_TEXT},    {5, SQLITE_TEXT}, {6, SQLITE_BLOB}};
    for (auto [column, type] : kClasses) {
      if (sqlite3_column_type(s, column) != type) {
        return Status::Corruption("event " + std::to_string(view.sequence) + ": column '" +
                                  sqlite3_column_name(s, column) + "' is not stored as " +
                                  (type == SQLITE_TEXT ? "TEXT" : type == SQLITE_BLOB ? "BLOB" : "INTEGER"));
      }
    }
    view.time_ms = sqlite3_column_int64(s, 1);
    view.author = ColumnText(s, 2);
    sqlite3_int64 type = sqlite3_column_int64(s, 3);
    if (type < 0 || type > UINT16_MAX) {
      return Status::Corruption("event " + std::to_string(view.sequence) + ": type out of range");
    }
    view.type = static_cast<std::uint16_t>(type);
    view.sources = ColumnText(s, 4);
    view.payload = ColumnText(s, 5);
    if (!ColumnHash(s, 6, &view.hash)) {
      return Status::Corruption("event " + std::to_string(view.sequence) + ": hash is malformed");
    }
    view.format = format_;
    if (salted) {
      const void* salt = sqlite3_column_blob(s, 7);
      if (sqlite3_column_type(s, 7) != SQLITE_BLOB || sqlite3_column_bytes(s, 7) != static_cast<int>(view.salt.size()) ||
          salt == nullptr) {
        return Status::Corruption("event " + std::to_string(view.sequence) + ": salt is not a " +
                                  std::to_string(view.salt.size()) + "-byte BLOB");
      }
      std::memcpy(view.salt.data(), salt, view.salt.size());
    }
    RAMSTEIN_RETURN_IF_ERROR(visit(view));
  }
  if (rc != SQLITE_DONE) return Error("scan events");
  return Status::Ok();
}

bool SqliteEventStore::HasSnapshotTable() {
  Statement table(db_, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='snapshots'");
  return table.ok() && sqlite3_step(table.get()) == SQLITE_ROW;
}

Status SqliteEventStore::WriteSnapshot(std::uint64_t sequence, std::string_view bytes, std::size_t keep) {
  if (sqlite3_db_readonly(db_, "main") == 1) return Status::InvalidArgument("the ledger is open read-only");
  RAMSTEIN_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto rollback = [&](Status status) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return status;
  };
  if (sqlite3_exec(db_,
                   "CREATE TABLE IF NOT EXISTS snapshots(sequence INTEGER NOT NULL, part INTEGER NOT NULL, "
                   "bytes BLOB NOT NULL, UNIQUE(sequence, part))",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    return rollback(Error("create table snapshots"));
  }
  {
    Statement remove(db_, "DELETE FROM snapshots WHERE sequence = ?");
    if (!remove.ok()) return rollback(Error("prepare snapshot"));
    sqlite3_bind_int64(remove.get(), 1, static_cast<sqlite3_int64>(sequence));
    if (sqlite3_step(remove.get()) != SQLITE_DONE) return rollback(Error("replace snapshot"));
    Statement insert(db_, "INSERT INTO snapshots(sequence, part, bytes) VALUES(?, ?, ?)");
    if (!insert.ok()) return rollback(Error("prepare snapshot"));
    std::size_t part = 0;
    for (std::size_t at = 0; at < bytes.size() || part == 0; at += snapshot_part_bytes, ++part) {
      std::string_view piece = bytes.substr(std::min(at, bytes.size()), snapshot_part_bytes);
      sqlite3_bind_int64(insert.get(), 1, static_cast<sqlite3_int64>(sequence));
      sqlite3_bind_int64(insert.get(), 2, static_cast<sqlite3_int64>(part));
      sqlite3_bind_blob64(insert.get(), 3, piece.data(), piece.size(), SQLITE_STATIC);
      if (sqlite3_step(insert.get()) != SQLITE_DONE) return rollback(Error("write snapshot"));
      sqlite3_reset(insert.get());
    }
    Statement prune(db_,
                    "DELETE FROM snapshots WHERE sequence NOT IN "
                    "(SELECT DISTINCT sequence FROM snapshots ORDER BY sequence DESC LIMIT ?)");
    if (!prune.ok()) return rollback(Error("prepare snapshot"));
    sqlite3_bind_int64(prune.get(), 1, static_cast<sqlite3_int64>(std::max<std::size_t>(keep, 1)));
    if (sqlite3_step(prune.get()) != SQLITE_DONE) return rollback(Error("remove older snapshots"));
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return rollback(Error("commit snapshot"));
  return Status::Ok();
}

Result<std::vector<std::uint64_t>> SqliteEventStore::Snapshots() {
  std::vector<std::uint64_t> sequences;
  if (!HasSnapshotTable()) return sequences;
  Statement select(db_, "SELECT DISTINCT sequence FROM snapshots ORDER BY sequence DESC");
  if (!select.ok()) return Error("list snapshots");
  int rc;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
    sqlite3_int64 sequence = sqlite3_column_int64(select.get(), 0);
    if (sequence > 0) sequences.push_back(static_cast<std::uint64_t>(sequence));
  }
  if (rc != SQLITE_DONE) return Error("list snapshots");
  return sequences;
}

Result<std::string> SqliteEventStore::ReadSnapshot(std::uint64_t sequence) {
  if (!HasSnapshotTable()) return Status::NotFound("no snapshot at event " + std::to_string(sequence));
  // The parts' sizes first (read from the rows' headers), so that each part
  // is read once, straight into its place.
  std::vector<std::pair<sqlite3_int64, std::size_t>> parts;  // rowid, bytes
  std::size_t total = 0;
  {
    Statement select(db_, "SELECT rowid, part, typeof(bytes), length(bytes) FROM snapshots WHERE sequence = ? ORDER BY part");
    if (!select.ok()) return Error("read snapshot");
    sqlite3_bind_int64(select.get(), 1, static_cast<sqlite3_int64>(sequence));
    int rc;
    while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
      if (sqlite3_column_int64(select.get(), 1) != static_cast<sqlite3_int64>(parts.size()) ||
          ColumnText(select.get(), 2) != "blob") {
        return Status::Corruption("the snapshot at event " + std::to_string(sequence) + " lacks a part");
      }
      auto size = static_cast<std::size_t>(sqlite3_column_int64(select.get(), 3));
      parts.emplace_back(sqlite3_column_int64(select.get(), 0), size);
      total += size;
    }
    if (rc != SQLITE_DONE) return Error("read snapshot");
  }
  if (parts.empty()) return Status::NotFound("no snapshot at event " + std::to_string(sequence));
  std::string bytes(total, '\0');
  std::size_t at = 0;
  for (const auto& [rowid, size] : parts) {
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db_, "main", "snapshots", "bytes", rowid, 0, &blob) != SQLITE_OK) {
      sqlite3_blob_close(blob);
      return Error("read snapshot");
    }
    bool read = static_cast<std::size_t>(sqlite3_blob_bytes(blob)) == size &&
                sqlite3_blob_read(blob, bytes.data() + at, static_cast<int>(size), 0) == SQLITE_OK;
    sqlite3_blob_close(blob);
    if (!read) return Error("read snapshot");
    at += size;
  }
  return bytes;
}

}  // namespace ramstein
