// The model's line rows as an analyst without Ramstein would hold them, for
// the GROUP BY that computes what `report donors` does: in a plain SQLite
// table (file-backed or in memory) and as a CSV file for other engines.
// Columns: donor and currency as text and as integer keys (the model's
// actor number and currency index), status, value, delivered, held, the
// converted flag and the three EUR columns; money in minor units and cents.
#pragma once

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "bench/bench_support.h"
#include "model/model.h"

namespace ramstein::bench {

// The same sums as DonorsReport: statuses 1..5 are announced..delivered,
// 2..5 committed or later. bench/duckdb/groupby.mjs runs this text with
// MAX(0, x) spelled GREATEST(0, x).
inline constexpr const char* kDonorsGroupBy = R"sql(
SELECT donor, currency,
  SUM(value), SUM(CASE WHEN status >= 2 THEN value ELSE 0 END), SUM(delivered),
  SUM(CASE WHEN status >= 2 THEN MAX(0, value - delivered) ELSE 0 END), SUM(held),
  SUM(CASE WHEN converted THEN value_eur ELSE 0 END),
  SUM(CASE WHEN converted AND status >= 2 THEN value_eur ELSE 0 END),
  SUM(CASE WHEN converted THEN delivered_eur ELSE 0 END),
  SUM(CASE WHEN converted AND status >= 2 THEN MAX(0, value_eur - delivered_eur) ELSE 0 END),
  SUM(CASE WHEN converted THEN held_eur ELSE 0 END)
FROM line_items WHERE status BETWEEN 1 AND 5
GROUP BY donor, currency
)sql";

// Calls `row` with each line row's values, in the column order above.
template <typename RowFn>
void ForEachLineRow(const Model& model, RowFn row) {
  const LineTable& t = model.lines();
  for (std::uint32_t r = 0; r < t.size(); ++r) {
    row(model.ActorId(t.donor[r]), t.donor[r], Currency::FromIndex(t.currency[r]).code(), t.currency[r],
        t.status[r], t.value_minor[r], static_cast<std::int64_t>(t.delivered_minor[r]), t.held_minor[r],
        t.converted[r] != 0, t.value_eur_cents[r], static_cast<std::int64_t>(t.delivered_eur_cents[r]),
        t.held_eur_cents[r]);
  }
}

// The line rows of `model` loaded once into a plain SQLite table
// `line_items`, in `:memory:` or in a file of the scratch folder; the
// database stays open for the process.
inline sqlite3* LoadedSqlite(const Model& model, std::int64_t size, bool in_memory) {
  static std::map<std::pair<std::int64_t, bool>, sqlite3*> loaded;
  sqlite3*& db = loaded[{size, in_memory}];
  if (db) return db;
  std::string path = in_memory ? ":memory:" : WorkDir() + "/plain-" + std::to_string(size) + ".db";
  if (!in_memory) std::filesystem::remove(path);
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db,
               "CREATE TABLE line_items(donor TEXT, currency TEXT, status INTEGER, value INTEGER, "
               "delivered INTEGER, held INTEGER, converted INTEGER, value_eur INTEGER, "
               "delivered_eur INTEGER, held_eur INTEGER); BEGIN;",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert;
  sqlite3_prepare_v2(db, "INSERT INTO line_items VALUES(?,?,?,?,?,?,?,?,?,?)", -1, &insert, nullptr);
  ForEachLineRow(model, [&](const std::string& donor, std::uint32_t, std::string_view currency, std::uint16_t,
                            int status, std::int64_t value, std::int64_t delivered, std::int64_t held,
                            bool converted, std::int64_t value_eur, std::int64_t delivered_eur,
                            std::int64_t held_eur) {
    sqlite3_bind_text(insert, 1, donor.data(), static_cast<int>(donor.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, currency.data(), static_cast<int>(currency.size()), SQLITE_STATIC);
    sqlite3_bind_int(insert, 3, status);
    sqlite3_bind_int64(insert, 4, value);
    sqlite3_bind_int64(insert, 5, delivered);
    sqlite3_bind_int64(insert, 6, held);
    sqlite3_bind_int(insert, 7, converted ? 1 : 0);
    sqlite3_bind_int64(insert, 8, value_eur);
    sqlite3_bind_int64(insert, 9, delivered_eur);
    sqlite3_bind_int64(insert, 10, held_eur);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  });
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr);
  return db;
}

// Times kDonorsGroupBy on `db`, stepping through every group it answers.
inline void TimeGroupBy(benchmark::State& state, sqlite3* db) {
  sqlite3_stmt* query;
  sqlite3_prepare_v2(db, kDonorsGroupBy, -1, &query, nullptr);
  std::int64_t groups = 0;
  for (auto _ : state) {
    groups = 0;
    while (sqlite3_step(query) == SQLITE_ROW) ++groups;
    sqlite3_reset(query);
  }
  sqlite3_finalize(query);
  state.counters["groups"] = static_cast<double>(groups);
}

// Writes the line rows of `model` to `path` as CSV with a header line:
// donor, donor_key, currency, currency_key, status, value, delivered, held,
// converted (0 or 1), value_eur, delivered_eur, held_eur. Returns false
// when the file cannot be written.
inline bool WriteLineRowsCsv(const Model& model, const std::string& path) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) return false;
  std::fputs(
      "donor,donor_key,currency,currency_key,status,value,delivered,held,converted,value_eur,"
      "delivered_eur,held_eur\n",
      out);
  ForEachLineRow(model, [&](const std::string& donor, std::uint32_t donor_key, std::string_view currency,
                            std::uint16_t currency_key, int status, std::int64_t value,
                            std::int64_t delivered, std::int64_t held, bool converted,
                            std::int64_t value_eur, std::int64_t delivered_eur, std::int64_t held_eur) {
    std::fprintf(out, "%s,%u,%.*s,%u,%d,%lld,%lld,%lld,%d,%lld,%lld,%lld\n", donor.c_str(), donor_key,
                 static_cast<int>(currency.size()), currency.data(), static_cast<unsigned>(currency_key),
                 status, static_cast<long long>(value), static_cast<long long>(delivered),
                 static_cast<long long>(held), converted ? 1 : 0, static_cast<long long>(value_eur),
                 static_cast<long long>(delivered_eur), static_cast<long long>(held_eur));
  });
  return std::fclose(out) == 0;
}

// Writes SQLite's answer to kDonorsGroupBy, ordered by donor and currency,
// one group per line with tab-separated values: what another engine's
// answer is compared with.
inline bool WriteGroupByAnswer(sqlite3* db, const std::string& path) {
  std::string query = std::string("SELECT * FROM (") + kDonorsGroupBy + ") ORDER BY 1, 2";
  sqlite3_stmt* statement;
  if (sqlite3_prepare_v2(db, query.c_str(), -1, &statement, nullptr) != SQLITE_OK) return false;
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) return sqlite3_finalize(statement), false;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(statement); ++c) {
      std::fprintf(out, "%s%s", c ? "\t" : "", reinterpret_cast<const char*>(sqlite3_column_text(statement, c)));
    }
    std::fputc('\n', out);
  }
  sqlite3_finalize(statement);
  return std::fclose(out) == 0;
}

}  // namespace ramstein::bench
