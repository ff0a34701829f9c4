#include "io/line_chunks.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "base/limits.h"

namespace ramstein {
namespace {

struct Read {
  std::string text;                                       // every line handed over, in order
  std::vector<std::size_t> first_lines;                   // of each chunk
  std::vector<std::pair<std::size_t, std::uint64_t>> long_lines;
  std::uint64_t file_bytes = 0;
};

class LineChunksTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& bytes) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
    return path_;
  }
  void TearDown() override { std::filesystem::remove(path_); }

  static Read ReadAll(const std::string& path, std::size_t chunk_bytes) {
    Read read;
    LineChunkCallbacks callbacks;
    callbacks.lines = [&](std::string_view lines, std::size_t first_line) {
      read.text += lines;
      read.first_lines.push_back(first_line);
    };
    callbacks.long_line = [&](std::size_t line, std::uint64_t bytes) { read.long_lines.emplace_back(line, bytes); };
    EXPECT_TRUE(ReadLineChunks(path, chunk_bytes, &read.file_bytes, callbacks).ok());
    return read;
  }

  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("ramstein-line-chunks-" + std::to_string(::getpid()))).string();
};

TEST_F(LineChunksTest, EveryByteArrivesOnceInWholeLinesNumberedFromOne) {
  std::string text;
  for (int i = 1; i <= 1000; ++i) text += "line " + std::to_string(i) + "\n";
  text += "last, without a newline";
  // A chunk of 100 bytes with the limit's room: the file arrives whole.
  Read read = ReadAll(Write(text), 100);
  EXPECT_EQ(read.text, text);
  EXPECT_EQ(read.file_bytes, text.size());
  EXPECT_EQ(read.first_lines.front(), 1u);
  EXPECT_TRUE(read.long_lines.empty());
}

TEST_F(LineChunksTest, AByteOrderMarkIsDroppedOnlyAtTheStart) {
  Read read = ReadAll(Write("\xEF\xBB\xBF{}\n\xEF\xBB\xBF{}\n"), 1);
  EXPECT_EQ(read.text, "{}\n\xEF\xBB\xBF{}\n");
}

TEST_F(LineChunksTest, ALongLineIsCountedWithoutItsCarriageReturnWhereverTheReadsSplitIt) {
  // With chunks of 1 byte the buffer holds B = limit + 2 bytes. The reads
  // end at file offsets B ("{}\n" handed over, the rest kept), B + 3 (the
  // buffer full again: the line is too long), 2B + 3, ...: a '\r' at offset
  // 2B + 2 ends one read and its '\n' starts the next.
  const std::size_t buffer_bytes = limits::record_line_bytes_max + 2;
  for (std::size_t length : {2 * buffer_bytes + 1, 2 * buffer_bytes + 2, 2 * buffer_bytes + 3}) {
    // The long line starts after "{}\n": its bytes are counted from there.
    Read read = ReadAll(Write("{}\n" + std::string(length - 3, 'x') + "\r\n{}\n"), 1);
    ASSERT_EQ(read.long_lines.size(), 1u) << length;
    EXPECT_EQ(read.long_lines[0], std::make_pair(std::size_t{2}, std::uint64_t{length - 3})) << length;
    EXPECT_EQ(read.text, "{}\n{}\n") << length;
    EXPECT_EQ(read.first_lines.back(), 3u) << length;
  }
}

TEST_F(LineChunksTest, ALongLastLineWithoutANewlineIsReported) {
  const std::size_t length = limits::record_line_bytes_max + 1;
  Read read = ReadAll(Write("{}\n" + std::string(length, 'x')), 1);
  ASSERT_EQ(read.long_lines.size(), 1u);
  EXPECT_EQ(read.long_lines[0], std::make_pair(std::size_t{2}, std::uint64_t{length}));
}

TEST_F(LineChunksTest, AMissingFileAndAFolderAreNamedErrors) {
  std::uint64_t bytes = 0;
  Status missing = ReadLineChunks(path_ + ".none", 1, &bytes, {});
  EXPECT_EQ(missing.code(), Status::Code::not_found);
  EXPECT_NE(missing.message().find(path_ + ".none"), std::string::npos);
  Status folder = ReadLineChunks(std::filesystem::temp_directory_path().string(), 1, &bytes, {});
  EXPECT_NE(folder.message().find("not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace ramstein
