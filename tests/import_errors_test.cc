// Bad input: every kind of malformed import gives an error naming file, line
// and field, and leaves the ledger byte for byte as it was.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <filesystem>
#include <iostream>
#include <fstream>

#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

const char kGood[] =
    R"({"kind":"measure","id":"measure:t1","donor":"USA","recipient":"UKR","announced":"2025-03-03","type":"military","instrument":"grant","status":"committed","title":"t","value":{"amount":"10","currency":"USD"}})";

class ImportErrorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pristine_ = TempDir("import-errors-pristine") + "/ledger.db";
    auto result = Ramstein("--db '" + pristine_ + "' init --bundled");
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  void SetUp() override {
    dir_ = TempDir(std::string("import-errors-") +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
    path_ = dir_ + "/ledger.db";
    for (const char* suffix : {"", "-wal"}) {
      if (std::filesystem::exists(pristine_ + suffix))
        std::filesystem::copy_file(pristine_ + suffix, path_ + suffix);
    }
  }
  // Writes `lines` to a file, imports it, and checks the import failed with
  // every fragment in its message and the ledger unchanged.
  void ExpectRejected(const std::string& content, const std::vector<std::string>& fragments) {
    std::string file = dir_ + "/input.jsonl";
    std::ofstream(file, std::ios::binary) << content;
    std::string before = Fingerprint(path_);
    auto result = Ramstein("--db '" + path_ + "' import '" + file + "'");
    EXPECT_EQ(result.exit_code, 2) << result.out;
    for (const auto& fragment : fragments)
      EXPECT_NE(result.err.find(fragment), std::string::npos) << fragment << " in:\n" << result.err;
    EXPECT_NE(result.err.find("nothing was written"), std::string::npos) << result.err;
    EXPECT_EQ(Fingerprint(path_), before);
  }
  static std::string pristine_;
  std::string dir_, path_;
};
std::string ImportErrorsTest::pristine_;

TEST_F(ImportErrorsTest, AGoodLineAloneIsAccepted) {
  std::string file = dir_ + "/good.jsonl";
  std::ofstream(file) << kGood << "\n";
  auto result = Ramstein("--db '" + path_ + "' import '" + file + "'");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("imported 1 records (1 measure)"), std::string::npos) << result.out;
}

TEST_F(ImportErrorsTest, MalformedJson) {
  ExpectRejected(std::string(kGood) + "\n{\"kind\":\"measure\",\n",
                 {"input.jsonl:2:", "malformed JSON"});
}

TEST_F(ImportErrorsTest, WrongTypes) {
  ExpectRejected(
      std::string(kGood) + "\n" +
          R"({"kind":"delivery","id":"delivery:t","measure":"measure:t1","from":"2025-04-01","quantity":"12"})",
      {"input.jsonl:2:", "field 'quantity': must be an integer"});
}

TEST_F(ImportErrorsTest, UnknownReferences) {
  ExpectRejected(
      std::string(kGood) + "\n" +
          R"({"kind":"measure","id":"measure:t2","donor":"XXX","recipient":"UKR","announced":"2025-03-03","type":"military","instrument":"grant","status":"committed","title":"t"})",
      {"input.jsonl:2:", "field 'donor': unknown actor 'XXX'"});
}

TEST_F(ImportErrorsTest, NegativeQuantities) {
  ExpectRejected(
      std::string(kGood) + "\n" +
          R"({"kind":"hold","id":"hold:t","donor":"USA","recipient":"UKR","from":"2025-04","lines":[{"item":"item:hellfire","quantity":-3}]})",
      {"input.jsonl:2:", "field 'lines[0].quantity': must not be negative"});
}

TEST_F(ImportErrorsTest, UnknownCurrency) {
  ExpectRejected(
      std::string(kGood) + "\n" +
          R"({"kind":"delivery","id":"delivery:t","measure":"measure:t1","from":"2025-04-01","value":{"amount":"5","currency":"ZZZ"}})",
      {"input.jsonl:2:", "field 'value.currency': unknown currency 'ZZZ'"});
}

TEST_F(ImportErrorsTest, InvalidUtf8) {
  ExpectRejected(std::string(kGood) + "\n" +
                     "{\"kind\":\"actor\",\"id\":\"X1\",\"name\":\"bad \xC3\x28 "
                     "byte\",\"type\":\"country\"}\n",
                 {"input.jsonl:2:", "UTF-8"});
}

TEST_F(ImportErrorsTest, AHundredMegabyteLine) {
  std::string huge = "{\"kind\":\"actor\",\"id\":\"X1\",\"type\":\"country\",\"name\":\"" +
                     std::string(100u << 20, 'a') + "\"}\n";
  ExpectRejected(std::string(kGood) + "\n" + huge,
                 {"input.jsonl:2:", "bytes, more than the limit"});
}

