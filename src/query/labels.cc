#include "query/labels.h"

namespace ramstein {

std::string Label(const Model& model, const std::string& id) {
  const StoredRecord* stored = model.Find(id);
  if (!stored) return id;
  return std::visit(
      [&](const auto& r) -> std::string {
        if constexpr (requires { r.name; }) {
          return r.name;
        } else if constexpr (requires { r.title; }) {
          return r.title;
        } else {
          return id;
        }
      },
      stored->record);
}

std::string PersonWithActor(const Model& model, const std::string& person_id) {
  const auto* person = model.FindAs<PersonRecord>(person_id);
  if (!person) return person_id;
  return person->actor ? person->name + " (" + *person->actor + ")" : person->name;
}

std::string AmountText(const std::optional<Money>& money) {
  return money ? FormatMinor(money->minor, money->currency.exponent(), false) : "";
}

PeriodKey PeriodOf(const std::optional<Date>& maybe_date) {
  if (!maybe_date) return {INT32_MAX, "undated"};
  const Date& date = *maybe_date;
  std::string text = date.ToString();
  if (date.precision == Date::Precision::day) text.resize(7);  // YYYY-MM
  return {Date::Parse(text)->days * 2 + (date.precision == Date::Precision::year ? 1 : 0), text};
}

}  // namespace ramstein
