// Table: what every tabular report returns, whatever shows it (terminal,
// CSV, JSON, HTTP). Cells are text; the column type says how to read them.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace ramstein {

struct Column {
  // amount: money, exact decimal text with the currency's decimals
  // ("700000000.00"); decimal: a published figure, exact decimal text with as
  // many decimals as it has ("0.000201482184415531"), sent as a JSON string
  // so that no digit is lost to floating point.
  enum class Type { text, integer, amount, decimal };
  std::string name;
  Type type = Type::text;
};

// How many rows (of the whole answer, before paging) have each value of a
// column: what a list's filters show beside each choice.
struct Facet {
  std::string name;                                     // the filter's name, e.g. "donor"
  std::vector<std::pair<std::string, std::size_t>> counts;  // value, rows; the most first
};

struct Table {
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // each row has columns.size() cells; "" = empty
  std::vector<Facet> facets;                   // JSON only; none for most tables
  // When the rows are one page of a larger answer (a question that pages
  // itself, such as search): how many rows the whole answer has.
  std::optional<std::size_t> total_rows;

  void AddColumn(std::string name, Column::Type type = Column::Type::text) {
    columns.push_back({std::move(name), type});
  }
  void AddColumns(std::initializer_list<Column> list) {
    for (const Column& column : list) columns.push_back(column);
  }
  std::vector<std::string>& AddRow() { return rows.emplace_back(columns.size()); }
  // About the memory the rows hold: cells with their heap text, and each
  // row's array of cells (what a cache of tables counts).
  std::size_t HeapBytes() const {
    std::size_t bytes = rows.capacity() * sizeof(rows[0]);
    for (const auto& row : rows) {
      bytes += row.capacity() * sizeof(std::string);
      for (const std::string& cell : row) bytes += cell.capacity() >= sizeof(std::string) ? cell.capacity() + 1 : 0;
    }
    return bytes;
  }
  // Index of a column by name, or -1.
  int ColumnIndex(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].name == name) return static_cast<int>(i);
    }
    return -1;
  }
};

}  // namespace ramstein
