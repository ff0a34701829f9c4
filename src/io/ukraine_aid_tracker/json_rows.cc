#include "io/ukraine_aid_tracker/json_rows.h"

namespace ramstein {

std::vector<std::pair<std::size_t, std::size_t>> JsonRowRanges(const simdjson::padded_string& padded,
                                                              std::size_t fields_quoted) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document document;
  simdjson::ondemand::array rows;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS ||
      document.get_array().get(rows) != simdjson::SUCCESS) {
    return ranges;
  }
  for (auto element : rows) {
    simdjson::ondemand::array row;
    if (element.get_array().get(row) != simdjson::SUCCESS) {
      ranges.emplace_back(0, 0);
      continue;
    }
    const char* begin = nullptr;
    const char* end = nullptr;
    std::size_t field = 0;
    bool malformed = false;
    for (auto value : row) {
      std::string_view token;
      if (value.raw_json_token().get(token) != simdjson::SUCCESS) {
        malformed = true;
        break;
      }
      while (!token.empty() && (token.back() == ' ' || token.back() == '\t' ||
                                token.back() == '\n' || token.back() == '\r')) {
        token.remove_suffix(1);
      }
      if (field == 0) begin = token.data();
      if (field < fields_quoted) end = token.data() + token.size();
      ++field;
    }
    if (malformed) return {};  // the caller's full parse names the error
    if (!begin) {
      ranges.emplace_back(0, 0);
      continue;
    }
    // From the row's '[' (the first token's start, back over whitespace).
    while (begin > padded.data() && *begin != '[') --begin;
    if (field <= fields_quoted) {
      const char* limit = padded.data() + padded.size();
      while (end < limit && *end != ']') ++end;  // a short row: quote it to its ']'
      if (end == limit) return {};
      ++end;
    }
    ranges.emplace_back(static_cast<std::size_t>(begin - padded.data()),
                        static_cast<std::size_t>(end - padded.data()));
  }
  return ranges;
}

}  // namespace ramstein
