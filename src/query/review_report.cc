#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "query/labels.h"
#include "query/measure_filter.h"
#include "query/name_match.h"
#include "query/reports.h"

namespace ramstein {

namespace {

struct NameUse {
  std::int64_t lines = 0;
  WideSum units = 0;  // a total over lines: wide
  std::set<std::string> publishers;
};

std::string Joined(const std::set<std::string>& parts) {
  std::string out;
  for (const auto& part : parts)
    out += (out.empty() ? "" : "; ") + (part.empty() ? "(no source)" : part);
  return out;
}

// The candidate with the highest score, unless another has it too.
template <class Candidate, class Score>
class UniqueBest {
 public:
  void Offer(const Candidate& candidate, Score score) {
    if (!best_ || score > score_) {
      best_ = candidate, score_ = score, tied_ = false;
    } else if (score == score_) {
      tied_ = true;
    }
  }
  std::optional<Candidate> Winner() const { return tied_ ? std::nullopt : best_; }

 private:
  std::optional<Candidate> best_;
  Score score_{};
  bool tied_ = false;
};

// A catalogue item's name or alias, in words.
struct CatalogueName {
  std::string item;
  std::set<std::string> words;
  bool munition;  // counted in missiles, rounds or rockets, or named as ammunition
};

std::vector<CatalogueName> CatalogueNames(const Model& model) {
  std::vector<CatalogueName> names;
  for (const StoredRecord* stored : model.All(RecordKind::item)) {
    const auto& item = std::get<ItemRecord>(stored->record);
    // Kept names, and the catalogue's catch-alls ("... (unspecified)"), are not suggested.
    if (item.id.starts_with(kUnreviewedItemPrefix) ||
        item.name.find("unspecified") != std::string::npos || item.same_as)
      continue;
    bool munition = item.unit == "missile" || item.unit == "round" || item.unit == "rocket" ||
                    NamesAMunition(NameWords(item.name));
    names.push_back({item.id, NameWords(item.name), munition});
    for (const auto& alias : item.aliases) names.push_back({item.id, NameWords(alias), munition});
  }
  return names;
}

// The catalogue item a kept name names in full ("227mm HIMARS" holds the
// alias "HIMARS"), the longest such name winning; none when two items tie,
// or when one is a munition and the other not ("Hellfire missiles launching
// pad" is no missile), or one is a simulator, spare parts, ... of the other.
std::string CatalogueSuggestion(const std::vector<CatalogueName>& catalogue,
                                const std::set<std::string>& words) {
  const bool munition = NamesAMunition(words);
  std::map<std::string, std::size_t> matched;  // item -> words of its longest name found
  for (const CatalogueName& name : catalogue) {
    if (NamingWords(TellingWords(name.words)).empty() || !Includes(words, name.words)) continue;
    if (munition != name.munition || KindWords(words) != KindWords(name.words)) continue;
    auto& best = matched[name.item];
    best = std::max(best, name.words.size());
  }
  UniqueBest<std::string, std::size_t> longest;
  for (const auto& [item, size] : matched) longest.Offer(item, size);
  return longest.Winner().value_or("");
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
                    {"same as name"},
                    {"suggested"},
                    {"suggested name"}});
  // Suggestions: a catalogue item the name holds in full; else another
  // publisher's kept name with the same telling words, or all of them within
  // its own, the closest if one is closest. Between two kept names only the
  // less used points to the more used, so following every suggestion never
  // makes a loop; a name already answered stands for its answer.
  const std::vector<CatalogueName> catalogue = CatalogueNames(model);
  std::vector<std::set<std::string>> words(entries.size()), telling(entries.size());
  for (std::size_t e = 0; e < entries.size(); ++e) {
    const auto* item = model.FindAs<ItemRecord>(model.ItemId(entries[e].item));
    words[e] = NameWords(item ? item->name : "");
    telling[e] = TellingWords(words[e]);
  }
  auto suggest = [&](std::size_t e) -> std::string {
    if (telling[e].empty()) return "";
    if (std::string listed = CatalogueSuggestion(catalogue, words[e]); !listed.empty())
      return listed;
    UniqueBest<std::size_t, double> closest;
    for (std::size_t o = 0; o < entries.size(); ++o) {
      if (o == e || telling[o].empty() || entries[o].use->publishers == entries[e].use->publishers)
        continue;
      bool mine_within = Includes(telling[o], telling[e]);
      if (!mine_within && !Includes(telling[e], telling[o])) continue;
      if (NamingWords(mine_within ? telling[e] : telling[o]).empty())
        continue;  // a description shared
      if (!SameKind(words[e], words[o])) continue;
      closest.Offer(o, Overlap(telling[e], telling[o]));
    }
    std::optional<std::size_t> winner = closest.Winner();
    if (!winner) return "";
    const std::size_t best = *winner;
    const NameUse& mine = *entries[e].use;
    const NameUse& theirs = *entries[best].use;
    bool ranks_above = theirs.lines != mine.lines
                           ? theirs.lines > mine.lines
                           : model.ItemId(entries[best].item) < model.ItemId(entries[e].item);
    if (!entries[best].mapped && !ranks_above) return "";
    return model.ItemId(model.CountedItem(entries[best].item));
  };
  std::size_t suggested = 0;
  for (std::size_t e = 0; e < entries.size(); ++e) {
    const Entry& entry = entries[e];
    auto& row = table.AddRow();
    row[0] = model.ItemId(entry.item);
    const auto* item = model.FindAs<ItemRecord>(row[0]);
    row[1] = item ? item->name : "";
    row[2] = item ? item->category : "";
    row[3] = std::to_string(entry.use->lines);
    row[4] = FormatWideSum(entry.use->units);
    row[5] = Joined(entry.use->publishers);
    if (entry.mapped) {
      row[6] = model.ItemId(model.CountedItem(entry.item));
      row[7] = Label(model, row[6]);
    } else if (std::string suggestion = suggest(e); !suggestion.empty() && suggestion != row[0]) {
      row[8] = suggestion;
      row[9] = Label(model, suggestion);
      ++suggested;
    }
  }
  table.title += "; " + std::to_string(suggested) + " with a suggestion";
  return table;
}

}  // namespace ramstein
