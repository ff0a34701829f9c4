// XlsxWorkbook: the cell values of an Office Open XML workbook (.xlsx), as
// Excel last computed and cached them: formulas are not evaluated, their
// cached results are read. Shared strings, inline strings, numbers (as the
// decimal text Excel wrote), booleans and error values are returned as text.
// Reads the archive with minizip (zip_archive.h) and the XML with pugixml;
// the only user of pugixml.
//
// Thread safety: one thread at a time per workbook.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "io/xlsx/zip_archive.h"

namespace ramstein {

struct XlsxCell {
  std::uint32_t column = 0;  // 0 = A
  std::string_view text;     // valid during the row callback only
};

class XlsxWorkbook {
 public:
  // `bytes` must outlive the workbook. DataError when it is no workbook.
  static Result<std::unique_ptr<XlsxWorkbook>> Open(std::string_view bytes);

  // The sheets' names, in workbook order.
  const std::vector<std::string>& SheetNames() const { return sheet_names_; }

  // Calls `on_row` with each row of sheet `name` that has a cell, in order:
  // its 1-based row number and its non-empty cells by column. Stops at and
  // returns the callback's first error. NotFound for an unknown sheet,
  // DataError for malformed XML or cell references.
  using RowCallback = std::function<Status(std::uint32_t row, const std::vector<XlsxCell>& cells)>;
  Status ReadSheet(const std::string& name, const RowCallback& on_row);

 private:
  XlsxWorkbook() = default;
  Status LoadSharedStrings();

  std::unique_ptr<ZipArchive> archive_;
  std::vector<std::string> sheet_names_;
  std::vector<std::string> sheet_paths_;  // member of each sheet, e.g. "xl/worksheets/sheet1.xml"
  std::vector<std::string> shared_strings_;
};

// The column of a cell reference ("AB12" -> 27), or nullopt.
std::optional<std::uint32_t> XlsxColumn(std::string_view reference);

// The day of an Excel serial date in the 1900 date system ("44621" ->
// 2022-03-01; a time of day is dropped). Serial 60 is Excel's nonexistent
// 1900-02-29 and gives nullopt, as do values before 1900-01-01 or after 2199.
std::optional<Date> ExcelSerialDate(std::string_view serial);

// A number as Excel wrote it, as a plain decimal: "1.5E-3" -> "0.0015",
// "2E+3" -> "2000", "12.5" unchanged; nullopt for anything else.
std::optional<std::string> ExcelNumberText(std::string_view text);

}  // namespace ramstein
