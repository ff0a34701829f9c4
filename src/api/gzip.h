// Gzip: one gzip member (RFC 1952) for an answer, for clients that send
// "Accept-Encoding: gzip": made whole, or piece by piece (GzipStream) for an
// answer sent as it is rendered. zlib, used nowhere else.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace ramstein {

inline constexpr int gzip_level_best = 9;     // for files compressed once at start
inline constexpr int gzip_level_default = 6;  // for answers compressed once per ledger sequence
inline constexpr int gzip_level_stream = 1;   // for answers compressed anew for each request
// Answers smaller than this go as they are (the header costs more than it saves).
inline constexpr std::size_t gzip_bytes_min = 1024;

class GzipStream {
 public:
  explicit GzipStream(int level);  // 1..9
  ~GzipStream();
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;
  // Appends to `out` what zlib has made of the bytes so far (perhaps
  // nothing yet: it keeps some back to compress better).
  void Append(std::string_view bytes, std::string& out);
  // Appends the rest and the trailer. REQUIRES: called once, last.
  void Finish(std::string& out);

 private:
  void Deflate(std::string_view bytes, int flush, std::string& out);
  struct State;
  std::unique_ptr<State> state_;
};

// `bytes` gzipped at `level` (1..9).
std::string Gzip(std::string_view bytes, int level);

// The gzipped copy worth keeping beside `bytes`: empty when they are shorter
// than gzip_bytes_min or would not shrink.
std::string GzipIfSmaller(std::string_view bytes, int level);

// Whether a request's Accept-Encoding header admits gzip.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace ramstein
