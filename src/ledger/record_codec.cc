#include "ledger/record_codec.h"

#include "ledger/record_visitor.h"

#include <simdjson.h>
#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <span>

#include "base/check.h"
#include "base/limits.h"
#include "ledger/canonical_json.h"
#include "ledger/payload_reader.h"

namespace ramstein {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// Reads the fields of one JSON object into a struct through its Visit().
// Remembers the first error; later calls are no-ops once one is set.
class DecodeVisitor {
 public:
  // Collects the object's fields sorted by key (canonical payloads already
  // are), so that Visit(), which names fields in key order, finds each by
  // walking forward once.
  DecodeVisitor(object obj, const FieldPath* path, const DecodeOptions* options,
                std::span<const std::string_view> extra_keys = {})
      : path_(path), options_(options), extra_keys_(extra_keys) {
    bool sorted = true;
    for (auto field : obj) {
      if (field_count_ == kFieldsMax) {
        Fail(std::string(field.key), "the object has more fields than any record kind");
        return;
      }
      if (field_count_ > 0 && !(fields_[field_count_ - 1].key < field.key)) sorted = false;
      fields_[field_count_++] = {field.key, field.value};
    }
    if (!sorted) {
      std::stable_sort(fields_.begin(), fields_.begin() + static_cast<std::ptrdiff_t>(field_count_),
                       [](const Field& a, const Field& b) { return a.key < b.key; });
    }
  }

  Status Finish() {
    if (!status_.ok()) return status_;
    SkipTo(std::string_view("\xff\xff\xff\xff", 4));  // everything left is unknown
    return status_;
  }

  void Correction(std::optional<std::string>& value) { OptText("correction", value); }
  void Id(std::string& value) {
    Text("id", value);
    if (status_.ok() && !IsValidId(value)) {
      Fail("id", "must be 1 to 200 characters of A-Z a-z 0-9 . _ : / -");
    }
  }
  void EvidenceList(std::vector<Evidence>& list) { List("evidence", list); }

  void Text(std::string_view name, std::string& value) {
    auto found = Lookup(name);
    if (!found) {
      if (status_.ok()) Fail(std::string(name), "required field is missing");
      return;
    }
    ReadString(name, *found, value);
  }
  void OptText(std::string_view name, std::optional<std::string>& value) {
    auto found = Lookup(name);
    if (!found) return;
    value.emplace();
    ReadString(name, *found, *value);
  }
  void OptDocument(std::string_view name, std::optional<std::string>& value);

  void Ref(std::string_view name, std::string& value, RecordKind) { RefText(name, value); }
  void AnyRef(std::string_view name, std::string& value) { RefText(name, value); }
  void OptRef(std::string_view name, std::optional<std::string>& value, RecordKind) {
    if (!Has(name)) return;
    value.emplace();
    RefText(name, *value);
  }
  void RefList(std::string_view name, std::vector<std::string>& values, RecordKind) {
    StringList(name, values, true);
  }
  void TextList(std::string_view name, std::vector<std::string>& values) {
    StringList(name, values, false);
  }

  void DateField(std::string_view name, Date& value) {
    std::string text;
    Text(name, text);
    if (status_.ok()) ParseDate(name, text, value);
  }
  void OptDate(std::string_view name, std::optional<Date>& value) {
    if (!Has(name)) return;
    value.emplace();
    DateField(name, *value);
  }

  void Integer(std::string_view name, std::int64_t& value, std::int64_t min, std::int64_t max) {
    auto found = Lookup(name);
    if (!found) {
      if (status_.ok()) Fail(std::string(name), "required field is missing");
      return;
    }
    ReadInteger(name, *found, value, min, max);
  }
  void OptInteger(std::string_view name, std::optional<std::int64_t>& value, std::int64_t min,
                  std::int64_t max) {
    auto found = Lookup(name);
    if (!found) return;
    value.emplace();
    ReadInteger(name, *found, *value, min, max);
  }

  void Currency(std::string_view name, std::string& value) {
    Text(name, value);
    if (status_.ok() && !Currency::FromCode(value)) {
      Fail(std::string(name), "unknown currency '" + value + "' (ISO 4217 code expected)");
    }
  }
  void OptMoney(std::string_view name, std::optional<Money>& value);

