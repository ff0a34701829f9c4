#include "ledger/canonical_json.h"

#include <charconv>

#include "base/check.h"

namespace ramstein {

void AppendJsonString(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + value.size() + 2);
  out.push_back('"');
  const char* p = value.data();
  const char* end = p + value.size();
  while (p < end) {
    // Copy the longest run that needs no escaping in one append.
    const char* run = p;
    while (p < end) {
      auto u = static_cast<unsigned char>(*p);
      if (u < 0x20 || u == '"' || u == '\\') break;
      ++p;
    }
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    char c = *p++;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        auto u = static_cast<unsigned char>(c);
        out += "\\u00";
        out.push_back(kHex[u >> 4]);
        out.push_back(kHex[u & 15]);
      }
    }
  }
  out.push_back('"');
}

void CanonicalJson::BeforeValue() {
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (level.is_object) return;  // Key() already wrote the separator
  if (!level.empty) out_.push_back(',');
  level.empty = false;
}

void CanonicalJson::BeginObject() {
  BeforeValue();
  out_.push_back('{');
  levels_.push_back({true, true, {}});
}

void CanonicalJson::EndObject() {
  RAMSTEIN_CHECK(!levels_.empty() && levels_.back().is_object);
  levels_.pop_back();
  out_.push_back('}');
}

void CanonicalJson::BeginArray() {
  BeforeValue();
  out_.push_back('[');
  levels_.push_back({false, true, {}});
}

void CanonicalJson::EndArray() {
  RAMSTEIN_CHECK(!levels_.empty() && !levels_.back().is_object);
  levels_.pop_back();
  out_.push_back(']');
}

void CanonicalJson::Key(std::string_view key) {
  RAMSTEIN_CHECK(!levels_.empty() && levels_.back().is_object);
  Level& level = levels_.back();
  RAMSTEIN_CHECK(level.empty || level.last_key < key);
  if (!level.empty) out_.push_back(',');
  level.empty = false;
  level.last_key = key;
  AppendJsonString(out_, key);
  out_.push_back(':');
}

void CanonicalJson::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void CanonicalJson::Integer(std::int64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, end);
}

void CanonicalJson::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void CanonicalJson::Clear() {
  out_.clear();
  levels_.clear();
}

}  // namespace ramstein
