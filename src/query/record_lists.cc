#include "query/record_lists.h"

#include <algorithm>
#include <functional>

#include "query/labels.h"
#include "query/measure_filter.h"

namespace ramstein {

namespace {

std::string Code(const std::optional<Money>& money) {
  return money ? std::string(money->currency.code()) : "";
}
std::string Text(const std::optional<std::string>& text) {
  return text.value_or("");
}
std::string DateText(const std::optional<Date>& date) {
  return date ? date->ToString() : "";
}
template <std::size_t N, typename E>
std::string Name(const std::array<std::string_view, N>& names, E value) {
  return std::string(names[static_cast<std::size_t>(value)]);
}

// One row of a collection, and what its filters look at.
struct Row {
  std::vector<std::string> cells;
  std::optional<Date> date;
  std::string donor, recipient, type, status;
  std::vector<std::string> items;  // item ids the record names
};

struct Collection {
  std::string summary;
  RecordKind kind;
  std::vector<Column> columns;
  std::vector<std::string> filters;  // the filters that apply
  std::function<Row(const Model&, const StoredRecord&)> row;
};

const std::vector<std::pair<std::string, Collection>>& Collections() {
  using T = Column::Type;
  static const std::vector<std::pair<std::string, Collection>> collections = {
      {"measures",
       {"Measures: pledges, packages and contracts, one row each with donor, status and value",
        RecordKind::measure,
        {{"id"},
         {"announced"},
         {"donor"},
         {"recipient"},
         {"type"},
         {"instrument"},
         {"status"},
         {"title"},
         {"currency"},
         {"value", T::amount},
         {"lines", T::integer},
         {"via"},
         {"meeting"}},
        {"donor", "recipient", "type", "status", "item", "category", "from", "to", "publisher"},
        [](const Model&, const StoredRecord& stored) {
          const auto& m = std::get<MeasureRecord>(stored.record);
          Row row{{m.id, m.announced ? m.announced->ToString() : "", m.donor, m.recipient, Name(kAidTypeNames, m.type),
                   Name(kInstrumentNames, m.instrument), Name(kMeasureStatusNames, m.status),
                   m.title, Code(m.value), AmountText(m.value), std::to_string(m.lines.size()),
                   Text(m.via), Text(m.meeting)},
                  m.announced,
                  m.donor,
                  m.recipient,
                  Name(kAidTypeNames, m.type),
                  Name(kMeasureStatusNames, m.status),
                  {}};
          for (const auto& line : m.lines) row.items.push_back(line.item);
          return row;
        }}},
      {"deliveries",
       {"Deliveries: what arrived, of which measure, when",
        RecordKind::delivery,
        {{"id"},
         {"measure"},
         {"donor"},
         {"recipient"},
         {"item"},
         {"quantity", T::integer},
         {"currency"},
         {"value", T::amount},
         {"from"},
         {"to"}},
        {"donor", "recipient", "item", "category", "from", "to"},
        [](const Model& model, const StoredRecord& stored) {
          const auto& d = std::get<DeliveryRecord>(stored.record);
          const auto* m = model.FindAs<MeasureRecord>(d.measure);
          std::string donor = m ? m->donor : "", recipient = m ? m->recipient : "";
          Row row{{d.id, d.measure, donor, recipient, Text(d.item),
                   d.quantity ? std::to_string(*d.quantity) : "", Code(d.value),
                   AmountText(d.value), d.from.ToString(), DateText(d.to)},
                  d.from,
                  donor,
                  recipient,
                  "",
                  "",
                  {}};
          if (d.item) row.items.push_back(*d.item);
          return row;
        }}},
      {"holds",
       {"Holds: shipments paused, with their reason",
        RecordKind::hold,
        {{"id"},
         {"donor"},
         {"recipient"},
         {"from"},
         {"lines", T::integer},
         {"measure"},
         {"reason"}},
        {"donor", "recipient", "item", "category", "from", "to"},
        [](const Model&, const StoredRecord& stored) {
          const auto& h = std::get<HoldRecord>(stored.record);
          Row row{{h.id, h.donor, h.recipient, h.from.ToString(), std::to_string(h.lines.size()),
                   Text(h.measure), Text(h.reason)},
                  h.from,
                  h.donor,
                  h.recipient,
                  "",
                  "",
                  {}};
          for (const auto& line : h.lines) row.items.push_back(line.item);
          return row;
        }}},
      {"resumptions",
       {"Resumptions: holds lifted, fully or in part",
        RecordKind::resumption,
        {{"id"}, {"hold"}, {"donor"}, {"date"}, {"state"}, {"lines", T::integer}, {"note"}},
        {"donor", "item", "category", "from", "to"},
        [](const Model& model, const StoredRecord& stored) {
          const auto& r = std::get<ResumptionRecord>(stored.record);
          const auto* hold = model.FindAs<HoldRecord>(r.hold);
          std::string donor = hold ? hold->donor : "";
          Row row{{r.id, r.hold, donor, r.date.ToString(), Name(kResumptionStateNames, r.state),
                   std::to_string(r.lines.size()), Text(r.note)},
                  r.date,
                  donor,
                  "",
                  "",
                  "",
                  {}};
          for (const auto& line : r.lines) row.items.push_back(line.item);
          return row;
        }}},
      {"items",
       {"Items: the equipment catalogue, and names importers kept for review",
        RecordKind::item,
        {{"id"}, {"name"}, {"category"}, {"unit"}, {"aliases"}, {"status"}, {"same as"}},
        {"item", "category", "status"},
        [](const Model&, const StoredRecord& stored) {
          const auto& i = std::get<ItemRecord>(stored.record);
          std::string aliases;
          for (const auto& alias : i.aliases) aliases += (aliases.empty() ? "" : "; ") + alias;
          // The catalogue's own items, names importers kept, and those a reviewer answered.
          std::string status = !i.id.starts_with(kUnreviewedItemPrefix) ? "catalogue"
                               : i.same_as                             ? "answered"
                                                                       : "to review";
          return Row{{i.id, i.name, i.category, Text(i.unit), aliases, status, Text(i.same_as)},
                     std::nullopt, "", "", "", status, {i.id}};
        }}},
      {"meetings",
       {"Meetings: contact-group meetings and other talks, with date, venue and format",
        RecordKind::meeting,
        {{"id"},
         {"forum"},
         {"number", T::integer},
         {"date"},
         {"title"},
         {"venue"},
         {"format"},
         {"state"}},
        {"from", "to"},
        [](const Model&, const StoredRecord& stored) {
          const auto& m = std::get<MeetingRecord>(stored.record);
          return Row{{m.id, Text(m.forum), m.number ? std::to_string(*m.number) : "",
                      m.date.ToString(), m.title, Text(m.venue),
                      Name(kMeetingFormatNames, m.format), Name(kMeetingStateNames, m.state)},
                     m.date,
                     "",
                     "",
                     "",
                     "",
                     {}};
        }}},
      {"authorities",
       {"Funding authorities: who holds them and their cap",
        RecordKind::authority,
        {{"id"}, {"holder"}, {"name"}, {"currency"}, {"cap", T::amount}},
        {"donor"},
        [](const Model&, const StoredRecord& stored) {
          const auto& a = std::get<AuthorityRecord>(stored.record);
          return Row{{a.id, a.holder, a.name, a.currency, AmountText(a.cap)},
                     std::nullopt,
                     a.holder,
                     "",
                     "",
                     "",
                     {}};
        }}},
      {"balances",
       {"Balances of funding authorities as reported: cap, drawn, remaining",
        RecordKind::balance,
        {{"id"},
         {"authority"},
         {"holder"},
         {"date"},
         {"currency"},
         {"cap", T::amount},
         {"drawn", T::amount},
         {"remaining", T::amount}},
        {"donor", "from", "to"},
        [](const Model& model, const StoredRecord& stored) {
          const auto& b = std::get<BalanceRecord>(stored.record);
          const auto* authority = model.FindAs<AuthorityRecord>(b.authority);
          std::string holder = authority ? authority->holder : "";
          std::string currency = authority ? authority->currency : "";
          return Row{{b.id, b.authority, holder, b.date.ToString(), currency, AmountText(b.cap),
                      AmountText(b.drawn), AmountText(b.remaining)},
                     b.date,
                     holder,
                     "",
                     "",
                     "",
                     {}};
        }}},
      {"requirements",
       {"Requirements: what the recipient said it needs",
        RecordKind::requirement,
        {{"id"},
         {"recipient"},
         {"item"},
         {"capability"},
         {"priority", T::integer},
         {"quantity", T::integer},
         {"stated"},
         {"needed_by"}},
        {"recipient", "item", "category", "from", "to"},
        [](const Model&, const StoredRecord& stored) {
          const auto& r = std::get<RequirementRecord>(stored.record);
          Row row{{r.id, r.recipient, Text(r.item), Text(r.capability), std::to_string(r.priority),
                   r.quantity ? std::to_string(*r.quantity) : "", r.stated.ToString(),
                   DateText(r.needed_by)},
                  r.stated,
                  "",
                  r.recipient,
                  "",
                  "",
                  {}};
          if (r.item) row.items.push_back(*r.item);
          return row;
        }}},
      {"sources",
       {"Sources: the documents records cite, with their digests",
        RecordKind::source,
        {{"id"}, {"publisher"}, {"title"}, {"published"}, {"url"}, {"sha256"}},
        {"from", "to"},
        [](const Model&, const StoredRecord& stored) {
          const auto& s = std::get<SourceRecord>(stored.record);
          return Row{{s.id, s.publisher, s.title, DateText(s.published), Text(s.url), s.sha256},
                     s.published,
                     "",
                     "",
                     "",
                     "",
                     {}};
        }}},
  };
  return collections;
}

bool NumberLess(const std::string& a, const std::string& b) {
  // Exact decimals and integers: compare by sign, length of the whole part, then text.
  if (a.empty() || b.empty()) return a.empty() && !b.empty();
  bool negative_a = a[0] == '-', negative_b = b[0] == '-';
  if (negative_a != negative_b) return negative_a;
  std::size_t whole_a = a.find('.'), whole_b = b.find('.');
  if (whole_a == std::string::npos) whole_a = a.size();
  if (whole_b == std::string::npos) whole_b = b.size();
  bool less = whole_a != whole_b ? whole_a < whole_b : a < b;
  return negative_a ? !less && a != b : less;
}

}  // namespace

const std::vector<CollectionInfo>& ListCollections() {
  static const std::vector<CollectionInfo> infos = [] {
    std::vector<CollectionInfo> out;
    for (const auto& [name, collection] : Collections()) {
      out.push_back({name, collection.kind, collection.summary, collection.columns, collection.filters});
    }
    return out;
  }();
  return infos;
}

Result<Table> ListRecords(const Model& model, const std::string& name, const ListQuery& query) {
  const auto& collections = Collections();
  auto found = std::find_if(collections.begin(), collections.end(),
                            [&](const auto& c) { return c.first == name; });
  if (found == collections.end()) return Status::NotFound("no collection '" + name + "'");
  const Collection& collection = found->second;
  auto applies = [&](const char* filter) {
    return std::find(collection.filters.begin(), collection.filters.end(), filter) !=
           collection.filters.end();
  };
  const std::pair<const char*, bool> given[] = {
      {"donor", query.donor.has_value()},   {"recipient", query.recipient.has_value()},
      {"type", query.type.has_value()},     {"status", query.status.has_value()},
      {"item", query.item.has_value()},     {"category", query.category.has_value()},
      {"from", query.from_day.has_value()}, {"to", query.to_day.has_value()},
      {"publisher", query.publisher.has_value()}};
  for (const auto& [filter, present] : given) {
    if (present && !applies(filter)) {
      return Status::InvalidArgument(std::string(filter) + ": " + name +
                                     " cannot be filtered by it");
    }
  }
  std::optional<std::uint32_t> item;
  if (query.item) {
    item = model.ResolveItem(*query.item);
    if (!item)
      return Status::InvalidArgument("item: no catalogue item named '" + *query.item + "'");
    item = model.CountedItem(*item);
  }
  // Items filter by the item they count under (a reviewer's same_as).
  auto counted = [&](const std::string& item_id) -> std::optional<std::uint32_t> {
    auto number = model.ItemNumber(item_id);
    if (!number) return std::nullopt;
    return model.CountedItem(*number);
  };
  auto in_category = [&](const std::string& item_id) {
    auto number = counted(item_id);
    const auto* record = number ? model.FindAs<ItemRecord>(model.ItemId(*number)) : nullptr;
    return record && record->category == *query.category;
  };
  if (query.publisher) {
    auto known = MeasureFilterOf(model, std::nullopt, query.publisher);  // names the cited ones if unknown
    if (!known.ok()) return known.status();
  }
  std::map<std::string, std::string> publishers;  // source id -> publisher
  std::vector<Row> rows;
  for (const StoredRecord* stored : model.All(collection.kind)) {
    if (query.publisher &&
        PublisherOf(model, std::get<MeasureRecord>(stored->record), &publishers) != *query.publisher)
      continue;
    if (query.ids && !query.ids->count(CommonOf(stored->record).id)) continue;
    Row row = collection.row(model, *stored);
    if ((query.donor && row.donor != *query.donor) ||
        (query.recipient && row.recipient != *query.recipient) ||
        (query.type && row.type != *query.type) || (query.status && row.status != *query.status)) {
      continue;
    }
    if (item && std::none_of(row.items.begin(), row.items.end(), [&](const std::string& id) {
          return counted(id) == item;
        })) {
      continue;
    }
    if (query.category && std::none_of(row.items.begin(), row.items.end(), in_category)) continue;
    if (query.from_day && (!row.date || row.date->last_day() < *query.from_day)) continue;
    if (query.to_day && (!row.date || row.date->days > *query.to_day)) continue;
    rows.push_back(std::move(row));
  }
  // Sorting: a named column (numeric columns by value), else date then id.
  int sort_column = -1;
  bool descending = false;
  if (query.sort) {
    std::string column = *query.sort;
    if (!column.empty() && column[0] == '-') {
      descending = true;
      column.erase(0, 1);
    }
    for (std::size_t c = 0; c < collection.columns.size(); ++c) {
      if (collection.columns[c].name == column) sort_column = static_cast<int>(c);
    }
    if (sort_column < 0)
      return Status::InvalidArgument("sort: " + name + " has no column '" + column + "'");
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (sort_column < 0) {
      if (a.date != b.date) return a.date < b.date;
      return a.cells[0] < b.cells[0];
    }
    const auto c = static_cast<std::size_t>(sort_column);
    bool numeric = collection.columns[c].type != Column::Type::text;
    const std::string& x = descending ? b.cells[c] : a.cells[c];
    const std::string& y = descending ? a.cells[c] : b.cells[c];
    return numeric ? NumberLess(x, y) : x < y;
  });
  Table table;
  table.title = name;
  table.columns = collection.columns;
  for (const auto& [facet, field] : {std::pair{"donor", &Row::donor}, std::pair{"recipient", &Row::recipient},
                                     std::pair{"type", &Row::type}, std::pair{"status", &Row::status}}) {
    if (!applies(facet)) continue;
    std::map<std::string, std::size_t> counts;
    for (const Row& row : rows) {
      if (!(row.*field).empty()) ++counts[row.*field];
    }
    Facet out{facet, {counts.begin(), counts.end()}};
    std::stable_sort(out.counts.begin(), out.counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    table.facets.push_back(std::move(out));
  }
  table.rows.reserve(rows.size());
  for (Row& row : rows) table.rows.push_back(std::move(row.cells));
  return table;
}

}  // namespace ramstein
