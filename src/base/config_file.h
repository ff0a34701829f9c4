// ConfigFile: the text of a settings file, read as sections of `key = value`
// lines. The format, whole:
//
//   # a comment (also `;`), on a line of its own
//   db = /var/lib/ramstein/ramstein.db
//   [serve]
//   listen = 127.0.0.1:8080
//   web-dir = "/usr/share/ramstein/web"
//
// Keys are lower-case ASCII letters, digits and '-'; a key before any
// section header is in section "". A value is the rest of the line with
// the blanks around it trimmed; one pair of double quotes around it is
// dropped (to keep blanks at its ends); it is never unescaped. Which keys
// exist is the reader's business (app/settings.h), not this parser's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ramstein {

struct ConfigEntry {
  std::string section;  // "" before the first [section]
  std::string key;
  std::string value;
  int line = 0;  // 1-based
};

// The entries of `text`, in file order. DataError "PATH:LINE: why" for the
// first line that is none of the above, a key given twice in one section, a
// file that is not UTF-8 or is longer than limits::config_file_bytes_max.
Result<std::vector<ConfigEntry>> ParseConfigFile(std::string_view text, std::string_view path);

}  // namespace ramstein
