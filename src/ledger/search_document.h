// SearchDocument: what the full-text index holds of a record (its latest
// version): a title (its title, name or, for a line-less record, its id)
// and a body of every other text it holds: notes, reasons, aliases, the
// quotes of its evidence, a source's document text, and the ids it refers
// to (so "USA" finds the measures of the United States). Not its enums,
// dates, amounts or digests.
//
// And the words a person searches for, read once for every store: words
// and "quoted phrases", all of which must match; the last word may be the
// start of one (as typed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ledger/records.h"

namespace ramstein {

struct SearchDocument {
  std::string id;  // the record's
  std::string title;
  std::string body;
  // The distinct words of the title and the body, sorted, as the index's
  // tokenizer reads them (TextSearch::NewWordReader), when words_read:
  // read while the batch is encoded, so that the thread writing the index
  // need not; otherwise the index reads them itself.
  std::vector<std::string> words;
  bool words_read = false;
};

SearchDocument SearchDocumentOf(const Record& record);

inline constexpr std::size_t search_query_bytes_max = 256;
inline constexpr std::size_t search_terms_max = 16;

struct SearchTerms {
  // Each term is a word or a phrase (words separated by one space), in
  // the order given; letters and digits only (any script), punctuation
  // separates words as the index's tokenizer does.
  std::vector<std::string> terms;
  bool last_is_prefix = false;  // the last term is a word typed without a space after it
};

// InvalidArgument for a query without a word, longer than
// search_query_bytes_max, with more than search_terms_max terms, or not
// UTF-8; an unclosed quote closes at the end.
Result<SearchTerms> ParseSearchQuery(std::string_view text);

}  // namespace ramstein
