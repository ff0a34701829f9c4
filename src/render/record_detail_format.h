// Renders a RecordDetail for `ramstein show`: readable text, or JSON.
#pragma once

#include <string>

#include "query/record_detail.h"

namespace ramstein {

std::string RecordDetailToText(const RecordDetail& detail);
std::string RecordDetailToJson(const RecordDetail& detail);

}  // namespace ramstein
