#include "api/gzip.h"

#include <zlib.h>

#include "base/check.h"

namespace ramstein {

std::string Gzip(std::string_view bytes, int level) {
  z_stream stream{};
  // 15 window bits + 16: a gzip header and trailer instead of zlib's.
  RAMSTEIN_CHECK(deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  RAMSTEIN_CHECK(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string GzipIfSmaller(std::string_view bytes, int level) {
  if (bytes.size() < gzip_bytes_min) return {};
  std::string zipped = Gzip(bytes, level);
  if (zipped.size() >= bytes.size()) return {};
  return zipped;
}

bool AcceptsGzip(std::string_view accept_encoding) {
  // "gzip" listed, and not refused with q=0.
  std::size_t at = accept_encoding.find("gzip");
  if (at == std::string_view::npos) return false;
  std::string_view rest = accept_encoding.substr(at + 4);
  rest = rest.substr(0, rest.find(','));
  return rest.find("q=0") == std::string_view::npos || rest.find("q=0.") != std::string_view::npos;
}

}  // namespace ramstein
