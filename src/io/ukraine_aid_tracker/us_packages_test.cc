#include "io/ukraine_aid_tracker/us_packages.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>
#include <sstream>

namespace ramstein {
namespace {

std::string BundledFile() {
  std::ifstream in(std::string(RAMSTEIN_SOURCE_DIR) + "/data/ukraine-aid-tracker/money.json", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// What the publisher's list holds: 73 drawdown (PDA) packages, USD 34,025
// million in all, from 2021-12-23 to 2025-01-09 (data/ukraine-aid-tracker/README.md).
TEST(UsPackagesTest, TheBundledListHolds73DrawdownsWorthUsd34025Million) {
  auto rows = ParseUsPackages(BundledFile(), "money.json");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->size(), 89u);
  std::size_t drawdowns = 0;
  std::int64_t pda_cents = 0;
  for (const UsPackageRow& row : *rows) {
    if (row.pda_usd_cents && *row.pda_usd_cents > 0) {
      ++drawdowns;
      pda_cents += *row.pda_usd_cents;
    }
  }
  EXPECT_EQ(drawdowns, 73u);
  EXPECT_EQ(pda_cents, 34'025LL * 100'000'000);
  EXPECT_EQ(rows->front().date.ToString(), "2021-12-23");
  EXPECT_EQ(rows->front().pda_usd_cents, 200LL * 100'000'000);
  EXPECT_EQ(rows->back().date.ToString(), "2025-01-09");
  EXPECT_EQ(rows->back().pda_usd_cents, 500LL * 100'000'000);
  EXPECT_NE(rows->back().fact_sheet_url.find("UKRAINE-FACT-SHEET-JAN-9-2025"), std::string::npos);
}

TEST(UsPackagesTest, EachRowKnowsWhereItLiesInTheFile) {
  std::string text = BundledFile();
  auto rows = ParseUsPackages(text, "money.json");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  std::size_t previous_end = 0;
  for (const UsPackageRow& row : *rows) {
    std::string_view quote = std::string_view(text).substr(row.begin_byte, row.end_byte - row.begin_byte);
    ASSERT_GE(quote.size(), 2u);
    EXPECT_EQ(quote.front(), '[');
    // Fields 0..6 only: the rest of the row is another table's.
    EXPECT_EQ(quote.back(), '"');
    EXPECT_NE(quote.find("\"" + row.date.ToString() + "\""), std::string_view::npos) << quote;
    EXPECT_EQ(std::count(quote.begin(), quote.end(), ','), 6) << quote;
    EXPECT_GT(row.begin_byte, previous_end);
    previous_end = row.end_byte;
  }
}

TEST(UsPackagesTest, AmountsTakeThousandsSeparatorsOrNone) {
  auto rows = ParseUsPackages(R"([["2024-01-02","1,250","2000","",""," ",""],
                                   ["2024-02-03","","1,000,000","7","","",""]])",
                              "t.json");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ((*rows)[0].pda_usd_cents, 1250LL * 100'000'000);
  EXPECT_EQ((*rows)[0].usai_usd_cents, 2000LL * 100'000'000);
  EXPECT_EQ((*rows)[0].fmf_usd_cents, std::nullopt);
  EXPECT_EQ((*rows)[1].pda_usd_cents, std::nullopt);
  EXPECT_EQ((*rows)[1].usai_usd_cents, 1'000'000LL * 100'000'000);
  EXPECT_EQ((*rows)[1].row, 2u);
}

TEST(UsPackagesTest, EveryBadRowIsNamedAndNothingIsReturned) {
  auto rows = ParseUsPackages(R"([["2024-01-02","100","","","","",""],
                                   ["2024-13-02","100","","","","",""],
                                   ["2024-01-03","1,25","","","","",""],
                                   ["2024-01-04","-5","12,3456","","","",""],
                                   ["2024-01-05","100"],
                                   ["2024-01-06",100,"","","","",""],
                                   "not a row",
                                   ["2024-01-07","1.5","",",100","","",""]])",
                              "money.json");
  ASSERT_FALSE(rows.ok());
  const std::string& message = rows.status().message();
  EXPECT_NE(message.find("7 bad rows; nothing imported"), std::string::npos) << message;
  for (const char* expected :
       {"money.json: row 2: field 0 (date): '2024-13-02'", "money.json: row 3: field 1 (PDA US$ million): '1,25'",
        "money.json: row 4: field 1 (PDA US$ million): '-5'", "money.json: row 4: field 2 (USAI US$ million): '12,3456'",
        "money.json: row 5: has 2 fields, needs at least 7", "money.json: row 6: every field is a string",
        "money.json: row 7: not an array of fields", "money.json: row 8: field 1 (PDA US$ million): '1.5'",
        "money.json: row 8: field 3 (FMF US$ million): ',100'"}) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected << "\n" << message;
  }
  EXPECT_EQ(message.find("row 1:"), std::string::npos) << message;
  for (const char* text : {"", "{}", "[", "[[\"2024-01-02\"", "null"}) {
    EXPECT_FALSE(ParseUsPackages(text, "x.json").ok()) << text;
  }
  EXPECT_TRUE(ParseUsPackages("[]", "x.json").ok());
}

}  // namespace
}  // namespace ramstein
