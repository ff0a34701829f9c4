// A prepared SQLite statement, finalized when it goes out of scope; and the
// text of a column as a view (valid until the next step).
#pragma once

#include <sqlite3.h>

#include <string_view>

namespace ramstein {

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

inline std::string_view ColumnText(sqlite3_stmt* stmt, int column) {
  const unsigned char* text = sqlite3_column_text(stmt, column);
  int size = sqlite3_column_bytes(stmt, column);
  return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
              : std::string_view();
}

}  // namespace ramstein
