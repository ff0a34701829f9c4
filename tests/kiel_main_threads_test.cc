// The Kiel main data read on several threads gives the batch one reader
// gives: the same records in the same order (ids of identical rows made
// unique in row order, each unknown item and cited page added once), the
// same review lines, the same errors, and nothing read after malformed CSV.
#include <gtest/gtest.h>

#include "io/dataset_import.h"
#include "io/kiel_main/kiel_main_csv.h"
#include "ledger/record_codec.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

const Catalog& BundledCatalog() {
  static std::unique_ptr<LedgerDb> db = [] {
    std::string path = TempDir("kiel-main-threads") + "/ledger.db";
    EXPECT_EQ(Ramstein("--db '" + path + "' init --bundled").exit_code, 0);
    return OpenLedger(path);
  }();
  static std::unique_ptr<Catalog> catalog = CatalogOf(db->model());
  return *catalog;
}

// Kiel's current column names with items, units and a cited page; unknown
// items, identical rows, negative amounts and quoted line ends spread over
// the whole file, so every part of a split holds some.
std::string CurrentNamesFile(std::size_t rows) {
  static const char* const kDonors[] = {"United States", "Germany", "Poland", "Turkiye"};
  std::string text =
      "donor,announcement_date,aid_type_general,measure,tot_sub_activity_value_EUR_redistr,"
      "tot_activity_value_EUR,Items,No. of Units,Source of Aid 1\n";
  const std::string repeated =
      "Germany,2023-05-01,Military,Allocation,1000.5,1000.5,Patriot,1,https://example.org/same\n";
  for (std::size_t i = 0; i < rows; ++i) {
    if (i % 13 == 0) {
      text += repeated;
      continue;
    }
    std::string item = i % 7 == 0    ? "Mystery Launcher Mk" + std::to_string(i % 3)
                       : i % 11 == 0 ? "\"Drone\nkit, \"\"model B\"\"\""
                                     : ".";
    std::string amount = i % 50 == 1 ? "-1000.25" : std::to_string(i * 1000 + 1) + ".125";
    text += std::string(kDonors[i % 4]) + ",2024-0" + std::to_string(1 + i % 9) + "-1" +
            std::to_string(i % 10) + "," + (i % 3 == 0 ? "Humanitarian" : "Military") + "," +
            (i % 5 == 0 ? "Commitment" : "Allocation") + "," + amount + "," + amount + "," + item +
            "," + std::to_string(i % 4) + ",https://example.org/p" + std::to_string(i % 17) + "\n";
  }
  return text;
}

void ExpectSameBatch(const DatasetBatch& one, const DatasetBatch& many, std::size_t threads) {
  SCOPED_TRACE(std::to_string(threads) + " threads");
  EXPECT_EQ(one.rows_read, many.rows_read);
  EXPECT_EQ(one.errors, many.errors);
  EXPECT_EQ(one.review, many.review);
  ASSERT_EQ(one.records.size(), many.records.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < one.records.size(); ++i) {
    if (EncodePayload(one.records[i]) != EncodePayload(many.records[i]) ||
        one.origins[i].file != many.origins[i].file || one.origins[i].row != many.origins[i].row) {
      if (++differing <= 3)
        ADD_FAILURE() << "record " << i << ": " << EncodePayload(many.records[i]);
    }
  }
  EXPECT_EQ(differing, 0u);
}

TEST(KielMainThreadsTest, SeveralThreadsReadWhatOneReads) {
  std::vector<InputFile> files = {
      {"current.csv", CurrentNamesFile(3000)},
      {"bilateral_activities.csv",
       ReadText(SourceDir() + "/data/kiel/main-release-28/bilateral_activities.csv")}};
  DatasetBatch one = ParseKielMainCsvOn(files, BundledCatalog(), {}, 1);
  ASSERT_EQ(one.errors, std::vector<std::string>{});
  EXPECT_EQ(one.rows_read, 3000u + 5565u);
  // What the file holds to be joined right: repeats, shared records, review.
  std::size_t repeats = 0, items = 0, pages = 0;
  for (std::size_t i = 0; i < one.records.size(); ++i) {
    const Record& record = one.records[i];
    if (const auto* measure = std::get_if<MeasureRecord>(&record);
        measure && one.origins[i].file == 0)
      repeats += measure->id.find('-', 18) != std::string::npos;
    if (const auto* item = std::get_if<ItemRecord>(&record))
      items += item->id.starts_with("item:unreviewed/");
    if (const auto* source = std::get_if<SourceRecord>(&record))
      pages += source->id.starts_with("src:url-");
  }
  EXPECT_EQ(repeats, 3000u / 13);  // 231 repeats of the first of 232 identical rows
  EXPECT_EQ(items, 4u);            // three launchers and the quoted drone kit, once each
  EXPECT_EQ(pages, 18u);           // p0..p16 and "same"
  EXPECT_GT(one.review.size(), 60u);
  for (std::size_t threads : {2, 3, 5, 8})
    ExpectSameBatch(one, ParseKielMainCsvOn(files, BundledCatalog(), {}, threads), threads);
}

TEST(KielMainThreadsTest, ErrorsAreTheOnesOfOneReader) {
  std::string text = CurrentNamesFile(3000);
  // An unknown donor near the start, the middle and the end.
  for (double where : {0.05, 0.5, 0.95}) {
    std::size_t at =
        text.find("\nPoland,", static_cast<std::size_t>(static_cast<double>(text.size()) * where));
    ASSERT_NE(at, std::string::npos) << where;
    text.insert(at + 1, "Atlantis");
  }
  std::vector<InputFile> files = {{"bad.csv", text}};
  DatasetBatch one = ParseKielMainCsvOn(files, BundledCatalog(), {}, 1);
  EXPECT_EQ(one.errors.size(), 3u);
  for (std::size_t threads : {2, 3, 8})
    ExpectSameBatch(one, ParseKielMainCsvOn(files, BundledCatalog(), {}, threads), threads);

  // Malformed CSV in the first quarter: one reader stops there, so rows
  // after it (with their errors) are not read by the others either.
  std::size_t open = text.find("\n", text.size() / 8);
  text.insert(open + 1, "\"never closed,");
  files = {{"malformed.csv", text}};
  one = ParseKielMainCsvOn(files, BundledCatalog(), {}, 1);
  ASSERT_FALSE(one.errors.empty());
  EXPECT_LT(one.rows_read, 1000u);
  for (std::size_t threads : {2, 3, 8})
    ExpectSameBatch(one, ParseKielMainCsvOn(files, BundledCatalog(), {}, threads), threads);
}

}  // namespace
}  // namespace ramstein::testing
