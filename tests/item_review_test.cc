// Reviewing the names importers kept: the bundled ledger with the
// UkraineAidTracker and Oryx files imported lists their unreviewed names
// (`report review`); `catalog map` says which catalogue item each is, one at
// a time or from the review table filled in; the lines then count under
// that item, re-importing changes nothing, `catalog unmap` undoes it, and
// bad answers are refused whole.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "query/record_lists.h"
#include "query/reports.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string UatDir() { return SourceDir() + "/data/ukraine-aid-tracker"; }
std::string OryxFile() { return SourceDir() + "/data/oryx/donated_vehicles.csv"; }

// Pledged units per donor of the measures whose lines name `item` exactly
// (announced to delivered), read from the records themselves.
std::map<std::string, std::int64_t> UnitsNaming(const Model& model, const std::string& item) {
  std::map<std::string, std::int64_t> units;
  for (const StoredRecord* stored : model.All(RecordKind::measure)) {
    const auto& measure = std::get<MeasureRecord>(stored->record);
    if (measure.status == MeasureStatus::proposed || measure.status == MeasureStatus::cancelled) continue;
    for (const LineItem& line : measure.lines) {
      if (line.item == item && line.quantity) units[measure.donor] += *line.quantity;
    }
  }
  return units;
}

// Per donor, the "pledged" cell of the items report for one item.
std::map<std::string, std::int64_t> PledgedPerDonor(const Model& model, const std::string& item) {
  ItemsFilter filter;
  filter.item = item;
  auto table = ItemsReport(model, filter);
  EXPECT_TRUE(table.ok()) << table.status().ToString();
  std::map<std::string, std::int64_t> pledged;
  if (!table.ok()) return pledged;
  int donor = table->ColumnIndex("donor"), units = table->ColumnIndex("pledged");
  for (const auto& row : table->rows) pledged[row[donor]] = std::stoll(row[units]);
  return pledged;
}

class ItemReviewTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    base_ = TempDir("review") + "/ledger.db";
    auto uat = InitAndImport(base_, "ukraine-aid-tracker", "'" + UatDir() + "'");
    ASSERT_EQ(uat.exit_code, 0) << uat.err;
    auto oryx = Ramstein("--db '" + base_ + "' import --format oryx '" + OryxFile() + "'");
    ASSERT_EQ(oryx.exit_code, 0) << oryx.err;
  }
  // A copy of the imported ledger for one test to change.
  std::string Copy(const std::string& name) {
    std::string db = TempDir(name) + "/ledger.db";
    for (const char* suffix : {"", "-wal"}) {
      if (std::filesystem::exists(base_ + suffix)) std::filesystem::copy_file(base_ + suffix, db + suffix);
    }
    return db;
  }
  static CommandResult On(const std::string& db, const std::string& arguments, const std::string& stdin_text = "") {
    return Ramstein("--db '" + db + "' " + arguments, stdin_text);
  }
  static std::string base_;
};
std::string ItemReviewTest::base_;

TEST_F(ItemReviewTest, ReviewListsEveryKeptNameMostUsedFirst) {
  auto db = OpenLedger(base_);
  Table table = ReviewReport(db->model());
  std::size_t unreviewed = 0;
  for (std::size_t n = 0; n < db->model().item_count(); ++n)
    unreviewed += db->model().ItemId(static_cast<std::uint32_t>(n)).starts_with(kUnreviewedItemPrefix);
  ASSERT_GT(unreviewed, 300u);
  ASSERT_EQ(table.rows.size(), unreviewed);
  EXPECT_TRUE(table.title.starts_with("Names to review: " + std::to_string(unreviewed) + " of " +
                                      std::to_string(unreviewed) + " (0 said to be the same as another item); "))
      << table.title;
  int item = table.ColumnIndex("item"), lines = table.ColumnIndex("lines"), units = table.ColumnIndex("units");
  for (std::size_t r = 1; r < table.rows.size(); ++r)
    EXPECT_GE(std::stoll(table.rows[r - 1][lines]), std::stoll(table.rows[r][lines]));
  for (const auto& row : table.rows) {
    if (row[item] != "item:unreviewed/m142-himars") continue;
    std::int64_t sum = 0;
    for (const auto& [donor, count] : UnitsNaming(db->model(), row[item])) sum += count;
    EXPECT_EQ(std::stoll(row[units]), sum);
    EXPECT_EQ(row[table.ColumnIndex("publishers")], "UkraineAidTracker (protect-ukraine-now)");
  }
  auto cli = On(base_, "report review --csv");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_NE(cli.out.find("item,name,category,lines,units,publishers,same as,same as name,suggested,suggested name"),
            std::string::npos);
}

