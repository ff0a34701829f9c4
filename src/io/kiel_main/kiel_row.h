// One row of the Kiel main data, whatever file it came from (CSV or XLSX),
// as a measure of its donor to Ukraine (see kiel_main_csv.h for the rules).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/dataset/dataset_batch.h"
#include "io/kiel_main/kiel_columns.h"

namespace ramstein {

struct KielRow {
  const KielColumns* columns = nullptr;
  const std::vector<std::string_view>* fields = nullptr;  // by column position
  std::string_view where_prefix;  // "FILE:" or "FILE: sheet row ": Where() adds the row
  std::size_t file = 0, row = 0;  // the origin in the batch
  Evidence evidence;              // the row quoted, or its file cited
  std::string_view content;       // the row's text: its id when Kiel gives no ID

  // "FILE:ROW", for messages (built only when one is written).
  std::string Where() const { return std::string(where_prefix) + std::to_string(row); }
};

// Adds the row's measure to `batch` (and the web pages it cites, and the
// items the catalogue does not know, once each), or adds an error naming
// the row and column and returns false. `seen` counts ids already used in
// this file, so identical rows get "-2", "-3"; when null, the caller makes
// the ids unique (MakeKielIdsUnique) once the rows of several threads are
// joined in order.
bool AddKielRow(KielRow row, const Catalog& catalog, UniqueIds* seen, DatasetBatch* batch);

// Gives the measures among batch->records[first..] ids unique in that run
// ("-2", "-3" for repeats, in order), as AddKielRow does with `seen`, on up
// to `threads` threads.
void MakeKielIdsUnique(DatasetBatch* batch, std::size_t first, std::size_t threads);

}  // namespace ramstein
