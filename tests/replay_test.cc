// Opening a large ledger replays it on several threads; the model must be
// the same as the one built while importing, and a broken payload must be
// named, whichever thread meets it.
#include <gtest/gtest.h>

#include "io/jsonl_import.h"
#include "render/table_format.h"
#include "query/reports.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

TEST(ReplayTest, ParallelOpenRebuildsTheSameModel) {
  std::string dir = TempDir("replay");
  ASSERT_EQ(Ramstein("gen --measures 12000 --seed 5 --out '" + dir + "/g.jsonl'").exit_code, 0);
  std::string imported_donors, imported_holds;
  std::uint64_t events = 0;
  {
    auto db = OpenLedger(dir + "/ledger.db");
    auto result = ImportJsonLines(*db, {dir + "/g.jsonl"}, "test", ImportOptions{});
    ASSERT_TRUE(result.ok() && result->errors.empty());
    events = db->head().sequence;
    ASSERT_GT(events, 16000u);  // well above the threshold for a parallel replay
    imported_donors = TableToJson(DonorsReport(db->model()));
    imported_holds = TableToJson(HoldsReport(db->model(), 20000));
  }
  auto reopened = OpenLedger(dir + "/ledger.db");
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(reopened->head().sequence, events);
  EXPECT_EQ(TableToJson(DonorsReport(reopened->model())), imported_donors);
  EXPECT_EQ(TableToJson(HoldsReport(reopened->model(), 20000)), imported_holds);
  EXPECT_EQ(reopened->model().records().size(), events);
}

TEST(ReplayTest, ABrokenPayloadDeepInTheLedgerIsNamed) {
  std::string dir = TempDir("replay-broken");
  ASSERT_EQ(Ramstein("gen --measures 12000 --seed 6 --out '" + dir + "/g.jsonl'").exit_code, 0);
  ASSERT_EQ(Ramstein("--db '" + dir + "/ledger.db' init").exit_code, 0);
  ASSERT_EQ(Ramstein("--db '" + dir + "/ledger.db' import '" + dir + "/g.jsonl'").exit_code, 0);
  ASSERT_EQ(Shell("sqlite3 '" + dir +
                  "/ledger.db' \"UPDATE events SET payload = '{' WHERE sequence = 15000;\"")
                .exit_code,
            0);
  auto result = Ramstein("--db '" + dir + "/ledger.db' report donors");
  EXPECT_EQ(result.exit_code, 2);
  // The chain is checked before a payload is decoded.
  EXPECT_NE(result.err.find("event 15000: bytes do not match its hash"), std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace ramstein::testing
