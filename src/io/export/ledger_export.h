// Exports of a ledger (`ramstein export --format F`):
//   jsonl     every record, latest version, as JSON Lines input in the order
//             the records first appeared: `import` into an empty ledger
//             rebuilds the same state (corrections are folded in, so the
//             export holds no correction notes; history stays in the ledger).
//   kiel-csv  measures in the Kiel main data layout under Kiel's current
//             column names (donor, announcement_date, aid_type_general,
//             measure, tot_sub_activity_value_EUR[_redistr],
//             tot_activity_value_EUR, id): allocated or later as Allocation,
//             announced or committed as Commitment, with their EUR value at
//             the announcement date's rate; `import --format kiel-main-csv`
//             reads it back to the same totals. Measures without a value or
//             without an EUR conversion are left out and counted.
//   xlsx      a workbook of the reports (see xlsx/xlsx_writer.h), one sheet
//             per report, and a sheet of the sources.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/model.h"
#include "query/table.h"

namespace ramstein {

// Records whose classification is in `withhold` are left out (and so are
// migration records, which speak of a chain, not of assistance).
std::string ExportJsonLines(const Model& model, const std::vector<std::string>& withhold = {});

struct KielCsvExport {
  std::string csv;
  std::size_t measures = 0;     // written
  std::size_t left_out = 0;     // without a value, an EUR conversion, or proposed/cancelled
};
// `source`: only measures whose first evidence cites it (e.g. one imported
// file); nullopt = every measure.
KielCsvExport ExportKielCsv(const Model& model, const std::optional<std::string>& source);

// The tables the XLSX export holds, one sheet each, in order.
std::vector<Table> ExportSheets(const Model& model, std::int32_t today_day);

}  // namespace ramstein
