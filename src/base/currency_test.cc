#include "base/currency.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

TEST(CurrencyTest, KnowsCodesAndExponents) {
  ASSERT_TRUE(Currency::FromCode("GBP").has_value());
  EXPECT_EQ(Currency::FromCode("GBP")->exponent(), 2);
  EXPECT_EQ(Currency::FromCode("JPY")->exponent(), 0);
  EXPECT_EQ(Currency::FromCode("KWD")->exponent(), 3);
  EXPECT_EQ(Currency::FromCode("UAH")->code(), "UAH");
  EXPECT_FALSE(Currency::FromCode("XYZ").has_value());
  EXPECT_FALSE(Currency::FromCode("usd").has_value());
  EXPECT_EQ(Currency::Usd().code(), "USD");
}

TEST(CurrencyTest, FormatsMinorUnitsExactly) {
  EXPECT_EQ(FormatMoney({17'500'000'000, Currency::Usd()}), "USD 175,000,000.00");
  EXPECT_EQ(FormatMinor(5, 2, false), "0.05");
  EXPECT_EQ(FormatMinor(-123456, 2, true), "-1,234.56");
  EXPECT_EQ(FormatMinor(1000, 0, true), "1,000");
}

}  // namespace
}  // namespace ramstein

namespace ramstein {
namespace {

TEST(CurrencyTest, ParsesDecimalsIntoMinorUnits) {
  EXPECT_EQ(ParseDecimalMinor("700000000", 2, INT64_MAX), 70'000'000'000);
  EXPECT_EQ(ParseDecimalMinor("150.5", 2, INT64_MAX), 15'050);
  EXPECT_EQ(ParseDecimalMinor("0.05", 2, INT64_MAX), 5);
  EXPECT_EQ(ParseDecimalMinor("12", 0, INT64_MAX), 12);
  EXPECT_FALSE(ParseDecimalMinor("1.005", 2, INT64_MAX).has_value());
  EXPECT_FALSE(ParseDecimalMinor("-5", 2, INT64_MAX).has_value());
  EXPECT_FALSE(ParseDecimalMinor("1,250", 2, INT64_MAX).has_value());
  EXPECT_FALSE(ParseDecimalMinor("1e9", 2, INT64_MAX).has_value());
  EXPECT_FALSE(ParseDecimalMinor("", 2, INT64_MAX).has_value());
  EXPECT_FALSE(ParseDecimalMinor("5.", 2, INT64_MAX).has_value());
  EXPECT_FALSE(ParseDecimalMinor("99999999999999999999", 2, INT64_MAX).has_value());
  EXPECT_FALSE(ParseDecimalMinor("1001", 2, 100'000).has_value());
}

TEST(WideSumTest, TotalsPastSixtyFourBitsPrintExactly) {
  WideSum past = static_cast<WideSum>(INT64_MAX) + 1;
  EXPECT_EQ(FormatWideSum(past), "9223372036854775808");
  EXPECT_EQ(FormatMinor(past * 1000, 2, false), "92233720368547758080.00");
  // The bound of base/wide_sum.h: 2^32 records at the money limit.
  EXPECT_EQ(FormatWideSum(static_cast<WideSum>(4294967296) * 100'000'000'000'000'000), "429496729600000000000000000");
  WideSum lowest = static_cast<WideSum>(static_cast<unsigned __int128>(1) << 127);
  EXPECT_EQ(FormatWideSum(lowest), "-170141183460469231731687303715884105728");
  EXPECT_EQ(FormatWideSum(0), "0");
}

}  // namespace
}  // namespace ramstein
