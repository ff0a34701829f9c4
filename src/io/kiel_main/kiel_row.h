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
  std::string where;                                      // "FILE:ROW", for messages
  std::size_t file = 0, row = 0;                          // the origin in the batch
  Evidence evidence;         // the row quoted, or its file cited
  std::string_view content;  // the row's text: its id when Kiel gives no ID
};

// Adds the row's measure to `batch` (and the web pages it cites, and the
// items the catalogue does not know, once each), or adds an error naming
// the row and column and returns false. `seen` counts ids already used in
// this file, so identical rows get "-2", "-3".
bool AddKielRow(const KielRow& row, const Catalog& catalog, UniqueIds* seen,
                DatasetBatch* batch);

}  // namespace ramstein
