#include "query/record_detail.h"

#include <algorithm>

#include "ledger/record_codec.h"
#include "query/labels.h"

namespace ramstein {

namespace {

// Byte offset of code point `index` in UTF-8 `text` (text.size() if beyond).
std::size_t ByteOffset(std::string_view text, std::int64_t index) {
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == index) return i;
    ++seen;
  }
  return text.size();
}

}  // namespace

std::vector<EvidenceDetail> ResolveEvidence(const Model& model,
                                            const std::vector<Evidence>& evidence) {
  std::vector<EvidenceDetail> out;
  for (const Evidence& e : evidence) {
    EvidenceDetail detail;
    detail.source = e.source;
    detail.quote = e.quote;
    detail.start = e.start;
    detail.end = e.end;
    if (const auto* source = model.FindAs<SourceRecord>(e.source)) {
      detail.title = source->title;
      detail.publisher = source->publisher;
      detail.published = source->published ? source->published->ToString() : "";
      detail.url = source->url.value_or("");
      if (source->text) {
        std::string_view text = *source->text;
        auto context = static_cast<std::int64_t>(context_code_points_max);
        std::size_t begin = ByteOffset(text, std::max<std::int64_t>(0, e.start - context));
        std::size_t start = ByteOffset(text, e.start);
        std::size_t end = ByteOffset(text, e.end);
        std::size_t after_end = ByteOffset(text, e.end + context);
        detail.before = std::string(text.substr(begin, start - begin));
        detail.after = std::string(text.substr(end, after_end - end));
      }
    }
    out.push_back(std::move(detail));
  }
  return out;
}

Result<RecordDetail> ShowRecord(const Model& model, const std::string& id) {
  const StoredRecord* stored = model.Find(id);
  if (!stored) return Status::NotFound("no record '" + id + "'");
  RecordDetail detail;
  detail.id = id;
  detail.kind = std::string(RecordKindName(KindOf(stored->record)));
  detail.label = Label(model, id);
  detail.payload = EncodePayload(stored->record);
  detail.evidence = ResolveEvidence(model, CommonOf(stored->record).evidence);
  for (const ClaimRecord* claim : model.ClaimsAbout(id)) {
    ClaimDetail c{claim->id,
                  claim->attribute,
                  claim->value,
                  claim->number,
                  claim->date ? claim->date->ToString() : "",
                  ResolveEvidence(model, claim->evidence)};
    detail.claims.push_back(std::move(c));
  }
  std::stable_sort(
      detail.claims.begin(), detail.claims.end(),
      [](const ClaimDetail& a, const ClaimDetail& b) { return a.attribute < b.attribute; });
  for (const StoredRecord* version : model.History(id)) {
    detail.history.push_back({version->sequence, version->time_ms, version->author,
                              CommonOf(version->record).correction.value_or(""),
                              EncodePayload(version->record)});
  }
  for (const StoredRecord& other : model.records()) {
    if (detail.related.size() >= related_records_max) break;
    const Common& common = CommonOf(other.record);
    if (common.id == id || model.Find(common.id) != &other) continue;
    if (KindOf(other.record) == RecordKind::claim) continue;  // listed as claims
    bool refers = false;
    VisitReferences(other.record, [&](const FieldPath& field, std::optional<RecordKind>,
                                      const std::string& target) {
      if (target == id && field.root() != "evidence") refers = true;
    });
    if (refers) {
      detail.related.push_back(
          {common.id, std::string(RecordKindName(KindOf(other.record))), Label(model, common.id)});
    }
  }
  return detail;
}

}  // namespace ramstein
