// Utf8: strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
// past U+10FFFF.
#pragma once

#include <string>
#include <string_view>

namespace ramstein {

bool IsValidUtf8(std::string_view text);

// `text` with every byte that does not begin a valid sequence replaced by
// U+FFFD, so that bytes from outside can be echoed into JSON or a terminal.
std::string ToValidUtf8(std::string_view text);

}  // namespace ramstein
