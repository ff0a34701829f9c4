#include "io/dataset/csv_table.h"

namespace ramstein {

CsvTable::CsvTable(const InputFile& file, DatasetBatch* batch)
    : file_(file), batch_(batch), reader_(file.text) {}

bool CsvTable::ReadHeader(const std::vector<std::string_view>& required) {
  if (!reader_.Next(&row_)) {
    Error(1, reader_.error().empty() ? "the file is empty" : reader_.error());
    return false;
  }
  for (std::size_t i = 0; i < row_.fields.size(); ++i) {
    header_.emplace_back(row_.fields[i]);
    columns_.emplace(header_.back(), i);
  }
  std::string missing;
  for (std::string_view name : required) {
    if (!Column(name)) missing += (missing.empty() ? "" : ", ") + std::string(name);
  }
  if (!missing.empty()) Error(1, "missing column(s): " + missing);
  return missing.empty();
}

std::vector<CsvPart> CsvTable::Parts(std::size_t parts) const {
  return SplitCsvRows(file_.text, reader_.position(), reader_.line(), parts);
}

CsvTable CsvTable::Part(const CsvPart& part, DatasetBatch* batch) const {
  CsvTable table(file_, batch);
  table.reader_ = CsvReader(file_.text, part);
  table.header_ = header_;
  table.columns_ = columns_;
  return table;
}

std::optional<std::size_t> CsvTable::Column(std::string_view name) const {
  auto it = columns_.find(name);
  if (it == columns_.end()) return std::nullopt;
  return it->second;
}

const CsvRow* CsvTable::Next() {
  while (reader_.Next(&row_)) {
    if (row_.fields.size() == 1 && row_.fields[0].empty()) continue;  // a blank line
    ++batch_->rows_read;
    if (row_.fields.size() != header_.size()) {
      Error(row_.number, "has " + std::to_string(row_.fields.size()) + " fields, the header " +
                             std::to_string(header_.size()));
      continue;
    }
    return &row_;
  }
  if (!reader_.error().empty()) Error(row_.number, reader_.error());
  return nullptr;
}

std::string_view CsvTable::Cell(std::string_view column) const {
  return row_.fields[columns_.find(column)->second];
}

std::string CsvTable::Where() const {
  return file_.name + ":" + std::to_string(row_.number);
}

void CsvTable::Error(std::size_t row, const std::string& message) {
  batch_->Error(file_.name + ":" + std::to_string(row) + ": " + message);
}

void CsvTable::CellError(std::string_view column, const std::string& message) {
  Error(row_.number, "column '" + std::string(column) + "': " + message);
}

}  // namespace ramstein
