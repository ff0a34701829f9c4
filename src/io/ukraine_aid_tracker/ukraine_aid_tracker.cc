#include "io/ukraine_aid_tracker/ukraine_aid_tracker.h"

#include <simdjson.h>

#include <map>

#include "base/currency.h"
#include "io/ukraine_aid_tracker/json_rows.h"
#include "io/ukraine_aid_tracker/us_packages.h"

namespace ramstein {

namespace {

constexpr std::string_view kPublisher = "UkraineAidTracker (protect-ukraine-now)";
// "the USD 34,025,000,000.00" style, for titles and claims.
std::string Usd(WideSum cents) { return "USD " + FormatMinor(cents, 2, true); }

void ImportMoney(const InputFile& file, std::size_t index, DatasetBatch* batch) {
  auto rows = ParseUsPackages(file.text, file.name);
  if (!rows.ok()) {
    batch->Error(rows.status().message());
    return;
  }
  batch->rows_read += rows->size();
  SourceRecord source = FileSource("uat-money", file.text,
                                   {std::string(kPublisher),
                                    "UkraineAidTracker: US assistance packages (money.json)",
                                    std::nullopt, std::nullopt});
  RowQuoter quoter(file.text, source.id);
  std::string source_id = source.id;
  batch->Add(std::move(source), index, 0);
  struct Kind {
    std::optional<std::int64_t> UsPackageRow::*cents;
    const char* key;
    Instrument instrument;
    const char* title;
  };
  const Kind kinds[] = {
      {&UsPackageRow::pda_usd_cents, "pda", Instrument::stockpile_drawdown,
       "US presidential drawdown package"},
      {&UsPackageRow::usai_usd_cents, "usai", Instrument::procurement_contract,
       "US Ukraine Security Assistance Initiative funding"},
      {&UsPackageRow::fmf_usd_cents, "fmf", Instrument::unspecified,
       "US Foreign Military Financing"},
  };
  ClaimRecord claim;
  claim.id = "claim:uat/usa-pda-packages";
  claim.subject = "authority:usa-pda";
  claim.attribute = "packages_approved";
  std::int64_t packages = 0;
  WideSum total_cents = 0;  // a total over rows: wide
  UniqueIds seen;
  for (const UsPackageRow& row : *rows) {
    Evidence evidence = quoter.Quote(row.begin_byte, row.end_byte);
    for (const Kind& kind : kinds) {
      const auto& cents = row.*kind.cents;
      if (!cents || *cents == 0) continue;
      MeasureRecord measure;
      measure.id = "measure:uat/usa-" + std::string(kind.key) + "-" + row.date.ToString();
      measure.id = seen.Take(std::move(measure.id));
      measure.donor = "USA";
      measure.recipient = "UKR";
      measure.announced = row.date;
      measure.type = AidType::military;
      measure.instrument = kind.instrument;
      measure.status = MeasureStatus::committed;
      measure.value = Money{*cents, *Currency::FromCode("USD")};
      measure.title = std::string(kind.title) + ", " + row.date.ToString() + " (" + Usd(*cents) + ")";
      if (!row.release_url.empty()) measure.note = "DoD release: " + row.release_url;
      measure.evidence.push_back(evidence);
      if (kind.key == std::string_view("pda")) {
        ++packages;
        total_cents += *cents;
        claim.evidence.push_back(evidence);
      }
      batch->Add(std::move(measure), index, row.row);
    }
  }
  if (packages == 0) return;
  claim.number = packages;
  claim.date = rows->back().date;
  claim.value = std::to_string(packages) + " drawdown packages worth " + Usd(total_cents) +
                " listed from " + rows->front().date.ToString() + " to " +
                rows->back().date.ToString() + " (UkraineAidTracker)";
  claim.note = "counted by Ramstein: the rows of money.json with a PDA amount, each quoted";
  batch->Add(std::move(claim), index, 0);
}

void ImportCommits(const InputFile& file, std::size_t index, const Catalog& catalog,
                   DatasetBatch* batch) {
  simdjson::padded_string padded(file.text);
  simdjson::dom::parser parser;
  simdjson::dom::array rows;
  if (parser.parse(padded).get_array().get(rows) != simdjson::SUCCESS) {
    batch->Error(file.name + ":1: not a JSON array of rows");
    return;
  }
  auto ranges = JsonRowRanges(padded, 6);
  if (ranges.size() != rows.size()) {
    batch->Error(file.name + ":1: not a JSON array of rows");
    return;
  }
  SourceRecord source = FileSource("uat-commits", file.text,
                                   {std::string(kPublisher),
                                    "UkraineAidTracker: heavy-weapon commitments (commits.json)",
                                    std::nullopt, std::nullopt});
  RowQuoter quoter(file.text, source.id);
  batch->Add(std::move(source), index, 0);
  UniqueIds seen;
  std::size_t position = 0;
  for (simdjson::dom::element element : rows) {
    ++position;
    ++batch->rows_read;
    std::string where = file.name + ":" + std::to_string(position);
    simdjson::dom::array fields;
    std::string_view date_text, donor_code, category, model, url;
    std::int64_t quantity = 0;
    if (element.get_array().get(fields) != simdjson::SUCCESS || fields.size() != 6) {
      batch->Error(where + ": not an array of 6 fields [date, donor, category, model, quantity, URL]");
      continue;
    }
    // The URL may be null: a commitment the tracker gives no link for.
    bool url_ok = fields.at(5).is_null() || !fields.at(5).get_string().get(url);
    if (fields.at(0).get_string().get(date_text) || fields.at(1).get_string().get(donor_code) ||
        fields.at(2).get_string().get(category) || fields.at(3).get_string().get(model) ||
        fields.at(4).get_int64().get(quantity) || !url_ok) {
      batch->Error(where + ": fields must be 4 strings, a whole number and a URL string or null");
      continue;
    }
    auto date = Date::Parse(date_text);
    auto donor = catalog.ActorByAlpha2(donor_code);
    if (!date) batch->Error(where + ": field 0 (date): '" + std::string(date_text) + "' is not a date");
    if (!donor)
      batch->Error(where + ": field 1 (donor): '" + std::string(donor_code) +
                       "' is no country's ISO alpha-2 code in the catalogue");
    if (quantity <= 0) batch->Error(where + ": field 4 (quantity): must be positive");
    if (!date || !donor || quantity <= 0 || model.empty()) continue;
    MeasureRecord measure;
    measure.id = "measure:uat/commit-" + date->ToString() + "-" + *donor + "-" + Slug(model);
    measure.id = seen.Take(std::move(measure.id));
    measure.donor = *donor;
    measure.recipient = "UKR";
    measure.announced = *date;
    measure.type = AidType::military;
    measure.status = MeasureStatus::committed;
    measure.title = std::to_string(quantity) + " " + std::string(model) + " (" +
                    std::string(category) + ")";
    LineItem line;
    line.item = ResolveItem(catalog, model, category, where, index, position, batch);
    line.quantity = quantity;
    if (!line.item.starts_with(kUnreviewedItemPrefix)) line.note = std::string(model);
    measure.lines.push_back(std::move(line));
    auto [begin, end] = ranges[position - 1];
    measure.evidence.push_back(quoter.Quote(begin, end));
    if (!url.empty()) {
      measure.evidence.push_back(batch->CitePage(url, index, position));
    }
    batch->Add(std::move(measure), index, position);
  }
}

}  // namespace

DatasetBatch ParseUkraineAidTracker(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress&) {
  DatasetBatch batch;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string_view base = BaseName(files[i].name);
    if (base == "money.json") {
      ImportMoney(files[i], i, &batch);
    } else if (base == "commits.json") {
      ImportCommits(files[i], i, catalog, &batch);
    } else if (base != "countries.json" && base != "README.md") {
      batch.Error(files[i].name + ":1: not a UkraineAidTracker file (money.json, commits.json)");
    }
  }
  return batch;
}

}  // namespace ramstein
