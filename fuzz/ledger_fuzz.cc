// libFuzzer target: a real ledger file damaged row by row. A small ledger
// (synthetic measures, deliveries, holds and resumptions over a catalogue)
// is written once; each input is a list of 4-byte edits applied to a copy
// of its SQLite rows: bits flipped in payloads, rows swapped or deleted,
// values stored in another storage class, types and heads changed, payloads
// cut, and (as a forger would) the chain rehashed over the damage. Then the
// copy is opened, replayed and verified. Nothing may crash; any error is fine.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/clock.h"
#include "db/ledger_db.h"
#include "io/jsonl_import.h"
#include "store/sqlite/sqlite_event_store.h"
#include "synth/synthetic_ledger.h"

namespace {

using namespace ramstein;

const FxRates kRates;
SystemClock clock_;

std::string Folder() {
  // Never destroyed: the handler at exit still reads it.
  static const std::string& folder = *new std::string([] {
    std::string base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path().string();
    std::string dir = base + "/ramstein-ledger-fuzz-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    // The folder goes when the fuzzer ends (a crash leaves it, for the case).
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(Folder(), ignored);
    });
    return dir;
  }());
  return folder;
}

// The pristine ledger's bytes (one file: its log folded in).
const std::string& Pristine() {
  static const std::string bytes = [] {
    std::string dir = Folder();
    std::string jsonl;
    SyntheticOptions options;
    options.measures = 12;
    options.donors = 4;
    options.items = 12;
    GenerateSyntheticLedger(options, [&](const std::string& chunk) { jsonl += chunk; });
    std::ofstream(dir + "/seed.jsonl") << jsonl;
    std::string path = dir + "/pristine.db";
    std::filesystem::remove(path);
    {
      auto store = SqliteEventStore::Open(path, SqliteEventStore::Mode::create);
      if (!store.ok()) std::abort();
      auto db = LedgerDb::Open(std::move(store).value(), &kRates, &clock_);
      if (!db.ok()) std::abort();
      auto imported = ImportJsonLines(**db, {dir + "/seed.jsonl"}, "fuzz", ImportOptions{});
      if (!imported.ok() || !imported->errors.empty()) std::abort();
    }
    sqlite3* handle = nullptr;
    sqlite3_open(path.c_str(), &handle);
    sqlite3_exec(handle, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    sqlite3_close(handle);
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }();
  return bytes;
}

void Exec(sqlite3* db, const std::string& sql) { sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); }

// Recomputes every hash and the head from the rows as they now are.
void Rehash(sqlite3* db) {
  sqlite3_stmt* select = nullptr;
  sqlite3_prepare_v2(db, "SELECT sequence, time_ms, author, type, sources, payload, salt FROM events ORDER BY sequence",
                     -1, &select, nullptr);
  Hash previous{};
  std::string scratch;
  std::uint64_t last = 0;
  std::vector<std::pair<std::uint64_t, Hash>> hashes;
  while (select && sqlite3_step(select) == SQLITE_ROW) {
    auto text = [&](int column) {
      const unsigned char* bytes = sqlite3_column_text(select, column);
      return std::string(bytes ? reinterpret_cast<const char*>(bytes) : "",
                         static_cast<std::size_t>(sqlite3_column_bytes(select, column)));
    };
    std::string author = text(2), sources = text(4), payload = text(5);
    EventView view{static_cast<std::uint64_t>(sqlite3_column_int64(select, 0)), sqlite3_column_int64(select, 1),
                   author, static_cast<std::uint16_t>(sqlite3_column_int64(select, 3)), sources, payload, {},
                   EventFormat::v2, {}};
    if (sqlite3_column_bytes(select, 6) == static_cast<int>(view.salt.size())) {
      std::memcpy(view.salt.data(), sqlite3_column_blob(select, 6), view.salt.size());
    }
    previous = ChainHash(previous, view, scratch);
    last = view.sequence;
    hashes.emplace_back(view.sequence, previous);
  }
  sqlite3_finalize(select);
  sqlite3_stmt* update = nullptr;
  sqlite3_prepare_v2(db, "UPDATE events SET hash = ? WHERE sequence = ?", -1, &update, nullptr);
  for (const auto& [sequence, hash] : hashes) {
    sqlite3_bind_blob(update, 1, hash.data(), 32, SQLITE_TRANSIENT);
    sqlite3_bind_int64(update, 2, static_cast<sqlite3_int64>(sequence));
    sqlite3_step(update);
    sqlite3_reset(update);
  }
  sqlite3_finalize(update);
  unsigned char head[40];
  for (int i = 0; i < 8; ++i) head[i] = static_cast<unsigned char>((last >> (8 * i)) & 0xff);
  std::memcpy(head + 8, previous.data(), 32);
  sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('head', ?)", -1, &update, nullptr);
  sqlite3_bind_blob(update, 1, head, 40, SQLITE_TRANSIENT);
  sqlite3_step(update);
  sqlite3_finalize(update);
}

