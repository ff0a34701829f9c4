// Words of a system's name as the sources spell it, for suggesting which
// names are the same system ("227mm HIMARS", "M142 HIMARS", "HIMARS";
// "155mm M777", "M777 155mm"). Only suggestions: a reviewer decides.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace ramstein {

// Lower-case words, split at spaces and / ( ) , ; with quotes, stars and
// full stops trimmed from their ends; hyphenated designations ("mim-23",
// "t-72") stay whole.
std::set<std::string> NameWords(std::string_view name);

// The words that tell one system from another: `words` without calibres
// ("155mm", and "mm" written apart) and words any system may carry ("system", "launcher",
// "battery", "firing", "unit", ...).
std::set<std::string> TellingWords(const std::set<std::string>& words);

// Whether one set of words holds every word of the other.
bool Includes(const std::set<std::string>& larger, const std::set<std::string>& smaller);

// |a ∩ b| / |a ∪ b|; 0 when both are empty.
double Overlap(const std::set<std::string>& a, const std::set<std::string>& b);

}  // namespace ramstein
