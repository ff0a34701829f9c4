// CsvTable: a publisher's CSV file read for an importer: the header, then the
// data rows, blank lines skipped, each row counted in the batch. A row with
// another number of fields than the header, or a malformed row, is reported
// into the batch as "FILE:ROW: ..." and skipped, so every bad row is listed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv/csv_reader.h"
#include "io/dataset/dataset_batch.h"

namespace ramstein {

class CsvTable {
 public:
  // `file` and `batch` must outlive the table.
  CsvTable(const InputFile& file, DatasetBatch* batch);

  // Reads the header; false (with the error reported: "FILE:1: missing
  // column(s): a, b") when the file is empty or `required` are not columns.
  bool ReadHeader(const std::vector<std::string_view>& required = {});
  const InputFile& file() const { return file_; }
  // The header's fields, in order. REQUIRES: ReadHeader() returned true.
  const std::vector<std::string>& header() const { return header_; }
  // The position of a column, if the header has it.
  std::optional<std::size_t> Column(std::string_view name) const;

  // The data rows not read yet cut into at most `parts` parts at row starts
  // (SplitCsvRows), for tables on several threads. REQUIRES: ReadHeader()
  // returned true.
  std::vector<CsvPart> Parts(std::size_t parts) const;
  // A table of `part`'s rows under this table's header, reporting into
  // `batch` (one per thread).
  CsvTable Part(const CsvPart& part, DatasetBatch* batch) const;
  // Whether reading stopped at malformed CSV (reported as an error).
  bool malformed() const { return !reader_.error().empty(); }

  // The next data row, or null at the end.
  const CsvRow* Next();
  // A cell of the current row. REQUIRES: the header has `column`.
  std::string_view Cell(std::string_view column) const;
  // "FILE:ROW" of the current row.
  std::string Where() const;

  void Error(std::size_t row, const std::string& message);
  // "FILE:ROW: column 'C': MESSAGE" for the current row.
  void CellError(std::string_view column, const std::string& message);

 private:
  const InputFile& file_;
  DatasetBatch* batch_;
  CsvReader reader_;
  CsvRow row_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t, std::less<>> columns_;
};

}  // namespace ramstein
