// What the command line says when a command is mistyped: the closest of
// the names it could have been (base/did_you_mean.h).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ramstein {

// The error for the first word of `args` (argv without the program) that
// stands where a subcommand of `app` (or of the subcommand before it) must
// and names none: "no command 'reprot' (did you mean 'report'?)"; nullopt
// when each such word names one. Options are skipped with their values.
std::optional<std::string> UnknownSubcommand(const CLI::App& app, const std::vector<std::string>& args);

// A check for an option's value that must be a whole number from 0 to
// `max` written in decimal digits alone: "-5" or "1e3" or a number past
// `max` is a usage error naming the value (CLI11 itself wraps "-5" into
// 18446744073709551611 and saturates past 2^64 - 1).
CLI::Validator WholeNumber(std::uint64_t max = UINT64_MAX);

}  // namespace ramstein
