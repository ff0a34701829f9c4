#include "io/dataset_import.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

#include "base/did_you_mean.h"
#include "base/read_only_file.h"
#include "io/jsonl_import.h"
#include "io/kiel_dashboard/kiel_dashboard.h"
#include "io/kiel_main/kiel_main_csv.h"
#include "io/kiel_main/kiel_main_xlsx.h"
#include "io/item_review/item_review.h"
#include "io/oryx/oryx.h"
#include "io/ukraine_aid_tracker/ukraine_aid_tracker.h"
#include "query/labels.h"
#include "ledger/record_codec.h"

namespace ramstein {

namespace {

using Parser = DatasetBatch (*)(const std::vector<InputFile>&, const Catalog&, const ParseProgress&);

struct Format {
  std::string_view name;
  Parser parse;
};

constexpr Format kFormats[] = {
    {"kiel-dashboard", &ParseKielDashboard},
    {"ukraine-aid-tracker", &ParseUkraineAidTracker},
    {"kiel-main-csv", &ParseKielMainCsv},
    {"kiel-main-xlsx", &ParseKielMainXlsx},
    {"oryx", &ParseOryx},
    {"item-review", &ParseItemMappings},  // a reviewer's answers (catalog map --file)
};

// The importers' view of the ledger's actors and items.
class ModelCatalog : public Catalog {
 public:
  explicit ModelCatalog(const Model& model) : model_(model) {
    for (const StoredRecord* stored : model.All(RecordKind::actor)) {
      const auto& actor = std::get<ActorRecord>(stored->record);
      if (actor.alpha2) by_alpha2_.emplace(AsciiLower(*actor.alpha2), actor.id);
      by_name_.emplace(AsciiLower(actor.name), actor.id);
    }
  }
  std::optional<std::string> ActorByAlpha2(std::string_view alpha2) const override {
    return Lookup(by_alpha2_, alpha2);
  }
  std::optional<std::string> ActorByName(std::string_view name) const override {
    return Lookup(by_name_, name);
  }
  const ItemRecord* Item(std::string_view name) const override {
    auto number = model_.ResolveItem(name);
    if (!number) return nullptr;
    return model_.FindAs<ItemRecord>(model_.ItemId(*number));
  }

 private:
  static std::optional<std::string> Lookup(const std::map<std::string, std::string>& map,
                                           std::string_view key) {
    auto it = map.find(AsciiLower(key));
    if (it == map.end()) return std::nullopt;
    return it->second;
  }
  const Model& model_;
  std::map<std::string, std::string> by_alpha2_, by_name_;
};

std::int64_t MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

// The files to read: each path, or the regular files of a folder in name order.
Result<std::vector<std::string>> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> inside;
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.is_regular_file()) inside.push_back(entry.path().string());
    }
    if (error) return Status::IoError("cannot list '" + path + "': " + error.message());
    std::sort(inside.begin(), inside.end());
    out.insert(out.end(), inside.begin(), inside.end());
  }
  return out;
}

// The record as it would be stored, without its correction note: two
// versions of a row are the same when this is.
std::string Content(Record record) {
  std::visit([](auto& r) { r.correction.reset(); }, record);
  return EncodePayload(record);
}

}  // namespace

std::unique_ptr<Catalog> CatalogOf(const Model& model) { return std::make_unique<ModelCatalog>(model); }

std::vector<std::string_view> DatasetFormats() {
  std::vector<std::string_view> names;
  for (const Format& format : kFormats) names.push_back(format.name);
  return names;
}

Result<ImportResult> ImportDataset(LedgerDb& db, std::string_view format,
                                   const std::vector<std::string>& paths, const std::string& author,
                                   const ImportOptions& options) {
  auto found = std::find_if(std::begin(kFormats), std::end(kFormats),
                            [&](const Format& f) { return f.name == format; });
  if (found == std::end(kFormats)) {
    std::string known;
    std::vector<std::string> names = {"jsonl"};
    for (auto name : DatasetFormats()) {
      known += (known.empty() ? "" : ", ") + std::string(name);
      names.emplace_back(name);
    }
    return Status::InvalidArgument("unknown format '" + std::string(format) + "'" + DidYouMean(format, names) +
                                   "; known: jsonl, " + known);
  }
  auto start = std::chrono::steady_clock::now();
  auto expanded = ExpandPaths(paths);
  if (!expanded.ok()) return expanded.status();
  std::vector<InputFile> files;
  for (const auto& path : *expanded) {
    auto text = ReadFile(path);
    if (!text.ok()) return text.status();
    files.push_back({path, std::move(text).value()});
  }
  std::int64_t read_ms = MillisecondsSince(start);
  start = std::chrono::steady_clock::now();
  std::uint64_t bytes_total = 0;
  for (const InputFile& file : files) bytes_total += file.text.size();
  ParseProgress progress;
  if (options.progress) progress = [&](std::uint64_t done) { options.progress(done, bytes_total); };
  DatasetBatch batch = found->parse(files, ModelCatalog(db.model()), progress);
  std::int64_t decode_ms = MillisecondsSince(start);
  auto result = CommitDataset(db, files, std::move(batch), author, options);
  if (result.ok()) {
    result->read_ms = read_ms;
    result->decode_ms = decode_ms;
  }
  return result;
}

Result<ImportResult> CommitDataset(LedgerDb& db, const std::vector<InputFile>& files,
                                   DatasetBatch batch, const std::string& author,
                                   const ImportOptions& options) {
  ImportResult result;
  result.lines_read = batch.rows_read;
  result.errors = std::move(batch.errors);
  result.review = std::move(batch.review);
  if (!result.errors.empty()) return result;
  auto start = std::chrono::steady_clock::now();
  // The records to append are compacted in place (a million records are
  // not copied into a second vector; a first import keeps every one).
  std::vector<Record>& records = batch.records;
  std::vector<DatasetBatch::Origin>& origins = batch.origins;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    Record& record = records[i];
    const StoredRecord* existing = db.model().Find(CommonOf(record).id);
    if (existing && KindOf(existing->record) == KindOf(record)) {
      if (Content(existing->record) == Content(record)) {
        ++result.unchanged;
        continue;
      }
      std::visit(
          [&](auto& r) {
            if (!r.correction) r.correction = "re-imported from " + files[origins[i].file].name;
          },
          record);
      ++result.changed;
    } else {
      ++result.created;
    }
    if (kept != i) {
      records[kept] = std::move(record);
      origins[kept] = origins[i];
    }
    ++kept;
  }
  records.erase(records.begin() + static_cast<std::ptrdiff_t>(kept), records.end());
  origins.erase(origins.begin() + static_cast<std::ptrdiff_t>(kept), origins.end());
  for (const RecordError& error : db.Check(records, options.errors_max)) {
    auto origin = origins[error.index];
    result.errors.push_back(files[origin.file].name + ":" + std::to_string(origin.row) + ": " +
                            error.status.message());
  }
  result.check_ms = MillisecondsSince(start);
  if (!result.errors.empty()) return result;
  RAMSTEIN_RETURN_IF_ERROR(AppendImported(db, std::move(records), author, options, &result));
  return result;
}

}  // namespace ramstein
