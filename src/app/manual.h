// The manual page and the shell completion, both made from the command line
// as main.cc declares it (so from the catalogue of questions, query/, for
// `report`, `list` and `show`) and from the settings (app/settings.h): a
// command or an option added there is documented and completed here with
// nothing else to change.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace ramstein {

// ramstein(1) in roff (man -l): every command with its summary, arguments
// and options, the settings with their environment variables and the
// config file's keys, the exit codes. Hidden commands (group "") are left
// out.
std::string ManPage(const CLI::App& app);

// A bash script defining the completion of `ramstein`: command words at
// each level, their options, and the values of options and arguments that
// take a choice.
std::string BashCompletion(const CLI::App& app);

}  // namespace ramstein
