// CsvReader: reads RFC 4180 CSV (comma-separated; fields optionally quoted
// with '"', a quote inside doubled; rows end with LF or CRLF; a quoted field
// may hold newlines) and tells where each row lies in the text, which the
// importers quote as evidence. Debian's CSV libraries (libcsv,
// fast-cpp-csv-parser) do not report row positions, so this one does.
//
// Fields are views into the text, or into the row's own storage when a
// quoted field held doubled quotes; both stay valid until the next call to
// Next(). The text must outlive the reader.
//
// Limits: a row of more than csv_fields_max fields or a field longer than
// limits::field_bytes_max is an error, as are an unterminated quote and text
// after a closing quote.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace ramstein {

inline constexpr std::size_t csv_fields_max = 1000;

struct CsvRow {
  std::size_t number = 0;      // 1-based line number where the row starts
  std::size_t begin_byte = 0;  // [begin_byte, end_byte): the row without its line end
  std::size_t end_byte = 0;
  std::vector<std::string_view> fields;
  std::deque<std::string> unescaped;  // storage of fields that held doubled quotes
};

class CsvReader {
 public:
  // A UTF-8 byte-order mark at the start of `text` is skipped.
  explicit CsvReader(std::string_view text);

  // Reads the next row into `row`. Returns false at the end of the text or
  // on a malformed row; error() then says which (empty at a clean end), with
  // the line number in row->number. Blank lines are rows with one empty field.
  bool Next(CsvRow* row);
  const std::string& error() const { return error_; }

 private:
  bool ReadQuoted(CsvRow* row);
  bool Fail(std::string message);

  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t line_ = 1;
  std::string error_;
};

}  // namespace ramstein
