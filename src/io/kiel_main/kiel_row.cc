#include "io/kiel_main/kiel_row.h"

#include <charconv>

#include "base/currency.h"
#include "base/decimal.h"
#include "base/limits.h"
#include "io/xlsx/xlsx_reader.h"
#include "ledger/record_codec.h"

namespace ramstein {

namespace {

// Rounds a published EUR amount ("23417159.978473667", "2.1E+7") to cents.
std::optional<std::int64_t> EurCents(std::string_view text) {
  std::optional<Decimal> value = ParseDecimal(text);
  if (!value && text.find_first_of("eE") != std::string_view::npos) {
    if (auto plain = ExcelNumberText(text)) value = ParseDecimal(*plain);
  }
  if (!value || value->units < 0) return std::nullopt;
  auto cents = DecimalToMinor(*value, 2);
  if (!cents || *cents > limits::money_minor_max) return std::nullopt;
  return cents;
}

std::optional<std::int64_t> Units(std::string_view text) {
  std::int64_t units = 0;
  text = TrimKiel(text);
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), units);
  if (error != std::errc() || end != text.data() + text.size() || units < 0 || units > limits::quantity_max)
    return std::nullopt;
  return units;
}

// Kiel's ids as record id characters: anything else becomes '_'.
std::string IdPart(std::string_view id) {
  std::string out;
  for (char c : TrimKiel(id)) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-';
    out.push_back(ok ? c : '_');
  }
  return out.substr(0, 120);
}

}  // namespace

bool AddKielRow(KielRow row, const Catalog& catalog, UniqueIds* seen, DatasetBatch* batch) {
  auto cell = [&](KielColumn column) -> std::string_view {
    int at = row.columns->at[static_cast<std::size_t>(column)];
    return at < 0 || static_cast<std::size_t>(at) >= row.fields->size()
               ? std::string_view()
               : (*row.fields)[static_cast<std::size_t>(at)];
  };
  auto fail = [&](KielColumn column, const std::string& message) {
    int at = row.columns->at[static_cast<std::size_t>(column)];
    batch->Error(row.Where() + ": column '" + row.columns->names[static_cast<std::size_t>(at)] + "': '" +
                 std::string(cell(column).substr(0, 60)) + "' " + message);
    return false;
  };
  MeasureRecord measure;
  measure.recipient = "UKR";
  std::string_view donor_name = TrimKiel(cell(KielColumn::donor));
  auto donor = KielDonor(catalog, donor_name);
  if (!donor) return fail(KielColumn::donor, "is no actor of the catalogue");
  measure.donor = *donor;
  auto type = KielAidType(cell(KielColumn::aid_type));
  if (!type) return fail(KielColumn::aid_type, "is not Military, Financial or Humanitarian");
  measure.type = *type;
  std::string_view kind = TrimKiel(cell(KielColumn::measure));
  bool commitment = kind == "Commitment";
  if (!commitment && kind != "Allocation") return fail(KielColumn::measure, "is not Allocation or Commitment");
  measure.status = commitment ? MeasureStatus::committed : MeasureStatus::allocated;
  KielColumn value_column = commitment ? KielColumn::value_activity : KielColumn::value_redistributed;
  if (row.columns->at[static_cast<std::size_t>(value_column)] < 0) value_column = KielColumn::value;
  std::string_view amount = TrimKiel(cell(value_column));
  std::vector<std::string> notes;
  if (!KielMissing(amount)) {
    auto cents = EurCents(amount);
    if (!cents && amount[0] == '-' && EurCents(amount.substr(1))) {
      // A downward adjustment: the ledger's amounts are never negative, so
      // the row is kept with its amount in a note and listed for review.
      notes.push_back("a downward adjustment of EUR " + std::string(amount) +
                      " in the Kiel data; not counted in Ramstein's sums");
      batch->review.push_back(row.Where() + ": negative amount EUR " + std::string(amount) +
                              " kept as a note, not summed");
    } else if (!cents) {
      return fail(value_column, "is not an amount in EUR");
    } else {
      measure.value = Money{*cents, Currency::Eur()};
    }
  }
  auto announced = KielAnnounced(cell(KielColumn::date), cell(KielColumn::month_number),
                                 cell(KielColumn::month_exists));
  if (!announced.ok()) return fail(KielColumn::date, announced.status().message());
  measure.announced = announced->date;
  if (!announced->note.empty()) notes.push_back(announced->note);
  if (!KielMissing(cell(KielColumn::items))) {
    std::string_view name = TrimKiel(cell(KielColumn::items));
    LineItem line;
    line.item = ResolveItem(catalog, name, TrimKiel(cell(KielColumn::item_type)), row.Where(), row.file,
                            row.row, batch);
    line.quantity = Units(cell(KielColumn::units));
    std::vector<std::string> line_notes;
    if (!line.quantity && !KielMissing(cell(KielColumn::units)))
      line_notes.push_back("units: " + std::string(TrimKiel(cell(KielColumn::units))));
    if (!KielMissing(cell(KielColumn::units_delivered)))
      line_notes.push_back("delivered (Kiel, no date): " + std::string(TrimKiel(cell(KielColumn::units_delivered))));
    for (const auto& text : line_notes) line.note = line.note ? *line.note + "; " + text : text;
    measure.lines.push_back(std::move(line));
  }
  std::string_view type_name = kAidTypeNames[static_cast<std::size_t>(*type)];
  std::string_view kind_name = commitment ? "commitment" : "allocation";
  constexpr std::string_view kTitleEnd = " (Kiel main data)";
  measure.title.reserve(donor_name.size() + type_name.size() + kind_name.size() + kTitleEnd.size() + 3);
  measure.title.append(donor_name).append(": ").append(type_name).append(" ").append(kind_name).append(kTitleEnd);
  std::string key = !KielMissing(cell(KielColumn::id)) ? IdPart(cell(KielColumn::id))
                                                        : ContentKey(row.content);
  measure.id = "measure:kiel-main/" + key;
  if (seen) measure.id = seen->Take(std::move(measure.id));
  measure.evidence.push_back(std::move(row.evidence));
  for (KielColumn column : {KielColumn::source_1, KielColumn::source_2, KielColumn::source_3, KielColumn::source_4}) {
    std::string_view url = TrimKiel(cell(column));
    if (KielMissing(url) || url.size() > 2000) continue;
    measure.evidence.push_back(batch->CitePage(url, row.file, row.row));
  }
  for (const auto& note : notes) measure.note = measure.note ? *measure.note + "; " + note : note;
  batch->Add(std::move(measure), row.file, row.row);
  return true;
}

void MakeKielIdsUnique(DatasetBatch* batch, std::size_t first, std::size_t threads) {
  std::vector<std::string*> ids;
  ids.reserve(batch->records.size() - first);
  for (std::size_t i = first; i < batch->records.size(); ++i) {
    if (auto* measure = std::get_if<MeasureRecord>(&batch->records[i])) ids.push_back(&measure->id);
  }
  TakeUniqueIds(ids, threads);
}

}  // namespace ramstein
