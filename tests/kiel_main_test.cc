// The Kiel main data of Release 28 (CSV, Norwegian column names), imported
// into the bundled ledger: one measure per row with its EUR amount to the
// cent; the same rows under Kiel's current column names import to the same
// amounts; `report reconcile` sets the allocations beside Release 29's
// dashboard figures per donor and type.
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

std::string MainCsv() { return SourceDir() + "/data/kiel/main-release-28/bilateral_activities.csv"; }

class KielMainTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = TempDir("kiel-main") + "/ledger.db";
    import_ = InitAndImport(path_, "kiel-main-csv", "'" + MainCsv() + "'");
    db_ = OpenLedger(path_).release();
  }
  static void TearDownTestSuite() { delete db_; }
  static const Model& model() { return db_->model(); }
  static std::string Cell(const Table& table, std::size_t row, const std::string& column) {
    return table.rows.at(row).at(static_cast<std::size_t>(table.ColumnIndex(column)));
  }

  static std::string path_;
  static CommandResult import_;
  static LedgerDb* db_;
};
std::string KielMainTest::path_;
CommandResult KielMainTest::import_;
LedgerDb* KielMainTest::db_ = nullptr;

// Per type of aid, the allocations of the file, each row rounded to the
// cent as the importer must, summed exactly.
std::map<std::string, Decimal> AllocationsOfTheFile(std::size_t* negative_rows) {
  std::string text = ReadText(MainCsv());
  CsvReader reader(text);
  CsvRow row;
  EXPECT_TRUE(reader.Next(&row));  // giver,dato,kategori,maal,verdi_eur,verdi_eur_redistr,...
  std::map<std::string, Decimal> sums;
  while (reader.Next(&row)) {
    if (row.fields[3] != "Allocation") continue;
    auto value = ParseDecimal(row.fields[5]);
    EXPECT_TRUE(value.has_value()) << row.fields[5];
    if (!value) continue;
    if (value->units < 0) {
      ++*negative_rows;
      continue;
    }
    std::string type(row.fields[2]);
    for (char& c : type) c = static_cast<char>(std::tolower(c));
    sums[type] = *Add(sums[type], *ParseDecimal(DecimalRounded(*value, 2)));
  }
  return sums;
}

TEST_F(KielMainTest, EveryRowIsAMeasureWithItsAmountToTheCent) {
  ASSERT_EQ(import_.exit_code, 0) << import_.err;
  EXPECT_NE(import_.out.find("read 5565 rows: 5566 records new"), std::string::npos) << import_.out;
  EXPECT_NE(import_.out.find("negative amount EUR -61973576.04927391 kept as a note"), std::string::npos);

  std::size_t negative_rows = 0;
  auto expected = AllocationsOfTheFile(&negative_rows);
  EXPECT_EQ(negative_rows, 2u);
  auto table = ReconcileReport(model(), {});
  ASSERT_TRUE(table.ok()) << table.status().message();
  std::size_t checked = 0;
  for (std::size_t r = 0; r < table->rows.size(); ++r) {
    if (Cell(*table, r, "donor") != "ALL") continue;
    std::string type = Cell(*table, r, "type");
    EXPECT_EQ(Cell(*table, r, "main_data_eur"), DecimalRounded(expected[type], 2)) << type;
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
  std::size_t measures = 0;
  for (const StoredRecord* stored : model().All(RecordKind::measure)) {
    measures += CommonOf(stored->record).id.rfind("measure:kiel-main/", 0) == 0;
  }
  EXPECT_EQ(measures, 5565u);
}

TEST_F(KielMainTest, ReconcileSetsMainDataBesideTheDashboardPerDonorAndType) {
  auto table = ReconcileReport(model(), {});
  ASSERT_TRUE(table.ok()) << table.status().message();
  // The United States: Release 28's rows and Release 29's monthly figures
  // agree to within Release 29's rounding (EUR billions to 6 decimals, i.e.
  // EUR 500 per monthly cell) for every type.
  std::size_t usa = 0;
  for (std::size_t r = 0; r < table->rows.size(); ++r) {
    if (Cell(*table, r, "donor") != "USA") continue;
    ++usa;
    auto difference = ParseDecimal(Cell(*table, r, "difference_eur"));
    ASSERT_TRUE(difference.has_value());
    Decimal magnitude = *difference;
    if (magnitude.units < 0) magnitude.units = -magnitude.units;
    const Decimal bound{35 * 500, 0};
    EXPECT_TRUE(magnitude.units < bound.Rescaled(magnitude.scale).units)
        << Cell(*table, r, "type") << " " << Cell(*table, r, "difference_eur");
    EXPECT_NE(Cell(*table, r, "dashboard_eur"), "");
  }
  EXPECT_EQ(usa, 3u);
  // Where the releases disagree, the report says by how much: Austria's
  // humanitarian aid is EUR 625 million larger in the Release 28 rows.
  auto cli = Ramstein("--db '" + path_ + "' report reconcile --csv");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_NE(cli.out.find("AUT,Austria,humanitarian,50,757874189.20,132875000.00,-624999189.20"),
            std::string::npos)
      << cli.out.substr(0, 800);
}

TEST_F(KielMainTest, TheCurrentKielColumnNamesImportTheSameAmounts) {
  std::string dir = TempDir("kiel-main-current-names");
  std::string text = ReadText(MainCsv());
  std::size_t header_end = text.find('\n');
  std::string renamed =
      "donor,announcement_date,aid_type_general,measure,tot_sub_activity_value_EUR,"
      "tot_sub_activity_value_EUR_redistr,tot_activity_value_EUR,maaned_nr,maaned_finnes,verdi_eur_mrd" +
      text.substr(header_end);
  std::ofstream(dir + "/main.csv", std::ios::binary) << renamed;
  std::string db = dir + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  auto imported = Ramstein("--db '" + db + "' import --format kiel-main-csv '" + dir + "/main.csv'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  ASSERT_EQ(Ramstein("--db '" + db + "' import --format kiel-dashboard '" + SourceDir() +
                     "/data/kiel/release-29'")
                .exit_code,
            0);
  auto theirs = Ramstein("--db '" + db + "' report reconcile --csv");
  auto ours = Ramstein("--db '" + path_ + "' report reconcile --csv");
  ASSERT_EQ(theirs.exit_code, 0) << theirs.err;
  // Same rows and amounts; only the title's source id (another file) differs.
  EXPECT_EQ(theirs.out.substr(theirs.out.find('\n')), ours.out.substr(ours.out.find('\n')));
}

TEST_F(KielMainTest, AnUnknownDonorRejectsTheWholeFile) {
  std::string dir = TempDir("kiel-main-bad");
  std::string text = ReadText(MainCsv());
  std::size_t at = text.find("\nAustria,");
  ASSERT_NE(at, std::string::npos);
  text.replace(at + 1, 7, "Atlantis");
  std::ofstream(dir + "/bad.csv", std::ios::binary) << text;
  std::string db = dir + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  std::string before = Fingerprint(db);
  auto rejected = Ramstein("--db '" + db + "' import --format kiel-main-csv '" + dir + "/bad.csv'");
  EXPECT_EQ(rejected.exit_code, 2);
  EXPECT_NE(rejected.err.find("bad.csv:"), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("column 'giver': 'Atlantis' is no actor of the catalogue"),
            std::string::npos)
      << rejected.err;
  EXPECT_EQ(Fingerprint(db), before);
}

}  // namespace
}  // namespace ramstein::testing
