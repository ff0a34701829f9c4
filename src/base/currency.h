// Currency: an ISO 4217 code known to Ramstein, with its minor-unit exponent.
// Codes are interned into a small dense index so that columns of money can
// carry a 16-bit currency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/wide_sum.h"

namespace ramstein {

class Currency {
 public:
  // Returns nullopt for a code that is not a known ISO 4217 currency.
  static std::optional<Currency> FromCode(std::string_view code);
  static Currency Eur();
  static Currency Usd();
  // Number of known currencies; indexes are 0..count()-1.
  static std::uint16_t count();
  static Currency FromIndex(std::uint16_t index);

  std::string_view code() const;
  // Digits after the decimal point of the minor unit (2 for EUR, 0 for JPY).
  int exponent() const;
  std::uint16_t index() const { return index_; }

  friend bool operator==(Currency, Currency) = default;
  friend auto operator<=>(Currency, Currency) = default;

 private:
  explicit Currency(std::uint16_t index) : index_(index) {}
  std::uint16_t index_;
};

// An exact amount: integer minor units of one currency. Never a double.
struct Money {
  std::int64_t minor = 0;
  Currency currency = Currency::Eur();
  friend bool operator==(const Money&, const Money&) = default;
};

// Parses a decimal amount ("700000000", "150.5", "0.05") into minor units of
// a currency with `exponent` decimals. Rejects signs, exponents, separators,
// more decimals than the currency has, and magnitudes above `minor_max`.
std::optional<std::int64_t> ParseDecimalMinor(std::string_view text, int exponent,
                                              std::int64_t minor_max);

// "USD 175,000,000.00" style rendering with thousands separators.
std::string FormatMoney(const Money& money);
// Renders minor units of a currency with its exponent: 17500000000, USD -> "175000000.00".
std::string FormatMinor(WideSum minor, int exponent, bool thousands_separators);

}  // namespace ramstein
