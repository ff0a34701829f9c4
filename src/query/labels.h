// Human-readable labels for records referenced by id, shared by the reports.
#pragma once

#include <string>

#include "model/model.h"

namespace ramstein {

// The record's name (actor, item, person) or title (meeting, measure), or
// the id itself when there is none.
std::string Label(const Model& model, const std::string& id);
// "Healey (GBR)" for a person: surname-free name with the country served.
std::string PersonWithActor(const Model& model, const std::string& person_id);

}  // namespace ramstein
