// Gzip: one gzip member (RFC 1952) for a whole answer, for clients that send
// "Accept-Encoding: gzip". zlib, used nowhere else.
#pragma once

#include <string>
#include <string_view>

namespace ramstein {

inline constexpr int gzip_level_best = 9;     // for files compressed once at start
inline constexpr int gzip_level_default = 6;  // for answers compressed once per ledger sequence
// Answers smaller than this go as they are (the header costs more than it saves).
inline constexpr std::size_t gzip_bytes_min = 1024;

// `bytes` gzipped at `level` (1..9).
std::string Gzip(std::string_view bytes, int level);

// The gzipped copy worth keeping beside `bytes`: empty when they are shorter
// than gzip_bytes_min or would not shrink.
std::string GzipIfSmaller(std::string_view bytes, int level);

// Whether a request's Accept-Encoding header admits gzip.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace ramstein
