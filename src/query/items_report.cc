#include <algorithm>
#include <map>
#include <set>

#include "base/did_you_mean.h"
#include "query/labels.h"
#include "query/measure_filter.h"
#include "query/reports.h"

namespace ramstein {

namespace {

// Each publisher is a full account of the pledges it knows: where several
// count the same donor's system, the row takes the largest account, never
// their sum (which would count a pledge once per source).
struct ItemTotals {
  WideSum delivered = 0, held = 0;  // totals over lines and holds: wide
  bool pledged_unstated = false, held_unstated = false;
  std::map<std::string, WideSum> pledged_by_publisher;  // stated quantities only
  std::map<std::string, std::map<std::uint16_t, WideSum>>
      value_by_publisher;          // currency -> minor
  std::set<std::uint32_t> mapped;  // items a reviewer said are this one, whose lines count here
};

// "includes lines naming 'A', 'B' (same system)" for the items mapped onto a row's item.
std::string MappedNote(const Model& model, const std::set<std::uint32_t>& mapped) {
  constexpr std::size_t shown = 3;
  std::string note = "includes lines naming ";
  std::size_t count = 0;
  for (std::uint32_t item : mapped) {
    if (count == shown) {
      note += " and " + std::to_string(mapped.size() - shown) + " more";
      break;
    }
    note += (count++ ? ", '" : "'") + Label(model, model.ItemId(item)) + "'";
  }
  return note + " (same system, by review)";
}

}  // namespace

Result<Table> ItemsReport(const Model& model, const ItemsFilter& filter) {
  std::optional<std::uint32_t> only_item;
  if (filter.item) {
    only_item = model.ResolveItem(*filter.item);
    if (!only_item) return Status::NotFound("no catalogue item named '" + *filter.item + "'");
    only_item = model.CountedItem(*only_item);
  }
  // A category no item has is a mistake, not an empty answer.
  if (filter.category && !only_item) {
    std::set<std::string> categories;
    for (std::uint32_t i = 0; i < model.item_count(); ++i) {
      const auto* record = model.FindAs<ItemRecord>(model.ItemId(i));
      if (record && !record->category.empty()) categories.insert(record->category);
    }
    bool known = std::any_of(categories.begin(), categories.end(), [&](const std::string& category) {
      return AsciiLower(category) == AsciiLower(*filter.category);
    });
    if (!known) {
      return Status::NotFound("no item is of category '" + filter.category->substr(0, 80) + "'" +
                              DidYouMean(*filter.category, {categories.begin(), categories.end()}));
    }
  }
  std::optional<std::uint32_t> only_donor;
  if (filter.donor) {
    only_donor = model.ActorNumber(*filter.donor);
    if (!only_donor) return Status::NotFound("no actor '" + *filter.donor + "'");
  }
  auto wanted_donor = [&](std::uint32_t donor) { return !only_donor || donor == *only_donor; };
  // `item` is a counted item (Model::CountedItem).
  auto wanted = [&](std::uint32_t item) {
    if (only_item) return item == *only_item;
    if (filter.category) {
      const auto* record = model.FindAs<ItemRecord>(model.ItemId(item));
      return record && AsciiLower(record->category) == AsciiLower(*filter.category);
    }
    return true;
  };
  std::map<std::pair<std::uint32_t, std::uint32_t>, ItemTotals> totals;  // (item, donor)
  std::map<std::string, std::string> publishers;                         // source id -> publisher
  std::set<std::string> publisher_columns;
  const LineTable& t = model.lines();
  for (std::uint32_t r = 0; r < t.size(); ++r) {
    if (t.item[r] == kNoItem) continue;
    std::uint32_t item = model.CountedItem(t.item[r]);
    if (!wanted(item) || !wanted_donor(t.donor[r])) continue;
    std::uint8_t s = t.status[r];
    if (s < static_cast<std::uint8_t>(MeasureStatus::announced) ||
        s > static_cast<std::uint8_t>(MeasureStatus::delivered))
      continue;
    ItemTotals& total = totals[{item, t.donor[r]}];
    if (item != t.item[r]) total.mapped.insert(t.item[r]);
    const std::string& publisher = PublisherOf(model, model.Measure(t.measure[r]), &publishers);
    if (t.quantity[r] >= 0) {
      total.pledged_by_publisher[publisher] += t.quantity[r];
      publisher_columns.insert(publisher);
    } else {
      total.pledged_unstated = true;
    }
    total.delivered += t.delivered_quantity[r];
    if (t.value_minor[r] > 0)
      total.value_by_publisher[publisher][t.currency[r]] += t.value_minor[r];
  }
  // Holds count whether or not they name a measure; rows of measure-bound
  // holds are not added twice because held quantities come from holds only.
  for (const HoldState& hold : model.holds()) {
    const auto& record = std::get<HoldRecord>(model.records()[hold.slot].record);
    auto donor = model.ActorNumber(record.donor);
    for (const HoldLineState& line : hold.lines) {
      std::uint32_t item = model.CountedItem(line.item);
      if (!wanted(item) || !donor || !wanted_donor(*donor)) continue;
      // A resumed hold still lists its item, with nothing held now.
      ItemTotals& total = totals[{item, *donor}];
      if (item != line.item) total.mapped.insert(line.item);
      auto held = line.HeldAt(INT32_MAX);
      if (held)
        total.held += *held;
      else
        total.held_unstated = true;
    }
  }
  Table table;
  table.title = "Items by donor";
  table.AddColumns({{"item"},
                    {"name"},
                    {"category"},
                    {"donor"},
                    {"pledged", Column::Type::integer},
                    {"delivered", Column::Type::integer},
                    {"held", Column::Type::integer},
                    {"value"},
                    {"note"}});
  // Side by side: what each source says was pledged, and how far apart they are.
  for (const auto& publisher : publisher_columns)
    table.AddColumn("pledged per " + (publisher.empty() ? std::string("(no source)") : publisher),
                    Column::Type::integer);
  table.AddColumn("spread", Column::Type::integer);
  for (const auto& [key, total] : totals) {
    auto& row = table.AddRow();
    row[0] = model.ItemId(key.first);
    row[1] = Label(model, row[0]);
    const auto* item = model.FindAs<ItemRecord>(row[0]);
    row[2] = item ? item->category : "";
    row[3] = model.ActorId(key.second);
    // Each source's count: the largest is the row's pledged, their range the spread.
    WideSum low = -1, high = 0;
    for (const auto& [publisher, quantity] : total.pledged_by_publisher) {
      low = low < 0 ? quantity : std::min(low, quantity);
      high = std::max(high, quantity);
    }
    row[4] = FormatWideSum(high);
    row[5] = FormatWideSum(total.delivered);
    row[6] = FormatWideSum(total.held);
    std::map<std::uint16_t, WideSum> value_by_currency;  // the largest account's, per currency
    for (const auto& [publisher, values] : total.value_by_publisher) {
      for (const auto& [currency, minor] : values) {
        auto& largest = value_by_currency[currency];
        largest = std::max(largest, minor);
      }
    }
    for (const auto& [currency, minor] : value_by_currency) {
      Currency c = Currency::FromIndex(currency);
      row[7] += (row[7].empty() ? "" : "; ") + std::string(c.code()) + " " +
                FormatMinor(minor, c.exponent(), false);
    }
    std::string note;
    if (total.pledged_unstated) note += "some pledges state no quantity";
    if (total.held_unstated)
      note += std::string(note.empty() ? "" : "; ") + "some holds state no quantity";
    if (!total.mapped.empty()) note += (note.empty() ? "" : "; ") + MappedNote(model, total.mapped);
    std::size_t cell = 9;
    for (const auto& publisher : publisher_columns) {
      auto it = total.pledged_by_publisher.find(publisher);
      if (it != total.pledged_by_publisher.end()) row[cell] = FormatWideSum(it->second);
      ++cell;
    }
    if (total.pledged_by_publisher.size() >= 2) {
      row[cell] = FormatWideSum(high - low);
      if (high != low)
        note += std::string(note.empty() ? "" : "; ") +
                "sources disagree: pledged is the largest count";
    }
    row[8] = note;
  }
  return table;
}

}  // namespace ramstein
