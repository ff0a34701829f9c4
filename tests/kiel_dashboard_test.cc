// Kiel Ukraine Support Tracker, Release 29 dashboard files, as bundled: every
// cell of every file is in the ledger exactly as printed, the sums give the
// figures the Kiel Institute publishes, re-importing changes nothing, and a
// bad file is rejected whole with its file, row and column named.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "base/decimal.h"
#include "io/csv/csv_reader.h"
#include "query/reports.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string KielDir() { return SourceDir() + "/data/kiel/release-29"; }

class KielDashboardTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = TempDir("kiel-dashboard") + "/bundled.db";
    db_ = OpenBundled(path_).release();
  }
  static void TearDownTestSuite() { delete db_; }
  static const Model& model() { return db_->model(); }

  // The exact sums of one dataset grouped `by`, as (group -> column -> sum).
  static std::map<std::string, std::map<std::string, std::string>> Sums(const std::string& dataset,
                                                                        const std::string& by) {
    auto table = FiguresReport(model(), {dataset, by, std::nullopt});
    EXPECT_TRUE(table.ok()) << table.status().message();
    std::map<std::string, std::map<std::string, std::string>> out;
    if (!table.ok()) return out;
    for (const auto& row : table->rows) {
      for (std::size_t c = 0; c < table->columns.size(); ++c)
        out[row[0]][table->columns[c].name] = row[c];
    }
    return out;
  }
  static std::string Rounded(const std::string& exact, int places) {
    auto value = ParseDecimal(exact);
    EXPECT_TRUE(value.has_value()) << exact;
    return value ? DecimalRounded(*value, places) : "";
  }

  static std::string path_;
  static LedgerDb* db_;
};
std::string KielDashboardTest::path_;
LedgerDb* KielDashboardTest::db_ = nullptr;

// Each file: how its rows are keyed in figure ids, and which columns are values.
struct FileSpec {
  std::string file;
  std::vector<std::string> key_columns;  // joined with '/' after the dataset
  std::vector<std::string> value_columns;
};

TEST_F(KielDashboardTest, EveryCellIsInTheLedgerAsPrinted) {
  // Donor names of weapons.csv map to ISO codes through data_explorer.csv.
  std::map<std::string, std::string> iso_by_name;
  const std::vector<FileSpec> files = {
      {"data_explorer.csv", {"iso", "year-month"},
       {"total", "financial", "humanitarian", "military", "commitments", "to_be_allocated", "gdp",
        "pct_gdp"}},
      {"total_allocations.csv", {"year-month"},
       {"total_allocations", "military", "financial", "humanitarian"}},
      {"procurement_trends.csv", {"year-month"}, {"stockpile", "procurement", "unspecified", "nato_purl"}},
      {"weapons.csv", {"donor-iso", "category-slug"}, {"number_of_weapons", "monetary_value_eur"}},
      {"eu_aid_shares.csv", {"iso"},
       {"bilateral_pct_gdp", "eu_share_pct_gdp", "total_pct_gdp", "eu_share_bn"}},
  };
  std::size_t cells = 0, rows = 0;
  for (const FileSpec& spec : files) {
    std::string text = ReadText(KielDir() + "/" + spec.file);
    CsvReader reader(text);
    CsvRow row;
    ASSERT_TRUE(reader.Next(&row));
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < row.fields.size(); ++i) column[std::string(row.fields[i])] = i;
    auto cell = [&](const std::string& name) { return std::string(row.fields.at(column.at(name))); };
    while (reader.Next(&row)) {
      ++rows;
      std::string id = "figure:kiel-r29/" + spec.file.substr(0, spec.file.size() - 4);
      for (const auto& key : spec.key_columns) {
        if (key == "year-month") {
          id += "/" + cell("year") + "-" + (cell("month").size() == 1 ? "0" : "") + cell("month");
        } else if (key == "donor-iso") {
          id += "/" + iso_by_name.at(cell("donor"));
        } else if (key == "category-slug") {
          std::string slug = cell("category");
          for (char& c : slug) c = c == ' ' ? '-' : static_cast<char>(std::tolower(c));
          id += "/" + slug;
        } else {
          id += "/" + cell(key);
        }
      }
      if (spec.file == "data_explorer.csv") iso_by_name[cell("country")] = cell("iso");
      const auto* figure = model().FindAs<FigureRecord>(id);
      ASSERT_NE(figure, nullptr) << id;
      ASSERT_EQ(figure->values.size(), spec.value_columns.size()) << id;
      for (std::size_t v = 0; v < spec.value_columns.size(); ++v) {
        EXPECT_EQ(figure->values[v].name, spec.value_columns[v]) << id;
        EXPECT_EQ(figure->values[v].value, cell(spec.value_columns[v])) << id;
        ++cells;
      }
      ASSERT_EQ(figure->evidence.size(), 1u);
      EXPECT_EQ(figure->evidence[0].quote, text.substr(row.begin_byte, row.end_byte - row.begin_byte));
    }
    EXPECT_EQ(reader.error(), "") << spec.file;
  }
  EXPECT_EQ(rows, 1079u + 52 + 52 + 61 + 27);
  EXPECT_EQ(cells, 1079u * 8 + 52 * 4 + 52 * 4 + 61 * 2 + 27 * 4);
}

