// Clock: the seam through which Ramstein reads wall-clock time, so that tests
// and simulations can pass a fixed or stepped clock.
#pragma once

#include <chrono>
#include <cstdint>

namespace ramstein {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since 1970-01-01T00:00:00Z.
  virtual std::int64_t NowMs() = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t NowMs() override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// Returns start_ms, then start_ms + step_ms, ... Deterministic for tests.
class SteppedClock final : public Clock {
 public:
  explicit SteppedClock(std::int64_t start_ms, std::int64_t step_ms = 1)
      : next_ms_(start_ms), step_ms_(step_ms) {}
  std::int64_t NowMs() override {
    std::int64_t now = next_ms_;
    next_ms_ += step_ms_;
    return now;
  }

 private:
  std::int64_t next_ms_;
  std::int64_t step_ms_;
};

}  // namespace ramstein
