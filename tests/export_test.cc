// Exports: Kiel main data CSV read back by the kiel-main-csv importer gives
// the same allocations per donor and type; JSON Lines imported into an empty
// ledger gives the same reports; the XLSX workbook holds one sheet per report
// with the same figures; and items from several sources stand side by side.
#include <gtest/gtest.h>

#include "io/xlsx/xlsx_reader.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

TEST(ExportTest, KielCsvRoundTripReproducesTheTotals) {
  std::string dir = TempDir("export-kiel");
  std::string a = dir + "/a.db", b = dir + "/b.db";
  ASSERT_EQ(InitAndImport(a, "kiel-main-csv", Quoted(SourceDir() + "/data/kiel/main-release-28/bilateral_activities.csv"))
                .exit_code,
            0);
  auto source = Ramstein("--db " + Quoted(a) + " log --type source --csv");
  std::size_t at = source.out.find("src:kiel-main-");
  ASSERT_NE(at, std::string::npos);
  std::string source_id = source.out.substr(at, source.out.find(',', at) - at);
  auto exported = Ramstein("--db " + Quoted(a) + " export --format kiel-csv --source " + source_id + " --out " +
                           Quoted(dir + "/export.csv"));
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  // The two negative adjustments have no value in the ledger and stay out.
  EXPECT_NE(exported.err.find("exported 5563 measures; 2 left out"), std::string::npos) << exported.err;
  ASSERT_EQ(InitAndImport(b, "kiel-main-csv", Quoted(dir + "/export.csv")).exit_code, 0);
  auto before = Ramstein("--db " + Quoted(a) + " report reconcile --csv");
  auto after = Ramstein("--db " + Quoted(b) + " report reconcile --csv");
  ASSERT_EQ(after.exit_code, 0) << after.err;
  // Every row but the title: donor, type, measures, main data EUR, dashboard EUR, difference.
  EXPECT_EQ(after.out.substr(after.out.find('\n')), before.out.substr(before.out.find('\n')));
}

TEST(ExportTest, JsonLinesRebuildTheSameLedger) {
  std::string dir = TempDir("export-jsonl");
  std::string a = dir + "/a.db", b = dir + "/b.db";
  ASSERT_EQ(InitAndImport(a, "ukraine-aid-tracker", Quoted(SourceDir() + "/data/ukraine-aid-tracker")).exit_code, 0);
  ASSERT_EQ(Ramstein("--db " + Quoted(a) + " export --format jsonl --out " + Quoted(dir + "/all.jsonl")).exit_code, 0);
  ASSERT_EQ(Ramstein("--db " + Quoted(b) + " init").exit_code, 0);
  auto imported = Ramstein("--db " + Quoted(b) + " import " + Quoted(dir + "/all.jsonl"));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  for (const char* report : {"report donors --json", "report items --json", "report figures kiel-r29/data_explorer --json",
                             "report authorities --at 2025-04-11 --json", "report monthly --json"}) {
    EXPECT_EQ(Ramstein("--db " + Quoted(b) + " " + report).out, Ramstein("--db " + Quoted(a) + " " + report).out)
        << report;
  }
  EXPECT_EQ(HeadSequence(b), HeadSequence(a));  // every record once (the ledger had no corrections)
}

TEST(ExportTest, XlsxHoldsASheetPerReport) {
  std::string dir = TempDir("export-xlsx");
  std::string db = dir + "/ledger.db";
  ASSERT_EQ(Ramstein("--db " + Quoted(db) + " init --bundled").exit_code, 0);
  auto written = Ramstein("--db " + Quoted(db) + " export --format xlsx --out " + Quoted(dir + "/reports.xlsx"));
  ASSERT_EQ(written.exit_code, 0) << written.err;
  std::string bytes = ReadText(dir + "/reports.xlsx");
  auto workbook = XlsxWorkbook::Open(bytes);
  ASSERT_TRUE(workbook.ok()) << workbook.status().message();
  const auto& names = (*workbook)->SheetNames();
  ASSERT_GE(names.size(), 8u);
  EXPECT_EQ(names.back(), "Sources");
  // The totals sheet: the United Kingdom's committed EUR as the report gives it.
  std::string totals = Ramstein("--db " + Quoted(db) + " report totals --csv").out;
  EXPECT_NE(totals.find("GBR,United Kingdom,844207530.33"), std::string::npos);
  bool found = false;
  ASSERT_TRUE((*workbook)->ReadSheet(names[0], [&](std::uint32_t, const std::vector<XlsxCell>& cells) {
    if (cells.size() > 2 && cells[0].text == "GBR") {
      found = true;
      EXPECT_EQ(cells[1].text, "United Kingdom");
      EXPECT_EQ(ExcelNumberText(cells[2].text), "844207530.33");
    }
    return Status::Ok();
  }).ok());
  EXPECT_TRUE(found);
}

TEST(ExportTest, ItemsFromSeveralSourcesStandSideBySide) {
  std::string db = TempDir("items-sources") + "/ledger.db";
  ASSERT_EQ(InitAndImport(db, "ukraine-aid-tracker", Quoted(SourceDir() + "/data/ukraine-aid-tracker")).exit_code, 0);
  ASSERT_EQ(Ramstein("--db " + Quoted(db) + " import --format oryx " + Quoted(SourceDir() + "/data/oryx/donated_vehicles.csv"))
                .exit_code,
            0);
  auto items = Ramstein("--db " + Quoted(db) + " report items --category 'Air Defense' --csv");
  ASSERT_EQ(items.exit_code, 0) << items.err;
  EXPECT_NE(items.out.find("pledged per UkraineAidTracker (protect-ukraine-now)"), std::string::npos) << items.out;
  EXPECT_NE(items.out.find("pledged per Oryx"), std::string::npos);
  // Germany's Patriot systems: "MIM-104 Patriot" (UkraineAidTracker) and
  // Oryx's name resolve to the one catalogue item; the two counts differ, and
  // the row takes the larger (16), never the sum (18).
  EXPECT_NE(items.out.find("item:patriot-system,Patriot air defence system,Air Defense,DEU,16,0,0,,"
                           "sources disagree: pledged is the largest count,2,16,14"),
            std::string::npos)
      << items.out;
}

}  // namespace
}  // namespace ramstein::testing
