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

// A run of whole rows of a CSV text: [begin_byte, end_byte), its first row
// starting on line first_line.
struct CsvPart {
  std::size_t begin_byte = 0;
  std::size_t end_byte = 0;
  std::size_t first_line = 1;
};

// Cuts the rows of `text` from `from` (a row start on line `from_line`) into
// at most `parts` parts of about equal bytes, each starting at a row start,
// for readers on several threads. A cut is placed after a line end outside
// quotes: in a well-formed file, where quotes open and close only at field
// edges, the parity of the quotes before a byte says whether it is inside a
// quoted field. In a malformed file a cut may fall inside a row; the reader
// of the part before it then fails as the reader of the whole text would,
// and its error is the one that counts.
std::vector<CsvPart> SplitCsvRows(std::string_view text, std::size_t from, std::size_t from_line,
                                  std::size_t parts);

class CsvReader {
 public:
  // A UTF-8 byte-order mark at the start of `text` is skipped.
  explicit CsvReader(std::string_view text);
  // Reads only the rows that start in `part` (from SplitCsvRows), each to
  // its end as the reader of the whole text would (so a malformed row that
  // runs past the part fails as it would there); positions and line numbers
  // stay those of the whole text.
  CsvReader(std::string_view text, const CsvPart& part);

  // Reads the next row into `row`. Returns false at the end of the text or
  // on a malformed row; error() then says which (empty at a clean end), with
  // the line number in row->number. Blank lines are rows with one empty field.
  bool Next(CsvRow* row);
  const std::string& error() const { return error_; }
  // Where the next row starts: its byte and line.
  std::size_t position() const { return position_; }
  std::size_t line() const { return line_; }

 private:
  bool ReadQuoted(CsvRow* row);
  bool Fail(std::string message);

  std::string_view text_;
  std::size_t stop_ = std::string_view::npos;  // no row starts from here on
  std::size_t position_ = 0;
  std::size_t line_ = 1;
  std::string error_;
};

}  // namespace ramstein
