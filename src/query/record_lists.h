// Lists of records as tables, with filters and sorting: the collections of
// the catalogue (query/catalog.h), `ramstein list NAME` and /api/v1/NAME.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

#include "base/status.h"
#include "model/model.h"
#include "query/table.h"

namespace ramstein {

struct ListQuery {
  // Filters; each applies to the kinds that have the field, and is an error
  // (InvalidArgument) for a kind that does not.
  std::optional<std::string> donor, recipient, type, status, item, category;
  std::optional<std::string> publisher;  // measures only: of the first source cited (PublisherOf)
  std::optional<std::int32_t> from_day, to_day;  // on the kind's date column
  // A column name, "-name" for descending; default: the kind's date, then id.
  std::optional<std::string> sort;
  // Only these records (what a search found), when set.
  std::optional<std::unordered_set<std::string>> ids;
};

// Items have a status: "catalogue", "to review" (a name an importer kept) or
// "answered" (kept, and a reviewer said which item it is the same as).
// `collection` is one of measures, deliveries, holds, resumptions, items,
// meetings, authorities, balances, requirements, sources. Every matching
// record is a row (the surfaces page them). NotFound for another name;
// InvalidArgument for a filter or sort column the collection does not have.
// The table's facets count the matching rows per value of each of the
// collection's filters donor, recipient, type and status.
Result<Table> ListRecords(const Model& model, const std::string& collection, const ListQuery& query);

// A collection as the catalogue declares it: its columns and the filters
// (ListQuery's fields by name: "donor", "from", ...) it takes.
struct CollectionInfo {
  std::string name;
  RecordKind kind;
  std::string summary;
  std::vector<Column> columns;
  std::vector<std::string> filters;
};
const std::vector<CollectionInfo>& ListCollections();

}  // namespace ramstein
