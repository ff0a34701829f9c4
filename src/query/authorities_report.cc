#include "query/labels.h"
#include "query/reports.h"

namespace ramstein {

Table AuthoritiesReport(const Model& model, std::int32_t day) {
  Table table;
  table.title = "Authorities as reported on or before " + FormatDay(day);
  table.AddColumns({{"authority"},
                    {"name"},
                    {"holder"},
                    {"currency"},
                    {"cap", Column::Type::amount},
                    {"drawn", Column::Type::amount},
                    {"remaining", Column::Type::amount},
                    {"as_of"},
                    {"balance"}});
  auto balances = model.All(RecordKind::balance);
  for (const StoredRecord* stored : model.All(RecordKind::authority)) {
    const auto& authority = std::get<AuthorityRecord>(stored->record);
    const BalanceRecord* latest = nullptr;
    for (const StoredRecord* b : balances) {
      const auto& balance = std::get<BalanceRecord>(b->record);
      if (balance.authority != authority.id || balance.date.last_day() > day) continue;
      if (!latest || balance.date > latest->date) latest = &balance;
    }
    auto& row = table.AddRow();
    row[0] = authority.id;
    row[1] = authority.name;
    row[2] = authority.holder;
    row[3] = authority.currency;
    row[4] = AmountText(latest && latest->cap ? latest->cap : authority.cap);
    if (latest) {
      row[5] = AmountText(latest->drawn);
      row[6] = AmountText(latest->remaining);
      row[7] = latest->date.ToString();
      row[8] = latest->id;
    }
  }
  return table;
}

}  // namespace ramstein