TEST_F(KielDashboardTest, SumsGiveTheFiguresKielPublishes) {
  auto all = Sums("kiel-r29/data_explorer", "all").at("all");
  EXPECT_EQ(Rounded(all.at("total (EUR_bn)"), 1), "358.4");
  EXPECT_EQ(Rounded(all.at("military (EUR_bn)"), 1), "173.0");
  EXPECT_EQ(Rounded(all.at("financial (EUR_bn)"), 1), "159.7");
  EXPECT_EQ(Rounded(all.at("humanitarian (EUR_bn)"), 1), "25.7");
  EXPECT_EQ(Rounded(all.at("commitments (EUR_bn)"), 1), "548.0");
  // Every digit: the exact sums of the file's cells.
  EXPECT_EQ(all.at("total (EUR_bn)"), "358.399501");
  EXPECT_EQ(all.at("rows"), "1079");

  auto donors = Sums("kiel-r29/data_explorer", "subject");
  EXPECT_EQ(donors.size(), 42u);
  EXPECT_EQ(Rounded(donors.at("USA").at("total (EUR_bn)"), 1), "115.4");
  EXPECT_EQ(donors.at("USA").at("name"), "United States");

  // The monthly totals file agrees with the per-donor file, month by month,
  // to the last digit.
  auto by_month = Sums("kiel-r29/data_explorer", "period");
  auto totals = Sums("kiel-r29/total_allocations", "period");
  ASSERT_EQ(by_month.size(), totals.size());
  for (const auto& [month, sums] : totals) {
    SCOPED_TRACE(month);
    ASSERT_TRUE(by_month.count(month));
    for (const char* type : {"military", "financial", "humanitarian"}) {
      std::string column = std::string(type) + " (EUR_bn)";
      EXPECT_EQ(ParseDecimal(by_month.at(month).at(column)), ParseDecimal(sums.at(column)));
    }
    EXPECT_EQ(ParseDecimal(by_month.at(month).at("total (EUR_bn)")),
              ParseDecimal(sums.at("total_allocations (EUR_bn)")));
  }
}

