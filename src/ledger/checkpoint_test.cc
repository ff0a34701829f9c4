#include "ledger/checkpoint.h"

#include <gtest/gtest.h>

#include <cctype>

namespace ramstein {
namespace {

class CheckpointTest : public ::testing::Test {
 protected:
  static Checkpoint Example() {
    Checkpoint c;
    c.ledger = "00112233445566778899aabbccddeeff";
    c.sequence = 1652;
    c.head.fill(0xab);
    c.root.fill(0xcd);
    c.time_ms = 1'764'763'200'000;
    return c;
  }
};

TEST_F(CheckpointTest, ASignedLineParsesBackAndItsSignatureHolds) {
  const SigningKey key = SigningKey::Generate();
  Checkpoint c = Example();
  key.Sign(c);
  const std::string line = CheckpointLine(c);
  EXPECT_TRUE(line.starts_with("{\"head\":\"abab")) << line;
  EXPECT_NE(line.find("\"type\":\"ramstein-checkpoint-1\"}"), std::string::npos) << line;
  auto parsed = ParseCheckpoint(line + "\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(CheckpointLine(*parsed), line);
  EXPECT_TRUE(CheckpointSignatureValid(*parsed));
  EXPECT_EQ(parsed->key, key.public_key());
}

TEST_F(CheckpointTest, AnyChangedFieldBreaksTheSignature) {
  const SigningKey key = SigningKey::Generate();
  Checkpoint signed_one = Example();
  key.Sign(signed_one);
  auto changed = [&](auto change) {
    Checkpoint c = signed_one;
    change(c);
    return CheckpointSignatureValid(c);
  };
  EXPECT_FALSE(changed([](Checkpoint& c) { c.sequence -= 1; }));
  EXPECT_FALSE(changed([](Checkpoint& c) { c.head[31] ^= 1; }));
  EXPECT_FALSE(changed([](Checkpoint& c) { c.root[0] ^= 1; }));
  EXPECT_FALSE(changed([](Checkpoint& c) { c.time_ms += 1; }));
  EXPECT_FALSE(changed([](Checkpoint& c) { c.ledger[0] = 'f'; }));
  EXPECT_FALSE(changed([](Checkpoint& c) { c.signature[5] ^= 1; }));
  const SigningKey other = SigningKey::Generate();
  EXPECT_FALSE(changed([&](Checkpoint& c) { c.key = other.public_key(); }));
}

TEST_F(CheckpointTest, MalformedLinesAreRefusedNamingTheField) {
  const SigningKey key = SigningKey::Generate();
  Checkpoint c = Example();
  key.Sign(c);
  const std::string line = CheckpointLine(c);
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = line;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    return ParseCheckpoint(text);
  };
  struct Case {
    std::string from, to, field;
  };
  const Case bad[] = {
      {"\"sequence\":1652", "\"sequence\":0", "sequence"},
      {"\"sequence\":1652", "\"sequence\":\"1652\"", "sequence"},
      {"\"sequence\":1652", "\"sequence\":1.5", "sequence"},
      {"\"time_ms\":1764763200000", "\"time_ms\":-1", "time_ms"},
      {"\"head\":\"abab", "\"head\":\"ABAB", "head"},
      {"\"root\":\"cdcd", "\"root\":\"cd", "root"},
      {"\"ledger\":\"0011", "\"ledger\":\"zz11", "ledger"},
      {"\"type\":\"ramstein-checkpoint-1\"", "\"type\":\"ramstein-checkpoint-2\"", "type"},
      {"\"head\":", "\"extra\":1,\"head\":", "extra"},
      {"\"head\":", "\"head\":\"x\",\"head\":", "head"},
  };
  for (const Case& item : bad) {
    auto parsed = replaced(item.from, item.to);
    ASSERT_FALSE(parsed.ok()) << item.to;
    EXPECT_NE(parsed.status().message().find("'" + item.field + "'"), std::string::npos)
        << item.to << ": " << parsed.status().message();
  }
  std::string missing = line;
  missing.erase(missing.find(",\"time_ms\""), std::string(",\"time_ms\":1764763200000").size());
  auto parsed = ParseCheckpoint(missing);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("'time_ms' is missing"), std::string::npos);
  EXPECT_FALSE(ParseCheckpoint("").ok());
  EXPECT_FALSE(ParseCheckpoint("[1,2]").ok());
  EXPECT_FALSE(ParseCheckpoint(line.substr(0, line.size() - 1)).ok());
}

TEST_F(CheckpointTest, AKeysFileTextReadsBackAndADamagedOneIsRefused) {
  const SigningKey key = SigningKey::Generate();
  const std::string text = key.FileText();
  EXPECT_TRUE(text.starts_with("ramstein-signing-key-1 ")) << text;
  EXPECT_EQ(text.size(), std::string("ramstein-signing-key-1 ").size() + 128 + 1);
  auto read = SigningKey::FromFileText(text);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->public_key(), key.public_key());
  // Signed with the key read back, checked with the key made.
  Checkpoint c = Example();
  read->Sign(c);
  EXPECT_TRUE(CheckpointSignatureValid(c));
  // One changed digit in the public half: the halves disagree.
  std::string damaged = text;
  char& digit = damaged[damaged.size() - 2];
  digit = digit == '0' ? '1' : '0';
  auto refused = SigningKey::FromFileText(damaged);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("halves disagree"), std::string::npos) << refused.status().message();
  EXPECT_FALSE(SigningKey::FromFileText(text.substr(0, text.size() - 1)).ok());
  EXPECT_FALSE(SigningKey::FromFileText("ramstein-signing-key-1 00\n").ok());
  std::string upper = text;
  for (std::size_t i = 23; i < upper.size() - 1; ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  EXPECT_FALSE(SigningKey::FromFileText(upper).ok());  // upper-case hex is not the form
}

}  // namespace
}  // namespace ramstein
