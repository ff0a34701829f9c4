#include "app/signing_key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/read_only_file.h"

namespace ramstein {

Result<SigningKey> CreateSigningKeyFile(const std::string& path) {
  SigningKey key = SigningKey::Generate();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Status::Conflict("signing key '" + path + "' already exists");
    return Status::IoError("cannot create signing key '" + path + "': " + std::strerror(errno));
  }
  const std::string text = key.FileText();
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    ::unlink(path.c_str());
    return Status::IoError("cannot write signing key '" + path + "'");
  }
  return key;
}

Result<SigningKey> LoadSigningKeyFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return Status::IoError("cannot read signing key '" + path + "': " + std::strerror(errno));
  }
  if ((info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(info.st_mode & 0777));
    return Status::DataError("signing key '" + path + "' may be read by others (mode " + mode +
                             "): make it its owner's alone (chmod 600)");
  }
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto key = SigningKey::FromFileText(*text);
  if (!key.ok()) return Status::DataError("signing key '" + path + "' is damaged: " + key.status().message());
  return key;
}

}  // namespace ramstein
