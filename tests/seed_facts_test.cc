// The facts listed in shared/seeds/README.md ("Facts the bundled dataset must
// hold"), each looked up in a ledger built from the bundled data. One test
// per bullet of that list, in its order.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "query/record_detail.h"
#include "query/reports.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

class SeedFactsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { db_ = OpenBundled(TempDir("facts") + "/bundled.db").release(); }
  static void TearDownTestSuite() { delete db_; }
  static const Model& model() { return db_->model(); }
  static const MeetingRecord& Meeting(const std::string& id) {
    const auto* meeting = model().FindAs<MeetingRecord>(id);
    EXPECT_NE(meeting, nullptr) << id;
    static MeetingRecord empty;
    return meeting ? *meeting : empty;
  }
  static std::optional<AttendanceMode> Attendance(const std::string& meeting,
                                                  const std::string& actor) {
    for (const StoredRecord* stored : model().All(RecordKind::attendance)) {
      const auto& a = std::get<AttendanceRecord>(stored->record);
      if (a.meeting == meeting && a.actor == actor) return a.mode;
    }
    return std::nullopt;
  }
  static const MeasureRecord& MeasureById(const std::string& id) {
    const auto* measure = model().FindAs<MeasureRecord>(id);
    EXPECT_NE(measure, nullptr) << id;
    static MeasureRecord empty;
    return measure ? *measure : empty;
  }
  static std::optional<std::int64_t> LineQuantity(const MeasureRecord& measure,
                                                  const std::string& item) {
    for (const auto& line : measure.lines) {
      if (line.item == item) return line.quantity.value_or(-1);
    }
    return std::nullopt;
  }
  static std::vector<std::string> Cited(const Common& common) {
    std::vector<std::string> sources;
    for (const auto& e : common.evidence) sources.push_back(e.source);
    return sources;
  }
  static bool Cites(const Common& common, const std::string& source) {
    auto sources = Cited(common);
    return std::find(sources.begin(), sources.end(), source) != sources.end();
  }
  static LedgerDb* db_;
};
LedgerDb* SeedFactsTest::db_ = nullptr;

TEST_F(SeedFactsTest, Udcg25thMeeting) {
  const auto& m = Meeting("meeting:udcg-25");
  EXPECT_EQ(m.number, 25);
  EXPECT_EQ(m.date.ToString(), "2025-01");
  EXPECT_EQ(m.venue, "Ramstein Air Base");
  EXPECT_EQ(m.venue_country, "DEU");
  EXPECT_EQ(m.chairs, std::vector<std::string>{"person:lloyd-austin"});
  EXPECT_TRUE(Attendance("meeting:udcg-25", "UKR").has_value());  // Zelensky addressed it
  EXPECT_TRUE(Cites(m, "src:000"));
}

TEST_F(SeedFactsTest, Udcg26thMeetingFirstChairedByTheUk) {
  const auto& m = Meeting("meeting:udcg-26");
  EXPECT_EQ(m.number, 26);
  EXPECT_EQ(m.date.ToString(), "2025-02");
  const auto* uk = model().FindAs<ChairRecord>("chair:udcg-gbr");
  ASSERT_NE(uk, nullptr);
  EXPECT_EQ(uk->from.ToString(), "2025-02");
  const auto* us = model().FindAs<ChairRecord>("chair:udcg-usa");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->to->ToString(), "2025-02");
}

TEST_F(SeedFactsTest, Udcg27thMeeting) {
  const auto& m = Meeting("meeting:udcg-27");
  EXPECT_EQ(m.number, 27);
  EXPECT_EQ(m.date.ToString(), "2025-04-11");
  EXPECT_EQ(m.venue, "NATO headquarters, Brussels");
  EXPECT_EQ(m.format, MeetingFormat::in_person);
  EXPECT_EQ(m.chairs, (std::vector<std::string>{"person:john-healey", "person:boris-pistorius"}));
  EXPECT_EQ(Attendance("meeting:udcg-27", "USA"), AttendanceMode::virtual_only);
  EXPECT_EQ(Attendance("meeting:udcg-27", "UKR"), AttendanceMode::in_person);
  auto claims = model().ClaimsAbout("meeting:udcg-27");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0]->number, 50);
  EXPECT_TRUE(Cites(m, "src:000") && Cites(m, "src:002"));
}

