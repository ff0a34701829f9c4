#include "io/dataset/dataset_batch.h"

#include <sodium.h>

#include <bit>
#include <cstring>
#include <thread>

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

bool DatasetBatch::AddOnce(Record record, std::size_t file, std::size_t row, std::string review_line) {
  std::size_t line = review_line.empty() ? SIZE_MAX : review.size();
  if (!shared_.try_emplace(CommonOf(record).id, line).second) return false;
  Add(std::move(record), file, row);
  if (!review_line.empty()) review.push_back(std::move(review_line));
  return true;
}

Evidence DatasetBatch::CitePage(std::string_view url, std::size_t file, std::size_t row) {
  Evidence evidence;
  // Debian's Abseil has a string_view of its own: the lookup is in its terms.
  if (auto known = page_ids_.find(absl::string_view(url.data(), url.size())); known != page_ids_.end()) {
    evidence.source = known->second;
    return evidence;
  }
  SourceRecord page = WebPageSource(url);
  evidence = CitationOf(page);
  page_ids_.emplace(url, page.id);
  AddOnce(std::move(page), file, row);
  return evidence;
}

void DatasetBatch::Append(DatasetBatch part) {
  rows_read += part.rows_read;
  for (std::string& error : part.errors) Error(std::move(error));
  // The part's records added once that are here already go, with their
  // review lines.
  auto shared_of = [&](std::size_t i) {
    return part.shared_.empty() ? part.shared_.end() : part.shared_.find(CommonOf(part.records[i]).id);
  };
  std::vector<char> keep(part.records.size(), 1), keep_review(part.review.size(), 1);
  for (std::size_t i = 0; i < part.records.size() && !part.shared_.empty(); ++i) {
    auto shared = shared_of(i);
    if (shared == part.shared_.end() || !shared_.contains(shared->first)) continue;
    keep[i] = 0;
    if (shared->second != SIZE_MAX) keep_review[shared->second] = 0;
  }
  std::vector<std::size_t> review_at(part.review.size(), SIZE_MAX);
  for (std::size_t j = 0; j < part.review.size(); ++j) {
    if (!keep_review[j]) continue;
    review_at[j] = review.size();
    review.push_back(std::move(part.review[j]));
  }
  records.reserve(records.size() + part.records.size());
  origins.reserve(origins.size() + part.origins.size());
  for (std::size_t i = 0; i < part.records.size(); ++i) {
    if (!keep[i]) continue;
    auto shared = shared_of(i);
    if (shared != part.shared_.end())
      shared_.emplace(shared->first, shared->second == SIZE_MAX ? SIZE_MAX : review_at[shared->second]);
    Add(std::move(part.records[i]), part.origins[i].file, part.origins[i].row);
  }
}

std::string UniqueIds::Take(std::string id) {
  int repeat = 0;
  // One probe: the key is copied into the arena only when it is new.
  auto it = counts_.lazy_emplace(std::string_view(id), [&](const auto& construct) {
    char* copy = static_cast<char*>(arena_.allocate(id.size(), 1));
    std::memcpy(copy, id.data(), id.size());
    construct(std::string_view(copy, id.size()), 0);
  });
  repeat = ++it->second;
  if (repeat > 1) id += "-" + std::to_string(repeat);
  return id;
}

void TakeUniqueIds(const std::vector<std::string*>& ids, std::size_t threads) {
  threads = std::max<std::size_t>(1, std::min(threads, ids.size() / 65536 + 1));
  std::vector<std::uint8_t> share(ids.size());
  if (threads > 1) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      share[i] = static_cast<std::uint8_t>(absl::Hash<std::string_view>{}(*ids[i]) % threads);
  }
  auto take = [&](std::size_t mine) {
    UniqueIds seen;
    seen.Reserve(ids.size() / threads + 1);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (share[i] == mine) *ids[i] = seen.Take(std::move(*ids[i]));
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(take, t);
  take(0);
  for (std::thread& worker : workers) worker.join();
}

std::string ContentKey(std::string_view text) {
  static const int sodium_ready = sodium_init();  // picks the fastest BLAKE2b; idempotent
  (void)sodium_ready;
  unsigned char hash[8];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key(16, '0');
  for (std::size_t i = 0; i < sizeof hash; ++i) {
    key[2 * i] = kHex[hash[i] >> 4];
    key[2 * i + 1] = kHex[hash[i] & 15];
  }
  return key;
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
  if (const ItemRecord* known = catalog.Item(name)) return known->id;
  std::string id = std::string(kUnreviewedItemPrefix) + Slug(name);
  if (id.size() == kUnreviewedItemPrefix.size()) id += "unnamed";
  // Another name with the same slug ("M-55S'" beside "M-55S") is already in
  // the ledger: this one gets an id of its own, not a correction of that one.
  if (catalog.Item(id)) id += "-" + ContentKey(name).substr(0, 8);
  ItemRecord item;
  item.id = id;
  item.name = std::string(name);
  item.category = std::string(category);
  item.note = "unreviewed: named so by " + where + "; map it to a catalogue item";
  batch->AddOnce(std::move(item), file, row,
                 where + ": item '" + std::string(name) + "' is not in the catalogue; kept as " + id);
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
  std::size_t at = counted_byte_;
  std::int64_t count = counted_code_points_;
  // Eight bytes at a time: a UTF-8 continuation byte is 10xxxxxx, so bit 7
  // set and bit 6 clear (shifted up into bit 7's place).
  for (; at + 8 <= byte; at += 8) {
    std::uint64_t word;
    std::memcpy(&word, text_.data() + at, 8);
    std::uint64_t continuation = word & ~(word << 1) & 0x8080808080808080ull;
    count += 8 - std::popcount(continuation);
  }
  for (; at < byte; ++at) count += (static_cast<unsigned char>(text_[at]) & 0xC0) != 0x80;
  counted_byte_ = at;
  counted_code_points_ = count;
  return count;
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
