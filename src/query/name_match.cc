#include "query/name_match.h"

#include <algorithm>
#include <array>

namespace ramstein {

namespace {

bool IsCalibre(const std::string& word) {
  if (word.size() < 3 || !word.ends_with("mm")) return false;
  return std::all_of(word.begin(), word.end() - 2, [](char c) { return c >= '0' && c <= '9'; });
}

constexpr std::array<std::string_view, 21> kCommonWords = {
    "a",         "and",  "battery", "batteries", "firing",  "for",      "launcher",
    "launchers", "mm",   "mod",     "of",        "on",      "system",   "systems",
    "the",       "unit", "units",   "variant",   "vehicle", "vehicles", "with"};

bool HasAny(const std::set<std::string>& words, std::initializer_list<std::string_view> wanted) {
  for (auto word : wanted) {
    if (words.count(std::string(word))) return true;
  }
  return false;
}

}  // namespace

bool NamesAMunition(const std::set<std::string>& words) {
  return HasAny(words, {"ammunition", "munition", "munitions", "round", "rounds", "shell", "shells",
                        "rocket", "rockets", "missile", "missiles", "mine", "mines"}) &&
         (words.count("for") ||
          !HasAny(words, {"launcher", "launchers", "launching", "system", "systems", "pad"}));
}

std::set<std::string> NamingWords(const std::set<std::string>& telling) {
  static const std::set<std::string> kDescriptive = {"aerial",
                                                     "air",
                                                     "air-defence",
                                                     "ammunition",
                                                     "anti-air",
                                                     "anti-aircraft",
                                                     "anti-tank",
                                                     "armored",
                                                     "armoured",
                                                     "artillery",
                                                     "attack",
                                                     "boat",
                                                     "boats",
                                                     "carrier",
                                                     "carriers",
                                                     "coastal",
                                                     "counter",
                                                     "cruise",
                                                     "defence",
                                                     "defense",
                                                     "drone",
                                                     "drones",
                                                     "fighting",
                                                     "ground",
                                                     "gun",
                                                     "heavy",
                                                     "helicopter",
                                                     "helicopters",
                                                     "howitzer",
                                                     "howitzers",
                                                     "infantry",
                                                     "light",
                                                     "missile",
                                                     "missiles",
                                                     "mobility",
                                                     "mortar",
                                                     "multiple",
                                                     "munitions",
                                                     "patrol",
                                                     "personnel",
                                                     "protected",
                                                     "radar",
                                                     "radars",
                                                     "reconnaissance",
                                                     "rocket",
                                                     "rockets",
                                                     "round",
                                                     "rounds",
                                                     "self-propelled",
                                                     "shells",
                                                     "surface-to-air",
                                                     "tactical",
                                                     "tank",
                                                     "tanks",
                                                     "towed",
                                                     "truck",
                                                     "trucks",
                                                     "uas",
                                                     "uav",
                                                     "uavs",
                                                     "unmanned",
                                                     "vessel",
                                                     "vessels"};
  std::set<std::string> naming;
  for (const auto& word : telling) {
    if (!kDescriptive.count(word)) naming.insert(word);
  }
  return naming;
}

std::set<std::string> KindWords(const std::set<std::string>& words) {
  static const std::set<std::string> kKinds = {
      "simulator",     "simulators",    "spare",       "parts",    "training",
      "equipment",     "bridge-laying", "bridgelayer", "recovery", "repair",
      "mine-clearing", "clearing",      "clearance",   "guidance"};
  std::set<std::string> kinds;
  for (const auto& word : words) {
    if (kKinds.count(word)) kinds.insert(word);
  }
  return kinds;
}

bool SameKind(const std::set<std::string>& a, const std::set<std::string>& b) {
  return NamesAMunition(a) == NamesAMunition(b) && KindWords(a) == KindWords(b);
}

std::set<std::string> NameWords(std::string_view name) {
  std::set<std::string> words;
  std::string word;
  auto flush = [&] {
    std::size_t begin = word.find_first_not_of("'\"*.:!?");
    std::size_t end = word.find_last_not_of("'\"*.:!?");
    if (begin != std::string::npos) words.insert(word.substr(begin, end - begin + 1));
    word.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '/' || c == '(' || c == ')' || c == ',' || c == ';') {
      flush();
    } else {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  flush();
  return words;
}

std::set<std::string> TellingWords(const std::set<std::string>& words) {
  std::set<std::string> telling;
  for (const auto& word : words) {
    if (IsCalibre(word) ||
        std::find(kCommonWords.begin(), kCommonWords.end(), word) != kCommonWords.end())
      continue;
    telling.insert(word);
  }
  return telling;
}

bool Includes(const std::set<std::string>& larger, const std::set<std::string>& smaller) {
  return std::includes(larger.begin(), larger.end(), smaller.begin(), smaller.end());
}

double Overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t shared = 0;
  for (const auto& word : a) shared += b.count(word);
  std::size_t either = a.size() + b.size() - shared;
  return either == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(either);
}

}  // namespace ramstein
