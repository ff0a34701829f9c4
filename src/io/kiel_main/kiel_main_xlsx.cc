#include "io/kiel_main/kiel_main_xlsx.h"

#include <map>

#include "io/kiel_main/kiel_columns.h"
#include "io/kiel_main/kiel_row.h"
#include "io/xlsx/xlsx_reader.h"

namespace ramstein {

namespace {

constexpr std::string_view kSheet = "Bilateral Assistance, MAIN DATA";

// Reads one workbook into the batch.
void ReadWorkbook(const InputFile& file, std::size_t index, const Catalog& catalog, DatasetBatch* batch) {
  auto error = [&](const std::string& message) { batch->Error(message); };
  auto workbook = XlsxWorkbook::Open(file.text);
  if (!workbook.ok()) return error(file.name + ":1: " + workbook.status().message());
  SourceRecord source = FileSource("kiel-main-xlsx", file.text,
                                   {"Kiel Institute for the World Economy",
                                    "Ukraine Support Tracker main data: " + std::string(BaseName(file.name)) +
                                        ", sheet \"" + std::string(kSheet) + "\"",
                                    std::nullopt, std::nullopt},
                                   /*holds_text=*/false);
  Evidence citation = CitationOf(source);
  batch->Add(std::move(source), index, 0);
  std::vector<std::string> header_names;
  std::optional<KielColumns> columns;
  std::vector<std::string_view> fields;
  std::string content;
  UniqueIds seen;
  std::string where_prefix = file.name + ": sheet row ";
  Status status = (*workbook)->ReadSheet(std::string(kSheet), [&](std::uint32_t row, const std::vector<XlsxCell>& cells) {
    if (!columns) {
      for (const XlsxCell& cell : cells) {
        if (header_names.size() <= cell.column) header_names.resize(cell.column + 1);
        header_names[cell.column] = std::string(cell.text);
      }
      std::vector<std::string_view> header(header_names.begin(), header_names.end());
      auto mapped = MapKielColumns(header);
      if (!mapped.ok()) return Status::DataError("row " + std::to_string(row) + ": " + mapped.status().message());
      columns = std::move(mapped).value();
      return Status::Ok();
    }
    ++batch->rows_read;
    fields.assign(header_names.size(), std::string_view());
    content.clear();
    for (const XlsxCell& cell : cells) {
      if (cell.column < fields.size()) fields[cell.column] = cell.text;
      content.append(cell.text).push_back('\t');
    }
    KielRow kiel_row;
    kiel_row.columns = &*columns;
    kiel_row.fields = &fields;
    kiel_row.where_prefix = where_prefix;
    kiel_row.file = index;
    kiel_row.row = row;
    kiel_row.evidence = citation;
    kiel_row.content = content;
    std::size_t before = batch->records.size();
    AddKielRow(std::move(kiel_row), catalog, &seen, batch);
    // Name the row the measure came from (the workbook is cited whole).
    if (batch->records.size() > before) {
      auto& measure = std::get<MeasureRecord>(batch->records.back());
      std::string where = "sheet \"" + std::string(kSheet) + "\" row " + std::to_string(row);
      measure.note = measure.note ? where + "; " + *measure.note : where;
    }
    return Status::Ok();
  });
  if (!status.ok()) error(file.name + ":1: " + status.message());
}

}  // namespace

DatasetBatch ParseKielMainXlsx(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress) {
  DatasetBatch batch;
  std::uint64_t bytes_done = 0;
  for (std::size_t index = 0; index < files.size(); ++index) {
    ReadWorkbook(files[index], index, catalog, &batch);
    bytes_done += files[index].text.size();
    if (progress) progress(bytes_done);  // a workbook is read whole: one step per file
  }
  return batch;
}

}  // namespace ramstein
