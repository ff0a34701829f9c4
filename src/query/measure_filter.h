// Which measures a report counts: those of one type of aid, those cited
// from one publisher's sources, or all. A ledger holding several trackers'
// measures (Kiel, UkraineAidTracker, Oryx, beside its own) would otherwise
// sum them together; the publisher filter keeps one.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/model.h"

namespace ramstein {

struct MeasureFilter {
  std::optional<AidType> type;
  std::optional<std::string> publisher;  // of the first source a measure cites
};

// The filter a report's options name: `type` "military", "financial" or
// "humanitarian" (any case); `publisher` as a source record gives it.
// InvalidArgument for an unknown type, or a publisher no measure cites
// (the message names those that are cited).
Result<MeasureFilter> MeasureFilterOf(const Model& model, const std::optional<std::string>& type,
                                      const std::optional<std::string>& publisher);

// Who says a measure is so: the publisher of the first source it cites ("" when
// it cites none); `cache` (source id -> publisher) saves the lookups.
const std::string& PublisherOf(const Model& model, const MeasureRecord& measure,
                               std::map<std::string, std::string>* cache);

// Per measure number, whether `filter` keeps it.
std::vector<char> KeptMeasures(const Model& model, const MeasureFilter& filter);

}  // namespace ramstein
