#include "base/currency.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

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
  auto* it = std::lower_bound(
      kCurrencies, end, code,
      [](const CurrencyInfo& info, std::string_view c) { return std::string_view(info.code) < c; });
  if (it == end || std::string_view(it->code) != code) return UINT16_MAX;
  return static_cast<std::uint16_t>(it - kCurrencies);
}

// Three upper-case letters map to a slot of a 26^3 table, built once.
std::uint16_t FastIndexOf(std::string_view code) {
  static const std::vector<std::uint16_t> table = [] {
    std::vector<std::uint16_t> t(26 * 26 * 26, UINT16_MAX);
    for (std::size_t i = 0; i < kCurrencyCount; ++i) {
      const char* c = kCurrencies[i].code;
      t[static_cast<std::size_t>(((c[0] - 'A') * 26 + (c[1] - 'A')) * 26 + (c[2] - 'A'))] =
          static_cast<std::uint16_t>(i);
    }
    return t;
  }();
  if (code.size() != 3) return UINT16_MAX;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return UINT16_MAX;
  }
  return table[static_cast<std::size_t>(((code[0] - 'A') * 26 + (code[1] - 'A')) * 26 +
                                        (code[2] - 'A'))];
}

}  // namespace

std::optional<Currency> Currency::FromCode(std::string_view code) {
  std::uint16_t index = FastIndexOf(code);
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

std::uint16_t Currency::count() {
  return static_cast<std::uint16_t>(kCurrencyCount);
}

Currency Currency::FromIndex(std::uint16_t index) {
  RAMSTEIN_CHECK(index < kCurrencyCount);
  return Currency(index);
}

std::string_view Currency::code() const {
  return kCurrencies[index_].code;
}
int Currency::exponent() const {
  return kCurrencies[index_].exponent;
}

std::optional<std::int64_t> ParseDecimalMinor(std::string_view text, int exponent,
                                              std::int64_t minor_max) {
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
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

std::string FormatMinor(WideSum minor, int exponent, bool thousands_separators) {
  bool negative = minor < 0;
  // Work in unsigned to cover the type's minimum.
  using Magnitude = unsigned __int128;
  Magnitude magnitude = negative ? 0 - static_cast<Magnitude>(minor) : static_cast<Magnitude>(minor);
  char digits[48];  // 2^128 has 39 digits; exponents are at most 4
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0 || count <= exponent);
  // digits[] holds the number reversed, with at least exponent + 1 digits.
  std::string out;
  out.reserve(static_cast<std::size_t>(count) + 8);
  if (negative) out.push_back('-');
  for (int i = count - 1; i >= exponent; --i) {
    out.push_back(digits[i]);
    int left = i - exponent;  // whole digits still to write
    if (thousands_separators && left > 0 && left % 3 == 0) out.push_back(',');
  }
  if (exponent > 0) {
    out.push_back('.');
    for (int i = exponent - 1; i >= 0; --i) out.push_back(digits[i]);
  }
  return out;
}

std::string FormatMoney(const Money& money) {
  return std::string(money.currency.code()) + " " +
         FormatMinor(money.minor, money.currency.exponent(), true);
}

}  // namespace ramstein
