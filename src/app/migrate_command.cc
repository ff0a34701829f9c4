// `ramstein migrate --to FILE`: the ledger re-chained as format 2 in a new
// file (db/migrate.h); the ledger itself is left as it is.
#include <cstdio>
#include <filesystem>

#include "app/commands.h"
#include "app/signing_key_file.h"
#include "db/migrate.h"

namespace ramstein {

int RunMigrate(AppContext& context, const std::string& to_path) {
  Status loaded = context.LoadRates();
  if (!loaded.ok()) return Fail(loaded);
  auto from = SqliteEventStore::Open(context.db_path, SqliteEventStore::Mode::read_only);
  if (!from.ok()) return Fail(from.status());
  if ((*from)->format() == EventFormat::v2) {
    return Fail(Status::InvalidArgument("'" + context.db_path + "' is already of format 2; nothing to migrate"));
  }
  auto to = SqliteEventStore::Open(to_path, SqliteEventStore::Mode::create, EventFormat::v2);
  if (!to.ok()) return Fail(to.status());
  auto migrated = MigrateLedger(**from, std::move(to).value(), &context.rates, &context.clock, context.author);
  if (!migrated.ok()) {
    for (const auto& file : SqliteEventStore::FilesOf(to_path)) std::filesystem::remove(file);
    std::fprintf(stderr, "ramstein: %s was not created\n", to_path.c_str());
    return Fail(migrated.status());
  }
  std::printf("migrated %llu events of ledger %s (format 1, head %s)\n",
              static_cast<unsigned long long>(migrated->events), migrated->old_ledger.c_str(),
              HashToHex(migrated->old_head).c_str());
  std::printf("into %s: ledger %s (format 2), %llu events, head %s; event %llu records the old head\n",
              to_path.c_str(), migrated->new_ledger.c_str(), static_cast<unsigned long long>(migrated->events + 1),
              HashToHex(migrated->new_head).c_str(), static_cast<unsigned long long>(migrated->events + 1));
  // The publisher's key stays the publisher's: checkpoints of the new
  // ledger are signed with it, and checkpoints of the old one still check.
  const std::string old_key = context.SigningKeyPath();
  const std::string new_key = to_path + ".key";
  if (std::filesystem::exists(old_key) && !std::filesystem::exists(new_key)) {
    auto key = LoadSigningKeyFile(old_key);
    if (!key.ok()) return Fail(key.status());
    std::error_code error;
    std::filesystem::copy_file(old_key, new_key, error);
    if (error) return Fail(Status::IoError("cannot copy the signing key to '" + new_key + "': " + error.message()));
    std::filesystem::permissions(new_key, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 error);
    std::printf("copied the signing key to %s\n", new_key.c_str());
  }
  return kExitOk;
}

}  // namespace ramstein
