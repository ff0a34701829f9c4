// What the command line says when a command is mistyped: the closest of
// the names it could have been (base/did_you_mean.h).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ramstein {

// The error for the first word of `args` (argv without the program) that
// stands where a subcommand of `app` (or of the subcommand before it) must
// and names none: "no command 'reprot' (did you mean 'report'?)"; nullopt
// when each such word names one. Options are skipped with their values.
std::optional<std::string> UnknownSubcommand(const CLI::App& app, const std::vector<std::string>& args);

}  // namespace ramstein
