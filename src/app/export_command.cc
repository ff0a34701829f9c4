// `ramstein export`: the ledger as JSON Lines, as Kiel main data CSV, or as
// an XLSX workbook of the reports (io/export).
#include <cstdio>
#include <fstream>

#include "app/commands.h"
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

}  // namespace

int RunExport(AppContext& context, const std::string& format, const std::string& out_path,
              const std::string& source) {
  Status opened = context.Open(SqliteEventStore::Mode::read_only);
  if (!opened.ok()) return Fail(opened);
  const Model& model = context.db->model();
  if (format == "jsonl") return Write(ExportJsonLines(model), out_path);
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
                                      DidYouMean(format, {"jsonl", "kiel-csv", "xlsx"}) + "; known: jsonl, kiel-csv, xlsx"));
}

}  // namespace ramstein
