#include "fx/fx_rates.h"

#include <algorithm>

#include "base/date.h"

namespace ramstein {

namespace {

// Parses "1.0813" into 1081300000 (scaled by 10^9). Up to 9 decimals.
std::optional<std::int64_t> ParseRateNano(std::string_view text) {
  auto value = ParseDecimalMinor(text, 9, INT64_MAX / 10);
  if (!value || *value == 0) return std::nullopt;
  return value;
}

std::vector<std::string_view> SplitCommas(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = line.find(',', start);
    fields.push_back(
        line.substr(start, comma == std::string_view::npos ? line.npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  // The ECB file ends every line with a comma.
  if (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

WideSum DivideRounded(__int128 numerator, __int128 denominator) {
  // Half away from zero; amounts are non-negative in practice.
  __int128 quotient = numerator / denominator;
  __int128 remainder = numerator % denominator;
  if (remainder * 2 >= denominator) ++quotient;
  return quotient;
}

__int128 Pow10(int exponent) {
  __int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// minor * factor, or nullopt when that leaves 128 bits (a total near 2^89
// times a rate near 2^60: no amount the limits allow at any real rate).
std::optional<__int128> Product(WideSum minor, __int128 factor) {
  __int128 product;
  if (__builtin_mul_overflow(minor, factor, &product)) return std::nullopt;
  return product;
}

}  // namespace

std::optional<std::int64_t> Narrow(std::optional<WideSum> value) {
  if (!value || *value > INT64_MAX || *value < INT64_MIN) return std::nullopt;
  return static_cast<std::int64_t>(*value);
}

std::optional<WideSum> EurCentsAtRate(WideSum minor, int exponent, std::int64_t rate_nano) {
  if (minor == 0) return 0;  // most delivered and held amounts; spares a 128-bit division
  auto numerator = Product(minor, Pow10(2) * 1'000'000'000);
  if (!numerator) return std::nullopt;
  __int128 denominator = static_cast<__int128>(rate_nano) * Pow10(exponent);
  return DivideRounded(*numerator, denominator);
}

std::optional<WideSum> UsdCentsAtRates(WideSum minor, int exponent, std::int64_t rate_nano,
                                       std::int64_t usd_rate_nano) {
  if (minor == 0) return 0;
  auto numerator = Product(minor, Pow10(2) * usd_rate_nano);
  if (!numerator) return std::nullopt;
  __int128 denominator = static_cast<__int128>(rate_nano) * Pow10(exponent);
  return DivideRounded(*numerator, denominator);
}

Result<FxRates> FxRates::ParseEcbCsv(std::string_view text, std::string_view file_name) {
  FxRates rates;
  rates.series_.resize(Currency::count());
  std::vector<std::optional<Currency>> columns;
  std::size_t line_number = 0;
  std::size_t position = 0;
  std::int32_t previous_day = INT32_MAX;
  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(position, end - position);
    position = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto where = [&](std::string_view field) {
      return std::string(file_name) + ":" + std::to_string(line_number) + ": field '" +
             std::string(field) + "': ";
    };
    auto fields = SplitCommas(line);
    if (line_number == 1) {
      if (fields.empty() || fields[0] != "Date")
        return Status::DataError(where("Date") + "header expected");
      for (std::size_t i = 1; i < fields.size(); ++i)
        columns.push_back(Currency::FromCode(fields[i]));
      continue;
    }
    auto date = Date::Parse(fields[0]);
    if (!date || date->precision != Date::Precision::day) {
      return Status::DataError(where("Date") + "'" + std::string(fields[0]) + "' is not a date");
    }
    if (date->days >= previous_day)
      return Status::DataError(where("Date") + "dates must be newest first");
    previous_day = date->days;
    if (fields.size() - 1 > columns.size())
      return Status::DataError(where("Date") + "more fields than the header");
    for (std::size_t i = 1; i < fields.size(); ++i) {
      if (!columns[i - 1] || fields[i] == "N/A" || fields[i].empty()) continue;
      auto rate = ParseRateNano(fields[i]);
      if (!rate) {
        return Status::DataError(where(columns[i - 1]->code()) + "'" + std::string(fields[i]) +
                                 "' is not a rate");
      }
      rates.series_[columns[i - 1]->index()].push_back({date->days, *rate});
    }
    ++rates.day_count_;
  }
  for (auto& series : rates.series_) std::reverse(series.begin(), series.end());
  // FNV-1a over every (currency, day, rate), in order.
  std::uint64_t fingerprint = 14695981039346656037ull;
  auto mix = [&](std::uint64_t value) {
    for (int i = 0; i < 8; ++i, value >>= 8) fingerprint = (fingerprint ^ (value & 0xff)) * 1099511628211ull;
  };
  for (std::size_t currency = 0; currency < rates.series_.size(); ++currency) {
    for (const Point& point : rates.series_[currency]) {
      mix(currency);
      mix(static_cast<std::uint64_t>(point.day));
      mix(static_cast<std::uint64_t>(point.rate_nano));
    }
  }
  rates.fingerprint_ = fingerprint;
  return rates;
}

std::optional<std::int64_t> FxRates::RateNano(Currency currency, std::int32_t day,
                                              std::int32_t* rate_day) const {
  if (currency == Currency::Eur()) {
    if (rate_day) *rate_day = day;
    return 1'000'000'000;
  }
  if (series_.empty()) return std::nullopt;
  const auto& series = series_[currency.index()];
  auto it = std::upper_bound(series.begin(), series.end(), day,
                             [](std::int32_t d, const Point& p) { return d < p.day; });
  if (it == series.begin()) return std::nullopt;
  --it;
  if (day - it->day > fx_lookback_days_max) return std::nullopt;
  if (rate_day) *rate_day = it->day;
  return it->rate_nano;
}

std::optional<FxConversion> FxRates::ToEur(const Money& money, std::int32_t day) const {
  std::int32_t rate_day = day;
  auto rate = RateNano(money.currency, day, &rate_day);
  if (!rate) return std::nullopt;
  auto cents = Narrow(EurCentsAtRate(money.minor, money.currency.exponent(), *rate));
  if (!cents) return std::nullopt;
  return FxConversion{*cents, rate_day};
}

std::optional<FxConversion> FxRates::ToUsd(const Money& money, std::int32_t day) const {
  if (money.currency == Currency::Usd()) {
    // USD to USD cents: a division, never past 64 bits.
    return FxConversion{
        static_cast<std::int64_t>(DivideRounded(static_cast<__int128>(money.minor) * 100, Pow10(money.currency.exponent()))),
        day};
  }
  std::int32_t rate_day = day;
  auto rate = RateNano(money.currency, day, &rate_day);
  if (!rate) return std::nullopt;
  // The USD rate of the same day the source currency's rate comes from.
  std::int32_t usd_day = rate_day;
  auto usd = RateNano(Currency::Usd(), rate_day, &usd_day);
  if (!usd || usd_day != rate_day) return std::nullopt;
  auto cents = Narrow(UsdCentsAtRates(money.minor, money.currency.exponent(), *rate, *usd));
  if (!cents) return std::nullopt;
  return FxConversion{*cents, rate_day};
}

}  // namespace ramstein
