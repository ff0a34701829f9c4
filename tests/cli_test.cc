// The command line itself: help everywhere, exit codes, add and log.
#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

TEST(CliTest, HelpListsEveryCommandAndEveryCommandHasHelp) {
  auto help = Ramstein("--help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"init", "import", "add", "log", "verify", "show", "report", "gen"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
    auto sub = Ramstein(std::string(command) + " --help");
    EXPECT_EQ(sub.exit_code, 0) << command;
    EXPECT_NE(sub.out.find("Usage"), std::string::npos) << command;
  }
  for (const char* report :
       {"donors", "totals", "monthly", "holds", "meetings", "meeting", "authorities", "items", "changes"}) {
    auto sub = Ramstein(std::string("report ") + report + " --help");
    EXPECT_EQ(sub.exit_code, 0) << report;
  }
}

TEST(CliTest, UsageErrorsExitWithOneDataErrorsWithTwo) {
  EXPECT_EQ(Ramstein("").exit_code, 1);
  EXPECT_EQ(Ramstein("frobnicate").exit_code, 1);
  EXPECT_EQ(Ramstein("report holds --at").exit_code, 1);
  std::string db = TempDir("cli-codes") + "/ledger.db";
  EXPECT_EQ(Ramstein("--db '" + db + "' verify").exit_code, 2);  // no ledger yet
  ASSERT_EQ(Ramstein("--db '" + db + "' init").exit_code, 0);
  EXPECT_EQ(Ramstein("--db '" + db + "' init").exit_code, 2);  // exists
  EXPECT_EQ(Ramstein("--db '" + db + "' report holds --at 2025-13-01").exit_code, 1);
  EXPECT_EQ(Ramstein("--db '" + db + "' show nothing").exit_code, 2);
}

// A count or a sequence number is digits alone and within its range: CLI11
// alone read "-5" as 2^64 - 5 (`prove` then named a nonexistent event, `gen`
// began writing 2^64 - 1 measures) and a number past 2^64 - 1 as 2^64 - 1.
TEST(CliTest, AWholeNumberOptionTakesDigitsWithinItsRangeAlone) {
  std::string db = TempDir("cli-numbers") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init").exit_code, 0);
  for (const char* value : {"-5", "99999999999999999999999", "18446744073709551616", "1e3", "+7", "0x10", " 7"}) {
    for (const std::string command : {"prove '", "log --limit '", "gen --measures '", "gen --seed '"}) {
      auto run = Ramstein("--db '" + db + "' " + command + value + "'");
      EXPECT_EQ(run.exit_code, 1) << command << value;
      EXPECT_NE(run.err.find(std::string("'") + value + "' is not a whole number from 0 to "), std::string::npos)
          << command << value << ": " << run.err;
      EXPECT_EQ(run.out, "") << command << value;
    }
  }
  EXPECT_NE(Ramstein("gen --measures 10000001").err.find("from 0 to 10000000"), std::string::npos);
  auto largest = Ramstein("--db '" + db + "' prove 18446744073709551615");
  EXPECT_EQ(largest.exit_code, 2);  // read, and not in the (empty) ledger
  EXPECT_NE(largest.err.find("nothing to prove"), std::string::npos) << largest.err;
  EXPECT_EQ(Ramstein("gen --measures 2 --seed 18446744073709551615").exit_code, 0);
}

TEST(CliTest, VersionNamesTheCommitItWasBuiltFrom) {
  auto version = Ramstein("--version");
  EXPECT_EQ(version.exit_code, 0);
  auto commit = Shell("git -C '" + SourceDir() + "' rev-parse --short=12 HEAD");
  std::string expected = commit.exit_code == 0 ? commit.out.substr(0, 12) : "unknown";
  EXPECT_EQ(version.out.rfind("ramstein 0.", 0), 0u) << version.out;
  EXPECT_NE(version.out.find("(commit " + expected), std::string::npos) << version.out;
}