// Suggestions: a catalogue item the name holds in full, else another
// publisher's spelling of the same name; taking every one of them at once is
// a valid answer file (no loops), and no launcher is suggested as a missile.
TEST_F(ItemReviewTest, SuggestionsNameTheSameSystemAndNeverMakeALoop) {
  std::string db_path = Copy("review-suggestions");
  std::map<std::string, std::string> suggested;  // name -> suggested item
  std::size_t with_suggestion = 0;
  {
    auto db = OpenLedger(db_path);
    Table table = ReviewReport(db->model());
    int name = table.ColumnIndex("name"), suggestion = table.ColumnIndex("suggested");
    ASSERT_GE(suggestion, 0);
    for (const auto& row : table.rows) {
      if (row[suggestion].empty()) continue;
      suggested[row[name]] = row[suggestion];
      ++with_suggestion;
    }
    EXPECT_TRUE(table.title.ends_with("; " + std::to_string(with_suggestion) + " with a suggestion")) << table.title;
  }
  ASSERT_GE(with_suggestion, 20u);
  EXPECT_EQ(suggested["227mm HIMARS"], "item:himars");           // Oryx's name holds the alias "HIMARS"
  EXPECT_EQ(suggested["M142 HIMARS"], "item:himars");
  EXPECT_EQ(suggested["155mm M777"], "item:unreviewed/m777-155mm");  // Oryx's words in the tracker's order
  EXPECT_EQ(suggested["Gepard"], "item:unreviewed/flakpanzer-gepard");
  EXPECT_FALSE(suggested.contains("Hellfire Shore Defense Systems (Launchers and 160 Missiles)"));
  EXPECT_FALSE(suggested.contains("Leopard 1"));  // nothing spelled alike says which Leopard
  // Every suggestion taken as an answer: accepted whole, each name then counted under it.
  auto csv = On(db_path, "report review --csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::string answers = "item,same as\r\n";
  {
    auto db = OpenLedger(db_path);
    Table table = ReviewReport(db->model());
    int item = table.ColumnIndex("item"), suggestion = table.ColumnIndex("suggested");
    for (const auto& row : table.rows)
      if (!row[suggestion].empty()) answers += row[item] + "," + row[suggestion] + "\r\n";
  }
  std::string file = TempDir("review-suggestions-answers") + "/answers.csv";
  WriteText(file, answers);
  auto taken = On(db_path, "catalog map --file '" + file + "'");
  ASSERT_EQ(taken.exit_code, 0) << taken.err;
  EXPECT_NE(taken.out.find(std::to_string(with_suggestion) + " changed"), std::string::npos) << taken.out;
  auto db = OpenLedger(db_path);
  Table after = ReviewReport(db->model());
  EXPECT_TRUE(after.title.find("(" + std::to_string(with_suggestion) + " said to be the same as another item)") !=
              std::string::npos)
      << after.title;
}

TEST_F(ItemReviewTest, AMappedNameCountsUnderTheCatalogueItemAndReimportChangesNothing) {
  std::string db_path = Copy("review-one");
  const std::string uat_himars = "item:unreviewed/m142-himars", oryx_himars = "item:unreviewed/227mm-himars";
  std::map<std::string, std::int64_t> expected;
  {
    auto db = OpenLedger(db_path);
    EXPECT_TRUE(PledgedPerDonor(db->model(), "HIMARS").empty());
    // Each name is one publisher's (UkraineAidTracker, Oryx): a donor's row
    // takes the larger account, not the two added up.
    for (const auto& item : {uat_himars, oryx_himars})
      for (const auto& [donor, units] : UnitsNaming(db->model(), item)) expected[donor] = std::max(expected[donor], units);
  }
  ASSERT_GE(expected.size(), 2u);

  auto dry = On(db_path, "catalog map 'M142 HIMARS' HIMARS --dry-run");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("dry run: " + uat_himars + " (M142 HIMARS) would be the same as item:himars"),
            std::string::npos)
      << dry.out;
  std::string before = Fingerprint(db_path);
  auto one = On(db_path, "catalog map 'M142 HIMARS' HIMARS");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(Fingerprint(db_path), before);
  auto two = On(db_path, "catalog map '227mm HIMARS' item:himars --why 'Oryx names HIMARS by calibre'");
  ASSERT_EQ(two.exit_code, 0) << two.err;
  auto again = On(db_path, "catalog map '227mm HIMARS' item:himars");
  EXPECT_NE(again.out.find("is already the same as item:himars"), std::string::npos) << again.out;
  {
    auto db = OpenLedger(db_path);
    EXPECT_EQ(PledgedPerDonor(db->model(), "HIMARS"), expected);
    const auto* oryx = db->model().FindAs<ItemRecord>(oryx_himars);
    ASSERT_NE(oryx, nullptr);
    EXPECT_EQ(oryx->same_as, "item:himars");
    EXPECT_EQ(oryx->correction, "Oryx names HIMARS by calibre");
    EXPECT_EQ(oryx->name, "227mm HIMARS");  // the name the file uses stays
    // Lists filtered by the catalogue item find the mapped lines' measures.
    ListQuery query;
    query.item = "HIMARS";
    auto measures = ListRecords(db->model(), "measures", query);
    ASSERT_TRUE(measures.ok()) << measures.status().ToString();
    std::size_t naming = 0;
    for (const StoredRecord* stored : db->model().All(RecordKind::measure)) {
      for (const LineItem& line : std::get<MeasureRecord>(stored->record).lines)
        naming += line.item == uat_himars || line.item == oryx_himars;
    }
    EXPECT_EQ(measures->rows.size(), naming);
    // The items list tells the catalogue, the names kept and those answered apart.
    std::map<std::string, std::size_t> by_status;
    for (const char* status : {"catalogue", "to review", "answered"}) {
      ListQuery items;
      items.status = status;
      auto listed = ListRecords(db->model(), "items", items);
      ASSERT_TRUE(listed.ok()) << listed.status().ToString();
      by_status[status] = listed->rows.size();
    }
    EXPECT_EQ(by_status["answered"], 2u);
    EXPECT_EQ(by_status["catalogue"] + by_status["to review"] + by_status["answered"],
              db->model().All(RecordKind::item).size());
    EXPECT_EQ(by_status["to review"] + by_status["answered"], ReviewReport(db->model()).rows.size());
  }
  auto items = On(db_path, "report items --item HIMARS");
  EXPECT_NE(items.out.find("includes lines naming 'M142 HIMARS', '227mm HIMARS' (same system, by review)"),
            std::string::npos)
      << items.out;

  // The files name the systems as before: they resolve to the same items.
  before = Fingerprint(db_path);
  for (const std::string& import : {"--format ukraine-aid-tracker '" + UatDir() + "'",
                                    "--format oryx '" + OryxFile() + "'"}) {
    auto reimport = On(db_path, "import " + import);
    EXPECT_EQ(reimport.exit_code, 0) << reimport.err;
    EXPECT_NE(reimport.out.find("0 records new, 0 changed"), std::string::npos) << reimport.out;
  }
  EXPECT_EQ(Fingerprint(db_path), before);

  auto unmap = On(db_path, "catalog unmap '227mm HIMARS'");
  ASSERT_EQ(unmap.exit_code, 0) << unmap.err;
  auto db = OpenLedger(db_path);
  std::map<std::string, std::int64_t> uat_only;
  for (const auto& [donor, units] : UnitsNaming(db->model(), uat_himars)) uat_only[donor] += units;
  EXPECT_EQ(PledgedPerDonor(db->model(), "HIMARS"), uat_only);
  EXPECT_EQ(db->model().History(oryx_himars).size(), 3u);  // imported, mapped, unmapped
}

