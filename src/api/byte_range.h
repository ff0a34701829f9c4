// ByteRange: what a request's Range header (RFC 9110 section 14.2) asks of
// one answer of `length` bytes, decided before a byte is sent.
//
//   no header, another unit, a malformed or multi-range value -> full (200):
//       a server may ignore Range, and multipart answers are not made
//   "bytes=A-B", "bytes=A-", "bytes=-N" within the answer -> partial (206),
//       the last byte clamped to length - 1, a suffix longer than the answer
//       taking all of it
//   A at or past the end, "-0", any range of an empty answer
//       -> unsatisfiable (416, "Content-Range: bytes */length")
//
// Every partial range lies inside [0, length): first <= last < length.
#pragma once

#include <cstdint>
#include <string_view>

namespace ramstein {

struct ByteRange {
  enum class Kind { full, partial, unsatisfiable };
  Kind kind = Kind::full;
  std::uint64_t first = 0;  // partial only: the first and last byte sent
  std::uint64_t last = 0;
};

ByteRange ParseByteRange(std::string_view header, std::uint64_t length);

}  // namespace ramstein
