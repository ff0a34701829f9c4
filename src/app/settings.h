// Settings: where the ledger, the bundled data and the dashboard are, who is
// recording, where to listen. Each is taken from the first that gives it of:
// its command-line flag, its environment variable, the config file, the
// default. The defaults find the data and the dashboard beside the
// executable (../share/ramstein/), so that an installed `ramstein` needs no
// settings at all.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ramstein {

struct Settings {
  std::string config_path;  // the file read, "" when none was
  std::string db = "ramstein.db";
  std::string data_dir;
  std::string author;
  std::string signing_key;
  std::string listen = "127.0.0.1:8080";
  std::string web_dir;
};

// One setting: how the config file, the environment and the command line
// name it, and what it is.
struct SettingInfo {
  std::string_view section;  // "" or the [section] it belongs in
  std::string_view key;      // in the config file
  std::string_view env;      // the environment variable
  std::string_view flag;     // the command-line option (on the command named by section, if any)
  std::string_view description;
  std::string Settings::*field;
};

// Every setting, in the order the manual lists them.
const std::vector<SettingInfo>& SettingInfos();

// The environment variable that names the config file, and the option.
inline constexpr std::string_view kConfigEnv = "RAMSTEIN_CONFIG";
inline constexpr std::string_view kConfigFlag = "--config";
// The config file read when neither names one, if it exists (the package
// installs it; the system's place whatever the install prefix).
inline constexpr std::string_view kDefaultConfigFile = "/etc/ramstein/ramstein.conf";

// The defaults: data and dashboard beside the executable when it is
// installed (`fallback_data_dir`, `fallback_web_dir` — the source tree's —
// otherwise), author from $USER.
Settings DefaultSettings(const std::string& fallback_data_dir, const std::string& fallback_web_dir,
                         const std::function<const char*(const char*)>& getenv);

// `defaults` overlaid with the config file and then the environment. The
// file is the one `--config FILE` (or `--config=FILE`) names in `args`
// (argv without the program), else $RAMSTEIN_CONFIG, else
// `default_config_path` if it exists. A named file that cannot be read, a
// bad line and an unknown key (with "did you mean") are errors naming the
// file and line. The flags are the command-line parser's to apply on top.
Result<Settings> LoadSettings(const std::vector<std::string>& args,
                              const std::function<const char*(const char*)>& getenv, Settings defaults,
                              const std::string& default_config_path);

}  // namespace ramstein