  template <typename E, std::size_t N>
  void Enum(std::string_view name, E& value, const std::array<std::string_view, N>& names) {
    std::string text;
    Text(name, text);
    if (!status_.ok()) return;
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == text) {
        value = static_cast<E>(i);
        return;
      }
    }
    std::string allowed;
    for (auto n : names) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
    Fail(std::string(name), "'" + text + "' is not one of: " + allowed);
  }

  template <typename T>
  void List(std::string_view name, std::vector<T>& values) {
    auto found = Lookup(name);
    if (!found) return;
    simdjson::dom::array array;
    if (found->get_array().get(array)) {
      Fail(std::string(name), "must be an array");
      return;
    }
    if (array.size() > limits::record_list_items_max) {
      Fail(std::string(name), "has more than the allowed number of entries");
      return;
    }
    std::size_t index = 0;
    values.reserve(array.size());
    for (element entry : array) {
      FieldPath entry_path(path_, name, index++);
      object entry_object;
      if (entry.get_object().get(entry_object)) {
        status_ = Status::DataError("field '" + entry_path.ToString() + "': must be an object");
        return;
      }
      DecodeVisitor nested(entry_object, &entry_path, options_);
      values.emplace_back().Visit(nested);
      status_ = nested.Finish();
      if (!status_.ok()) return;
    }
  }

 private:
  std::string Path(std::string_view name) const { return FieldPath(path_, name).ToString(); }
  void Fail(const std::string& name, const std::string& message) {
    if (status_.ok()) status_ = Status::DataError("field '" + Path(name) + "': " + message);
  }
  bool Has(std::string_view name) { return Lookup(name).has_value(); }
  // Advances past keys below `name`, each of which is unknown (unless the
  // caller reads it itself) or a duplicate.
  void SkipTo(std::string_view name) {
    while (cursor_ < field_count_ && fields_[cursor_].key < name) {
      std::string_view key = fields_[cursor_].key;
      bool extra = std::find(extra_keys_.begin(), extra_keys_.end(), key) != extra_keys_.end();
      if (key == last_key_) {
        Fail(std::string(key), "duplicate field");
      } else if (!extra) {
        Fail(std::string(key), "unknown field");
      }
      last_key_ = key;
      ++cursor_;
    }
  }
  std::optional<element> Lookup(std::string_view name) {
    if (!status_.ok()) return std::nullopt;
    if (name == last_key_ && last_value_) return last_value_;  // read twice by one Visit entry
    SkipTo(name);
    if (!status_.ok() || cursor_ >= field_count_ || fields_[cursor_].key != name)
      return std::nullopt;
    element value = fields_[cursor_].value;
    last_key_ = name;
    ++cursor_;
    if (cursor_ < field_count_ && fields_[cursor_].key == name) {
      Fail(std::string(name), "duplicate field");
      return std::nullopt;
    }
    last_value_ =
        value.is_null() ? std::nullopt : std::optional<element>(value);  // null means absent
    return last_value_;
  }
  void ReadString(std::string_view name, element value, std::string& out) {
    std::string_view text;
    if (value.get_string().get(text)) {
      Fail(std::string(name), "must be a string");
      return;
    }
    if (text.size() > limits::field_bytes_max) {
      Fail(std::string(name),
           "is longer than " + std::to_string(limits::field_bytes_max) + " bytes");
      return;
    }
    out.assign(text);
  }
  void RefText(std::string_view name, std::string& value) {
    Text(name, value);
    if (status_.ok() && !IsValidId(value)) Fail(std::string(name), "is not a valid record id");
  }
  void StringList(std::string_view name, std::vector<std::string>& values, bool ids) {
    auto found = Lookup(name);
    if (!found) return;
    simdjson::dom::array array;
    if (found->get_array().get(array)) {
      Fail(std::string(name), "must be an array of strings");
      return;
    }
    if (array.size() > limits::record_list_items_max) {
      Fail(std::string(name), "has too many entries");
      return;
    }
    std::size_t index = 0;
    for (element entry : array) {
      std::string entry_name = std::string(name) + "[" + std::to_string(index++) + "]";
      ReadString(entry_name, entry, values.emplace_back());
      if (!status_.ok()) return;
      if (ids && !IsValidId(values.back())) {
        Fail(entry_name, "is not a valid record id");
        return;
      }
    }
  }
  void ParseDate(std::string_view name, const std::string& text, Date& value) {
    auto date = Date::Parse(text);
    if (!date) {
      Fail(std::string(name), Date::Refusal(text));
      return;
    }
    value = *date;
  }
  void ReadInteger(std::string_view name, element value, std::int64_t& out, std::int64_t min,
                   std::int64_t max) {
    std::int64_t number;
    if (value.type() == element_type::DOUBLE) {
      Fail(std::string(name), "must be an integer, not a fraction or exponent");
      return;
    }
    if (value.get_int64().get(number)) {
      Fail(std::string(name), value.is_uint64() ? "is out of range" : "must be an integer");
      return;
    }
    if (number < min || number > max) {
      Fail(std::string(name),
           number < min && min == 0 ? "must not be negative" : "is out of range");
      return;
    }
    out = number;
  }

  struct Field {
    std::string_view key;
    element value;
  };
  static constexpr std::size_t kFieldsMax = 32;
  std::array<Field, kFieldsMax> fields_;
  std::size_t field_count_ = 0;
  std::size_t cursor_ = 0;
  std::string_view last_key_;
  std::optional<element> last_value_;
  const FieldPath* path_;  // of the object this visitor reads; null at the top
  const DecodeOptions* options_;
  std::span<const std::string_view> extra_keys_;
  Status status_;
};

