// `ramstein catalog map` and `ramstein catalog unmap`: a reviewer says which
// catalogue item a name kept for review is the same system as, one at a time
// or from a file of answers (io/item_review).
#include <cstdio>

#include "app/commands.h"
#include "io/dataset_import.h"
#include "io/item_review/item_review.h"
#include "query/labels.h"

namespace ramstein {

namespace {

std::string Named(const Model& model, const std::string& id) { return id + " (" + Label(model, id) + ")"; }

}  // namespace

int RunCatalogMap(AppContext& context, const CatalogMapOptions& options) {
  bool one = !options.item.empty();
  if (!one && options.files.empty())
    return Fail(Status::InvalidArgument("give an item and what it is the same as, or --file with answers"));
  if (one && !options.files.empty())
    return Fail(Status::InvalidArgument("give an item and what it is the same as, or --file, not both"));
  if (one && !options.unmap && options.same_as.empty())
    return Fail(Status::InvalidArgument("give the catalogue item '" + options.item + "' is the same as"));
  Status opened = context.Open(SqliteEventStore::Mode::open_existing);
  if (!opened.ok()) return Fail(opened);
  ImportOptions import_options;
  import_options.dry_run = options.dry_run;
  if (!one) {
    return PrintImportResult(ImportDataset(*context.db, "item-review", options.files, context.author, import_options),
                             options.dry_run, true);
  }
  const Model& model = context.db->model();
  auto catalog = CatalogOf(model);
  DatasetBatch batch = ItemMappingBatch(
      options.item, options.unmap ? std::nullopt : std::optional<std::string_view>(options.same_as), options.why,
      *catalog);
  // "ITEM (name)" and what it is now: "the same as ITEM (name)" or its own.
  std::string subject, object;
  if (batch.errors.empty()) {
    const auto& item = std::get<ItemRecord>(batch.records.front());
    subject = Named(model, item.id);
    object = item.same_as ? "the same as " + Named(model, *item.same_as) : "counted under its own name";
  }
  auto result = CommitDataset(*context.db, {{"argument", ""}}, std::move(batch), context.author, import_options);
  if (!result.ok() || !result->errors.empty()) return PrintImportResult(result, options.dry_run, false);
  if (result->unchanged) {
    std::printf("%s is already %s; nothing to append\n", subject.c_str(), object.c_str());
  } else if (options.dry_run) {
    std::printf("dry run: %s would be %s; nothing was written\n", subject.c_str(), object.c_str());
  } else {
    std::printf("%s is now %s (event %llu)\n", subject.c_str(), object.c_str(),
                static_cast<unsigned long long>(result->appended.last_sequence));
  }
  return kExitOk;
}

}  // namespace ramstein
