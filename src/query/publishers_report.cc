#include <algorithm>
#include <map>
#include <set>

#include "query/measure_filter.h"
#include "query/reports.h"

namespace ramstein {

namespace {

struct Account {
  std::int64_t measures = 0;
  std::set<std::string> donors, sources;
};

}  // namespace

Table PublishersReport(const Model& model) {
  std::map<std::string, Account> accounts;
  std::map<std::string, std::string> cache;
  for (std::uint32_t number = 0; number < model.measures().size(); ++number) {
    const MeasureRecord& measure = model.Measure(number);
    Account& account = accounts[PublisherOf(model, measure, &cache)];
    ++account.measures;
    account.donors.insert(measure.donor);
    if (!measure.evidence.empty()) account.sources.insert(measure.evidence[0].source);
  }
  std::vector<std::pair<std::string, const Account*>> ordered;
  for (const auto& [publisher, account] : accounts) ordered.emplace_back(publisher, &account);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second->measures > b.second->measures; });
  Table table;
  table.title = "Publishers: " + std::to_string(ordered.size()) + " whose sources the measures cite first";
  table.AddColumns({{"publisher"},
                    {"measures", Column::Type::integer},
                    {"donors", Column::Type::integer},
                    {"sources", Column::Type::integer}});
  for (const auto& [publisher, account] : ordered) {
    auto& row = table.AddRow();
    row[0] = publisher;
    row[1] = std::to_string(account->measures);
    row[2] = std::to_string(account->donors.size());
    row[3] = std::to_string(account->sources.size());
  }
  return table;
}

}  // namespace ramstein
