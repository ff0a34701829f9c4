#include "api/static_files.h"

#include <filesystem>

#include "api/gzip.h"
#include "base/read_only_file.h"

namespace ramstein {

namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

const char* ContentTypeFor(std::string_view name) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},     {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".ico", "image/x-icon"},                {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},   {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (EndsWith(name, extension)) return type;
  }
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_regular_file(fs::path(dir) / "index.html", error)) {
    return Status::NotFound(dir + ": no index.html (build the dashboard: scripts/build-web.sh)");
  }
  StaticFiles files;
  std::size_t bytes = 0;
  for (auto it = fs::recursive_directory_iterator(dir, error); !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (!it->is_regular_file(error) || it->is_symlink(error)) continue;
    auto body = ReadFile(it->path().string());
    if (!body.ok()) return body.status();
    bytes += body->size();
    if (bytes > static_bytes_max) return Status::DataError(dir + ": more than 64 MB of files");
    std::string key = "/" + fs::relative(it->path(), dir).generic_string();
    StaticFile file{std::move(*body), "", ContentTypeFor(key), key.rfind("/assets/", 0) == 0};
    bool text = file.content_type.rfind("text/", 0) == 0 || file.content_type.find("json") != std::string::npos ||
                file.content_type.find("svg") != std::string::npos;
    if (text) file.gzip = GzipIfSmaller(file.body, gzip_level_best);
    files.files_.emplace(std::move(key), std::move(file));
  }
  if (error) return Status::IoError(dir + ": " + error.message());
  return files;
}

Result<const StaticFile*> StaticFiles::Find(std::string_view path) const {
  if (path.empty() || path[0] != '/') return Status::InvalidArgument("a path starts with /");
  std::size_t begin = 1;
  std::string_view last;
  while (begin <= path.size()) {
    std::size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    last = path.substr(begin, end - begin);
    if (last == "." || last == "..") return Status::InvalidArgument("'.' and '..' are not served");
    begin = end + 1;
  }
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("backslashes and NUL are not served");
  }
  auto found = files_.find(std::string(path == "/" ? "/index.html" : path));
  if (found != files_.end()) return &found->second;
  if (last.find('.') == std::string_view::npos) return &files_.at("/index.html");
  return Status::NotFound("no file " + std::string(path.substr(0, 200)));
}

}  // namespace ramstein
