#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "app/commands.h"
#include "app/signing_key_file.h"
#include "io/dataset_import.h"
#include "base/read_only_file.h"
#include "io/jsonl_import.h"
#include "ledger/record_codec.h"
#include "synth/synthetic_ledger.h"

namespace ramstein {

namespace {

constexpr std::uint64_t progress_bar_bytes_min = 8u << 20;

// A progress bar on stderr, only when stderr is a terminal and the input large.
std::function<void(std::uint64_t, std::uint64_t)> ProgressBar() {
  if (!::isatty(STDERR_FILENO)) return nullptr;
  auto start = std::chrono::steady_clock::now();
  return [start](std::uint64_t done, std::uint64_t total) {
    if (total < progress_bar_bytes_min) return;
    constexpr int kWidth = 40;
    int filled = static_cast<int>(kWidth * done / total);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "\r[%s%s] %3d%% %.1f MB/s",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(kWidth - filled), ' ').c_str(),
                 static_cast<int>(100 * done / total),
                 seconds > 0 ? static_cast<double>(done) / 1e6 / seconds : 0.0);
    if (done >= total) std::fprintf(stderr, "\n");
  };
}

// The ledger's signing key (checkpoints): made once, then kept; says which.
int EnsureSigningKey(const AppContext& context) {
  const std::string path = context.SigningKeyPath();
  const bool exists = std::filesystem::exists(path);
  auto key = exists ? LoadSigningKeyFile(path) : CreateSigningKeyFile(path);
  if (!key.ok()) return Fail(key.status());
  std::printf("%s signing key %s (public key %s)\n", exists ? "kept the" : "created the", path.c_str(),
              ToHex(key->public_key().data(), key->public_key().size()).c_str());
  return kExitOk;
}

}  // namespace

Result<std::vector<BundledImport>> BundledFiles(const std::string& data_dir, bool trackers) {
  auto manifest = ReadFile(data_dir + "/bundle.txt");
  if (!manifest.ok()) return manifest.status();
  std::vector<BundledImport> imports;
  std::size_t position = 0;
  while (position < manifest->size()) {
    std::size_t end = manifest->find('\n', position);
    if (end == std::string::npos) end = manifest->size();
    std::string line = manifest->substr(position, end - position);
    position = end + 1;
    if (line.empty() || line[0] == '#') continue;
    constexpr std::string_view kTracker = "tracker ";
    if (line.starts_with(kTracker)) {
      if (!trackers) continue;
      line.erase(0, kTracker.size());
    }
    std::size_t space = line.find(' ');
    std::string format = space == std::string::npos ? "jsonl" : line.substr(0, space);
    std::string path = data_dir + "/" + (space == std::string::npos ? line : line.substr(space + 1));
    // Consecutive JSON Lines files form one batch.
    if (format == "jsonl" && !imports.empty() && imports.back().format == "jsonl") {
      imports.back().paths.push_back(path);
    } else {
      imports.push_back({format, {path}});
    }
  }
  return imports;
}

int RunInit(AppContext& context, bool bundled, bool trackers, bool replace, bool if_missing) {
  if (std::filesystem::exists(context.db_path)) {
    if (if_missing && !replace) {
      std::printf("ledger %s exists; left as it is\n", context.db_path.c_str());
      return EnsureSigningKey(context);  // a ledger made before keys were gets one
    }
    if (!replace) {
      return Fail(Status::Conflict("'" + context.db_path +
                                   "' already exists; choose another --db, or --replace to discard it"));
    }
    for (const auto& file : SqliteEventStore::FilesOf(context.db_path)) std::filesystem::remove(file);
  }
  Status opened = context.Open(SqliteEventStore::Mode::create);
  if (!opened.ok()) return Fail(opened);
  if (!bundled) {
    std::printf("created empty ledger %s\n", context.db_path.c_str());
    return EnsureSigningKey(context);
  }
  auto imports = BundledFiles(context.data_dir, trackers);
  int code = imports.ok() ? kExitOk : Fail(imports.status());
  for (std::size_t i = 0; code == kExitOk && i < imports->size(); ++i) {
    const BundledImport& batch = (*imports)[i];
    ImportOptions options;
    bool dataset = batch.format != "jsonl";
    auto result =
        dataset ? ImportDataset(*context.db, batch.format, batch.paths, "ramstein-bundled-data", options)
                : ImportJsonLines(*context.db, batch.paths, "ramstein-bundled-data", options);
    code = PrintImportResult(result, false, dataset);
  }
  if (code != kExitOk) {
    // A ledger half made from the bundled data would mislead: remove it.
    context.db.reset();
    for (const auto& file : SqliteEventStore::FilesOf(context.db_path)) std::filesystem::remove(file);
    std::fprintf(stderr, "ramstein: %s was not created\n", context.db_path.c_str());
    return code;
  }
  std::printf("created ledger %s from the bundled data%s\n", context.db_path.c_str(), trackers ? " and trackers" : "");
  return EnsureSigningKey(context);
}

