// FiguresReport and DatasetsReport: the figures publishers printed, summed
// exactly (query/reports.h).
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "base/decimal.h"
#include "query/labels.h"
#include "query/reports.h"

namespace ramstein {

namespace {

// The latest version of every figure of `dataset`, in order of first import.
std::vector<const FigureRecord*> FiguresOf(const Model& model, std::string_view dataset) {
  std::vector<const FigureRecord*> figures;
  for (const StoredRecord* stored : model.All(RecordKind::figure)) {
    const auto& figure = std::get<FigureRecord>(stored->record);
    if (figure.dataset == dataset) figures.push_back(&figure);
  }
  return figures;
}

// The group a figure falls in, as (sort key, shown text).
std::pair<std::string, std::string> GroupOf(const FigureRecord& figure, std::string_view by) {
  if (by == "subject") return {figure.subject.value_or(""), figure.subject.value_or("")};
  if (by == "period") {
    if (!figure.period) return {"", ""};
    // By first day, then finer precision first, like MonthlyReport.
    char key[32];
    std::snprintf(key, sizeof key, "%011d/%d", figure.period->days + 1'000'000'000,
                  static_cast<int>(figure.period->precision));
    return {key, figure.period->ToString()};
  }
  if (by == "category") return {figure.category.value_or(""), figure.category.value_or("")};
  if (by == "row") return {figure.id, figure.id};
  return {"", "all"};
}

// A level column's (FigureValue::kind "level") value of one subject at
// its latest period in a group.
struct Level {
  std::optional<Date> period;
  Decimal value;
};

struct Group {
  const FigureRecord* figure = nullptr;  // by "row": the row itself
  std::string shown;
  std::size_t rows = 0;
  std::vector<std::optional<Decimal>> sums;  // per value column; nullopt = no value yet
  std::vector<std::map<std::string, Level>> levels;  // per value column, by subject
};

}  // namespace

Result<Table> FiguresReport(const Model& model, const FiguresQuery& query) {
  static constexpr std::string_view kGroupings[] = {"subject", "period", "category", "row", "all"};
  if (std::find(std::begin(kGroupings), std::end(kGroupings), query.by) == std::end(kGroupings)) {
    return Status::InvalidArgument("cannot group figures by '" + query.by +
                                   "' (subject, period, category, row or all)");
  }
  std::vector<const FigureRecord*> figures = FiguresOf(model, query.dataset);
  if (figures.empty()) {
    return Status::NotFound("no figures of dataset '" + query.dataset +
                            "' (report datasets lists them)");
  }
  // Value columns in the order the figures first give them.
  std::vector<std::pair<std::string, std::string>> columns;  // (name, unit)
  std::vector<bool> level_columns;
  std::map<std::string, Group> groups;
  for (const FigureRecord* figure : figures) {
    if (query.subject && figure->subject != query.subject) continue;
    auto [key, shown] = GroupOf(*figure, query.by);
    Group& group = groups[key];
    group.shown = shown;
    group.figure = figure;
    ++group.rows;
    for (const FigureValue& value : figure->values) {
      auto column = std::find_if(columns.begin(), columns.end(),
                                 [&](const auto& c) { return c.first == value.name; });
      std::size_t index = static_cast<std::size_t>(column - columns.begin());
      if (column == columns.end()) {
        columns.emplace_back(value.name, value.unit);
        level_columns.push_back(value.kind == "level");
      }
      if (group.sums.size() <= index) group.sums.resize(index + 1);
      auto parsed = ParseDecimal(value.value);  // checked when appended
      if (level_columns[index]) {
        // A stock: each subject's latest, summed over subjects below.
        if (group.levels.size() <= index) group.levels.resize(index + 1);
        auto [level, first] = group.levels[index].try_emplace(figure->subject.value_or(""), Level{figure->period, *parsed});
        if (!first && level->second.period < figure->period) level->second = Level{figure->period, *parsed};
        continue;
      }
      auto& sum = group.sums[index];
      sum = sum ? Add(*sum, *parsed) : parsed;
      if (!sum) {
        return Status::DataError("the sum of '" + value.name + "' in " + query.dataset +
                                 " is too large to add exactly");
      }
    }
  }
  for (auto& [key, group] : groups) {
    for (std::size_t index = 0; index < group.levels.size(); ++index) {
      for (const auto& [subject, level] : group.levels[index]) {
        auto& sum = group.sums[index];
        sum = sum ? Add(*sum, level.value) : level.value;
        if (!sum) return Status::DataError("the sum of '" + columns[index].first + "' is too large to add exactly");
      }
    }
  }
  Table table;
  table.title = "Figures of " + query.dataset + (query.by == "all" ? "" : ", by " + query.by);
  bool by_row = query.by == "row";
  if (by_row) {
    table.AddColumns({{"figure"}, {"subject"}, {"name"}, {"period"}, {"category"}, {"label"}});
  } else {
    table.AddColumn(query.by == "all" ? "group" : query.by);
  }
  if (query.by == "subject") table.AddColumn("name");
  table.AddColumn("rows", Column::Type::integer);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& [name, unit] = columns[i];
    table.AddColumn(name + " (" + unit + (level_columns[i] ? ", latest" : "") + ")", Column::Type::decimal);
  }
  for (const auto& [key, group] : groups) {
    auto& row = table.AddRow();
    std::size_t cell = 0;
    row[cell++] = group.shown;
    if (by_row) {
      const FigureRecord& figure = *group.figure;
      row[cell++] = figure.subject.value_or("");
      row[cell++] = figure.subject ? Label(model, *figure.subject) : "";
      row[cell++] = figure.period ? figure.period->ToString() : "";
      row[cell++] = figure.category.value_or("");
      row[cell++] = figure.label.value_or("");
    }
    if (query.by == "subject") row[cell++] = group.shown.empty() ? "" : Label(model, group.shown);
    row[cell++] = std::to_string(group.rows);
    for (std::size_t i = 0; i < columns.size(); ++i, ++cell) {
      if (i < group.sums.size() && group.sums[i]) row[cell] = DecimalToString(*group.sums[i]);
    }
  }
  return table;
}

