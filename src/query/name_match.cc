#include "query/name_match.h"

#include <algorithm>
#include <iterator>
#include <span>

namespace ramstein {

namespace {

// A list of words, looked up whole; each list below is kept sorted.
using WordList = std::span<const std::string_view>;

bool In(WordList list, std::string_view word) {
  return std::binary_search(list.begin(), list.end(), word);
}

bool HasAny(const std::set<std::string>& words, WordList list) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& word) { return In(list, word); });
}

// `words` without (keep = false) or only (keep = true) those in `list`.
std::set<std::string> Filter(const std::set<std::string>& words, WordList list, bool keep) {
  std::set<std::string> kept;
  for (const auto& word : words) {
    if (In(list, word) == keep) kept.insert(word);
  }
  return kept;
}

bool IsCalibre(const std::string& word) {
  if (word.size() < 3 || !word.ends_with("mm")) return false;
  return std::all_of(word.begin(), word.end() - 2, [](char c) { return c >= '0' && c <= '9'; });
}

// clang-format off
constexpr std::string_view kCommonWords[] = {
    "a", "and", "batteries", "battery", "firing", "for", "launcher", "launchers", "mm", "mod", "of", "on",
    "system", "systems", "the", "unit", "units", "variant", "vehicle", "vehicles", "with"};
constexpr std::string_view kMunitionWords[] = {
    "ammunition", "mine", "mines", "missile", "missiles", "munition", "munitions", "rocket", "rockets",
    "round", "rounds", "shell", "shells"};
constexpr std::string_view kFiringWords[] = {"launcher", "launchers", "launching", "pad", "system", "systems"};
constexpr std::string_view kDescriptiveWords[] = {
    "aerial", "air", "air-defence", "ammunition", "anti-air", "anti-aircraft", "anti-tank", "armored",
    "armoured", "artillery", "attack", "boat", "boats", "carrier", "carriers", "coastal", "counter", "cruise",
    "defence", "defense", "drone", "drones", "fighting", "ground", "gun", "heavy", "helicopter", "helicopters",
    "howitzer", "howitzers", "infantry", "light", "missile", "missiles", "mobility", "mortar", "multiple",
    "munitions", "patrol", "personnel", "protected", "radar", "radars", "reconnaissance", "rocket", "rockets",
    "round", "rounds", "self-propelled", "shells", "surface-to-air", "tactical", "tank", "tanks", "towed",
    "truck", "trucks", "uas", "uav", "uavs", "unmanned", "vessel", "vessels"};
constexpr std::string_view kKindWords[] = {
    "bridge-laying", "bridgelayer", "clearance", "clearing", "equipment", "guidance", "mine-clearing", "parts",
    "recovery", "repair", "simulator", "simulators", "spare", "training"};
// clang-format on
static_assert(std::is_sorted(std::begin(kCommonWords), std::end(kCommonWords)) &&
              std::is_sorted(std::begin(kMunitionWords), std::end(kMunitionWords)) &&
              std::is_sorted(std::begin(kFiringWords), std::end(kFiringWords)) &&
              std::is_sorted(std::begin(kDescriptiveWords), std::end(kDescriptiveWords)) &&
              std::is_sorted(std::begin(kKindWords), std::end(kKindWords)));

}  // namespace

bool NamesAMunition(const std::set<std::string>& words) {
  return HasAny(words, kMunitionWords) && (words.count("for") || !HasAny(words, kFiringWords));
}

std::set<std::string> NamingWords(const std::set<std::string>& telling) {
  return Filter(telling, kDescriptiveWords, false);
}

std::set<std::string> KindWords(const std::set<std::string>& words) {
  return Filter(words, kKindWords, true);
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
  std::set<std::string> telling = Filter(words, kCommonWords, false);
  std::erase_if(telling, IsCalibre);
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
