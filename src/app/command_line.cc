#include "app/command_line.h"

#include <charconv>

#include "base/did_you_mean.h"

namespace ramstein {

std::optional<std::string> UnknownSubcommand(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* command = &app;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") return std::nullopt;
    if (word.size() > 1 && word[0] == '-') {
      if (word.find('=') != std::string::npos) continue;
      const CLI::Option* option = command->get_option_no_throw(word);
      if (option != nullptr && option->get_items_expected_min() > 0) ++i;  // its value
      continue;
    }
    auto subcommands = command->get_subcommands([](const CLI::App*) { return true; });
    if (subcommands.empty()) return std::nullopt;  // a leaf command's own arguments
    std::vector<std::string> names;
    const CLI::App* next = nullptr;
    for (const CLI::App* subcommand : subcommands) {
      names.push_back(subcommand->get_name());
      if (subcommand->check_name(word)) next = subcommand;
    }
    if (next == nullptr) {
      std::string where = command == &app ? "" : " of '" + command->get_name() + "'";
      return "no command '" + word + "'" + where + DidYouMean(word, names);
    }
    command = next;
  }
  return std::nullopt;
}

CLI::Validator WholeNumber(std::uint64_t max) {
  return CLI::Validator(
      [max](std::string& value) -> std::string {
        std::uint64_t number = 0;
        const char* end = value.data() + value.size();
        auto [stop, error] = std::from_chars(value.data(), end, number);
        const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || stop != end || error != std::errc() || number > max) {
          return "'" + value + "' is not a whole number from 0 to " + std::to_string(max);
        }
        return {};
      },
      "0.." + std::to_string(max));
}

}  // namespace ramstein
