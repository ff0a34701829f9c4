#include "api/url.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

TEST(UrlTest, DecodesThePathAndTheQuery) {
  auto target = ParseTarget("/api/v1/records/figure%3Akiel-r29%2Fdata_explorer%2F1?a=1&b=x+y&c=%C3%A9&flag");
  ASSERT_TRUE(target.ok()) << target.status().ToString();
  EXPECT_EQ(target->path, "/api/v1/records/figure:kiel-r29/data_explorer/1");
  ASSERT_EQ(target->params.size(), 4u);
  EXPECT_EQ(target->params[1].second, "x y");
  EXPECT_EQ(target->params[2].second, "\xc3\xa9");
  EXPECT_EQ(target->params[3].first, "flag");
  EXPECT_EQ(target->params[3].second, "");
}

TEST(UrlTest, APlusInThePathStaysAPlus) {
  auto target = ParseTarget("/a+b");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->path, "/a+b");
}

TEST(UrlTest, MalformedEscapesNulAndRepeatsAreRefused) {
  for (const char* bad : {"/%zz", "/%4", "/%", "/a?x=%g1", "/a%00b", "/a?x=1&x=2", "*", "http://host/", ""}) {
    EXPECT_FALSE(ParseTarget(bad).ok()) << bad;
  }
}

TEST(UrlTest, AnEncodedTextDecodesToItself) {
  for (std::string text : {"kiel-r29/data_explorer", "figure:kiel-r29/data_explorer/AUS/2022-02", "Air Defense",
                           "a+b&c=d?e#f%", "Ukraine’s"}) {
    std::string encoded = PercentEncode(text);
    EXPECT_EQ(encoded.find_first_of("/ +&=?#"), std::string::npos) << encoded;
    EXPECT_EQ(PercentDecode(encoded, true).value(), text);
  }
  EXPECT_EQ(PercentEncode("meeting:udcg-27"), "meeting:udcg-27");
}

}  // namespace
}  // namespace ramstein
