// RAMSTEIN_CHECK: an assertion for programmer errors that stays on in
// release builds. User input must never be able to reach one: input errors
// are Status values (base/status.h).
#pragma once

namespace ramstein {
[[noreturn]] void CheckFailed(const char* expression, const char* file, int line);
}  // namespace ramstein

#define RAMSTEIN_CHECK(condition) \
  ((condition) ? (void)0 : ::ramstein::CheckFailed(#condition, __FILE__, __LINE__))
