#include "query/labels.h"

#include <type_traits>

namespace ramstein {

namespace {

// A label names other records' labels at most this deep (a claim about a
// claim about ... stops), so that no chain of references recurses far.
constexpr int kLabelDepthMax = 2;

std::string LabelAt(const Model& model, const std::string& id, int depth) {
  const StoredRecord* stored = model.Find(id);
  if (!stored) return id;
  auto Label = [&](const Model& m, const std::string& other) {
    return depth < kLabelDepthMax ? LabelAt(m, other, depth + 1) : other;
  };
  return std::visit(
      [&](const auto& r) -> std::string {
        using R = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<R, FigureRecord>) {
          // "Netherlands, Air Defense: Patriot air defense battery (1) (kiel-r29/weapons)"
          std::string what = r.subject ? Label(model, *r.subject) : std::string();
          if (r.category) what += (what.empty() ? "" : ", ") + *r.category;
          if (r.label) what += (what.empty() ? "" : ": ") + *r.label;
          if (r.period) what += (what.empty() ? "" : ", ") + r.period->ToString();
          return (what.empty() ? id : what) + " (" + r.dataset + ")";
        } else if constexpr (std::is_same_v<R, HoldRecord>) {
          return "Hold by " + Label(model, r.donor) + " from " + r.from.ToString();
        } else if constexpr (std::is_same_v<R, RequirementRecord>) {
          std::string what = r.item ? Label(model, *r.item) : r.capability.value_or("a capability");
          return Label(model, r.recipient) + " needs " + what;
        } else if constexpr (std::is_same_v<R, ClaimRecord>) {
          return r.attribute + " of " + Label(model, r.subject);
        } else if constexpr (requires { r.name; }) {
          return r.name;
        } else if constexpr (requires { r.title; }) {
          return r.title;
        } else {
          return id;
        }
      },
      stored->record);
}

}  // namespace

std::string Label(const Model& model, const std::string& id) { return LabelAt(model, id, 0); }

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
