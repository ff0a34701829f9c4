#include "ledger/record_binary.h"

#include "base/utf8.h"
#include "ledger/payload_reader.h"
#include "ledger/record_codec.h"

namespace ramstein {

namespace {

class BinaryRecordWriter {
 public:
  explicit BinaryRecordWriter(BinaryWriter& out) : out_(out) {}

  void Correction(const std::optional<std::string>& value) { OptText("correction", value); }
  void Id(const std::string& value) { out_.Bytes(value); }
  void EvidenceList(const std::vector<Evidence>& list) { List("evidence", list); }
  void Text(std::string_view, const std::string& value) { out_.Bytes(value); }
  void OptText(std::string_view, const std::optional<std::string>& value) {
    out_.U8(value.has_value());
    if (value) out_.Bytes(*value);
  }
  void OptDocument(std::string_view name, const std::optional<std::string>& value) { OptText(name, value); }
  void Ref(std::string_view, const std::string& value, RecordKind) { out_.Bytes(value); }
  void AnyRef(std::string_view, const std::string& value) { out_.Bytes(value); }
  void OptRef(std::string_view name, const std::optional<std::string>& value, RecordKind) { OptText(name, value); }
  void RefList(std::string_view name, const std::vector<std::string>& values, RecordKind) { TextList(name, values); }
  void TextList(std::string_view, const std::vector<std::string>& values) {
    out_.Varint(values.size());
    for (const auto& value : values) out_.Bytes(value);
  }
  void DateField(std::string_view, const Date& value) {
    out_.Signed(value.days);
    out_.U8(static_cast<std::uint8_t>(value.precision));
  }
  void OptDate(std::string_view name, const std::optional<Date>& value) {
    out_.U8(value.has_value());
    if (value) DateField(name, *value);
  }
  void Integer(std::string_view, const std::int64_t& value, std::int64_t, std::int64_t) { out_.Signed(value); }
  void OptInteger(std::string_view, const std::optional<std::int64_t>& value, std::int64_t, std::int64_t) {
    out_.U8(value.has_value());
    if (value) out_.Signed(*value);
  }
  void Currency(std::string_view, const std::string& value) { out_.Bytes(value); }
  void OptMoney(std::string_view, const std::optional<Money>& value) {
    out_.U8(value.has_value());
    if (!value) return;
    out_.Signed(value->minor);
    out_.Varint(value->currency.index());
  }
  template <typename E, std::size_t N>
  void Enum(std::string_view, const E& value, const std::array<std::string_view, N>&) {
    out_.U8(static_cast<std::uint8_t>(value));
  }
  template <typename T>
  void List(std::string_view, const std::vector<T>& values) {
    out_.Varint(values.size());
    for (const T& value : values) const_cast<T&>(value).Visit(*this);
  }

 private:
  BinaryWriter& out_;
};

class BinaryRecordReader {
 public:
  explicit BinaryRecordReader(BinaryReader& in) : in_(in) {}

