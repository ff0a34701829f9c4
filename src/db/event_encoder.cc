#include "db/event_encoder.h"

#include "db/ledger_db.h"
#include "ledger/record_codec.h"

#include <absl/container/flat_hash_map.h>

namespace ramstein {

std::vector<std::uint64_t> ReplacedEvents(const std::vector<Record>& records, const Model& model,
                                          std::uint64_t first_sequence) {
  std::vector<std::uint64_t> replaces(records.size(), 0);
  absl::flat_hash_map<std::string_view, std::uint64_t> in_batch;  // id -> its latest event in the batch
  in_batch.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::uint64_t sequence = first_sequence + i;
    const std::string& id = CommonOf(records[i]).id;
    auto [earlier, is_first] = in_batch.try_emplace(id, sequence);
    if (!is_first) {
      replaces[i] = std::exchange(earlier->second, sequence);
    } else if (const StoredRecord* stored = model.Find(id)) {
      replaces[i] = stored->sequence;
    }
  }
  return replaces;
}

EventEncoder::EventEncoder(const std::vector<Record>& records, const std::vector<std::uint64_t>& replaces,
                           std::uint64_t first_sequence, const Hash& previous, std::int64_t time_ms,
                           std::string author, EventFormat format, SearchWordReader* words)
    : records_(records),
      replaces_(replaces),
      first_sequence_(first_sequence),
      previous_(previous),
      time_ms_(time_ms),
      author_(std::move(author)),
      format_(format),
      words_(words),
      worker_([this] { Run(); }) {}

EventEncoder::~EventEncoder() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  space_.notify_all();
  worker_.join();
}

void EventEncoder::Run() {
  std::string scratch;
  Hash previous = previous_;
  for (std::size_t start = 0; start < records_.size(); start += encode_chunk_events) {
    std::size_t end = std::min(records_.size(), start + encode_chunk_events);
    std::vector<Event> chunk(end - start);
    std::vector<Salt> salts(format_ == EventFormat::v2 ? chunk.size() : 0);
    if (!salts.empty()) RandomSalts(salts.data(), salts.size());
    for (std::size_t i = start; i < end; ++i) {
      Event& e = chunk[i - start];
      e.sequence = first_sequence_ + i;
      e.time_ms = time_ms_;
      e.author = author_;
      e.type = static_cast<std::uint16_t>(KindOf(records_[i]));
      e.sources = CitedSources(records_[i]);
      e.payload = EncodePayload(records_[i]);
      e.search = SearchDocumentOf(records_[i]);
      // A document whose words were not read has them read by the index.
      if (words_ != nullptr) (void)words_->Read(*e.search);
      e.format = format_;
      if (format_ == EventFormat::v2) e.salt = salts[i - start];
      e.hash = ChainHash(previous, e.view(), scratch);
      e.replaces = replaces_[i];
      previous = e.hash;
    }
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return stop_ || chunks_.size() < encode_chunks_ahead_max; });
    if (stop_) return;
    chunks_.push_back(std::move(chunk));
    ready_.notify_all();
  }
}

const Event& EventEncoder::At(std::size_t index) {
  std::size_t chunk = index / encode_chunk_events;
  if (chunk != current_chunk_) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !chunks_.empty(); });
    current_ = std::move(chunks_.front());
    chunks_.pop_front();
    current_chunk_ = chunk;
    ++chunks_consumed_;
    space_.notify_all();
  }
  const Event& event = current_[index % encode_chunk_events];
  last_hash_ = event.hash;
  return event;
}

}  // namespace ramstein
