// The binary form of a record, for derived data that is read back by this
// program only (the model's snapshots, docs/formats/snapshots.md): each
// field in Visit() order, without names; texts and lists length-prefixed,
// integers as zigzag varints, an optional's presence as one byte, dates as
// their day number and precision, money as minor units and currency index.
// Never hashed, signed or exchanged: the canonical JSON payload is the
// record's one persisted spelling.
//
// The reader checks what the canonical reader checks of a stored payload
// (valid UTF-8, valid ids, ranges, enum values, currencies, list lengths,
// dates within the ledger's years, canonical money) so that a damaged
// snapshot is an error, never a record the model could not hold.
#pragma once

#include "base/binary_io.h"
#include "ledger/records.h"

namespace ramstein {

void WriteBinaryRecord(const Record& record, BinaryWriter& out);

// Reads one record of `kind`; on bad bytes, fails `in` (BinaryReader::error)
// and returns a record that must not be used.
Record ReadBinaryRecord(RecordKind kind, BinaryReader& in);

}  // namespace ramstein
