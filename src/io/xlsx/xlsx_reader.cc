#include "io/xlsx/xlsx_reader.h"

#include <future>

#include <pugixml.hpp>

#include <charconv>
#include <algorithm>
#include <deque>
#include <cmath>

namespace ramstein {

namespace {

// pugixml reads in place, unescaping entities; whitespace-only text is kept
// (a cell may hold " ").
constexpr unsigned kParseOptions = pugi::parse_minimal | pugi::parse_escapes | pugi::parse_ws_pcdata;
// Rows are parsed in blocks of about this much XML.
constexpr std::size_t xlsx_block_bytes = 4u << 20;

Status ParseXml(std::string& text, pugi::xml_document* document, const std::string& member) {
  pugi::xml_parse_result parsed = document->load_buffer_inplace(text.data(), text.size(), kParseOptions);
  if (!parsed) {
    return Status::DataError(member + ": malformed XML at byte " + std::to_string(parsed.offset) + ": " +
                             parsed.description());
  }
  return Status::Ok();
}

// The concatenated text of a shared or inline string (<t>, or rich <r><t> runs).
std::string StringItemText(const pugi::xml_node& item) {
  if (auto t = item.child("t")) return t.text().get();
  std::string text;
  for (auto run : item.children("r")) text += run.child("t").text().get();
  return text;
}

}  // namespace

std::optional<std::uint32_t> XlsxColumn(std::string_view reference) {
  std::uint32_t column = 0;
  std::size_t letters = 0;
  while (letters < reference.size() && reference[letters] >= 'A' && reference[letters] <= 'Z') {
    column = column * 26 + static_cast<std::uint32_t>(reference[letters] - 'A' + 1);
    if (++letters > 3) return std::nullopt;  // XFD (16,384) is Excel's last column
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

std::optional<Date> ExcelSerialDate(std::string_view serial) {
  auto plain = ExcelNumberText(serial);
  if (!plain) return std::nullopt;
  std::string_view whole = *plain;
  whole = whole.substr(0, whole.find('.'));
  std::int64_t days = 0;
  auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), days);
  if (error != std::errc() || end != whole.data() + whole.size()) return std::nullopt;
  if (days < 1 || days == 60 || days > 109'573) return std::nullopt;  // 109573 = 2199-12-31
  // Serial 1 is 1900-01-01; Excel counts a 1900-02-29 that never was, so
  // from serial 61 on, day 0 is 1899-12-30.
  std::int32_t epoch = Date::FromCivil(1899, 12, days < 60 ? 31 : 30).days;
  Date date;
  date.days = epoch + static_cast<std::int32_t>(days);
  return date;
}

std::optional<std::string> ExcelNumberText(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  std::size_t e = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, e);
  int exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view power = text.substr(e + 1);
    if (!power.empty() && power[0] == '+') power.remove_prefix(1);
    auto [end, error] = std::from_chars(power.data(), power.data() + power.size(), exponent);
    if (error != std::errc() || end != power.data() + power.size() || std::abs(exponent) > 40)
      return std::nullopt;
  }
  std::size_t dot = mantissa.find('.');
  std::string digits(mantissa.substr(0, dot));
  if (dot != std::string_view::npos) digits += mantissa.substr(dot + 1);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  if (dot != std::string_view::npos && (dot == 0 || dot + 1 == mantissa.size())) return std::nullopt;
  // The point sits after `point` digits.
  long point = static_cast<long>(dot == std::string_view::npos ? mantissa.size() : dot) + exponent;
  if (point <= 0) {
    digits.insert(0, static_cast<std::size_t>(-point) + 1, '0');
    point = 1;
  }
  if (point > static_cast<long>(digits.size())) digits.append(static_cast<std::size_t>(point) - digits.size(), '0');
  std::string out = digits.substr(0, static_cast<std::size_t>(point));
  std::string fraction = digits.substr(static_cast<std::size_t>(point));
  while (out.size() > 1 && out[0] == '0') out.erase(0, 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) out += "." + fraction;
  if (negative && out != "0") out.insert(0, "-");
  return out;
}

Result<std::unique_ptr<XlsxWorkbook>> XlsxWorkbook::Open(std::string_view bytes) {
  auto archive = ZipArchive::Open(bytes);
  if (!archive.ok()) return archive.status();
  std::unique_ptr<XlsxWorkbook> workbook(new XlsxWorkbook());
  workbook->archive_ = std::move(archive).value();
  auto workbook_xml = workbook->archive_->Read("xl/workbook.xml");
  auto rels_xml = workbook->archive_->Read("xl/_rels/workbook.xml.rels");
  if (!workbook_xml.ok() || !rels_xml.ok()) return Status::DataError("not an XLSX workbook (no xl/workbook.xml)");
  pugi::xml_document book, rels;
  RAMSTEIN_RETURN_IF_ERROR(ParseXml(*workbook_xml, &book, "xl/workbook.xml"));
  RAMSTEIN_RETURN_IF_ERROR(ParseXml(*rels_xml, &rels, "xl/_rels/workbook.xml.rels"));
  for (auto sheet : book.child("workbook").child("sheets").children("sheet")) {
    std::string id = sheet.attribute("r:id").value();
    std::string target;
    for (auto relation : rels.child("Relationships").children("Relationship")) {
      if (id == relation.attribute("Id").value()) target = relation.attribute("Target").value();
    }
    if (target.empty()) return Status::DataError("sheet '" + std::string(sheet.attribute("name").value()) + "' has no part");
    workbook->sheet_names_.push_back(sheet.attribute("name").value());
    workbook->sheet_paths_.push_back(target[0] == '/' ? target.substr(1) : "xl/" + target);
  }
  RAMSTEIN_RETURN_IF_ERROR(workbook->LoadSharedStrings());
  return workbook;
}

