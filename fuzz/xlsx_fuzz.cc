// libFuzzer target: the XLSX reader (ZIP archive, workbook parts, shared
// strings, sheet XML). Whatever the bytes, it returns an error or rows whose
// cells are in column order within the sheet's limits.
#include <cstdint>
#include <string_view>

#include "io/xlsx/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto workbook = XlsxWorkbook::Open(bytes);
  if (!workbook.ok()) return 0;
  for (const std::string& name : (*workbook)->SheetNames()) {
    std::uint32_t previous = 0;
    Status status = (*workbook)->ReadSheet(name, [&](std::uint32_t row, const std::vector<XlsxCell>& cells) {
      if (row <= previous || cells.empty()) __builtin_trap();
      previous = row;
      for (const XlsxCell& cell : cells) {
        if (cell.column > 26 * 26 * 26 + 26 * 26 + 26) __builtin_trap();
        (void)ExcelSerialDate(cell.text);
        (void)ExcelNumberText(cell.text);
      }
      return Status::Ok();
    });
    (void)status;
  }
  return 0;
}
