// Measures: every pledge, package or contract, filtered on the server by
// donor, type and period, sorted and paged there too.
import { list, report, query } from '../api';
import { h } from '../dom';
import { countedPublisher, filterBar, readFilters, type Filters } from '../filters';
import { pager, shown } from '../pager';
import { setSearch } from '../router';
import { renderTable } from '../table';

type Facets = Record<string, Record<string, number>>;

// How many measures each donor, recipient, type and status has under the
// filters chosen (the server's facets); a click filters by it.
function facetLine(facets: Facets, search: URLSearchParams): HTMLElement | null {
  const groups: [string, string][] = [['donor', 'Donors'], ['recipient', 'Recipients'], ['type', 'Types'], ['status', 'Status']];
  const shown = groups.filter(([key]) => Object.keys(facets[key] ?? {}).length);
  if (!shown.length) return null;
  return h('div', { class: 'facets', 'aria-label': 'Measures by donor, recipient, type and status' }, shown.map(([key, label]) =>
    h('p', { 'data-facet': key }, h('strong', {}, `${label}: `), Object.entries(facets[key]).map(([value, count], i) => [
      i ? ' · ' : '',
      search.get(key) === value ? h('strong', {}, `${value} (${count})`)
        : h('button', { type: 'button', class: 'link', 'data-value': value, onclick: () => setSearch({ [key]: value, offset: '' }) }, `${value} (${count})`),
    ]))));
}

const pageSize = 50;

export async function measuresTable(search: URLSearchParams, filters: Filters): Promise<HTMLElement> {
  const offset = Number(search.get('offset') ?? '0') || 0;
  const params = { donor: filters.donor, type: filters.type, from: filters.from, to: filters.to, publisher: countedPublisher(filters, ''),
    recipient: search.get('recipient') ?? '', status: search.get('status') ?? '', sort: search.get('sort') ?? '-announced', limit: String(pageSize), offset: String(offset) };
  const page = await list('measures', params) as Awaited<ReturnType<typeof list>> & { facets?: Facets };
  const csvParams = { ...params, limit: '1000', offset: '', format: 'csv' };
  const narrowed = params.recipient || params.status;
  return h('div', {},
    facetLine(page.facets ?? {}, search),
    narrowed ? h('p', {}, h('button', { type: 'button', onclick: () => setSearch({ recipient: '', status: '', offset: '' }) },
      `Clear ${[params.recipient && `recipient ${params.recipient}`, params.status && `status ${params.status}`].filter(Boolean).join(' and ')}`)) : null,
    renderTable(page, search, {
      serverSort: true,
      caption: shown(page.total, offset, pageSize, 'measure'),
      columns: ['announced', 'donor', 'recipient', 'type', 'status', 'title', 'currency', 'value', 'lines', 'id'],
      empty: 'No measure matches these filters.',
    }),
    pager(page.total, offset, pageSize,
      h('a', { href: `/api/v1/measures${query(csvParams)}`, download: 'measures.csv' }, 'All matching as CSV (API)')));
}

export async function measuresPage(_: string[], search: URLSearchParams): Promise<Node> {
  const filters = readFilters(search);
  const [totals, publishers] = await Promise.all([report('totals'), report('publishers')]);
  const donors = totals.rows.map((r) => ({ id: String(r.donor), name: String(r.name) }));
  if (filters.donor && !donors.some((d) => d.id === filters.donor)) donors.push({ id: filters.donor, name: filters.donor });
  return h('div', { class: 'page' },
    h('h1', {}, 'Measures'),
    filterBar(filters, donors, undefined, publishers.rows.map((r) => String(r.publisher))),
    await measuresTable(search, filters));
}
