#include "query/line_totals.h"

#include <algorithm>
#include <thread>

#include "base/check.h"

namespace ramstein {

void Add(Sums& into, const Sums& from) {
  into.announced += from.announced;
  into.committed += from.committed;
  into.delivered += from.delivered;
  into.outstanding += from.outstanding;
  into.on_hold += from.on_hold;
}

namespace {

constexpr auto kAnnounced = static_cast<std::uint8_t>(MeasureStatus::announced);
constexpr auto kCommitted = static_cast<std::uint8_t>(MeasureStatus::committed);
constexpr auto kDelivered = static_cast<std::uint8_t>(MeasureStatus::delivered);

void Add(BucketTotals& into, const BucketTotals& from) {
  Add(into.original, from.original);
  Add(into.eur_cents, from.eur_cents);
  Add(into.usd_cents, from.usd_cents);
  into.unconverted |= from.unconverted;
  into.usd_unconverted |= from.usd_unconverted;
  into.any |= from.any;
}

// One pass over rows [begin, end) of the line columns, accumulating per
// (donor, currency) bucket into `totals`; the USD columns are read only
// when asked for. `kept`: measures by number (empty: every measure).
template <bool WithUsd>
void AggregateRows(const Model& model, const MeasureFilter& filter, const std::vector<char>& kept,
                   std::uint32_t begin, std::uint32_t end, std::vector<BucketTotals>& totals) {
  const LineTable& t = model.lines();
  // Read only when filtering; the wanted type code otherwise unused.
  const std::uint8_t* types = filter.type ? t.type.data() : nullptr;
  const auto wanted_type = static_cast<std::uint8_t>(filter.type.value_or(AidType::military));
  const std::uint32_t* bucket = t.bucket.data();
  const std::uint8_t* status = t.status.data();
  const std::uint8_t* converted = t.converted.data();
  const std::int64_t* value = t.value_minor.data();
  const WideSum* delivered = t.delivered_minor.data();
  const std::int64_t* held = t.held_minor.data();
  const std::int64_t* value_eur = t.value_eur_cents.data();
  const WideSum* delivered_eur = t.delivered_eur_cents.data();
  const std::int64_t* held_eur = t.held_eur_cents.data();
  for (std::uint32_t r = begin; r < end; ++r) {
    std::uint8_t s = status[r];
    if (s < kAnnounced || s > kDelivered) continue;  // proposed or cancelled
    if (types && types[r] != wanted_type) continue;
    if (!kept.empty() && !kept[t.measure[r]]) continue;
    BucketTotals& b = totals[bucket[r]];
    bool is_committed = s >= kCommitted;
    WideSum open = is_committed ? std::max<WideSum>(0, value[r] - delivered[r]) : 0;
    b.any |= value[r] != 0 || delivered[r] != 0 || held[r] != 0;
    b.original.announced += value[r];
    b.original.committed += is_committed ? value[r] : 0;
    b.original.delivered += delivered[r];
    b.original.outstanding += open;
    b.original.on_hold += held[r];
    if (!converted[r]) {
      b.unconverted |= value[r] != 0 || delivered[r] != 0 || held[r] != 0;
      continue;
    }
    WideSum open_eur = is_committed ? std::max<WideSum>(0, value_eur[r] - delivered_eur[r]) : 0;
    b.eur_cents.announced += value_eur[r];
    b.eur_cents.committed += is_committed ? value_eur[r] : 0;
    b.eur_cents.delivered += delivered_eur[r];
    b.eur_cents.outstanding += open_eur;
    b.eur_cents.on_hold += held_eur[r];
    if constexpr (WithUsd) {
      if (!(converted[r] & line_usd_converted)) {
        b.usd_unconverted |= value[r] != 0 || delivered[r] != 0 || held[r] != 0;
        continue;
      }
      WideSum value_usd = t.value_usd_cents[r], delivered_usd = t.delivered_usd_cents[r];
      b.usd_cents.announced += value_usd;
      b.usd_cents.committed += is_committed ? value_usd : 0;
      b.usd_cents.delivered += delivered_usd;
      b.usd_cents.outstanding +=
          is_committed ? std::max<WideSum>(0, value_usd - delivered_usd) : 0;
      b.usd_cents.on_hold += t.held_usd_cents[r];
    }
  }
}

template <bool WithUsd>
void SumRange(const Model& model, const MeasureFilter& filter, const std::vector<char>& kept, unsigned threads,
              std::vector<BucketTotals>& totals) {
  const std::uint32_t rows = model.lines().size();
  if (threads < 2) {
    AggregateRows<WithUsd>(model, filter, kept, 0, rows, totals);
    return;
  }
  const std::uint32_t middle = rows / 2;
  std::vector<BucketTotals> second(totals.size());
  std::thread worker([&] { AggregateRows<WithUsd>(model, filter, kept, middle, rows, second); });
  AggregateRows<WithUsd>(model, filter, kept, 0, middle, totals);
  worker.join();
  for (std::size_t b = 0; b < totals.size(); ++b) Add(totals[b], second[b]);
}

}  // namespace

std::vector<BucketTotals> SumLines(const Model& model, const MeasureFilter& filter, bool with_usd,
                                   unsigned threads) {
  RAMSTEIN_CHECK(threads <= 2);
  if (threads == 0) threads = model.lines().size() >= line_totals_parallel_rows_min ? 2 : 1;
  // The publisher is a measure's, not a column's: kept measures by number.
  std::vector<char> kept;
  if (filter.publisher) kept = KeptMeasures(model, MeasureFilter{std::nullopt, filter.publisher});
  std::vector<BucketTotals> totals(model.buckets().size());
  if (with_usd) {
    SumRange<true>(model, filter, kept, threads, totals);
  } else {
    SumRange<false>(model, filter, kept, threads, totals);
  }
  return totals;
}

}  // namespace ramstein
