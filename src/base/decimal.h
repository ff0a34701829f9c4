// Decimal: an exact decimal number as a publisher printed it ("0.002645",
// "1312.77115526256", "-3.5"), held as integer units of 10^-scale. Sums of
// published figures are exact; rounding happens only when formatting.
//
// Limits: at most decimal_whole_digits_max digits before the point and
// decimal_scale_max after it, so any value at any scale is below 10^37 and
// fits 128 bits with room to add; sums are checked for overflow all the same.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ramstein {

inline constexpr int decimal_whole_digits_max = 15;
inline constexpr int decimal_scale_max = 22;

struct Decimal {
  __int128 units = 0;  // value * 10^scale
  int scale = 0;       // decimals, 0..decimal_scale_max

  // The same value at a larger scale. REQUIRES: scale <= new_scale <= max.
  Decimal Rescaled(int new_scale) const;
  // Exact sum or difference at the larger of the two scales; nullopt when
  // it would not fit 128 bits.
  friend std::optional<Decimal> Add(const Decimal& a, const Decimal& b);
  friend std::optional<Decimal> Subtract(const Decimal& a, const Decimal& b);
  // Equal in value ("1.50" == "1.5").
  friend bool operator==(const Decimal& a, const Decimal& b);
};

// Parses "-?digits[.digits]". Rejects empty parts, signs other than a leading
// '-', exponents, separators, and more digits than the limits allow (leading
// zeros of the whole part do not count).
std::optional<Decimal> ParseDecimal(std::string_view text);

// All decimals of the value, as it would be printed back ("0.002645").
std::string DecimalToString(const Decimal& value);

// Rounded half away from zero to `places` decimals (0..decimal_scale_max).
std::string DecimalRounded(const Decimal& value, int places);

// The value in integer units of 10^-exponent (money's minor units), rounded
// half away from zero; nullopt when it does not fit 64 bits.
// REQUIRES: 0 <= exponent <= decimal_scale_max.
std::optional<std::int64_t> DecimalToMinor(const Decimal& value, int exponent);

}  // namespace ramstein
