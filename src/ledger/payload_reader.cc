#include "ledger/payload_reader.h"

#include <simdjson.h>

#include <charconv>

#include "base/limits.h"
#include "ledger/record_codec.h"

namespace ramstein {

namespace {

// A cursor over canonical JSON text that reads the fields of objects in the
// order a Visit() names them. Remembers the first error.
class PayloadVisitor {
 public:
  PayloadVisitor(const char* begin, const char* end) : p_(begin), end_(end) {}

  Status status() const { return status_; }
  bool ok() const { return status_.ok(); }
  bool AtEnd() const { return p_ == end_; }

  // Opens an object and reads its first key. The caller saves and restores
  // the enclosing object's key state around a nested object.
  void BeginObject() {
    Expect('{');
    has_key_ = false;
    last_key_ = {};
    if (ok() && Peek() != '}') ReadKey();
  }
  void EndObject() {
    if (!ok()) return;
    if (has_key_) return Fail(key_, "unknown field");
    Expect('}');
  }

  void Correction(std::optional<std::string>& value) { OptText("correction", value); }
  void Id(std::string& value) { RefText("id", value); }
  void EvidenceList(std::vector<Evidence>& list) { List("evidence", list); }
  void Text(std::string_view name, std::string& value) {
    if (!Field(name)) return Missing(name);
    ReadString(value);
    NextField();
  }
  void OptText(std::string_view name, std::optional<std::string>& value) {
    if (!Field(name)) return;
    ReadString(value.emplace());
    NextField();
  }
  void OptDocument(std::string_view name, std::optional<std::string>& value) {
    OptText(name, value);
  }
  void Ref(std::string_view name, std::string& value, RecordKind) { RefText(name, value); }
  void AnyRef(std::string_view name, std::string& value) { RefText(name, value); }
  void OptRef(std::string_view name, std::optional<std::string>& value, RecordKind) {
    if (!Field(name)) return;
    ReadString(value.emplace());
    if (ok() && !IsValidId(*value)) Fail(name, "is not a valid record id");
    NextField();
  }
  void RefList(std::string_view name, std::vector<std::string>& values, RecordKind) {
    TextList(name, values);
  }
  void TextList(std::string_view name, std::vector<std::string>& values) {
    if (!Field(name)) return;
    ReadArray([&] { ReadString(values.emplace_back()); });
    NextField();
  }
  void DateField(std::string_view name, Date& value) {
    if (!Field(name)) return Missing(name);
    ReadDate(name, value);
    NextField();
  }
  void OptDate(std::string_view name, std::optional<Date>& value) {
    if (!Field(name)) return;
    ReadDate(name, value.emplace());
    NextField();
  }
  void Integer(std::string_view name, std::int64_t& value, std::int64_t min, std::int64_t max) {
    if (!Field(name)) return Missing(name);
    ReadInteger(name, value, min, max);
    NextField();
  }
  void OptInteger(std::string_view name, std::optional<std::int64_t>& value, std::int64_t min,
                  std::int64_t max) {
    if (!Field(name)) return;
    ReadInteger(name, value.emplace(), min, max);
    NextField();
  }
  void Currency(std::string_view name, std::string& value) {
    Text(name, value);
    if (ok() && !Currency::FromCode(value)) Fail(name, "unknown currency");
  }
  void OptMoney(std::string_view name, std::optional<Money>& value) {
    if (!Field(name)) return;
    KeyState outer = Save();
    std::string_view amount, code;
    BeginObject();
    if (!Field("amount")) return Missing("amount");
    ReadRawString(amount);
    NextField();
    if (!Field("currency")) return Missing("currency");
    ReadRawString(code);
    NextField();
    EndObject();
    Restore(outer);
    if (!ok()) return;
    auto currency = Currency::FromCode(code);
    if (!currency) return Fail(name, "unknown currency");
    auto minor = ParseDecimalMinor(amount, currency->exponent(), limits::money_minor_max);
    if (!minor || FormatMinor(*minor, currency->exponent(), false) != amount) {
      return Fail(name, "amount is not a canonical decimal");
    }
    value = Money{*minor, *currency};
    NextField();
  }
  template <typename E, std::size_t N>
  void Enum(std::string_view name, E& value, const std::array<std::string_view, N>& names) {
    if (!Field(name)) return Missing(name);
    std::string_view text;
    ReadRawString(text);
    if (!ok()) return;
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == text) {
        value = static_cast<E>(i);
        return NextField();
      }
    }
    Fail(name, "has an unknown value");
  }
  template <typename T>
  void List(std::string_view name, std::vector<T>& values) {
    if (!Field(name)) return;
    KeyState outer = Save();
    ReadArray([&] {
      BeginObject();
      values.emplace_back().Visit(*this);
      EndObject();
    });
    Restore(outer);
    NextField();
  }

 private:
  struct KeyState {
    std::string_view key, last_key;
    bool has_key;
  };
  KeyState Save() const { return {key_, last_key_, has_key_}; }
  void Restore(const KeyState& state) {
    key_ = state.key;
    last_key_ = state.last_key;
    has_key_ = state.has_key;
  }

  char Peek() const { return p_ < end_ ? *p_ : '\0'; }
  void Expect(char c) {
    if (!ok()) return;
    if (Peek() != c) return Fail("", std::string("expected '") + c + "'");
    ++p_;
  }
  void Fail(std::string_view field, const std::string& message) {
    if (!ok()) return;
    status_ = Status::DataError(
        "payload is not canonical: " +
        (field.empty() ? std::string() : "field '" + std::string(field) + "': ") + message);
  }
  void Missing(std::string_view name) { Fail(name, "required field is missing"); }

