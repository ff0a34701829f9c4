#include "api/gzip.h"

#include <zlib.h>

#include "base/check.h"

namespace ramstein {

struct GzipStream::State {
  z_stream stream{};
};

GzipStream::GzipStream(int level) : state_(std::make_unique<State>()) {
  // 15 window bits + 16: a gzip header and trailer instead of zlib's.
  RAMSTEIN_CHECK(deflateInit2(&state_->stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
}

GzipStream::~GzipStream() { deflateEnd(&state_->stream); }

void GzipStream::Deflate(std::string_view bytes, int flush, std::string& out) {
  z_stream& stream = state_->stream;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  while (true) {
    std::size_t before = out.size();
    std::size_t room = deflateBound(&stream, stream.avail_in) + 64;
    out.resize(before + room);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    stream.avail_out = static_cast<uInt>(room);
    int status = deflate(&stream, flush);
    RAMSTEIN_CHECK(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR);
    out.resize(before + room - stream.avail_out);
    if (flush == Z_FINISH ? status == Z_STREAM_END : stream.avail_in == 0 && stream.avail_out != 0) return;
  }
}

void GzipStream::Append(std::string_view bytes, std::string& out) { Deflate(bytes, Z_NO_FLUSH, out); }

void GzipStream::Finish(std::string& out) { Deflate({}, Z_FINISH, out); }

std::string Gzip(std::string_view bytes, int level) {
  GzipStream stream(level);
  std::string out;
  stream.Append(bytes, out);
  stream.Finish(out);
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
