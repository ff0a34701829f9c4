#include "io/kiel_main/kiel_main_csv.h"

#include <map>

#include "base/currency.h"
#include "base/decimal.h"
#include "base/limits.h"
#include "io/csv/csv_reader.h"
#include "io/kiel_main/kiel_columns.h"
#include "ledger/record_codec.h"

namespace ramstein {

namespace {

constexpr std::size_t kErrorsMax = 50;

// Rounds a published EUR amount ("23417159.978473667") to cents.
std::optional<std::int64_t> EurCents(std::string_view text) {
  auto value = ParseDecimal(text);
  if (!value || value->units < 0) return std::nullopt;
  return ParseDecimalMinor(DecimalRounded(*value, 2), 2, limits::money_minor_max);
}

}  // namespace

DatasetBatch ParseKielMainCsv(const std::vector<InputFile>& files, const Catalog& catalog) {
  DatasetBatch batch;
  auto error = [&](const std::string& message) {
    if (batch.errors.size() < kErrorsMax) batch.errors.push_back(message);
  };
  for (std::size_t index = 0; index < files.size(); ++index) {
    const InputFile& file = files[index];
    CsvReader reader(file.text);
    CsvRow row;
    if (!reader.Next(&row)) {
      error(file.name + ":1: " + (reader.error().empty() ? "the file is empty" : reader.error()));
      continue;
    }
    auto columns = MapKielColumns(row.fields);
    if (!columns.ok()) {
      error(file.name + ":1: " + columns.status().message());
      continue;
    }
    SourceRecord source = FileSource(
        "kiel-main", file.text,
        {"Kiel Institute for the World Economy",
         "Ukraine Support Tracker main data (bilateral activities): " +
             std::string(BaseName(file.name)),
         std::nullopt, std::nullopt});
    RowQuoter quoter(file.text, source.id);
    batch.Add(std::move(source), index, 0);
    std::map<std::string, int> seen;
    std::size_t header_fields = row.fields.size();
    while (reader.Next(&row)) {
      if (row.fields.size() == 1 && row.fields[0].empty()) continue;
      ++batch.rows_read;
      std::string where = file.name + ":" + std::to_string(row.number);
      if (row.fields.size() != header_fields) {
        error(where + ": has " + std::to_string(row.fields.size()) + " fields, the header " +
              std::to_string(header_fields));
        continue;
      }
      auto cell = [&](KielColumn column) -> std::string_view {
        int at = columns->at[static_cast<std::size_t>(column)];
        return at < 0 ? std::string_view() : row.fields[static_cast<std::size_t>(at)];
      };
      auto cell_error = [&](KielColumn column, const std::string& message) {
        int at = columns->at[static_cast<std::size_t>(column)];
        error(where + ": column '" + std::string(columns->names[static_cast<std::size_t>(at)]) +
              "': '" + std::string(cell(column).substr(0, 60)) + "' " + message);
      };
      MeasureRecord measure;
      measure.recipient = "UKR";
      std::string_view donor_name = TrimKiel(cell(KielColumn::donor));
      auto donor = KielDonor(catalog, donor_name);
      if (!donor) {
        cell_error(KielColumn::donor, "is no actor of the catalogue");
        continue;
      }
      measure.donor = *donor;
      auto type = KielAidType(cell(KielColumn::aid_type));
      if (!type) {
        cell_error(KielColumn::aid_type, "is not Military, Financial or Humanitarian");
        continue;
      }
      measure.type = *type;
      std::string_view kind = TrimKiel(cell(KielColumn::measure));
      bool commitment = kind == "Commitment";
      if (!commitment && kind != "Allocation") {
        cell_error(KielColumn::measure, "is not Allocation or Commitment");
        continue;
      }
      measure.status = commitment ? MeasureStatus::committed : MeasureStatus::allocated;
      KielColumn value_column = commitment ? KielColumn::value_activity : KielColumn::value_redistributed;
      if (columns->at[static_cast<std::size_t>(value_column)] < 0) value_column = KielColumn::value;
      std::string_view amount = TrimKiel(cell(value_column));
      auto cents = EurCents(amount);
      if (!cents && !amount.empty() && amount[0] == '-' && EurCents(amount.substr(1))) {
        // A downward adjustment: the ledger's amounts are never negative, so
        // the row is kept with its amount in a note and listed for review.
        measure.note = "a downward adjustment of EUR " + std::string(amount) +
                       " in the Kiel data; not counted in Ramstein's sums";
        batch.review.push_back(where + ": negative amount EUR " + std::string(amount) +
                               " kept as a note, not summed");
      } else if (!cents) {
        cell_error(value_column, "is not an amount in EUR");
        continue;
      } else {
        measure.value = Money{*cents, Currency::Eur()};
      }
      auto announced = KielAnnounced(cell(KielColumn::date), cell(KielColumn::month_number),
                                     cell(KielColumn::month_exists));
      if (!announced.ok()) {
        cell_error(KielColumn::date, announced.status().message());
        continue;
      }
      measure.announced = *announced;
      measure.title = std::string(donor_name) + ": " + std::string(kAidTypeNames[static_cast<std::size_t>(*type)]) +
                      " " + (commitment ? "commitment" : "allocation") + " (Kiel main data)";
      std::string_view text(file.text.data() + row.begin_byte, row.end_byte - row.begin_byte);
      measure.id = "measure:kiel-main/" + Sha256Hex(text).substr(0, 16);
      if (int repeat = ++seen[measure.id]; repeat > 1) measure.id += "-" + std::to_string(repeat);
      measure.evidence.push_back(quoter.Quote(row.begin_byte, row.end_byte));
      batch.Add(std::move(measure), index, row.number);
    }
    if (!reader.error().empty()) error(file.name + ":" + std::to_string(row.number) + ": " + reader.error());
  }
  return batch;
}

}  // namespace ramstein
