// An item across donors (e.g. Patriot interceptors): pledged, delivered and
// held, in units of the item, with the category's other items a click away.
import { list, report, type Row } from '../api';
import { chart, palette } from '../chart';
import { h, link, note, section } from '../dom';
import { navigate, setSearch } from '../router';
import { renderTable } from '../table';

export async function itemsPage([item]: string[], search: URLSearchParams): Promise<Node> {
  const category = search.get('category') ?? '';
  const all = await report('items');
  const chosen = item ? await report('items', { item }) : category ? await report('items', { category }) : all;
  const names = new Map<string, Row>();
  for (const row of all.rows) if (!names.has(String(row.item))) names.set(String(row.item), row);
  const categories = [...new Set(all.rows.map((r) => String(r.category)))].sort();
  const picker = h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    h('label', {}, 'Item ', h('select', { name: 'item', onchange: (e) => navigate(`/items/${encodeURIComponent((e.target as HTMLSelectElement).value)}`) },
      h('option', { value: '' }, 'All items'),
      [...names.values()].map((r) => h('option', { value: String(r.item), selected: r.item === item }, `${r.name}`)))),
    !item ? h('label', {}, 'Category ', h('select', { name: 'category', onchange: (e) => setSearch({ category: (e.target as HTMLSelectElement).value }) },
      h('option', { value: '' }, 'All categories'),
      categories.map((c) => h('option', { value: c, selected: c === category }, c)))) : null);
  const title = item ? String(names.get(item)?.name ?? item) : category || 'All items';
  const requirements = item ? await list('requirements', { item }) : null;
  const labels = chosen.rows.map((r) => item ? String(r.donor) : `${r.name} (${r.donor})`);
  return h('div', { class: 'page' },
    h('p', { class: 'crumbs' }, link('/items', 'Items'), item ? [' › ', title] : null),
    h('h1', {}, title),
    picker,
    chosen.rows.length ? chart({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: 'units', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [
        { name: 'Pledged', type: 'bar', itemStyle: { color: palette.committed }, data: chosen.rows.map((r) => Number(r.pledged ?? 0)) },
        { name: 'Delivered', type: 'bar', itemStyle: { color: palette.delivered }, data: chosen.rows.map((r) => Number(r.delivered ?? 0)) },
        { name: 'Held', type: 'bar', itemStyle: { color: palette.held }, data: chosen.rows.map((r) => Number(r.held ?? 0)) },
      ],
    }, Math.max(180, 70 + 42 * chosen.rows.length), `${title}: units pledged, delivered and held by donor`) : null,
    note('Units of the item. Pledges that state no quantity count as 0 and say so in the note column.'),
    renderTable(chosen, search, { columns: ['item', 'name', 'category', 'donor', 'pledged', 'delivered', 'held', 'value', 'note'] }),
    requirements && requirements.rows.length ? section('Needs stated by the recipient', renderTable(requirements, search, { sortKey: 'needs_sort' })) : null);
}
