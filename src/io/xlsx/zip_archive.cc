#include "io/xlsx/zip_archive.h"

#include <unzip.h>

#include <algorithm>
#include <cstring>

namespace ramstein {

// The archive's bytes and a read position, behind minizip's I/O callbacks.
struct ZipMemory {
  std::string_view bytes;
  std::uint64_t position = 0;
};

namespace {

voidpf ZCALLBACK OpenMemory(voidpf opaque, const void*, int) { return opaque; }

uLong ZCALLBACK ReadMemory(voidpf, voidpf stream, void* buffer, uLong size) {
  auto* memory = static_cast<ZipMemory*>(stream);
  std::uint64_t left = memory->bytes.size() - std::min<std::uint64_t>(memory->position, memory->bytes.size());
  std::uint64_t count = std::min<std::uint64_t>(size, left);
  std::memcpy(buffer, memory->bytes.data() + memory->position, count);
  memory->position += count;
  return static_cast<uLong>(count);
}

uLong ZCALLBACK WriteMemory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK TellMemory(voidpf, voidpf stream) {
  return static_cast<ZipMemory*>(stream)->position;
}

long ZCALLBACK SeekMemory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* memory = static_cast<ZipMemory*>(stream);
  std::uint64_t base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = memory->position;
  if (origin == ZLIB_FILEFUNC_SEEK_END) base = memory->bytes.size();
  if (offset > memory->bytes.size() - std::min<std::uint64_t>(base, memory->bytes.size())) return -1;
  memory->position = base + offset;
  return 0;
}

int ZCALLBACK CloseMemory(voidpf, voidpf) { return 0; }
int ZCALLBACK ErrorMemory(voidpf, voidpf) { return 0; }

}  // namespace

ZipArchive::ZipArchive(std::unique_ptr<ZipMemory> memory, void* handle)
    : memory_(std::move(memory)), handle_(handle) {}

ZipArchive::~ZipArchive() { unzClose(static_cast<unzFile>(handle_)); }

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes) {
  auto memory = std::make_unique<ZipMemory>();
  memory->bytes = bytes;
  zlib_filefunc64_def functions{};
  functions.zopen64_file = OpenMemory;
  functions.zread_file = ReadMemory;
  functions.zwrite_file = WriteMemory;
  functions.ztell64_file = TellMemory;
  functions.zseek64_file = SeekMemory;
  functions.zclose_file = CloseMemory;
  functions.zerror_file = ErrorMemory;
  functions.opaque = memory.get();
  unzFile handle = unzOpen2_64("memory", &functions);
  if (!handle) return Status::DataError("not a ZIP archive (an XLSX file is one)");
  return std::unique_ptr<ZipArchive>(new ZipArchive(std::move(memory), handle));
}

Result<std::string> ZipArchive::Read(const std::string& name) {
  unzFile handle = static_cast<unzFile>(handle_);
  if (unzLocateFile(handle, name.c_str(), 1) != UNZ_OK) return Status::NotFound("no member '" + name + "'");
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
    return Status::DataError("member '" + name + "' is damaged");
  if (info.uncompressed_size > zip_member_bytes_max ||
      info.uncompressed_size > zip_expansion_max * std::max<ZPOS64_T>(info.compressed_size, 1024)) {
    return Status::DataError("member '" + name + "' would inflate to " +
                             std::to_string(info.uncompressed_size) + " bytes: over the limit");
  }
  if (unzOpenCurrentFile(handle) != UNZ_OK) return Status::DataError("member '" + name + "' cannot be opened");
  std::string out(static_cast<std::size_t>(info.uncompressed_size), '\0');
  std::size_t done = 0;
  while (done < out.size()) {
    unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(out.size() - done, 1u << 30));
    int read = unzReadCurrentFile(handle, out.data() + done, chunk);
    if (read <= 0) break;
    done += static_cast<std::size_t>(read);
  }
  // Reading past the declared size would mean the header lied: a damaged member.
  char extra = 0;
  bool longer = unzReadCurrentFile(handle, &extra, 1) > 0;
  int closed = unzCloseCurrentFile(handle);  // checks the CRC once fully read
  if (done != out.size() || longer || closed != UNZ_OK)
    return Status::DataError("member '" + name + "' is damaged (size or CRC)");
  return out;
}

}  // namespace ramstein
