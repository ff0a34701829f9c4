// BinaryWriter and BinaryReader: the little-endian bytes of derived data
// (the model's snapshots, docs/formats/snapshots.md): unsigned LEB128
// varints, zigzag varints for signed numbers, fixed-width integers, and
// length-prefixed byte strings.
//
// The reader is bounded and never reads past its end: the first read that
// would (or a value a caller refuses through Fail) makes it fail, every
// later read returns zeros, and `error()` says what went wrong and at which
// offset. So a decoder reads straight through and checks `ok()` once.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace ramstein {

// Fixed-width values are copied as the host holds them: little-endian.
static_assert(std::endian::native == std::endian::little);

class BinaryWriter {
 public:
  explicit BinaryWriter(std::string* out) : out_(out) {}

  void Varint(std::uint64_t value) {
    char bytes[10];
    int n = 0;
    while (value >= 0x80) {
      bytes[n++] = static_cast<char>((value & 0x7f) | 0x80);
      value >>= 7;
    }
    bytes[n++] = static_cast<char>(value);
    out_->append(bytes, static_cast<std::size_t>(n));
  }
  void Signed(std::int64_t value) {
    Varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
  }
  void U8(std::uint8_t value) { out_->push_back(static_cast<char>(value)); }
  template <typename T>
  void Fixed(T value) {
    static_assert(std::is_integral_v<T> || std::is_same_v<T, __int128>);
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out_->append(bytes, sizeof(T));
  }
  void Bytes(std::string_view bytes) {
    Varint(bytes.size());
    out_->append(bytes);
  }
  // Raw bytes without a length (the caller wrote the count).
  void Raw(const void* data, std::size_t size) { out_->append(static_cast<const char*>(data), size); }
  std::size_t size() const { return out_->size(); }

 private:
  std::string* out_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view bytes) : begin_(bytes.data()), p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  bool ok() const { return error_.empty(); }
  bool AtEnd() const { return p_ == end_; }
  std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }
  const std::string& error() const { return error_; }
  // Marks the reader failed (the first failure is kept).
  void Fail(std::string_view what) {
    if (!ok()) return;
    error_ = "at byte " + std::to_string(offset()) + ": " + std::string(what);
    p_ = end_;
  }

  std::uint64_t Varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) {
        Fail("the data ends inside a number");
        return 0;
      }
      auto byte = static_cast<std::uint8_t>(*p_++);
      if (shift == 63 && byte > 1) break;
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
    Fail("a number is longer than 64 bits");
    return 0;
  }
  // A varint at most `max`.
  std::uint64_t Bounded(std::uint64_t max, std::string_view what) {
    std::uint64_t value = Varint();
    if (value > max) {
      Fail(std::string(what) + " is out of range");
      return 0;
    }
    return value;
  }
  std::int64_t Signed() {
    std::uint64_t value = Varint();
    return static_cast<std::int64_t>((value >> 1) ^ (~(value & 1) + 1));
  }
  std::uint8_t U8() {
    if (p_ == end_) {
      Fail("the data ends early");
      return 0;
    }
    return static_cast<std::uint8_t>(*p_++);
  }
  template <typename T>
  T Fixed() {
    T value{};
    if (remaining() < sizeof(T)) {
      Fail("the data ends early");
      return value;
    }
    std::memcpy(&value, p_, sizeof(T));
    p_ += sizeof(T);
    return value;
  }
  // A length-prefixed byte string, as a view into the data.
  std::string_view Bytes() {
    std::uint64_t size = Varint();
    if (size > remaining()) {
      Fail("a string runs past the end of the data");
      return {};
    }
    std::string_view bytes(p_, size);
    p_ += size;
    return bytes;
  }
  // `size` raw bytes (the caller read the count), or null when fewer remain.
  const char* Raw(std::size_t size) {
    if (size > remaining()) {
      Fail("the data ends early");
      return nullptr;
    }
    const char* at = p_;
    p_ += size;
    return at;
  }

 private:
  const char* begin_;
  const char* p_;
  const char* end_;
  std::string error_;
};

}  // namespace ramstein
