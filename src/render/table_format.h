// Renders a Table as aligned text, CSV (RFC 4180) or JSON (an object with
// "title", "columns" and "rows", each row an object keyed by column name;
// integers and amounts as JSON numbers written with their exact digits,
// empty cells as null; then its facets, when it has any, as
// "facets": {"donor": {"USA": 12, ...}, ...}).
#pragma once

#include <string>
#include <string_view>

#include "query/reports.h"
#include "query/table.h"

namespace ramstein {

enum class TableFormat { text, csv, json };

std::string FormatTable(const Table& table, TableFormat format);
// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string CsvField(std::string_view text);
// The CSV or JSON rendering in pieces, so that a large table can be sent as
// it is rendered: the head, then rows [first, end) for consecutive ranges
// from 0 to the last row, then the tail append exactly FormatTable's bytes.
void AppendTableHead(std::string& out, const Table& table, TableFormat format);
void AppendTableRows(std::string& out, const Table& table, TableFormat format, std::size_t first, std::size_t end);
void AppendTableTail(std::string& out, const Table& table, TableFormat format);
std::string TableToJson(const Table& table);
std::string TableToCsv(const Table& table);
std::string TableToText(const Table& table);
// A meeting's three tables as one JSON object {"facts", "attendance", "measures"}.
std::string MeetingDetailToJson(const MeetingReport& report);

}  // namespace ramstein
