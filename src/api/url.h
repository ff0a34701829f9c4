// Url: the parts of a request target the routes read, percent-decoded
// (RFC 3986): the path, and the query's name=value pairs ('+' is a space
// there, as forms send it). A malformed escape ("%zz", "%4") is an error,
// not passed on; so is a decoded NUL.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace ramstein {

// `text` with every %XX replaced by its byte (and '+' by a space when
// `plus_is_space`). InvalidArgument names the first bad escape.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// `text` with every byte but the unreserved ones (A-Z a-z 0-9 - . _ ~) and
// ':' written %XX: safe as a path segment or a query value.
std::string PercentEncode(std::string_view text);

struct ParsedTarget {
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;
};

// Splits "/path?a=1&b=2" (origin form only: it starts with '/'). A name
// given twice is refused: which one a route would read is not for the
// client to guess.
Result<ParsedTarget> ParseTarget(std::string_view target);

}  // namespace ramstein
