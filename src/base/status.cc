#include "base/status.h"

#include <cstdio>
#include <cstdlib>

namespace ramstein {

std::string Status::ToString() const {
  switch (code_) {
    case Code::ok:
      return "ok";
    case Code::invalid_argument:
      return "invalid argument: " + message_;
    case Code::data_error:
      return "data error: " + message_;
    case Code::not_found:
      return "not found: " + message_;
    case Code::corruption:
      return "corruption: " + message_;
    case Code::io_error:
      return "I/O error: " + message_;
    case Code::conflict:
      return "conflict: " + message_;
  }
  return message_;
}

void CheckFailed(const char* expression, const char* file, int line) {
  std::fprintf(stderr, "ramstein: internal check failed: %s at %s:%d\n", expression, file, line);
  std::abort();
}

}  // namespace ramstein
