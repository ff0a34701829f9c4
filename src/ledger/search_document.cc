#include "ledger/search_document.h"

#include <cctype>

#include "base/utf8.h"
#include "ledger/record_visitor.h"

namespace ramstein {

namespace {

// Gathers a record's texts into a SearchDocument (the Visit pattern of
// records.h, as the codec's visitors).
class TextCollector : public IgnoringVisitor {
 public:
  explicit TextCollector(SearchDocument& document, bool in_evidence = false)
      : document_(document), in_evidence_(in_evidence) {}
  void Correction(const std::optional<std::string>& value) { OptText("correction", value); }
  void Id(const std::string& value) { Add(value); }
  void EvidenceList(const std::vector<Evidence>& list) { List("evidence", list); }
  void Text(std::string_view name, const std::string& value) {
    if (name == "sha256" || name == "quote_hash") return;
    if ((name == "title" || name == "name") && document_.title.empty() && !in_evidence_) {
      document_.title = value;
      return;
    }
    Add(value);
  }
  void OptText(std::string_view name, const std::optional<std::string>& value) {
    if (value && name != "url") Text(name, *value);
  }
  void OptDocument(std::string_view, const std::optional<std::string>& value) {
    if (value) Add(*value);
  }
  void Ref(std::string_view, const std::string& value, RecordKind) {
    if (!in_evidence_) Add(value);
  }
  void AnyRef(std::string_view, const std::string& value) { Add(value); }
  void OptRef(std::string_view, const std::optional<std::string>& value, RecordKind) {
    if (value) Add(*value);
  }
  void RefList(std::string_view, const std::vector<std::string>& values, RecordKind) {
    for (const std::string& value : values) Add(value);
  }
  void TextList(std::string_view, const std::vector<std::string>& values) {
    for (const std::string& value : values) Add(value);
  }
  template <typename T>
  void List(std::string_view name, const std::vector<T>& values) {
    for (const T& value : values) {
      TextCollector nested(document_, in_evidence_ || name == "evidence");
      const_cast<T&>(value).Visit(nested);
    }
  }

 private:
  void Add(std::string_view text) {
    if (text.empty()) return;
    if (!document_.body.empty()) document_.body += '\n';
    document_.body += text;
  }
  SearchDocument& document_;
  bool in_evidence_;
};

// Separates words in a query: ASCII other than letters and digits, and
// Unicode's general punctuation and Latin-1 symbols (as the tokenizer
// does; other characters are left to it).
bool IsSeparator(std::string_view text, std::size_t at, std::size_t* length) {
  auto byte = static_cast<unsigned char>(text[at]);
  *length = 1;
  if (byte < 0x80) return !std::isalnum(byte);
  if (byte == 0xC2 && at + 1 < text.size()) {  // U+0080..U+00BF
    *length = 2;
    return true;
  }
  if (byte == 0xE2 && at + 2 < text.size() && static_cast<unsigned char>(text[at + 1]) <= 0x81) {  // U+2000..U+207F
    *length = 3;
    return true;
  }
  *length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
  return false;
}

}  // namespace

SearchDocument SearchDocumentOf(const Record& record) {
  SearchDocument document;
  TextCollector collector(document);
  std::visit([&](const auto& r) { const_cast<std::decay_t<decltype(r)>&>(r).Visit(collector); }, record);
  document.id = CommonOf(record).id;
  if (document.title.empty()) document.title = document.id;
  return document;
}

Result<SearchTerms> ParseSearchQuery(std::string_view text) {
  if (text.size() > search_query_bytes_max) {
    return Status::InvalidArgument("q: longer than " + std::to_string(search_query_bytes_max) + " bytes");
  }
  if (!IsValidUtf8(text)) return Status::InvalidArgument("q: not valid UTF-8");
  SearchTerms terms;
  std::string phrase, word;
  bool quoted = false;
  auto end_word = [&](std::string& into) {
    if (word.empty()) return;
    if (!into.empty()) into += ' ';
    into += word;
    word.clear();
  };
  auto end_term = [&](std::string term) {
    if (!term.empty()) terms.terms.push_back(std::move(term));
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    if (text[i] == '"') {
      if (quoted) {
        end_word(phrase);
        end_term(std::move(phrase));
        phrase.clear();
      } else {
        std::string single;
        end_word(single);
        end_term(std::move(single));
      }
      quoted = !quoted;
      ++i;
      continue;
    }
    if (IsSeparator(text, i, &length)) {
      if (quoted) {
        end_word(phrase);
      } else {
        std::string single;
        end_word(single);
        end_term(std::move(single));
      }
    } else {
      word.append(text.substr(i, length));
    }
    i += length;
  }
  // A word typed last, without a space after it, may be the start of one.
  terms.last_is_prefix = !quoted && !word.empty();
  if (quoted) {
    end_word(phrase);
    end_term(std::move(phrase));
  } else {
    std::string single;
    end_word(single);
    end_term(std::move(single));
  }
  if (terms.terms.empty()) return Status::InvalidArgument("q: no word to search for");
  if (terms.terms.size() > search_terms_max) {
    return Status::InvalidArgument("q: more than " + std::to_string(search_terms_max) + " words");
  }
  return terms;
}

}  // namespace ramstein