TEST_F(SeedFactsTest, JuneMeetingWithoutTheUsSecretary) {
  EXPECT_EQ(Meeting("meeting:udcg-2025-06").date.ToString(), "2025-06");
  EXPECT_EQ(Attendance("meeting:udcg-2025-06", "USA"), AttendanceMode::absent);
}

TEST_F(SeedFactsTest, July21MeetingVirtualHealeysFourth) {
  const auto& m = Meeting("meeting:udcg-2025-07-21");
  EXPECT_EQ(m.format, MeetingFormat::virtual_only);
  EXPECT_EQ(m.chairs, (std::vector<std::string>{"person:john-healey", "person:boris-pistorius"}));
  EXPECT_EQ(Attendance("meeting:udcg-2025-07-21", "USA"), AttendanceMode::virtual_only);
  auto claims = model().ClaimsAbout("meeting:udcg-2025-07-21");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0]->number, 4);
  EXPECT_NE(claims[0]->value.find("third alongside Pistorius"), std::string::npos);
}

TEST_F(SeedFactsTest, KelloggToMeetUmerovInRomeThenKyiv) {
  const auto& rome = Meeting("meeting:kellogg-umerov-rome-2025-07");
  EXPECT_EQ(rome.venue, "Rome");
  EXPECT_EQ(rome.state, MeetingState::planned);
  EXPECT_TRUE(Attendance("meeting:kellogg-umerov-rome-2025-07", "USA").has_value());
  EXPECT_TRUE(Attendance("meeting:kellogg-umerov-rome-2025-07", "UKR").has_value());
  EXPECT_EQ(Meeting("meeting:kellogg-umerov-kyiv-2025-07").venue, "Kyiv");
}

TEST_F(SeedFactsTest, AustinVisitsKyiv2024_10_21) {
  const auto& m = Meeting("meeting:austin-kyiv-2024-10-21");
  EXPECT_EQ(m.date.ToString(), "2024-10-21");
  std::vector<std::string> people;
  for (const StoredRecord* stored : model().All(RecordKind::attendance)) {
    const auto& a = std::get<AttendanceRecord>(stored->record);
    if (a.meeting == m.id && a.person) people.push_back(*a.person);
  }
  std::sort(people.begin(), people.end());
  EXPECT_EQ(people, (std::vector<std::string>{"person:lloyd-austin", "person:rustem-umerov",
                                              "person:volodymyr-zelensky"}));
}

TEST_F(SeedFactsTest, AustinUmerovPentagonTalksDecember2023) {
  const auto& m = Meeting("meeting:austin-umerov-pentagon-2023-12");
  EXPECT_EQ(m.date.ToString(), "2023-12");
  EXPECT_EQ(m.venue, "Pentagon");
  EXPECT_EQ(Meeting("meeting:austin-umerov-kyiv-2023-11").date.ToString(), "2023-11");
}

TEST_F(SeedFactsTest, CoalitionFoundedByAustinWithBothSizeClaims) {
  const auto* forum = model().FindAs<ForumRecord>("forum:udcg");
  ASSERT_NE(forum, nullptr);
  EXPECT_EQ(forum->founded->ToString(), "2022-04");
  EXPECT_EQ(forum->founder, "person:lloyd-austin");
  auto claims = model().ClaimsAbout("forum:udcg");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0]->value, "57 countries and the European Union");
  EXPECT_EQ(Cited(*claims[0]), std::vector<std::string>{"src:003"});
  EXPECT_EQ(claims[1]->value, "roughly 50 nations");
  EXPECT_EQ(Cited(*claims[1]), (std::vector<std::string>{"src:000", "src:002"}));
}

