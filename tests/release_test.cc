// Releases: `release create` freezes the ledger's state and method; `release
// diff` rebuilds both views and shows what changed per donor, type and
// month, which adds up to what the donor totals say changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "base/decimal.h"
#include "io/csv/csv_reader.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

// column -> value of the row whose first cell is `key`, from CSV output.
std::map<std::string, std::string> RowOf(const std::string& csv, const std::string& key) {
  CsvReader reader(csv);
  CsvRow header, row;
  std::map<std::string, std::string> out;
  if (!reader.Next(&header)) return out;
  while (reader.Next(&row)) {
    if (row.fields[0] != key) continue;
    for (std::size_t i = 0; i < row.fields.size(); ++i) out[std::string(header.fields[i])] = std::string(row.fields[i]);
  }
  return out;
}

TEST(ReleaseTest, ADiffShowsWhatChangedAndAddsUpToTheTotals) {
  std::string db = TempDir("release") + "/ledger.db";
  std::string q = "--db '" + db + "' ";
  ASSERT_EQ(Ramstein(q + "init --bundled").exit_code, 0);
  auto first = Ramstein(q + "release create before");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::uint64_t frozen = HeadSequence(db) - 1;  // the release record is the newest event
  EXPECT_NE(first.out.find("the ledger at event " + std::to_string(frozen)), std::string::npos) << first.out;
  std::string totals_before = Ramstein(q + "report totals --csv").out;
  ASSERT_EQ(Ramstein(q + "import --format ukraine-aid-tracker '" + SourceDir() + "/data/ukraine-aid-tracker'").exit_code, 0);
  ASSERT_EQ(Ramstein(q + "release create after").exit_code, 0);
  std::string totals_after = Ramstein(q + "report totals --csv").out;

  auto diff = Ramstein(q + "release diff before after --csv");
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  CsvReader reader(diff.out);
  CsvRow row;
  ASSERT_TRUE(reader.Next(&row));
  Decimal usa_change;
  std::size_t usa_rows = 0;
  while (reader.Next(&row)) {
    ASSERT_EQ(row.fields.size(), 8u);
    auto a = ParseDecimal(row.fields[4]), b = ParseDecimal(row.fields[5]), change = ParseDecimal(row.fields[6]);
    ASSERT_TRUE(a && b && change);
    EXPECT_EQ(*Subtract(*b, *a), *change);  // every row: after - before
    if (row.fields[0] == "USA") {
      usa_change = *Add(usa_change, *change);
      ++usa_rows;
    }
  }
  EXPECT_GT(usa_rows, 20u);  // the US packages fall in many months
  // The changes add up to what the donor totals say the United States' committed EUR grew by.
  auto before = ParseDecimal(RowOf(totals_before, "USA")["committed_eur"]);
  auto after = ParseDecimal(RowOf(totals_after, "USA")["committed_eur"]);
  ASSERT_TRUE(before && after);
  EXPECT_EQ(DecimalToString(usa_change), DecimalToString(*Subtract(*after, *before)));
  // A release compared with itself: nothing changed.
  auto same = Ramstein(q + "release diff after after --csv");
  EXPECT_EQ(std::count(same.out.begin(), same.out.end(), '\n'), 1);
  EXPECT_EQ(Ramstein(q + "release diff before nowhere").exit_code, 2);
  EXPECT_EQ(Ramstein(q + "verify").exit_code, 0);
}

}  // namespace
}  // namespace ramstein::testing