TEST(CliTest, AMistypedNameSaysWhatItWasCloseTo) {
  struct Case {
    std::string arguments, says;
    int exit_code;
  };
  std::string db = TempDir("cli-typos") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  const Case cases[] = {
      {"reprot donors", "no command 'reprot' (did you mean 'report'?)", 1},
      {"--db '" + db + "' report donrs", "no command 'donrs' of 'report' (did you mean 'donors'?)", 1},
      {"--db '" + db + "' release crate x", "(did you mean 'create'?)", 1},
      {"frobnicate", "no command 'frobnicate'\n", 1},
      {"--db '" + db + "' import --format kiel-dashbord x.csv", "(did you mean 'kiel-dashboard'?)", 2},
      {"--db '" + db + "' export --format jsnl", "(did you mean 'jsonl'?)", 2},
      {"--db '" + db + "' report totals --type militray", "(did you mean 'military'?)", 2},
      {"--db '" + db + "' report items --category 'Air Defence'", "(did you mean 'Air Defense'?)", 2},
  };
  for (const Case& c : cases) {
    auto result = Ramstein(c.arguments);
    EXPECT_NE(result.err.find(c.says), std::string::npos) << c.arguments << ": " << result.err;
    EXPECT_NE(result.exit_code, 0) << c.arguments;
  }
  // A name spelled right still works, in any case the catalogue allows.
  EXPECT_EQ(Ramstein("--db '" + db + "' report items --category 'air defense'").exit_code, 0);
}

TEST(CliTest, AddAppendsOneRecordAndLogFilters) {
  std::string db = TempDir("cli-add") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  std::string next = std::to_string(HeadSequence(db) + 1);
  auto added =
      Ramstein("--db '" + db + "' --author analyst add",
               R"({"kind": "measure", "id": "measure:cli-1", "donor": "NLD", "recipient": "UKR",
                            "announced": "2025-05-05", "type": "military", "instrument": "grant",
                            "status": "committed", "title": "Test", "value": {"amount": "12.50", "currency": "EUR"}})");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "appended event " + next + ": measure measure:cli-1\n");
  auto bad = Ramstein("--db '" + db + "' add", R"({"kind": "measure", "id": "measure:cli-2"})");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("stdin: field"), std::string::npos) << bad.err;
  auto log = Ramstein("--db '" + db + "' log --actor NLD --csv");
  EXPECT_EQ(log.exit_code, 0);
  EXPECT_NE(log.out.find(next + ","), std::string::npos);
  EXPECT_NE(log.out.find("analyst,measure,measure:cli-1"), std::string::npos) << log.out;
  auto holds = Ramstein("--db '" + db + "' log --type hold --json");
  EXPECT_NE(holds.out.find("\"id\":\"hold:usa-2025-07\""), std::string::npos);
  EXPECT_EQ(holds.out.find("\"kind\":\"measure\""), std::string::npos);
  auto donors = Ramstein("--db '" + db + "' report donors");
  EXPECT_NE(donors.out.find("NLD"), std::string::npos);
}

TEST(CliTest, MoneyWithoutARateStaysUnconvertedNeverZero) {
  std::string db = TempDir("cli-unconverted") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  // The ECB stopped quoting RUB on 2022-03-01.
  auto added = Ramstein("--db '" + db + "' add",
                        R"({"kind":"measure","id":"measure:rub-1","donor":"BLR","recipient":"RUS","announced":"2024-05-05",
                            "type":"military","instrument":"grant","status":"committed","title":"t",
                            "value":{"amount":"1000000","currency":"RUB"}})");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  auto donors = Ramstein("--db '" + db + "' report donors --csv");
  std::string row = donors.out.substr(donors.out.find("BLR,"));
  row = row.substr(0, row.find('\n'));
  EXPECT_NE(row.find("RUB,1000000.00,1000000.00,0.00,1000000.00,0.00,,,,,,unconverted"), std::string::npos) << row;
}

