#include "io/jsonl_import.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <map>
#include <thread>

#include "base/read_only_file.h"
#include "base/limits.h"
#include "io/line_chunks.h"
#include "ledger/record_codec.h"

namespace ramstein {

namespace {

constexpr std::size_t parallel_decode_bytes_min = 4u << 20;
constexpr std::size_t import_chunk_bytes = 64u << 20;

DecodedLines DecodeRange(std::string_view text, const std::string& file_name,
                         const std::string& base_directory, std::size_t errors_max,
                         const std::function<void(std::uint64_t)>& progress,
                         std::size_t first_line);

}  // namespace

DecodedLines DecodeJsonLines(std::string_view text, const std::string& file_name,
                             const std::string& base_directory, std::size_t errors_max,
                             const std::function<void(std::uint64_t)>& progress,
                             std::size_t first_line) {
  std::size_t middle = text.size() / 2;
  middle =
      text.size() < parallel_decode_bytes_min ? std::string_view::npos : text.find('\n', middle);
  if (middle == std::string_view::npos) {
    return DecodeRange(text, file_name, base_directory, errors_max, progress, first_line);
  }
  std::string_view head = text.substr(0, middle + 1);
  std::string_view tail = text.substr(middle + 1);
  std::size_t tail_first_line =
      first_line + static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
  DecodedLines second;
  std::thread worker([&] {
    second = DecodeRange(tail, file_name, base_directory, errors_max, nullptr, tail_first_line);
  });
  DecodedLines out =
      DecodeRange(head, file_name, base_directory, errors_max,
                  progress ? [&](std::uint64_t done) { progress(done * text.size() / head.size()); }
                           : std::function<void(std::uint64_t)>(),
                  first_line);
  worker.join();
  out.lines_read += second.lines_read;
  out.records.reserve(out.records.size() + second.records.size());
  std::move(second.records.begin(), second.records.end(), std::back_inserter(out.records));
  out.line_numbers.insert(out.line_numbers.end(), second.line_numbers.begin(),
                          second.line_numbers.end());
  for (auto& error : second.errors) {
    if (out.errors.size() < errors_max) out.errors.push_back(std::move(error));
  }
  return out;
}

namespace {

DecodedLines DecodeRange(std::string_view text, const std::string& file_name,
                         const std::string& base_directory, std::size_t errors_max,
                         const std::function<void(std::uint64_t)>& progress,
                         std::size_t first_line) {
  DecodedLines out;
  std::size_t lines_max = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  out.records.reserve(lines_max);
  out.line_numbers.reserve(lines_max);
  DecodeOptions options;
  options.load_document = [&](std::string_view relative) -> Result<std::string> {
    std::filesystem::path path(relative);
    if (path.is_absolute() || relative.find("..") != std::string_view::npos) {
      return Status::DataError("'" + std::string(relative) +
                               "' must be a path below the input file's folder");
    }
    return ReadFile((std::filesystem::path(base_directory) / path).string());
  };
  std::size_t position = 0;
  std::size_t line_number = first_line - 1;
  std::uint64_t next_progress = 0;
  while (position < text.size() && out.errors.size() < errors_max) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(position, end - position);
    position = end + 1;
    ++line_number;
    if (progress && position >= next_progress) {
      progress(std::min<std::uint64_t>(position, text.size()));
      next_progress = position + (1u << 20);
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#' || line.substr(first, 2) == "//")
      continue;
    ++out.lines_read;
    std::string where = file_name + ":" + std::to_string(line_number) + ": ";
    if (line.size() > limits::record_line_bytes_max) {
      out.errors.push_back(where + LineTooLong(line.size()));
      continue;
    }
    auto record = DecodeInputRecord(line, options);
    if (!record.ok()) {
      out.errors.push_back(where + record.status().message());
      continue;
    }
    out.records.push_back(std::move(record).value());
    out.line_numbers.push_back(line_number);
  }
  if (progress) progress(text.size());
  return out;
}

}  // namespace

Result<ImportResult> ImportJsonLines(LedgerDb& db, const std::vector<std::string>& paths,
                                     const std::string& author, const ImportOptions& options) {
  ImportResult result;
  using SteadyClock = std::chrono::steady_clock;
  auto since_ms = [](SteadyClock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start)
        .count();
  };
  auto phase_start = SteadyClock::now();
  std::vector<Record> records;
  std::vector<std::pair<std::size_t, std::size_t>> origins;  // (path index, line)
  // Each file is read in chunks of whole lines and decoded as it is read:
  // an import holds its records, not its files.
  std::uint64_t bytes_total = 0, bytes_before = 0;
  for (const auto& path : paths) {
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (!error) bytes_total += size;
  }
  // Reading and decoding alternate chunk by chunk: the time in decoding is
  // measured, the rest of the phase is reading.
  SteadyClock::duration decoding{};
  for (std::size_t f = 0; f < paths.size(); ++f) {
    const std::string& path = paths[f];
    std::string directory = std::filesystem::path(path).parent_path().string();
    if (directory.empty()) directory = ".";
    bool any_content = false;
    std::uint64_t file_bytes = 0, done = 0;
    LineChunkCallbacks callbacks;
    callbacks.lines = [&](std::string_view lines, std::size_t first_line) {
      any_content = any_content || lines.find_first_not_of(" \t\r\n") != std::string_view::npos;
      std::size_t errors_left = options.errors_max - std::min(options.errors_max, result.errors.size());
      if (errors_left == 0) return;
      auto decode_start = SteadyClock::now();
      auto decoded = DecodeJsonLines(lines, path, directory, errors_left,
                                     [&](std::uint64_t at) {
                                       if (options.progress) options.progress(bytes_before + done + at, bytes_total);
                                     },
                                     first_line);
      done += lines.size();
      result.lines_read += decoded.lines_read;
      for (auto& message : decoded.errors) result.errors.push_back(std::move(message));
      records.insert(records.end(), std::make_move_iterator(decoded.records.begin()),
                     std::make_move_iterator(decoded.records.end()));
      for (std::size_t line : decoded.line_numbers) origins.emplace_back(f, line);
      decoding += SteadyClock::now() - decode_start;
    };
    callbacks.long_line = [&](std::size_t line, std::uint64_t bytes) {
      any_content = true;
      ++result.lines_read;
      if (result.errors.size() < options.errors_max)
        result.errors.push_back(path + ":" + std::to_string(line) + ": " + LineTooLong(bytes));
    };
    RAMSTEIN_RETURN_IF_ERROR(ReadLineChunks(path, import_chunk_bytes, &file_bytes, callbacks));
    if (!any_content) result.errors.push_back(path + ":1: the file is empty: no records to import");
    bytes_before += file_bytes;
  }
  result.decode_ms = std::chrono::duration_cast<std::chrono::milliseconds>(decoding).count();
  result.read_ms = std::max<std::int64_t>(0, since_ms(phase_start) - result.decode_ms);
  phase_start = SteadyClock::now();
  if (result.errors.empty()) {
    for (const RecordError& error : db.Check(records, options.errors_max)) {
      auto [f, line] = origins[error.index];
      result.errors.push_back(paths[f] + ":" + std::to_string(line) + ": " +
                              error.status.message());
    }
  }
  result.check_ms = since_ms(phase_start);
  if (!result.errors.empty()) return result;
  RAMSTEIN_RETURN_IF_ERROR(AppendImported(db, std::move(records), author, options, &result));
  return result;
}

}  // namespace ramstein
