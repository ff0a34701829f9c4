#include "io/dataset/dataset_batch.h"

#include "base/check.h"
#include "base/limits.h"
#include "ledger/record_codec.h"

namespace ramstein {

SourceRecord FileSource(std::string_view stem, std::string_view text,
                        const FileProvenance& provenance) {
  SourceRecord source;
  source.sha256 = Sha256Hex(text);
  source.id = "src:" + std::string(stem) + "-" + source.sha256.substr(0, 12);
  source.publisher = provenance.publisher;
  source.title = provenance.title;
  source.url = provenance.url;
  source.published = provenance.published;
  if (text.size() <= limits::source_document_bytes_max) source.text = std::string(text);
  return source;
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
