#include "base/utf8.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Ramstein"));
  EXPECT_TRUE(IsValidUtf8("Zelens\xca\xb9kyi \xe2\x82\xac \xf0\x9f\x87\xba\xf0\x9f\x87\xa6"));
  EXPECT_TRUE(IsValidUtf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
}

TEST(Utf8Test, RefusesOverlongSurrogatesTruncatedAndOutOfRange) {
  for (std::string bad : {"\xc0\xae", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
                          "\xe2\x82", "\x80", "\xff", "abc\xc3"}) {
    EXPECT_FALSE(IsValidUtf8(bad)) << bad;
  }
}

TEST(Utf8Test, ReplacesEachBadByte) {
  EXPECT_EQ(ToValidUtf8("a\xc0\xae" "b"), "a\xef\xbf\xbd\xef\xbf\xbd" "b");
  EXPECT_EQ(ToValidUtf8("\xe2\x82\xac"), "\xe2\x82\xac");
  EXPECT_TRUE(IsValidUtf8(ToValidUtf8("\xff\xfe\xed\xa0\x80 ok")));
}

}  // namespace
}  // namespace ramstein
