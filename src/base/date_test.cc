#include "base/date.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

TEST(DateTest, ParsesDayMonthAndYearPrecision) {
  auto day = Date::Parse("2025-04-11");
  ASSERT_TRUE(day.has_value());
  EXPECT_EQ(day->precision, Date::Precision::day);
  EXPECT_EQ(day->ToString(), "2025-04-11");
  EXPECT_EQ(day->days, DaysFromCivil(2025, 4, 11));

  auto month = Date::Parse("2025-06");
  ASSERT_TRUE(month.has_value());
  EXPECT_EQ(month->ToString(), "2025-06");
  EXPECT_EQ(FormatDay(month->last_day()), "2025-06-30");

  auto year = Date::Parse("2024");
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(FormatDay(year->last_day()), "2024-12-31");
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(Date::Parse("2025-02-29").has_value());
  EXPECT_TRUE(Date::Parse("2024-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2025-13-01").has_value());
  EXPECT_FALSE(Date::Parse("2025-4-11").has_value());
  EXPECT_FALSE(Date::Parse("").has_value());
  EXPECT_FALSE(Date::Parse("2025-04-11T00").has_value());
  EXPECT_FALSE(Date::Parse("1850-01-01").has_value());
}

TEST(DateTest, OrdersByFirstDayThenPrecision) {
  EXPECT_LT(*Date::Parse("2025-06"), *Date::Parse("2025-06-02"));
  EXPECT_LT(*Date::Parse("2025-06-01"), *Date::Parse("2025-06"));
}

}  // namespace
}  // namespace ramstein
