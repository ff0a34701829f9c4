// Every report on the bundled data, against figures worked out by hand from
// the seed documents.
#include "query/reports.h"

#include <gtest/gtest.h>

#include <set>

#include "base/date.h"
#include "base/limits.h"
#include "render/table_format.h"
#include "query/record_detail.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

class ReportsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = TempDir("reports") + "/bundled.db";
    db_ = OpenBundled(path_).release();
  }
  static void TearDownTestSuite() { delete db_; }
  static const Model& model() { return db_->model(); }
  static std::int32_t Day(const char* text) { return Date::Parse(text)->last_day(); }
  static std::string Cell(const Table& table, std::size_t row, const std::string& column) {
    return table.rows.at(row).at(static_cast<std::size_t>(table.ColumnIndex(column)));
  }
  static int FindRow(const Table& table, const std::string& column, const std::string& value,
                     const std::string& column2 = "", const std::string& value2 = "") {
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (Cell(table, r, column) == value && (column2.empty() || Cell(table, r, column2) == value2))
        return static_cast<int>(r);
    }
    return -1;
  }
  static std::string path_;
  static LedgerDb* db_;
};
std::string ReportsTest::path_;
LedgerDb* ReportsTest::db_ = nullptr;

TEST_F(ReportsTest, UsHoldOfJuly2025ListsExactlyTheReportedQuantities) {
  Table holds = HoldsReport(model(), Day("2025-07-08"));
  std::multiset<std::string> quantities;
  for (std::size_t r = 0; r < holds.rows.size(); ++r) {
    EXPECT_EQ(Cell(holds, r, "donor"), "USA");
    if (!Cell(holds, r, "quantity_held").empty())
      quantities.insert(Cell(holds, r, "quantity_held"));
  }
  EXPECT_EQ(quantities, (std::multiset<std::string>{"8400", "142", "252", "30"}));
  int patriot = FindRow(holds, "item", "item:patriot-interceptor");
  ASSERT_GE(patriot, 0);
  EXPECT_EQ(Cell(holds, static_cast<std::size_t>(patriot), "quantity_held"), "30");
  // Engineering equipment and armoured vehicles: held, resumption expected.
  int engineering = FindRow(holds, "item", "item:engineering-equipment");
  ASSERT_GE(engineering, 0);
  EXPECT_NE(Cell(holds, static_cast<std::size_t>(engineering), "expected_resumption"), "");
  // Nothing was held before July 2025, and the pause was over by 20 July.
  EXPECT_TRUE(HoldsReport(model(), Day("2025-06-30")).rows.empty());
  EXPECT_TRUE(HoldsReport(model(), Day("2025-07-20")).rows.empty());
}

TEST_F(ReportsTest, UkDeliveredGbp150MillionOf700Million) {
  Table donors = DonorsReport(model());
  int uk = FindRow(donors, "donor", "GBR", "currency", "GBP");
  ASSERT_GE(uk, 0);
  auto row = static_cast<std::size_t>(uk);
  EXPECT_EQ(Cell(donors, row, "committed"), "700000000.00");
  EXPECT_EQ(Cell(donors, row, "delivered"), "150000000.00");
  EXPECT_EQ(Cell(donors, row, "outstanding"), "550000000.00");
  // At the ECB rate of 2024-12-31 (GBP 0.82918 per EUR): "this year" = 2025,
  // whose first day has no rate.
  EXPECT_EQ(Cell(donors, row, "committed_eur"), "844207530.33");
  EXPECT_EQ(Cell(donors, row, "delivered_eur"), "180901613.64");
  // The US package of 6 December 2023 is announced, not committed.
  int us = FindRow(donors, "donor", "USA", "currency", "USD");
  ASSERT_GE(us, 0);
  EXPECT_EQ(Cell(donors, static_cast<std::size_t>(us), "announced"), "175000000.00");
  EXPECT_EQ(Cell(donors, static_cast<std::size_t>(us), "committed"), "0.00");
  // Money in different currencies is never added: one row per currency.
  for (std::size_t r = 0; r < donors.rows.size(); ++r)
    EXPECT_EQ(Cell(donors, r, "currency").size(), 3u);
}

