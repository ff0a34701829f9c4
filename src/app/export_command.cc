// `ramstein export`: the ledger as JSON Lines, as Kiel main data CSV, or as
// an XLSX workbook of the reports (io/export).
#include <cstdio>
#include <fstream>

#include <algorithm>

#include "app/commands.h"
#include "db/extract.h"
#include "base/did_you_mean.h"
#include "io/export/ledger_export.h"
#include "render/xlsx_writer.h"

namespace ramstein {

namespace {

int Write(const std::string& text, const std::string& out_path) {
  if (out_path.empty() || out_path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) return Fail(Status::IoError("cannot write '" + out_path + "'"));
  return kExitOk;
}

// The verifiable extract: the ledger verified first, then written line by
// line, whole or not at all (a new file renamed into place).
int ExportEvents(AppContext& context, const std::vector<std::string>& withhold, const std::string& out_path) {
  Status loaded = context.LoadRates();
  if (!loaded.ok()) return Fail(loaded);
  auto store = SqliteEventStore::Open(context.db_path, SqliteEventStore::Mode::read_only);
  if (!store.ok()) return Fail(store.status());
  auto verified = LedgerDb::VerifyStore(**store, &context.rates);
  if (!verified.ok()) return Fail(Status::Corruption("the ledger does not verify: " + verified.status().message()));
  const bool to_stdout = out_path.empty() || out_path == "-";
  const std::string temporary = out_path + ".writing";
  std::ofstream file;
  if (!to_stdout) {
    file.open(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return Fail(Status::IoError("cannot write '" + temporary + "'"));
  }
  auto summary = WriteExtract(**store, withhold, [&](std::string_view line) {
    if (to_stdout) {
      return std::fwrite(line.data(), 1, line.size(), stdout) == line.size() ? Status::Ok()
                                                                             : Status::IoError("cannot write");
    }
    file.write(line.data(), static_cast<std::streamsize>(line.size()));
    return file ? Status::Ok() : Status::IoError("cannot write '" + temporary + "'");
  });
  if (!to_stdout) {
    file.close();
    if (!summary.ok() || !file || std::rename(temporary.c_str(), out_path.c_str()) != 0) {
      std::remove(temporary.c_str());
      return Fail(summary.ok() ? Status::IoError("cannot write '" + out_path + "'") : summary.status());
    }
  }
  if (!summary.ok()) return Fail(summary.status());
  std::uint64_t withheld = 0;
  std::string by_class;
  for (const auto& [classification, count] : summary->withheld) {
    withheld += count;
    by_class += (by_class.empty() ? " (" : ", ") + std::to_string(count) + " " + classification;
  }
  std::fprintf(stderr, "exported %llu events of ledger %s, %llu payloads withheld%s%s\n",
               static_cast<unsigned long long>(summary->events), summary->ledger.c_str(),
               static_cast<unsigned long long>(withheld), by_class.c_str(), by_class.empty() ? "" : ")");
  return kExitOk;
}

}  // namespace

int RunExport(AppContext& context, const std::string& format, const std::string& out_path,
              const std::string& source, const std::vector<std::string>& withhold) {
  for (const std::string& classification : withhold) {
    if (std::find(std::begin(kWithholdable), std::end(kWithholdable), classification) == std::end(kWithholdable)) {
      return Fail(Status::InvalidArgument("--redact-classification: '" + classification +
                                          "' is not coalition or restricted"));
    }
  }
  if (!withhold.empty() && format != "jsonl" && format != "events") {
    return Fail(Status::InvalidArgument("--redact-classification is for the jsonl and events formats"));
  }
  if (format == "events") return ExportEvents(context, withhold, out_path);
  Status opened = context.Open(SqliteEventStore::Mode::read_only);
  if (!opened.ok()) return Fail(opened);
  const Model& model = context.db->model();
  if (format == "jsonl") return Write(ExportJsonLines(model, withhold), out_path);
  if (format == "kiel-csv") {
    auto exported = ExportKielCsv(model, source.empty() ? std::nullopt : std::optional(source));
    std::fprintf(stderr, "exported %zu measures; %zu left out (no value, no EUR rate, or proposed/cancelled)\n",
                 exported.measures, exported.left_out);
    return Write(exported.csv, out_path);
  }
  if (format == "xlsx") {
    if (out_path.empty() || out_path == "-")
      return Fail(Status::InvalidArgument("--out FILE.xlsx is required for the xlsx format"));
    auto today = static_cast<std::int32_t>(context.clock.NowMs() / 86'400'000);
    auto sheets = ExportSheets(model, today);
    Status written = WriteXlsx(out_path, sheets);
    if (!written.ok()) return Fail(written);
    std::fprintf(stderr, "wrote %zu sheets to %s\n", sheets.size(), out_path.c_str());
    return kExitOk;
  }
  return Fail(Status::InvalidArgument("unknown export format '" + format + "'" +
                                      DidYouMean(format, {"jsonl", "events", "kiel-csv", "xlsx"}) +
                                      "; known: jsonl, events, kiel-csv, xlsx"));
}

}  // namespace ramstein
