// The Kiel Ukraine Support Tracker as its own charts show it, drawn from the
// figures Ramstein imported (each a row of Kiel's files, every value as
// published): allocations by donor and type, the share of GDP, the monthly
// series, weapons by donor and category, procurement channels including NATO
// PURL; and Kiel's main data set beside these figures (report reconcile).
import { list, report, type Row, type Table } from '../api';
import { chart, palette } from '../chart';
import { h, note, section } from '../dom';
import { setSearch } from '../router';
import { rounded } from '../format';
import { figureText, kielReleases } from '../kiel-release';
import { renderTable } from '../table';

const types = [
  { key: 'military', label: 'Military', color: palette.committed },
  { key: 'financial', label: 'Financial', color: palette.outstanding },
  { key: 'humanitarian', label: 'Humanitarian', color: palette.delivered },
];
const channels = [
  { key: 'stockpile', label: 'Stockpile', color: palette.committed },
  { key: 'procurement', label: 'Procurement', color: palette.delivered },
  { key: 'nato_purl', label: 'NATO PURL', color: palette.drawn },
  { key: 'unspecified', label: 'Unspecified', color: palette.announced },
];

// A figure column's value as a number for charts ("military" -> "military (EUR_bn)").
const value = (row: Row, table: Table, name: string): number => Number(figureText(row, table, name) ?? 0);

function stacked(categories: string[], series: { name: string; color: string; data: number[] }[], unit: string,
  horizontal: boolean, label: string): HTMLElement {
  // Every donor is named up the side; along the bottom the months thin out (chart.ts).
  const categoryAxis = { type: 'category', data: categories, inverse: horizontal, axisLabel: { interval: 0, fontSize: 11 } };
  const valueAxis = { type: 'value', name: unit, nameTextStyle: { fontWeight: 'bold' } };
  return chart({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 32, top: 36, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({ name: s.name, type: 'bar', stack: 'total', itemStyle: { color: s.color }, data: s.data })),
  }, horizontal ? Math.max(240, 60 + 20 * categories.length) : 340, label);
}