// A line past the limit is skipped as it is read, never held: importing a
// 400 MiB line costs less memory than the line (the whole file was read
// into memory before: 532 MB for a 500 MB line). The peak is of every
// command this test process ran, its set-up's init included.
TEST_F(ImportErrorsTest, ALongLineIsNotReadIntoMemory) {
  std::string file = dir_ + "/input.jsonl";
  {
    std::ofstream out(file, std::ios::binary);
    out << kGood << "\n{\"kind\":\"actor\",\"id\":\"X1\",\"type\":\"country\",\"name\":\"";
    std::string block(1u << 20, 'a');
    for (int i = 0; i < 400; ++i) out << block;
    out << "\"}\n" << kGood << "\n";
  }
  std::string before = Fingerprint(path_);
  auto result = Ramstein("--db '" + path_ + "' import '" + file + "'");
  struct rusage usage {};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_EQ(result.exit_code, 2);
  // 51 bytes before the name, 400 MiB of it, 2 after.
  EXPECT_NE(result.err.find("input.jsonl:2: line is 419430453 bytes, more than the limit"), std::string::npos)
      << result.err;
  EXPECT_EQ(Fingerprint(path_), before);
  std::cerr << "import of a 400 MB line: peak RSS " << usage.ru_maxrss / 1024 << " MB\n";
  EXPECT_LT(usage.ru_maxrss, 400 * 1024) << "KB";
}

