// FxRates: the European Central Bank's euro reference rates, and conversion
// of exact amounts to EUR and USD cents at a date's rate.
//
// A conversion uses the rate of the requested day or, when that day has none
// (weekend, holiday), of the nearest earlier day that has one, at most
// fx_lookback_days_max days back. Beyond that, or for a currency the ECB
// does not quote (UAH) or no longer quotes (RUB after 2022-03-01), the
// conversion is reported as not possible: never a silent zero.
//
// Thread safety: const methods may be called concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/currency.h"
#include "base/wide_sum.h"
#include "base/status.h"

namespace ramstein {

inline constexpr std::int32_t fx_lookback_days_max = 7;

struct FxConversion {
  std::int64_t cents = 0;     // the converted amount in the target's minor units
  std::int32_t rate_day = 0;  // the day whose rates were used
};

// EUR cents for `minor` units of a currency with `exponent` decimals at
// `rate_nano` units per euro * 10^9; rounds half away from zero. `minor` may
// be a total (below 2^89, base/wide_sum.h), so the product is taken in 128
// bits; nullopt when even that does not hold the product (a total near
// 2^89 at a rate near 2^60): the caller treats the amount as unconverted
// rather than show a wrapped figure.
std::optional<WideSum> EurCentsAtRate(WideSum minor, int exponent, std::int64_t rate_nano);
// USD cents for the same amount, through the same day's USD rate
// (`usd_rate_nano` dollars per euro * 10^9); one rounding only.
std::optional<WideSum> UsdCentsAtRates(WideSum minor, int exponent, std::int64_t rate_nano,
                                       std::int64_t usd_rate_nano);
// `value` when it fits 64 bits (one record's converted figure), else nullopt.
std::optional<std::int64_t> Narrow(std::optional<WideSum> value);

class FxRates {
 public:
  FxRates() = default;
  // Parses the ECB's eurofxref-hist.csv text: a header "Date,USD,JPY,...,"
  // then one line per business day, newest first, "N/A" where no rate.
  // `file_name` names the file in error messages.
  static Result<FxRates> ParseEcbCsv(std::string_view text, std::string_view file_name);

  // nullopt when no rate applies, or the result would not fit 64 bits.
  std::optional<FxConversion> ToEur(const Money& money, std::int32_t day) const;
  std::optional<FxConversion> ToUsd(const Money& money, std::int32_t day) const;
  // Units of `currency` per euro, scaled by 10^9, on `day` (with look-back).
  std::optional<std::int64_t> RateNano(Currency currency, std::int32_t day,
                                       std::int32_t* rate_day) const;

  std::size_t day_count() const { return day_count_; }
  bool empty() const { return day_count_ == 0; }
  // Differs between two tables that convert any amount differently (a hash
  // of every rate): what a snapshot of converted figures is keyed by.
  std::uint64_t fingerprint() const { return fingerprint_; }

 private:
  struct Point {
    std::int32_t day;
    std::int64_t rate_nano;  // units per euro * 10^9
  };
  // Indexed by Currency::index(); ascending by day.
  std::vector<std::vector<Point>> series_;
  std::size_t day_count_ = 0;
  std::uint64_t fingerprint_ = 0;
};

}  // namespace ramstein
