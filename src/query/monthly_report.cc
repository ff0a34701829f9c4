#include <algorithm>
#include <map>

#include "fx/fx_rates.h"
#include "query/labels.h"
#include "query/measure_filter.h"
#include "query/reports.h"

namespace ramstein {

namespace {

struct PeriodSums {
  WideSum announced_eur_cents = 0, committed_eur_cents = 0, delivered_eur_cents = 0;  // wide: no sum wraps
  std::int64_t measures = 0, deliveries = 0;
  bool unconverted = false;
};

constexpr auto kAnnounced = static_cast<std::uint8_t>(MeasureStatus::announced);
constexpr auto kCommitted = static_cast<std::uint8_t>(MeasureStatus::committed);
constexpr auto kDelivered = static_cast<std::uint8_t>(MeasureStatus::delivered);

}  // namespace

Result<Table> MonthlyReport(const Model& model, const std::optional<std::string>& donor,
                            const MeasureFilter& filter) {
  if (donor && !model.ActorNumber(*donor)) return Status::NotFound("no actor '" + *donor + "'");
  const std::optional<AidType>& type = filter.type;
  std::map<std::string, std::string> publishers;  // source id -> publisher
  auto published = [&](const MeasureRecord& measure) {
    return !filter.publisher || PublisherOf(model, measure, &publishers) == *filter.publisher;
  };
  std::map<PeriodKey, PeriodSums> periods;
  const LineTable& t = model.lines();
  for (std::uint32_t number = 0; number < model.measures().size(); ++number) {
    const MeasureState& state = model.measures()[number];
    const MeasureRecord& measure = model.Measure(number);
    auto status = static_cast<std::uint8_t>(measure.status);
    if (status < kAnnounced || status > kDelivered) continue;
    if ((donor && measure.donor != *donor) || (type && measure.type != *type) || !published(measure)) continue;
    PeriodSums& sums = periods[PeriodOf(measure.announced)];
    ++sums.measures;
    auto add_row = [&](std::uint32_t r) {
      if (!t.converted[r]) {
        sums.unconverted |= t.value_minor[r] != 0;
        return;
      }
      sums.announced_eur_cents += t.value_eur_cents[r];
      if (status >= kCommitted) sums.committed_eur_cents += t.value_eur_cents[r];
    };
    for (std::uint32_t r = state.first_row; r < state.first_row + state.line_count; ++r) add_row(r);
    if (state.remainder_row != UINT32_MAX) add_row(state.remainder_row);
  }
  for (const StoredRecord* stored : model.All(RecordKind::delivery)) {
    const auto& delivery = std::get<DeliveryRecord>(stored->record);
    if (donor || type || filter.publisher) {
      const auto* measure = model.FindAs<MeasureRecord>(delivery.measure);
      if (!measure || (donor && measure->donor != *donor) || (type && measure->type != *type) ||
          !published(*measure))
        continue;
    }
    PeriodSums& sums = periods[PeriodOf(delivery.to.value_or(delivery.from))];
    ++sums.deliveries;
    auto [row, minor] = model.DeliveryShare(delivery);
    if (row == UINT32_MAX || minor == 0) continue;
    const MeasureState& state = model.measures()[t.measure[row]];
    if (state.rate_nano == 0) {
      sums.unconverted = true;
      continue;
    }
    int exponent = Currency::FromIndex(t.currency[row]).exponent();
    auto cents = EurCentsAtRate(minor, exponent, state.rate_nano);
    if (cents)
      sums.delivered_eur_cents += *cents;
    else
      sums.unconverted = true;
  }
  Table table;
  table.title = donor ? "Assistance by month (EUR), " + *donor : "Assistance by month (EUR)";
  table.AddColumns({{"period"},
                    {"precision"},
                    {"announced_eur", Column::Type::amount},
                    {"committed_eur", Column::Type::amount},
                    {"delivered_eur", Column::Type::amount},
                    {"measures", Column::Type::integer},
                    {"deliveries", Column::Type::integer},
                    {"note"}});
  for (const auto& [key, sums] : periods) {
    auto& row = table.AddRow();
    row[0] = key.second;
    row[1] = key.first == INT32_MAX ? "none" : key.first % 2 ? "year" : "month";
    row[2] = FormatMinor(sums.announced_eur_cents, 2, false);
    row[3] = FormatMinor(sums.committed_eur_cents, 2, false);
    row[4] = FormatMinor(sums.delivered_eur_cents, 2, false);
    row[5] = std::to_string(sums.measures);
    row[6] = std::to_string(sums.deliveries);
    if (sums.unconverted) row[7] = "excludes amounts without an ECB rate";
  }
  return table;
}

}  // namespace ramstein
