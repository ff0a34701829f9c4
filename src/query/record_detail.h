// RecordDetail: one record with everything that explains it: the quotes it
// rests on (with their context in the source document), claims about it
// (side by side when sources disagree), its earlier versions, and the records
// that refer to it. What `ramstein show ID` and the record page display.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/model.h"

namespace ramstein {

struct EvidenceDetail {
  std::string source;  // source id
  std::string title;
  std::string publisher;
  std::string published;  // date text, or ""
  std::string url;
  std::string quote;
  std::int64_t start = 0, end = 0;  // code points
  std::string before, after;        // up to context_code_points_max of text around the quote
};

struct ClaimDetail {
  std::string id;
  std::string attribute;
  std::string value;
  std::optional<std::int64_t> number;
  std::string date;
  std::vector<EvidenceDetail> evidence;
};

struct VersionDetail {
  std::uint64_t sequence = 0;
  std::int64_t time_ms = 0;
  std::string author;
  std::string correction;
  std::string payload;
};

struct RelatedRecord {
  std::string id;
  std::string kind;
  std::string label;
};

struct RecordDetail {
  std::string id;
  std::string kind;
  std::string label;
  std::string payload;  // canonical JSON of the latest version
  std::vector<EvidenceDetail> evidence;
  std::vector<ClaimDetail> claims;     // sorted by attribute, then id
  std::vector<VersionDetail> history;  // oldest first
  std::vector<RelatedRecord> related;  // at most related_records_max
};

inline constexpr std::size_t context_code_points_max = 160;
inline constexpr std::size_t related_records_max = 200;

// NotFound when no record has `id`.
Result<RecordDetail> ShowRecord(const Model& model, const std::string& id);

// The evidence entries of a record, resolved against their sources.
std::vector<EvidenceDetail> ResolveEvidence(const Model& model,
                                            const std::vector<Evidence>& evidence);

}  // namespace ramstein