TEST_F(ItemReviewTest, TheReviewTableFilledInIsTheAnswerFile) {
  std::string db_path = Copy("review-file");
  auto review = On(db_path, "report review --csv");
  ASSERT_EQ(review.exit_code, 0) << review.err;
  // Fill in the "same as" cell (the 7th column, before "same as name") of three rows.
  const std::map<std::string, std::string> answers = {{"item:unreviewed/nasams-battery", "NASAMS"},
                                                      {"item:unreviewed/nasams-firing-unit", "item:nasams"},
                                                      {"item:unreviewed/patriot-launcher", "Patriot"}};
  std::string filled;
  std::size_t start = 0, answered = 0;
  while (start < review.out.size()) {
    std::size_t end = review.out.find("\r\n", start);
    std::string line = review.out.substr(start, end - start);
    start = end + 2;
    std::string id = line.substr(0, line.find(','));
    auto answer = answers.find(id);
    if (answer != answers.end()) {
      // publishers,,,suggested,suggested name: "same as" is the first empty field.
      std::size_t same_as = line.find(",,,");
      ASSERT_NE(same_as, std::string::npos) << line;
      line.insert(same_as + 1, answer->second);
      ++answered;
    }
    filled += line + "\r\n";
  }
  ASSERT_EQ(answered, answers.size());
  std::string dir = std::filesystem::path(db_path).parent_path().string();
  WriteText(dir + "/answers.csv", filled);

  std::string before = Fingerprint(db_path);
  auto dry = On(db_path, "catalog map --file '" + dir + "/answers.csv' --dry-run");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("0 records new, 3 changed, 0 unchanged"), std::string::npos) << dry.out;
  EXPECT_EQ(Fingerprint(db_path), before);

  // A name no item has, and one item said to be two things: the whole file is refused.
  std::string bad = filled + "item:unreviewed/gepard,,,,,,Cheetah,,,\r\n" +
                    "item:unreviewed/patriot-launcher,,,,,,NASAMS,,,\r\n";
  WriteText(dir + "/bad.csv", bad);
  auto refused = On(db_path, "catalog map --file '" + dir + "/bad.csv'");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("bad.csv:" ), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("column 'same as': 'Cheetah' is no item's id, name or alias"), std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("column 'same as': 'item:unreviewed/patriot-launcher' was said at "),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("nothing was written"), std::string::npos);
  EXPECT_EQ(Fingerprint(db_path), before);

  auto mapped = On(db_path, "catalog map --file '" + dir + "/answers.csv'");
  ASSERT_EQ(mapped.exit_code, 0) << mapped.err;
  auto again = On(db_path, "catalog map --file '" + dir + "/answers.csv'");
  EXPECT_NE(again.out.find("0 records new, 0 changed, 3 unchanged"), std::string::npos) << again.out;
  auto db = OpenLedger(db_path);
  Table table = ReviewReport(db->model());
  std::size_t total = table.rows.size();
  EXPECT_TRUE(table.title.starts_with("Names to review: " + std::to_string(total - 3) + " of " +
                                      std::to_string(total) + " (3 said to be the same as another item); "))
      << table.title;
  // Answered rows go last, with what they are.
  int same_as = table.ColumnIndex("same as");
  for (std::size_t r = 0; r < total; ++r) {
    auto answer = answers.find(table.rows[r][0]);
    EXPECT_EQ(answer != answers.end(), r >= total - 3) << table.rows[r][0];
    if (answer == answers.end()) continue;
    EXPECT_EQ(table.rows[r][same_as],
              answer->first.find("patriot") != std::string::npos ? "item:patriot-system" : "item:nasams");
  }
}

