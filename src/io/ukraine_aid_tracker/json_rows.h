// Where the rows of a JSON array of arrays lie in its text: the files of the
// UkraineAidTracker are such arrays, and each imported row quotes its own.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <utility>
#include <vector>

namespace ramstein {

// [begin, end) byte offsets of each element of the top-level array, from
// simdjson's on-demand parser (its DOM keeps no positions): from the row's
// '[' to the end of its field number fields_quoted - 1, or to its ']' when
// it has no more fields than that (so a quote can leave out trailing fields
// that belong to something else). (0, 0) for an element that is not an
// array of scalars; empty if the text is not a JSON array.
// REQUIRES: fields_quoted >= 1.
std::vector<std::pair<std::size_t, std::size_t>> JsonRowRanges(const simdjson::padded_string& padded,
                                                              std::size_t fields_quoted);

}  // namespace ramstein
