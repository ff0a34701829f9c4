// The UkraineAidTracker files, as bundled, imported into the bundled ledger:
// the US package list gives 73 drawdowns worth USD 34.025 bn, kept beside
// seed 000's "74 packages ... more than $34 billion"; heavy-weapon
// commitments resolve their models through the item catalogue or are kept
// for review; re-importing changes nothing; a bad row rejects the whole.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "base/decimal.h"
#include "query/record_lists.h"
#include "query/reports.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string UatDir() { return SourceDir() + "/data/ukraine-aid-tracker"; }

class UkraineAidTrackerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = TempDir("uat") + "/ledger.db";
    import_ = InitAndImport(path_, "ukraine-aid-tracker", "'" + UatDir() + "'");
    db_ = OpenLedger(path_).release();
  }
  static void TearDownTestSuite() { delete db_; }
  static const Model& model() { return db_->model(); }
  // Latest measures whose id starts with `prefix`.
  static std::vector<const MeasureRecord*> Measures(const std::string& prefix) {
    std::vector<const MeasureRecord*> out;
    for (const StoredRecord* stored : model().All(RecordKind::measure)) {
      const auto& measure = std::get<MeasureRecord>(stored->record);
      if (measure.id.rfind(prefix, 0) == 0) out.push_back(&measure);
    }
    return out;
  }
  static std::string path_;
  static CommandResult import_;
  static LedgerDb* db_;
};
std::string UkraineAidTrackerTest::path_;
CommandResult UkraineAidTrackerTest::import_;
LedgerDb* UkraineAidTrackerTest::db_ = nullptr;

TEST_F(UkraineAidTrackerTest, TheImportSaysWhatItDid) {
  EXPECT_EQ(import_.exit_code, 0) << import_.err;
  EXPECT_NE(import_.out.find("read 320 rows:"), std::string::npos) << import_.out;
  EXPECT_NE(import_.out.find("names to review (kept, not dropped)"), std::string::npos);
  EXPECT_NE(import_.out.find("item 'BMP-1' is not in the catalogue; kept as item:unreviewed/bmp-1"),
            std::string::npos);
}

TEST_F(UkraineAidTrackerTest, SeventyThreeDrawdownsWorthUsd34025Million) {
  auto drawdowns = Measures("measure:uat/usa-pda-");
  ASSERT_EQ(drawdowns.size(), 73u);
  std::int64_t cents = 0;
  for (const MeasureRecord* measure : drawdowns) {
    ASSERT_TRUE(measure->value.has_value());
    EXPECT_EQ(measure->value->currency.code(), "USD");
    EXPECT_EQ(measure->instrument, Instrument::stockpile_drawdown);
    EXPECT_EQ(measure->donor, "USA");
    ASSERT_EQ(measure->evidence.size(), 1u);
    EXPECT_NE(measure->evidence[0].quote.find(measure->announced->ToString()), std::string::npos);
    cents += measure->value->minor;
  }
  EXPECT_EQ(cents, 34'025LL * 100'000'000);
  EXPECT_EQ(Measures("measure:uat/usa-usai-").size(), 23u);
  EXPECT_EQ(Measures("measure:uat/usa-fmf-").size(), 5u);
}

TEST_F(UkraineAidTrackerTest, BothCountsOfPackagesAreShownSideBySideWithTheirSources) {
  auto show = Ramstein("--db '" + path_ + "' show authority:usa-pda");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  std::size_t attribute = show.out.find("packages_approved:");
  ASSERT_NE(attribute, std::string::npos) << show.out;
  std::size_t ours = show.out.find("73 drawdown packages worth USD 34,025,000,000.00", attribute);
  std::size_t seed = show.out.find("74 packages drawn from the Pentagon stockpile", attribute);
  EXPECT_NE(ours, std::string::npos) << show.out;
  EXPECT_NE(seed, std::string::npos) << show.out;
  EXPECT_NE(show.out.find("UkraineAidTracker: US assistance packages (money.json)"), std::string::npos);
  EXPECT_NE(show.out.find("Hegseth Attends Ukraine Defense Group Only Virtually"), std::string::npos);
  const auto* claim = model().FindAs<ClaimRecord>("claim:uat/usa-pda-packages");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->number, 73);
  EXPECT_EQ(claim->evidence.size(), 73u);  // every row it counts
}

