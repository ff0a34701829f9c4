// Extracts that withhold confidential payloads and still verify end to end:
// `export --format events --redact-classification …` and `verify --extract`.
// The withheld record's words are nowhere in the extract; every event's
// place in the chain is; any edit, removal or false claim is named by line.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string Quote(const std::string& text) { return "'" + text + "'"; }

constexpr const char* kRestricted =
    R"({"kind":"source","id":"src:memo","title":"Interceptor allocation memo","publisher":"A ministry",)"
    R"("sha256":"","classification":"restricted","releasable_to":["USA","GBR","GBR"]})";
constexpr const char* kCoalition =
    R"({"kind":"source","id":"src:brief","title":"Coalition brief","publisher":"A ministry","sha256":"",)"
    R"("classification":"coalition"})";

class ExtractScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    static const std::string pristine = [] {
      const std::string path = TempDir("extract-pristine") + "/ledger.db";
      EXPECT_EQ(Ramstein("--db " + Quote(path) + " init --bundled").exit_code, 0);
      EXPECT_EQ(Ramstein("--db " + Quote(path) + " add", kRestricted).exit_code, 0);
      EXPECT_EQ(Ramstein("--db " + Quote(path) + " add", kCoalition).exit_code, 0);
      Shell("sqlite3 " + Quote(path) + " 'PRAGMA wal_checkpoint(TRUNCATE);'");
      return path;
    }();
    dir_ = TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = dir_ + "/ledger.db";
    for (const std::string suffix : {"", "-ack", ".key"}) std::filesystem::copy_file(pristine + suffix, db_ + suffix);
  }
  CommandResult Run(const std::string& arguments, const std::string& input = "") {
    return Ramstein("--db " + Quote(db_) + " " + arguments, input);
  }
  std::string Export(const std::string& name, const std::string& withhold) {
    const std::string path = dir_ + "/" + name + ".jsonl";
    auto result = Run("export --format events --out " + Quote(path) +
                      (withhold.empty() ? "" : " --redact-classification " + withhold));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return path;
  }
  CommandResult VerifyExtract(const std::string& path, const std::string& more = "") {
    return Ramstein("verify --extract " + Quote(path) + more);
  }
  // The extract with line `number` (1-based) replaced by `with` ("" drops it).
  std::string Edited(const std::string& path, std::size_t number, const std::string& with) {
    std::vector<std::string> lines;
    std::string text = ReadText(path), out;
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find('\n', start);
      lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i + 1 != number) out += lines[i] + "\n";
      else if (!with.empty()) out += with + "\n";
    }
    const std::string edited = dir_ + "/edited-" + std::to_string(number) + ".jsonl";
    WriteText(edited, out);
    return edited;
  }
  std::string Line(const std::string& path, std::size_t number) {
    std::string text = ReadText(path);
    std::size_t start = 0;
    for (std::size_t i = 1; i < number; ++i) start = text.find('\n', start) + 1;
    return text.substr(start, text.find('\n', start) - start);
  }
  std::string dir_, db_;
};

TEST_F(ExtractScenario, AWithheldPayloadLeavesNoWordButTheChainVerifiesEndToEnd) {
  const std::uint64_t events = HeadSequence(db_);
  const std::string full = Export("full", "");
  const std::string extract = Export("extract", "restricted");
  const std::string text = ReadText(extract);
  EXPECT_EQ(text.find("Interceptor allocation memo"), std::string::npos) << "the withheld title is in the extract";
  EXPECT_EQ(text.find("src:memo"), std::string::npos) << "the withheld id is in the extract";
  EXPECT_NE(text.find("Coalition brief"), std::string::npos);
  EXPECT_NE(ReadText(full).find("Interceptor allocation memo"), std::string::npos);
  // The withheld event keeps its place, kind and digest; not its salt.
  const std::string hidden = Line(extract, static_cast<std::size_t>(events));  // line 1 is the header
  EXPECT_NE(hidden.find("\"classification\":\"restricted\",\"digest\":\""), std::string::npos) << hidden;
  EXPECT_NE(hidden.find("\"kind\":\"source\""), std::string::npos) << hidden;
  EXPECT_EQ(hidden.find("salt"), std::string::npos) << hidden;
  auto verified = VerifyExtract(extract);
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find(std::to_string(events) + " events verified end to end, 1 payloads withheld (1 restricted)"),
            std::string::npos)
      << verified.out;
  auto both = Export("both", "restricted,coalition");
  auto verified_both = VerifyExtract(both);
  EXPECT_EQ(verified_both.exit_code, 0) << verified_both.err;
  EXPECT_NE(verified_both.out.find("2 payloads withheld (1 coalition, 1 restricted)"), std::string::npos)
      << verified_both.out;
  // The ledger's own checkpoint holds for the extract, whose tree is the ledger's.
  auto checkpoint = Run("checkpoint");
  ASSERT_EQ(checkpoint.exit_code, 0) << checkpoint.err;
  WriteText(dir_ + "/published.jsonl", checkpoint.out);
  auto held = VerifyExtract(extract, " --checkpoint " + Quote(dir_ + "/published.jsonl"));
  EXPECT_EQ(held.exit_code, 0) << held.err;
  EXPECT_NE(held.out.find("holds"), std::string::npos) << held.out;
  // An extract made before a later checkpoint is named rolled back against it.
  ASSERT_EQ(Run("add", R"({"kind":"source","id":"src:later","title":"Later","publisher":"P","sha256":""})").exit_code, 0);
  auto later = Run("checkpoint");
  WriteText(dir_ + "/later.jsonl", later.out);
  auto stale = VerifyExtract(extract, " --checkpoint " + Quote(dir_ + "/later.jsonl"));
  EXPECT_EQ(stale.exit_code, 2);
  EXPECT_NE(stale.err.find("rolled back"), std::string::npos) << stale.err;
}

