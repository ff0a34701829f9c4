#include "io/export/ledger_export.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>

#include "render/table_format.h"
#include "ledger/record_codec.h"
#include "query/labels.h"
#include "query/reports.h"

namespace ramstein {

std::string ExportJsonLines(const Model& model, const std::vector<std::string>& withhold) {
  std::string out;
  // Records in order of first appearance: walk every stored version and
  // write the latest version of an id the first time the id is seen.
  absl::flat_hash_map<std::string, bool> written;
  for (const StoredRecord& stored : model.records()) {
    const std::string& id = CommonOf(stored.record).id;
    if (!written.emplace(id, true).second) continue;
    Record latest = model.Find(id)->record;
    if (std::holds_alternative<MigrationRecord>(latest)) continue;
    const auto& classification = CommonOf(latest).classification;
    if (classification && std::find(withhold.begin(), withhold.end(), *classification) != withhold.end()) continue;
    std::visit([](auto& r) { r.correction.reset(); }, latest);
    out += EncodeInputRecord(latest);
    out += '\n';
  }
  return out;
}

KielCsvExport ExportKielCsv(const Model& model, const std::optional<std::string>& source) {
  KielCsvExport result;
  result.csv =
      "id,donor,announcement_date,aid_type_general,measure,tot_sub_activity_value_EUR,"
      "tot_sub_activity_value_EUR_redistr,tot_activity_value_EUR\n";
  const LineTable& lines = model.lines();
  for (std::uint32_t number = 0; number < model.measures().size(); ++number) {
    const MeasureState& state = model.measures()[number];
    const MeasureRecord& measure = model.Measure(number);
    if (source && (measure.evidence.empty() || measure.evidence[0].source != *source)) continue;
    bool allocation = measure.status >= MeasureStatus::allocated && measure.status <= MeasureStatus::delivered;
    bool commitment = measure.status == MeasureStatus::announced || measure.status == MeasureStatus::committed;
    // The measure's EUR value: the sum of its rows (lines and remainder).
    std::int64_t eur_cents = 0;
    bool converted = true, any_value = false;
    // A stated value of 0 is a value (Kiel has such rows); no value is none.
    any_value = measure.value.has_value() ||
                std::any_of(measure.lines.begin(), measure.lines.end(), [](const LineItem& l) { return l.value.has_value(); });
    auto add = [&](std::uint32_t row) {
      if (row == UINT32_MAX || lines.value_minor[row] == 0) return;
      if (lines.converted[row]) {  // EUR rows always are, dated or not
        eur_cents += lines.value_eur_cents[row];
      } else {
        converted = false;
      }
    };
    for (std::uint32_t row = state.first_row; row < state.first_row + state.line_count; ++row) add(row);
    add(state.remainder_row);
    if ((!allocation && !commitment) || !any_value || !converted) {
      ++result.left_out;
      continue;
    }
    const auto* donor = model.FindAs<ActorRecord>(measure.donor);
    std::string value = FormatMinor(eur_cents, 2, false);
    result.csv += CsvField(measure.id) + "," + CsvField(donor ? donor->name : measure.donor) + "," +
                  (measure.announced ? measure.announced->ToString() : "") + "," +
                  std::string(kAidTypeNames[static_cast<std::size_t>(measure.type)]) + "," +
                  (allocation ? "Allocation," + value + "," + value + ",0.00\n"
                              : "Commitment,0.00,0.00," + value + "\n");
    ++result.measures;
  }
  return result;
}

std::vector<Table> ExportSheets(const Model& model, std::int32_t today_day) {
  std::vector<Table> sheets;
  sheets.push_back(DonorTotalsReport(model));
  sheets.push_back(DonorsReport(model));
  if (auto monthly = MonthlyReport(model); monthly.ok()) sheets.push_back(*monthly);
  sheets.push_back(HoldsReport(model, today_day));
  sheets.push_back(MeetingsReport(model));
  sheets.push_back(AuthoritiesReport(model, today_day));
  if (auto items = ItemsReport(model, {}); items.ok()) sheets.push_back(*items);
  sheets.push_back(DatasetsReport(model));
  if (auto reconcile = ReconcileReport(model, {}); reconcile.ok()) sheets.push_back(*reconcile);
  Table sources;
  sources.title = "Sources";
  sources.AddColumns({{"id"}, {"publisher"}, {"title"}, {"published"}, {"url"}, {"sha256"}});
  for (const StoredRecord* stored : model.All(RecordKind::source)) {
    const auto& source = std::get<SourceRecord>(stored->record);
    sources.rows.push_back({source.id, source.publisher, source.title,
                            source.published ? source.published->ToString() : "", source.url.value_or(""),
                            source.sha256});
  }
  sheets.push_back(std::move(sources));
  return sheets;
}

}  // namespace ramstein