TEST_F(SeedFactsTest, UsPackageOf2023_12_06) {
  const auto& m = MeasureById("measure:usa-2023-12-06");
  EXPECT_EQ(m.announced->ToString(), "2023-12-06");
  ASSERT_TRUE(m.value.has_value());
  EXPECT_EQ(FormatMoney(*m.value), "USD 175,000,000.00");
  EXPECT_EQ(m.lines.size(), 9u);
  for (const char* item : {"item:air-defence-ammunition", "item:himars-ammunition",
                           "item:artillery-ammunition", "item:harm", "item:anti-tank-missile",
                           "item:small-arms-ammunition", "item:demolition-munitions",
                           "item:critical-infrastructure-protection", "item:auxiliary-equipment"}) {
    EXPECT_EQ(LineQuantity(m, item), -1) << item;  // named, no quantity
  }
}

TEST_F(SeedFactsTest, BidenTotal74PackagesOver34Billion) {
  auto claims = model().ClaimsAbout("authority:usa-pda");
  auto packages = std::find_if(claims.begin(), claims.end(),
                               [](auto* c) { return c->attribute == "packages_approved"; });
  ASSERT_NE(packages, claims.end());
  EXPECT_EQ((*packages)->number, 74);
  EXPECT_NE((*packages)->value.find("more than $34 billion"), std::string::npos);
  EXPECT_TRUE(std::any_of(claims.begin(), claims.end(),
                          [](auto* c) { return c->attribute == "industry_funding"; }));
}

TEST_F(SeedFactsTest, UsDrawdownAuthorityUntapped) {
  const auto* balance = model().FindAs<BalanceRecord>("balance:usa-pda-2025-04-11");
  ASSERT_NE(balance, nullptr);
  EXPECT_EQ(FormatMoney(*balance->remaining), "USD 3,850,000,000.00");
  const auto* none = model().FindAs<ClaimRecord>("claim:usa-no-new-aid-since-inauguration");
  ASSERT_NE(none, nullptr);
  EXPECT_EQ(none->number, 0);
}

TEST_F(SeedFactsTest, UsHoldEarlyJuly2025) {
  const auto* hold = model().FindAs<HoldRecord>("hold:usa-2025-07");
  ASSERT_NE(hold, nullptr);
  EXPECT_EQ(hold->donor, "USA");
  EXPECT_EQ(hold->from.ToString(), "2025-07");
  std::map<std::string, std::int64_t> quantities;
  for (const auto& line : hold->lines) quantities[line.item] = line.quantity.value_or(-1);
  EXPECT_EQ(quantities["item:artillery-round-155mm"], 8400);
  EXPECT_EQ(quantities["item:hellfire"], 142);
  EXPECT_EQ(quantities["item:gmlrs"], 252);
  EXPECT_EQ(quantities["item:patriot-interceptor"], 30);
  const auto* expected =
      model().FindAs<ResumptionRecord>("resumption:usa-2025-07-engineering-armour");
  ASSERT_NE(expected, nullptr);
  EXPECT_EQ(expected->state, ResumptionState::expected);
  EXPECT_EQ(expected->lines.size(), 2u);
  EXPECT_NE(model().FindAs<ClaimRecord>("claim:usa-2025-07-more-weapons"), nullptr);
}

TEST_F(SeedFactsTest, UsRouteViaNato) {
  const auto& m = MeasureById("measure:usa-nato-patriot-2025-07");
  EXPECT_EQ(m.instrument, Instrument::purchase_through_nato);
  EXPECT_EQ(m.via, "NATO");
  EXPECT_TRUE(LineQuantity(m, "item:patriot-system").has_value());
  EXPECT_EQ(model().ClaimsAbout(m.id).size(), 1u);  // several countries expected to buy
}

TEST_F(SeedFactsTest, UkGbp700MillionWith150MillionDelivered) {
  const auto& m = MeasureById("measure:gbr-2025-air-defence-artillery");
  EXPECT_EQ(FormatMoney(*m.value), "GBP 700,000,000.00");
  EXPECT_EQ(m.status, MeasureStatus::committed);
  EXPECT_EQ(Cited(m), (std::vector<std::string>{"src:002", "src:002"}));  // reported twice
  const auto* delivery =
      model().FindAs<DeliveryRecord>("delivery:gbr-2025-air-defence-artillery-150m");
  ASSERT_NE(delivery, nullptr);
  EXPECT_EQ(FormatMoney(*delivery->value), "GBP 150,000,000.00");
  EXPECT_EQ(delivery->to->ToString(), "2025-07-20");
}

