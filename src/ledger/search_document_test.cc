#include "ledger/search_document.h"

#include <gtest/gtest.h>

#include "ledger/record_codec.h"

namespace ramstein {
namespace {

std::vector<std::string> Terms(std::string_view text, bool* prefix = nullptr) {
  auto parsed = ParseSearchQuery(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status().ToString();
  if (!parsed.ok()) return {};
  if (prefix) *prefix = parsed->last_is_prefix;
  return parsed->terms;
}

TEST(SearchQueryTest, WordsAndPhrasesAsAPersonTypesThem) {
  bool prefix = false;
  EXPECT_EQ(Terms("Patriot  interceptors", &prefix), (std::vector<std::string>{"Patriot", "interceptors"}));
  EXPECT_TRUE(prefix);
  EXPECT_EQ(Terms("air defence ", &prefix), (std::vector<std::string>{"air", "defence"}));
  EXPECT_FALSE(prefix);
  EXPECT_EQ(Terms("\"air defence\" GBP", &prefix), (std::vector<std::string>{"air defence", "GBP"}));
  EXPECT_EQ(Terms("\"contact group", &prefix), (std::vector<std::string>{"contact group"}));
  EXPECT_FALSE(prefix);  // an unclosed phrase is a phrase, not a prefix
  // Punctuation separates words, as the index's tokenizer does; letters of
  // any script are kept.
  EXPECT_EQ(Terms("155mm, M777/howitzer—Україна"),
            (std::vector<std::string>{"155mm", "M777", "howitzer", "Україна"}));
  EXPECT_EQ(Terms("AND OR NOT NEAR* ^x"), (std::vector<std::string>{"AND", "OR", "NOT", "NEAR", "x"}));
}

TEST(SearchQueryTest, AQueryWithoutAWordOrTooLongIsRefused) {
  for (const std::string& text : std::vector<std::string>{"", "   ", "\"\"", "*** ---", std::string(300, 'a'),
                                                          "\xff\xfe", "a b c d e f g h i j k l m n o p q"}) {
    EXPECT_FALSE(ParseSearchQuery(text).ok()) << text;
  }
}

TEST(SearchDocumentTest, TitleAndTheTextsOfARecordButNotItsCodes) {
  auto record = DecodeInputRecord(
      R"({"kind":"source","id":"src:x","title":"A report","publisher":"Newspaper","published":"2025-04-11",)"
      R"("sha256":"","text":"Patriot interceptors were delivered.","url":"https://example.org/a"})");
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  SearchDocument document = SearchDocumentOf(*record);
  EXPECT_EQ(document.title, "A report");
  EXPECT_NE(document.body.find("Patriot interceptors were delivered."), std::string::npos);
  EXPECT_NE(document.body.find("Newspaper"), std::string::npos);
  EXPECT_NE(document.body.find("src:x"), std::string::npos);
  EXPECT_EQ(document.body.find("example.org"), std::string::npos);
  EXPECT_EQ(document.body.find(Sha256Hex("Patriot interceptors were delivered.")), std::string::npos);
}

}  // namespace
}  // namespace ramstein
