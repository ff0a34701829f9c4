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

}  // namespace
}  // namespace ramstein
