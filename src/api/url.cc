#include "api/url.h"

#include <algorithm>

namespace ramstein {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string PercentEncode(std::string_view text) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || c == ':';
    if (plain) {
      out.push_back(c);
    } else {
      out += {'%', hex[byte >> 4], hex[byte & 15]};
    }
  }
  return out;
}

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%') {
      int high = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        return Status::InvalidArgument("malformed percent-escape at byte " + std::to_string(i + 1) + " of the address");
      }
      char byte = static_cast<char>(high * 16 + low);
      if (byte == '\0') return Status::InvalidArgument("the address holds an encoded NUL");
      out.push_back(byte);
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<ParsedTarget> ParseTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') return Status::InvalidArgument("the address must start with '/'");
  ParsedTarget parsed;
  std::size_t question = target.find('?');
  std::string_view path = target.substr(0, question);
  std::size_t hash = path.find('#');
  if (hash != std::string_view::npos) path = path.substr(0, hash);
  auto decoded = PercentDecode(path, false);
  if (!decoded.ok()) return decoded.status();
  parsed.path = std::move(decoded).value();
  if (question == std::string_view::npos) return parsed;
  std::string_view query = target.substr(question + 1);
  if (std::size_t fragment = query.find('#'); fragment != std::string_view::npos) query = query.substr(0, fragment);
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t equals = pair.find('=');
    auto name = PercentDecode(pair.substr(0, equals), true);
    if (!name.ok()) return name.status();
    auto value = PercentDecode(equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
    if (!value.ok()) return value.status();
    parsed.params.emplace_back(std::move(name).value(), std::move(value).value());
  }
  // Repeats found by sorting the names: a target of thousands of
  // parameters costs n log n, not n^2, on the network thread.
  std::vector<std::string_view> names;
  names.reserve(parsed.params.size());
  for (const auto& [name, ignored] : parsed.params) names.push_back(name);
  std::sort(names.begin(), names.end());
  auto repeated = std::adjacent_find(names.begin(), names.end());
  if (repeated != names.end()) {
    return Status::InvalidArgument("parameter '" + std::string(repeated->substr(0, 40)) + "' given twice");
  }
  return parsed;
}

}  // namespace ramstein