void Edit(sqlite3* db, std::uint8_t op, std::uint8_t row_byte, std::uint8_t offset, std::uint8_t value,
          std::uint64_t rows) {
  std::string row = std::to_string(1 + row_byte % rows);
  std::string other = std::to_string(1 + (row_byte + offset) % rows);
  std::string at = std::to_string(1 + offset);
  switch (op % 10) {
    case 0:  // flip a bit of a payload byte
      Exec(db, "UPDATE events SET payload = substr(payload, 1, " + at + " - 1) || char(unicode(substr(payload, " +
                   at + ", 1)) # " + std::to_string(1 << (value % 7)) + ") || substr(payload, " + at +
                   " + 1) WHERE sequence = " + row + " AND length(payload) >= " + at);
      break;
    case 1:  // swap two events' contents
      Exec(db, "CREATE TEMP TABLE IF NOT EXISTS s AS SELECT * FROM events WHERE 0; DELETE FROM s; INSERT INTO s "
               "SELECT * FROM events WHERE sequence IN (" + row + "," + other + ");"
               "UPDATE events SET (time_ms, author, type, sources, payload, hash) = (SELECT time_ms, author, type, "
               "sources, payload, hash FROM s WHERE s.sequence = CASE events.sequence WHEN " + row + " THEN " +
               other + " ELSE " + row + " END) WHERE sequence IN (" + row + "," + other + ")");
      break;
    case 2:
      Exec(db, "DELETE FROM events WHERE sequence = " + row);
      break;
    case 3: {  // another storage class
      static const char* kColumns[] = {"payload", "hash", "author", "sources", "type", "time_ms"};
      static const char* kClasses[] = {"BLOB", "TEXT", "INTEGER", "REAL"};
      Exec(db, std::string("UPDATE events SET ") + kColumns[value % 6] + " = CAST(" + kColumns[value % 6] + " AS " +
                   kClasses[offset % 4] + ") WHERE sequence = " + row);
      break;
    }
    case 4:
      Exec(db, "UPDATE events SET type = " + std::to_string(static_cast<int>(value) - 8) + " WHERE sequence = " + row);
      break;
    case 5:  // the head: another event's, damaged, or gone
      if (value % 3 == 0) Exec(db, "DELETE FROM meta WHERE key = 'head'");
      if (value % 3 == 1) Exec(db, "UPDATE meta SET value = substr(value, 1, " + at + ") WHERE key = 'head'");
      if (value % 3 == 2) Exec(db, "UPDATE meta SET value = CAST(value AS TEXT) WHERE key = 'head'");
      break;
    case 6:
      Exec(db, "UPDATE events SET payload = substr(payload, 1, " + at + ") WHERE sequence = " + row);
      break;
    case 7:
      Exec(db, "UPDATE events SET sequence = sequence + " + std::to_string(value) + " WHERE sequence = " + row);
      break;
    case 8:  // a string value replaced by another event's id-like text
      Exec(db, "UPDATE events SET payload = replace(payload, substr(payload, " + at + ", 6), substr((SELECT payload "
               "FROM events WHERE sequence = " + other + "), " + at + ", 6)) WHERE sequence = " + row);
      break;
    case 9:
      Rehash(db);
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64) return 0;  // at most 16 edits
  const std::string& pristine = Pristine();
  // The edits are made on a copy in memory, in one transaction, and the
  // result is written out once: the ledger then opens from a real file.
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) std::abort();
  auto* image = static_cast<unsigned char*>(sqlite3_malloc64(pristine.size()));
  if (!image) std::abort();
  std::memcpy(image, pristine.data(), pristine.size());
  if (sqlite3_deserialize(db, "main", image, static_cast<sqlite3_int64>(pristine.size()),
                          static_cast<sqlite3_int64>(pristine.size()),
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK) {
    std::abort();
  }
  sqlite3_stmt* count = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM events", -1, &count, nullptr);
  sqlite3_step(count);
  auto rows = static_cast<std::uint64_t>(sqlite3_column_int64(count, 0));
  sqlite3_finalize(count);
  Exec(db, "BEGIN");
  for (std::size_t i = 0; i + 4 <= size; i += 4) Edit(db, data[i], data[i + 1], data[i + 2], data[i + 3], rows);
  Exec(db, "COMMIT");
  Exec(db, "DROP TABLE IF EXISTS temp.s");
  sqlite3_int64 bytes = 0;
  unsigned char* edited = sqlite3_serialize(db, "main", &bytes, 0);
  std::string path = Folder() + "/case.db";
  std::filesystem::remove(path + "-ack");
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(edited), static_cast<std::streamsize>(edited ? bytes : 0));
  sqlite3_free(edited);
  sqlite3_close(db);
  auto store = SqliteEventStore::Open(path, SqliteEventStore::Mode::open_existing);
  if (!store.ok()) return 0;
  auto verified = LedgerDb::VerifyStore(**store, &kRates);
  auto opened = LedgerDb::Open(std::move(store).value(), &kRates, &clock_);
  // A ledger that verifies must open.
  if (verified.ok() && !opened.ok()) std::abort();
  return 0;
}
