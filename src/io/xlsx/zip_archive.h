// ZipArchive: reads the members of a ZIP archive held in memory (an XLSX
// workbook is one), through minizip. The only user of minizip.
//
// Limits: a member larger than zip_member_bytes_max, or more than
// zip_expansion_max times larger than its compressed size (a "zip bomb"),
// is refused before it is inflated.
//
// Thread safety: one thread at a time per archive.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace ramstein {

inline constexpr std::uint64_t zip_member_bytes_max = 2ull << 30;
struct ZipMemory;
inline constexpr std::uint64_t zip_expansion_max = 1000;

class ZipArchive {
 public:
  // `bytes` must outlive the archive. DataError if it is no ZIP archive.
  static Result<std::unique_ptr<ZipArchive>> Open(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The inflated bytes of member `name` ("xl/workbook.xml"): NotFound when
  // there is none, DataError when it is damaged or over the limits.
  Result<std::string> Read(const std::string& name);

 private:
  ZipArchive(std::unique_ptr<ZipMemory> memory, void* handle);
  std::unique_ptr<ZipMemory> memory_;
  void* handle_;  // unzFile
};

}  // namespace ramstein