int RunImport(AppContext& context, const std::vector<std::string>& files, const std::string& format,
              bool dry_run) {
  Status opened = context.Open(SqliteEventStore::Mode::open_existing);
  if (!opened.ok()) return Fail(opened);
  ImportOptions options;
  options.dry_run = dry_run;
  options.progress = ProgressBar();
  if (format == "jsonl") {
    return PrintImportResult(ImportJsonLines(*context.db, files, context.author, options), dry_run,
                             false);
  }
  return PrintImportResult(ImportDataset(*context.db, format, files, context.author, options),
                           dry_run, true);
}

int RunAdd(AppContext& context) {
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  auto record = DecodeInputRecord(input);
  if (!record.ok()) return Fail(Status::DataError("stdin: " + record.status().message()));
  Status opened = context.Open(SqliteEventStore::Mode::open_existing);
  if (!opened.ok()) return Fail(opened);
  std::string id = CommonOf(record.value()).id;
  std::string kind(RecordKindName(KindOf(record.value())));
  std::vector<Record> batch;
  batch.push_back(std::move(record).value());
  auto appended = context.db->Append(std::move(batch), context.author);
  if (!appended.ok()) return Fail(appended.status());
  std::printf("appended event %llu: %s %s\n",
              static_cast<unsigned long long>(appended->last_sequence), kind.c_str(), id.c_str());
  return kExitOk;
}

int RunVerify(AppContext& context) {
  // The events are checked as they are replayed: no model is built first
  // from what may be damaged.
  Status loaded = context.LoadRates();
  if (!loaded.ok()) return Fail(loaded);
  auto store = SqliteEventStore::Open(context.db_path, SqliteEventStore::Mode::read_only);
  if (!store.ok()) return Fail(store.status());
  auto summary = LedgerDb::VerifyStore(**store, &context.rates);
  if (!summary.ok()) {
    std::fprintf(stderr, "ramstein: verify FAILED: %s\n", summary.status().message().c_str());
    return kExitDataError;
  }
  std::printf("ok: %llu events verified; chain head %s\n",
              static_cast<unsigned long long>(summary->events), HashToHex(summary->head).c_str());
  if (summary->snapshot_checked > 0) {
    std::printf("ok: the snapshot at event %llu holds the model its events build\n",
                static_cast<unsigned long long>(summary->snapshot_checked));
  }
  return kExitOk;
}

int RunGen(std::uint64_t measures, std::uint64_t seed, const std::string& out_path) {
  FILE* out = out_path.empty() ? stdout : std::fopen(out_path.c_str(), "w");
  if (!out) return Fail(Status::IoError("cannot write '" + out_path + "'"));
  SyntheticOptions options;
  options.measures = measures;
  options.seed = seed;
  auto counts = GenerateSyntheticLedger(
      options, [&](const std::string& chunk) { std::fwrite(chunk.data(), 1, chunk.size(), out); });
  bool ok = std::fflush(out) == 0;
  if (out != stdout) ok = std::fclose(out) == 0 && ok;
  if (!ok) return Fail(Status::IoError("cannot write '" + out_path + "'"));
  std::fprintf(stderr, "wrote %llu records with %llu line items\n",
               static_cast<unsigned long long>(counts.records),
               static_cast<unsigned long long>(counts.line_items));
  return kExitOk;
}

}  // namespace ramstein
