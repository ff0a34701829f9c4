#include <algorithm>
#include <map>
#include <set>

#include "base/currency.h"
#include "query/measure_filter.h"
#include "query/reports.h"

namespace ramstein {

namespace {

struct Account {
  std::int64_t measures = 0;
  std::set<std::string> donors, sources;
  WideSum announced_eur_cents = 0;  // of lines announced or later, converted
  WideSum units = 0;                // stated quantities of those lines that name an item
};

constexpr auto kAnnounced = static_cast<std::uint8_t>(MeasureStatus::announced);
constexpr auto kDelivered = static_cast<std::uint8_t>(MeasureStatus::delivered);

}  // namespace

Table PublishersReport(const Model& model) {
  std::map<std::string, Account> accounts;
  std::map<std::string, std::string> cache;
  std::vector<Account*> account_of(model.measures().size());
  for (std::uint32_t number = 0; number < model.measures().size(); ++number) {
    const MeasureRecord& measure = model.Measure(number);
    Account& account = accounts[PublisherOf(model, measure, &cache)];
    account_of[number] = &account;
    ++account.measures;
    account.donors.insert(measure.donor);
    if (!measure.evidence.empty()) account.sources.insert(measure.evidence[0].source);
  }
  const LineTable& t = model.lines();
  for (std::uint32_t r = 0; r < t.size(); ++r) {
    if (t.status[r] < kAnnounced || t.status[r] > kDelivered) continue;  // proposed or cancelled
    Account& account = *account_of[t.measure[r]];
    if (t.converted[r]) account.announced_eur_cents += t.value_eur_cents[r];
    if (t.item[r] != kNoItem && t.quantity[r] > 0) account.units += t.quantity[r];
  }
  std::vector<std::pair<std::string, const Account*>> ordered;
  for (const auto& [publisher, account] : accounts) ordered.emplace_back(publisher, &account);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second->measures > b.second->measures; });
  // The default account for sums of money: the one holding the most (the
  // first of equals). Quantities need none: the items report takes the
  // largest count of the publishers beside each other.
  const Account* money = nullptr;
  for (const auto& [publisher, account] : ordered) {
    if (publisher.empty()) continue;  // measures citing nothing are nobody's account
    if (account->announced_eur_cents > 0 && (!money || account->announced_eur_cents > money->announced_eur_cents)) money = account;
  }
  Table table;
  table.title = "Publishers: " + std::to_string(ordered.size()) + " whose sources the measures cite first";
  table.AddColumns({{"publisher"},
                    {"measures", Column::Type::integer},
                    {"donors", Column::Type::integer},
                    {"sources", Column::Type::integer},
                    {"announced_eur", Column::Type::amount},
                    {"units", Column::Type::integer},
                    {"default_for"}});
  for (const auto& [publisher, account] : ordered) {
    auto& row = table.AddRow();
    row[0] = publisher;
    row[1] = std::to_string(account->measures);
    row[2] = std::to_string(account->donors.size());
    row[3] = std::to_string(account->sources.size());
    row[4] = FormatMinor(account->announced_eur_cents, 2, false);
    row[5] = FormatMinor(account->units, 0, false);
    row[6] = account == money ? "money" : "";
  }
  return table;
}

}  // namespace ramstein
