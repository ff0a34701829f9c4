// Lists of records as tables, with filters, sorting and pagination: what the
// API's /api/v1/{measures,deliveries,holds,resumptions,items,meetings,
// authorities,balances,requirements,sources} answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"
#include "model/model.h"
#include "query/table.h"

namespace ramstein {

inline constexpr std::size_t list_limit_default = 100;
inline constexpr std::size_t list_limit_max = 1000;

struct ListQuery {
  // Filters; each applies to the kinds that have the field, and is an error
  // (InvalidArgument) for a kind that does not.
  std::optional<std::string> donor, recipient, type, status, item, category;
  std::optional<std::string> publisher;  // measures only: of the first source cited (PublisherOf)
  std::optional<std::int32_t> from_day, to_day;  // on the kind's date column
  // A column name, "-name" for descending; default: the kind's date, then id.
  std::optional<std::string> sort;
  std::size_t limit = list_limit_default;
  std::size_t offset = 0;
};

struct RecordList {
  Table table;            // the page
  std::size_t total = 0;  // rows matching the filters, before paging
};

// Items have a status: "catalogue", "to review" (a name an importer kept) or
// "answered" (kept, and a reviewer said which item it is the same as).
// `collection` is one of measures, deliveries, holds, resumptions, items,
// meetings, authorities, balances, requirements, sources. NotFound for another name; InvalidArgument for a
// filter or sort column the collection does not have, or a limit above
// list_limit_max.
Result<RecordList> ListRecords(const Model& model, const std::string& collection, const ListQuery& query);

// The collections ListRecords knows, for documentation and routing.
const std::vector<std::string>& ListCollections();

// The filters a collection takes ("donor", "from", ...; empty for an unknown name).
std::vector<std::string> ListFilters(const std::string& collection);

}  // namespace ramstein