  // Reads a key and its ':'; keys must increase within an object.
  void ReadKey() {
    std::string_view key;
    ReadRawString(key);
    Expect(':');
    if (!ok()) return;
    if (!last_key_.empty() && !(last_key_ < key)) return Fail(key, "keys out of order or repeated");
    key_ = key;
    has_key_ = true;
  }
  // True, positioned at the value, when the next key is `name`.
  bool Field(std::string_view name) {
    if (!ok() || !has_key_) return false;
    if (key_ < name) {
      Fail(key_, "unknown field");
      return false;
    }
    if (key_ != name) return false;
    has_key_ = false;
    last_key_ = key_;
    return true;
  }
  // After a field's value: ',' and the next key, or the object's end.
  void NextField() {
    if (!ok() || Peek() != ',') return;
    ++p_;
    ReadKey();
  }
  // A string without escapes, as a view into the payload.
  void ReadRawString(std::string_view& out) {
    Expect('"');
    if (!ok()) return;
    const char* start = p_;
    while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
    if (p_ == end_ || *p_ != '"')
      return Fail("", "unexpected escape, control character or end of text");
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    ++p_;
  }
  void ReadString(std::string& out) {
    Expect('"');
    if (!ok()) return;
    while (true) {
      const char* start = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20)
        ++p_;
      out.append(start, static_cast<std::size_t>(p_ - start));
      if (p_ == end_) return Fail("", "unterminated string");
      if (static_cast<unsigned char>(*p_) < 0x20) return Fail("", "unescaped control character");
      if (*p_ == '"') break;
      if (end_ - p_ < 2) return Fail("", "unterminated escape");
      char e = p_[1];
      p_ += 2;
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'u': {
          // Canonical text escapes only the other control characters, as \u00xx.
          if (end_ - p_ < 4 || p_[0] != '0' || p_[1] != '0')
            return Fail("", "non-canonical \\u escape");
          unsigned value = 0;
          for (int i = 2; i < 4; ++i) {
            char h = p_[i];
            if (h >= '0' && h <= '9') {
              value = value * 16 + static_cast<unsigned>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
              value = value * 16 + static_cast<unsigned>(h - 'a' + 10);
            } else {
              return Fail("", "non-canonical \\u escape");
            }
          }
          // Characters with a short escape (b, f, n, r, t) never use the six-character form.
          bool has_short_form = value == '\b' || value == '\f' || value == '\n' || value == '\r' || value == '\t';
          if (value >= 0x20 || has_short_form) return Fail("", "non-canonical \\u escape");
          out.push_back(static_cast<char>(value));
          p_ += 4;
          break;
        }
        default:
          return Fail("", "unknown escape");
      }
    }
    ++p_;
  }
  void RefText(std::string_view name, std::string& value) {
    Text(name, value);
    if (ok() && !IsValidId(value)) Fail(name, "is not a valid record id");
  }
  void ReadDate(std::string_view name, Date& value) {
    std::string_view text;
    ReadRawString(text);
    if (!ok()) return;
    auto date = Date::Parse(text);
    if (!date) return Fail(name, "is not a date");
    value = *date;
  }
  void ReadInteger(std::string_view name, std::int64_t& value, std::int64_t min, std::int64_t max) {
    if (!ok()) return;
    auto [next, error] = std::from_chars(p_, end_, value);
    if (error != std::errc() || next == p_) return Fail(name, "is not an integer");
    // One spelling only: no leading zeros, no "-0".
    std::string_view digits(p_, static_cast<std::size_t>(next - p_));
    if (digits.front() == '-') digits.remove_prefix(1);
    if ((digits.size() > 1 && digits.front() == '0') || (value == 0 && *p_ == '-')) {
      return Fail(name, "is not a canonical integer");
    }
    p_ = next;
    if (value < min || value > max) Fail(name, "is out of range");
  }
  template <typename F>
  void ReadArray(F read_entry) {
    Expect('[');
    // Canonical text leaves empty lists out.
    if (ok() && Peek() == ']') return Fail("", "empty list");
    if (ok()) {
      std::size_t count = 0;
      while (ok()) {
        if (++count > limits::record_list_items_max) return Fail("", "list too long");
        read_entry();
        if (Peek() != ',') break;
        ++p_;
      }
    }
    Expect(']');
  }

  const char* p_;
  const char* end_;
  std::string_view key_;       // the next unread key of the current object
  std::string_view last_key_;  // the key read before it, for the order check
  bool has_key_ = false;
  Status status_;
};

}  // namespace

Record MakeRecord(RecordKind kind) {
  static constexpr auto kMakers = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<Record (*)(), sizeof...(I)>{
        +[]() -> Record { return Record(std::in_place_index<I>); }...};
  }
  (std::make_index_sequence<std::variant_size_v<Record>>());
  return kMakers[static_cast<std::size_t>(kind) - 1]();
}

Result<Record> ReadCanonicalPayload(RecordKind kind, std::string_view payload) {
  if (!simdjson::validate_utf8(payload.data(), payload.size())) {
    return Status::DataError("payload is not valid UTF-8");
  }
  Record record = MakeRecord(kind);
  PayloadVisitor visitor(payload.data(), payload.data() + payload.size());
  visitor.BeginObject();
  std::visit([&](auto& r) { r.Visit(visitor); }, record);
  visitor.EndObject();
  if (!visitor.ok()) return visitor.status();
  if (!visitor.AtEnd()) return Status::DataError("payload is not canonical: text after the record");
  return record;
}

}  // namespace ramstein
