// Renders a catalogue answer (query/catalog.h) as text, CSV or JSON, and
// describes each JSON rendering as a JSON Schema (for the OpenAPI document):
// the renderings and their schemas live side by side so they cannot drift.
#pragma once

#include <string>

#include "base/status.h"
#include "query/catalog.h"
#include "render/table_format.h"

namespace ramstein {

// A table in any format; a meeting or a record as text or JSON
// (InvalidArgument for CSV: they are several tables, ask for JSON).
Result<std::string> FormatAnswer(const Answer& answer, TableFormat format);

// The JSON Schema of the question's JSON answer: a table's {title, columns,
// rows} with each documented column typed and described (and, when
// `paged`, the page's total, offset and limit beside them), or a meeting's
// or a record's detail.
std::string AnswerJsonSchema(const Question& question, bool paged);

}  // namespace ramstein
