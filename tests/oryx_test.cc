// The Oryx list as bundled: a measure per row with its system and count, the
// categories the scrape got wrong re-derived from the names, suppliers of
// Russia kept too, exact repeats flagged, re-importing changes nothing.
#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

TEST(OryxImportTest, EveryRowIsAMeasureWithItsSystemAndCategory) {
  std::string path = TempDir("oryx") + "/ledger.db";
  std::string file = "'" + SourceDir() + "/data/oryx/donated_vehicles.csv'";
  auto imported = InitAndImport(path, "oryx", file);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("read 355 rows:"), std::string::npos) << imported.out;
  auto db = OpenLedger(path);
  std::size_t measures = 0, rederived = 0, to_russia = 0, unspecified = 0;
  for (const StoredRecord* stored : db->model().All(RecordKind::measure)) {
    const auto& measure = std::get<MeasureRecord>(stored->record);
    if (measure.id.rfind("measure:oryx/", 0) != 0) continue;
    ++measures;
    EXPECT_FALSE(measure.announced.has_value());  // Oryx gives no dates
    ASSERT_EQ(measure.lines.size(), 1u);
    if (measure.lines[0].note && measure.lines[0].note->find("category from the name") != std::string::npos) ++rederived;
    to_russia += measure.recipient == "RUS";
    unspecified += measure.donor == "UNSPECIFIED";
  }
  EXPECT_EQ(measures, 355u);
  EXPECT_EQ(to_russia, 8u);
  EXPECT_EQ(unspecified, 6u);
  // 59 rows sit under "Cargo Drones"; one of them is a cargo drone. Of the 54
  // under "Towed Artillery", 12 are rocket launchers, 4 mortars and 20
  // self-propelled guns; 17 towed guns and an artillery command vehicle stay.
  EXPECT_EQ(rederived, 58u + 36u);
  const auto* himars = db->model().FindAs<ItemRecord>("item:unreviewed/227mm-himars");
  ASSERT_NE(himars, nullptr);
  EXPECT_EQ(himars->category, "Multiple Rocket Launchers");
  const auto* radar = db->model().FindAs<ItemRecord>("item:unreviewed/an-tpq-36-firefinder-weapons-locating-radar");
  ASSERT_NE(radar, nullptr);
  EXPECT_EQ(radar->category, "Radars");
  const auto* repeat = db->model().FindAs<MeasureRecord>("measure:oryx/286-2");
  ASSERT_NE(repeat, nullptr);
  EXPECT_NE(repeat->note.value_or("").find("repeats line"), std::string::npos);
  db.reset();

  std::string before = Fingerprint(path);
  auto again = Ramstein("--db '" + path + "' import --format oryx " + file);
  EXPECT_NE(again.out.find("nothing to append"), std::string::npos) << again.out;
  EXPECT_EQ(Fingerprint(path), before);
}

}  // namespace
}  // namespace ramstein::testing
