#include "store/sqlite/fts5_extension.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace ramstein {

namespace {

// BM25's constants as FTS5's bm25() has them, and the weight of a match in
// each column of the search table (kind, id, title, body).
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kColumnWeight[] = {0.0, 0.0, 4.0, 1.0};

// What one query's ranking keeps between its rows.
struct RankState {
  std::vector<double> idf;   // per phrase
  std::vector<double> freq;  // per phrase, the row being ranked: weighted matches
  double average_tokens = 1;
};

Result<RankState*> StateOf(const Fts5ExtensionApi* api, Fts5Context* row, int argument_count,
                           sqlite3_value** arguments) {
  if (auto* state = static_cast<RankState*>(api->xGetAuxdata(row, 0))) return state;
  auto state = std::make_unique<RankState>();
  sqlite3_int64 rows = 0, tokens = 0;
  if (api->xRowCount(row, &rows) != SQLITE_OK || api->xColumnTotalSize(row, -1, &tokens) != SQLITE_OK) {
    return Status::IoError("ramstein_rank: cannot read the index's totals");
  }
  if (rows > 0 && tokens > 0) state->average_tokens = static_cast<double>(tokens) / static_cast<double>(rows);
  const int phrases = api->xPhraseCount(row);
  for (int i = 0; i < phrases; ++i) {
    // A phrase without a count given is taken to be in every document.
    const double docs = static_cast<double>(
        i < argument_count ? std::clamp<sqlite3_int64>(sqlite3_value_int64(arguments[i]), 0, rows) : rows);
    const double idf = std::log((static_cast<double>(rows) - docs + 0.5) / (docs + 0.5));
    state->idf.push_back(idf > 0 ? idf : 1e-6);
  }
  state->freq.assign(state->idf.size(), 0.0);
  RankState* kept = state.release();
  if (api->xSetAuxdata(row, kept, [](void* p) { delete static_cast<RankState*>(p); }) != SQLITE_OK) {
    return Status::IoError("ramstein_rank: out of memory");  // xSetAuxdata freed it
  }
  return kept;
}

void Rank(const Fts5ExtensionApi* api, Fts5Context* row, sqlite3_context* result, int argument_count,
          sqlite3_value** arguments) {
  auto state = StateOf(api, row, argument_count, arguments);
  if (!state.ok()) return sqlite3_result_error(result, state.status().message().c_str(), -1);
  RankState& s = **state;
  std::fill(s.freq.begin(), s.freq.end(), 0.0);
  int instances = 0, tokens = 0;
  if (api->xInstCount(row, &instances) != SQLITE_OK || api->xColumnSize(row, -1, &tokens) != SQLITE_OK) {
    return sqlite3_result_error(result, "ramstein_rank: cannot read the row's matches", -1);
  }
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(row, i, &phrase, &column, &offset) != SQLITE_OK) {
      return sqlite3_result_error(result, "ramstein_rank: cannot read a match", -1);
    }
    if (phrase >= 0 && static_cast<std::size_t>(phrase) < s.freq.size() && column >= 0 && column < 4) {
      s.freq[phrase] += kColumnWeight[column];
    }
  }
  const double length = kK1 * (1 - kB + kB * tokens / s.average_tokens);
  double score = 0;
  for (std::size_t i = 0; i < s.freq.size(); ++i) score += s.idf[i] * s.freq[i] * (kK1 + 1) / (s.freq[i] + length);
  sqlite3_result_double(result, -score);  // as bm25(): lower is better
}

// ramstein_tally(rowid): how many rows of each kind code (the rowid's low
// kind_bits bits), as a blob of 1 << kind_bits native 64-bit counts.
void TallyStep(sqlite3_context* context, int, sqlite3_value** arguments) {
  auto* tally = static_cast<std::int64_t*>(sqlite3_aggregate_context(context, sizeof(std::int64_t) << tally_kind_bits));
  if (tally == nullptr) return sqlite3_result_error_nomem(context);
  ++tally[sqlite3_value_int64(arguments[0]) & ((1 << tally_kind_bits) - 1)];
}

void TallyFinal(sqlite3_context* context) {
  constexpr int bytes = sizeof(std::int64_t) << tally_kind_bits;
  void* tally = sqlite3_aggregate_context(context, bytes);  // zeroed when no row came
  if (tally == nullptr) return sqlite3_result_error_nomem(context);
  sqlite3_result_blob(context, tally, bytes, SQLITE_TRANSIENT);
}

}  // namespace

Fts5Words::~Fts5Words() { tokenizer_.xDelete(instance_); }

namespace {
const char* const kTokenizerArguments[] = {"remove_diacritics", "2"};
}  // namespace

std::unique_ptr<Fts5Words> Fts5Extension::NewWords() const {
  if (words_ == nullptr) return nullptr;
  Fts5Tokenizer* instance = nullptr;
  if (tokenizer_.xCreate(user_, const_cast<const char**>(kTokenizerArguments), 2, &instance) != SQLITE_OK) {
    return nullptr;
  }
  return std::make_unique<Fts5Words>(tokenizer_, instance);
}

Status Fts5Extension::Words(std::string_view text, bool query, bool prefix,
                            const std::function<void(std::string_view)>& word) const {
  if (words_ == nullptr) return Status::IoError("SQLite search index: the tokenizer is not open");
  return words_->Words(text, query, prefix, word);
}

Status Fts5Extension::Open(sqlite3* db) {
  if (words_ != nullptr) return Status::Ok();
  fts5_api* api = nullptr;
  sqlite3_stmt* select = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &select, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(select, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(select);
  }
  sqlite3_finalize(select);
  if (api == nullptr || api->iVersion < 2) return Status::IoError("SQLite search index: this SQLite has no FTS5");
  Fts5Tokenizer* instance = nullptr;
  if (api->xFindTokenizer(api, "unicode61", &user_, &tokenizer_) != SQLITE_OK ||
      tokenizer_.xCreate(user_, const_cast<const char**>(kTokenizerArguments), 2, &instance) != SQLITE_OK) {
    return Status::IoError("SQLite search index: FTS5's unicode61 tokenizer is missing");
  }
  words_ = std::make_unique<Fts5Words>(tokenizer_, instance);
  if (api->xCreateFunction(api, "ramstein_rank", nullptr, &Rank, nullptr) != SQLITE_OK ||
      sqlite3_create_function(db, "ramstein_tally", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr,
                              &TallyStep, &TallyFinal) != SQLITE_OK) {
    return Status::IoError("SQLite search index: cannot register Ramstein's functions");
  }
  return Status::Ok();
}

Status Fts5Words::Words(std::string_view text, bool query, bool prefix,
                        const std::function<void(std::string_view)>& word) const {
  const int flags = query ? FTS5_TOKENIZE_QUERY | (prefix ? FTS5_TOKENIZE_PREFIX : 0) : FTS5_TOKENIZE_DOCUMENT;
  auto each = [](void* context, int, const char* token, int bytes, int, int) {
    (*static_cast<const std::function<void(std::string_view)>*>(context))(
        std::string_view(token, static_cast<std::size_t>(bytes)));
    return SQLITE_OK;
  };
  if (tokenizer_.xTokenize(instance_, const_cast<std::function<void(std::string_view)>*>(&word), flags, text.data(),
                           static_cast<int>(text.size()), each) != SQLITE_OK) {
    return Status::IoError("SQLite search index: cannot read the words of a text");
  }
  return Status::Ok();
}

}  // namespace ramstein
