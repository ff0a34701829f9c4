// The money reports' pass over the line columns (query/line_totals.h)
// gives the same totals whether it runs on one thread or splits the lines
// between two: on the bundled ledger (corrections, deliveries, holds) with synthetic measures on top, for every filter the
// reports take.
#include <gtest/gtest.h>

#include "io/jsonl_import.h"
#include "query/line_totals.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

bool SameSums(const Sums& a, const Sums& b) {
  return a.announced == b.announced && a.committed == b.committed && a.delivered == b.delivered &&
         a.outstanding == b.outstanding && a.on_hold == b.on_hold;
}

TEST(LineTotalsTest, TwoThreadsSumWhatOneThreadSums) {
  std::string dir = TempDir("line-totals");
  std::string path = dir + "/ledger.db";
  auto db = OpenBundled(path);
  ASSERT_NE(db, nullptr);
  ASSERT_EQ(Ramstein("gen --measures 3000 --seed 5 --out '" + dir + "/g.jsonl'").exit_code, 0);
  auto imported = ImportJsonLines(*db, {dir + "/g.jsonl"}, "test", {});
  ASSERT_TRUE(imported.ok() && imported->errors.empty());
  const Model& model = db->model();
  ASSERT_GT(model.lines().size(), 10000u);

  std::vector<MeasureFilter> filters(3);
  filters[1].type = AidType::military;
  filters[2].publisher = "Kiel Institute for the World Economy";
  std::size_t buckets_with_money = 0;
  for (const MeasureFilter& filter : filters) {
    for (bool with_usd : {false, true}) {
      auto one = SumLines(model, filter, with_usd, 1);
      auto two = SumLines(model, filter, with_usd, 2);
      ASSERT_EQ(one.size(), two.size());
      for (std::size_t b = 0; b < one.size(); ++b) {
        SCOPED_TRACE("bucket " + std::to_string(b));
        EXPECT_TRUE(SameSums(one[b].original, two[b].original));
        EXPECT_TRUE(SameSums(one[b].eur_cents, two[b].eur_cents));
        EXPECT_TRUE(SameSums(one[b].usd_cents, two[b].usd_cents));
        EXPECT_EQ(one[b].unconverted, two[b].unconverted);
        EXPECT_EQ(one[b].usd_unconverted, two[b].usd_unconverted);
        EXPECT_EQ(one[b].any, two[b].any);
        buckets_with_money += one[b].any;
      }
    }
  }
  // The comparison covered money in many buckets.
  EXPECT_GT(buckets_with_money, 100u);
}

}  // namespace
}  // namespace ramstein::testing
