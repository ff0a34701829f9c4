#include "io/dataset/dataset_batch.h"

#include "base/check.h"
#include "base/limits.h"
#include "ledger/record_codec.h"

namespace ramstein {

SourceRecord FileSource(std::string_view stem, std::string_view text,
                        const FileProvenance& provenance, bool holds_text) {
  SourceRecord source;
  source.sha256 = Sha256Hex(text);
  source.id = "src:" + std::string(stem) + "-" + source.sha256.substr(0, 12);
  source.publisher = provenance.publisher;
  source.title = provenance.title;
  source.url = provenance.url;
  source.published = provenance.published;
  if (holds_text && text.size() <= limits::source_document_bytes_max) source.text = std::string(text);
  return source;
}

std::string Slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string ResolveItem(const Catalog& catalog, std::string_view name, std::string_view category,
                        const std::string& where, std::size_t file, std::size_t row,
                        DatasetBatch* batch) {
  if (auto known = catalog.ItemByName(name)) return *known;
  std::string id = "item:unreviewed/" + Slug(name);
  if (id == "item:unreviewed/") id += "unnamed";
  ItemRecord item;
  item.id = id;
  item.name = std::string(name);
  item.category = std::string(category);
  item.note = "unreviewed: named so by " + where + "; map it to a catalogue item";
  if (batch->AddOnce(std::move(item), file, row)) {
    batch->review.push_back(where + ": item '" + std::string(name) +
                            "' is not in the catalogue; kept as " + id);
  }
  return id;
}

SourceRecord WebPageSource(std::string_view url) {
  SourceRecord source;
  source.id = "src:url-" + Sha256Hex(url).substr(0, 12);
  std::string_view host = url;
  if (auto scheme = host.find("://"); scheme != std::string_view::npos) host.remove_prefix(scheme + 3);
  host = host.substr(0, host.find('/'));
  source.publisher = host.empty() ? std::string(url) : std::string(host);
  source.title = std::string(url);
  source.url = std::string(url);
  return source;
}

Evidence CitationOf(const SourceRecord& source) {
  Evidence evidence;
  evidence.source = source.id;
  return evidence;
}

RowQuoter::RowQuoter(std::string_view text, std::string source_id)
    : text_(text), source_id_(std::move(source_id)) {}

std::int64_t RowQuoter::CodePointsTo(std::size_t byte) {
  RAMSTEIN_CHECK(byte >= counted_byte_ && byte <= text_.size());
  for (; counted_byte_ < byte; ++counted_byte_) {
    counted_code_points_ += (static_cast<unsigned char>(text_[counted_byte_]) & 0xC0) != 0x80;
  }
  return counted_code_points_;
}

Evidence RowQuoter::Quote(std::size_t begin_byte, std::size_t end_byte) {
  Evidence evidence;
  evidence.source = source_id_;
  evidence.start = CodePointsTo(begin_byte);
  evidence.end = CodePointsTo(end_byte);
  evidence.quote = std::string(text_.substr(begin_byte, end_byte - begin_byte));
  return evidence;
}

}  // namespace ramstein
