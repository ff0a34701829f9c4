#include "api/byte_range.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

using Kind = ByteRange::Kind;

TEST(ByteRangeTest, RangesInsideTheAnswerArePartial) {
  auto range = ParseByteRange("bytes=0-9", 100);
  EXPECT_EQ(range.kind, Kind::partial);
  EXPECT_EQ(range.first, 0u);
  EXPECT_EQ(range.last, 9u);
  range = ParseByteRange("bytes=90-", 100);
  EXPECT_EQ(range.kind, Kind::partial);
  EXPECT_EQ(range.first, 90u);
  EXPECT_EQ(range.last, 99u);
  range = ParseByteRange("Bytes=-10", 100);
  EXPECT_EQ(range.kind, Kind::partial);
  EXPECT_EQ(range.first, 90u);
  EXPECT_EQ(range.last, 99u);
}

TEST(ByteRangeTest, TheLastByteIsClampedAndALongSuffixTakesAll) {
  // The reported attack: a range reaching far past a 241,145-byte answer.
  auto range = ParseByteRange("bytes=241145-741144", 241146);
  EXPECT_EQ(range.kind, Kind::partial);
  EXPECT_EQ(range.last, 241145u);
  range = ParseByteRange("bytes=10-99999999999999999999999", 100);
  EXPECT_EQ(range.kind, Kind::partial);
  EXPECT_EQ(range.last, 99u);
  range = ParseByteRange("bytes=-1000", 100);
  EXPECT_EQ(range.kind, Kind::partial);
  EXPECT_EQ(range.first, 0u);
  EXPECT_EQ(range.last, 99u);
}

TEST(ByteRangeTest, RangesPastTheEndAreUnsatisfiable) {
  EXPECT_EQ(ParseByteRange("bytes=241145-741144", 241145).kind, Kind::unsatisfiable);
  EXPECT_EQ(ParseByteRange("bytes=99999999999-", 100).kind, Kind::unsatisfiable);
  EXPECT_EQ(ParseByteRange("bytes=99999999999999999999999999-", 100).kind, Kind::unsatisfiable);
  EXPECT_EQ(ParseByteRange("bytes=-0", 100).kind, Kind::unsatisfiable);
  EXPECT_EQ(ParseByteRange("bytes=0-", 0).kind, Kind::unsatisfiable);
  EXPECT_EQ(ParseByteRange("bytes=-5", 0).kind, Kind::unsatisfiable);
}

TEST(ByteRangeTest, MalformedOtherUnitsAndSeveralRangesAreIgnored) {
  for (const char* header : {"", "items=0-5", "bytes=", "bytes=a-b", "bytes=5-1", "bytes=0-5,10-20", "bytes=-",
                             "bytes=1", "bytes=--5", "bytes=0x10-20", "bytes= 1 2-3"}) {
    EXPECT_EQ(ParseByteRange(header, 100).kind, Kind::full) << header;
  }
}

TEST(ByteRangeTest, EveryPartialRangeLiesInsideTheAnswer) {
  const char* headers[] = {"bytes=0-0", "bytes=0-", "bytes=-1", "bytes=5-", "bytes=-5", "bytes=3-7", "bytes=7-100",
                           "bytes=99-", "bytes=-99", "bytes=0-18446744073709551615"};
  for (std::uint64_t length = 0; length < 12; ++length) {
    for (const char* header : headers) {
      auto range = ParseByteRange(header, length);
      if (range.kind != Kind::partial) continue;
      EXPECT_LE(range.first, range.last) << header << " of " << length;
      EXPECT_LT(range.last, length) << header << " of " << length;
    }
  }
}

}  // namespace
}  // namespace ramstein
