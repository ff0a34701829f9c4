#include "fx/fx_rates.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/date.h"

namespace ramstein {
namespace {

const FxRates& BundledRates() {
  static const FxRates rates = [] {
    std::ifstream in(std::string(RAMSTEIN_SOURCE_DIR) + "/data/fx/eurofxref-hist.csv");
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = FxRates::ParseEcbCsv(text.str(), "eurofxref-hist.csv");
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    return parsed.ok() ? std::move(parsed).value() : FxRates();
  }();
  return rates;
}

std::int32_t Day(const char* text) {
  return Date::Parse(text)->days;
}

TEST(FxRatesTest, ReadsTheWholeEcbHistory) {
  EXPECT_EQ(BundledRates().day_count(), 6983u);  // 6,983 business days (data/fx/README.md)
}

TEST(FxRatesTest, ConvertsAtTheDaysRate) {
  // 2025-04-11: USD 1.1346 per EUR (ECB). USD 3.85 bn -> EUR 3,393,266,349.37 (checked with decimal
  // arithmetic).
  auto eur = BundledRates().ToEur({385'000'000'000, Currency::Usd()}, Day("2025-04-11"));
  ASSERT_TRUE(eur.has_value());
  EXPECT_EQ(eur->cents, 339'326'634'937);
  EXPECT_EQ(eur->rate_day, Day("2025-04-11"));
}

TEST(FxRatesTest, UsesTheNearestEarlierBusinessDay) {
  // 2025-04-12 is a Saturday: Friday's rate.
  auto eur = BundledRates().ToEur({100, Currency::Usd()}, Day("2025-04-12"));
  ASSERT_TRUE(eur.has_value());
  EXPECT_EQ(eur->rate_day, Day("2025-04-11"));
}

TEST(FxRatesTest, RefusesWhenThereIsNoRate) {
  auto rub = *Currency::FromCode("RUB");
  EXPECT_TRUE(BundledRates().ToEur({100, rub}, Day("2022-02-28")).has_value());
  EXPECT_FALSE(BundledRates().ToEur({100, rub}, Day("2024-06-01")).has_value());
  EXPECT_FALSE(
      BundledRates().ToEur({100, *Currency::FromCode("UAH")}, Day("2024-06-01")).has_value());
  EXPECT_FALSE(BundledRates().ToEur({100, Currency::Usd()}, Day("1998-01-01")).has_value());
}

TEST(FxRatesTest, ConvertsToUsdThroughTheSameDaysRates) {
  // GBP 700 m on 2024-12-31: GBP 0.82918, USD 1.0389 per EUR -> USD 877,047,203.26 (Python's
  // decimal gives the same).
  auto usd = BundledRates().ToUsd({70'000'000'000, *Currency::FromCode("GBP")}, Day("2025-01-01"));
  ASSERT_TRUE(usd.has_value());
  EXPECT_EQ(usd->rate_day, Day("2024-12-31"));
  EXPECT_EQ(usd->cents, 87'704'720'326);
}

TEST(FxRatesTest, RejectsMalformedFilesNamingLineAndField) {
  auto bad = FxRates::ParseEcbCsv("Date,USD,\n2025-01-02,1.x,\n", "f.csv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "f.csv:2: field 'USD': '1.x' is not a rate");
  EXPECT_FALSE(FxRates::ParseEcbCsv("Date,USD,\n2025-01-02,1,\n2025-01-03,1,\n", "f.csv").ok());
}

}  // namespace
}  // namespace ramstein
