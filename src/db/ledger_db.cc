#include "db/ledger_db.h"

#include <algorithm>
#include <chrono>

#include "base/limits.h"
#include "base/utf8.h"
#include "db/event_encoder.h"
#include "db/ledger_tree.h"
#include "db/model_applier.h"
#include "db/parallel_replay.h"
#include "ledger/record_codec.h"

namespace ramstein {

namespace {

std::int64_t MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::string CitedSources(const Record& record) {
  std::vector<std::string_view> ids;
  for (const Evidence& evidence : CommonOf(record).evidence) ids.push_back(evidence.source);
  if (const auto* source = std::get_if<SourceRecord>(&record)) ids.push_back(source->id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out.push_back('\n');
    out.append(id);
  }
  return out;
}

LedgerDb::LedgerDb(std::unique_ptr<EventStore> store, const FxRates* rates, Clock* clock)
    : store_(std::move(store)),
      rates_(rates),
      clock_(clock),
      model_(std::make_unique<Model>(rates)) {}

Result<std::unique_ptr<LedgerDb>> LedgerDb::Open(std::unique_ptr<EventStore> store,
                                                 const FxRates* rates, Clock* clock,
                                                 const OpenOptions& options) {
  std::unique_ptr<LedgerDb> db(new LedgerDb(std::move(store), rates, clock));
  db->options_ = options;
  RAMSTEIN_RETURN_IF_ERROR(db->Load());
  return db;
}

Status LedgerDb::Load() {
  model_ = std::make_unique<Model>(rates_);
  head_ = StoreHead{};
  opened_from_snapshot_ = snapshot_sequence_ = 0;
  snapshot_load_ = SnapshotLoad{};
  if (options_.use_snapshot) {
    // A head that cannot be read is for Refresh to report.
    if (auto stored_head = store_->Head(); stored_head.ok() && stored_head->sequence > 0) {
      snapshot_load_ = LoadSnapshot(*store_, *stored_head, rates_, options_.threads);
      if (snapshot_load_.model) {
        model_ = std::move(snapshot_load_.model);
        head_ = snapshot_load_.head;
        opened_from_snapshot_ = snapshot_sequence_ = head_.sequence;
      }
    }
  }
  return Refresh();
}

Status LedgerDb::WriteSnapshot() {
  RAMSTEIN_RETURN_IF_ERROR(ramstein::WriteSnapshot(*store_, *model_, head_, *rates_));
  snapshot_sequence_ = head_.sequence;
  return Status::Ok();
}

Status LedgerDb::ApplyStored(const EventView& event, Model& model) {
  auto kind = RecordKindFromCode(event.type);
  if (!kind)
    return Status::Corruption("event " + std::to_string(event.sequence) + ": unknown type " +
                              std::to_string(event.type));
  auto record = DecodePayload(*kind, event.payload);
  if (!record.ok()) {
    return Status::Corruption("event " + std::to_string(event.sequence) + ": " +
                              record.status().message());
  }
  Status applied = model.Apply(event.sequence, event.time_ms, event.author, std::move(record).value());
  if (!applied.ok()) return Status::Corruption("event " + std::to_string(event.sequence) + ": " + applied.message());
  return Status::Ok();
}

Result<std::unique_ptr<Model>> LedgerDb::ModelAt(std::uint64_t sequence) {
  if (sequence > head_.sequence) {
    return Status::NotFound("the ledger has " + std::to_string(head_.sequence) + " events, not " +
                            std::to_string(sequence));
  }
  auto model = std::make_unique<Model>(rates_);
  model->Reserve(sequence);
  // Scan stops at the first error; this one only marks the view's end.
  const Status kEnd = Status::Conflict("the view's last event was applied");
  ChainVerifier chain;
  Status scanned = store_->Scan(0, [&](const EventView& event) {
    if (event.sequence > sequence) return kEnd;
    RAMSTEIN_RETURN_IF_ERROR(chain.Next(event));
    return ApplyStored(event, *model);
  });
  if (!scanned.ok() && scanned.message() != kEnd.message()) return scanned;
  return model;
}

Status LedgerDb::Refresh() {
  auto stored_head = store_->Head();
  if (!stored_head.ok()) return stored_head.status();
  if (stored_head->sequence == head_.sequence) return Status::Ok();
  // Small catch-ups (a server noticing one new batch) are not worth threads.
  if (stored_head->sequence < head_.sequence) {
    return Status::Corruption("the ledger now ends at event " + std::to_string(stored_head->sequence) +
                              ", but event " + std::to_string(head_.sequence) +
                              " was read from it: acknowledged events were lost");
  }
  // Every event is checked against the hash chain before it is applied.
  ChainVerifier chain(head_.sequence, head_.hash);
  if (stored_head->sequence - head_.sequence < 4 * replay_chunk_events) {
    return store_->Scan(head_.sequence, [&](const EventView& event) {
      if (event.sequence != head_.sequence + 1) {
        return Status::Corruption("event " + std::to_string(head_.sequence + 1) + " is missing");
      }
      RAMSTEIN_RETURN_IF_ERROR(chain.Next(event));
      RAMSTEIN_RETURN_IF_ERROR(ApplyStored(event, *model_));
      head_ = StoreHead{event.sequence, event.hash};
      return Status::Ok();
    });
  }
  model_->Reserve(stored_head->sequence - head_.sequence);
  return ParallelReplay(*store_, head_, [&](const ReplayedEvent& event, Record record) {
    Status applied = model_->Apply(event.sequence, event.time_ms, event.author, std::move(record));
    if (!applied.ok()) return Status::Corruption("event " + std::to_string(event.sequence) + ": " + applied.message());
    head_ = StoreHead{event.sequence, event.hash};
    return Status::Ok();
  });
}

std::vector<RecordError> LedgerDb::Check(const std::vector<Record>& records,
                                         std::size_t errors_max) const {
  std::vector<RecordError> errors;
  Model::Pending pending;
  pending.reserve(records.size());
  for (std::size_t i = 0; i < records.size() && errors.size() < errors_max; ++i) {
    Status status = std::holds_alternative<MigrationRecord>(records[i])
                        ? Status::DataError("kind: a migration record is written only by `ramstein migrate`")
                        : model_->Check(records[i], pending);
    if (!status.ok()) {
      errors.push_back({i, status});
      continue;
    }
    pending[Model::Key(CommonOf(records[i]).id)] = &records[i];
  }
  return errors;
}

Result<AppendSummary> LedgerDb::Append(std::vector<Record> records, const std::string& author) {
  if (records.empty()) return AppendSummary{head_.sequence + 1, head_.sequence, 0};
  if (records.size() > limits::batch_events_max) {
    return Status::DataError("a batch holds at most " + std::to_string(limits::batch_events_max) +
                             " records");
  }
  auto errors = Check(records, 1);
  if (!errors.empty()) {
    return Status::DataError("record " + std::to_string(errors[0].index + 1) + ": " +
                             errors[0].status.message());
  }
  return AppendChecked(std::move(records), author);
}

Result<AppendSummary> LedgerDb::AppendChecked(std::vector<Record> records,
                                              const std::string& author) {
  if (records.empty()) return AppendSummary{head_.sequence + 1, head_.sequence, 0};
  if (!IsValidUtf8(author) || author.size() > limits::author_bytes_max) {
    return Status::DataError("the author must be valid UTF-8 of at most " +
                             std::to_string(limits::author_bytes_max) + " bytes");
  }
  std::int64_t now_ms = clock_->NowMs();
  const std::uint64_t first_sequence = head_.sequence + 1;
  AppendSummary summary{first_sequence, head_.sequence + records.size(), records.size()};
  Hash last_hash;
  Status applied;
  RAMSTEIN_RETURN_IF_ERROR(StoreAndApply(records, author, now_ms, &last_hash, &applied, &summary));
  head_ = StoreHead{summary.last_sequence, last_hash};
  // Written, but not applied: the checks and the model disagree. Say so
  // rather than serve a model that lacks acknowledged events.
  if (!applied.ok()) return Status::Corruption("appended, but the model could not apply it: " + applied.message());
  // A snapshot only saves later openings time: failing to write one (a
  // read-only store, a full disk) changes nothing that was appended.
  if (options_.snapshot_events_min > 0 && head_.sequence - snapshot_sequence_ >= options_.snapshot_events_min) {
    const auto start = std::chrono::steady_clock::now();
    if (WriteSnapshot().ok()) summary.snapshot_written = true;
    summary.snapshot_ms = MsSince(start);
  }
  return summary;
}

Status LedgerDb::StoreAndApply(std::vector<Record>& records, const std::string& author, std::int64_t now_ms,
                               Hash* last_hash, Status* applied, AppendSummary* summary) {
  auto step_start = std::chrono::steady_clock::now();
  const std::uint64_t first_sequence = head_.sequence + 1;
  const std::vector<std::uint64_t> replaces = ReplacedEvents(records, *model_, first_sequence);
  model_->Reserve(records.size());  // a large batch regrows no index while applied
  Status stored;
  std::size_t applied_before_failure = 0;
  {
    // Events are encoded and chained on one thread and applied to the model
    // on another while the store writes them; a large batch never holds
    // all its payloads at once. A record is applied once the store has
    // taken the chunk of events it belongs to (the encoder is then done
    // with it), so a store that refuses the batch before its first event
    // (another writer went first) leaves the model untouched. The search
    // documents' words are read on the encoder's thread too, off the
    // thread that writes the index.
    std::unique_ptr<SearchWordReader> words;
    if (TextSearch* search = store_->text_search()) words = search->NewWordReader();
    EventEncoder encoder(records, replaces, first_sequence, head_.hash, now_ms, author, store_->format(),
                         words.get());
    ModelApplier applier(*model_, records, first_sequence, now_ms, author);
    stored = store_->AppendProduced(head_, records.size(), [&](std::size_t i) -> const Event& {
      const Event& event = encoder.At(i);
      if (i % encode_chunk_events == 0) applier.Release(std::min(records.size(), i + encode_chunk_events));
      return event;
    });
    summary->store_ms = MsSince(step_start);
    if (stored.ok()) {
      *last_hash = encoder.last_hash();
      step_start = std::chrono::steady_clock::now();
      *applied = applier.Finish();
      summary->apply_ms = MsSince(step_start);
      return Status::Ok();
    }
    applied_before_failure = applier.Stop();
  }
  // Nothing was written, but the model may hold records of the batch:
  // build it again from the store rather than serve them.
  if (applied_before_failure > 0) {
    if (Status rebuilt = Load(); !rebuilt.ok()) {
      return Status::Corruption(stored.message() + "; and the model could not be rebuilt from the ledger (" +
                                rebuilt.message() + "): open the ledger again");
    }
  }
  return stored;
}

Result<VerifySummary> LedgerDb::Verify() { return VerifyStore(*store_, rates_); }

Result<VerifySummary> LedgerDb::VerifyStore(EventStore& store, const FxRates* rates) {
  std::optional<SnapshotToCheck> snapshot;
  if (auto stored_head = store.Head(); stored_head.ok()) snapshot = NewestSnapshotToCheck(store, *stored_head, *rates);
  std::uint64_t snapshot_checked = 0;
  ChainVerifier chain;
  Model replay(rates);
  std::uint64_t count = 0;
  std::vector<std::pair<std::uint64_t, MigrationRecord>> migrations;  // checked after the scan
  Status status = store.Scan(0, [&](const EventView& event) {
    RAMSTEIN_RETURN_IF_ERROR(chain.Next(event));
    std::string where = "event " + std::to_string(event.sequence) + ": ";
    if (!IsValidUtf8(event.author)) return Status::Corruption(where + "the author is not valid UTF-8");
    auto kind = RecordKindFromCode(event.type);
    if (!kind) return Status::Corruption(where + "unknown type " + std::to_string(event.type));
    auto record = DecodePayload(*kind, event.payload);
    if (!record.ok()) return Status::Corruption(where + record.status().message());
    if (EncodePayload(record.value()) != event.payload)
      return Status::Corruption(where + "payload is not canonical");
    if (CitedSources(record.value()) != event.sources) {
      return Status::Corruption(where + "sources do not match the payload's evidence");
    }
    // A source's sha256 is its text's (derived when it was imported); a
    // stored one that differs was written by something other than import.
    if (const auto* source = std::get_if<SourceRecord>(&record.value()); source && source->text) {
      if (source->sha256 != Sha256Hex(*source->text)) {
        return Status::Corruption(where + "the source's sha256 is not that of its text");
      }
    }
    Status check = replay.Check(record.value(), {});
    if (!check.ok())
      return Status::Corruption(where + "fails its checks on replay: " + check.message());
    if (const auto* migration = std::get_if<MigrationRecord>(&record.value())) {
      migrations.emplace_back(event.sequence, *migration);
    }
    Status applied = replay.Apply(event.sequence, event.time_ms, event.author, std::move(record).value());
    if (!applied.ok()) return Status::Corruption(where + applied.message());
    ++count;
    // The snapshot an opening would start from must hold the model these
    // events build; one of another chain is never used, so not compared.
    if (snapshot && event.sequence == snapshot->sequence && event.hash == snapshot->head) {
      std::string built;
      replay.WriteSnapshot(&built);
      if (std::string_view(snapshot->bytes).substr(snapshot->model_offset) != built) {
        return Status::Corruption("the snapshot at event " + std::to_string(event.sequence) +
                                  " does not hold the model its events build: opening the ledger would answer "
                                  "from other figures (`ramstein snapshot` writes a new one)");
      }
      snapshot_checked = event.sequence;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  auto head = store.Head();
  if (!head.ok()) return head.status();
  if (head->sequence != chain.last_sequence() || head->hash != chain.last_hash()) {
    return Status::Corruption("the chain ends at event " + std::to_string(chain.last_sequence()) +
                              " but the ledger's head records event " +
                              std::to_string(head->sequence) +
                              " (events were removed or the head was altered)");
  }
  // What a migration record says of the ledger before it must be what its
  // events, encoded as they were, give.
  for (const auto& [sequence, migration] : migrations) {
    auto before = ReadFormatOneTree(store, static_cast<std::uint64_t>(migration.sequence));
    if (!before.ok()) return before.status();
    const std::uint64_t size = before->size();
    if (size == 0 || before->id != migration.ledger || HashToHex(before->chain.back()) != migration.head ||
        HashToHex(before->tree.Root(size)) != migration.root) {
      return Status::Corruption("event " + std::to_string(sequence) + ": the migration record's ledger " +
                                migration.ledger + " is not what events 1.." + std::to_string(migration.sequence) +
                                " give as format 1 (ledger " + before->id + ", head " +
                                (size ? HashToHex(before->chain.back()) : "none") + ")");
    }
  }
  return VerifySummary{count, chain.last_hash(), snapshot_checked};
}

}  // namespace ramstein
