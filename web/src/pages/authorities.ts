// Funding authorities: each one's cap, drawn and remaining as reported over
// time, in the authority's currency, with the claims about it side by side.
import { list, record, report, today, type Row } from '../api';
import { chart, moneyAxis, palette, tooltipMoney } from '../chart';
import { h, note, section } from '../dom';
import { claimsSideBySide } from '../evidence';
import { cents } from '../format';
import { renderTable } from '../table';

export async function authoritiesPage(_: string[], search: URLSearchParams): Promise<Node> {
  const [authorities, balances] = await Promise.all([report('authorities', { at: today() }), list('balances', { limit: '1000', sort: 'date' })]);
  const details = await Promise.all(authorities.rows.map((a) => record(String(a.authority))));
  return h('div', { class: 'page' },
    h('h1', {}, 'Funding authorities'),
    renderTable(authorities, search, { sortKey: 'authorities_sort' }),
    details.map((detail, index) => {
      const authority = authorities.rows[index];
      const currency = String(authority.currency);
      const points = balances.rows.filter((b) => b.authority === detail.id);
      // Days on the axis, never hours; a single report gets a quarter either side.
      const days = points.map((p) => Date.parse(String(p.date)));
      const quarter = 92 * 86_400_000;
      const span = days.length ? { min: Math.min(...days) - quarter, max: Math.max(...days) + quarter } : {};
      const series = (key: string, name: string, color: string) => ({
        name, type: 'line', step: 'end', symbolSize: 10, itemStyle: { color },
        data: points.filter((p: Row) => p[key] !== null).map((p: Row) => [String(p.date), Number(cents(p[key])) / 100]),
      });
      return section(detail.label,
        points.length ? chart({
          tooltip: { trigger: 'axis', valueFormatter: tooltipMoney(currency) },
          legend: { top: 0 },
          grid: { left: 8, right: 32, top: 40, bottom: 8, containLabel: true },
          xAxis: { type: 'time', minInterval: 86_400_000, ...span },
          yAxis: moneyAxis(currency, { min: 0 }),
          series: [series('remaining', 'Remaining', palette.remaining), series('drawn', 'Drawn', palette.drawn),
            series('cap', 'Cap', palette.announced)],
        }, 280, `${detail.label}: balance over time, ${currency}`) : note('No balance reported.'),
        points.length === 1 ? note('One balance is reported so far; each new report adds a point.') : null,
        detail.claims.length ? claimsSideBySide(detail.claims) : null);
    }));
}
