// LineTotals: the one pass over the model's line columns behind the money
// reports by donor (`report donors`, `report totals`): announced,
// committed, delivered, outstanding and on hold per (donor, currency)
// bucket, in the original currency, in EUR cents and optionally in USD
// cents.
//
// Thread safety: reads the model only; SumLines may start one thread of
// its own.
#pragma once

#include <cstdint>
#include <vector>

#include "base/wide_sum.h"
#include "model/model.h"
#include "query/measure_filter.h"

namespace ramstein {

// Totals over lines: wide, so that no sum wraps (base/wide_sum.h).
struct Sums {
  WideSum announced = 0, committed = 0, delivered = 0, outstanding = 0, on_hold = 0;
};
void Add(Sums& into, const Sums& from);

struct BucketTotals {
  Sums original;
  Sums eur_cents;
  Sums usd_cents;                // only when summed with_usd
  bool unconverted = false;      // some money in this bucket has no EUR rate
  bool usd_unconverted = false;  // some has EUR (undated EUR) but no USD rate
  bool any = false;              // some line of the bucket holds money
};

// Tables of at least this many lines are summed on two threads.
inline constexpr std::uint32_t line_totals_parallel_rows_min = 1u << 18;

// The totals of every bucket (indexed as model.buckets()) over the lines
// the filter keeps and whose measure is announced, committed or delivered.
// `threads` (1 or 2; 0: 2 from line_totals_parallel_rows_min lines on)
// changes nothing but the time: the sums are integers.
std::vector<BucketTotals> SumLines(const Model& model, const MeasureFilter& filter, bool with_usd,
                                   unsigned threads = 0);

}  // namespace ramstein
