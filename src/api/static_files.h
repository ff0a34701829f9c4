// StaticFiles: the built dashboard (web/dist), read into memory once when the
// server starts, so a request is a map lookup and never touches the file
// system: a path outside the folder cannot name anything.
//
// Lookup rules (Find):
//   "/"                       -> index.html
//   a file of the folder      -> that file
//   a path whose last segment has no "." (a dashboard route such as
//   "/donors/GBR")            -> index.html, so a shared link opens the page
//   anything else             -> not found
// Paths with a "." or ".." segment, a backslash or a NUL are refused
// (InvalidArgument) before lookup.
//
// Thread safety: const after Load(); Find() may run concurrently.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"

namespace ramstein {

inline constexpr std::size_t static_bytes_max = 64u << 20;  // the whole folder

struct StaticFile {
  std::string body;
  std::string gzip;  // the body gzipped, for text files it shrinks; else empty
  std::string content_type;
  bool immutable = false;  // under assets/: content-hashed names, cache for a year
};

class StaticFiles {
 public:
  // Reads every regular file under `dir` (symbolic links are skipped).
  // NotFound if `dir` has no index.html; DataError above static_bytes_max.
  static Result<StaticFiles> Load(const std::string& dir);

  Result<const StaticFile*> Find(std::string_view path) const;
  std::size_t size() const { return files_.size(); }

 private:
  std::unordered_map<std::string, StaticFile> files_;  // "/assets/x.js" -> file
};

// The media type for a file name's extension (application/octet-stream when
// unknown).
const char* ContentTypeFor(std::string_view name);

}  // namespace ramstein
