// ReadCanonicalPayload: decodes a stored payload, which must be canonical
// JSON (docs/formats/events.md), with a single forward pass over its bytes,
// driven by the record's Visit(). Several times faster than a general JSON
// parser because canonical text has one spelling: keys in order, no
// whitespace, only the canonical escapes. Anything else, and invalid UTF-8,
// is an error. Used by DecodePayload; input records use the general path.
#pragma once

#include <string_view>

#include "base/status.h"
#include "ledger/records.h"

namespace ramstein {

Result<Record> ReadCanonicalPayload(RecordKind kind, std::string_view payload);

// A default-constructed record of `kind`.
Record MakeRecord(RecordKind kind);

}  // namespace ramstein
