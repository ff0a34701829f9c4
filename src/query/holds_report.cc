#include "query/labels.h"
#include "query/reports.h"

namespace ramstein {

Table HoldsReport(const Model& model, std::int32_t day) {
  Table table;
  table.title = "Holds active on " + FormatDay(day);
  table.AddColumns({{"hold"},
                    {"donor"},
                    {"recipient"},
                    {"item"},
                    {"item_name"},
                    {"quantity_held", Column::Type::integer},
                    {"held_since"},
                    {"days_held", Column::Type::integer},
                    {"expected_resumption"},
                    {"reason"}});
  for (const HoldState& state : model.holds()) {
    const StoredRecord& stored = model.records()[state.slot];
    const auto& hold = std::get<HoldRecord>(stored.record);
    if (hold.from.days > day) continue;
    for (const HoldLineState& line : state.lines) {
      if (!line.ActiveAt(day)) continue;
      auto held = line.HeldAt(day);
      auto& row = table.AddRow();
      row[0] = hold.id;
      row[1] = hold.donor;
      row[2] = hold.recipient;
      row[3] = model.ItemId(line.item);
      row[4] = Label(model, row[3]);
      row[5] = held ? std::to_string(*held) : "";
      row[6] = hold.from.ToString();
      row[7] = std::to_string(day - hold.from.days);
      if (line.expected_day && *line.expected_day <= day)
        row[8] = "expected (reported " + FormatDay(*line.expected_day) + ")";
      row[9] = hold.reason.value_or("");
    }
  }
  return table;
}

}  // namespace ramstein