void DecodeVisitor::OptMoney(std::string_view name, std::optional<Money>& value) {
  auto found = Lookup(name);
  if (!found) return;
  object money_object;
  if (found->get_object().get(money_object)) {
    Fail(std::string(name), "must be an object {\"amount\": \"123.45\", \"currency\": \"EUR\"}");
    return;
  }
  FieldPath money_path(path_, name);
  DecodeVisitor nested(money_object, &money_path, options_);
  auto amount = nested.Lookup("amount");
  std::string code;
  nested.Text("currency", code);
  auto currency = nested.status_.ok() ? Currency::FromCode(code) : std::nullopt;
  if (nested.status_.ok() && !currency) {
    nested.Fail("currency", "unknown currency '" + code + "' (ISO 4217 code expected)");
  }
  if (nested.status_.ok() && !amount) nested.Fail("amount", "required field is missing");
  if (nested.status_.ok()) {
    std::string_view text;
    std::int64_t whole = 0;
    std::optional<std::int64_t> minor;
    if (!amount->get_string().get(text)) {
      minor = ParseDecimalMinor(text, currency->exponent(), limits::money_minor_max);
      // JSON's number -0 is the integer 0 and is read as zero; so is the
      // string "-0" ("-0.00"): one rule for both spellings, and no other sign.
      if (!minor && text.size() > 1 && text[0] == '-' &&
          ParseDecimalMinor(text.substr(1), currency->exponent(), limits::money_minor_max) == 0)
        minor = 0;
    } else if (amount->type() == element_type::INT64 && !amount->get_int64().get(whole) &&
               whole >= 0) {
      minor =
          ParseDecimalMinor(std::to_string(whole), currency->exponent(), limits::money_minor_max);
    } else if (amount->type() == element_type::DOUBLE) {
      nested.Fail("amount", "must be a decimal string (\"150.5\") or an integer, never a float");
    }
    if (nested.status_.ok() && !minor) {
      nested.Fail("amount", "must be a non-negative decimal with at most " +
                                std::to_string(currency->exponent()) + " decimals for " + code +
                                ", below the limit");
    }
    if (nested.status_.ok()) value = Money{*minor, *currency};
  }
  Status finished = nested.Finish();
  if (status_.ok() && !finished.ok()) status_ = finished;
}

void DecodeVisitor::OptDocument(std::string_view name, std::optional<std::string>& value) {
  auto found = Lookup(name);
  if (found) {
    value.emplace();
    std::string_view text;
    if (found->get_string().get(text)) {
      Fail(std::string(name), "must be a string");
      return;
    }
    if (text.size() > limits::source_document_bytes_max) {
      Fail(std::string(name), "document is larger than the limit");
      return;
    }
    value->assign(text);
    return;
  }
  // Input only: the document's text may be given as a file beside the input.
  auto file = Lookup("text_file");
  if (!file) return;
  std::string path;
  ReadString("text_file", *file, path);
  if (!status_.ok()) return;
  if (!options_ || !options_->load_document) {
    Fail("text_file", "documents can only be loaded when importing a file");
    return;
  }
  auto loaded = options_->load_document(path);
  if (!loaded.ok()) {
    Fail("text_file", loaded.status().message());
    return;
  }
  if (loaded.value().size() > limits::source_document_bytes_max) {
    Fail("text_file", "document is larger than the limit");
    return;
  }
  value = std::move(loaded).value();
}

// Writes a struct's fields through its Visit() into canonical JSON.
class EncodeVisitor {
 public:
  explicit EncodeVisitor(CanonicalJson& out) : out_(out) {}

