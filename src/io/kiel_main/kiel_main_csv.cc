#include "io/kiel_main/kiel_main_csv.h"

#include <algorithm>
#include <thread>

#include "io/dataset/csv_table.h"
#include "io/kiel_main/kiel_columns.h"
#include "io/kiel_main/kiel_row.h"

namespace ramstein {

namespace {

constexpr std::size_t progress_rows = 16384;  // rows between progress reports
// Files from this size on are read by one thread per core.
constexpr std::size_t parallel_bytes_min = std::size_t{4} << 20;
constexpr std::size_t threads_max = 8;

// What every part of one file is read with.
struct FileContext {
  const KielColumns* columns;
  const Catalog* catalog;
  std::size_t file_index;
  std::string source_id;
};

// Reads the rows of `table` (one part of a file) into its batch. Progress,
// when asked for, is reported by the part read on the calling thread as if
// the other `parts` went at its pace. Returns whether reading stopped at
// malformed CSV.
bool ReadPart(CsvTable table, const CsvPart& part, const FileContext& context, DatasetBatch* batch,
              const ParseProgress& progress = {}, std::uint64_t bytes_before = 0, std::size_t parts = 1) {
  const InputFile& file = table.file();
  RowQuoter quoter(file.text, context.source_id);
  std::string where_prefix = file.name + ":";
  while (const CsvRow* row = table.Next()) {
    KielRow kiel_row;
    kiel_row.columns = context.columns;
    kiel_row.fields = &row->fields;
    kiel_row.where_prefix = where_prefix;
    kiel_row.file = context.file_index;
    kiel_row.row = row->number;
    kiel_row.evidence = quoter.Quote(row->begin_byte, row->end_byte);
    kiel_row.content = std::string_view(file.text.data() + row->begin_byte, row->end_byte - row->begin_byte);
    AddKielRow(std::move(kiel_row), *context.catalog, nullptr, batch);
    if (progress && batch->rows_read % progress_rows == 0) {
      progress(bytes_before +
               std::min<std::uint64_t>(file.text.size(), (row->end_byte - part.begin_byte) * parts));
    }
  }
  return table.malformed();
}

}  // namespace

DatasetBatch ParseKielMainCsv(const std::vector<InputFile>& files, const Catalog& catalog,
                          const ParseProgress& progress) {
  return ParseKielMainCsvOn(files, catalog, progress, 0);
}

DatasetBatch ParseKielMainCsvOn(const std::vector<InputFile>& files, const Catalog& catalog,
                                const ParseProgress& progress, std::size_t threads_asked) {
  DatasetBatch batch;
  std::uint64_t bytes_before = 0;  // of earlier files
  for (std::size_t index = 0; index < files.size(); ++index) {
    const InputFile& file = files[index];
    CsvTable table(file, &batch);
    if (!table.ReadHeader()) continue;
    auto columns = MapKielColumns(std::vector<std::string_view>(table.header().begin(), table.header().end()));
    if (!columns.ok()) {
      table.Error(1, std::string(columns.status().message()));
      continue;
    }
    SourceRecord source = FileSource(
        "kiel-main", file.text,
        {"Kiel Institute for the World Economy",
         "Ukraine Support Tracker main data (bilateral activities): " +
             std::string(BaseName(file.name)),
         std::nullopt, std::nullopt});
    FileContext context{&*columns, &catalog, index, source.id};
    batch.Add(std::move(source), index, 0);
    std::size_t first_row_record = batch.records.size();
    // One record a row: sized once, not regrown (and moved) a million times.
    std::size_t lines = static_cast<std::size_t>(std::count(file.text.begin(), file.text.end(), '\n'));
    batch.records.reserve(batch.records.size() + lines + 1);
    batch.origins.reserve(batch.origins.size() + lines + 1);
    // Large files: one part per core, the first read here, joined in order.
    std::size_t threads = threads_asked != 0                        ? threads_asked
                          : file.text.size() < parallel_bytes_min ? 1
                                                                  : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, threads_max);
    std::vector<CsvPart> parts = table.Parts(threads);
    std::vector<DatasetBatch> part_batches(parts.size() - 1);
    std::vector<char> malformed(parts.size());
    std::vector<std::thread> workers;
    for (std::size_t k = 1; k < parts.size(); ++k) {
      DatasetBatch* part_batch = &part_batches[k - 1];
      part_batch->records.reserve(lines / parts.size() + 1);
      workers.emplace_back([&, k, part_batch] {
        malformed[k] = ReadPart(table.Part(parts[k], part_batch), parts[k], context, part_batch);
      });
    }
    malformed[0] = ReadPart(table.Part(parts[0], &batch), parts[0], context, &batch, progress, bytes_before,
                            parts.size());
    for (std::thread& worker : workers) worker.join();
    // As one reader would: rows after malformed CSV are not read.
    for (std::size_t k = 1; k < parts.size() && !malformed[k - 1]; ++k) batch.Append(std::move(part_batches[k - 1]));
    MakeKielIdsUnique(&batch, first_row_record, threads);
    bytes_before += file.text.size();
    if (progress) progress(bytes_before);
  }
  return batch;
}

}  // namespace ramstein