// A UTF-8 byte order mark before the first line is ignored (RFC 8259 8.1).
TEST_F(ImportErrorsTest, AByteOrderMarkIsIgnored) {
  std::string file = dir_ + "/bom.jsonl";
  std::ofstream(file, std::ios::binary) << "\xEF\xBB\xBF" << kGood << "\n";
  auto result = Ramstein("--db '" + path_ + "' import '" + file + "'");
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

// A date outside the years a ledger records says so; it is not "not a date".
TEST_F(ImportErrorsTest, ADateOutsideTheYearsRecordedSaysSo) {
  std::string line = kGood;
  line.replace(line.find("2025-03-03"), 10, "9999-12-31");
  ExpectRejected(line + "\n", {"input.jsonl:1:", "announced", "'9999-12-31' is a date outside the years 1900..2199"});
  line.replace(line.find("9999-12-31"), 10, "2025-02-30");
  ExpectRejected(line + "\n", {"announced", "'2025-02-30' is not a date"});
}

// JSON's -0 is 0; the string "-0" is read the same way, and no other sign.
TEST_F(ImportErrorsTest, MinusZeroIsZeroInBothSpellings) {
  std::string number = kGood, text = kGood;
  number.replace(number.find("\"10\""), 4, "-0");
  text.replace(text.find("\"10\""), 4, "\"-0.00\"");
  text.replace(text.find("measure:t1"), 10, "measure:t2");
  std::string file = dir_ + "/zero.jsonl";
  std::ofstream(file) << number << "\n" << text << "\n";
  auto result = Ramstein("--db '" + path_ + "' import '" + file + "'");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::string negative = kGood;
  negative.replace(negative.find("\"10\""), 4, "\"-1\"");
  ExpectRejected(negative + "\n", {"value.amount", "non-negative"});
}

TEST_F(ImportErrorsTest, AnEmptyFile) {
  ExpectRejected("", {"input.jsonl:1:", "empty"});
}

TEST_F(ImportErrorsTest, AQuoteThatIsNotInItsSource) {
  ExpectRejected(
      R"({"kind":"claim","id":"claim:t","subject":"forum:udcg","attribute":"members","value":"100","evidence":[{"source":"src:000","quote":"one hundred nations","start":113,"end":132}]})",
      {"input.jsonl:1:", "field 'evidence[0].quote': does not match source 'src:000'"});
}

TEST_F(ImportErrorsTest, ADuplicateIdWithoutCorrection) {
  ExpectRejected(std::string(kGood) + "\n" + kGood + "\n",
                 {"input.jsonl:2:", "already exists", "correction"});
}

TEST_F(ImportErrorsTest, LinesAboveTheMeasureValue) {
  ExpectRejected(
      R"({"kind":"measure","id":"measure:t3","donor":"USA","recipient":"UKR","announced":"2025-03-03","type":"military","instrument":"grant","status":"committed","title":"t","value":{"amount":"10","currency":"USD"},"lines":[{"item":"item:hellfire","quantity":1,"value":{"amount":"11","currency":"USD"}}]})",
      {"input.jsonl:1:", "field 'value': is less than the sum of its lines' values"});
}

// records.md, "Comparing partial dates": a month means all of it, so a
// period may end in the month it began in, never in the month before.
TEST_F(ImportErrorsTest, APartialDateIsComparedByTheDaysItCanMean) {
  const std::string delivery =
      R"({"kind":"delivery","id":"delivery:t1","measure":"measure:t1","from":"2025-07-15","value":{"amount":"1","currency":"USD"},"to":)";
  std::string file = dir_ + "/month.jsonl";
  std::ofstream(file) << kGood << "\n" << delivery << "\"2025-07\"}\n";
  auto result = Ramstein("--db '" + path_ + "' import '" + file + "'");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // measure:t1 is in the ledger now; the same period ending in June is not.
  std::string june = delivery + "\"2025-06\"}\n";
  june.replace(june.find("delivery:t1"), 11, "delivery:t2");
  ExpectRejected(june, {"input.jsonl:1:", "field 'to': is before 'from'"});
}

TEST_F(ImportErrorsTest, EveryBadLineIsListedNotJustTheFirst) {
  ExpectRejected("{\"kind\":\"actor\"}\n{\"kind\":\"unicorn\"}\nnot json\n",
                 {"input.jsonl:1:", "input.jsonl:2:", "input.jsonl:3:", "3 error(s)"});
}

TEST_F(ImportErrorsTest, ACorrectionIsANewEventAndKeepsHistory) {
  std::string file = dir_ + "/fix.jsonl";
  std::ofstream(file)
      << R"({"kind":"balance","id":"balance:usa-pda-2025-04-11","authority":"authority:usa-pda","date":"2025-04-11","remaining":{"amount":"3800000000","currency":"USD"},"correction":"test correction"})"
      << "\n";
  auto result = Ramstein("--db '" + path_ + "' import '" + file + "'");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto show = Ramstein("--db '" + path_ + "' show balance:usa-pda-2025-04-11 --json");
  EXPECT_NE(show.out.find("\"correction\":\"test correction\""), std::string::npos);
  EXPECT_NE(show.out.find("3850000000.00"), std::string::npos);  // the earlier version is kept
  EXPECT_EQ(Ramstein("--db '" + path_ + "' verify").exit_code, 0);
}

// Every limit of base/limits.h that a record's fields carry: at the limit
// accepted, one past it and at the type's maximum refused, naming the field.
TEST_F(ImportErrorsTest, QuantitiesAreHeldToTheirLimit) {
  auto measure = [](const std::string& quantity) {
    return R"({"kind":"measure","id":"measure:q)" + quantity +
           R"(","donor":"USA","recipient":"UKR","announced":"2025-03-03","type":"military","instrument":"grant","status":"committed","title":"t","lines":[{"item":"item:hellfire","quantity":)" +
           quantity + "}]}\n";
  };
  for (const std::string over : {"1000000000001", "9223372036854775807", "18446744073709551615"}) {
    ExpectRejected(measure(over), {"input.jsonl:1:", "lines[0].quantity", "out of range"});
  }
  std::string file = dir_ + "/at-limit.jsonl";
  std::ofstream(file) << measure("1000000000000");
  EXPECT_EQ(Ramstein("--db '" + path_ + "' import '" + file + "'").exit_code, 0);
  auto delivery = [](const std::string& id, const std::string& quantity) {
    return R"({"kind":"delivery","id":"delivery:)" + id +
           R"(","measure":"measure:q1000000000000","item":"item:hellfire","from":"2025-04-01","quantity":)" +
           quantity + "}\n";
  };
  ExpectRejected(delivery("over", "1000000000001"), {"quantity", "out of range"});
  ExpectRejected(delivery("max", "9223372036854775807"), {"quantity", "out of range"});
  // Two deliveries at the limit add up without wrapping.
  std::string both = dir_ + "/deliveries.jsonl";
  std::ofstream(both) << delivery("a", "1000000000000") << delivery("b", "1000000000000");
  auto imported = Ramstein("--db '" + path_ + "' import '" + both + "'");
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  auto items = Ramstein("--db '" + path_ + "' report items --csv --item item:hellfire --donor USA");
  EXPECT_EQ(items.exit_code, 0) << items.err;
  EXPECT_NE(items.out.find("2000000000000"), std::string::npos) << items.out;
  EXPECT_EQ(items.out.find(",-"), std::string::npos) << items.out;  // no negative count
  EXPECT_EQ(Ramstein("--db '" + path_ + "' verify").exit_code, 0);
}

TEST_F(ImportErrorsTest, MoneyIsHeldToItsLimit) {
  auto measure = [](const std::string& amount) {
    return R"({"kind":"measure","id":"measure:m","donor":"USA","recipient":"UKR","announced":"2025-03-03","type":"military","instrument":"grant","status":"committed","title":"t","value":{"amount":")" +
           amount + R"(","currency":"USD"}})" + "\n";
  };
  ExpectRejected(measure("1000000000000000.01"), {"value.amount", "below the limit"});
  ExpectRejected(measure("92233720368547758.07"), {"value.amount", "below the limit"});
  std::string file = dir_ + "/at-limit.jsonl";
  std::ofstream(file) << measure("1000000000000000.00");
  EXPECT_EQ(Ramstein("--db '" + path_ + "' import '" + file + "'").exit_code, 0);
}