TEST_F(ItemReviewTest, AnItemIsNeverTheSameAsItselfOrInALoop) {
  std::string db_path = Copy("review-loop");
  std::string before = Fingerprint(db_path);
  auto self = On(db_path, "catalog map Gepard item:unreviewed/gepard");
  EXPECT_EQ(self.exit_code, 2);
  EXPECT_NE(self.err.find("same_as': an item is not the same as itself"), std::string::npos) << self.err;
  ASSERT_EQ(On(db_path, "catalog map Gepard 'Flakpanzer Gepard'").exit_code, 0);
  before = Fingerprint(db_path);
  auto loop = On(db_path, "catalog map 'Flakpanzer Gepard' Gepard");
  EXPECT_EQ(loop.exit_code, 2);
  EXPECT_NE(loop.err.find("the two would count under each other"), std::string::npos) << loop.err;
  EXPECT_EQ(Fingerprint(db_path), before);
  // A chain counts at its end: Gepard -> Flakpanzer Gepard -> a catalogue item.
  auto add = On(db_path, "add",
                R"({"kind": "item", "id": "item:gepard-spaag", "name": "Gepard self-propelled anti-aircraft gun", )"
                R"("category": "Air Defense", "aliases": ["Gepard SPAAG"]})");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  ASSERT_EQ(On(db_path, "catalog map 'Flakpanzer Gepard' 'Gepard SPAAG'").exit_code, 0);
  // Closing the chain into a loop is refused, through the JSON Lines path too.
  auto back = On(db_path, "add",
                 R"({"kind": "item", "id": "item:gepard-spaag", "name": "Gepard", "category": "Air Defense", )"
                 R"("same_as": "item:unreviewed/gepard", "correction": "loop"})");
  EXPECT_NE(back.exit_code, 0);
  EXPECT_NE(back.err.find("same_as"), std::string::npos) << back.err;
  auto db = OpenLedger(db_path);
  std::map<std::string, std::int64_t> expected;
  for (const auto& item : {"item:unreviewed/gepard", "item:unreviewed/flakpanzer-gepard"})  // Oryx's, the tracker's
    for (const auto& [donor, units] : UnitsNaming(db->model(), item)) expected[donor] = std::max(expected[donor], units);
  EXPECT_EQ(PledgedPerDonor(db->model(), "item:gepard-spaag"), expected);
  auto counted = db->model().ItemNumber("item:unreviewed/gepard");
  ASSERT_TRUE(counted.has_value());
  EXPECT_EQ(db->model().ItemId(db->model().CountedItem(*counted)), "item:gepard-spaag");
}

TEST_F(ItemReviewTest, AnotherNameWithTheSameSlugGetsAnItemOfItsOwn) {
  // UkraineAidTracker says "M-55S", Oryx "M-55S'": both slug to m-55s. The
  // Oryx name must not overwrite the item the first import made.
  auto db = OpenLedger(base_);
  const auto* first = db->model().FindAs<ItemRecord>("item:unreviewed/m-55s");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->name, "M-55S");
  EXPECT_EQ(db->model().History("item:unreviewed/m-55s").size(), 1u);
  auto second = db->model().ResolveItem("M-55S'");
  ASSERT_TRUE(second.has_value());
  EXPECT_TRUE(db->model().ItemId(*second).starts_with("item:unreviewed/m-55s-")) << db->model().ItemId(*second);
}

}  // namespace
}  // namespace ramstein::testing