  void Correction(const std::optional<std::string>& value) { OptText("correction", value); }
  void Id(const std::string& value) { Text("id", value); }
  void EvidenceList(const std::vector<Evidence>& list) { List("evidence", list); }
  void Text(std::string_view name, const std::string& value) {
    out_.Key(name);
    out_.String(value);
  }
  void OptText(std::string_view name, const std::optional<std::string>& value) {
    if (value) Text(name, *value);
  }
  void OptDocument(std::string_view name, const std::optional<std::string>& value) {
    OptText(name, value);
  }
  void Ref(std::string_view name, const std::string& value, RecordKind) { Text(name, value); }
  void AnyRef(std::string_view name, const std::string& value) { Text(name, value); }
  void OptRef(std::string_view name, const std::optional<std::string>& value, RecordKind) {
    OptText(name, value);
  }
  void RefList(std::string_view name, const std::vector<std::string>& values, RecordKind) {
    TextList(name, values);
  }
  void TextList(std::string_view name, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out_.Key(name);
    out_.BeginArray();
    for (const auto& v : values) out_.String(v);
    out_.EndArray();
  }
  void DateField(std::string_view name, const Date& value) {
    out_.Key(name);
    out_.String(value.ToString());
  }
  void OptDate(std::string_view name, const std::optional<Date>& value) {
    if (value) DateField(name, *value);
  }
  void Integer(std::string_view name, const std::int64_t& value, std::int64_t, std::int64_t) {
    out_.Key(name);
    out_.Integer(value);
  }
  void OptInteger(std::string_view name, const std::optional<std::int64_t>& value, std::int64_t min,
                  std::int64_t max) {
    if (value) Integer(name, *value, min, max);
  }
  void Currency(std::string_view name, const std::string& value) { Text(name, value); }
  void OptMoney(std::string_view name, const std::optional<Money>& value) {
    if (!value) return;
    out_.Key(name);
    out_.BeginObject();
    out_.Key("amount");
    out_.String(FormatMinor(value->minor, value->currency.exponent(), false));
    out_.Key("currency");
    out_.String(value->currency.code());
    out_.EndObject();
  }
  template <typename E, std::size_t N>
  void Enum(std::string_view name, const E& value, const std::array<std::string_view, N>& names) {
    out_.Key(name);
    out_.String(names[static_cast<std::size_t>(value)]);
  }
  template <typename T>
  void List(std::string_view name, const std::vector<T>& values) {
    if (values.empty()) return;
    out_.Key(name);
    out_.BeginArray();
    for (const auto& v : values) {
      out_.BeginObject();
      const_cast<T&>(v).Visit(*this);
      out_.EndObject();
    }
    out_.EndArray();
  }

 private:
  CanonicalJson& out_;
};

// Reports every reference through a ReferenceVisitor.
class ReferenceCollector : public IgnoringVisitor {
 public:
  ReferenceCollector(const ReferenceVisitor& visit, const FieldPath* parent)
      : visit_(visit), parent_(parent) {}
  void EvidenceList(const std::vector<Evidence>& list) { List("evidence", list); }
  void Ref(std::string_view name, const std::string& value, RecordKind kind) {
    visit_(FieldPath(parent_, name), kind, value);
  }
  void AnyRef(std::string_view name, const std::string& value) {
    visit_(FieldPath(parent_, name), std::nullopt, value);
  }
  void OptRef(std::string_view name, const std::optional<std::string>& value, RecordKind kind) {
    if (value) Ref(name, *value, kind);
  }
  void RefList(std::string_view name, const std::vector<std::string>& values, RecordKind kind) {
    for (std::size_t i = 0; i < values.size(); ++i)
      visit_(FieldPath(parent_, name, i), kind, values[i]);
  }
  template <typename T>
  void List(std::string_view name, const std::vector<T>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      FieldPath entry(parent_, name, i);
      ReferenceCollector nested(visit_, &entry);
      const_cast<T&>(values[i]).Visit(nested);
    }
  }

 private:
  const ReferenceVisitor& visit_;
  const FieldPath* parent_;
};

simdjson::dom::parser& ThreadParser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

// Builds the record of `kind` from `obj`; `extra_keys` are keys the caller
// reads itself ("kind").
Result<Record> DecodeObject(RecordKind kind, object obj, const DecodeOptions* options,
                            std::span<const std::string_view> extra_keys) {
  Record record = MakeRecord(kind);
  DecodeVisitor visitor(obj, nullptr, options, extra_keys);
  std::visit([&](auto& r) { r.Visit(visitor); }, record);
  Status status = visitor.Finish();
  if (!status.ok()) return status;
  if (auto* source = std::get_if<SourceRecord>(&record)) {
    // The content hash is derived from the text when the text is held.
    if (source->text) {
      std::string computed = Sha256Hex(*source->text);
      if (!source->sha256.empty() && source->sha256 != computed) {
        return Status::DataError("field 'sha256': does not match the document's text (computed " +
                                 computed + ")");
      }
      source->sha256 = computed;
    }
  }
  return record;
}

