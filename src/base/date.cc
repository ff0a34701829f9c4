#include "base/date.h"

#include <chrono>
#include <cstdio>

namespace ramstein {

namespace {

std::optional<int> ParseDigits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::int32_t DaysFromCivil(int year, unsigned month, unsigned day) {
  using namespace std::chrono;
  sys_days d{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}

void CivilFromDays(std::int32_t days, int* year, unsigned* month, unsigned* day) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{std::chrono::days{days}}};
  *year = static_cast<int>(ymd.year());
  *month = static_cast<unsigned>(ymd.month());
  *day = static_cast<unsigned>(ymd.day());
}

std::string FormatDay(std::int32_t days) {
  int y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  if (y < 0 || y > 9999) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", y, m, d);
    return buffer;
  }
  auto year = static_cast<unsigned>(y);
  char text[10] = {static_cast<char>('0' + year / 1000),
                   static_cast<char>('0' + year / 100 % 10),
                   static_cast<char>('0' + year / 10 % 10),
                   static_cast<char>('0' + year % 10),
                   '-',
                   static_cast<char>('0' + m / 10),
                   static_cast<char>('0' + m % 10),
                   '-',
                   static_cast<char>('0' + d / 10),
                   static_cast<char>('0' + d % 10)};
  return std::string(text, sizeof text);
}

Date Date::FromCivil(int year, unsigned month, unsigned day) {
  return Date{DaysFromCivil(year, month, day), Precision::day};
}

namespace {

std::optional<Date> ParseInYears(std::string_view text, int year_min, int year_max) {
  auto year = ParseDigits(text, 0, 4);
  if (!year || *year < year_min || *year > year_max) return std::nullopt;
  if (text.size() == 4) return Date{DaysFromCivil(*year, 1, 1), Date::Precision::year};
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text[4] != '-') return std::nullopt;
  auto month = ParseDigits(text, 5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  auto m = static_cast<unsigned>(*month);
  if (text.size() == 7) return Date{DaysFromCivil(*year, m, 1), Date::Precision::month};
  if (text[7] != '-') return std::nullopt;
  auto day = ParseDigits(text, 8, 2);
  if (!day || *day < 1) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{m},
                                  std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{DaysFromCivil(*year, m, static_cast<unsigned>(*day)), Date::Precision::day};
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) { return ParseInYears(text, year_min, year_max); }

std::string Date::Refusal(std::string_view text) {
  std::string quoted = "'" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "...'" : "'");
  if (ParseInYears(text, 0, 9999)) {
    return quoted + " is a date outside the years " + std::to_string(year_min) + ".." + std::to_string(year_max) +
           " that a ledger records";
  }
  return quoted + " is not a date (YYYY-MM-DD, YYYY-MM or YYYY)";
}

std::int32_t Date::last_day() const {
  int y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  switch (precision) {
    case Precision::day:
      return days;
    case Precision::month: {
      std::chrono::year_month_day_last last{std::chrono::year{y} / std::chrono::month{m} /
                                            std::chrono::last};
      return DaysFromCivil(y, m, static_cast<unsigned>(last.day()));
    }
    case Precision::year:
      return DaysFromCivil(y, 12, 31);
  }
  return days;
}

int Date::year() const {
  int y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  return y;
}

unsigned Date::month() const {
  int y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  return m;
}

std::string Date::ToString() const {
  std::string day = FormatDay(days);
  switch (precision) {
    case Precision::day:
      return day;
    case Precision::month:
      return day.substr(0, 7);
    case Precision::year:
      return day.substr(0, 4);
  }
  return day;
}

}  // namespace ramstein
