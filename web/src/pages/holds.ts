// Holds: each held line from the day it was paused to the day shipments
// resumed (or today, if they have not), with expected resumptions marked.
import { list, record, report, today } from '../api';
import { chart, palette } from '../chart';
import { h, note, section } from '../dom';
import { setSearch } from '../router';
import { renderTable } from '../table';

interface Line { label: string; start: string; end: string; open: boolean; expected?: string; hold: string }

// A "YYYY" or "YYYY-MM" date as its first day, for the time axis.
const firstDay = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

export async function holdsPage(_: string[], search: URLSearchParams): Promise<Node> {
  const at = search.get('at') ?? today();
  const [holds, resumptions, active] = await Promise.all([
    list('holds', { limit: '1000', sort: 'from' }), list('resumptions', { limit: '1000', sort: 'date' }), report('holds', { at }),
  ]);
  const holdRecords = await Promise.all(holds.rows.map((r) => record(String(r.id))));
  const resumptionRecords = await Promise.all(resumptions.rows.map((r) => record(String(r.id))));
  const lines: Line[] = [];
  for (const hold of holdRecords) {
    const resumed = resumptionRecords.filter((r) => r.record.hold === hold.id);
    for (const line of (hold.record.lines as { item: string; quantity?: number }[]) ?? []) {
      const covers = (r: typeof resumed[number]) => {
        const items = (r.record.lines as { item: string }[] | undefined) ?? [];
        return !items.length || items.some((l) => l.item === line.item);
      };
      const ends = resumed.filter((r) => r.record.state === 'resumed' && covers(r)).map((r) => String(r.record.date)).sort();
      const expected = resumed.filter((r) => r.record.state === 'expected' && covers(r)).map((r) => String(r.record.date)).sort()[0];
      lines.push({
        label: `${line.item.replace(/^item:/, '')}${line.quantity ? ` × ${line.quantity.toLocaleString('en-GB')}` : ''} (${hold.record.donor})`,
        start: firstDay(String(hold.record.from)), end: ends[0] ? firstDay(ends[0]) : today(), open: !ends.length, expected, hold: hold.id,
      });
    }
  }
  return h('div', { class: 'page' },
    h('h1', {}, 'Holds'),
    lines.length ? chart({
      tooltip: { trigger: 'item', formatter: (p: { seriesName: string }) => p.seriesName },
      grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'time' },
      yAxis: { type: 'category', data: lines.map((l) => l.label), inverse: true },
      series: lines.map((l) => ({
        name: `${l.label}: held ${l.start} → ${l.open ? 'still held' : l.end}${l.expected ? `; resumption expected from ${l.expected}` : ''}`,
        type: 'line', symbol: 'circle', symbolSize: 8,
        lineStyle: { width: 12, color: l.open ? palette.held : palette.outstanding },
        itemStyle: { color: l.open ? palette.held : palette.outstanding },
        data: [[l.start, l.label], [l.end, l.label]],
        markLine: l.expected ? { symbol: 'none', label: { show: false }, lineStyle: { type: 'dashed', color: palette.delivered }, data: [{ xAxis: firstDay(l.expected) }] } : undefined,
      })),
    }, Math.max(200, 60 + 30 * lines.length), 'Held lines over time') : note('No holds are recorded.'),
    note('A month-precision start ("2025-07") is drawn from the month\'s first day; dashed: a resumption reported as expected.'),
    section(`Active on ${at}`, h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
      h('label', {}, 'At ', h('input', { type: 'date', name: 'at', value: at,
        onchange: (e) => setSearch({ at: (e.target as HTMLInputElement).value }) }))),
    renderTable(active, search, { sortKey: 'active_sort', empty: `Nothing on hold on ${at}.` })),
    section('Holds', renderTable(holds, search, { sortKey: 'holds_sort' })),
    section('Resumptions', renderTable(resumptions, search, { sortKey: 'resumptions_sort' })));
}
