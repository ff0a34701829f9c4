#include "base/read_only_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace ramstein {

Result<ReadOnlyFile> ReadOnlyFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("no file '" + path + "'");
    return Status::IoError("cannot open '" + path + "': " + std::strerror(errno));
  }
  struct stat info;
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return Status::IoError("'" + path + "' is not a regular file");
  }
  return ReadOnlyFile(fd, path, static_cast<std::uint64_t>(info.st_size));
}

ReadOnlyFile::ReadOnlyFile(ReadOnlyFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)), bytes_(other.bytes_) {}

ReadOnlyFile& ReadOnlyFile::operator=(ReadOnlyFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    bytes_ = other.bytes_;
  }
  return *this;
}

ReadOnlyFile::~ReadOnlyFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::size_t> ReadOnlyFile::Read(char* into, std::size_t size) {
  while (true) {
    ssize_t n = ::read(fd_, into, size);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) return Status::IoError("cannot read '" + path_ + "': " + std::strerror(errno));
  }
}

Result<std::string> ReadFile(const std::string& path) {
  RAMSTEIN_ASSIGN_OR_RETURN(ReadOnlyFile file, ReadOnlyFile::Open(path));
  std::string text(static_cast<std::size_t>(file.bytes()), '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    RAMSTEIN_ASSIGN_OR_RETURN(std::size_t n, file.Read(text.data() + done, text.size() - done));
    if (n == 0) return Status::IoError("cannot read '" + path + "': it ended before its size when opened");
    done += n;
  }
  return text;
}

Result<std::string> ReadFileAtMost(const std::string& path, std::uint64_t bytes_max) {
  auto file = ReadOnlyFile::Open(path);
  if (!file.ok()) return file.status();
  if (file->bytes() > bytes_max) {
    return Status::DataError(path + ":1: the file is longer than " + std::to_string(bytes_max) + " bytes");
  }
  return ReadFile(path);
}

}  // namespace ramstein
