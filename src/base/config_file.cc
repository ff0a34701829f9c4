#include "base/config_file.h"

#include <map>

#include "base/limits.h"
#include "base/utf8.h"

namespace ramstein {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

bool IsName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

Result<std::vector<ConfigEntry>> ParseConfigFile(std::string_view text, std::string_view path) {
  auto fail = [&](int line, const std::string& why) {
    return Status::DataError(std::string(path) + ":" + std::to_string(line) + ": " + why);
  };
  if (text.size() > limits::config_file_bytes_max) {
    return fail(1, "the file is longer than " + std::to_string(limits::config_file_bytes_max) + " bytes");
  }
  if (!IsValidUtf8(text)) return fail(1, "the file is not valid UTF-8");
  std::vector<ConfigEntry> entries;
  std::string section;
  std::map<std::string, int> lines;  // section "\n" key -> the line that gave it
  int line_number = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']') return fail(line_number, "a section header ends with ']'");
      std::string_view name = Trim(line.substr(1, line.size() - 2));
      if (!IsName(name)) return fail(line_number, "a section name is lower-case letters, digits and '-'");
      section = std::string(name);
      continue;
    }
    std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) return fail(line_number, "expected 'key = value' or '[section]'");
    std::string_view key = Trim(line.substr(0, equals));
    if (!IsName(key)) return fail(line_number, "a key is lower-case letters, digits and '-', before '='");
    std::string_view value = Trim(line.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    auto [seen, fresh] = lines.try_emplace(section + "\n" + std::string(key), line_number);
    if (!fresh) {
      return fail(line_number,
                  "'" + std::string(key) + "' is given twice (also on line " + std::to_string(seen->second) + ")");
    }
    entries.push_back({section, std::string(key), std::string(value), line_number});
  }
  return entries;
}

}  // namespace ramstein
