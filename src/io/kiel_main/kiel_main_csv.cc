#include "io/kiel_main/kiel_main_csv.h"

#include <algorithm>

#include "io/dataset/csv_table.h"
#include "io/kiel_main/kiel_columns.h"
#include "io/kiel_main/kiel_row.h"

namespace ramstein {

namespace {

constexpr std::size_t progress_rows = 16384;  // rows between progress reports

}  // namespace

DatasetBatch ParseKielMainCsv(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress) {
  DatasetBatch batch;
  std::uint64_t bytes_before = 0;  // of earlier files
  for (std::size_t index = 0; index < files.size(); ++index) {
    const InputFile& file = files[index];
    CsvTable table(file, &batch);
    if (!table.ReadHeader()) continue;
    auto columns = MapKielColumns(std::vector<std::string_view>(table.header().begin(), table.header().end()));
    if (!columns.ok()) {
      table.Error(1, std::string(columns.status().message()));
      continue;
    }
    SourceRecord source = FileSource(
        "kiel-main", file.text,
        {"Kiel Institute for the World Economy",
         "Ukraine Support Tracker main data (bilateral activities): " +
             std::string(BaseName(file.name)),
         std::nullopt, std::nullopt});
    RowQuoter quoter(file.text, source.id);
    batch.Add(std::move(source), index, 0);
    // One record a row: sized once, not regrown (and moved) a million times.
    std::size_t lines = static_cast<std::size_t>(std::count(file.text.begin(), file.text.end(), '\n'));
    batch.records.reserve(batch.records.size() + lines + 1);
    batch.origins.reserve(batch.origins.size() + lines + 1);
    UniqueIds seen;
    while (const CsvRow* row = table.Next()) {
      KielRow kiel_row;
      kiel_row.columns = &*columns;
      kiel_row.fields = &row->fields;
      kiel_row.where = table.Where();
      kiel_row.file = index;
      kiel_row.row = row->number;
      kiel_row.evidence = quoter.Quote(row->begin_byte, row->end_byte);
      kiel_row.content = std::string_view(file.text.data() + row->begin_byte, row->end_byte - row->begin_byte);
      AddKielRow(kiel_row, catalog, &seen, &batch);
      if (progress && batch.rows_read % progress_rows == 0) progress(bytes_before + row->end_byte);
    }
    bytes_before += file.text.size();
    if (progress) progress(bytes_before);
  }
  return batch;
}

}  // namespace ramstein
