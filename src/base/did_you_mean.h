// The closest of the names a mistyped word could have been, for errors that
// say "did you mean 'report'?" (commands, formats, types, categories).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ramstein {

// The one of `names` closest to `word`: within an edit distance (insert,
// delete, replace, or swap two neighbours; ASCII letters compared without
// case) of a third of the longer of the two, at least 1, nearest first; or
// nullopt when none is that close.
std::optional<std::string> Closest(std::string_view word, const std::vector<std::string>& names);

// " (did you mean 'X'?)" for a word, or "" when nothing is close: to end an
// error message with.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& names);

}  // namespace ramstein