TEST_F(ExtractScenario, EveryEditOfAnExtractIsNamedByItsLine) {
  const std::uint64_t events = HeadSequence(db_);
  const std::string extract = Export("extract", "restricted");
  const std::size_t hidden = static_cast<std::size_t>(events);  // the restricted record's line
  const std::size_t revealed = 200;
  auto expect_failure = [&](const std::string& edited, const std::string& words) {
    auto result = VerifyExtract(edited);
    EXPECT_EQ(result.exit_code, 2) << words;
    EXPECT_NE(result.err.find(words), std::string::npos) << result.err;
  };
  std::string line = Line(extract, revealed);
  std::string changed = line;
  changed.insert(changed.find("\\\"id\\\":\\\"") + 10, "x");  // still canonical, another id
  expect_failure(Edited(extract, revealed, changed), ":" + std::to_string(revealed) + ": event " +
                                                          std::to_string(revealed - 1) + ": bytes do not match");
  expect_failure(Edited(extract, revealed, ""), "event " + std::to_string(revealed - 1) + " is missing");
  std::string digest = Line(extract, hidden);
  const std::size_t at = digest.find("\"digest\":\"") + 10;
  digest[at] = digest[at] == '0' ? '1' : '0';
  expect_failure(Edited(extract, hidden, digest), ":" + std::to_string(hidden) + ": event");
  expect_failure(Edited(extract, hidden + 1, ""), "the extract ends at event " + std::to_string(events - 1));
  std::string header = Line(extract, 1);
  header.replace(header.find("\"withheld\":[\"restricted\"]"), 25, "\"withheld\":[]");
  expect_failure(Edited(extract, 1, header), "field 'classification': 'restricted' is not a classification");
  std::string kind = Line(extract, revealed);
  kind.replace(kind.find("\"kind\":\""), 8, "\"kind\":\"x");
  expect_failure(Edited(extract, revealed, kind), "field 'kind'");
  expect_failure(Edited(extract, revealed, "{\"sequence\":1"), ":" + std::to_string(revealed) + ": not a JSON object");
}

TEST_F(ExtractScenario, RecordsJsonLinesLeaveOutWhatIsWithheldAndClassificationsAreChecked) {
  auto exported = Run("export --format jsonl --redact-classification restricted");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out.find("src:memo"), std::string::npos);
  EXPECT_NE(exported.out.find("src:brief"), std::string::npos);
  auto all = Run("export --format jsonl");
  EXPECT_NE(all.out.find(R"("classification":"restricted")"), std::string::npos);
  EXPECT_NE(all.out.find(R"("releasable_to":["GBR","USA"])"), std::string::npos) << "a set: sorted, distinct";
  auto unknown = Run("export --format events --redact-classification secret");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("'secret' is not coalition or restricted"), std::string::npos) << unknown.err;
  const std::uint64_t events = HeadSequence(db_);
  for (const auto& [record, words] : std::vector<std::pair<std::string, std::string>>{
           {R"({"kind":"source","id":"src:a","title":"A","publisher":"P","sha256":"","classification":"secret"})",
            "field 'classification': 'secret' is not public, coalition or restricted"},
           {R"({"kind":"source","id":"src:a","title":"A","publisher":"P","sha256":"","classification":"restricted"})",
            "field 'releasable_to': a restricted record names the actors"},
           {R"({"kind":"source","id":"src:a","title":"A","publisher":"P","sha256":"","releasable_to":["USA"]})",
            "field 'releasable_to': is only for a restricted record"},
           {R"({"kind":"source","id":"src:a","title":"A","publisher":"P","sha256":"","classification":"restricted",)"
            R"("releasable_to":["ATLANTIS"]})",
            "ATLANTIS"}}) {
    auto added = Run("add", record);
    EXPECT_EQ(added.exit_code, 2) << record;
    EXPECT_NE(added.err.find(words), std::string::npos) << added.err;
  }
  EXPECT_EQ(HeadSequence(db_), events);
  // "public" is the absence of a classification: one spelling.
  ASSERT_EQ(Run("add", R"({"kind":"source","id":"src:p","title":"P","publisher":"P","sha256":"","classification":"public"})")
                .exit_code,
            0);
  EXPECT_EQ(Run("export --format jsonl").out.find(R"("classification":"public")"), std::string::npos);
}

}  // namespace
}  // namespace ramstein::testing
