// The `ramstein` subcommands. Each returns a process exit code
// (app/app_context.h) and prints its result to stdout, errors to stderr.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "query/catalog.h"

namespace ramstein {

// `replace`: discard an existing file at the path first; `if_missing`: leave
// an existing one as it is and succeed; otherwise one is refused.
int RunInit(AppContext& context, bool bundled, bool trackers, bool replace, bool if_missing);
int RunImport(AppContext& context, const std::vector<std::string>& files, const std::string& format,
              bool dry_run);
int RunAdd(AppContext& context);
struct LogFilter {
  std::string type, since, until, actor;
  std::size_t limit = 0;  // 0 = all
};
int RunLog(AppContext& context, const LogFilter& filter);
int RunVerify(AppContext& context);
int RunMigrate(AppContext& context, const std::string& to_path);
// `snapshot`: writes a snapshot of the model at the ledger's head
// (db/ledger_snapshot.h); `snapshot --list`: the stored snapshots, which
// one opening would use, and why the others would be passed over.
int RunSnapshot(AppContext& context, bool list);
// `verify --checkpoint FILE...`: verify, then hold the ledger to every
// checkpoint in the files (one per line): each holds, or is named rolled
// back, rewritten, of another ledger or badly signed; forks are named.
int RunVerifyCheckpoints(AppContext& context, const std::vector<std::string>& files);
// `witness CHECKPOINT_FILE [--proof FILE]`: this ledger, as a witness,
// countersigns another ledger's checkpoint (the file's last line) after
// checking that it extends the last one it cosigned of that ledger; the
// cosignature is printed and kept in LEDGER.witnessed.
int RunWitness(AppContext& context, const std::string& checkpoint_file, const std::string& proof_file);
// `verify --extract FILE [--checkpoint FILE...]`: an extract checked end to
// end (db/extract.h), and held to the checkpoints given.
int RunVerifyExtract(AppContext& context, const std::string& extract_file, const std::vector<std::string>& checkpoint_files);
// `checkpoint`: verifies the ledger and prints its signed checkpoint, one
// line of JSON (docs/formats/checkpoints.md), signed with the key at
// context.SigningKeyPath().
int RunCheckpoint(AppContext& context);
// `prove EVENT [--checkpoint FILE]`: the inclusion proof of event EVENT in
// the tree of the checkpoint in FILE (its last line; it must hold), else of
// the ledger as it is. `prove --from FILE [--checkpoint FILE2]`: the
// consistency proof from FILE's checkpoint to FILE2's (or to the ledger
// as it is). Printed as one line of JSON.
struct ProveOptions {
  std::uint64_t sequence = 0;
  std::string checkpoint_file, from_file;
};
int RunProve(AppContext& context, const ProveOptions& options);
// A question of the catalogue (`report NAME`, `list NAME`, `show ID`):
// `given` holds the options given, by parameter name (limit and offset
// page the table); printed as text, CSV or JSON (context.format()).
int RunQuestion(AppContext& context, const Question& question,
                const std::vector<std::pair<std::string, std::string>>& given);
// Serves the HTTP API and the dashboard built in `web_dir` on `listen`
// ("HOST:PORT") until SIGINT or SIGTERM. Without a built dashboard it serves
// the API and says so.
int RunServe(AppContext& context, const std::string& listen, const std::string& web_dir);
// Writes the ledger as `format` (jsonl, kiel-csv, xlsx) to `out_path` ("" or
// "-": stdout; required for xlsx); `source` narrows kiel-csv to the measures
// citing one source.
int RunExport(AppContext& context, const std::string& format, const std::string& out_path,
              const std::string& source, const std::vector<std::string>& withhold);
// Appends release NAME: the ledger's newest event, counting measures of
// status `counted` or later, with the ECB rates' hash.
int RunReleaseCreate(AppContext& context, const std::string& name, const std::string& counted);
// Prints what changed per donor, type and month between releases A and B.
int RunReleaseDiff(AppContext& context, const std::string& a, const std::string& b);
// `catalog map ITEM SAME_AS`, `catalog map --file F...` and `catalog unmap
// ITEM`: a reviewer's word that an item (a name an importer kept for review)
// is the same system as a catalogue item, appended as a correction of the
// item (io/item_review); `why` is kept as its reason.
struct CatalogMapOptions {
  std::string item, same_as, why;
  std::vector<std::string> files;
  bool unmap = false;
  bool dry_run = false;
};
int RunCatalogMap(AppContext& context, const CatalogMapOptions& options);
int RunGen(std::uint64_t measures, std::uint64_t seed, const std::string& out_path);

// The bundled data in import order, from DATA_DIR/bundle.txt: batches of
// files with the format they are imported as ("jsonl", "kiel-dashboard", ...);
// the lines marked "tracker" (the trackers' own files) only with `trackers`.
struct BundledImport {
  std::string format;
  std::vector<std::string> paths;
};
Result<std::vector<BundledImport>> BundledFiles(const std::string& data_dir, bool trackers = false);

}  // namespace ramstein