TEST_F(ReportsTest, MonthlyPlacesEachAmountInItsPeriodAndSumsToTheTotals) {
  Table monthly = *MonthlyReport(model());
  // The US package of 6 December 2023: USD 175 m announced, at 1.0778 USD per EUR.
  int december = FindRow(monthly, "period", "2023-12");
  ASSERT_GE(december, 0);
  EXPECT_EQ(Cell(monthly, static_cast<std::size_t>(december), "announced_eur"), "162367786.23");
  EXPECT_EQ(Cell(monthly, static_cast<std::size_t>(december), "committed_eur"), "0.00");
  // The UK's GBP 700 m for "this year" is known to the year only.
  int year = FindRow(monthly, "period", "2025");
  ASSERT_GE(year, 0);
  EXPECT_EQ(Cell(monthly, static_cast<std::size_t>(year), "precision"), "year");
  EXPECT_EQ(Cell(monthly, static_cast<std::size_t>(year), "committed_eur"), "844207530.33");
  // GBP 150 m sent "in the past two months" of a 2025-07-20 report: July.
  int july = FindRow(monthly, "period", "2025-07");
  ASSERT_GE(july, 0);
  EXPECT_EQ(Cell(monthly, static_cast<std::size_t>(july), "delivered_eur"), "180901613.64");
  // Every period together holds what the donor totals hold.
  Table totals = DonorTotalsReport(model());
  for (const char* column : {"announced_eur", "committed_eur", "delivered_eur"}) {
    std::int64_t by_period = 0, by_donor = 0;
    for (std::size_t r = 0; r < monthly.rows.size(); ++r) by_period += *ParseDecimalMinor(Cell(monthly, r, column), 2, limits::money_minor_max);
    for (std::size_t r = 0; r < totals.rows.size(); ++r) by_donor += *ParseDecimalMinor(Cell(totals, r, column), 2, limits::money_minor_max);
    EXPECT_EQ(by_period, by_donor) << column;
  }
  for (std::size_t r = 1; r < monthly.rows.size(); ++r)
    EXPECT_LE(Date::Parse(Cell(monthly, r - 1, "period"))->days, Date::Parse(Cell(monthly, r, "period"))->days);
  // One donor: the UK's money only (no US package in December 2023).
  Table uk = *MonthlyReport(model(), "GBR");
  EXPECT_EQ(FindRow(uk, "period", "2023-12"), -1);
  int uk_year = FindRow(uk, "period", "2025");
  ASSERT_GE(uk_year, 0);
  EXPECT_EQ(Cell(uk, static_cast<std::size_t>(uk_year), "committed_eur"), "844207530.33");
  EXPECT_EQ(MonthlyReport(model(), "XXX").status().code(), Status::Code::not_found);
}

TEST_F(ReportsTest, TotalsConvertToUsdThroughTheSameDaysRates) {
  Table totals = DonorTotalsReport(model());
  int uk = FindRow(totals, "donor", "GBR");
  ASSERT_GE(uk, 0);
  // GBP 700 m at 0.82918 GBP and 1.0389 USD per EUR (2024-12-31).
  EXPECT_EQ(Cell(totals, static_cast<std::size_t>(uk), "committed_usd"), "877047203.26");
  EXPECT_EQ(Cell(totals, static_cast<std::size_t>(uk), "committed_eur"), "844207530.33");
  int us = FindRow(totals, "donor", "USA");
  ASSERT_GE(us, 0);
  EXPECT_EQ(Cell(totals, static_cast<std::size_t>(us), "announced_usd"), "175000000.00");
}

