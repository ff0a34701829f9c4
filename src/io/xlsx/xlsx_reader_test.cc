#include "io/xlsx/xlsx_reader.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace ramstein {
namespace {

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every row of a sheet as column -> text.
std::map<std::uint32_t, std::map<std::uint32_t, std::string>> ReadAll(XlsxWorkbook& workbook,
                                                                     const std::string& sheet) {
  std::map<std::uint32_t, std::map<std::uint32_t, std::string>> rows;
  Status status = workbook.ReadSheet(sheet, [&](std::uint32_t row, const std::vector<XlsxCell>& cells) {
    for (const XlsxCell& cell : cells) rows[row][cell.column] = std::string(cell.text);
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return rows;
}

TEST(XlsxReaderTest, ReadsWhatLibxlsxwriterWrote) {
  std::string path = std::filesystem::temp_directory_path() / "ramstein-xlsx-reader-test.xlsx";
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* first = workbook_add_worksheet(book, "Bilateral Assistance, MAIN DATA");
  workbook_add_worksheet(book, "Other");
  worksheet_write_string(first, 0, 0, "Countries", nullptr);
  worksheet_write_string(first, 0, 1, "Announcement Date", nullptr);
  worksheet_write_string(first, 1, 0, "Türkiye & \"friends\"", nullptr);
  worksheet_write_number(first, 1, 1, 44621, nullptr);
  worksheet_write_number(first, 1, 2, 0.0015, nullptr);
  worksheet_write_boolean(first, 1, 3, 1, nullptr);
  worksheet_write_formula_num(first, 1, 4, "=B2*2", nullptr, 89242);
  worksheet_write_string(first, 3, 27, "AB4", nullptr);  // a gap row and a far column
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  std::string bytes = ReadBytes(path);
  auto workbook = XlsxWorkbook::Open(bytes);
  ASSERT_TRUE(workbook.ok()) << workbook.status().message();
  EXPECT_EQ((*workbook)->SheetNames(), (std::vector<std::string>{"Bilateral Assistance, MAIN DATA", "Other"}));
  auto rows = ReadAll(**workbook, "Bilateral Assistance, MAIN DATA");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "Countries");
  EXPECT_EQ(rows[2][0], "Türkiye & \"friends\"");
  EXPECT_EQ(ExcelSerialDate(rows[2][1])->ToString(), "2022-03-01");
  EXPECT_EQ(ExcelNumberText(rows[2][2]), "0.0015");
  EXPECT_EQ(rows[2][3], "TRUE");
  EXPECT_EQ(rows[2][4], "89242");  // the formula's cached result
  EXPECT_EQ(rows[4][27], "AB4");
  EXPECT_FALSE((*workbook)->ReadSheet("Missing", [](std::uint32_t, const std::vector<XlsxCell>&) {
    return Status::Ok();
  }).ok());
  std::filesystem::remove(path);
}

TEST(XlsxReaderTest, ReadsInlineStringsOfAConstantMemoryWorkbook) {
  // libxlsxwriter's constant-memory mode writes every string inline.
  std::string path = std::filesystem::temp_directory_path() / "ramstein-xlsx-inline-test.xlsx";
  lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_FALSE};
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "S");
  const char* words[] = {"ID", "Countries", "Announcement Date", "a string longer than the small-string buffer"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, c, words[c], nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  std::string bytes = ReadBytes(path);
  auto workbook = XlsxWorkbook::Open(bytes);
  ASSERT_TRUE(workbook.ok()) << workbook.status().message();
  auto rows = ReadAll(**workbook, "S");
  for (lxw_col_t c = 0; c < 4; ++c) EXPECT_EQ(rows[1][c], words[c]);
  std::filesystem::remove(path);
}

TEST(XlsxReaderTest, ConvertsExcelNumbersAndDatesExactly) {
  EXPECT_EQ(ExcelNumberText("1.5E-3"), "0.0015");
  EXPECT_EQ(ExcelNumberText("2E+3"), "2000");
  EXPECT_EQ(ExcelNumberText("-12.50"), "-12.5");
  EXPECT_EQ(ExcelNumberText("21596939.405158583"), "21596939.405158583");
  EXPECT_EQ(ExcelNumberText("."), std::nullopt);
  EXPECT_EQ(ExcelNumberText("1,5"), std::nullopt);
  EXPECT_EQ(ExcelSerialDate("1")->ToString(), "1900-01-01");
  EXPECT_EQ(ExcelSerialDate("59")->ToString(), "1900-02-28");
  EXPECT_EQ(ExcelSerialDate("60"), std::nullopt);  // Excel's 1900-02-29
  EXPECT_EQ(ExcelSerialDate("61")->ToString(), "1900-03-01");
  EXPECT_EQ(ExcelSerialDate("45473.75")->ToString(), "2024-06-30");  // 18:00 dropped
  EXPECT_EQ(XlsxColumn("A1"), 0u);
  EXPECT_EQ(XlsxColumn("AB12"), 27u);
  EXPECT_EQ(XlsxColumn("12"), std::nullopt);
}

TEST(XlsxReaderTest, RefusesWhatIsNoWorkbook) {
  EXPECT_FALSE(XlsxWorkbook::Open("not a zip at all").ok());
  std::string empty_zip("PK\x05\x06" + std::string(18, '\0'), 22);
  EXPECT_FALSE(XlsxWorkbook::Open(empty_zip).ok());
}

TEST(XlsxReaderTest, ReadsTheKielRelease18Sheet) {
  std::string bytes = ReadBytes(std::string(RAMSTEIN_SOURCE_DIR) + "/data/kiel/main-release-18/UST_data.xlsx");
  auto workbook = XlsxWorkbook::Open(bytes);
  ASSERT_TRUE(workbook.ok()) << workbook.status().message();
  std::size_t rows = 0;
  std::string first_id, first_date;
  Status status = (*workbook)->ReadSheet("Bilateral Assistance, MAIN DATA",
                                         [&](std::uint32_t row, const std::vector<XlsxCell>& cells) {
                                           ++rows;
                                           if (row == 2) {
                                             first_id = std::string(cells[0].text);
                                             first_date = std::string(cells[2].text);
                                           }
                                           return Status::Ok();
                                         });
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(rows, 3738u);  // the header and 3,737 rows
  EXPECT_EQ(first_id, "AUH1");
  EXPECT_EQ(ExcelSerialDate(first_date)->ToString(), "2022-03-01");
}

}  // namespace
}  // namespace ramstein
