// Writing tables as an XLSX workbook with libxlsxwriter (used nowhere else):
// one sheet per table, its title as the sheet's name (cut to Excel's 31
// characters, characters Excel forbids replaced, made unique), a bold header
// row, integer and money columns as numbers, published decimals as text (so
// no digit is lost), the header row frozen.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "query/table.h"

namespace ramstein {

// IoError naming `path` when the workbook cannot be written.
Status WriteXlsx(const std::string& path, const std::vector<Table>& sheets);

// The rows one sheet of an answer over HTTP may hold (a larger table is
// asked for as CSV, or a page at a time).
inline constexpr std::size_t xlsx_answer_rows_max = 100'000;

// The workbook's bytes (written through a private temporary file in
// $TMPDIR, else /tmp, removed before returning); IoError when it cannot be.
Result<std::string> XlsxBytes(const std::vector<Table>& sheets);

}  // namespace ramstein
