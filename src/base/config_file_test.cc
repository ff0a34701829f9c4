#include "base/config_file.h"

#include <gtest/gtest.h>

#include "base/limits.h"

namespace ramstein {
namespace {

TEST(ConfigFileTest, SectionsKeysAndValuesAreRead) {
  auto entries = ParseConfigFile(
      "# settings\n"
      "db = /var/lib/ramstein/ramstein.db\r\n"
      "\n"
      "  [serve]  \n"
      "listen=127.0.0.1:9000\n"
      "; another comment\n"
      "web-dir = \" /srv/web \"\n"
      "author = a = b\n",
      "ramstein.conf");
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  ASSERT_EQ(entries->size(), 4u);
  EXPECT_EQ((*entries)[0].section, "");
  EXPECT_EQ((*entries)[0].key, "db");
  EXPECT_EQ((*entries)[0].value, "/var/lib/ramstein/ramstein.db");
  EXPECT_EQ((*entries)[0].line, 2);
  EXPECT_EQ((*entries)[1].section, "serve");
  EXPECT_EQ((*entries)[1].value, "127.0.0.1:9000");
  EXPECT_EQ((*entries)[2].value, " /srv/web ");
  EXPECT_EQ((*entries)[3].value, "a = b");
  EXPECT_EQ((*entries)[3].line, 8);
}

TEST(ConfigFileTest, EachBadLineIsNamedWithItsFileAndLine) {
  struct Case {
    const char* text;
    const char* error;
  };
  for (const Case& c : {
           Case{"db = x\nlisten\n", "ramstein.conf:2: expected 'key = value' or '[section]'"},
           Case{"[serve\n", "ramstein.conf:1: a section header ends with ']'"},
           Case{"[Serve]\n", "ramstein.conf:1: a section name is lower-case letters, digits and '-'"},
           Case{"Db = x\n", "ramstein.conf:1: a key is lower-case letters, digits and '-', before '='"},
           Case{" = x\n", "ramstein.conf:1: a key is lower-case letters, digits and '-', before '='"},
           Case{"db = x\n\ndb = y\n", "ramstein.conf:3: 'db' is given twice (also on line 1)"},
           Case{"db = \xff\n", "ramstein.conf:1: the file is not valid UTF-8"},
       }) {
    auto entries = ParseConfigFile(c.text, "ramstein.conf");
    ASSERT_FALSE(entries.ok()) << c.text;
    EXPECT_EQ(entries.status().message(), c.error);
  }
}

TEST(ConfigFileTest, TheSameKeyInTwoSectionsIsTwoSettings) {
  auto entries = ParseConfigFile("listen = a\n[serve]\nlisten = b\n", "f");
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 2u);
}

TEST(ConfigFileTest, AFileBeyondTheLimitIsRefusedUnread) {
  std::string text(limits::config_file_bytes_max + 1, '#');
  auto entries = ParseConfigFile(text, "big.conf");
  ASSERT_FALSE(entries.ok());
  EXPECT_NE(entries.status().message().find("big.conf:1: the file is longer than"), std::string::npos);
}

}  // namespace
}  // namespace ramstein
