// ReleaseDiffReport: what changed between two frozen views (query/reports.h).
#include <map>
#include <tuple>

#include "query/labels.h"
#include "query/reports.h"

namespace ramstein {

namespace {

// (donor, type, period) -> EUR cents of the measures a release counts.
using Key = std::tuple<std::string, int, PeriodKey>;
struct Sums {
  std::map<Key, WideSum> eur_cents;  // wide: no sum wraps
  std::map<Key, bool> unconverted;
};

Sums SumsOf(const Model& model, MeasureStatus counted) {
  Sums sums;
  const LineTable& t = model.lines();
  for (std::uint32_t number = 0; number < model.measures().size(); ++number) {
    const MeasureRecord& measure = model.Measure(number);
    if (measure.status < counted || measure.status > MeasureStatus::delivered) continue;
    const MeasureState& state = model.measures()[number];
    Key key{measure.donor, static_cast<int>(measure.type), PeriodOf(measure.announced)};
    WideSum& cents = sums.eur_cents[key];
    auto add = [&](std::uint32_t row) {
      if (row == UINT32_MAX) return;
      if (t.converted[row]) {
        cents += t.value_eur_cents[row];  // EUR rows always are, dated or not
      } else if (t.value_minor[row] != 0) {
        sums.unconverted[key] = true;
      }
    };
    for (std::uint32_t row = state.first_row; row < state.first_row + state.line_count; ++row) add(row);
    add(state.remainder_row);
  }
  return sums;
}

}  // namespace

Table ReleaseDiffReport(const Model& before, const ReleaseRecord& a, const Model& after,
                        const ReleaseRecord& b) {
  Sums sa = SumsOf(before, a.counted), sb = SumsOf(after, b.counted);
  std::map<Key, std::pair<WideSum, WideSum>> rows;
  for (const auto& [key, cents] : sa.eur_cents) rows[key].first = cents;
  for (const auto& [key, cents] : sb.eur_cents) rows[key].second = cents;
  Table table;
  table.title = "Release " + a.name + " (event " + std::to_string(a.sequence) + ", counts " +
                std::string(kMeasureStatusNames[static_cast<std::size_t>(a.counted)]) + " and later) against " +
                b.name + " (event " + std::to_string(b.sequence) + ", counts " +
                std::string(kMeasureStatusNames[static_cast<std::size_t>(b.counted)]) + " and later)";
  table.AddColumns({{"donor"}, {"name"}, {"type"}, {"period"},
                    {a.name + "_eur", Column::Type::amount}, {b.name + "_eur", Column::Type::amount},
                    {"change_eur", Column::Type::amount}, {"note"}});
  for (const auto& [key, pair] : rows) {
    if (pair.first == pair.second && !sa.unconverted.count(key) && !sb.unconverted.count(key)) continue;
    auto& row = table.AddRow();
    const auto& [donor, type, period] = key;
    row[0] = donor;
    row[1] = Label(after, donor);
    row[2] = std::string(kAidTypeNames[static_cast<std::size_t>(type)]);
    row[3] = period.second;
    row[4] = FormatMinor(pair.first, 2, false);
    row[5] = FormatMinor(pair.second, 2, false);
    row[6] = FormatMinor(pair.second - pair.first, 2, false);
    if (sa.unconverted.count(key) || sb.unconverted.count(key)) row[7] = "excludes amounts without an ECB rate";
  }
  return table;
}

}  // namespace ramstein