TEST_F(ReportsTest, UsAuthorityRemainingOn2025_04_11) {
  Table authorities = AuthoritiesReport(model(), Day("2025-04-11"));
  int usa = FindRow(authorities, "authority", "authority:usa-pda");
  ASSERT_GE(usa, 0);
  EXPECT_EQ(Cell(authorities, static_cast<std::size_t>(usa), "remaining"), "3850000000.00");
  EXPECT_EQ(Cell(authorities, static_cast<std::size_t>(usa), "currency"), "USD");
  // Before that report nothing was known.
  Table earlier = AuthoritiesReport(model(), Day("2025-04-10"));
  EXPECT_EQ(
      Cell(earlier, static_cast<std::size_t>(FindRow(earlier, "authority", "authority:usa-pda")),
           "remaining"),
      "");
}

TEST_F(ReportsTest, The27thMeetingShowsTheUsVirtualAndTheChairs) {
  auto meeting = MeetingDetail(model(), "27");
  ASSERT_TRUE(meeting.ok()) << meeting.status().ToString();
  int usa = FindRow(meeting->attendance, "actor", "USA");
  ASSERT_GE(usa, 0);
  EXPECT_EQ(Cell(meeting->attendance, static_cast<std::size_t>(usa), "mode"), "virtual");
  EXPECT_EQ(Cell(meeting->attendance, static_cast<std::size_t>(usa), "person"), "Pete Hegseth");
  int chairs = FindRow(meeting->facts, "field", "chairs");
  ASSERT_GE(chairs, 0);
  EXPECT_EQ(Cell(meeting->facts, static_cast<std::size_t>(chairs), "value"),
            "John Healey (GBR); Boris Pistorius (DEU)");
  EXPECT_EQ(Cell(meeting->facts, static_cast<std::size_t>(FindRow(meeting->facts, "field", "date")),
                 "value"),
            "2025-04-11");
  EXPECT_EQ(Cell(meeting->facts,
                 static_cast<std::size_t>(FindRow(meeting->facts, "field", "format")), "value"),
            "in_person");
  EXPECT_FALSE(MeetingDetail(model(), "99").ok());
}

TEST_F(ReportsTest, MeetingsListCountsAttendanceModes) {
  Table meetings = MeetingsReport(model());
  int june = FindRow(meetings, "meeting", "meeting:udcg-2025-06");
  ASSERT_GE(june, 0);
  EXPECT_EQ(Cell(meetings, static_cast<std::size_t>(june), "absent"), "1");
  int july = FindRow(meetings, "meeting", "meeting:udcg-2025-07-21");
  ASSERT_GE(july, 0);
  EXPECT_EQ(Cell(meetings, static_cast<std::size_t>(july), "format"), "virtual");
  EXPECT_EQ(Cell(meetings, static_cast<std::size_t>(july), "measures"), "1");
}

TEST_F(ReportsTest, ItemsByAliasAndCategory) {
  ItemsFilter by_alias;
  by_alias.item = "Patriot missile";
  auto patriot = ItemsReport(model(), by_alias);
  ASSERT_TRUE(patriot.ok());
  ASSERT_EQ(patriot->rows.size(), 1u);
  EXPECT_EQ(Cell(*patriot, 0, "donor"), "USA");
  EXPECT_EQ(Cell(*patriot, 0, "held"), "0");  // resumed on 2025-07-12
  ItemsFilter drones;
  drones.category = "drones";
  auto table = ItemsReport(model(), drones);
  ASSERT_TRUE(table.ok());
  int uk = FindRow(*table, "donor", "GBR");
  ASSERT_GE(uk, 0);
  EXPECT_EQ(Cell(*table, static_cast<std::size_t>(uk), "pledged"), "50000");
  EXPECT_EQ(Cell(*table, static_cast<std::size_t>(uk), "delivered"), "50000");
  int coalition = FindRow(*table, "donor", "DRONE-COALITION");
  ASSERT_GE(coalition, 0);
  EXPECT_EQ(Cell(*table, static_cast<std::size_t>(coalition), "pledged"), "20000");
  ItemsFilter unknown;
  unknown.item = "photon torpedo";
  EXPECT_EQ(ItemsReport(model(), unknown).status().code(), Status::Code::not_found);
}

