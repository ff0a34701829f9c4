#include "model/code_point_index.h"

namespace ramstein {

namespace {
bool StartsCodePoint(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }
}  // namespace

CodePointIndex::CodePointIndex(std::string_view text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!StartsCodePoint(text[i])) continue;
    if (code_points_ % kStride == 0) checkpoints_.push_back(i);
    ++code_points_;
  }
}

std::size_t CodePointIndex::ByteOf(std::string_view text, std::int64_t code_point) const {
  if (code_point == code_points_) return text.size();
  std::size_t byte = checkpoints_[static_cast<std::size_t>(code_point / kStride)];
  for (std::int64_t left = code_point % kStride; left > 0; --left) {
    ++byte;
    while (byte < text.size() && !StartsCodePoint(text[byte])) ++byte;
  }
  return byte;
}

std::optional<std::string_view> CodePointIndex::Slice(std::string_view text, std::int64_t start,
                                                      std::int64_t end) const {
  if (start < 0 || end < start || end > code_points_) return std::nullopt;
  std::size_t begin_byte = ByteOf(text, start);
  return text.substr(begin_byte, ByteOf(text, end) - begin_byte);
}

}  // namespace ramstein