TEST_F(SeedFactsTest, UkDronesAndTheDroneCoalition) {
  EXPECT_EQ(LineQuantity(MeasureById("measure:gbr-drones-2025"), "item:drone"), 50000);
  EXPECT_EQ(model().FindAs<DeliveryRecord>("delivery:gbr-drones-2025-h1")->quantity, 50000);
  const auto& coalition = MeasureById("measure:drone-coalition-20000");
  EXPECT_EQ(coalition.donor, "DRONE-COALITION");
  EXPECT_EQ(LineQuantity(coalition, "item:drone"), 20000);
  EXPECT_NE(model().FindAs<ChairRecord>("chair:drone-coalition-gbr"), nullptr);
  EXPECT_NE(model().FindAs<ChairRecord>("chair:drone-coalition-lva"), nullptr);
}

TEST_F(SeedFactsTest, GermanyFundsUkAirDefenceEur170Million) {
  const auto& m = MeasureById("measure:deu-gbr-air-defence-170m");
  EXPECT_EQ(FormatMoney(*m.value), "EUR 170,000,000.00");
  EXPECT_EQ(m.via, "GBR");
  EXPECT_EQ(m.meeting, "meeting:udcg-2025-07-21");
}

TEST_F(SeedFactsTest, TaurusHopedForNotCommitted) {
  const auto& m = MeasureById("measure:deu-taurus");
  EXPECT_EQ(m.status, MeasureStatus::proposed);
  EXPECT_TRUE(LineQuantity(m, "item:taurus").has_value());
}

TEST_F(SeedFactsTest, UsNasamsInvestments) {
  const auto& m = MeasureById("measure:usa-nasams-investments");
  EXPECT_TRUE(LineQuantity(m, "item:nasams").has_value());
  EXPECT_EQ(m.status, MeasureStatus::contracted);
}

TEST_F(SeedFactsTest, LongRangeMissileUseRestriction) {
  const auto& m = MeasureById("measure:usa-long-range-missiles");
  ASSERT_EQ(m.restrictions.size(), 1u);
  EXPECT_NE(m.restrictions[0].find("deep into Russia"), std::string::npos);
}

TEST_F(SeedFactsTest, NorthKoreaToRussiaTroopsAndEngineers) {
  const auto& troops = MeasureById("measure:prk-rus-troops");
  EXPECT_EQ(troops.donor, "PRK");
  EXPECT_EQ(troops.recipient, "RUS");
  EXPECT_EQ(LineQuantity(troops, "item:troops"), 11000);
  auto claims = model().ClaimsAbout(troops.id);
  ASSERT_EQ(claims.size(), 2u);  // 11,000 and "more than 10,000", side by side
  EXPECT_EQ(LineQuantity(MeasureById("measure:prk-rus-kursk-engineers"), "item:military-engineers"),
            6000);
}

TEST_F(SeedFactsTest, NorthKoreanAmmunitionAndIranianMissiles) {
  EXPECT_EQ(
      LineQuantity(MeasureById("measure:prk-rus-ammunition-2024"), "item:ammunition-container"),
      11000);
  const auto& iran = MeasureById("measure:irn-rus-ballistic-missiles-2024");
  EXPECT_EQ(iran.donor, "IRN");
  EXPECT_EQ(iran.recipient, "RUS");
  EXPECT_TRUE(LineQuantity(iran, "item:ballistic-missile").has_value());
}

TEST_F(SeedFactsTest, UkraineNeedsInterceptorsFirstThenPrecisionMunitions) {
  const auto* patriot = model().FindAs<RequirementRecord>("requirement:ukr-patriot-interceptors");
  const auto* precision = model().FindAs<RequirementRecord>("requirement:ukr-precision-munitions");
  ASSERT_NE(patriot, nullptr);
  ASSERT_NE(precision, nullptr);
  EXPECT_EQ(patriot->priority, 1);
  EXPECT_EQ(patriot->item, "item:patriot-interceptor");
  EXPECT_LT(patriot->priority, precision->priority);
  EXPECT_TRUE(Cites(*patriot, "src:000") && Cites(*patriot, "src:001"));
}

}  // namespace
}  // namespace ramstein::testing
