#include "io/item_review/item_review.h"

#include <map>

#include "io/dataset/csv_table.h"

namespace ramstein {

namespace {

struct MappingError {
  std::string_view column;  // "item" or "same as"
  std::string message;
};

// Adds the correction of `item_name`'s item setting its same_as to the item
// `same_as_name` names (absent: clearing it); `target_id` gets the target's
// id ("" when cleared).
std::optional<MappingError> AddMapping(const Catalog& catalog, std::string_view item_name,
                                       std::optional<std::string_view> same_as_name, std::string_view why,
                                       std::size_t file, std::size_t row, DatasetBatch* batch,
                                       std::string* target_id) {
  const ItemRecord* item = catalog.Item(item_name);
  if (!item) return MappingError{"item", "'" + std::string(item_name) + "' is no item's id, name or alias"};
  ItemRecord corrected = *item;
  corrected.same_as.reset();
  std::string reason(why);
  if (same_as_name) {
    const ItemRecord* target = catalog.Item(*same_as_name);
    if (!target) {
      return MappingError{"same as", "'" + std::string(*same_as_name) +
                                         "' is no item's id, name or alias (add the item first: ramstein add)"};
    }
    corrected.same_as = target->id;
    if (reason.empty()) reason = "reviewed: the same system as " + target->name + " (" + target->id + ")";
  } else if (reason.empty()) {
    reason = "reviewed: counted under its own name again";
  }
  *target_id = corrected.same_as.value_or("");
  corrected.correction = std::move(reason);
  batch->Add(std::move(corrected), file, row);
  return std::nullopt;
}

}  // namespace

DatasetBatch ParseItemMappings(const std::vector<InputFile>& files, const Catalog& catalog,
                               const ParseProgress& progress) {
  DatasetBatch batch;
  // Item id -> (the id it was said to be the same as, "FILE:ROW" saying so).
  std::map<std::string, std::pair<std::string, std::string>> answered;
  std::uint64_t bytes_before = 0;
  for (std::size_t index = 0; index < files.size(); ++index) {
    const InputFile& file = files[index];
    CsvTable table(file, &batch);
    if (!table.ReadHeader({"item"})) continue;
    std::string_view same_as_column = table.Column("same as") ? "same as" : "same_as";
    if (!table.Column(same_as_column)) {
      table.Error(1, "missing column(s): same as");
      continue;
    }
    bool has_why = table.Column("why").has_value();
    while (const CsvRow* row = table.Next()) {
      std::string_view same_as = table.Cell(same_as_column);
      if (same_as.empty()) continue;
      std::string target;
      std::size_t added = batch.records.size();
      auto error = AddMapping(catalog, table.Cell("item"), same_as, has_why ? table.Cell("why") : "", index,
                              row->number, &batch, &target);
      if (error) {
        table.CellError(error->column == "item" ? "item" : same_as_column, error->message);
        continue;
      }
      std::string id = CommonOf(batch.records.back()).id;
      auto [previous, inserted] = answered.try_emplace(id, target, table.Where());
      if (inserted) continue;
      // Said before: once is enough; said otherwise, an error.
      batch.records.resize(added);
      batch.origins.resize(added);
      if (previous->second.first != target) {
        table.CellError(same_as_column, "'" + id + "' was said at " + previous->second.second +
                                            " to be the same as '" + previous->second.first + "'");
      }
    }
    bytes_before += file.text.size();
    if (progress) progress(bytes_before);
  }
  return batch;
}

DatasetBatch ItemMappingBatch(std::string_view item, std::optional<std::string_view> same_as,
                              std::string_view why, const Catalog& catalog) {
  DatasetBatch batch;
  batch.rows_read = 1;
  std::string target;
  if (auto error = AddMapping(catalog, item, same_as, why, 0, 1, &batch, &target)) {
    batch.errors.push_back(std::string(error->column) + ": " + error->message);
  }
  return batch;
}

}  // namespace ramstein
