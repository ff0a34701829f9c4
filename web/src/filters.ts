// The filter bar: donor, type of aid, period and publisher, kept in the query
// string so a filtered view can be shared and survives a reload. The
// publisher is the account a measure belongs to (the publisher of the first
// source it cites): a ledger holding several trackers counts each pledge once
// per tracker unless one is chosen. A page that sums money counts one
// account unless told otherwise: its default, and "*" for all of them.
import { h } from './dom';
import { setSearch } from './router';

export interface Filters { donor: string; type: string; from: string; to: string; publisher: string }

export function readFilters(search: URLSearchParams): Filters {
  return {
    donor: search.get('donor') ?? '', type: search.get('type') ?? '',
    from: search.get('from') ?? '', to: search.get('to') ?? '', publisher: search.get('publisher') ?? '',
  };
}

const types = ['military', 'financial', 'humanitarian'];

// The publisher= value that asks for every account.
export const everyPublisher = '*';

// The account a page counts: the one chosen, the default when none is, and
// '' (no filter) for every account.
export function countedPublisher(filters: Filters, fallback: string): string {
  if (filters.publisher === everyPublisher) return '';
  return filters.publisher || fallback;
}

// `publishers`: the choices (report publishers); the select shows when there
// is a choice to make. `fallback`: the account counted when none is chosen
// (then "all publishers" is a choice of its own).
export function filterBar(filters: Filters, donors: { id: string; name: string }[],
  show: { type?: boolean; period?: boolean } = { type: true, period: true }, publishers: string[] = [],
  fallback = ''): HTMLElement {
  const donor = h('select', { name: 'donor', 'aria-label': 'Donor', onchange: (e) => setSearch({ donor: (e.target as HTMLSelectElement).value, offset: '' }) },
    h('option', { value: '' }, 'All donors'),
    donors.map((d) => h('option', { value: d.id, selected: d.id === filters.donor }, `${d.name} (${d.id})`)));
  const type = h('select', { name: 'type', 'aria-label': 'Type of aid', onchange: (e) => setSearch({ type: (e.target as HTMLSelectElement).value, offset: '' }) },
    h('option', { value: '' }, 'All types'),
    types.map((t) => h('option', { value: t, selected: t === filters.type }, t)));
  const date = (name: 'from' | 'to', label: string) => h('label', {}, label, ' ',
    h('input', { type: 'date', name, value: filters[name], onchange: (e) => setSearch({ [name]: (e.target as HTMLInputElement).value, offset: '' }) }));
  const named = publishers.filter((p) => p);  // measures citing nothing have no publisher to choose
  const counted = countedPublisher(filters, fallback);
  const choices = counted && !named.includes(counted) ? [...named, counted] : named;
  const every = fallback ? everyPublisher : '';
  const publisher = h('select', { name: 'publisher', 'aria-label': 'Publisher', onchange: (e) => {
    const value = (e.target as HTMLSelectElement).value;
    setSearch({ publisher: value === fallback ? '' : value, offset: '' });
  } },
    h('option', { value: every, selected: !counted }, fallback ? 'All publishers (a pledge several record counts more than once)' : 'All publishers'),
    choices.map((p) => h('option', { value: p, selected: p === counted }, p === fallback ? `${p} (default)` : p)));
  const active = filters.donor || filters.type || filters.from || filters.to || filters.publisher;
  return h('form', { class: 'filters', role: 'search', onsubmit: (e) => e.preventDefault() },
    h('label', {}, 'Donor ', donor),
    show.type !== false ? h('label', {}, 'Type ', type) : null,
    show.period !== false ? date('from', 'From') : null,
    show.period !== false ? date('to', 'To') : null,
    choices.length > 1 ? h('label', {}, 'Publisher ', publisher) : null,
    active ? h('button', { type: 'button', onclick: () => setSearch({ donor: '', type: '', from: '', to: '', publisher: '', offset: '' }) }, 'Clear filters') : null);
}