export async function kielPage(_: string[], search: URLSearchParams): Promise<Node> {
  const datasets = await report('datasets');
  const releases = kielReleases(datasets);
  if (!releases.length) {
    return h('div', { class: 'page' }, h('h1', {}, 'Kiel Ukraine Support Tracker'),
      note('No Kiel dashboard figures in this ledger: import them with ramstein import --format kiel-dashboard.'));
  }
  const release = search.get('release') ?? releases[releases.length - 1];
  const figures = (table: string, by: string) => report('figures', { dataset: `${release}/${table}`, by });
  // The reconciliation needs Kiel's main data, whose sources' titles say
  // "Ukraine Support Tracker main data": one row asked for, not every source.
  const [all, donors, months, weapons, procurement, mainData] = await Promise.all([
    figures('data_explorer', 'all'), figures('data_explorer', 'subject'), figures('total_allocations', 'period'),
    figures('weapons', 'row'), figures('procurement_trends', 'period'),
    list('sources', { q: '"Tracker main data"', limit: '1' }),
  ]);
  const reconcile = mainData.total > 0
    ? await report('reconcile', { dataset: `${release}/data_explorer` }) : null;
  const total = all.rows[0];
  const cell = (name: string) => figureText(total, all, name);
  const cards = h('div', { class: 'cards' },
    [['total', 'Allocations'], ['military', 'Military'], ['financial', 'Financial'], ['humanitarian', 'Humanitarian'],
      ['commitments', 'Commitments']].map(([key, label]) =>
      h('div', { class: 'card', 'data-figure': key },
        h('div', { class: 'card-label' }, label),
        h('div', { class: 'card-value' }, `€${rounded(cell(key))} bn`),
        h('div', { class: 'card-exact' }, `EUR bn ${cell(key)}`))),
    h('div', { class: 'card', 'data-figure': 'donors' },
      h('div', { class: 'card-label' }, 'Donors'), h('div', { class: 'card-value' }, String(donors.rows.length)),
      h('div', { class: 'card-hint muted' }, `${total.rows} monthly rows`)));

  const byTotal = [...donors.rows].sort((a, b) => value(b, donors, 'total') - value(a, donors, 'total'));
  const byShare = [...donors.rows].sort((a, b) => value(b, donors, 'pct_gdp') - value(a, donors, 'pct_gdp'));
  const categories = [...new Set(weapons.rows.map((r) => String(r.category)))].sort();
  const weaponDonors = [...new Set(weapons.rows.map((r) => String(r.name)))];
  const weaponCount = (donor: string, category: string) =>
    weapons.rows.filter((r) => r.name === donor && r.category === category).reduce((sum, r) => sum + value(r, weapons, 'number_of_weapons'), 0);
  const weaponPalette = ['#2c5d8f', '#2f7d4f', '#e0a526', '#8e5ea2', '#c0392b', '#9fb3c8', '#5d6d7e', '#b9770e'];

  return h('div', { class: 'page' },
    h('h1', {}, 'Kiel Ukraine Support Tracker'),
    releases.length > 1 ? h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
      h('label', {}, 'Release ', h('select', { name: 'release', onchange: (e) => setSearch({ release: (e.target as HTMLSelectElement).value }) },
        releases.map((r) => h('option', { value: r, selected: r === release }, r))))) : null,
    note(`Release ${release.slice(6)}: every figure is a row of Kiel's files as published, summed exactly by Ramstein; EUR billions.`),
    cards,
    section('Allocations by donor and type',
      stacked(byTotal.map((r) => String(r.name)), types.map((t) => ({ name: t.label, color: t.color, data: byTotal.map((r) => value(r, donors, t.key)) })),
        'EUR bn', true, 'Allocations by donor, stacked by type, EUR billions')),
    section('Share of GDP',
      chart({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'value', name: '% of GDP' },
        yAxis: { type: 'category', inverse: true, data: byShare.map((r) => String(r.name)), axisLabel: { interval: 0, fontSize: 11 } },
        series: [{ name: '% of GDP', type: 'bar', itemStyle: { color: palette.committed }, data: byShare.map((r) => value(r, donors, 'pct_gdp')) }],
      }, Math.max(240, 60 + 20 * byShare.length), 'Allocations as a share of each donor\'s GDP')),
    section('Allocations by month and type',
      stacked(months.rows.map((r) => String(r.period)), types.map((t) => ({ name: t.label, color: t.color, data: months.rows.map((r) => value(r, months, t.key)) })),
        'EUR bn', false, 'Allocations per month, stacked by type, EUR billions')),
    section('Weapons by donor and category',
      stacked(weaponDonors, categories.map((c, i) => ({ name: c, color: weaponPalette[i % weaponPalette.length], data: weaponDonors.map((d) => weaponCount(d, c)) })),
        'units', true, 'Heavy weapons by donor, stacked by category, units'),
      renderTable(weapons, search, { sortKey: 'weapons_sort', columns: ['name', 'category', 'label', 'number_of_weapons (count)', 'monetary_value_eur (EUR)', 'figure'] })),
    section('Procurement channels by month',
      stacked(procurement.rows.map((r) => String(r.period)), channels.map((c) => ({ name: c.label, color: c.color, data: procurement.rows.map((r) => value(r, procurement, c.key)) })),
        'EUR bn', false, 'Military aid by procurement channel per month, EUR billions, NATO PURL included')),
    section('Per donor', renderTable(donors, search, { sortKey: 'donors_sort' })),
    section('Main data against these figures',
      reconcile ? renderTable(reconcile, search, { sortKey: 'reconcile_sort' })
        : note('No Kiel main data in this ledger: import it (ramstein import --format kiel-main-csv or kiel-main-xlsx) to see each donor\'s allocations beside these figures.')));
}
