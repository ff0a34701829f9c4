// Kiel's dashboard releases in a ledger, and a figure's value by its name:
// what the Kiel page and the overview read Kiel's account with.
import type { Row, Table } from './api';

// The releases whose dashboard figures the ledger holds, oldest first
// ("kiel-r27", "kiel-r28").
export function kielReleases(datasets: Table): string[] {
  return datasets.rows.map((r) => String(r.dataset)).filter((d) => /^kiel-r\d+\/data_explorer$/.test(d))
    .map((d) => d.split('/')[0]).sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
}

// A figure column's value as published, by its name without the unit
// ("military" is the column "military (EUR_bn)"); undefined when absent.
export function figureText(row: Row, table: Table, name: string): unknown {
  const column = table.columns.find((c) => c.name.startsWith(`${name} (`));
  return column ? row[column.name] : undefined;
}
