#include "synth/synthetic_ledger.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace ramstein {

namespace {

// splitmix64: small, fast, and the same on every platform (std:: distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound).
  std::uint64_t Below(std::uint64_t bound) { return Next() % bound; }
  bool Chance(unsigned percent) { return Below(100) < percent; }

 private:
  std::uint64_t state_;
};

constexpr std::array<const char*, 60> kDonors = {
    "USA", "DEU", "GBR", "FRA", "POL", "NLD", "DNK", "SWE", "NOR", "FIN", "CAN", "ITA",
    "ESP", "BEL", "CZE", "EST", "LVA", "LTU", "AUT", "IRL", "PRT", "ROU", "BGR", "GRC",
    "HRV", "SVN", "SVK", "HUN", "LUX", "ISL", "CHE", "JPN", "KOR", "AUS", "NZL", "TUR",
    "MLT", "CYP", "ALB", "MNE", "MKD", "MDA", "GEO", "ARM", "AZE", "KAZ", "UZB", "TWN",
    "SGP", "ISR", "MAR", "EGY", "IND", "BRA", "MEX", "ZAF", "CHL", "ARG", "COL", "PER"};
// Currencies of the ECB table plus EUR; a donor keeps one currency mostly.
constexpr std::array<const char*, 12> kCurrencies = {"EUR", "USD", "GBP", "PLN", "SEK", "NOK",
                                                     "DKK", "CAD", "CZK", "JPY", "CHF", "AUD"};
constexpr std::array<const char*, 8> kCategories = {"Air Defense", "Artillery",  "Drones",
                                                    "Armour",      "Ammunition", "Engineering",
                                                    "Vehicles",    "Medical"};
constexpr std::array<const char*, 5> kStatuses = {"announced", "committed", "allocated",
                                                  "contracted", "delivered"};

std::string Date(Random& random) {
  // 2022-03-01 .. 2026-02-28
  unsigned year = 2022 + static_cast<unsigned>(random.Below(4));
  unsigned month = 1 + static_cast<unsigned>(random.Below(12));
  unsigned day = 1 + static_cast<unsigned>(random.Below(28));
  if (year == 2022 && month < 3) month = 3;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", year, month, day);
  return buffer;
}

}  // namespace

SyntheticCounts GenerateSyntheticLedger(const SyntheticOptions& options,
                                        const std::function<void(const std::string&)>& write) {
  Random random(options.seed);
  SyntheticCounts counts;
  std::string out;
  out.reserve(1 << 20);
  auto flush = [&](bool force) {
    if (force || out.size() > (1u << 20)) {
      write(out);
      out.clear();
    }
  };
  auto donors = std::min<std::uint32_t>(options.donors, static_cast<std::uint32_t>(kDonors.size()));
  for (std::uint32_t d = 0; d < donors; ++d) {
    out += std::string("{\"kind\":\"actor\",\"id\":\"syn:") + kDonors[d] +
           "\",\"name\":\"Synthetic " + kDonors[d] + "\",\"type\":\"country\"}\n";
    ++counts.records;
  }
  out +=
      "{\"kind\":\"actor\",\"id\":\"syn:UKR\",\"name\":\"Synthetic "
      "recipient\",\"type\":\"country\"}\n";
  ++counts.records;
  for (std::uint32_t i = 0; i < options.items; ++i) {
    out += "{\"kind\":\"item\",\"id\":\"syn:item:" + std::to_string(i) +
           "\",\"name\":\"Synthetic item " + std::to_string(i) + "\",\"category\":\"" +
           kCategories[i % kCategories.size()] + "\"}\n";
    ++counts.records;
  }
  for (std::uint64_t m = 0; m < options.measures; ++m) {
    std::uint32_t donor = static_cast<std::uint32_t>(random.Below(donors));
    const char* currency = random.Chance(80) ? kCurrencies[donor % kCurrencies.size()]
                                             : kCurrencies[random.Below(kCurrencies.size())];
    bool no_decimals = std::string_view(currency) == "JPY";
    std::string id = "syn:m:" + std::to_string(m);
    std::string date = Date(random);
    const char* status = kStatuses[random.Below(kStatuses.size())];
    std::uint64_t lines = 2 + random.Below(5);  // 2..6, mean 4
    std::string line_json;
    std::vector<std::pair<std::string, std::uint64_t>> line_items;
    for (std::uint64_t l = 0; l < lines; ++l) {
      std::string item =
          "syn:item:" +
          std::to_string((m * 7 + l * 131 + random.Below(options.items)) % options.items);
      bool duplicate = false;
      for (const auto& existing : line_items) duplicate |= existing.first == item;
      if (duplicate) continue;
      std::uint64_t quantity = 1 + random.Below(5000);
      std::uint64_t value = (1 + random.Below(2'000'000)) * 100;  // whole units
      if (!line_json.empty()) line_json += ",";
      line_json += "{\"item\":\"" + item + "\",\"quantity\":" + std::to_string(quantity) +
                   ",\"value\":{\"amount\":\"" + std::to_string(value) +
                   (no_decimals ? "" : ".00") + "\",\"currency\":\"" + currency + "\"}}";
      line_items.emplace_back(item, quantity);
      ++counts.line_items;
    }
    out += "{\"kind\":\"measure\",\"id\":\"" + id + "\",\"donor\":\"syn:" + kDonors[donor] +
           "\",\"recipient\":\"syn:UKR\",\"announced\":\"" + date +
           "\",\"type\":\"military\",\"instrument\":\"" +
           (random.Chance(50) ? "stockpile_drawdown" : "procurement_contract") +
           "\",\"status\":\"" + status + "\",\"title\":\"Synthetic package " + std::to_string(m) +
           "\",\"lines\":[" + line_json + "]}\n";
    ++counts.records;
    // Deliveries against about 60% of measures, holds against about 2%.
    if (random.Chance(60)) {
      const auto& [item, quantity] = line_items[random.Below(line_items.size())];
      out += "{\"kind\":\"delivery\",\"id\":\"syn:d:" + std::to_string(m) + "\",\"measure\":\"" +
             id + "\",\"item\":\"" + item +
             "\",\"quantity\":" + std::to_string(1 + random.Below(quantity)) + ",\"from\":\"" +
             date + "\"}\n";
      ++counts.records;
    }
    if (random.Chance(2)) {
      const auto& [item, quantity] = line_items[0];
      out += "{\"kind\":\"hold\",\"id\":\"syn:h:" + std::to_string(m) +
             "\",\"donor\":\"syn:" + kDonors[donor] +
             "\",\"recipient\":\"syn:UKR\",\"measure\":\"" + id + "\",\"from\":\"" + date +
             "\",\"lines\":[{\"item\":\"" + item + "\",\"quantity\":" + std::to_string(quantity) +
             "}]}\n";
      ++counts.records;
      if (random.Chance(50)) {
        out += "{\"kind\":\"resumption\",\"id\":\"syn:r:" + std::to_string(m) +
               "\",\"hold\":\"syn:h:" + std::to_string(m) +
               "\",\"date\":\"2026-03-01\",\"state\":\"resumed\"}\n";
        ++counts.records;
      }
    }
    flush(false);
  }
  flush(true);
  return counts;
}

}  // namespace ramstein
