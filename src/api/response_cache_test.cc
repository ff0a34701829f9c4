#include "api/response_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace ramstein {
namespace {

CachedResponse Answer(std::uint64_t sequence, std::size_t bytes) {
  return CachedResponse{sequence, 200, std::make_shared<const std::string>(bytes, 'x'), nullptr, "text/plain"};
}

TEST(ResponseCacheTest, ConcurrentRequestsForOneAnswerComputeItOnce) {
  ResponseCache cache;
  std::atomic<int> computed{0};
  std::vector<std::thread> threads;
  std::vector<const std::string*> bodies(16);
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      auto answer = cache.GetOrCompute("items", 7, [&]() -> Result<CachedResponse> {
        ++computed;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        return Answer(7, 1000);
      });
      ASSERT_TRUE(answer.ok());
      bodies[i] = answer->body.get();
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(computed.load(), 1);
  for (const std::string* body : bodies) EXPECT_EQ(body, bodies[0]);  // one copy, shared
}

TEST(ResponseCacheTest, AFailureIsNotKept) {
  ResponseCache cache;
  auto failed = cache.GetOrCompute("r", 1, []() -> Result<CachedResponse> { return Status::NotFound("no"); });
  EXPECT_FALSE(failed.ok());
  auto again = cache.GetOrCompute("r", 1, []() -> Result<CachedResponse> { return Answer(1, 10); });
  EXPECT_TRUE(again.ok());
}

TEST(ResponseCacheTest, BoundedInBytesNotEntries) {
  ResponseCache cache(10'000);
  for (int i = 0; i < 1000; ++i) {
    auto answer = cache.GetOrCompute("key" + std::to_string(i), 1,
                                     []() -> Result<CachedResponse> { return Answer(1, 100); });
    ASSERT_TRUE(answer.ok());
    EXPECT_LE(cache.bytes(), 10'000u);
  }
  EXPECT_EQ(cache.size(), 100u);
  EXPECT_TRUE(cache.Get("key999", 1).has_value());  // the newest stay
  EXPECT_FALSE(cache.Get("key0", 1).has_value());
  // An answer larger than a quarter of the bound is given, not kept.
  auto large = cache.GetOrCompute("large", 1, []() -> Result<CachedResponse> { return Answer(1, 3000); });
  ASSERT_TRUE(large.ok());
  EXPECT_FALSE(cache.Get("large", 1).has_value());
}

TEST(ResponseCacheTest, AnswersOfAnOlderSequenceGoFirst) {
  ResponseCache cache(1000);
  ASSERT_TRUE(cache.GetOrCompute("old", 1, []() -> Result<CachedResponse> { return Answer(1, 200); }).ok());
  ASSERT_TRUE(cache.GetOrCompute("a", 2, []() -> Result<CachedResponse> { return Answer(2, 200); }).ok());
  ASSERT_TRUE(cache.GetOrCompute("b", 2, []() -> Result<CachedResponse> { return Answer(2, 200); }).ok());
  ASSERT_TRUE(cache.GetOrCompute("c", 2, []() -> Result<CachedResponse> { return Answer(2, 200); }).ok());
  ASSERT_TRUE(cache.GetOrCompute("d", 2, []() -> Result<CachedResponse> { return Answer(2, 200); }).ok());
  ASSERT_TRUE(cache.GetOrCompute("e", 2, []() -> Result<CachedResponse> { return Answer(2, 200); }).ok());
  EXPECT_FALSE(cache.Get("old", 1).has_value());
  EXPECT_TRUE(cache.Get("a", 2).has_value());
  EXPECT_LE(cache.bytes(), 1000u);
}

}  // namespace
}  // namespace ramstein
