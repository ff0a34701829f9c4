// `ramstein checkpoint`, `verify --checkpoint` and `prove`: signed
// checkpoints of the ledger, held against it, and the proofs a reader
// checks a figure by (db/checkpoint_check.h, ledger/merkle_tree.h).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "app/commands.h"
#include "app/signing_key_file.h"
#include "base/limits.h"
#include "base/read_only_file.h"
#include "db/checkpoint_check.h"
#include "db/extract.h"
#include "db/ledger_tree.h"
#include "ledger/canonical_json.h"

namespace ramstein {

namespace {

// Every checkpoint in `paths`, one per non-empty line; DataError naming the
// file and line of the first that does not parse.
Result<std::vector<HeldCheckpoint>> ReadCheckpoints(const std::vector<std::string>& paths) {
  std::vector<HeldCheckpoint> held;
  for (const std::string& path : paths) {
    auto text = ReadFileAtMost(path, limits::checkpoint_file_bytes_max);
    if (!text.ok()) return text.status();
    std::size_t start = 0;
    for (std::size_t line = 1; start < text->size(); ++line) {
      std::size_t end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      std::string_view content(text->data() + start, end - start);
      start = end + 1;
      if (content.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      const std::string origin = path + ":" + std::to_string(line);
      if (content.size() > limits::checkpoint_line_bytes_max) {
        return Status::DataError(origin + ": longer than " + std::to_string(limits::checkpoint_line_bytes_max) +
                                 " bytes, not a checkpoint");
      }
      auto checkpoint = ParseCheckpoint(content);
      if (!checkpoint.ok()) return Status::DataError(origin + ": " + checkpoint.status().message());
      held.push_back({std::move(checkpoint).value(), origin});
    }
  }
  if (held.empty()) return Status::DataError("no checkpoint in the files given");
  return held;
}

// The ledger, verified whole (chain and every record), then its tree.
Result<LedgerTree> VerifiedTree(AppContext& context, VerifySummary* summary) {
  Status loaded = context.LoadRates();
  if (!loaded.ok()) return loaded;
  auto store = SqliteEventStore::Open(context.db_path, SqliteEventStore::Mode::read_only);
  if (!store.ok()) return store.status();
  auto verified = LedgerDb::VerifyStore(**store, &context.rates);
  if (!verified.ok()) return Status::Corruption("verify FAILED: " + verified.status().message());
  if (summary != nullptr) *summary = *verified;
  return ReadLedgerTree(**store);
}

void PrintHashes(CanonicalJson& json, std::string_view key, const std::vector<Hash>& hashes) {
  json.Key(key);
  json.BeginArray();
  for (const Hash& hash : hashes) json.String(HashToHex(hash));
  json.EndArray();
}

// Where a witness keeps the cosignatures it made: beside its ledger.
std::string WitnessedPath(const AppContext& context) { return context.db_path + ".witnessed"; }

// Appends `line` to the file at `path` and syncs it before returning.
Status AppendSynced(const std::string& path, const std::string& line) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  bool ok = fd >= 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  return ok ? Status::Ok() : Status::IoError("cannot append to '" + path + "': " + std::strerror(errno));
}

// Prints each checkpoint's verdict and the forks; the exit code says whether all hold.
int ReportCheckpoints(const LedgerTree& ledger, const std::vector<HeldCheckpoint>& held) {
  const CheckpointReport report = CheckCheckpoints(ledger, held);
  for (const CheckpointFinding& finding : report.findings) {
    std::FILE* out = finding.verdict == CheckpointVerdict::holds ? stdout : stderr;
    std::fprintf(out, "%s: %s\n", std::string(CheckpointVerdictName(finding.verdict)).c_str(), finding.text.c_str());
  }
  for (const std::string& fork : report.forks) std::fprintf(stderr, "fork: %s\n", fork.c_str());
  if (!report.ok()) {
    std::fprintf(stderr, "ramstein: verify FAILED: the ledger is not what %zu of %zu checkpoints saw%s\n",
                 static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                        [](const CheckpointFinding& f) {
                                                          return f.verdict != CheckpointVerdict::holds;
                                                        })),
                 report.findings.size(), report.forks.empty() ? "" : ", and checkpoints disagree with each other");
    return kExitDataError;
  }
  std::printf("ok: %zu checkpoint%s; the ledger's events 1..%llu are those published\n", report.findings.size(),
              report.findings.size() == 1 ? " holds" : "s hold", static_cast<unsigned long long>(report.vouched));
  for (const auto& [witness, sequence] : report.witnessed) {
    std::printf("witness %s saw events 1..%llu\n", witness.c_str(), static_cast<unsigned long long>(sequence));
  }
  return kExitOk;
}

}  // namespace

