// LineChunks: a text file read in chunks of whole lines, so that no import
// holds more of a file than one chunk and one line of at most
// limits::record_line_bytes_max. A longer line is skipped without being
// kept (its length is counted) and reported; a UTF-8 byte order mark at the
// start of the file is dropped (RFC 8259 lets a parser ignore it).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace ramstein {

struct LineChunkCallbacks {
  // Whole lines (each ending in '\n', except perhaps the file's last);
  // `first_line` is the 1-based number of the chunk's first line.
  std::function<void(std::string_view lines, std::size_t first_line)> lines;
  // A line of `bytes` bytes (without its '\n') longer than the limit.
  std::function<void(std::size_t line, std::uint64_t bytes)> long_line;
};

// The error for a line of `bytes` bytes past the limit (without the place).
std::string LineTooLong(std::uint64_t bytes);

// Reads `path` in chunks of about `chunk_bytes`. ReadOnlyFile's errors (base/
// read_only_file.h); `*file_bytes` is set to the file's size first.
Status ReadLineChunks(const std::string& path, std::size_t chunk_bytes, std::uint64_t* file_bytes,
                      const LineChunkCallbacks& callbacks);

}  // namespace ramstein
