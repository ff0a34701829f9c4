// Human-readable labels for records referenced by id, shared by the reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/ascii.h"
#include "model/model.h"

namespace ramstein {

// The record's name (actor, item, person) or title (meeting, measure), or
// the id itself when there is none.
std::string Label(const Model& model, const std::string& id);
// "Healey (GBR)" for a person: surname-free name with the country served.
std::string PersonWithActor(const Model& model, const std::string& person_id);

// The exact decimal of an amount ("700000000.00"), or "" when absent.
std::string AmountText(const std::optional<Money>& money);
// The month (or year) a date falls in, as (sort key, "YYYY-MM" or "YYYY"):
// periods sort by their first day, a year just after its January; undated
// is the last period, "undated".
using PeriodKey = std::pair<std::int32_t, std::string>;
PeriodKey PeriodOf(const std::optional<Date>& date);

}  // namespace ramstein