TEST_F(ReportsTest, ItemsForOneDonor) {
  auto usa = ItemsReport(model(), {std::nullopt, std::nullopt, "USA"});
  ASSERT_TRUE(usa.ok());
  ASSERT_FALSE(usa->rows.empty());
  for (std::size_t r = 0; r < usa->rows.size(); ++r) EXPECT_EQ(Cell(*usa, r, "donor"), "USA");
  auto all = ItemsReport(model(), {});
  ASSERT_TRUE(all.ok());
  std::size_t usa_rows = 0;
  for (std::size_t r = 0; r < all->rows.size(); ++r) usa_rows += Cell(*all, r, "donor") == "USA";
  EXPECT_EQ(usa->rows.size(), usa_rows);
  EXPECT_EQ(ItemsReport(model(), {std::nullopt, std::nullopt, "XXX"}).status().code(), Status::Code::not_found);
}

TEST_F(ReportsTest, ChangesSinceJuly2025) {
  Table changes = ChangesReport(model(), Date::Parse("2025-07-01")->days);
  EXPECT_GE(FindRow(changes, "id", "hold:usa-2025-07"), 0);
  EXPECT_GE(FindRow(changes, "id", "resumption:usa-2025-07-resumed"), 0);
  EXPECT_GE(FindRow(changes, "id", "meeting:udcg-2025-07-21"), 0);
  EXPECT_EQ(FindRow(changes, "id", "measure:usa-2023-12-06"), -1);
  for (std::size_t r = 1; r < changes.rows.size(); ++r)
    EXPECT_LE(Cell(changes, r - 1, "date"), Cell(changes, r, "date"));
}

TEST_F(ReportsTest, ShowKeepsDisagreeingClaimsSideBySide) {
  auto detail = ShowRecord(model(), "forum:udcg");
  ASSERT_TRUE(detail.ok());
  std::set<std::string> members;
  for (const auto& claim : detail->claims) {
    if (claim.attribute == "members") members.insert(claim.value);
    for (const auto& evidence : claim.evidence) EXPECT_FALSE(evidence.publisher.empty());
  }
  EXPECT_EQ(members,
            (std::set<std::string>{"57 countries and the European Union", "roughly 50 nations"}));
  EXPECT_EQ(ShowRecord(model(), "nothing:here").status().code(), Status::Code::not_found);
}

TEST_F(ReportsTest, CliJsonIsTheSameTableAsTheFunction) {
  struct Case {
    std::string arguments;
    Table table;
  };
  std::vector<Case> cases = {
      {"report donors", DonorsReport(model())},
      {"report totals", DonorTotalsReport(model())},
      {"report holds --at 2025-07-08", HoldsReport(model(), Day("2025-07-08"))},
      {"report meetings", MeetingsReport(model())},
      {"report authorities --at 2025-04-11", AuthoritiesReport(model(), Day("2025-04-11"))},
      {"report items --category 'Air Defense'",
       *ItemsReport(model(), ItemsFilter{std::nullopt, "Air Defense", std::nullopt})},
      {"report changes --since 2025-01-01",
       ChangesReport(model(), Date::Parse("2025-01-01")->days)},
  };
  for (const auto& c : cases) {
    auto result = Ramstein("--db '" + path_ + "' " + c.arguments + " --json");
    EXPECT_EQ(result.exit_code, 0) << c.arguments << ": " << result.err;
    EXPECT_EQ(result.out, TableToJson(c.table)) << c.arguments;
    auto csv = Ramstein("--db '" + path_ + "' " + c.arguments + " --csv");
    EXPECT_EQ(csv.out, TableToCsv(c.table)) << c.arguments;
  }
}

}  // namespace
}  // namespace ramstein::testing
