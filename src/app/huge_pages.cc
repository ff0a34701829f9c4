#include "app/huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace ramstein {

void RestartWithHugePages(char** argv) {
#if defined(__SANITIZE_ADDRESS__)
  (void)argv;
#else
  constexpr const char* kTunable = "glibc.malloc.hugetlb";
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  std::string value = tunables ? tunables : "";
  if (value.find(kTunable) != std::string::npos) return;
  value += value.empty() ? "" : ":";
  value += std::string(kTunable) + "=1";
  if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Not restarted: carry on with ordinary pages, and leave the variable as
  // it was for the programs this one starts.
  if (tunables) {
    setenv("GLIBC_TUNABLES", tunables, 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
#endif
}

}  // namespace ramstein