TEST(CliTest, EurWithoutADateCountsInEurButNotInUsd) {
  std::string db = TempDir("cli-undated-eur") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  // No announcement date (Oryx and some Kiel rows give none): EUR needs no
  // rate, USD needs the day's.
  auto added = Ramstein("--db '" + db + "' add",
                        R"({"kind":"measure","id":"measure:eur-undated","donor":"BLR","recipient":"UKR",
                            "type":"military","instrument":"grant","status":"committed","title":"t",
                            "value":{"amount":"1000000","currency":"EUR"}})");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  auto Row = [&](const std::string& report, const std::string& start) {
    auto out = Ramstein("--db '" + db + "' report " + report + " --csv").out;
    std::size_t at = out.find(start);
    return at == std::string::npos ? std::string() : out.substr(at, out.find("\r\n", at) - at);
  };
  EXPECT_EQ(Row("donors", "BLR,"),
            "BLR,Belarus,EUR,1000000.00,1000000.00,0.00,1000000.00,0.00,1000000.00,1000000.00,0.00,1000000.00,0.00,");
  EXPECT_EQ(Row("totals", "BLR,"),
            "BLR,Belarus,1000000.00,1000000.00,0.00,1000000.00,0.00,0.00,0.00,0.00,0.00,0.00,EUR,"
            "USD excludes EUR amounts without a date");
  EXPECT_EQ(Row("monthly", "undated,"), "undated,none,1000000.00,1000000.00,0.00,1,0,");
}

TEST(CliTest, DryRunWritesNothing) {
  std::string dir = TempDir("cli-dry");
  std::string db = dir + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init").exit_code, 0);
  ASSERT_EQ(Ramstein("gen --measures 50 --seed 3 --out '" + dir + "/g.jsonl'").exit_code, 0);
  std::string before = Fingerprint(db);
  auto dry = Ramstein("--db '" + db + "' import --dry-run '" + dir + "/g.jsonl'");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("dry run"), std::string::npos);
  EXPECT_EQ(Fingerprint(db), before);
}

TEST(CliTest, GenIsDeterministic) {
  auto a = Ramstein("gen --measures 200 --seed 9");
  auto b = Ramstein("gen --measures 200 --seed 9");
  auto c = Ramstein("gen --measures 200 --seed 10");
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, c.out);
  EXPECT_GT(a.out.size(), 10000u);
}

}  // namespace
}  // namespace ramstein::testing

namespace ramstein::testing {
namespace {

TEST(CliTest, MoneyReportsFilterByTypeOfAid) {
  std::string db = TempDir("cli-type") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  auto added = Ramstein("--db '" + db + "' add",
                        R"({"kind": "measure", "id": "measure:nor-humanitarian", "donor": "NOR", "recipient": "UKR",
                            "announced": "2025-05-05", "type": "humanitarian", "instrument": "grant",
                            "status": "committed", "title": "Test", "value": {"amount": "1000000", "currency": "EUR"}})");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  auto report = [&](const std::string& args) { return Ramstein("--db '" + db + "' report " + args + " --csv").out; };
  // Humanitarian: only the new measure; military: everything but it.
  EXPECT_EQ(report("totals --type humanitarian").find("GBR,"), std::string::npos);
  EXPECT_NE(report("totals --type humanitarian").find("NOR,Norway,1000000.00,1000000.00,"), std::string::npos)
      << report("totals --type humanitarian");
  EXPECT_EQ(report("totals --type military").find("NOR,"), std::string::npos);
  EXPECT_NE(report("totals --type military").find("GBR,United Kingdom,844207530.33,"), std::string::npos);
  EXPECT_NE(report("totals").find("NOR,"), std::string::npos);
  EXPECT_NE(report("donors --type HUMANITARIAN").find("NOR,Norway,EUR,1000000.00"), std::string::npos);
  auto monthly = report("monthly --type humanitarian");
  EXPECT_NE(monthly.find("2025-05,month,1000000.00,1000000.00,0.00,1,0,"), std::string::npos) << monthly;
  EXPECT_EQ(monthly.find("2023-12"), std::string::npos) << monthly;
  EXPECT_EQ(Ramstein("--db '" + db + "' report totals --type naval").exit_code, 1);
}

}  // namespace
}  // namespace ramstein::testing
