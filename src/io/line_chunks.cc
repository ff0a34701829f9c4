#include "io/line_chunks.h"

#include <algorithm>
#include <cstring>

#include "base/read_only_file.h"
#include "base/limits.h"

namespace ramstein {

std::string LineTooLong(std::uint64_t bytes) {
  return "line is " + std::to_string(bytes) + " bytes, more than the limit of " +
         std::to_string(limits::record_line_bytes_max);
}

Status ReadLineChunks(const std::string& path, std::size_t chunk_bytes, std::uint64_t* file_bytes,
                      const LineChunkCallbacks& callbacks) {
  RAMSTEIN_ASSIGN_OR_RETURN(ReadOnlyFile file, ReadOnlyFile::Open(path));
  *file_bytes = file.bytes();
  // buffer[0, kept) holds the start of a line not yet ended, then new bytes.
  // A file smaller than a chunk is read whole, into a buffer of its size
  // (one more byte to see the end): most files are small.
  const std::size_t chunk_buffer_bytes = chunk_bytes + limits::record_line_bytes_max + 1;
  std::string buffer(static_cast<std::size_t>(std::min<std::uint64_t>(chunk_buffer_bytes, *file_bytes + 1)), '\0');
  std::size_t kept = 0;
  std::size_t line = 1;              // number of the first line in the buffer
  bool skipping = false;             // inside a line past the limit
  std::uint64_t skipped_bytes = 0;   // of that line so far
  std::size_t skipped_line = 0;
  bool skipped_cr = false;           // that line's last byte so far was '\r'
  bool first_read = true;
  while (true) {
    // A file that grew since fstat: room for a whole chunk again.
    if (kept == buffer.size()) buffer.resize(chunk_buffer_bytes);
    RAMSTEIN_ASSIGN_OR_RETURN(std::size_t n, file.Read(buffer.data() + kept, buffer.size() - kept));
    std::size_t size = kept + n;
    std::size_t start = 0;
    if (first_read && size >= 3 && std::memcmp(buffer.data(), "\xEF\xBB\xBF", 3) == 0) start = 3;
    first_read = false;
    bool at_end = n == 0;
    std::string_view text(buffer.data() + start, size - start);
    if (skipping) {
      std::size_t newline = text.find('\n');
      if (newline == std::string_view::npos) {
        skipped_bytes += text.size();
        if (!text.empty()) skipped_cr = text.back() == '\r';
        kept = 0;
        if (!at_end) continue;
        callbacks.long_line(skipped_line, skipped_bytes);
        return Status::Ok();
      }
      skipped_bytes += newline;
      if (newline > 0 ? text[newline - 1] == '\r' : skipped_cr) --skipped_bytes;
      callbacks.long_line(skipped_line, skipped_bytes);
      skipping = false;
      ++line;
      text.remove_prefix(newline + 1);
    }
    std::size_t last = text.rfind('\n');
    std::string_view whole = last == std::string_view::npos ? std::string_view() : text.substr(0, last + 1);
    std::string_view rest = text.substr(whole.size());
    if (at_end) {
      whole = text;
      rest = {};
    }
    if (!whole.empty()) {
      callbacks.lines(whole, line);
      line += static_cast<std::size_t>(std::count(whole.begin(), whole.end(), '\n'));
    }
    if (at_end) return Status::Ok();
    if (rest.size() > limits::record_line_bytes_max) {  // no newline within the limit
      skipping = true;
      skipped_line = line;
      skipped_bytes = rest.size();
      skipped_cr = rest.back() == '\r';
      kept = 0;
      continue;
    }
    std::memmove(buffer.data(), rest.data(), rest.size());
    kept = rest.size();
  }
}

}  // namespace ramstein