Result<object> ParseObject(std::string_view json) {
  if (json.size() > limits::record_line_bytes_max) {
    return Status::DataError("record is longer than " +
                             std::to_string(limits::record_line_bytes_max) + " bytes");
  }
  // simdjson reads up to SIMDJSON_PADDING bytes past the end: parse from a
  // reused padded copy rather than allocating one per record.
  thread_local std::vector<char> padded;
  if (padded.size() < json.size() + simdjson::SIMDJSON_PADDING) {
    padded.resize(json.size() + simdjson::SIMDJSON_PADDING);
  }
  std::memcpy(padded.data(), json.data(), json.size());
  element doc;
  auto error = ThreadParser().parse(padded.data(), json.size(), false).get(doc);
  if (error)
    return Status::DataError(std::string("malformed JSON: ") + simdjson::error_message(error));
  object obj;
  if (doc.get_object().get(obj)) return Status::DataError("a record must be a JSON object");
  return obj;
}

}  // namespace

Result<Record> DecodeInputRecord(std::string_view json, const DecodeOptions& options) {
  auto obj = ParseObject(json);
  if (!obj.ok()) return obj.status();
  std::string_view kind_name;
  element kind_element;
  if (obj->at_key("kind").get(kind_element)) {
    return Status::DataError("field 'kind': required field is missing");
  }
  if (kind_element.get_string().get(kind_name)) {
    return Status::DataError("field 'kind': must be a string");
  }
  auto kind = RecordKindFromName(kind_name);
  if (!kind)
    return Status::DataError("field 'kind': unknown record kind '" + std::string(kind_name) + "'");
  // Source records may carry "text_file"; the visitor marks it as read itself.
  static constexpr std::string_view kExtra[] = {"kind"};
  auto record = DecodeObject(*kind, *obj, &options, kExtra);
  if (!record.ok()) return record;
  // One spelling per meaning: public is the absence of a classification,
  // and the actors a record is releasable to are a set.
  Common& common = CommonOf(*record);
  if (common.classification == "public") common.classification.reset();
  std::sort(common.releasable_to.begin(), common.releasable_to.end());
  common.releasable_to.erase(std::unique(common.releasable_to.begin(), common.releasable_to.end()),
                             common.releasable_to.end());
  return record;
}

Result<Record> DecodePayload(RecordKind kind, std::string_view payload) {
  return ReadCanonicalPayload(kind, payload);
}

std::string EncodePayload(const Record& record) {
  CanonicalJson out;
  out.BeginObject();
  EncodeVisitor visitor(out);
  std::visit([&](auto& r) { const_cast<std::decay_t<decltype(r)>&>(r).Visit(visitor); }, record);
  out.EndObject();
  return out.Take();
}

std::string EncodeInputRecord(const Record& record) {
  std::string payload = EncodePayload(record);
  std::string out = "{\"kind\":";
  AppendJsonString(out, RecordKindName(KindOf(record)));
  if (payload.size() > 2) out += ",";
  out.append(payload, 1, std::string::npos);
  return out;
}

std::string FieldPath::ToString() const {
  std::string out = parent_ ? parent_->ToString() + "." : "";
  out.append(name_);
  if (index_ != SIZE_MAX) out += "[" + std::to_string(index_) + "]";
  return out;
}

void VisitReferences(const Record& record, const ReferenceVisitor& visit) {
  ReferenceCollector collector(visit, nullptr);
  std::visit([&](auto& r) { const_cast<std::decay_t<decltype(r)>&>(r).Visit(collector); }, record);
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > limits::record_id_bytes_max) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == ':' || c == '/' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string Sha256Hex(std::string_view text) {
  // OpenSSL's SHA-256 uses the CPU's SHA instructions where it has them: a
  // 100 MB file hashes in about 55 ms against libsodium's 270 ms.
  // Fetched once: OpenSSL 3 looks the algorithm up on every call otherwise,
  // which costs more than hashing a URL.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  RAMSTEIN_CHECK(sha256 != nullptr);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  RAMSTEIN_CHECK(EVP_Digest(text.data(), text.size(), digest, &size, sha256, nullptr) == 1 &&
                 size == crypto_hash_sha256_BYTES);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, crypto_hash_sha256_BYTES);
  return hex;
}

}  // namespace ramstein
