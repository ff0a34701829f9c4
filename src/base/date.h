// Date: a calendar date with a precision, as reports give them ("on Friday",
// "in June 2025", "in 2024"). Stored as days since 1970-01-01 of the first
// day the date can mean, plus the precision; ordering uses that first day.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ramstein {

struct Date {
  // Persisted in payloads through the text form only; numbers are internal.
  enum class Precision : std::uint8_t { day = 0, month = 1, year = 2 };

  std::int32_t days = 0;  // days since 1970-01-01 of the first day meant
  Precision precision = Precision::day;

  // The years a ledger records: aid is dated within them.
  static constexpr int year_min = 1900, year_max = 2199;
  // Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" (years year_min..year_max).
  // Returns nullopt for anything else, including impossible days.
  static std::optional<Date> Parse(std::string_view text);
  // Why Parse refused `text`, for an error message after the field's name:
  // "'9999-12-31' is a date outside the years 1900..2199 that a ledger
  // records", or "'2025-02-30' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)".
  static std::string Refusal(std::string_view text);
  static Date FromCivil(int year, unsigned month, unsigned day);
  // The last day the date can mean (the day itself, the month's last day,
  // or 31 December).
  std::int32_t last_day() const;
  std::string ToString() const;
  int year() const;
  unsigned month() const;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date& a, const Date& b) {
    if (auto c = a.days <=> b.days; c != 0) return c;
    return a.precision <=> b.precision;
  }
};

// Days since 1970-01-01 for a civil date, and back.
std::int32_t DaysFromCivil(int year, unsigned month, unsigned day);
void CivilFromDays(std::int32_t days, int* year, unsigned* month, unsigned* day);
// "YYYY-MM-DD" of a day number.
std::string FormatDay(std::int32_t days);

}  // namespace ramstein
