#include "base/did_you_mean.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

TEST(DidYouMeanTest, TheClosestNameWithinAThirdOfItsLength) {
  const std::vector<std::string> commands = {"init", "import", "report", "release", "serve", "verify"};
  EXPECT_EQ(Closest("reprot", commands), "report");   // two neighbours swapped
  EXPECT_EQ(Closest("raport", commands), "report");   // one replaced
  EXPECT_EQ(Closest("imprt", commands), "import");    // one left out
  EXPECT_EQ(Closest("serv", commands), "serve");
  EXPECT_EQ(Closest("REPORT", commands), "report");   // case aside
  EXPECT_EQ(Closest("xyzzy", commands), std::nullopt);
  EXPECT_EQ(Closest("", commands), std::nullopt);
  EXPECT_EQ(Closest(std::string(100, 'r'), commands), std::nullopt);
  EXPECT_EQ(Closest("Air Defence", {"Air Defense", "Artillery"}), "Air Defense");
}

TEST(DidYouMeanTest, EndsAnErrorOrAddsNothing) {
  EXPECT_EQ(DidYouMean("jsnl", {"jsonl", "xlsx"}), " (did you mean 'jsonl'?)");
  EXPECT_EQ(DidYouMean("pdf", {"jsonl", "xlsx"}), "");
}

}  // namespace
}  // namespace ramstein
