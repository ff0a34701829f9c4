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
