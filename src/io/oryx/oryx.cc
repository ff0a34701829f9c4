#include "io/oryx/oryx.h"

#include <charconv>
#include <map>

#include "io/dataset/csv_table.h"
#include "query/labels.h"

namespace ramstein {

namespace {

// The scrape lost some of the page's headings: every row after "Cargo
// Drones" is filed as a drone, and self-propelled guns, mortars and rocket
// launchers as "Towed Artillery". Under such a type, the first rule whose
// word the lower-case name contains gives the category.
struct CategoryRule {
  std::string_view category;
  std::initializer_list<std::string_view> words;
};
struct MislabelledType {
  std::string_view vehicle_type;
  std::initializer_list<CategoryRule> rules;
};
const MislabelledType kMislabelled[] = {
    {"Cargo Drones",
     {{"Radars", {"radar", "ground master", "vera-ng"}},
      {"Naval Vessels", {"boat", "vessel", "craft", "minehunter", "underwater", "sonobot", "remotely operated"}},
      {"Engineering Vehicles", {"recovery", "bridg", "mine", "engineering", "wrecker", "logistics", "hercule",
                                "bergepanzer", "pionierpanzer", "ingeni", "arv", "digger"}}}},
    {"Towed Artillery",
     {{"Multiple Rocket Launchers", {"mlrs", "himars", "rm-70", "bm-21", "trlg", "rak sa", "apr-40"}},
      {"Mortars", {"mortar", "panzerm", "m120 rak"}},
      {"Self-Propelled Artillery", {"dana", "2s1", "caesar", "m109", "pzh 2000", "krab", "zuzana", "as-90",
                                    "archer", "t-155", "rch-155"}}}},
};

bool Contains(const std::string& lower, std::initializer_list<std::string_view> words) {
  for (auto word : words) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::optional<std::string> Supplier(const Catalog& catalog, std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
      {"Czech Republic", "CZE"}, {"Macedonia", "MKD"}, {"Turkey", "TUR"},
      {"NATO", "NATO"},          {"NONE", "UNSPECIFIED"}, {"Russia", "RUS"}, {"Iran", "IRN"},
  };
  for (auto [spelling, id] : kSpellings) {
    if (name == spelling) return std::string(id);
  }
  return catalog.ActorByName(name);
}

}  // namespace

std::string OryxCategory(std::string_view name, std::string_view vehicle_type) {
  for (const auto& type : kMislabelled) {
    if (type.vehicle_type != vehicle_type) continue;
    std::string lower = AsciiLower(name);
    for (const auto& rule : type.rules) {
      if (Contains(lower, rule.words)) return std::string(rule.category);
    }
  }
  return std::string(vehicle_type);
}

DatasetBatch ParseOryx(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress) {
  DatasetBatch batch;
  std::uint64_t bytes_before = 0;  // of earlier files
  for (std::size_t index = 0; index < files.size(); ++index) {
    const InputFile& file = files[index];
    CsvTable table(file, &batch);
    if (!table.ReadHeader({"id", "vehicle_name", "vehicle_type", "supplier", "recipient", "count", "is_delivered"}))
      continue;
    std::optional<std::size_t> proof_column = table.Column("proof");
    SourceRecord source = FileSource("oryx", file.text,
                                     {"Oryx (oryxspioenkop.com), as scraped to CSV",
                                      "Oryx: heavy equipment supplied: " + std::string(BaseName(file.name)),
                                      std::nullopt, std::nullopt});
    RowQuoter quoter(file.text, source.id);
    batch.Add(std::move(source), index, 0);
    UniqueIds seen;
    std::map<std::string, std::pair<std::size_t, std::string>, std::less<>> rows_by_id;  // Oryx id -> (line, text)
    while (const CsvRow* found = table.Next()) {
      const CsvRow& row = *found;
      std::string where = table.Where();
      auto cell = [&](std::string_view name) { return table.Cell(name); };
      auto fail = [&](std::string_view column, const std::string& message) {
        table.CellError(column, "'" + std::string(cell(column).substr(0, 60)) + "' " + message);
      };
      auto donor = Supplier(catalog, cell("supplier"));
      if (!donor) {
        fail("supplier", "is no actor of the catalogue");
        continue;
      }
      auto recipient = Supplier(catalog, cell("recipient"));
      if (!recipient) {
        fail("recipient", "is no actor of the catalogue");
        continue;
      }
      std::int64_t count = 0;
      std::string_view count_text = cell("count");
      auto [end, parse_error] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
      if (parse_error != std::errc() || end != count_text.data() + count_text.size() || count < 0) {
        fail("count", "is not a whole number of systems");
        continue;
      }
      std::string_view delivered = cell("is_delivered");
      if (delivered != "True" && delivered != "False") {
        fail("is_delivered", "is not True or False");
        continue;
      }
      std::string_view name = Trim(cell("vehicle_name"));
      if (name.empty()) {
        fail("vehicle_name", "is empty");
        continue;
      }
      std::string category = OryxCategory(name, cell("vehicle_type"));
      MeasureRecord measure;
      measure.id = seen.Take("measure:oryx/" + Slug(cell("id")));
      measure.donor = *donor;
      measure.recipient = *recipient;
      measure.type = AidType::military;
      measure.status = delivered == "True" ? MeasureStatus::delivered : MeasureStatus::announced;
      measure.title = std::string(name) + " (" + category + "), Oryx";
      LineItem line;
      line.item = ResolveItem(catalog, name, category, where, index, row.number, &batch);
      if (count > 0) line.quantity = count;
      std::vector<std::string> notes;
      if (count == 0) notes.push_back("Oryx gives no count (0)");
      if (category != cell("vehicle_type"))
        notes.push_back("Oryx files it under '" + std::string(cell("vehicle_type")) + "'; category from the name: " + category);
      for (const auto& text : notes) line.note = line.note ? *line.note + "; " + text : text;
      measure.lines.push_back(std::move(line));
      measure.evidence.push_back(quoter.Quote(row.begin_byte, row.end_byte));
      // The scrape repeats some rows exactly: kept (nothing is dropped), flagged.
      std::string text(file.text.data() + row.begin_byte, row.end_byte - row.begin_byte);
      auto [earlier, first] = rows_by_id.try_emplace(std::string(cell("id")), row.number, text);
      if (!first && earlier->second.second == text) {
        measure.note = "repeats line " + std::to_string(earlier->second.first) + " exactly (a duplicate in the scrape?)";
        batch.review.push_back(where + ": repeats line " + std::to_string(earlier->second.first) +
                               " exactly; kept as " + measure.id);
      }
      if (proof_column && !row.fields[*proof_column].empty()) {
        measure.evidence.push_back(batch.CitePage(row.fields[*proof_column], index, row.number));
      }
      batch.Add(std::move(measure), index, row.number);
    }
    bytes_before += file.text.size();
    if (progress) progress(bytes_before);
  }
  return batch;
}

}  // namespace ramstein
