// Renders a Table as aligned text, CSV (RFC 4180) or JSON (an object with
// "title", "columns" and "rows", each row an object keyed by column name;
// integers and amounts as JSON numbers written with their exact digits,
// empty cells as null).
#pragma once

#include <string>

#include "query/reports.h"
#include "query/table.h"

namespace ramstein {

enum class TableFormat { text, csv, json };

std::string FormatTable(const Table& table, TableFormat format);
std::string TableToJson(const Table& table);
std::string TableToCsv(const Table& table);
std::string TableToText(const Table& table);
// A meeting's three tables as one JSON object {"facts", "attendance", "measures"}.
std::string MeetingDetailToJson(const MeetingReport& report);

}  // namespace ramstein