TEST_F(UkraineAidTrackerTest, CommitmentsResolveTheirModelsOrKeepThemForReview) {
  auto commits = Measures("measure:uat/commit-");
  EXPECT_EQ(commits.size(), 231u);
  std::size_t patriots = 0, unreviewed = 0;
  for (const MeasureRecord* measure : commits) {
    ASSERT_EQ(measure->lines.size(), 1u);
    const std::string& item = measure->lines[0].item;
    patriots += item == "item:patriot-system";
    unreviewed += item.rfind("item:unreviewed/", 0) == 0;
    EXPECT_GT(measure->lines[0].quantity.value_or(0), 0);
  }
  // "MIM-104 Patriot" (9 rows) and "PATRIOT" (1) are both the catalogue's
  // Patriot system, through its aliases ("Patriot" in any case).
  EXPECT_EQ(patriots, 10u);
  EXPECT_GT(unreviewed, 0u);
  const auto* bmp = model().FindAs<ItemRecord>("item:unreviewed/bmp-1");
  ASSERT_NE(bmp, nullptr);
  EXPECT_EQ(bmp->category, "Infantry Fighting Vehicle");
  // A row that cites a web page has it as a source (cited whole).
  const auto* first = model().FindAs<MeasureRecord>("measure:uat/commit-2022-04-01-CZE-bmp-1");
  ASSERT_NE(first, nullptr);
  ASSERT_EQ(first->evidence.size(), 2u);
  const auto* page = model().FindAs<SourceRecord>(first->evidence[1].source);
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page->publisher, "newlinesinstitute.org");
}

TEST_F(UkraineAidTrackerTest, ReimportingChangesNothingAndABadRowRejectsTheWhole) {
  std::string dir = TempDir("uat-again");
  std::string db = dir + "/ledger.db";
  std::filesystem::copy_file(path_, db);
  if (std::filesystem::exists(path_ + "-wal")) std::filesystem::copy_file(path_ + "-wal", db + "-wal");
  std::string before = Fingerprint(db);
  auto again = Ramstein("--db '" + db + "' import --format ukraine-aid-tracker '" + UatDir() + "'");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 records new, 0 changed"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("nothing to append"), std::string::npos) << again.out;
  EXPECT_EQ(Fingerprint(db), before);

  std::string money = ReadText(UatDir() + "/money.json");
  std::size_t at = money.find("\"2022-02-25\"");
  ASSERT_NE(at, std::string::npos);
  money.replace(at, 12, "\"2022-02-30\"");
  std::filesystem::create_directory(dir + "/bad");
  std::ofstream(dir + "/bad/money.json", std::ios::binary) << money;
  auto rejected = Ramstein("--db '" + db + "' import --format ukraine-aid-tracker '" + dir + "/bad'");
  EXPECT_EQ(rejected.exit_code, 2);
  EXPECT_NE(rejected.err.find("money.json: row "), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("'2022-02-30' is not YYYY-MM-DD"), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("nothing was written"), std::string::npos) << rejected.err;
  EXPECT_EQ(Fingerprint(db), before);
}

// Beside the seed's own US measures the tracker's are summed too; the
// publisher filter keeps one source's, and the publishers' parts add up to
// the whole, cent for cent.
TEST_F(UkraineAidTrackerTest, ThePublisherFilterKeepsOneTrackersMeasures) {
  constexpr const char* kTracker = "UkraineAidTracker (protect-ukraine-now)";
  auto usd_announced = [&](const MeasureFilter& filter) -> std::int64_t {
    Table table = DonorsReport(model(), filter);
    for (const auto& row : table.rows) {
      if (row[0] == "USA" && row[2] == "USD") {
        auto minor = ParseDecimal(row[static_cast<std::size_t>(table.ColumnIndex("announced"))]);
        EXPECT_TRUE(minor.has_value());
        return minor ? *DecimalToMinor(*minor, 2) : -1;
      }
    }
    return 0;
  };
  // The tracker's own US dollars, from its measures.
  std::int64_t tracker_cents = 0;
  std::set<std::string> publishers;
  std::map<std::string, std::string> cache;
  for (const StoredRecord* stored : model().All(RecordKind::measure)) {
    const auto& measure = std::get<MeasureRecord>(stored->record);
    publishers.insert(PublisherOf(model(), measure, &cache));
    if (measure.donor == "USA" && PublisherOf(model(), measure, &cache) == kTracker && measure.value &&
        measure.value->currency.code() == "USD" && measure.status != MeasureStatus::proposed &&
        measure.status != MeasureStatus::cancelled)
      tracker_cents += measure.value->minor;
  }
  ASSERT_GT(tracker_cents, 34'025'000'000'00LL);  // the drawdowns and more
  EXPECT_EQ(usd_announced({std::nullopt, kTracker}), tracker_cents);
  std::int64_t parts = 0;
  for (const auto& publisher : publishers) parts += usd_announced({std::nullopt, publisher});
  EXPECT_EQ(parts, usd_announced({}));
  EXPECT_GT(usd_announced({}), tracker_cents);  // the seed's own US measures are there too

  // The same through the CLI; a publisher no measure cites is refused.
  auto totals = Ramstein("--db '" + path_ + "' report totals --csv --publisher '" + kTracker + "'");
  ASSERT_EQ(totals.exit_code, 0) << totals.err;
  EXPECT_EQ(totals.out.find("\r\nGBR,"), std::string::npos) << "only the tracker's donors";
  auto unknown = Ramstein("--db '" + path_ + "' report donors --publisher 'Nobody'");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no measure cites a source of 'Nobody'"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find(kTracker), std::string::npos) << unknown.err;
}

