#include "ledger/record_codec.h"

#include <gtest/gtest.h>

namespace ramstein {
namespace {

const char kMeasure[] =
    R"({"kind":"measure","id":"m:1","donor":"USA","recipient":"UKR","announced":"2023-12-06",)"
    R"("type":"military","instrument":"stockpile_drawdown","status":"announced","title":"PDA",)"
    R"("value":{"amount":"175000000","currency":"USD"},)"
    R"("lines":[{"item":"item:himars-ammunition"},{"item":"item:155mm","quantity":8400}]})";

TEST(RecordCodecTest, DecodesAndEncodesCanonically) {
  auto record = DecodeInputRecord(kMeasure);
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  const auto& measure = std::get<MeasureRecord>(record.value());
  EXPECT_EQ(measure.donor, "USA");
  ASSERT_TRUE(measure.value.has_value());
  EXPECT_EQ(measure.value->minor, 17'500'000'000);
  ASSERT_EQ(measure.lines.size(), 2u);
  EXPECT_EQ(measure.lines[1].quantity, 8400);
  // Golden bytes: keys sorted, no whitespace, money as an exact decimal string.
  EXPECT_EQ(
      EncodePayload(record.value()),
      R"({"announced":"2023-12-06","donor":"USA","id":"m:1","instrument":"stockpile_drawdown",)"
      R"("lines":[{"item":"item:himars-ammunition"},{"item":"item:155mm","quantity":8400}],)"
      R"("recipient":"UKR","status":"announced","title":"PDA","type":"military",)"
      R"("value":{"amount":"175000000.00","currency":"USD"}})");
}

TEST(RecordCodecTest, PayloadRoundTripsToTheSameBytes) {
  auto record = DecodeInputRecord(kMeasure);
  ASSERT_TRUE(record.ok());
  std::string payload = EncodePayload(record.value());
  auto again = DecodePayload(RecordKind::measure, payload);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(EncodePayload(again.value()), payload);
  auto input = DecodeInputRecord(EncodeInputRecord(record.value()));
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  EXPECT_EQ(EncodePayload(input.value()), payload);
}

struct BadCase {
  const char* json;
  const char* expected_fragment;
};

TEST(RecordCodecTest, RejectsBadInputNamingTheField) {
  const BadCase cases[] = {
      {R"({"kind":"measure")", "malformed JSON"},
      {R"([1,2])", "must be a JSON object"},
      {R"({"id":"x"})", "field 'kind'"},
      {R"({"kind":"unicorn","id":"x"})", "unknown record kind"},
      {R"({"kind":"actor","id":"X","name":"X","kind2":1,"type":"country"})", "kind2"},
      {R"({"kind":"actor","id":"X","type":"country"})", "field 'name': required"},
      {R"({"kind":"actor","id":"has space","name":"X"})", "field 'id'"},
      {R"({"kind":"actor","id":"X","name":7})", "field 'name': must be a string"},
      {R"({"kind":"claim","id":"c","subject":"X","attribute":"a","value":"v","number":1.5})",
       "field 'number': must be an integer"},
      {R"({"kind":"delivery","id":"d","measure":"m","from":"2025-02-30"})", "field 'from'"},
      {R"({"kind":"delivery","id":"d","measure":"m","from":"2025-02-01","quantity":-4})",
       "field 'quantity': must not be negative"},
      {R"({"kind":"delivery","id":"d","measure":"m","from":"2025-02-01","value":{"amount":"1","currency":"XYZ"}})",
       "field 'value.currency': unknown currency 'XYZ'"},
      {R"({"kind":"delivery","id":"d","measure":"m","from":"2025-02-01","value":{"amount":1.5,"currency":"EUR"}})",
       "field 'value.amount': must be a decimal string"},
      {R"({"kind":"delivery","id":"d","measure":"m","from":"2025-02-01","value":{"amount":"1.005","currency":"EUR"}})",
       "field 'value.amount'"},
      {R"({"kind":"hold","id":"h","donor":"USA","recipient":"UKR","from":"2025-07","lines":[{"item":"i","quantity":"3"}]})",
       "field 'lines[0].quantity': must be an integer"},
      {R"({"kind":"actor","id":"X","id":"Y","name":"n","type":"country"})", "duplicate field"},
      {"{\"kind\":\"actor\",\"id\":\"X\",\"name\":\"\xff\"}", "malformed JSON"},
      {R"({"kind":"actor","id":"X","name":"n","type":"planet"})", "is not one of"},
  };
  for (const auto& c : cases) {
    auto record = DecodeInputRecord(c.json);
    ASSERT_FALSE(record.ok()) << c.json;
    EXPECT_NE(record.status().message().find(c.expected_fragment), std::string::npos)
        << c.json << " -> " << record.status().message();
  }
}

TEST(RecordCodecTest, ListsReferencesWithTheirPaths) {
  auto record = DecodeInputRecord(kMeasure);
  ASSERT_TRUE(record.ok());
  std::vector<std::string> seen;
  VisitReferences(record.value(), [&](const FieldPath& field, std::optional<RecordKind> kind,
                                      const std::string& id) {
    seen.push_back(field.ToString() + "=" + id + "/" + std::string(RecordKindName(*kind)));
  });
  std::vector<std::string> expected = {"donor=USA/actor",
                                       "lines[0].item=item:himars-ammunition/item",
                                       "lines[1].item=item:155mm/item", "recipient=UKR/actor"};
  EXPECT_EQ(seen, expected);
}

TEST(RecordCodecTest, SourceHashIsDerivedFromTheText) {
  auto record = DecodeInputRecord(
      R"({"kind":"source","id":"s","publisher":"p","title":"t","sha256":"","text":"abc"})");
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  EXPECT_EQ(std::get<SourceRecord>(record.value()).sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto wrong = DecodeInputRecord(
      R"({"kind":"source","id":"s","publisher":"p","title":"t","sha256":"00","text":"abc"})");
  EXPECT_FALSE(wrong.ok());
}

}  // namespace
}  // namespace ramstein

namespace ramstein {
namespace {

TEST(PayloadReaderTest, AcceptsOnlyTheCanonicalSpelling) {
  auto record = DecodeInputRecord(kMeasure);
  ASSERT_TRUE(record.ok());
  std::string payload = EncodePayload(record.value());
  ASSERT_TRUE(DecodePayload(RecordKind::measure, payload).ok());
  auto rejects = [&](const std::string& text, const char* fragment) {
    auto decoded = DecodePayload(RecordKind::measure, text);
    ASSERT_FALSE(decoded.ok()) << text;
    EXPECT_NE(decoded.status().message().find(fragment), std::string::npos)
        << decoded.status().message();
  };
  rejects(" " + payload, "expected '{'");
  rejects(payload + " ", "text after the record");
  std::string spaced = payload;
  spaced.insert(spaced.find(':') + 1, " ");
  rejects(spaced, "expected '\"'");
  // Keys out of order: "correction" after "donor".
  rejects(R"({"announced":"2023-12-06","donor":"USA","correction":"x"})", "keys out of order");
  // A key that sorts first but comes late reads as missing.
  rejects(R"({"announced":"2023-12-06","id":"m:1","donor":"USA"})",
          "field 'donor': required field is missing");
  rejects(R"({"announced":"2023-12-06","donor":"USA","extra":1,"id":"m:1"})",
          "field 'extra': unknown field");
  rejects(R"({"announced":"2023-12-06","announced":"2023-12-06"})",
          "keys out of order or repeated");
  rejects("{\"announced\":\"2023-12-06\",\"donor\":\"\xff\"}", "not valid UTF-8");
  rejects(R"({"announced":"2023-12-06","donor":"U\u0053A"})", "non-canonical");
  rejects(
      R"({"announced":"2023-12-06","donor":"USA","id":"m:1","instrument":"grant","lines":[{"item":"x","quantity":1.5}]})",
      "expected");
  // Found by fuzzing: spellings the encoder never writes.
  rejects(R"({"announced":"2023-12-06","donor":"USA","id":"m:1","instrument":"grant","lines":[]})", "empty list");
  rejects(R"({"announced":"2023-12-06","donor":"USA","id":"m:1","instrument":"grant","lines":[{"item":"x","quantity":07}]})",
          "not a canonical integer");
  rejects("{\"announced\":\"2023-12-06\",\"donor\":\"U\nSA\"}", "control character");
  rejects(R"({"announced":"2023-12-06","donor":"U\u000cSA"})", "non-canonical");
}

TEST(PayloadReaderTest, ReadsEscapesItWrote) {
  auto record = DecodeInputRecord(
      R"({"kind":"actor","id":"A","name":"tab\there \"quoted\" \\ \u0001 caf\u00e9","type":"country"})");
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  std::string payload = EncodePayload(record.value());
  auto again = DecodePayload(RecordKind::actor, payload);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(std::get<ActorRecord>(again.value()).name, "tab\there \"quoted\" \\ \x01 caf\xc3\xa9");
  EXPECT_EQ(EncodePayload(again.value()), payload);
}

}  // namespace
}  // namespace ramstein