// GDP is a level repeated in every month's row: per donor the figure is the
// latest month's, over all donors the sum of those, never a sum over months.
TEST_F(KielDashboardTest, GdpIsTakenAtTheLatestMonthNotSummedOverMonths) {
  std::string text = ReadText(SourceDir() + "/data/kiel/release-29/data_explorer.csv");
  CsvReader reader(text);
  CsvRow row;
  ASSERT_TRUE(reader.Next(&row));  // "country","iso","year","month",...,"gdp","pct_gdp"
  ASSERT_EQ(row.fields[10], "gdp");
  std::map<std::string, std::pair<int, std::string>> latest;  // iso -> (year * 12 + month, gdp)
  while (reader.Next(&row)) {
    int when = std::stoi(std::string(row.fields[2])) * 12 + std::stoi(std::string(row.fields[3]));
    auto& entry = latest[std::string(row.fields[1])];
    if (entry.second.empty() || entry.first < when) entry = {when, std::string(row.fields[10])};
  }
  auto donors = Sums("kiel-r29/data_explorer", "subject");
  ASSERT_EQ(donors.size(), latest.size());
  Decimal all_gdp;
  for (const auto& [iso, entry] : latest) {
    SCOPED_TRACE(iso);
    ASSERT_TRUE(donors.count(iso));
    EXPECT_EQ(ParseDecimal(donors.at(iso).at("gdp (EUR_bn, latest)")), ParseDecimal(entry.second));
    all_gdp = *Add(all_gdp, *ParseDecimal(entry.second));
  }
  EXPECT_EQ(ParseDecimal(Sums("kiel-r29/data_explorer", "all").at("all").at("gdp (EUR_bn, latest)")), all_gdp);
  EXPECT_EQ(Rounded(donors.at("USA").at("gdp (EUR_bn, latest)"), 1), "19712.8");
}

TEST_F(KielDashboardTest, ReimportingChangesNothing) {
  std::string copy = TempDir("kiel-dashboard-reimport") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + copy + "' init --bundled").exit_code, 0);
  std::string before = Fingerprint(copy);
  auto dry = Ramstein("--db '" + copy + "' import --dry-run --format kiel-dashboard '" + KielDir() + "'");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("read 1272 rows: 0 records new, 0 changed, 1277 unchanged"), std::string::npos)
      << dry.out;
  auto again = Ramstein("--db '" + copy + "' import --format kiel-dashboard '" + KielDir() + "'");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("nothing to append"), std::string::npos) << again.out;
  EXPECT_EQ(Fingerprint(copy), before);
}

TEST_F(KielDashboardTest, AChangedRowIsACorrectionAndABadCellRejectsTheWhole) {
  std::string dir = TempDir("kiel-dashboard-changed");
  std::string db = dir + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  std::filesystem::create_directory(dir + "/files");
  for (const auto& entry : std::filesystem::directory_iterator(KielDir()))
    std::filesystem::copy_file(entry.path(), dir + "/files/" + entry.path().filename().string());
  std::string explorer = dir + "/files/data_explorer.csv";
  std::string text = ReadText(explorer);
  std::string old_row = "\"United States\",\"USA\",2022,3,";
  std::size_t at = text.find(old_row);
  ASSERT_NE(at, std::string::npos);

  // A cell that is not a number: the whole import is refused, nothing written.
  std::string bad = text;
  bad.insert(at + old_row.size(), "x");
  std::ofstream(explorer, std::ios::binary | std::ios::trunc) << bad;
  std::string before = Fingerprint(db);
  auto rejected = Ramstein("--db '" + db + "' import --format kiel-dashboard '" + dir + "/files'");
  EXPECT_EQ(rejected.exit_code, 2);
  EXPECT_NE(rejected.err.find("data_explorer.csv:"), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("column 'total': 'x"), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("nothing was written"), std::string::npos) << rejected.err;
  EXPECT_EQ(Fingerprint(db), before);

  // A revised figure: the row's record is corrected, every other row unchanged.
  std::string revised = text;
  revised.insert(at + old_row.size(), "1");  // total 0.x -> 10.x
  std::ofstream(explorer, std::ios::binary | std::ios::trunc) << revised;
  auto corrected = Ramstein("--db '" + db + "' import --format kiel-dashboard '" + dir + "/files'");
  EXPECT_EQ(corrected.exit_code, 0) << corrected.err;
  // The changed file is a new source; its 1,079 rows now quote it.
  EXPECT_NE(corrected.out.find("1 records new, 1079 changed, 197 unchanged"), std::string::npos)
      << corrected.out;
  auto show = Ramstein("--db '" + db + "' show figure:kiel-r29/data_explorer/USA/2022-03");
  EXPECT_NE(show.out.find("re-imported from"), std::string::npos) << show.out;
  EXPECT_EQ(Ramstein("--db '" + db + "' verify").exit_code, 0);
}

}  // namespace
}  // namespace ramstein::testing
