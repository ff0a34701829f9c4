#include "render/xlsx_writer.h"

#include <xlsxwriter.h>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>

#include "base/read_only_file.h"

namespace ramstein {

namespace {

std::string SheetName(const std::string& title, std::set<std::string>* taken) {
  std::string name;
  for (char c : title) name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
  if (name.empty()) name = "Sheet";
  name = name.substr(0, 28);
  std::string unique = name;
  for (int n = 2; !taken->insert(unique).second; ++n) unique = name + " " + std::to_string(n);
  return unique;
}

}  // namespace

Status WriteXlsx(const std::string& path, const std::vector<Table>& sheets) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return Status::IoError("cannot create '" + path + "'");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  std::set<std::string> taken;
  for (const Table& table : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, SheetName(table.title, &taken).c_str());
    for (std::size_t c = 0; c < table.columns.size(); ++c)
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.columns[c].name.c_str(), bold);
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const std::string& cell = table.rows[r][c];
        if (cell.empty()) continue;
        auto column = static_cast<lxw_col_t>(c);
        Column::Type type = table.columns[c].type;
        if (type == Column::Type::integer || type == Column::Type::amount) {
          // Money to the cent is exact in a double up to 2^53 cents (EUR 90 trillion).
          worksheet_write_number(sheet, row, column, std::strtod(cell.c_str(), nullptr), nullptr);
        } else {
          worksheet_write_string(sheet, row, column, cell.c_str(), nullptr);
        }
      }
    }
  }
  lxw_error error = workbook_close(book);
  if (error != LXW_NO_ERROR) return Status::IoError("cannot write '" + path + "': " + lxw_strerror(error));
  return Status::Ok();
}

Result<std::string> XlsxBytes(const std::vector<Table>& sheets) {
  const char* folder = std::getenv("TMPDIR");
  std::string path = std::string(folder != nullptr && *folder != '\0' ? folder : "/tmp") + "/ramstein-xlsx-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return Status::IoError("cannot make a temporary file for the workbook: " + std::string(std::strerror(errno)));
  close(fd);
  Status written = WriteXlsx(path, sheets);
  Result<std::string> bytes = written.ok() ? ReadFile(path) : Result<std::string>(written);
  unlink(path.c_str());
  return bytes;
}

}  // namespace ramstein
