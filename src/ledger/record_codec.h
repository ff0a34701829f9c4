// The record codec: JSON text <-> Record.
//
// Input records (JSON Lines, `ramstein add`) and stored payloads are decoded
// by the same code, driven by each record's Visit(); decoding is strict:
// unknown or duplicate fields, wrong types, floats, out-of-range integers,
// malformed ids, dates and amounts, unknown currencies and invalid UTF-8 are
// all errors whose message starts with the field's path ("lines[2].quantity").
// Encoding yields the canonical payload (ledger/canonical_json.h).
//
// Thread safety: all functions may be called from several threads; each
// thread parses with its own parser.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ledger/records.h"

namespace ramstein {

struct DecodeOptions {
  // Resolves a source record's "text_file" (a path relative to the input
  // file) to the document's text. Null: "text_file" is an error.
  std::function<Result<std::string>(std::string_view path)> load_document;
};

// Decodes one input record: a JSON object with a "kind" field naming the
// record kind and the kind's fields.
Result<Record> DecodeInputRecord(std::string_view json, const DecodeOptions& options = {});

// Decodes a stored payload of the given kind (no "kind" field). The payload
// must be canonical (ledger/payload_reader.h).
Result<Record> DecodePayload(RecordKind kind, std::string_view payload);

// The canonical payload of a record.
std::string EncodePayload(const Record& record);

// The canonical input form of a record: its payload with "kind" added.
std::string EncodeInputRecord(const Record& record);

// Where a field sits in a record ("lines[2].item"), rendered only on demand
// so that walking references costs no string building.
class FieldPath {
 public:
  FieldPath(const FieldPath* parent, std::string_view name, std::size_t index = SIZE_MAX)
      : parent_(parent), name_(name), index_(index) {}
  std::string ToString() const;
  // The first name of the path ("evidence" for "evidence[0].source").
  std::string_view root() const { return parent_ ? parent_->root() : name_; }

 private:
  const FieldPath* parent_;
  std::string_view name_;
  std::size_t index_;  // SIZE_MAX: not a list entry
};

// Calls visit(field, kind, id) for every reference the record holds; kind
// is nullopt for a reference to a record of any kind (claim subjects).
using ReferenceVisitor = std::function<void(const FieldPath& field, std::optional<RecordKind> kind,
                                            const std::string& id)>;
void VisitReferences(const Record& record, const ReferenceVisitor& visit);

// True when `id` is a valid record id: 1..200 bytes of [A-Za-z0-9._:/-].
bool IsValidId(std::string_view id);

// Lower-case hex SHA-256 of a document's text.
std::string Sha256Hex(std::string_view text);

}  // namespace ramstein