  void Correction(std::optional<std::string>& value) { OptText("correction", value); }
  void Id(std::string& value) { RefText("id", value); }
  void EvidenceList(std::vector<Evidence>& list) { List("evidence", list); }
  void Text(std::string_view name, std::string& value) { ReadText(name, value); }
  void OptText(std::string_view name, std::optional<std::string>& value) {
    if (Present(name)) ReadText(name, value.emplace());
  }
  void OptDocument(std::string_view name, std::optional<std::string>& value) { OptText(name, value); }
  void Ref(std::string_view name, std::string& value, RecordKind) { RefText(name, value); }
  void AnyRef(std::string_view name, std::string& value) { RefText(name, value); }
  void OptRef(std::string_view name, std::optional<std::string>& value, RecordKind) {
    if (Present(name)) RefText(name, value.emplace());
  }
  void RefList(std::string_view name, std::vector<std::string>& values, RecordKind) {
    std::uint64_t count = Count(name);
    values.resize(count);
    for (auto& value : values) RefText(name, value);
  }
  void TextList(std::string_view name, std::vector<std::string>& values) {
    std::uint64_t count = Count(name);
    values.resize(count);
    for (auto& value : values) ReadText(name, value);
  }
  void DateField(std::string_view name, Date& value) {
    std::int64_t days = in_.Signed();
    std::uint8_t precision = in_.U8();
    static const std::int32_t kFirst = DaysFromCivil(Date::year_min, 1, 1);
    static const std::int32_t kLast = DaysFromCivil(Date::year_max, 12, 31);
    if (days < kFirst || days > kLast || precision > static_cast<std::uint8_t>(Date::Precision::year)) {
      return Fail(name, "is not a date of the ledger's years");
    }
    value.days = static_cast<std::int32_t>(days);
    value.precision = static_cast<Date::Precision>(precision);
    if (value.precision == Date::Precision::day) return;
    int year;
    unsigned month, day;
    CivilFromDays(value.days, &year, &month, &day);
    if (day != 1 || (value.precision == Date::Precision::year && month != 1)) {
      Fail(name, "is a partial date that does not start its month or year");
    }
  }
  void OptDate(std::string_view name, std::optional<Date>& value) {
    if (Present(name)) DateField(name, value.emplace());
  }
  void Integer(std::string_view name, std::int64_t& value, std::int64_t min, std::int64_t max) {
    value = in_.Signed();
    if (value < min || value > max) Fail(name, "is out of range");
  }
  void OptInteger(std::string_view name, std::optional<std::int64_t>& value, std::int64_t min, std::int64_t max) {
    if (Present(name)) Integer(name, value.emplace(), min, max);
  }
  void Currency(std::string_view name, std::string& value) {
    ReadText(name, value);
    if (in_.ok() && !Currency::FromCode(value)) Fail(name, "unknown currency");
  }
  void OptMoney(std::string_view name, std::optional<Money>& value) {
    if (!Present(name)) return;
    std::int64_t minor = in_.Signed();
    std::uint64_t currency = in_.Varint();
    if (minor < 0 || minor > limits::money_minor_max) return Fail(name, "amount is out of range");
    if (currency >= Currency::count()) return Fail(name, "unknown currency");
    value = Money{minor, Currency::FromIndex(static_cast<std::uint16_t>(currency))};
  }
  template <typename E, std::size_t N>
  void Enum(std::string_view name, E& value, const std::array<std::string_view, N>&) {
    std::uint8_t code = in_.U8();
    if (code >= N) return Fail(name, "has an unknown value");
    value = static_cast<E>(code);
  }
  template <typename T>
  void List(std::string_view name, std::vector<T>& values) {
    std::uint64_t count = Count(name);
    values.resize(count);
    for (T& value : values) {
      if (!in_.ok()) return;
      value.Visit(*this);
    }
  }

 private:
  void Fail(std::string_view name, std::string_view what) {
    in_.Fail("field '" + std::string(name) + "' " + std::string(what));
  }
  bool Present(std::string_view name) {
    std::uint8_t flag = in_.U8();
    if (flag > 1) Fail(name, "has a bad presence flag");
    return flag == 1 && in_.ok();
  }
  // A list's length; empty lists are left out of payloads, so they are
  // allowed here only as the empty default.
  std::uint64_t Count(std::string_view name) {
    std::uint64_t count = in_.Varint();
    // Each entry takes at least one byte: a count past what remains is damage.
    if (count > limits::record_list_items_max || count > in_.remaining()) {
      Fail(name, "has a bad length");
      return 0;
    }
    return count;
  }
  void ReadText(std::string_view name, std::string& value) {
    std::string_view bytes = in_.Bytes();
    if (!in_.ok()) return;
    if (!IsValidUtf8(bytes)) return Fail(name, "is not valid UTF-8");
    value.assign(bytes);
  }
  void RefText(std::string_view name, std::string& value) {
    ReadText(name, value);
    if (in_.ok() && !IsValidId(value)) Fail(name, "is not a valid record id");
  }

  BinaryReader& in_;
};

}  // namespace

void WriteBinaryRecord(const Record& record, BinaryWriter& out) {
  BinaryRecordWriter writer(out);
  std::visit([&](const auto& r) { const_cast<std::decay_t<decltype(r)>&>(r).Visit(writer); }, record);
}

Record ReadBinaryRecord(RecordKind kind, BinaryReader& in) {
  Record record = MakeRecord(kind);
  BinaryRecordReader reader(in);
  std::visit([&](auto& r) { r.Visit(reader); }, record);
  return record;
}

}  // namespace ramstein
