// Settings and the documents made from the command line: the config file,
// its precedence under the environment and the flags, the manual page and
// the bash completion.
#include <gtest/gtest.h>

#include <filesystem>

#include "query/catalog.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

// The binary with only the environment given (no RAMSTEIN_* from outside)
// and the bundled data.
CommandResult RunWith(const std::string& environment, const std::string& arguments) {
  return Shell("env -u RAMSTEIN_DB -u RAMSTEIN_CONFIG -u RAMSTEIN_DATA " + environment + " '" + RamsteinBinary() +
               "' --data-dir '" + SourceDir() + "/data' " + arguments + " </dev/null");
}

TEST(SettingsTest, AFlagWinsOverTheEnvironmentWhichWinsOverTheFile) {
  std::string dir = TempDir("settings-precedence");
  WriteText(dir + "/ramstein.conf", "# test\ndb = " + dir + "/from-file.db\n[serve]\nlisten = 127.0.0.1:1\n");
  std::string config = "RAMSTEIN_CONFIG='" + dir + "/ramstein.conf'";
  ASSERT_EQ(RunWith(config, "init").exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir + "/from-file.db"));
  ASSERT_EQ(RunWith(config + " RAMSTEIN_DB='" + dir + "/from-env.db'", "init").exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir + "/from-env.db"));
  ASSERT_EQ(RunWith(config + " RAMSTEIN_DB='" + dir + "/from-env.db'", "--db '" + dir + "/from-flag.db' init").exit_code,
            0);
  EXPECT_TRUE(std::filesystem::exists(dir + "/from-flag.db"));
  // --config names the file as well as the environment does, and wins.
  WriteText(dir + "/other.conf", "db = " + dir + "/from-other.db\n");
  ASSERT_EQ(RunWith(config, "--config '" + dir + "/other.conf' init").exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir + "/from-other.db"));
  // A section's setting reaches its command: serve listens where the file says.
  auto serve = RunWith(config, "serve --help");
  EXPECT_NE(serve.out.find("127.0.0.1:1"), std::string::npos) << serve.out;
  auto flag = RunWith(config + " RAMSTEIN_LISTEN=127.0.0.1:2", "serve --help");
  EXPECT_NE(flag.out.find("127.0.0.1:2"), std::string::npos) << flag.out;
}

TEST(SettingsTest, ABadFileIsAnErrorNamingItsLineAndNothingRuns) {
  std::string dir = TempDir("settings-bad");
  WriteText(dir + "/typo.conf", "# test\ndbb = " + dir + "/x.db\n");
  auto typo = RunWith("", "--config '" + dir + "/typo.conf' init");
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_NE(typo.err.find(dir + "/typo.conf:2: no setting 'dbb' (did you mean 'db'?)"), std::string::npos)
      << typo.err;
  WriteText(dir + "/section.conf", "[serve]\nlisen = 127.0.0.1:1\n");
  auto section = RunWith("", "--config '" + dir + "/section.conf' init");
  EXPECT_NE(section.err.find("section.conf:2: no setting 'serve.lisen' (did you mean 'serve.listen'?)"),
            std::string::npos)
      << section.err;
  // A huge file (sparse: nothing on disk) is refused before it is read.
  ASSERT_EQ(Shell("truncate -s 8G '" + dir + "/huge.conf'").exit_code, 0);
  auto huge = RunWith("", "--config '" + dir + "/huge.conf' init");
  EXPECT_EQ(huge.exit_code, 1);
  EXPECT_NE(huge.err.find("huge.conf:1: the file is longer than 65536 bytes"), std::string::npos) << huge.err;
  auto missing = RunWith("RAMSTEIN_CONFIG='" + dir + "/absent.conf'", "init");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("absent.conf"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.db"));
  EXPECT_FALSE(std::filesystem::exists("ramstein.db"));
}

TEST(SettingsTest, InitIfMissingLeavesALedgerAsItIs) {
  std::string db = TempDir("settings-if-missing") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  std::uint64_t head = HeadSequence(db);
  ASSERT_GT(head, 0u);
  auto again = Ramstein("--db '" + db + "' init --bundled --if-missing");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("exists; left as it is"), std::string::npos);
  EXPECT_EQ(HeadSequence(db), head);
  EXPECT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 2);
}

