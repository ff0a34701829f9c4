#include "app/settings.h"

#include <sys/stat.h>

#include "base/config_file.h"
#include "base/did_you_mean.h"
#include "base/executable_path.h"
#include "base/limits.h"
#include "base/read_only_file.h"

namespace ramstein {
namespace {

bool IsDirectory(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool Exists(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0;
}

// The config file `args` names, "" when none.
std::string ConfigFlag(const std::vector<std::string>& args) {
  std::string prefix = std::string(kConfigFlag) + "=";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i] == kConfigFlag && i + 1 < args.size()) return args[i + 1];
    if (args[i].rfind(prefix, 0) == 0) return args[i].substr(prefix.size());
  }
  return "";
}

std::string FullKey(const SettingInfo& info) {
  return info.section.empty() ? std::string(info.key) : std::string(info.section) + "." + std::string(info.key);
}

}  // namespace

const std::vector<SettingInfo>& SettingInfos() {
  static const std::vector<SettingInfo> infos = {
      {"", "db", "RAMSTEIN_DB", "--db", "the ledger file", &Settings::db},
      {"", "data-dir", "RAMSTEIN_DATA", "--data-dir",
       "the bundled data folder (catalogue, sources, exchange rates); default: ../share/ramstein/data beside the "
       "executable",
       &Settings::data_dir},
      {"", "author", "RAMSTEIN_AUTHOR", "--author", "who is recording, kept with every event; default: $USER",
       &Settings::author},
      {"", "signing-key", "RAMSTEIN_SIGNING_KEY", "--signing-key",
       "the ledger's Ed25519 signing key file (mode 0600, never in the ledger); default: the ledger's path and .key",
       &Settings::signing_key},
      {"serve", "listen", "RAMSTEIN_LISTEN", "--listen", "HOST:PORT the server listens on", &Settings::listen},
      {"serve", "web-dir", "RAMSTEIN_WEB", "--web-dir",
       "the built dashboard; default: ../share/ramstein/web beside the executable", &Settings::web_dir},
  };
  return infos;
}

Settings DefaultSettings(const std::string& fallback_data_dir, const std::string& fallback_web_dir,
                         const std::function<const char*(const char*)>& getenv) {
  Settings settings;
  std::string share = ExecutableDir() + "/../share/ramstein";
  settings.data_dir = IsDirectory(share + "/data") ? share + "/data" : fallback_data_dir;
  settings.web_dir = IsDirectory(share + "/web") ? share + "/web" : fallback_web_dir;
  const char* user = getenv("USER");
  settings.author = user != nullptr && *user != '\0' ? user : "cli";
  return settings;
}

Result<Settings> LoadSettings(const std::vector<std::string>& args,
                              const std::function<const char*(const char*)>& getenv, Settings settings,
                              const std::string& default_config_path) {
  std::string path = ConfigFlag(args);
  if (path.empty()) {
    const char* named = getenv(std::string(kConfigEnv).c_str());
    if (named != nullptr) path = named;
  }
  if (path.empty() && !default_config_path.empty() && Exists(default_config_path)) path = default_config_path;
  if (!path.empty()) {
    // A file past the limit is refused unread (ParseConfigFile checks the
    // text too), so that --config naming a huge file costs nothing.
    auto text = ReadFileAtMost(path, limits::config_file_bytes_max);
    if (!text.ok()) return text.status();
    auto entries = ParseConfigFile(*text, path);
    if (!entries.ok()) return entries.status();
    std::vector<std::string> known;
    for (const SettingInfo& info : SettingInfos()) known.push_back(FullKey(info));
    for (const ConfigEntry& entry : *entries) {
      std::string key = entry.section.empty() ? entry.key : entry.section + "." + entry.key;
      const SettingInfo* found = nullptr;
      for (const SettingInfo& info : SettingInfos()) {
        if (FullKey(info) == key) found = &info;
      }
      if (found == nullptr) {
        return Status::DataError(path + ":" + std::to_string(entry.line) + ": no setting '" + key + "'" +
                                 DidYouMean(key, known));
      }
      settings.*(found->field) = entry.value;
    }
    settings.config_path = path;
  }
  for (const SettingInfo& info : SettingInfos()) {
    const char* value = getenv(std::string(info.env).c_str());
    if (value != nullptr && *value != '\0') settings.*(info.field) = value;
  }
  return settings;
}

}  // namespace ramstein
