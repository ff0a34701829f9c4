// ReadOnlyFile: a regular file opened for reading, closed when it goes. Every
// reader of files named by a user opens them here, so that each gives the
// same errors: NotFound ("no file 'P'"), IoError ("cannot open 'P': why",
// "'P' is not a regular file", "cannot read 'P': why"), the path in each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/status.h"

namespace ramstein {

class ReadOnlyFile {
 public:
  static Result<ReadOnlyFile> Open(const std::string& path);
  ReadOnlyFile(ReadOnlyFile&& other) noexcept;
  ReadOnlyFile& operator=(ReadOnlyFile&& other) noexcept;
  ReadOnlyFile(const ReadOnlyFile&) = delete;
  ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;
  ~ReadOnlyFile();

  // The size when opened; the file may grow or shrink since.
  std::uint64_t bytes() const { return bytes_; }
  // Reads up to `size` bytes at the current position (an interrupted read
  // is retried); 0 at the end of the file.
  Result<std::size_t> Read(char* into, std::size_t size);

 private:
  ReadOnlyFile(int fd, std::string path, std::uint64_t bytes) : fd_(fd), path_(std::move(path)), bytes_(bytes) {}
  int fd_ = -1;
  std::string path_;
  std::uint64_t bytes_ = 0;
};

// Reads a whole file, with ReadOnlyFile's errors; a file that ends before the
// size it had when opened is an IoError.
Result<std::string> ReadFile(const std::string& path);
// The same for a file that may hold at most `bytes_max` bytes: a longer one
// is refused unread, DataError "PATH:1: the file is longer than N bytes".
Result<std::string> ReadFileAtMost(const std::string& path, std::uint64_t bytes_max);

}  // namespace ramstein
