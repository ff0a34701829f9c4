#include "base/currency.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include "base/check.h"

namespace ramstein {

namespace {

struct CurrencyInfo {
  const char* code;
  int exponent;
};

constexpr CurrencyInfo kCurrencies[] = {
#include "base/currency_table.inc"
};
constexpr std::size_t kCurrencyCount = sizeof kCurrencies / sizeof kCurrencies[0];

std::uint16_t IndexOf(std::string_view code) {
  auto* end = kCurrencies + kCurrencyCount;
  auto* it = std::lower_bound(kCurrencies, end, code, [](const CurrencyInfo& info, std::string_view c) {
    return std::string_view(info.code) < c;
  });
  if (it == end || std::string_view(it->code) != code) return UINT16_MAX;
  return static_cast<std::uint16_t>(it - kCurrencies);
}

}  // namespace

std::optional<Currency> Currency::FromCode(std::string_view code) {
  std::uint16_t index = IndexOf(code);
  if (index == UINT16_MAX) return std::nullopt;
  return Currency(index);
}

Currency Currency::Eur() {
  static const std::uint16_t index = IndexOf("EUR");
  return Currency(index);
}

Currency Currency::Usd() {
  static const std::uint16_t index = IndexOf("USD");
  return Currency(index);
}

std::uint16_t Currency::count() { return static_cast<std::uint16_t>(kCurrencyCount); }

Currency Currency::FromIndex(std::uint16_t index) {
  RAMSTEIN_CHECK(index < kCurrencyCount);
  return Currency(index);
}

std::string_view Currency::code() const { return kCurrencies[index_].code; }
int Currency::exponent() const { return kCurrencies[index_].exponent; }

std::optional<std::int64_t> ParseDecimalMinor(std::string_view text, int exponent,
                                              std::int64_t minor_max) {
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) return std::nullopt;
  if (fraction.size() > static_cast<std::size_t>(exponent)) return std::nullopt;
  __int128 value = 0;
  auto take = [&](std::string_view digits) {
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
      if (value > minor_max) return false;
    }
    return true;
  };
  if (!take(whole) || !take(fraction)) return std::nullopt;
  for (std::size_t i = fraction.size(); i < static_cast<std::size_t>(exponent); ++i) {
    value *= 10;
    if (value > minor_max) return std::nullopt;
  }
  return static_cast<std::int64_t>(value);
}

std::string FormatMinor(std::int64_t minor, int exponent, bool thousands_separators) {
  bool negative = minor < 0;
  // Work in unsigned to cover INT64_MIN.
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  std::string digits = std::to_string(magnitude);
  if (digits.size() <= static_cast<std::size_t>(exponent)) {
    digits.insert(0, static_cast<std::size_t>(exponent) + 1 - digits.size(), '0');
  }
  std::string whole = digits.substr(0, digits.size() - static_cast<std::size_t>(exponent));
  std::string fraction = digits.substr(digits.size() - static_cast<std::size_t>(exponent));
  if (thousands_separators) {
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
      whole.insert(static_cast<std::size_t>(i), ",");
    }
  }
  std::string out = negative ? "-" : "";
  out += whole;
  if (exponent > 0) out += "." + fraction;
  return out;
}

std::string FormatMoney(const Money& money) {
  return std::string(money.currency.code()) + " " +
         FormatMinor(money.minor, money.currency.exponent(), true);
}

}  // namespace ramstein