Status XlsxWorkbook::LoadSharedStrings() {
  auto xml = archive_->Read("xl/sharedStrings.xml");
  if (!xml.ok()) return xml.status().code() == Status::Code::not_found ? Status::Ok() : xml.status();
  pugi::xml_document document;
  RAMSTEIN_RETURN_IF_ERROR(ParseXml(*xml, &document, "xl/sharedStrings.xml"));
  for (auto item : document.child("sst").children("si")) shared_strings_.push_back(StringItemText(item));
  return Status::Ok();
}

Status XlsxWorkbook::ReadSheet(const std::string& name, const RowCallback& on_row) {
  std::size_t index = 0;
  while (index < sheet_names_.size() && sheet_names_[index] != name) ++index;
  if (index == sheet_names_.size()) return Status::NotFound("no sheet '" + name + "'");
  auto xml = archive_->Read(sheet_paths_[index]);
  if (!xml.ok()) return xml.status();
  const std::string& member = sheet_paths_[index];
  // The rows lie flat inside <sheetData>; they are parsed a block at a time
  // (as XML fragments), so a million-row sheet never becomes one DOM.
  std::size_t open = xml->find("<sheetData");
  if (open == std::string::npos) return Status::DataError(member + ": no <sheetData>");
  std::size_t open_end = xml->find('>', open);
  if (open_end == std::string::npos) return Status::DataError(member + ": malformed XML at byte " + std::to_string(open));
  if ((*xml)[open_end - 1] == '/') return Status::Ok();  // <sheetData/>: no rows
  std::size_t close = xml->find("</sheetData>", open_end);
  if (close == std::string::npos) return Status::DataError(member + ": <sheetData> is not closed");
  std::vector<XlsxCell> cells;
  std::deque<std::string> inline_texts;  // stable addresses: cells view them
  std::uint32_t previous_row = 0;
  // The next block is parsed on another thread while this one's rows are
  // handed out (blocks are disjoint byte ranges of the text, parsed in place).
  struct Block {
    std::unique_ptr<pugi::xml_document> document = std::make_unique<pugi::xml_document>();
    pugi::xml_parse_result parsed;
    std::size_t begin = 0, end = 0;
  };
  char* sheet_xml = xml->data();
  auto parse_block = [sheet_xml, close](std::size_t begin) {
    Block block;
    block.begin = begin;
    block.end = std::min(close, begin + xlsx_block_bytes);
    if (block.end < close) {
      std::string_view rest(sheet_xml + block.end, close - block.end);
      std::size_t row_end = rest.find("</row>");
      block.end = row_end == std::string_view::npos ? close : block.end + row_end + 6;
    }
    block.parsed = block.document->load_buffer_inplace(sheet_xml + begin, block.end - begin,
                                                       kParseOptions | pugi::parse_fragment);
    return block;
  };
  std::future<Block> next = std::async(std::launch::async, parse_block, open_end + 1);
  while (next.valid()) {
    Block current = next.get();
    if (!current.parsed) {
      return Status::DataError(member + ": malformed XML at byte " + std::to_string(current.begin + current.parsed.offset) +
                               ": " + current.parsed.description());
    }
    if (current.end < close) next = std::async(std::launch::async, parse_block, current.end);
    const pugi::xml_document& block = *current.document;
    for (auto row : block.children("row")) {
      std::uint32_t number = row.attribute("r").as_uint(previous_row + 1);
      if (number <= previous_row)
        return Status::DataError(name + ": rows out of order at row " + std::to_string(number));
      previous_row = number;
      cells.clear();
      inline_texts.clear();
      std::uint32_t next_column = 0;
      for (auto cell : row.children("c")) {
        std::uint32_t column = next_column;
        if (auto reference = cell.attribute("r")) {
          auto column_of = XlsxColumn(reference.value());
          if (!column_of) return Status::DataError(name + ": bad cell reference '" + reference.value() + "'");
          column = *column_of;
        }
        next_column = column + 1;
        std::string_view type = cell.attribute("t").value();
        std::string_view text;
        if (type == "inlineStr") {
          text = inline_texts.emplace_back(StringItemText(cell.child("is")));
        } else {
          text = cell.child("v").text().get();
          if (type == "s") {
            std::uint32_t at = cell.child("v").text().as_uint(UINT32_MAX);
            if (at >= shared_strings_.size())
              return Status::DataError(name + ": row " + std::to_string(number) + ": no shared string " +
                                       std::string(text));
            text = shared_strings_[at];
          } else if (type == "b") {
            text = text == "1" ? "TRUE" : "FALSE";
          }
        }
        if (!text.empty()) cells.push_back({column, text});
      }
      if (cells.empty()) continue;
      RAMSTEIN_RETURN_IF_ERROR(on_row(number, cells));
    }
  }
  return Status::Ok();
}

}  // namespace ramstein
