// Status and Result<T>: how every module reports failure across its boundary.
//
// A Status is ok or carries a code and a human-readable message. Operating
// errors (bad input, missing files, a tampered ledger) are Status values;
// programmer errors are RAMSTEIN_CHECK failures (base/check.h). Nothing that
// crosses a module boundary throws.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "base/check.h"

namespace ramstein {

class [[nodiscard]] Status {
 public:
  // Persisted nowhere; the numbers are only for exit codes and API mapping.
  enum class Code : int {
    ok = 0,
    invalid_argument = 1,  // the caller asked for something malformed (usage)
    data_error = 2,        // input data is malformed or inconsistent
    not_found = 3,         // a named record, file or rate does not exist
    corruption = 4,        // stored bytes do not verify
    io_error = 5,          // the operating system refused
    conflict = 6,          // the request contradicts what is stored
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(Code::invalid_argument, std::move(m));
  }
  static Status DataError(std::string m) { return Status(Code::data_error, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::not_found, std::move(m)); }
  static Status Corruption(std::string m) { return Status(Code::corruption, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::io_error, std::move(m)); }
  static Status Conflict(std::string m) { return Status(Code::conflict, std::move(m)); }

  bool ok() const { return code_ == Code::ok; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::ok;
  std::string message_;
};

// Result<T> holds either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT
    RAMSTEIN_CHECK(!std::get<Status>(state_).ok());
  }
  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  // REQUIRES: ok().
  T& value() & {
    RAMSTEIN_CHECK(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    RAMSTEIN_CHECK(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    RAMSTEIN_CHECK(ok());
    return std::get<T>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace ramstein

// Returns from the enclosing function when `expr` yields a non-ok Status.
#define RAMSTEIN_CONCAT_INNER(a, b) a##b
#define RAMSTEIN_CONCAT(a, b) RAMSTEIN_CONCAT_INNER(a, b)
#define RAMSTEIN_RETURN_IF_ERROR(expr) \
  RAMSTEIN_RETURN_IF_ERROR_IMPL(RAMSTEIN_CONCAT(ramstein_status_, __LINE__), expr)
#define RAMSTEIN_RETURN_IF_ERROR_IMPL(name, expr) \
  do {                                            \
    ::ramstein::Status name = (expr);             \
    if (!name.ok()) return name;                  \
  } while (false)

// Evaluates `expr` (a Result<T>); returns its Status from the enclosing
// function when not ok, else assigns or declares `lhs` from its value.
#define RAMSTEIN_ASSIGN_OR_RETURN(lhs, expr) \
  RAMSTEIN_ASSIGN_OR_RETURN_IMPL(RAMSTEIN_CONCAT(ramstein_result_, __LINE__), lhs, expr)
#define RAMSTEIN_ASSIGN_OR_RETURN_IMPL(name, lhs, expr) \
  auto name = (expr);                                   \
  if (!name.ok()) return name.status();                 \
  lhs = std::move(name).value()
