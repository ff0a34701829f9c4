#include "api/byte_range.h"

#include <optional>

namespace ramstein {

namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Decimal digits as a number; values past 2^63 saturate (they lie past any
// answer's end all the same). Nullopt when empty or not all digits.
std::optional<std::uint64_t> Digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  constexpr std::uint64_t kSaturated = std::uint64_t{1} << 63;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value >= kSaturated / 10 ? kSaturated : value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

bool StartsWithBytesUnit(std::string_view text) {
  constexpr std::string_view kUnit = "bytes=";
  if (text.size() < kUnit.size()) return false;
  for (std::size_t i = 0; i < kUnit.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kUnit[i]) return false;
  }
  return true;
}

}  // namespace

ByteRange ParseByteRange(std::string_view header, std::uint64_t length) {
  const ByteRange full;
  const ByteRange unsatisfiable{ByteRange::Kind::unsatisfiable, 0, 0};
  header = Trim(header);
  if (!StartsWithBytesUnit(header)) return full;
  std::string_view spec = Trim(header.substr(6));
  if (spec.find(',') != std::string_view::npos) return full;
  std::size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return full;
  std::string_view first_text = Trim(spec.substr(0, dash));
  std::string_view last_text = Trim(spec.substr(dash + 1));
  if (first_text.empty()) {  // a suffix: the last N bytes
    auto suffix = Digits(last_text);
    if (!suffix) return full;
    if (*suffix == 0 || length == 0) return unsatisfiable;
    std::uint64_t first = *suffix >= length ? 0 : length - *suffix;
    return {ByteRange::Kind::partial, first, length - 1};
  }
  auto first = Digits(first_text);
  if (!first) return full;
  std::optional<std::uint64_t> last;
  if (!last_text.empty()) {
    last = Digits(last_text);
    if (!last || *last < *first) return full;
  }
  if (*first >= length) return unsatisfiable;
  std::uint64_t end = last && *last < length ? *last : length - 1;
  return {ByteRange::Kind::partial, *first, end};
}

}  // namespace ramstein
