#include "base/decimal.h"

#include <algorithm>
#include <cstdint>

#include "base/check.h"

namespace ramstein {

namespace {

__int128 PowerOfTen(int exponent) {
  __int128 power = 1;
  for (int i = 0; i < exponent; ++i) power *= 10;
  return power;
}

// Digits of a non-negative value, at least `digits_min` of them (left-padded
// with zeros).
std::string Digits(__int128 magnitude, int digits_min) {
  std::string reversed;
  do {
    reversed.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude > 0);
  while (static_cast<int>(reversed.size()) < digits_min) reversed.push_back('0');
  return std::string(reversed.rbegin(), reversed.rend());
}

std::string Render(__int128 units, int scale) {
  bool negative = units < 0;
  std::string digits = Digits(negative ? -units : units, scale + 1);
  std::string out = negative ? "-" : "";
  out.append(digits, 0, digits.size() - static_cast<std::size_t>(scale));
  if (scale > 0) {
    out.push_back('.');
    out.append(digits, digits.size() - static_cast<std::size_t>(scale));
  }
  return out;
}

}  // namespace

Decimal Decimal::Rescaled(int new_scale) const {
  RAMSTEIN_CHECK(new_scale >= scale && new_scale <= decimal_scale_max);
  return Decimal{units * PowerOfTen(new_scale - scale), new_scale};
}

namespace {

// units * 10^(to - from), or nullopt when it does not fit 128 bits.
std::optional<__int128> CheckedRescale(__int128 units, int from, int to) {
  for (int i = from; i < to; ++i) {
    if (__builtin_mul_overflow(units, 10, &units)) return std::nullopt;
  }
  return units;
}

// a + sign * b, or nullopt on overflow.
std::optional<Decimal> Combine(const Decimal& a, const Decimal& b, int sign) {
  int scale = std::max(a.scale, b.scale);
  auto left = CheckedRescale(a.units, a.scale, scale);
  auto right = CheckedRescale(b.units, b.scale, scale);
  if (!left || !right) return std::nullopt;
  Decimal out{0, scale};
  bool overflow = sign > 0 ? __builtin_add_overflow(*left, *right, &out.units)
                           : __builtin_sub_overflow(*left, *right, &out.units);
  if (overflow) return std::nullopt;
  return out;
}

}  // namespace

std::optional<Decimal> Add(const Decimal& a, const Decimal& b) { return Combine(a, b, +1); }
std::optional<Decimal> Subtract(const Decimal& a, const Decimal& b) { return Combine(a, b, -1); }

bool operator==(const Decimal& a, const Decimal& b) {
  int scale = std::max(a.scale, b.scale);
  return a.Rescaled(scale).units == b.Rescaled(scale).units;
}

std::optional<Decimal> ParseDecimal(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) return std::nullopt;
  if (fraction.size() > static_cast<std::size_t>(decimal_scale_max)) return std::nullopt;
  __int128 units = 0;
  int whole_digits = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    if (units > 0 || c != '0') ++whole_digits;
    if (whole_digits > decimal_whole_digits_max) return std::nullopt;
    units = units * 10 + (c - '0');
  }
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    units = units * 10 + (c - '0');
  }
  return Decimal{negative ? -units : units, static_cast<int>(fraction.size())};
}

std::string DecimalToString(const Decimal& value) { return Render(value.units, value.scale); }

namespace {

// |units| * 10^-scale rounded half away from zero to `places` decimals, as
// units of 10^-places.
__int128 RoundedUnits(const Decimal& value, int places) {
  if (places >= value.scale) return value.Rescaled(places).units;
  __int128 divisor = PowerOfTen(value.scale - places);
  __int128 magnitude = value.units < 0 ? -value.units : value.units;
  __int128 rounded = (magnitude + divisor / 2) / divisor;
  return value.units < 0 ? -rounded : rounded;
}

}  // namespace

std::optional<std::int64_t> DecimalToMinor(const Decimal& value, int exponent) {
  RAMSTEIN_CHECK(exponent >= 0 && exponent <= decimal_scale_max);
  __int128 units = RoundedUnits(value, exponent);
  if (units > INT64_MAX || units < INT64_MIN) return std::nullopt;
  return static_cast<std::int64_t>(units);
}

std::string DecimalRounded(const Decimal& value, int places) {
  RAMSTEIN_CHECK(places >= 0 && places <= decimal_scale_max);
  return Render(RoundedUnits(value, places), places);
}

}  // namespace ramstein