// The publishers report lists the accounts the filter takes, each with its
// measures, and they count every measure once; the measures list filtered by
// one publisher holds exactly that publisher's measures.
TEST_F(UkraineAidTrackerTest, PublishersAreListedAndFilterTheMeasuresList) {
  constexpr const char* kTracker = "UkraineAidTracker (protect-ukraine-now)";
  Table publishers = PublishersReport(model());
  int name = publishers.ColumnIndex("publisher"), measures = publishers.ColumnIndex("measures");
  ASSERT_GE(name, 0);
  ASSERT_GE(measures, 0);
  std::map<std::string, std::int64_t> counted;
  for (const auto& row : publishers.rows) counted[row[name]] = std::stoll(row[measures]);
  std::int64_t all = 0;
  for (const auto& [publisher, count] : counted) all += count;
  EXPECT_EQ(all, static_cast<std::int64_t>(model().measures().size()));
  EXPECT_EQ(counted.at(kTracker), 73 + 23 + 5 + 231);  // money.json's packages and commits.json's rows
  EXPECT_EQ(publishers.rows.front()[name], kTracker);  // the most measures first
  for (const auto& [publisher, count] : counted) {
    ListQuery query;
    query.publisher = publisher;
    auto list = ListRecords(model(), "measures", query);
    ASSERT_TRUE(list.ok()) << list.status().ToString();
    EXPECT_EQ(static_cast<std::int64_t>(list->rows.size()), count) << publisher;
  }
  // One account is the default for money: the one whose measures hold the
  // most EUR, its sum what the totals count under that publisher.
  int announced = publishers.ColumnIndex("announced_eur"), default_for = publishers.ColumnIndex("default_for");
  ASSERT_GE(announced, 0);
  ASSERT_GE(default_for, 0);
  std::vector<const std::vector<std::string>*> money;
  const std::vector<std::string>* richest = nullptr;
  for (const auto& row : publishers.rows) {
    if (row[default_for] == "money") money.push_back(&row);
    if (!row[name].empty() && (!richest || std::stod(row[announced]) > std::stod((*richest)[announced]))) richest = &row;
  }
  ASSERT_EQ(money.size(), 1u);
  EXPECT_EQ((*money[0])[name], (*richest)[name]);
  EXPECT_EQ((*money[0])[name], kTracker);  // its US packages outweigh the seed's pledges
  Table totals = DonorTotalsReport(model(), MeasureFilter{std::nullopt, (*money[0])[name]});
  double summed = 0;
  for (const auto& row : totals.rows) summed += std::stod(row[totals.ColumnIndex("announced_eur")]);
  EXPECT_NEAR(summed, std::stod((*money[0])[announced]), 0.005 * static_cast<double>(totals.rows.size()));
  ListQuery nobody;
  nobody.publisher = "Nobody";
  auto refused = ListRecords(model(), "measures", nobody);
  EXPECT_FALSE(refused.ok());
  ListQuery sources;
  sources.publisher = kTracker;
  EXPECT_FALSE(ListRecords(model(), "sources", sources).ok());  // sources have no such filter
}

}  // namespace
}  // namespace ramstein::testing
