#include <algorithm>
#include <map>
#include <set>

#include "query/labels.h"
#include "query/measure_filter.h"
#include "query/reports.h"

namespace ramstein {

namespace {

struct NameUse {
  std::int64_t lines = 0, units = 0;
  std::set<std::string> publishers;
};

std::string Joined(const std::set<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + (part.empty() ? "(no source)" : part);
  return out;
}

}  // namespace

Table ReviewReport(const Model& model) {
  std::map<std::uint32_t, NameUse> uses;  // item number -> its lines
  for (std::size_t number = 0; number < model.item_count(); ++number) {
    if (model.ItemId(static_cast<std::uint32_t>(number)).starts_with(kUnreviewedItemPrefix))
      uses[static_cast<std::uint32_t>(number)];
  }
  std::map<std::string, std::string> publishers;  // source id -> publisher
  const LineTable& t = model.lines();
  for (std::uint32_t r = 0; r < t.size(); ++r) {
    if (t.item[r] == kNoItem) continue;
    auto use = uses.find(t.item[r]);
    if (use == uses.end()) continue;
    ++use->second.lines;
    if (t.quantity[r] > 0) use->second.units += t.quantity[r];
    use->second.publishers.insert(PublisherOf(model, model.Measure(t.measure[r]), &publishers));
  }
  struct Entry {
    std::uint32_t item;
    const NameUse* use;
    bool mapped;
  };
  std::vector<Entry> entries;
  std::size_t mapped = 0;
  for (const auto& [item, use] : uses) {
    entries.push_back({item, &use, model.CountedItem(item) != item});
    mapped += entries.back().mapped;
  }
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.mapped != b.mapped) return !a.mapped;
    if (a.use->lines != b.use->lines) return a.use->lines > b.use->lines;
    return model.ItemId(a.item) < model.ItemId(b.item);
  });
  Table table;
  table.title = "Names to review: " + std::to_string(entries.size() - mapped) + " of " +
                std::to_string(entries.size()) + " (" + std::to_string(mapped) +
                " said to be the same as another item)";
  table.AddColumns({{"item"},
                    {"name"},
                    {"category"},
                    {"lines", Column::Type::integer},
                    {"units", Column::Type::integer},
                    {"publishers"},
                    {"same as"},
                    {"same as name"}});
  for (const Entry& entry : entries) {
    auto& row = table.AddRow();
    row[0] = model.ItemId(entry.item);
    const auto* item = model.FindAs<ItemRecord>(row[0]);
    row[1] = item ? item->name : "";
    row[2] = item ? item->category : "";
    row[3] = std::to_string(entry.use->lines);
    row[4] = std::to_string(entry.use->units);
    row[5] = Joined(entry.use->publishers);
    if (entry.mapped) {
      row[6] = model.ItemId(model.CountedItem(entry.item));
      row[7] = Label(model, row[6]);
    }
  }
  return table;
}

}  // namespace ramstein