Table DatasetsReport(const Model& model) {
  struct Summary {
    std::size_t rows = 0;
    std::set<std::string> subjects;
    std::optional<Date> first, last;
    std::set<std::string> sources;
  };
  std::map<std::string, Summary> datasets;
  for (const StoredRecord* stored : model.All(RecordKind::figure)) {
    const auto& figure = std::get<FigureRecord>(stored->record);
    Summary& summary = datasets[figure.dataset];
    ++summary.rows;
    if (figure.subject) summary.subjects.insert(*figure.subject);
    if (figure.period) {
      if (!summary.first || *figure.period < *summary.first) summary.first = figure.period;
      if (!summary.last || *summary.last < *figure.period) summary.last = figure.period;
    }
    for (const Evidence& evidence : figure.evidence) summary.sources.insert(evidence.source);
  }
  Table table;
  table.title = "Datasets of published figures";
  table.AddColumns({{"dataset", Column::Type::text},
                    {"rows", Column::Type::integer},
                    {"subjects", Column::Type::integer},
                    {"from", Column::Type::text},
                    {"to", Column::Type::text},
                    {"source", Column::Type::text}});
  for (const auto& [name, summary] : datasets) {
    std::string sources;
    for (const auto& source : summary.sources) sources += (sources.empty() ? "" : " ") + source;
    table.rows.push_back({name, std::to_string(summary.rows), std::to_string(summary.subjects.size()),
                          summary.first ? summary.first->ToString() : "",
                          summary.last ? summary.last->ToString() : "", sources});
  }
  return table;
}

}  // namespace ramstein
