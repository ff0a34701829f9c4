// Every quote in the bundled data is checked against its document at its
// offsets, with a JSON parser and UTF-8 walk independent of the importer's.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string CodePoints(const std::string& text, std::int64_t start, std::int64_t end) {
  std::u32string wide;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t point = length == 1 ? c : c & (0x7F >> length);
    for (int k = 1; k < length; ++k)
      point =
          (point << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
    wide.push_back(point);
    i += static_cast<std::size_t>(length);
  }
  if (end > static_cast<std::int64_t>(wide.size()) || start < 0 || end < start)
    return "<out of range>";
  std::u32string slice =
      wide.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
  std::string out;
  for (char32_t p : slice) {
    if (p < 0x80) {
      out.push_back(static_cast<char>(p));
    } else if (p < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (p >> 6)));
      out.push_back(static_cast<char>(0x80 | (p & 0x3F)));
    } else if (p < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (p >> 12)));
      out.push_back(static_cast<char>(0x80 | ((p >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (p & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (p >> 18)));
      out.push_back(static_cast<char>(0x80 | ((p >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((p >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (p & 0x3F)));
    }
  }
  return out;
}

TEST(SeedQuotesTest, EveryQuoteStandsInItsDocumentAtItsOffsets) {
  std::string data = SourceDir() + "/data";
  std::map<std::string, std::string> documents;  // source id -> text
  std::ifstream sources(data + "/sources/sources.jsonl");
  for (std::string line; std::getline(sources, line);) {
    auto source = nlohmann::json::parse(line);
    documents[source["id"]] = ReadText(data + "/sources/" + source["text_file"].get<std::string>());
  }
  ASSERT_EQ(documents.size(), 5u);
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_number;
      if (line.empty() || line[0] == '#') continue;
      auto record = nlohmann::json::parse(line);
      if (!record.contains("evidence")) continue;
      for (const auto& evidence : record["evidence"]) {
        std::string where = entry.path().filename().string() + ":" + std::to_string(line_number);
        ASSERT_TRUE(documents.count(evidence["source"])) << where;
        EXPECT_EQ(CodePoints(documents[evidence["source"]], evidence["start"], evidence["end"]),
                  evidence["quote"].get<std::string>())
            << where;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(SeedQuotesTest, SourceRecordsCarryTheSeedsDatesAndHashes) {
  std::map<std::string, std::string> expected_dates = {{"src:000", "2025-04-11"},
                                                       {"src:001", "2025-07-08"},
                                                       {"src:002", "2025-07-24"},
                                                       {"src:003", "2024-10-21"},
                                                       {"src:004", "2023-12-07"}};
  std::ifstream sources(SourceDir() + "/data/sources/sources.jsonl");
  for (std::string line; std::getline(sources, line);) {
    auto source = nlohmann::json::parse(line);
    EXPECT_EQ(source["published"], expected_dates[source["id"]]);
    // The bundled copy is byte-identical to the seed document.
    std::string name = source["text_file"];
    EXPECT_EQ(ReadText(SourceDir() + "/data/sources/" + name),
              ReadText(SourceDir() + "/../shared/seeds/" + name))
        << name;
  }
}

}  // namespace
}  // namespace ramstein::testing