// No total in any report wraps (base/wide_sum.h): 100 measures of one donor
// at the money limit, and 100 deliveries at the limit against one of them,
// sum past 2^63 minor units and are printed exactly.
TEST_F(ImportErrorsTest, TotalsPastSixtyFourBitsAreExact) {
  std::string file = dir_ + "/at-limit.jsonl";
  {
    std::ofstream out(file);
    for (int i = 0; i < 100; ++i) {
      out << R"({"kind":"measure","id":"measure:big)" << i
          << R"(","donor":"NOR","recipient":"UKR","announced":"2025-03-03","type":"military","instrument":"grant","status":"committed","title":"t","value":{"amount":"1000000000000000.00","currency":"EUR"}})"
          << "\n";
    }
    for (int i = 0; i < 100; ++i) {
      out << R"({"kind":"delivery","id":"delivery:big)" << i
          << R"(","measure":"measure:big0","from":"2025-04-01","value":{"amount":"1000000000000000.00","currency":"EUR"}})"
          << "\n";
    }
  }
  auto imported = Ramstein("--db '" + path_ + "' import '" + file + "'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto donors = Ramstein("--db '" + path_ + "' report donors --csv");
  ASSERT_EQ(donors.exit_code, 0) << donors.err;
  std::string row;
  for (std::size_t at = 0, end; at < donors.out.size(); at = end + 1) {
    end = donors.out.find('\n', at);
    if (end == std::string::npos) end = donors.out.size();
    if (donors.out.compare(at, 4, "NOR,") == 0 && donors.out.find(",EUR,", at) < end) row = donors.out.substr(at, end - at);
  }
  // 10^19 cents announced and committed (with Norway's bundled figures on
  // top: the sum begins 100000000000000...), 10^19 delivered; never negative.
  EXPECT_NE(row.find(",100000000000000000.00,"), std::string::npos) << row;  // delivered exactly
  EXPECT_EQ(row.find(",-"), std::string::npos) << row;
  EXPECT_NE(row.find(",1000000"), std::string::npos) << row;
  auto monthly = Ramstein("--db '" + path_ + "' report monthly --csv --donor NOR");
  ASSERT_EQ(monthly.exit_code, 0) << monthly.err;
  EXPECT_NE(monthly.out.find("2025-03,month,100000000000000000.00,100000000000000000.00"), std::string::npos)
      << monthly.out;
  EXPECT_EQ(monthly.out.find(",-"), std::string::npos) << monthly.out;
  EXPECT_EQ(Ramstein("--db '" + path_ + "' verify").exit_code, 0);
}

// A measure without a value of its own: its lines' total is one amount.
TEST_F(ImportErrorsTest, AMeasuresLinesAreHeldToTheMoneyLimit) {
  std::string lines;
  for (int i = 0; i < 10; ++i)
    lines += std::string(i ? "," : "") + R"({"item":"item:hellfire","value":{"amount":"100000000000000.01","currency":"USD"}})";
  ExpectRejected(
      R"({"kind":"measure","id":"measure:lines","donor":"USA","recipient":"UKR","announced":"2025-03-03","type":"military","instrument":"grant","status":"committed","title":"t","lines":[)" +
          lines + "]}\n",
      {"input.jsonl:1:", "lines", "limit of one amount"});
}

// A hold may name more units than its line: the money on hold is at most
// the line's value.
TEST_F(ImportErrorsTest, MoneyOnHoldIsAtMostTheLinesValue) {
  std::string file = dir_ + "/hold.jsonl";
  std::ofstream(file)
      << R"({"kind":"measure","id":"measure:h","donor":"FIN","recipient":"UKR","announced":"2025-03-03","type":"military","instrument":"grant","status":"committed","title":"t","lines":[{"item":"item:hellfire","quantity":1,"value":{"amount":"1000000000000000.00","currency":"EUR"}}]})"
      << "\n"
      << R"({"kind":"hold","id":"hold:h","donor":"FIN","recipient":"UKR","measure":"measure:h","from":"2025-04","lines":[{"item":"item:hellfire","quantity":1000000000000}]})"
      << "\n";
  auto imported = Ramstein("--db '" + path_ + "' import '" + file + "'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto donors = Ramstein("--db '" + path_ + "' report donors --csv");
  ASSERT_EQ(donors.exit_code, 0) << donors.err;
  EXPECT_NE(donors.out.find("FIN,Finland,EUR,1000000000000000.00,1000000000000000.00,0.00,1000000000000000.00,1000000000000000.00,"),
            std::string::npos)
      << donors.out;
}

}  // namespace
}  // namespace ramstein::testing
