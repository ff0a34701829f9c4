// CodePointIndex: finds code-point offsets in a UTF-8 text without scanning
// it from the start. Evidence offsets count Unicode code points; an imported
// file quoted row by row would otherwise cost a scan per row (quadratic in
// the file's size).
//
// Thread safety: immutable after construction.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ramstein {

class CodePointIndex {
 public:
  // Reads `text` once. The index holds offsets, not the text.
  explicit CodePointIndex(std::string_view text);

  // The bytes of code points [start, end) of `text`, or nullopt when the text
  // has fewer than `end` code points. REQUIRES: `text` is the text indexed
  // and 0 <= start <= end.
  std::optional<std::string_view> Slice(std::string_view text, std::int64_t start,
                                        std::int64_t end) const;

 private:
  static constexpr std::int64_t kStride = 256;  // code points between checkpoints
  std::vector<std::size_t> checkpoints_;         // byte offset of code point i * kStride
  std::int64_t code_points_ = 0;

  std::size_t ByteOf(std::string_view text, std::int64_t code_point) const;
};

}  // namespace ramstein
