#include "base/executable_path.h"

#include <sys/auxv.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

namespace ramstein {

std::string ExecutableDir() {
  char path[PATH_MAX];
  std::string file;
  ssize_t size = readlink("/proc/self/exe", path, sizeof path);
  if (size > 0 && static_cast<std::size_t>(size) < sizeof path) {
    file.assign(path, static_cast<std::size_t>(size));
  } else {
    // Without /proc (a bare chroot): the name the program was started by,
    // resolved against the folder it was started in.
    const char* started_as = reinterpret_cast<const char*>(getauxval(AT_EXECFN));
    if (started_as == nullptr || realpath(started_as, path) == nullptr) return "";
    file = path;
  }
  std::size_t slash = file.rfind('/');
  return slash == std::string::npos ? "" : file.substr(0, slash == 0 ? 1 : slash);
}

}  // namespace ramstein
