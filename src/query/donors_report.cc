#include <algorithm>

#include "base/did_you_mean.h"
#include "query/labels.h"
#include "query/line_totals.h"
#include "query/measure_filter.h"
#include "query/reports.h"

namespace ramstein {

namespace {

const char* kSumNames[] = {"announced", "committed", "delivered", "outstanding", "on_hold"};

void PutSums(std::vector<std::string>& row, std::size_t first, const Sums& sums, int exponent) {
  const WideSum values[] = {sums.announced, sums.committed, sums.delivered, sums.outstanding,
                                 sums.on_hold};
  for (std::size_t i = 0; i < 5; ++i) row[first + i] = FormatMinor(values[i], exponent, false);
}

std::string ActorName(const Model& model, const std::string& id) {
  const auto* actor = model.FindAs<ActorRecord>(id);
  return actor ? actor->name : id;
}

}  // namespace

Table DonorsReport(const Model& model, const MeasureFilter& filter) {
  std::vector<BucketTotals> totals = SumLines(model, filter, /*with_usd=*/false);
  Table table;
  table.title = "Donors: announced, committed, delivered, outstanding and on hold";
  table.AddColumns({{"donor"}, {"name"}, {"currency"}});
  for (const char* name : kSumNames) table.AddColumn(name, Column::Type::amount);
  for (const char* name : kSumNames)
    table.AddColumn(std::string(name) + "_eur", Column::Type::amount);
  table.AddColumn("note");
  std::vector<std::uint32_t> order;
  for (std::uint32_t b = 0; b < totals.size(); ++b) {
    if (totals[b].any) order.push_back(b);
  }
  // Largest committed EUR first; ties by donor id and currency for a stable order.
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (totals[a].eur_cents.committed != totals[b].eur_cents.committed) {
      return totals[a].eur_cents.committed > totals[b].eur_cents.committed;
    }
    const auto& ka = model.buckets()[a];
    const auto& kb = model.buckets()[b];
    if (ka.donor != kb.donor) return model.ActorId(ka.donor) < model.ActorId(kb.donor);
    return ka.currency < kb.currency;
  });
  for (std::uint32_t b : order) {
    const auto& key = model.buckets()[b];
    Currency currency = Currency::FromIndex(key.currency);
    auto& row = table.AddRow();
    row[0] = model.ActorId(key.donor);
    row[1] = ActorName(model, row[0]);
    row[2] = std::string(currency.code());
    PutSums(row, 3, totals[b].original, currency.exponent());
    if (totals[b].unconverted) {
      row[13] = "unconverted: no ECB rate for " + row[2] + " at some announcement dates";
      if (totals[b].eur_cents.announced == 0 && totals[b].eur_cents.delivered == 0) continue;
      row[13] = "partly unconverted: EUR covers only amounts with an ECB rate";
    }
    PutSums(row, 8, totals[b].eur_cents, 2);
  }
  return table;
}

Table DonorTotalsReport(const Model& model, const MeasureFilter& filter) {
  std::vector<BucketTotals> totals = SumLines(model, filter, /*with_usd=*/true);
  std::vector<Sums> per_donor(model.actor_count()), per_donor_usd(model.actor_count());
  std::vector<std::string> currencies(model.actor_count());
  std::vector<bool> unconverted(model.actor_count()), usd_unconverted(model.actor_count()), any(model.actor_count());
  for (std::uint32_t b = 0; b < totals.size(); ++b) {
    if (!totals[b].any) continue;
    const auto& key = model.buckets()[b];
    Add(per_donor[key.donor], totals[b].eur_cents);
    Add(per_donor_usd[key.donor], totals[b].usd_cents);
    any[key.donor] = true;
    unconverted[key.donor] = unconverted[key.donor] || totals[b].unconverted;
    usd_unconverted[key.donor] = usd_unconverted[key.donor] || totals[b].usd_unconverted;
    std::string code(Currency::FromIndex(key.currency).code());
    currencies[key.donor] += (currencies[key.donor].empty() ? "" : " ") + code;
  }
  Table table;
  table.title = "Donors: totals in EUR and USD";
  table.AddColumn("donor");
  table.AddColumn("name");
  for (const char* name : kSumNames)
    table.AddColumn(std::string(name) + "_eur", Column::Type::amount);
  for (const char* name : kSumNames)
    table.AddColumn(std::string(name) + "_usd", Column::Type::amount);
  table.AddColumn("currencies");
  table.AddColumn("note");
  std::vector<std::uint32_t> order;
  for (std::uint32_t d = 0; d < per_donor.size(); ++d) {
    if (any[d]) order.push_back(d);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (per_donor[a].committed != per_donor[b].committed)
      return per_donor[a].committed > per_donor[b].committed;
    return model.ActorId(a) < model.ActorId(b);
  });
  for (std::uint32_t d : order) {
    auto& row = table.AddRow();
    row[0] = model.ActorId(d);
    row[1] = ActorName(model, row[0]);
    PutSums(row, 2, per_donor[d], 2);
    PutSums(row, 7, per_donor_usd[d], 2);
    row[12] = currencies[d];
    if (unconverted[d]) {
      row[13] = "excludes amounts without an ECB rate";
    } else if (usd_unconverted[d]) {
      row[13] = "USD excludes EUR amounts without a date";
    }
  }
  return table;
}

Result<std::optional<AidType>> AidTypeFilter(const std::optional<std::string>& name) {
  if (!name) return std::optional<AidType>();
  std::string lower = AsciiLower(*name);
  for (std::size_t i = 0; i < kAidTypeNames.size(); ++i) {
    if (lower == kAidTypeNames[i]) return std::optional<AidType>(static_cast<AidType>(i));
  }
  return Status::InvalidArgument("type: '" + name->substr(0, 40) + "' is not military, financial or humanitarian" +
                                 DidYouMean(*name, {kAidTypeNames.begin(), kAidTypeNames.end()}));
}

}  // namespace ramstein