int RunCheckpoint(AppContext& context) {
  auto key = LoadSigningKeyFile(context.SigningKeyPath());
  if (!key.ok()) return Fail(key.status());
  auto ledger = VerifiedTree(context, nullptr);
  if (!ledger.ok()) return Fail(ledger.status());
  if (ledger->size() == 0) return Fail(Status::DataError("the ledger is empty: nothing to checkpoint"));
  Checkpoint checkpoint = ledger->At(ledger->size(), context.clock.NowMs());
  key->Sign(checkpoint);
  std::printf("%s\n", CheckpointLine(checkpoint).c_str());
  return kExitOk;
}

int RunVerifyCheckpoints(AppContext& context, const std::vector<std::string>& files) {
  auto held = ReadCheckpoints(files);
  if (!held.ok()) return Fail(held.status());
  VerifySummary summary;
  auto ledger = VerifiedTree(context, &summary);
  if (!ledger.ok()) return Fail(ledger.status());
  std::printf("ok: %llu events verified; chain head %s\n", static_cast<unsigned long long>(summary.events),
              HashToHex(summary.head).c_str());
  return ReportCheckpoints(*ledger, *held);
}

int RunWitness(AppContext& context, const std::string& checkpoint_file, const std::string& proof_file) {
  auto key = LoadSigningKeyFile(context.SigningKeyPath());
  if (!key.ok()) return Fail(key.status());
  std::string witness_id;
  {
    auto store = SqliteEventStore::Open(context.db_path, SqliteEventStore::Mode::read_only);
    if (!store.ok()) return Fail(store.status());
    auto id = ReadLedgerId(**store);
    if (!id.ok()) return Fail(id.status());
    if (id->empty()) return Fail(Status::DataError("the witness's ledger is empty: it has no id to sign as"));
    witness_id = *id;
  }
  auto held = ReadCheckpoints({checkpoint_file});
  if (!held.ok()) return Fail(held.status());
  const Checkpoint& next = held->back().checkpoint;
  const std::string named = "the checkpoint " + held->back().origin;
  if (!next.witness.empty()) return Fail(Status::DataError(named + " is a cosignature; a witness signs a ledger's own"));
  if (!CheckpointSignatureValid(next)) return Fail(Status::DataError(named + ": its signature is not its key's"));
  if (next.ledger == witness_id) return Fail(Status::DataError(named + " is of the witness's own ledger"));
  // What this witness saw of that ledger before: the latest it cosigned.
  const std::string state_path = WitnessedPath(context);
  std::optional<Checkpoint> seen;
  if (std::filesystem::exists(state_path)) {
    auto before = ReadCheckpoints({state_path});
    if (!before.ok() && before.status().message() != "no checkpoint in the files given") return Fail(before.status());
    for (const HeldCheckpoint& h : before.ok() ? *before : std::vector<HeldCheckpoint>{}) {
      if (h.checkpoint.ledger == next.ledger && (!seen || h.checkpoint.sequence > seen->sequence)) seen = h.checkpoint;
    }
  }
  if (seen) {
    const std::string saw = "this witness saw event " + std::to_string(seen->sequence) + " of ledger " + next.ledger;
    if (next.sequence < seen->sequence) {
      return Fail(Status::DataError(named + " is older than event " + std::to_string(seen->sequence) +
                                    ", which this witness already cosigned; not cosigned"));
    }
    if (next.sequence == seen->sequence && (next.root != seen->root || next.head != seen->head)) {
      std::fprintf(stderr, "fork: %s gives event %llu another root than the one %s\n", named.c_str(),
                   static_cast<unsigned long long>(next.sequence), saw.c_str());
      return kExitDataError;
    }
    if (next.sequence > seen->sequence) {
      if (proof_file.empty()) {
        return Fail(Status::InvalidArgument(saw + ": give --proof, what `ramstein prove --from` prints for " +
                                            std::to_string(seen->sequence) + " to " + std::to_string(next.sequence)));
      }
      auto text = ReadFileAtMost(proof_file, limits::checkpoint_line_bytes_max * 4);
      if (!text.ok()) return Fail(text.status());
      auto proof = ParseConsistencyProof(*text);
      if (!proof.ok()) return Fail(Status::DataError(proof_file + ": " + proof.status().message()));
      if (proof->ledger != next.ledger || proof->from_size != seen->sequence || proof->from_root != seen->root ||
          proof->size != next.sequence || proof->root != next.root ||
          !VerifyConsistency(seen->sequence, next.sequence, seen->root, next.root, proof->hashes)) {
        std::fprintf(stderr, "fork: %s does not extend what %s (the proof in %s does not show it)\n", named.c_str(),
                     saw.c_str(), proof_file.c_str());
        return kExitDataError;
      }
    }
  }
  Checkpoint cosignature = next;
  cosignature.witness = witness_id;
  cosignature.time_ms = context.clock.NowMs();
  key->Sign(cosignature);
  const std::string line = CheckpointLine(cosignature) + "\n";
  Status kept = AppendSynced(state_path, line);
  if (!kept.ok()) return Fail(kept);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fprintf(stderr, "cosigned event %llu of ledger %s as witness %s%s\n",
               static_cast<unsigned long long>(next.sequence), next.ledger.c_str(), witness_id.c_str(),
               seen ? (" (it extends event " + std::to_string(seen->sequence) + ", which this witness saw)").c_str()
                    : " (the first of that ledger this witness sees)");
  return kExitOk;
}

