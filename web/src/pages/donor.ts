// A donor: its totals in EUR and USD, per currency as pledged, its measures,
// deliveries and holds, and what it gave item by item.
import { list, record, report } from '../api';
import { chart, moneyAxis, palette, tooltipMoney } from '../chart';
import { h, link, note, section } from '../dom';
import { cents, centsText } from '../format';
import { renderTable } from '../table';

export async function donorPage([id]: string[], search: URLSearchParams): Promise<Node> {
  const [actor, totals, donors, measures, deliveries, holds, items] = await Promise.all([
    record(id), report('totals'), report('donors'), list('measures', { donor: id, sort: '-announced', limit: '1000' }),
    list('deliveries', { donor: id, limit: '1000' }), list('holds', { donor: id, limit: '1000' }), report('items', { donor: id }),
  ]);
  const total = totals.rows.find((r) => r.donor === id);
  const name = String(actor.record.name ?? actor.label);
  const amounts = ['announced', 'committed', 'delivered', 'outstanding', 'on_hold'];
  return h('div', { class: 'page' },
    h('p', { class: 'crumbs' }, link('/', 'Overview'), ' › ', name),
    h('h1', {}, name, ' ', h('span', { class: 'muted' }, `(${id})`)),
    total ? h('div', { class: 'cards' }, amounts.map((key) => h('div', { class: 'card', 'data-total': key },
      h('div', { class: 'card-label' }, key.replace('_', ' ')),
      h('div', { class: 'card-exact' }, `EUR ${centsText(cents(total[`${key}_eur`]))}`),
      h('div', { class: 'card-hint muted' }, `USD ${centsText(cents(total[`${key}_usd`]))}`))))
      : note('No money is recorded for this donor.'),
    total ? chart({
      tooltip: { trigger: 'axis', valueFormatter: tooltipMoney('EUR') },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: amounts.map((k) => k.replace('_', ' ')) },
      yAxis: moneyAxis('EUR'),
      series: [{ type: 'bar', data: amounts.map((k) => ({
        value: Number(cents(total[`${k}_eur`])) / 100,
        itemStyle: { color: (palette as Record<string, string>)[k === 'on_hold' ? 'held' : k] ?? palette.committed },
      })) }],
    }, 240, `${name}: totals in EUR`) : null,
    section('In the currencies pledged', renderTable({ ...donors, rows: donors.rows.filter((r) => r.donor === id) }, search,
      { sortKey: 'currency_sort', columns: ['currency', 'announced', 'committed', 'delivered', 'outstanding', 'on_hold', 'note'] })),
    section('Measures', renderTable(measures, search, { sortKey: 'measures_sort',
      columns: ['announced', 'recipient', 'type', 'status', 'title', 'currency', 'value', 'lines', 'id'] })),
    section('Items', renderTable(items, search,
      { sortKey: 'items_sort', columns: ['item', 'name', 'category', 'pledged', 'delivered', 'held', 'value', 'note'] })),
    section('Deliveries', renderTable(deliveries, search, { sortKey: 'deliveries_sort' })),
    section('Holds', renderTable(holds, search, { sortKey: 'holds_sort' })),
    actor.related.length ? section('Related records', h('ul', { class: 'related' },
      actor.related.map((r) => h('li', {}, link(`/records/${encodeURIComponent(r.id)}`, r.label), ' ', h('span', { class: 'muted' }, r.kind))))) : null);
}
