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

// Whether the words name a munition ("Hellfire missiles", "ammunition for
// HIMARS", "munitions for unmanned aerial systems") rather than what fires
// it ("Hellfire missiles launching pad", "Patriot launcher", "... Missile
// System").
bool NamesAMunition(const std::set<std::string>& words);

// The words that make a name something other than the system it names
// ("simulator", "spare", "parts", "training", "equipment", "bridge-laying",
// "recovery", "repair", "mine-clearing", "clearance", "guidance").
std::set<std::string> KindWords(const std::set<std::string>& words);

// Whether two names may be of one kind of thing: both munitions or neither,
// and the same KindWords.
bool SameKind(const std::set<std::string>& a, const std::set<std::string>& b);

// The telling words that name one system rather than describe a kind of
// them: without "unmanned", "aerial", "infantry", "howitzer", "drones",
// "radar", ... A name whose telling words all describe is matched to
// nothing ("Unmanned Aerial Vehicles").
std::set<std::string> NamingWords(const std::set<std::string>& telling);

// Whether one set of words holds every word of the other.
bool Includes(const std::set<std::string>& larger, const std::set<std::string>& smaller);

// |a ∩ b| / |a ∪ b|; 0 when both are empty.
double Overlap(const std::set<std::string>& a, const std::set<std::string>& b);

}  // namespace ramstein