TEST(SettingsTest, TheManualPageDocumentsEveryQuestionAndSetting) {
  auto page = Ramstein("man-page");
  ASSERT_EQ(page.exit_code, 0);
  EXPECT_EQ(page.out.rfind(".\\\" ramstein(1)", 0), 0u);
  for (const Question& question : Questions()) {
    std::string path = "ramstein";
    for (const std::string& word : question.command) path += " " + word;
    EXPECT_NE(page.out.find(".SS \"" + path + "\"\n"), std::string::npos) << path;
    for (const Param& param : question.params) {
      std::string escaped;
      for (char c : param.name) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
      EXPECT_NE(page.out.find("\\fB\\-\\-" + escaped + "\\fR"), std::string::npos) << path << " " << param.name;
    }
  }
  for (const char* env : {"RAMSTEIN_DB", "RAMSTEIN_DATA", "RAMSTEIN_AUTHOR", "RAMSTEIN_LISTEN", "RAMSTEIN_WEB"}) {
    EXPECT_NE(page.out.find(std::string("\\fB") + env + "\\fR"), std::string::npos) << env;
  }
  // The page is valid roff as man reads it: no warnings.
  auto groff = Shell("command -v groff >/dev/null || exit 77; '" + RamsteinBinary() +
                     "' man-page | groff -man -Tutf8 -ww -z 2>&1");
  if (groff.exit_code != 77) {
    EXPECT_EQ(groff.out, "") << groff.out;
  }
  // Hidden from the help: it is not a user's command.
  EXPECT_EQ(Ramstein("--help").out.find("man-page"), std::string::npos);
}

TEST(SettingsTest, BashCompletesCommandsOptionsAndChoices) {
  std::string dir = TempDir("settings-completion");
  ASSERT_EQ(Shell("'" + RamsteinBinary() + "' completion bash > '" + dir + "/ramstein'").exit_code, 0);
  auto complete = [&](const std::string& words) {
    WriteText(dir + "/ask.sh", "source '" + dir + "/ramstein'\nCOMP_WORDS=(" + words +
                                   ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_ramstein\necho \"${COMPREPLY[*]}\"\n");
    return Shell("bash '" + dir + "/ask.sh'").out;
  };
  EXPECT_EQ(complete("ramstein re"), "release report\n");
  EXPECT_EQ(complete("ramstein report don"), "donors\n");
  EXPECT_EQ(complete("ramstein --db x.db report donors --ty"), "--type\n");
  EXPECT_EQ(complete("ramstein report donors --type ''"), "military financial humanitarian\n");
  EXPECT_EQ(complete("ramstein --db x.db list measures --lim"), "--limit\n");
}

// --trackers adds the bundled trackers' files to the bundled data: each an
// account of its own beside the seed's; it means nothing without --bundled.
TEST(SettingsTest, InitWithTrackersLoadsTheirAccounts) {
  std::string db = TempDir("init-trackers") + "/ledger.db";
  CommandResult made = Ramstein("--db '" + db + "' init --bundled --trackers");
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("from the bundled data and trackers"), std::string::npos) << made.out;
  CommandResult publishers = Ramstein("--db '" + db + "' report publishers --csv");
  ASSERT_EQ(publishers.exit_code, 0) << publishers.err;
  EXPECT_NE(publishers.out.find("\n\"Oryx (oryxspioenkop.com), as scraped to CSV\",355,"), std::string::npos) << publishers.out;
  EXPECT_NE(publishers.out.find("\nUkraineAidTracker (protect-ukraine-now),332,29,2,64983772660.72,3567,money"), std::string::npos)
      << publishers.out;  // the default account for money
  EXPECT_EQ(Ramstein("--db '" + db + "' verify").exit_code, 0);
  CommandResult alone = Ramstein("--db '" + TempDir("init-trackers-alone") + "/l.db' init --trackers");
  EXPECT_NE(alone.exit_code, 0);
  EXPECT_NE(alone.err.find("--bundled"), std::string::npos) << alone.err;
}

}  // namespace
}  // namespace ramstein::testing
