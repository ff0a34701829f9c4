#include "api/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace ramstein {
namespace {

std::string Gunzip(const std::string& zipped) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zipped.data()));
  stream.avail_in = static_cast<uInt>(zipped.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

TEST(GzipTest, RoundTripsAtEveryLevel) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "{\"donor\":\"GBR\",\"committed_eur\":" + std::to_string(i * 7919) + "}\n";
  for (int level : {1, gzip_level_default, gzip_level_best}) {
    std::string zipped = Gzip(text, level);
    EXPECT_EQ(zipped.substr(0, 2), std::string("\x1f\x8b", 2)) << level;
    EXPECT_LT(zipped.size() * 3, text.size()) << level;
    EXPECT_EQ(Gunzip(zipped), text) << level;
  }
  EXPECT_EQ(Gunzip(Gzip("", gzip_level_default)), "");
}

TEST(GzipTest, AStreamInPiecesIsOneMemberOfTheWhole) {
  // Incompressible bytes too, so that zlib's output outgrows its input.
  std::string text;
  std::uint32_t noise = 1;
  for (int i = 0; i < 200000; ++i) {
    noise = noise * 1103515245u + 12345u;
    text += i % 2 ? static_cast<char>(noise >> 24) : 'a';
  }
  for (std::size_t piece : {std::size_t{1}, std::size_t{777}, std::size_t{65536}, text.size()}) {
    GzipStream stream(gzip_level_stream);
    std::string zipped;
    for (std::size_t at = 0; at < text.size(); at += piece) stream.Append(std::string_view(text).substr(at, piece), zipped);
    stream.Finish(zipped);
    EXPECT_EQ(Gunzip(zipped), text) << piece;
  }
}

TEST(GzipTest, AcceptsGzipReadsTheHeader) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("br, gzip;q=0"));
}

}  // namespace
}  // namespace ramstein
