// CanonicalJson: writes the one canonical JSON text of a value, the bytes the
// hash chain covers (docs/formats/events.md): no whitespace, object keys in
// strictly increasing byte order (checked), strings as UTF-8 with only '"',
// '\\' and control characters escaped, integers in decimal, no floats.
//
// Not thread-safe; one writer builds one text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ramstein {

class CanonicalJson {
 public:
  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // REQUIRES: inside an object, and key greater than the previous key there;
  // the key's characters outlive the next Key() call at this level (record
  // field names are string literals).
  void Key(std::string_view key);
  void String(std::string_view value);
  void Integer(std::int64_t value);
  void Bool(bool value);

  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }
  void Clear();

 private:
  void BeforeValue();
  struct Level {
    bool is_object;
    bool empty;
    std::string_view last_key;
  };
  std::string out_;
  std::vector<Level> levels_;
};

// Appends `value` to `out` as a JSON string literal with canonical escaping.
void AppendJsonString(std::string& out, std::string_view value);
// The same, as a string of its own.
inline std::string JsonString(std::string_view value) {
  std::string out;
  AppendJsonString(out, value);
  return out;
}

}  // namespace ramstein
