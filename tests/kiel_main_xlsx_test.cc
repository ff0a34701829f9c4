// The Kiel main data of Release 18 as the tracker published it (XLSX, older
// column names), read natively: every row a measure keyed by Kiel's ID, the
// redistributed allocations to the cent, text dates kept as notes, items
// kept (unreviewed when the catalogue does not know them), source URLs cited.
#include <gtest/gtest.h>

#include <map>

#include "base/decimal.h"
#include "io/xlsx/xlsx_reader.h"
#include "query/reports.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string Workbook() { return SourceDir() + "/data/kiel/main-release-18/UST_data.xlsx"; }

class KielMainXlsxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = TempDir("kiel-main-xlsx") + "/ledger.db";
    import_ = InitAndImport(path_, "kiel-main-xlsx", "'" + Workbook() + "'");
    db_ = OpenLedger(path_).release();
  }
  static void TearDownTestSuite() { delete db_; }
  static const Model& model() { return db_->model(); }
  static std::string path_;
  static CommandResult import_;
  static LedgerDb* db_;
};
std::string KielMainXlsxTest::path_;
CommandResult KielMainXlsxTest::import_;
LedgerDb* KielMainXlsxTest::db_ = nullptr;

TEST_F(KielMainXlsxTest, EveryRowIsAMeasureKeyedByKielsId) {
  ASSERT_EQ(import_.exit_code, 0) << import_.err;
  EXPECT_NE(import_.out.find("read 3737 rows:"), std::string::npos) << import_.out;
  std::size_t measures = 0;
  for (const StoredRecord* stored : model().All(RecordKind::measure))
    measures += CommonOf(stored->record).id.rfind("measure:kiel-main/", 0) == 0;
  EXPECT_EQ(measures, 3737u);

  const auto* first = model().FindAs<MeasureRecord>("measure:kiel-main/AUH1");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->donor, "AUS");
  EXPECT_EQ(first->announced->ToString(), "2022-03-01");  // Excel day 44621
  EXPECT_EQ(first->type, AidType::humanitarian);
  EXPECT_EQ(first->status, MeasureStatus::allocated);
  ASSERT_TRUE(first->value.has_value());
  EXPECT_EQ(first->value->minor, 2'159'693'941);  // EUR 21,596,939.405158583 to the cent

  const auto* coal = model().FindAs<MeasureRecord>("measure:kiel-main/AUH2");
  ASSERT_NE(coal, nullptr);
  ASSERT_EQ(coal->lines.size(), 1u);
  EXPECT_EQ(coal->lines[0].item, "item:unreviewed/ton-of-coal");
  EXPECT_EQ(coal->lines[0].quantity, 70000);
  EXPECT_EQ(coal->lines[0].note, "delivered (Kiel, no date): undisclosed");
  EXPECT_GE(coal->evidence.size(), 2u);  // the workbook, and the pages Kiel cites
  const auto* page = model().FindAs<SourceRecord>(coal->evidence[1].source);
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page->publisher, "www.minister.industry.gov.au");
}

TEST_F(KielMainXlsxTest, AllocationsSumToTheWorkbooksCellsToTheCent) {
  // The workbook read independently: column X ("Allocated Total in EUR
  // (redistributed)") of Allocation rows, per column D (type), each rounded
  // to the cent.
  std::string bytes = ReadText(Workbook());
  auto workbook = XlsxWorkbook::Open(bytes);
  ASSERT_TRUE(workbook.ok());
  std::map<std::string, Decimal> expected;
  ASSERT_TRUE((*workbook)
                  ->ReadSheet("Bilateral Assistance, MAIN DATA",
                              [&](std::uint32_t row, const std::vector<XlsxCell>& cells) {
                                if (row == 1) return Status::Ok();
                                std::string type, kind, value;
                                for (const XlsxCell& cell : cells) {
                                  if (cell.column == 3) type = cell.text;
                                  if (cell.column == 7) kind = cell.text;
                                  if (cell.column == 23) value = cell.text;
                                }
                                auto plain = ExcelNumberText(value);
                                if (kind != "Allocation" || !plain) return Status::Ok();
                                while (!type.empty() && type.back() == ' ') type.pop_back();
                                for (char& c : type) c = static_cast<char>(std::tolower(c));
                                auto cents = ParseDecimal(DecimalRounded(*ParseDecimal(*plain), 2));
                                expected[type] = *Add(expected[type], *cents);
                                return Status::Ok();
                              })
                  .ok());
  auto table = ReconcileReport(model(), {});
  ASSERT_TRUE(table.ok()) << table.status().message();
  std::size_t checked = 0;
  for (const auto& row : table->rows) {
    if (row[0] != "ALL") continue;
    EXPECT_EQ(row[4], DecimalRounded(expected[row[2]], 2)) << row[2];
    ++checked;
  }
  EXPECT_EQ(checked, 3u);
}

TEST_F(KielMainXlsxTest, TextDatesAreKeptAndReimportingChangesNothing) {
  std::size_t text_dates = 0;
  for (const StoredRecord* stored : model().All(RecordKind::measure)) {
    const auto& measure = std::get<MeasureRecord>(stored->record);
    if (measure.note && measure.note->find("Kiel's date: 'until 12/31/2022'") != std::string::npos) {
      ++text_dates;
      EXPECT_EQ(measure.announced->ToString(), "2022-12-31");
    }
  }
  EXPECT_EQ(text_dates, 37u);
  auto again = Ramstein("--db '" + path_ + "' import --format kiel-main-xlsx '" + Workbook() + "'");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 records new, 0 changed"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace ramstein::testing
