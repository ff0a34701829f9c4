#include "io/csv/csv_reader.h"

#include <algorithm>
#include <cstring>

#include "base/limits.h"

namespace ramstein {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") position_ = 3;
}

CsvReader::CsvReader(std::string_view text, const CsvPart& part)
    : text_(text), stop_(part.end_byte), position_(part.begin_byte), line_(part.first_line) {
  if (position_ == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") position_ = 3;
}

std::vector<CsvPart> SplitCsvRows(std::string_view text, std::size_t from, std::size_t from_line,
                                  std::size_t parts) {
  std::vector<CsvPart> out;
  from = std::min(from, text.size());
  std::size_t size = text.size() - from;
  std::size_t begin = from, line = from_line;
  for (std::size_t k = 1; k < parts; ++k) {
    std::size_t target = from + size / parts * k;
    if (target <= begin) continue;
    // Quotes between the last cut and the target: odd means inside a field.
    bool quoted = std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                             text.begin() + static_cast<std::ptrdiff_t>(target), '"') % 2 != 0;
    std::size_t cut = target;
    for (; cut < text.size(); ++cut) {
      if (text[cut] == '"') quoted = !quoted;
      if (text[cut] == '\n' && !quoted) break;
    }
    if (cut >= text.size()) break;  // no line end after the target: one part fewer
    ++cut;
    std::size_t lines = static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                                            text.begin() + static_cast<std::ptrdiff_t>(cut), '\n'));
    out.push_back({begin, cut, line});
    begin = cut;
    line += lines;
  }
  out.push_back({begin, text.size(), line});
  return out;
}

bool CsvReader::Fail(std::string message) {
  error_ = std::move(message);
  position_ = text_.size();
  return false;
}

bool CsvReader::Next(CsvRow* row) {
  row->fields.clear();
  row->unescaped.clear();
  row->number = line_;
  row->begin_byte = position_;
  if (position_ >= text_.size() || position_ >= stop_) return false;
  while (true) {
    if (row->fields.size() >= csv_fields_max)
      return Fail("more than " + std::to_string(csv_fields_max) + " fields in a row");
    if (position_ < text_.size() && text_[position_] == '"') {
      if (!ReadQuoted(row)) return false;
    } else {
      std::size_t start = position_;
      while (position_ < text_.size() && text_[position_] != ',' && text_[position_] != '\n' &&
             text_[position_] != '"') {
        ++position_;
      }
      if (position_ < text_.size() && text_[position_] == '"')
        return Fail("a quote inside an unquoted field");
      std::size_t end = position_;
      if (end > start && text_[end - 1] == '\r' && (end == text_.size() || text_[end] == '\n'))
        --end;
      if (end - start > limits::field_bytes_max) return Fail("a field longer than 64 KiB");
      row->fields.push_back(text_.substr(start, end - start));
    }
    if (position_ >= text_.size()) {
      row->end_byte = text_.size();
      return true;
    }
    char separator = text_[position_];
    if (separator == ',') {
      ++position_;
      continue;
    }
    if (separator == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') {
      row->end_byte = position_;
      position_ += 2;
    } else if (separator == '\n') {
      row->end_byte = position_;
      if (row->end_byte > row->begin_byte && text_[row->end_byte - 1] == '\r') --row->end_byte;
      ++position_;
    } else {
      return Fail("text after a closing quote");
    }
    ++line_;
    return true;
  }
}

bool CsvReader::ReadQuoted(CsvRow* row) {
  std::size_t start = ++position_;  // after the opening quote
  bool doubled = false;
  while (true) {
    const void* found = std::memchr(text_.data() + position_, '"', text_.size() - position_);
    if (!found) return Fail("a quoted field is not closed");
    std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
    for (std::size_t i = position_; i < quote; ++i) line_ += text_[i] == '\n';
    if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
      doubled = true;
      position_ = quote + 2;
      continue;
    }
    position_ = quote + 1;
    if (quote - start > limits::field_bytes_max) return Fail("a field longer than 64 KiB");
    std::string_view raw = text_.substr(start, quote - start);
    if (!doubled) {
      row->fields.push_back(raw);
      return true;
    }
    std::string& value = row->unescaped.emplace_back();
    value.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      value.push_back(raw[i]);
      if (raw[i] == '"') ++i;  // the second of a doubled quote
    }
    row->fields.push_back(value);
    return true;
  }
}

}  // namespace ramstein
