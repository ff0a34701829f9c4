#include "ledger/record_binary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ledger/record_codec.h"

namespace ramstein {
namespace {

// Every record of the bundled data, decoded as `ramstein import` decodes it.
std::vector<Record> BundledRecords() {
  std::vector<Record> records;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(RAMSTEIN_SOURCE_DIR "/data")) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto record = DecodeInputRecord(line);
      if (record.ok()) records.push_back(std::move(record).value());
    }
  }
  return records;
}

TEST(RecordBinaryTest, EveryBundledRecordRoundTripsToTheSamePayload) {
  std::vector<Record> records = BundledRecords();
  ASSERT_GT(records.size(), 300u);
  std::string bytes;
  BinaryWriter out(&bytes);
  for (const Record& record : records) WriteBinaryRecord(record, out);
  BinaryReader in(bytes);
  for (const Record& record : records) {
    Record read = ReadBinaryRecord(KindOf(record), in);
    ASSERT_TRUE(in.ok()) << in.error();
    ASSERT_EQ(EncodePayload(read), EncodePayload(record));
  }
  EXPECT_TRUE(in.AtEnd());
}

TEST(RecordBinaryTest, EveryCutShortRecordFailsWithoutReadingPastItsEnd) {
  auto record = DecodeInputRecord(
      R"({"kind":"measure","id":"m:1","donor":"USA","recipient":"UKR","announced":"2023-12",)"
      R"("type":"military","instrument":"grant","status":"announced","title":"PDA","value":{"amount":"175000000","currency":"USD"},)"
      R"("lines":[{"item":"item:155mm","quantity":8400,"note":"rounds"}]})");
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  std::string bytes;
  BinaryWriter out(&bytes);
  WriteBinaryRecord(record.value(), out);
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    // A copy of exactly `size` bytes: the sanitizer build sees any read past it.
    std::string cut = bytes.substr(0, size);
    BinaryReader in(cut);
    ReadBinaryRecord(RecordKind::measure, in);
    EXPECT_FALSE(in.ok()) << size;
  }
}

TEST(RecordBinaryTest, RefusesWhatAStoredPayloadCouldNotHold) {
  std::string bytes;
  BinaryWriter out(&bytes);
  // An actor (alpha2 absent, classification absent, correction absent, no
  // evidence) whose id is not a record id.
  out.U8(0);
  out.U8(0);
  out.U8(0);
  out.Varint(0);
  out.Bytes("not an id");
  BinaryReader in(bytes);
  ReadBinaryRecord(RecordKind::actor, in);
  ASSERT_FALSE(in.ok());
  EXPECT_NE(in.error().find("'id' is not a valid record id"), std::string::npos) << in.error();

  bytes.clear();
  out.U8(7);  // a presence flag that is neither 0 nor 1
  BinaryReader flag(bytes);
  ReadBinaryRecord(RecordKind::actor, flag);
  ASSERT_FALSE(flag.ok());
  EXPECT_NE(flag.error().find("presence flag"), std::string::npos) << flag.error();

  bytes.clear();
  for (int i = 0; i < 3; ++i) out.U8(0);
  out.Varint(1'000'000'000);  // more evidence than the data could hold
  BinaryReader count(bytes);
  ReadBinaryRecord(RecordKind::actor, count);
  ASSERT_FALSE(count.ok());
  EXPECT_NE(count.error().find("bad length"), std::string::npos) << count.error();
}

}  // namespace
}  // namespace ramstein
