// IgnoringVisitor: a visitor of records' Visit() (records.h) that ignores
// every field. A visitor that reads only some kinds of field derives from
// it and declares those (its declarations hide these), as the codec's
// reference collector and the search document's text collector do.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/records.h"

namespace ramstein {

struct IgnoringVisitor {
  void Correction(const std::optional<std::string>&) {}
  void Id(const std::string&) {}
  void Text(std::string_view, const std::string&) {}
  void OptText(std::string_view, const std::optional<std::string>&) {}
  void OptDocument(std::string_view, const std::optional<std::string>&) {}
  void TextList(std::string_view, const std::vector<std::string>&) {}
  void DateField(std::string_view, const Date&) {}
  void OptDate(std::string_view, const std::optional<Date>&) {}
  void Integer(std::string_view, const std::int64_t&, std::int64_t, std::int64_t) {}
  void OptInteger(std::string_view, const std::optional<std::int64_t>&, std::int64_t, std::int64_t) {}
  void Currency(std::string_view, const std::string&) {}
  void OptMoney(std::string_view, const std::optional<Money>&) {}
  template <typename E, std::size_t N>
  void Enum(std::string_view, const E&, const std::array<std::string_view, N>&) {}
};

}  // namespace ramstein
