#include "ledger/event.h"

#include <gtest/gtest.h>

#include <cstring>

namespace ramstein {
namespace {

Event MakeEvent(std::uint64_t sequence, std::string payload) {
  Event e;
  e.sequence = sequence;
  e.time_ms = 1'700'000'000'000;
  e.author = "tester";
  e.type = 2;
  e.payload = std::move(payload);
  return e;
}

TEST(EventTest, FormatOneCanonicalBytesArePinned) {
  Event e = MakeEvent(1, "{}");
  e.format = EventFormat::v1;
  e.sources = "s:1";
  std::string bytes;
  AppendCanonicalBytes(e.view(), bytes);
  // "RMSEV1", seq u64 LE, time i64 LE, type u16 LE, then length-prefixed blocks.
  const unsigned char expected[] = {'R', 'M', 'S',  'E',  'V',  '1',  1,    0,    0,   0,   0,  0,
                                    0,   0,   0x00, 0x68, 0xe5, 0xcf, 0x8b, 0x01, 0,   0,   2,  0,
                                    6,   0,   0,    0,    't',  'e',  's',  't',  'e', 'r', 3,  0,
                                    0,   0,   's',  ':',  '1',  2,    0,    0,    0,   '{', '}'};
  ASSERT_EQ(bytes.size(), sizeof expected);
  EXPECT_EQ(0, std::memcmp(bytes.data(), expected, sizeof expected));
  std::string scratch;
  // Pinned, and cross-checked with an independent BLAKE2b implementation
  // (docs/formats/events.md shows how), so a format change cannot pass unnoticed.
  EXPECT_EQ(HashToHex(ChainHash(Hash{}, e.view(), scratch)),
            "997803eb08eced0eb54f9bc4634641b53710ddec58b8ad85772d8ff58ae654fc");
}

TEST(EventTest, FormatTwoEntryIsTheHeaderAndASaltedDigest) {
  Event e = MakeEvent(1, "{}");
  e.sources = "s:1";
  e.format = EventFormat::v2;
  for (std::uint8_t i = 0; i < e.salt.size(); ++i) e.salt[i] = i;
  // Pinned with Python's hashlib.blake2b(digest_size=32), as events.md shows.
  EXPECT_EQ(HashToHex(PayloadDigest(e.salt, e.payload)),
            "4616a50648a445fea8c324a336d6ad021753823eeb304c4476af219ed8115ed4");
  std::string bytes;
  AppendCanonicalBytes(e.view(), bytes);
  ASSERT_EQ(bytes.size(), 6u + 8 + 8 + 2 + 4 + 6 + 32);
  EXPECT_EQ(bytes.substr(0, 6), "RMSEV2");
  EXPECT_EQ(bytes.find("s:1"), std::string::npos) << "sources are the payload's, covered by its digest";
  std::string scratch;
  const Hash hash = ChainHash(Hash{}, e.view(), scratch);
  EXPECT_EQ(HashToHex(hash), "6b2f19136161e4c6cb4d19aa04fd2023724c3e10311d190d81af7d45fba4e1a0");
  // The header alone (an extract withholding the payload) gives the same hash.
  EXPECT_EQ(ChainHashOfHeader(Hash{}, HeaderOf(e.view()), scratch), hash);
  // Salt and payload are both covered.
  Event other_salt = e;
  other_salt.salt[0] ^= 1;
  EXPECT_NE(ChainHash(Hash{}, other_salt.view(), scratch), hash);
  Event other_payload = e;
  other_payload.payload = "{ }";
  EXPECT_NE(ChainHash(Hash{}, other_payload.view(), scratch), hash);
  EXPECT_NE(RandomSalt(), RandomSalt());
}

TEST(EventTest, VerifierNamesTheFirstBrokenEvent) {
  std::vector<Event> events;
  Hash previous{};
  std::string scratch;
  for (std::uint64_t i = 1; i <= 5; ++i) {
    events.push_back(MakeEvent(i, "{\"n\":" + std::to_string(i) + "}"));
    events.back().hash = ChainHash(previous, events.back().view(), scratch);
    previous = events.back().hash;
  }
  {
    ChainVerifier verifier;
    for (const auto& e : events) ASSERT_TRUE(verifier.Next(e.view()).ok());
  }
  {
    auto tampered = events;
    tampered[2].payload[5] = '9';
    ChainVerifier verifier;
    ASSERT_TRUE(verifier.Next(tampered[0].view()).ok());
    ASSERT_TRUE(verifier.Next(tampered[1].view()).ok());
    Status status = verifier.Next(tampered[2].view());
    EXPECT_EQ(status.code(), Status::Code::corruption);
    EXPECT_NE(status.message().find("event 3"), std::string::npos) << status.message();
  }
  {
    ChainVerifier verifier;
    ASSERT_TRUE(verifier.Next(events[0].view()).ok());
    Status status = verifier.Next(events[2].view());  // event 2 deleted
    EXPECT_NE(status.message().find("event 2 is missing"), std::string::npos) << status.message();
  }
}

}  // namespace
}  // namespace ramstein
