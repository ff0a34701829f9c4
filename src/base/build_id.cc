#include "base/build_id.h"

#include <elf.h>
#include <link.h>

#include <cstring>

namespace ramstein {

namespace {

// The NT_GNU_BUILD_ID note of the first object dl_iterate_phdr reports:
// the program itself.
int FindBuildId(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_NOTE) continue;
    const char* note = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
    const char* end = note + header.p_memsz;
    while (note + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) nhdr;
      std::memcpy(&nhdr, note, sizeof nhdr);
      const char* name = note + sizeof nhdr;
      const char* desc = name + ((nhdr.n_namesz + 3) & ~3u);
      const char* next = desc + ((nhdr.n_descsz + 3) & ~3u);
      if (next > end) break;
      if (nhdr.n_type == NT_GNU_BUILD_ID && nhdr.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        static constexpr char kHex[] = "0123456789abcdef";
        for (std::size_t b = 0; b < nhdr.n_descsz; ++b) {
          auto byte = static_cast<unsigned char>(desc[b]);
          out->push_back(kHex[byte >> 4]);
          out->push_back(kHex[byte & 15]);
        }
        return 1;
      }
      note = next;
    }
  }
  return 1;  // only the program, never its libraries
}

}  // namespace

const std::string& BuildId() {
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(FindBuildId, &found);
    return found;
  }();
  return id;
}

}  // namespace ramstein
