// ReconcileReport: the Kiel main data's allocations against the same
// release family's dashboard figures (query/reports.h).
#include <array>
#include <map>

#include "base/currency.h"
#include "base/decimal.h"
#include "query/labels.h"
#include "query/reports.h"

namespace ramstein {

namespace {

// The id of the latest-imported source whose id starts with `prefix`, or "".
std::string LatestSource(const Model& model, std::string_view prefix) {
  std::string found;
  for (const StoredRecord* stored : model.All(RecordKind::source)) {
    const std::string& id = CommonOf(stored->record).id;
    if (id.rfind(prefix, 0) == 0) found = id;
  }
  return found;
}

// EUR billions as published ("115.380650") -> EUR.
std::optional<Decimal> BillionsToEur(std::string_view text) {
  auto value = ParseDecimal(text);
  if (!value) return std::nullopt;
  // x bn = x * 10^9: the same digits at a scale 9 smaller.
  if (value->scale >= 9) return Decimal{value->units, value->scale - 9};
  return Decimal{value->Rescaled(9).units, 0};
}

// a + b (sign +1) or a - b (sign -1), or an error naming what was too large:
// figures with 22 decimals against sums near the money limit do not fit
// 128 bits, and a wrong total is worse than none.
Result<Decimal> Exactly(const Decimal& a, const Decimal& b, int sign, const char* what) {
  auto result = sign > 0 ? Add(a, b) : Subtract(a, b);
  if (!result) return Status::DataError(std::string(what) + " is too large to compute exactly");
  return *result;
}

}  // namespace

Result<Table> ReconcileReport(const Model& model, const ReconcileQuery& query) {
  std::string source = query.measures_source.value_or(LatestSource(model, "src:kiel-main-"));
  std::string dataset = query.figures_dataset.value_or("");
  if (dataset.empty()) {
    for (const StoredRecord* stored : model.All(RecordKind::figure)) {
      const std::string& name = std::get<FigureRecord>(stored->record).dataset;
      if (name.rfind("kiel-r", 0) == 0 && name.size() > 14 &&
          name.compare(name.size() - 14, 14, "/data_explorer") == 0)
        dataset = name;
    }
  }
  if (source.empty() || !model.FindAs<SourceRecord>(source)) {
    return Status::NotFound("no Kiel main data in the ledger (import --format kiel-main-csv)");
  }
  if (dataset.empty()) {
    return Status::NotFound("no Kiel dashboard figures in the ledger (import --format kiel-dashboard)");
  }
  // (donor, type) -> (main data EUR, dashboard EUR).
  struct Pair {
    Decimal main, dashboard;
    std::size_t measures = 0;
    bool in_dashboard = false;
  };
  std::map<std::pair<std::string, int>, Pair> pairs;
  for (std::uint32_t number = 0; number < model.measures().size(); ++number) {
    const MeasureRecord& measure = model.Measure(number);
    if (measure.status < MeasureStatus::allocated || measure.status == MeasureStatus::cancelled) continue;
    if (measure.evidence.empty() || measure.evidence[0].source != source) continue;
    if (!measure.value || measure.value->currency != Currency::Eur()) continue;
    Pair& pair = pairs[{measure.donor, static_cast<int>(measure.type)}];
    RAMSTEIN_ASSIGN_OR_RETURN(pair.main, Exactly(pair.main, Decimal{measure.value->minor, 2}, +1, "a main data sum"));
    ++pair.measures;
  }
  for (const StoredRecord* stored : model.All(RecordKind::figure)) {
    const auto& figure = std::get<FigureRecord>(stored->record);
    if (figure.dataset != dataset || !figure.subject) continue;
    for (const FigureValue& value : figure.values) {
      for (std::size_t type = 0; type < kAidTypeNames.size(); ++type) {
        if (value.name != kAidTypeNames[type]) continue;
        auto eur = BillionsToEur(value.value);
        if (!eur) continue;  // checked when appended
        Pair& pair = pairs[{*figure.subject, static_cast<int>(type)}];
        RAMSTEIN_ASSIGN_OR_RETURN(pair.dashboard, Exactly(pair.dashboard, *eur, +1, "a dashboard sum"));
        pair.in_dashboard = true;
      }
    }
  }
  Table table;
  table.title = "Kiel main data (" + source + ") against dashboard figures (" + dataset + ")";
  table.AddColumns({{"donor", Column::Type::text},
                    {"name", Column::Type::text},
                    {"type", Column::Type::text},
                    {"main_data_measures", Column::Type::integer},
                    {"main_data_eur", Column::Type::amount},
                    {"dashboard_eur", Column::Type::amount},
                    {"difference_eur", Column::Type::amount}});
  std::array<Pair, 3> totals{};
  for (const auto& [key, pair] : pairs) {
    auto& row = table.AddRow();
    row[0] = key.first;
    row[1] = Label(model, key.first);
    row[2] = std::string(kAidTypeNames[static_cast<std::size_t>(key.second)]);
    row[3] = std::to_string(pair.measures);
    row[4] = DecimalRounded(pair.main, 2);
    row[5] = pair.in_dashboard ? DecimalRounded(pair.dashboard, 2) : "";
    RAMSTEIN_ASSIGN_OR_RETURN(Decimal difference, Exactly(pair.dashboard, pair.main, -1, "a difference"));
    row[6] = DecimalRounded(difference, 2);
    Pair& total = totals[static_cast<std::size_t>(key.second)];
    RAMSTEIN_ASSIGN_OR_RETURN(total.main, Exactly(total.main, pair.main, +1, "a main data total"));
    RAMSTEIN_ASSIGN_OR_RETURN(total.dashboard, Exactly(total.dashboard, pair.dashboard, +1, "a dashboard total"));
    total.measures += pair.measures;
  }
  for (std::size_t type = 0; type < totals.size(); ++type) {
    auto& row = table.AddRow();
    row[0] = "ALL";
    row[1] = "all donors";
    row[2] = std::string(kAidTypeNames[type]);
    row[3] = std::to_string(totals[type].measures);
    row[4] = DecimalRounded(totals[type].main, 2);
    row[5] = DecimalRounded(totals[type].dashboard, 2);
    RAMSTEIN_ASSIGN_OR_RETURN(Decimal difference,
                              Exactly(totals[type].dashboard, totals[type].main, -1, "a difference of totals"));
    row[6] = DecimalRounded(difference, 2);
  }
  return table;
}

}  // namespace ramstein
