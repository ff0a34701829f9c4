// SyntheticLedger: a deterministic generator of realistic ledgers for tests
// and benchmarks: about 60 donors, about 2,000 catalogue items, measures with
// several line items in several currencies, deliveries, holds and
// resumptions. The same (measures, seed) always yields the same bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace ramstein {

struct SyntheticOptions {
  std::uint64_t measures = 1000;
  std::uint64_t seed = 1;
  std::uint32_t donors = 60;
  std::uint32_t items = 2000;
};

struct SyntheticCounts {
  std::uint64_t records = 0;
  std::uint64_t line_items = 0;
};

// Calls `write` with successive chunks of JSON Lines text (actors and items
// first, then measures, deliveries, holds), ready for `ramstein import`.
SyntheticCounts GenerateSyntheticLedger(const SyntheticOptions& options,
                                        const std::function<void(const std::string&)>& write);

}  // namespace ramstein
