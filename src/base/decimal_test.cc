#include "base/decimal.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

Decimal D(std::string_view text) {
  auto value = ParseDecimal(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value.value_or(Decimal{});
}

TEST(DecimalTest, ParsesAndPrintsBackEveryDigit) {
  for (std::string_view text : {"0", "0.002645", "1312.77115526256", "-3.5", "0.000201482184415531",
                                "358", "0.00149570612079685"}) {
    EXPECT_EQ(DecimalToString(D(text)), text);
  }
}

TEST(DecimalTest, RejectsWhatIsNotAPlainDecimal) {
  for (std::string_view text : {"", "-", ".5", "5.", "1,250", "1e3", "+1", "1.2.3", " 1", "--1",
                                "1234567890123456", "0.12345678901234567890123"}) {
    EXPECT_FALSE(ParseDecimal(text).has_value()) << text;
  }
}

TEST(DecimalTest, SumsExactlyAcrossScales) {
  auto sum = Add(*Add(D("0.1"), D("0.2")), D("0.000000000000000000001"));
  ASSERT_TRUE(sum.has_value());
  EXPECT_EQ(DecimalToString(*sum), "0.300000000000000000001");
  EXPECT_EQ(D("1.50"), D("1.5"));
  EXPECT_EQ(DecimalToString(*Subtract(D("1"), D("1.25"))), "-0.25");
  EXPECT_EQ(DecimalToString(D("000000000000000000007.5")), "7.5");
}

TEST(DecimalTest, RefusesASumThatWouldOverflow) {
  Decimal big = D("999999999999999.9999999999999999999999");
  std::optional<Decimal> sum = big;
  int additions = 0;
  while (sum && additions < 100) {
    sum = Add(*sum, big);
    ++additions;
  }
  EXPECT_FALSE(sum.has_value());
  EXPECT_GT(additions, 10);
}

TEST(DecimalTest, RoundsHalfAwayFromZero) {
  EXPECT_EQ(DecimalRounded(D("358.36"), 1), "358.4");
  EXPECT_EQ(DecimalRounded(D("0.25"), 1), "0.3");
  EXPECT_EQ(DecimalRounded(D("-0.25"), 1), "-0.3");
  EXPECT_EQ(DecimalRounded(D("0.24"), 1), "0.2");
  EXPECT_EQ(DecimalRounded(D("7"), 2), "7.00");
  EXPECT_EQ(DecimalRounded(D("0.04"), 0), "0");
  EXPECT_EQ(DecimalToMinor(D("21596939.405158583"), 2), 2159693941);
  EXPECT_EQ(DecimalToMinor(D("-0.005"), 2), -1);
  EXPECT_EQ(DecimalToMinor(D("12"), 2), 1200);
  EXPECT_EQ(DecimalToMinor(D("999999999999999"), 9), std::nullopt);
}

}  // namespace
}  // namespace ramstein