int RunVerifyExtract(AppContext& context, const std::string& extract_file,
                     const std::vector<std::string>& checkpoint_files) {
  (void)context;
  auto text = ReadFileAtMost(extract_file, limits::extract_file_bytes_max);
  if (!text.ok()) return Fail(text.status());
  auto checked = VerifyExtract(*text, extract_file);
  if (!checked.ok()) {
    std::fprintf(stderr, "ramstein: verify FAILED: %s\n", checked.status().message().c_str());
    return kExitDataError;
  }
  const ExtractSummary& summary = checked->summary;
  std::uint64_t withheld = 0;
  std::string by_class;
  for (const auto& [classification, count] : summary.withheld) {
    withheld += count;
    by_class += (by_class.empty() ? " (" : ", ") + std::to_string(count) + " " + classification;
  }
  std::printf("ok: extract of ledger %s: %llu events verified end to end, %llu payloads withheld%s%s; "
              "chain head %s\n",
              summary.ledger.c_str(), static_cast<unsigned long long>(summary.events),
              static_cast<unsigned long long>(withheld), by_class.c_str(), by_class.empty() ? "" : ")",
              HashToHex(summary.head).c_str());
  if (checkpoint_files.empty()) return kExitOk;
  auto held = ReadCheckpoints(checkpoint_files);
  if (!held.ok()) return Fail(held.status());
  return ReportCheckpoints(checked->tree, *held);
}

// The last checkpoint in `path`, which must hold for this ledger.
static Result<Checkpoint> HoldingCheckpoint(const LedgerTree& ledger, const std::string& path) {
  auto held = ReadCheckpoints({path});
  if (!held.ok()) return held.status();
  const HeldCheckpoint& last = held->back();
  const CheckpointReport report = CheckCheckpoints(ledger, std::span(&last, 1));
  if (!report.ok()) return Status::DataError(report.findings[0].text);
  return last.checkpoint;
}

int RunProve(AppContext& context, const ProveOptions& options) {
  auto ledger = VerifiedTree(context, nullptr);
  if (!ledger.ok()) return Fail(ledger.status());
  if (ledger->size() == 0) return Fail(Status::DataError("the ledger is empty: nothing to prove"));
  std::uint64_t size = ledger->size();  // the tree proved against: a checkpoint's, or today's
  if (!options.checkpoint_file.empty()) {
    auto checkpoint = HoldingCheckpoint(*ledger, options.checkpoint_file);
    if (!checkpoint.ok()) return Fail(checkpoint.status());
    size = checkpoint->sequence;
  }
  CanonicalJson json;
  json.BeginObject();
  if (!options.from_file.empty()) {
    // RFC 9162 consistency: the earlier checkpoint's tree is a prefix of this one.
    auto from = HoldingCheckpoint(*ledger, options.from_file);
    if (!from.ok()) return Fail(from.status());
    if (from->sequence > size) {
      return Fail(Status::DataError("the checkpoint in " + options.from_file + " is later than the one proved to"));
    }
    PrintHashes(json, "consistency", ledger->tree.ConsistencyProof(from->sequence, size));
    json.Key("from_root");
    json.String(HashToHex(from->root));
    json.Key("from_size");
    json.Integer(static_cast<std::int64_t>(from->sequence));
  } else {
    if (options.sequence == 0 || options.sequence > size) {
      return Fail(Status::NotFound("no event " + std::to_string(options.sequence) + " in a tree of events 1.." +
                                   std::to_string(size)));
    }
    PrintHashes(json, "inclusion", ledger->tree.InclusionProof(options.sequence - 1, size));
    json.Key("leaf");
    json.String(HashToHex(ledger->tree.Leaf(options.sequence - 1)));
  }
  json.Key("ledger");
  json.String(ledger->id);
  json.Key("root");
  json.String(HashToHex(ledger->tree.Root(size)));
  if (options.from_file.empty()) {
    json.Key("sequence");
    json.Integer(static_cast<std::int64_t>(options.sequence));
  }
  json.Key("size");
  json.Integer(static_cast<std::int64_t>(size));
  json.EndObject();
  std::printf("%s\n", json.text().c_str());
  return kExitOk;
}

}  // namespace ramstein
