// An item across donors (e.g. Patriot interceptors): pledged, delivered and
// held, in units of the item, with the category's other items a click away.
import { list, report, type Row } from '../api';
import { chart, palette } from '../chart';
import { h, link, note, section } from '../dom';
import { navigate, setSearch } from '../router';
import { renderTable } from '../table';

export async function itemsPage([item]: string[], search: URLSearchParams): Promise<Node> {
  const category = search.get('category') ?? '';
  const [catalogue, chosen] = await Promise.all([
    list('items', { status: 'catalogue', limit: '1000', sort: 'name' }), report('items', item ? { item } : { category }),
  ]);
  // The picker offers the catalogue; a name an importer kept (reached from the Review page) is added when shown.
  const names = new Map<string, Row>(catalogue.rows.map((r) => [String(r.id), r]));
  if (item && !names.has(item)) names.set(item, { id: item, name: chosen.rows[0]?.name ?? item, category: chosen.rows[0]?.category ?? '' });
  const categories = [...new Set([...catalogue.rows.map((r) => String(r.category)), ...(category ? [category] : [])])].sort();
  const picker = h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    h('label', {}, 'Item ', h('select', { name: 'item', onchange: (e) => navigate(`/items/${encodeURIComponent((e.target as HTMLSelectElement).value)}`) },
      h('option', { value: '' }, 'All items'),
      [...names.values()].map((r) => h('option', { value: String(r.id), selected: r.id === item }, `${r.name}`)))),
    !item ? h('label', {}, 'Category ', h('select', { name: 'category', onchange: (e) => setSearch({ category: (e.target as HTMLSelectElement).value }) },
      h('option', { value: '' }, 'All categories'),
      categories.map((c) => h('option', { value: c, selected: c === category }, c)))) : null);
  const title = item ? String(names.get(item)?.name ?? item) : category || 'All items';
  const [requirements, holds] = item ? await Promise.all([list('requirements', { item }), list('holds', { item })]) : [null, null];
  // Each item is counted in its own units (troops, drones, launchers): one
  // chart per item, never two items on one axis.
  const byItem = new Map<string, Row[]>();
  for (const row of chosen.rows) byItem.set(String(row.item), [...(byItem.get(String(row.item)) ?? []), row]);
  const counted = [...byItem].filter(([, rows]) => rows.some((r) => Number(r.pledged ?? 0) || Number(r.delivered ?? 0) || Number(r.held ?? 0)));
  const chartHeight = (rows: Row[]) => Math.max(170, 100 + 42 * rows.length);
  const itemChart = (name: string, rows: Row[]) => chart({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: `units of ${name}`, minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => String(r.donor)), inverse: true },
    series: [
      { name: 'Pledged', type: 'bar', itemStyle: { color: palette.committed }, data: rows.map((r) => Number(r.pledged ?? 0)) },
      { name: 'Delivered', type: 'bar', itemStyle: { color: palette.delivered }, data: rows.map((r) => Number(r.delivered ?? 0)) },
      { name: 'Held', type: 'bar', itemStyle: { color: palette.held }, data: rows.map((r) => Number(r.held ?? 0)) },
    ],
  }, chartHeight(rows), `${name}: units pledged, delivered and held by donor`);
  const uncounted = byItem.size - counted.length;
  const charts = item
    ? (chosen.rows.length ? itemChart(title, chosen.rows) : null)
    : h('div', { class: 'item-charts' },
      // Each section is laid out only when near the view (content-visibility),
      // in the meantime taking about the room it will.
      counted.map(([, rows]) => h('section', { class: 'item-chart', style: `contain-intrinsic-size: auto ${chartHeight(rows) + 80}px` },
        h('h2', {}, String(rows[0].name)), itemChart(String(rows[0].name), rows))),
      uncounted ? note(`${uncounted} more item${uncounted === 1 ? '' : 's'} with no quantity stated: in the table below.`) : null);
  return h('div', { class: 'page' },
    h('p', { class: 'crumbs' }, link('/items', 'Items'), item ? [' › ', title] : null),
    h('h1', {}, title),
    picker,
    charts,
    note('Units of the item; held: units on hold today. Pledges that state no quantity count as 0 and say so in the note column. '
      + 'Where the ledger holds several sources, "pledged per" columns give each publisher\'s count, "spread" the largest less the smallest, and pledged is the largest (each source counts the same pledges).'),
    renderTable(chosen, search, { columns: [...chosen.columns.map((c) => c.name).filter((n) => n !== 'note'), 'note'] }),
    h('p', { class: 'muted' }, 'Names the sources use that the catalogue does not know yet are counted under their own names: ',
      link('/review', 'Review'), ' lists them.'),
    holds && holds.rows.length ? section('Holds that included this item (any date)', renderTable(holds, search, { sortKey: 'holds_sort' }),
      h('p', {}, link('/holds', 'Holds timeline'), ' shows each held line from pause to resumption.')) : null,
    requirements && requirements.rows.length ? section('Needs stated by the recipient', renderTable(requirements, search, { sortKey: 'needs_sort' })) : null);
}
