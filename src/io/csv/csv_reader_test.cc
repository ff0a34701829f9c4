#include "io/csv/csv_reader.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text, std::string* error = nullptr) {
  CsvReader reader(text);
  CsvRow row;
  std::vector<std::vector<std::string>> rows;
  while (reader.Next(&row)) rows.emplace_back(row.fields.begin(), row.fields.end());
  if (error) *error = reader.error();
  return rows;
}

TEST(CsvReaderTest, ReadsQuotedAndUnquotedFields) {
  auto rows = ReadAll("\"country\",\"iso\",year\n\"Australia\",\"AUS\",2022\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"Australia", "AUS", "2022"}));
}

TEST(CsvReaderTest, UnescapesDoubledQuotesAndKeepsNewlinesInQuotes) {
  auto rows = ReadAll("a,\"say \"\"hi\"\"\",\"two\nlines\"\r\nb,,\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"b", "", ""}));
}

TEST(CsvReaderTest, TellsWhereEachRowLies) {
  std::string_view text = "\xEF\xBB\xBFh1,h2\r\n\"x\ny\",2\nlast,3";
  CsvReader reader(text);
  CsvRow row;
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(text.substr(row.begin_byte, row.end_byte - row.begin_byte), "h1,h2");
  EXPECT_EQ(row.number, 1u);
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(text.substr(row.begin_byte, row.end_byte - row.begin_byte), "\"x\ny\",2");
  EXPECT_EQ(row.number, 2u);
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(text.substr(row.begin_byte, row.end_byte - row.begin_byte), "last,3");
  EXPECT_EQ(row.number, 4u);
  EXPECT_FALSE(reader.Next(&row));
  EXPECT_EQ(reader.error(), "");
}

// Every row as one reader sees it: number, byte range, fields.
std::vector<std::string> Described(std::string_view text, const std::vector<CsvPart>& parts) {
  std::vector<std::string> rows;
  for (const CsvPart& part : parts) {
    CsvReader reader(text, part);
    CsvRow row;
    while (reader.Next(&row)) {
      std::string described = std::to_string(row.number) + "@" + std::to_string(row.begin_byte) + "-" +
                              std::to_string(row.end_byte);
      for (auto field : row.fields) described += "|" + std::string(field);
      rows.push_back(described);
    }
    EXPECT_EQ(reader.error(), "");
  }
  return rows;
}

TEST(CsvReaderTest, PartsReadTheRowsOfOneReader) {
  // Quoted newlines, doubled quotes, CRLF, a blank line, a BOM, no final
  // line end: the cuts must fall between rows and the line numbers follow.
  std::string text = "\xEF\xBB\xBFname,note\r\n";
  for (int i = 0; i < 300; ++i) {
    switch (i % 5) {
      case 0: text += "a" + std::to_string(i) + ",\"two\nlines\"\n"; break;
      case 1: text += "\"say \"\"hi\"\"\"," + std::to_string(i) + "\r\n"; break;
      case 2: text += "\n"; break;
      case 3: text += "\"\n\n\n\",x\n"; break;
      default: text += "plain," + std::to_string(i) + "\n"; break;
    }
  }
  text += "last,row";
  CsvReader header(text);
  CsvRow row;
  ASSERT_TRUE(header.Next(&row));
  std::vector<std::string> whole = Described(text, {CsvPart{header.position(), text.size(), header.line()}});
  ASSERT_EQ(whole.size(), 301u);
  for (std::size_t parts = 1; parts <= 9; ++parts) {
    auto cut = SplitCsvRows(text, header.position(), header.line(), parts);
    EXPECT_LE(cut.size(), parts);
    EXPECT_GE(cut.size(), parts > 1 ? 2u : 1u);
    EXPECT_EQ(cut.front().begin_byte, header.position());
    EXPECT_EQ(cut.back().end_byte, text.size());
    for (std::size_t k = 1; k < cut.size(); ++k) EXPECT_EQ(cut[k].begin_byte, cut[k - 1].end_byte);
    EXPECT_EQ(Described(text, cut), whole) << parts << " parts";
  }
}

TEST(CsvReaderTest, NamesWhatIsMalformed) {
  std::string error;
  ReadAll("a,\"open\n", &error);
  EXPECT_EQ(error, "a quoted field is not closed");
  ReadAll("a,\"x\"y\n", &error);
  EXPECT_EQ(error, "text after a closing quote");
  ReadAll("a,b\"c\n", &error);
  EXPECT_EQ(error, "a quote inside an unquoted field");
  ReadAll(std::string(1200, ','), &error);
  EXPECT_EQ(error, "more than 1000 fields in a row");
}

}  // namespace
}  // namespace ramstein
