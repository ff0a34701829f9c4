// Ascii: case folding of ASCII letters only, for matching names and header
// fields case-insensitively (other bytes, UTF-8 included, stay as they are).
#pragma once

#include <string>
#include <string_view>

namespace ramstein {

std::string AsciiLower(std::string_view text);

}  // namespace ramstein
