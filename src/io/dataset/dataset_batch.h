// What a dataset importer (io/kiel_dashboard, io/ukraine_aid_tracker, ...)
// makes of a publisher's files: the ledger records they imply, each with the
// file row it came from, and the rows it could not read. Importers are pure:
// they get the files' text and return a batch; io/dataset_import.h commits
// it all or nothing, and idempotently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>

#include <absl/container/flat_hash_map.h>
#include <vector>

#include "base/date.h"
#include "ledger/records.h"

namespace ramstein {

// A file given to an importer: the name it is reported by, and its bytes.
struct InputFile {
  std::string name;
  std::string text;
};

// Errors listed before an importer stops listing (it still rejects the batch).
inline constexpr std::size_t dataset_errors_max = 50;

struct DatasetBatch {
  std::size_t rows_read = 0;
  std::vector<Record> records;
  // Per record: the file (index into the importer's input) and 1-based row
  // it came from; row 0 for records about the whole file (its source).
  struct Origin {
    std::size_t file = 0;
    std::size_t row = 0;
  };
  std::vector<Origin> origins;
  // "FILE:ROW: what is wrong"; any error rejects the whole batch.
  std::vector<std::string> errors;
  // "FILE:ROW: ..." names the catalogue did not know, kept as unreviewed
  // records for a person to map (never dropped); not errors.
  std::vector<std::string> review;

  // Adds an error ("FILE:ROW: what is wrong"), up to dataset_errors_max.
  void Error(std::string message) {
    if (errors.size() < dataset_errors_max) errors.push_back(std::move(message));
  }

  void Add(Record record, std::size_t file, std::size_t row) {
    records.push_back(std::move(record));
    origins.push_back({file, row});
  }
  // Add() unless a record of this id was added by AddOnce before (records
  // many rows share: an unreviewed item, a cited web page). Returns whether
  // it was added; when it was, `review_line` (if any) joins `review`.
  bool AddOnce(Record record, std::size_t file, std::size_t row, std::string review_line = {});

  // Evidence citing the web page at `url` (WebPageSource), whose record is
  // added once: the first row citing it is its origin.
  Evidence CitePage(std::string_view url, std::size_t file, std::size_t row);

  // Appends what `part` read (the same importer's batch of the rows that
  // follow, read on another thread) as if read here: its rows, its errors up
  // to the cap, its review lines and records in order, except records added
  // once that this batch already holds, and their review lines.
  void Append(DatasetBatch part);

 private:
  // Ids added by AddOnce -> their review line's index, or SIZE_MAX.
  absl::flat_hash_map<std::string, std::size_t> shared_;
  // Pages cited so far: URL -> source id (a cache; shared_ decides).
  absl::flat_hash_map<std::string, std::string> page_ids_;
};

// What an importer may look up in the ledger it imports into. Implemented
// over the model by io/dataset_import; importers stay free of the ledger.
class Catalog {
 public:
  virtual ~Catalog() = default;
  // The actor id with this ISO 3166-1 alpha-2 code (any case), if any.
  virtual std::optional<std::string> ActorByAlpha2(std::string_view alpha2) const = 0;
  // The actor id with this name (any case), if any.
  virtual std::optional<std::string> ActorByName(std::string_view name) const = 0;
  // The item with this id, name or alias (any case), latest version; null
  // when there is none.
  virtual const ItemRecord* Item(std::string_view name) const = 0;
};

// The item for a system a source names: the catalogue's, else an unreviewed
// item "item:unreviewed/<slug of name>" created in the batch (once) with the
// source's name and category and listed in batch->review. When the ledger
// already has that id for another name of the same slug, the id ends in
// "-" and 8 hex digits of the name's ContentKey. Names of one slug in one
// batch share the first one's item. `where` is
// "FILE:ROW" for the review list.
std::string ResolveItem(const Catalog& catalog, std::string_view name, std::string_view category,
                        const std::string& where, std::size_t file, std::size_t row,
                        DatasetBatch* batch);

// The source record of a web page a dataset cites, which Ramstein does not
// hold: id "src:url-" + 12 hex digits of the URL's SHA-256, publisher its
// host, title the URL. Cite it with CitationOf (an evidence without quote).
SourceRecord WebPageSource(std::string_view url);
Evidence CitationOf(const SourceRecord& source);

// The file name after the last '/', by which importers recognise files.
inline std::string_view BaseName(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Makes ids unique within a file: the first use of `id` keeps it, the
// second becomes "id-2", and so on (identical rows of a publisher's table).
class UniqueIds {
 public:
  // Room for `ids` without regrowing (rehashing every id taken so far).
  void Reserve(std::size_t ids) { counts_.reserve(ids); }

  // `id` itself the first time, then `id` + "-2", "-3", ...
  std::string Take(std::string id);

 private:
  // The ids taken, copied into one arena (a million rows make a million
  // ids: one allocation each would cost more than the rest of the row).
  std::pmr::monotonic_buffer_resource arena_;
  absl::flat_hash_map<std::string_view, int> counts_;
};

// Makes the ids unique as one UniqueIds taking them in order would, on up
// to `threads` threads (each takes the ids of one share of the hash values,
// so repeats of an id meet on one thread, in order).
void TakeUniqueIds(const std::vector<std::string*>& ids, std::size_t threads);

// 16 hex digits of a BLAKE2b-64 of `text`: a row's id when its publisher
// gives none (content-keyed, so re-importing a file finds its rows again).
std::string ContentKey(std::string_view text);

// Lower case, runs of anything but ASCII letters and digits as one '-'.
std::string Slug(std::string_view text);

// Told how many bytes of an importer's input it has read so far (over all
// its files), for a progress bar; may be empty.
using ParseProgress = std::function<void(std::uint64_t bytes_done)>;

// Who published a file; becomes the file's source record.
struct FileProvenance {
  std::string publisher;
  std::string title;
  std::optional<std::string> url;
  std::optional<Date> published;
};

// The source record of a whole file: id "src:" + stem + "-" + the first 12
// hex digits of the text's SHA-256 (so a changed file is a new source, and
// the same file the same one). Holds the text when it is at most
// limits::source_document_bytes_max and `holds_text` (false for binary
// files such as XLSX, which are cited whole); other files are kept by hash
// only, and quotes from them cannot be checked.
SourceRecord FileSource(std::string_view stem, std::string_view text,
                        const FileProvenance& provenance, bool holds_text = true);

// Evidence quoting a file row by row. Quotes must be requested in
// increasing byte order: code-point offsets are counted incrementally, so
// quoting every row of a file reads it once.
class RowQuoter {
 public:
  // `text` must outlive the quoter.
  RowQuoter(std::string_view text, std::string source_id);

  // Evidence for bytes [begin_byte, end_byte) of the text.
  // REQUIRES: begin_byte >= the end_byte of the previous call.
  Evidence Quote(std::size_t begin_byte, std::size_t end_byte);

 private:
  std::int64_t CodePointsTo(std::size_t byte);

  std::string_view text_;
  std::string source_id_;
  std::size_t counted_byte_ = 0;
  std::int64_t counted_code_points_ = 0;
};

}  // namespace ramstein
