#include "render/record_detail_format.h"

#include <map>

#include "ledger/canonical_json.h"

namespace ramstein {

namespace {

void AppendEvidenceText(std::string& out, const EvidenceDetail& e, const char* indent) {
  bool cited_whole = e.quote.empty();  // a document Ramstein does not hold
  out += indent;
  out += cited_whole ? std::string("(cited whole, not quoted)\n") : "\"" + e.quote + "\"\n";
  out += indent;
  out += "  -- " + (e.publisher.empty() ? e.source : e.publisher);
  if (!e.title.empty()) out += ", \"" + e.title + "\"";
  if (!e.published.empty()) out += ", " + e.published;
  out += " [" + e.source;
  if (!cited_whole) out += " @" + std::to_string(e.start) + ".." + std::to_string(e.end);
  out += "]\n";
  if (!e.url.empty()) out += std::string(indent) + "  " + e.url + "\n";
}

void Field(std::string& out, const char* key, const std::string& value, bool first = false) {
  if (!first) out += ",";
  AppendJsonString(out, key);
  out += ":";
  AppendJsonString(out, value);
}

void AppendEvidenceJson(std::string& out, const std::vector<EvidenceDetail>& list) {
  out += "[";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    if (i) out += ",";
    out += "{";
    Field(out, "source", e.source, true);
    Field(out, "title", e.title);
    Field(out, "publisher", e.publisher);
    Field(out, "published", e.published);
    Field(out, "url", e.url);
    Field(out, "quote", e.quote);
    out += ",\"start\":" + std::to_string(e.start) + ",\"end\":" + std::to_string(e.end);
    Field(out, "before", e.before);
    Field(out, "after", e.after);
    out += "}";
  }
  out += "]";
}

}  // namespace

std::string RecordDetailToText(const RecordDetail& d) {
  std::string out = d.kind + " " + d.id;
  if (d.label != d.id) out += ": " + d.label;
  out += "\n" + d.payload + "\n";
  if (!d.evidence.empty()) {
    out += "\nEvidence:\n";
    for (const auto& e : d.evidence) AppendEvidenceText(out, e, "  ");
  }
  if (!d.claims.empty()) {
    out += "\nClaims (side by side where sources differ):\n";
    std::string attribute;
    for (const auto& c : d.claims) {
      if (c.attribute != attribute) {
        attribute = c.attribute;
        out += "  " + attribute + ":\n";
      }
      out += "    - " + c.value + (c.number ? " [" + std::to_string(*c.number) + "]" : "") + "  (" +
             c.id + ")\n";
      for (const auto& e : c.evidence) AppendEvidenceText(out, e, "        ");
    }
  }
  if (d.history.size() > 1) {
    out += "\nHistory:\n";
    for (const auto& v : d.history) {
      out += "  event " + std::to_string(v.sequence) + " by " + v.author;
      if (!v.correction.empty()) out += ", correction: " + v.correction;
      out += "\n";
    }
  }
  if (!d.related.empty()) {
    out += "\nReferred to by:\n";
    for (const auto& r : d.related)
      out += "  " + r.kind + " " + r.id + (r.label != r.id ? ": " + r.label : "") + "\n";
  }
  return out;
}

std::string RecordDetailToJson(const RecordDetail& d) {
  std::string out = "{";
  Field(out, "id", d.id, true);
  Field(out, "kind", d.kind);
  Field(out, "label", d.label);
  out += ",\"record\":" + d.payload;
  out += ",\"evidence\":";
  AppendEvidenceJson(out, d.evidence);
  out += ",\"claims\":[";
  for (std::size_t i = 0; i < d.claims.size(); ++i) {
    const auto& c = d.claims[i];
    if (i) out += ",";
    out += "{";
    Field(out, "id", c.id, true);
    Field(out, "attribute", c.attribute);
    Field(out, "value", c.value);
    out += ",\"number\":" + (c.number ? std::to_string(*c.number) : std::string("null"));
    Field(out, "date", c.date);
    out += ",\"evidence\":";
    AppendEvidenceJson(out, c.evidence);
    out += "}";
  }
  out += "],\"history\":[";
  for (std::size_t i = 0; i < d.history.size(); ++i) {
    const auto& v = d.history[i];
    if (i) out += ",";
    out +=
        "{\"sequence\":" + std::to_string(v.sequence) + ",\"time_ms\":" + std::to_string(v.time_ms);
    Field(out, "author", v.author);
    Field(out, "correction", v.correction);
    out += ",\"record\":" + v.payload + "}";
  }
  out += "],\"related\":[";
  for (std::size_t i = 0; i < d.related.size(); ++i) {
    if (i) out += ",";
    out += "{";
    Field(out, "id", d.related[i].id, true);
    Field(out, "kind", d.related[i].kind);
    Field(out, "label", d.related[i].label);
    out += "}";
  }
  out += "]}\n";
  return out;
}

}  // namespace ramstein
