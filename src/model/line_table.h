// LineTable: the money and quantities of every measure line, one row per
// line, stored column by column so that reports over millions of lines scan
// only the columns they read.
//
// Rows: each line item of a measure, plus at most one "remainder" row per
// measure carrying the part of the measure's value that its lines do not
// (item == kNoItem). Rows of a corrected measure stay in place, zeroed, so
// row numbers never change.
#pragma once

#include <cstdint>
#include <vector>

#include "base/wide_sum.h"

namespace ramstein {

inline constexpr std::uint32_t kNoItem = UINT32_MAX;

inline constexpr std::uint8_t line_eur_converted = 1;
inline constexpr std::uint8_t line_usd_converted = 2;

struct LineTable {
  // Dimensions.
  std::vector<std::uint32_t> measure;   // measure number (Model::measures index)
  std::vector<std::uint32_t> item;      // item number, or kNoItem for a remainder row
  std::vector<std::uint32_t> donor;     // actor number
  std::vector<std::uint32_t> bucket;    // (donor, currency) pair number, Model::buckets()
  std::vector<std::uint16_t> currency;  // Currency::index()
  std::vector<std::uint8_t> status;     // MeasureStatus of the measure
  std::vector<std::uint8_t> type;       // AidType of the measure
  // line_eur_converted when the EUR columns hold the row's money, with
  // line_usd_converted when the USD columns do too (EUR rows without a date
  // have EUR but no USD rate).
  std::vector<std::uint8_t> converted;
  // Facts; quantities in units of the item, money in minor units of `currency`.
  std::vector<std::int64_t> quantity;  // -1: not stated
  std::vector<std::int64_t> value_minor;
  // Totals over every delivery against the line: wide (base/wide_sum.h).
  std::vector<WideSum> delivered_quantity;
  std::vector<WideSum> delivered_minor;
  std::vector<std::int64_t> held_quantity;
  std::vector<std::int64_t> held_minor;
  // The same money in EUR cents at the measure's announcement-date rate
  // (a row whose money does not convert within 64 bits is unconverted).
  std::vector<std::int64_t> value_eur_cents;
  std::vector<WideSum> delivered_eur_cents;  // of a wide total: wide
  std::vector<std::int64_t> held_eur_cents;
  // And in USD cents through the same day's USD rate.
  std::vector<std::int64_t> value_usd_cents;
  std::vector<WideSum> delivered_usd_cents;
  std::vector<std::int64_t> held_usd_cents;

  std::uint32_t size() const { return static_cast<std::uint32_t>(measure.size()); }

  std::uint32_t AddRow(std::uint32_t measure_number, std::uint32_t item_number,
                       std::uint32_t donor_number, std::uint32_t bucket_number,
                       std::uint16_t currency_index, std::uint8_t status_code, std::uint8_t type_code,
                       std::int64_t quantity_units, std::int64_t value) {
    measure.push_back(measure_number);
    item.push_back(item_number);
    donor.push_back(donor_number);
    bucket.push_back(bucket_number);
    currency.push_back(currency_index);
    status.push_back(status_code);
    type.push_back(type_code);
    converted.push_back(0);
    quantity.push_back(quantity_units);
    value_minor.push_back(value);
    for (auto* column : {&delivered_quantity, &delivered_minor, &delivered_eur_cents, &delivered_usd_cents})
      column->push_back(0);
    for (auto* column : {&held_quantity, &held_minor, &value_eur_cents, &held_eur_cents, &value_usd_cents,
                         &held_usd_cents}) {
      column->push_back(0);
    }
    return size() - 1;
  }

  void Reserve(std::size_t rows) {
    measure.reserve(rows);
    item.reserve(rows);
    donor.reserve(rows);
    bucket.reserve(rows);
    currency.reserve(rows);
    status.reserve(rows);
    type.reserve(rows);
    converted.reserve(rows);
    for (auto* column : {&delivered_quantity, &delivered_minor, &delivered_eur_cents, &delivered_usd_cents})
      column->reserve(rows);
    for (auto* column : {&quantity, &value_minor, &held_quantity, &held_minor, &value_eur_cents, &held_eur_cents,
                         &value_usd_cents, &held_usd_cents}) {
      column->reserve(rows);
    }
  }
};

}  // namespace ramstein
