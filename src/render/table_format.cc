#include "render/table_format.h"

#include <algorithm>

#include "ledger/canonical_json.h"

namespace ramstein {

namespace {

// Display width in code points (close enough for the terminal tables).
std::size_t Width(const std::string& text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

}  // namespace

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

void AppendTableHead(std::string& out, const Table& table, TableFormat format) {
  if (format == TableFormat::csv) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) out += (c ? "," : "") + CsvField(table.columns[c].name);
    out += "\r\n";
    return;
  }
  out += "{\"title\":";
  AppendJsonString(out, table.title);
  out += ",\"columns\":[";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += ",";
    out += "{\"name\":";
    AppendJsonString(out, table.columns[c].name);
    out += ",\"type\":";
    const char* type = table.columns[c].type == Column::Type::text      ? "text"
                       : table.columns[c].type == Column::Type::integer ? "integer"
                       : table.columns[c].type == Column::Type::decimal ? "decimal"
                                                                        : "amount";
    AppendJsonString(out, type);
    out += "}";
  }
  out += "],\"rows\":[";
}

void AppendTableRows(std::string& out, const Table& table, TableFormat format, std::size_t first, std::size_t end) {
  end = std::min(end, table.rows.size());
  for (std::size_t r = first; r < end; ++r) {
    const auto& row = table.rows[r];
    if (format == TableFormat::csv) {
      for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + CsvField(row[c]);
      out += "\r\n";
      continue;
    }
    if (r) out += ",";
    out += "{";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (c) out += ",";
      AppendJsonString(out, table.columns[c].name);
      out += ":";
      const std::string& cell = row[c];
      if (cell.empty()) {
        out += "null";
      } else if (table.columns[c].type == Column::Type::text ||
                 table.columns[c].type == Column::Type::decimal) {
        AppendJsonString(out, cell);
      } else {
        out += cell;
      }
    }
    out += "}";
  }
}

void AppendTableTail(std::string& out, const Table& table, TableFormat format) {
  if (format != TableFormat::json) return;
  out += "]";
  if (!table.facets.empty()) {
    out += ",\"facets\":{";
    for (std::size_t f = 0; f < table.facets.size(); ++f) {
      if (f) out += ",";
      AppendJsonString(out, table.facets[f].name);
      out += ":{";
      for (std::size_t i = 0; i < table.facets[f].counts.size(); ++i) {
        if (i) out += ",";
        AppendJsonString(out, table.facets[f].counts[i].first);
        out += ":" + std::to_string(table.facets[f].counts[i].second);
      }
      out += "}";
    }
    out += "}";
  }
  out += "}\n";
}

std::string TableToJson(const Table& table) { return FormatTable(table, TableFormat::json); }

std::string TableToCsv(const Table& table) { return FormatTable(table, TableFormat::csv); }

std::string TableToText(const Table& table) {
  std::vector<std::size_t> widths(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) widths[c] = Width(table.columns[c].name);
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
  }
  std::string out;
  if (!table.title.empty()) out += table.title + "\n";
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string text;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::size_t pad = widths[c] - Width(cells[c]);
      bool right = !header && table.columns[c].type != Column::Type::text;
      if (c) text += "  ";
      if (right) text += std::string(pad, ' ');
      text += cells[c];
      if (!right && c + 1 < cells.size()) text += std::string(pad, ' ');
    }
    out += text + "\n";
  };
  std::vector<std::string> names;
  for (const auto& column : table.columns) names.push_back(column.name);
  line(names, true);
  for (const auto& row : table.rows) line(row, false);
  if (table.rows.empty()) out += "(no rows)\n";
  return out;
}

std::string MeetingDetailToJson(const MeetingReport& report) {
  auto bare = [](std::string json) {
    if (!json.empty() && json.back() == '\n') json.pop_back();
    return json;
  };
  return "{\"facts\":" + bare(TableToJson(report.facts)) + ",\"attendance\":" + bare(TableToJson(report.attendance)) +
         ",\"measures\":" + bare(TableToJson(report.measures)) + "}\n";
}

std::string FormatTable(const Table& table, TableFormat format) {
  switch (format) {
    case TableFormat::text:
      return TableToText(table);
    case TableFormat::csv:
    case TableFormat::json: {
      std::string out;
      AppendTableHead(out, table, format);
      AppendTableRows(out, table, format, 0, table.rows.size());
      AppendTableTail(out, table, format);
      return out;
    }
  }
  return TableToText(table);
}

}  // namespace ramstein
