#include "db/parallel_replay.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "ledger/record_codec.h"

namespace ramstein {

namespace {

struct Chunk {
  enum class State { raw, decoding, decoded };
  State state = State::raw;
  std::vector<ReplayedEvent> events;
  std::vector<Record> records;
  Status status;  // a decoding failure
};

// Decodes every event of a chunk; stops at the first failure.
void DecodeChunk(Chunk& chunk) {
  chunk.records.reserve(chunk.events.size());
  for (ReplayedEvent& event : chunk.events) {
    auto kind = RecordKindFromCode(event.type);
    if (!kind) {
      chunk.status = Status::Corruption("event " + std::to_string(event.sequence) +
                                        ": unknown type " + std::to_string(event.type));
      return;
    }
    auto record = DecodePayload(*kind, event.payload);
    if (!record.ok()) {
      chunk.status = Status::Corruption("event " + std::to_string(event.sequence) + ": " +
                                        record.status().message());
      return;
    }
    chunk.records.push_back(std::move(record).value());
    std::string().swap(event.payload);
  }
}

class Pipeline {
 public:
  explicit Pipeline(std::uint64_t after) : next_sequence_(after + 1) {}

  // Scanning thread.
  void Scan(EventStore& store, const StoreHead& after) {
    ChainVerifier chain(after.sequence, after.hash);
    Chunk current;
    auto flush = [&]() -> bool {
      std::unique_lock lock(mutex_);
      space_.wait(lock, [&] { return stop_ || chunks_.size() - applied_ < chunks_in_flight_max; });
      if (stop_) return false;
      chunks_.push_back(std::move(current));
      current = Chunk();
      changed_.notify_all();
      return true;
    };
    Status status = store.Scan(after.sequence, [&](const EventView& view) {
      RAMSTEIN_RETURN_IF_ERROR(chain.Next(view));
      current.events.push_back({view.sequence, view.time_ms, std::string(view.author), view.type,
                                view.hash, std::string(view.payload)});
      if (current.events.size() == replay_chunk_events && !flush())
        return Status::Corruption("stopped");
      return Status::Ok();
    });
    if (status.ok() && !current.events.empty()) flush();
    std::lock_guard lock(mutex_);
    scan_status_ = stop_ ? Status::Ok() : status;
    scan_done_ = true;
    changed_.notify_all();
  }

  // Decoding thread: decodes the oldest unclaimed chunk until none is left.
  void Decode() {
    std::unique_lock lock(mutex_);
    while (true) {
      changed_.wait(lock, [&] { return stop_ || OldestRaw(applied_) || scan_done_; });
      if (stop_ || !DecodeOldestRaw(applied_, lock)) return;  // stopped, or nothing left to decode
    }
  }

  // Calling thread: applies chunks in order.
  Status Apply(const std::function<Status(const ReplayedEvent&, Record)>& apply) {
    for (std::size_t index = 0;; ++index) {
      Chunk* chunk = nullptr;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return index < chunks_.size() || scan_done_; });
        if (index >= chunks_.size()) return scan_status_;
        chunk = &chunks_[index];
        // Decode this chunk, or while the decoding thread has it, a later one.
        while (chunk->state != Chunk::State::decoded) {
          if (!DecodeOldestRaw(index, lock)) changed_.wait(lock);
        }
      }
      if (!chunk->status.ok()) return chunk->status;
      for (std::size_t i = 0; i < chunk->records.size(); ++i) {
        const ReplayedEvent& event = chunk->events[i];
        if (event.sequence != next_sequence_) {
          return Status::Corruption("event " + std::to_string(next_sequence_) + " is missing");
        }
        ++next_sequence_;
        RAMSTEIN_RETURN_IF_ERROR(apply(event, std::move(chunk->records[i])));
      }
      std::lock_guard lock(mutex_);
      // Free the chunk's memory; the deque keeps its slot so indexes hold.
      chunks_[index] = Chunk();
      chunks_[index].state = Chunk::State::decoded;
      applied_ = index + 1;
      space_.notify_all();
    }
  }

  void Stop() {
    std::lock_guard lock(mutex_);
    stop_ = true;
    changed_.notify_all();
    space_.notify_all();
  }

 private:
  // The oldest chunk from `first` on that no thread has claimed, or null.
  // REQUIRES: mutex_ held.
  Chunk* OldestRaw(std::size_t first) {
    for (std::size_t i = first; i < chunks_.size(); ++i) {
      if (chunks_[i].state == Chunk::State::raw) return &chunks_[i];
    }
    return nullptr;
  }
  // Claims OldestRaw(first) and decodes it with the lock released; false
  // when there was none. REQUIRES: `lock` holds mutex_ (and holds it again on return).
  bool DecodeOldestRaw(std::size_t first, std::unique_lock<std::mutex>& lock) {
    Chunk* work = OldestRaw(first);
    if (!work) return false;
    work->state = Chunk::State::decoding;
    lock.unlock();
    DecodeChunk(*work);
    lock.lock();
    work->state = Chunk::State::decoded;
    changed_.notify_all();
    return true;
  }

  std::mutex mutex_;
  std::condition_variable changed_;  // a chunk arrived, was decoded, or the scan ended
  std::condition_variable space_;    // a chunk was applied
  std::deque<Chunk> chunks_;
  std::size_t applied_ = 0;
  bool scan_done_ = false;
  bool stop_ = false;
  Status scan_status_;
  std::uint64_t next_sequence_;
};

}  // namespace

Status ParallelReplay(EventStore& store, const StoreHead& after,
                      const std::function<Status(const ReplayedEvent&, Record)>& apply) {
  Pipeline pipeline(after.sequence);
  std::thread scanner([&] { pipeline.Scan(store, after); });
  std::thread decoder([&] { pipeline.Decode(); });
  Status status = pipeline.Apply(apply);
  pipeline.Stop();
  scanner.join();
  decoder.join();
  return status;
}

}  // namespace ramstein
