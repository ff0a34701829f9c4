#include "io/kiel_main/kiel_main_csv.h"

#include <algorithm>

#include "io/csv/csv_reader.h"
#include "io/kiel_main/kiel_columns.h"
#include "io/kiel_main/kiel_row.h"

namespace ramstein {

namespace {

constexpr std::size_t kErrorsMax = 50;
constexpr std::size_t progress_rows = 16384;  // rows between progress reports

}  // namespace

DatasetBatch ParseKielMainCsv(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress) {
  DatasetBatch batch;
  auto error = [&](const std::string& message) {
    if (batch.errors.size() < kErrorsMax) batch.errors.push_back(message);
  };
  std::uint64_t bytes_before = 0;  // of earlier files
  for (std::size_t index = 0; index < files.size(); ++index) {
    const InputFile& file = files[index];
    CsvReader reader(file.text);
    CsvRow row;
    if (!reader.Next(&row)) {
      error(file.name + ":1: " + (reader.error().empty() ? "the file is empty" : reader.error()));
      continue;
    }
    auto columns = MapKielColumns(row.fields);
    if (!columns.ok()) {
      error(file.name + ":1: " + columns.status().message());
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
    std::size_t header_fields = row.fields.size();
    while (reader.Next(&row)) {
      if (row.fields.size() == 1 && row.fields[0].empty()) continue;
      ++batch.rows_read;
      std::string where = file.name + ":" + std::to_string(row.number);
      if (row.fields.size() != header_fields) {
        error(where + ": has " + std::to_string(row.fields.size()) + " fields, the header " +
              std::to_string(header_fields));
        continue;
      }
      KielRow kiel_row;
      kiel_row.columns = &*columns;
      kiel_row.fields = &row.fields;
      kiel_row.where = where;
      kiel_row.file = index;
      kiel_row.row = row.number;
      kiel_row.evidence = quoter.Quote(row.begin_byte, row.end_byte);
      kiel_row.content = std::string_view(file.text.data() + row.begin_byte, row.end_byte - row.begin_byte);
      AddKielRow(kiel_row, catalog, &seen, &batch);
      if (progress && batch.rows_read % progress_rows == 0) progress(bytes_before + row.end_byte);
    }
    bytes_before += file.text.size();
    if (progress) progress(bytes_before);
    if (!reader.error().empty()) error(file.name + ":" + std::to_string(row.number) + ": " + reader.error());
  }
  return batch;
}

}  // namespace ramstein
