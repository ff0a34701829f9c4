// Names to review: the item names importers kept because the catalogue did
// not know them, most used first, with a reviewer's answer where one is given.
// The server is read-only, so answers are recorded with the CLI. The rows
// can be narrowed to one publisher's names, to those still to answer, or to
// those with a suggestion; the choice is kept in the address.
import { report, type Row } from '../api';
import { h, note } from '../dom';
import { setSearch } from '../router';
import { defaultHref, renderTable } from '../table';

const shows = [['', 'All names'], ['open', 'Still to answer'], ['suggested', 'With a suggestion'], ['answered', 'Answered']];

function reviewHref(column: string, row: Row): string | undefined {
  const value = row[column];
  if (typeof value !== 'string' || !value) return undefined;
  if (column === 'item') return `/records/${encodeURIComponent(value)}`;
  if (column === 'same as' || column === 'suggested') return `/items/${encodeURIComponent(value)}`;
  return defaultHref(column, row);
}

export async function reviewPage(_: string[], search: URLSearchParams): Promise<Node> {
  const names = await report('review');
  const publisher = search.get('publisher') ?? '';
  const show = search.get('show') ?? '';
  const publishersOf = (row: Row) => String(row.publishers ?? '').split('; ').filter((p) => p);
  const publishers = [...new Set(names.rows.flatMap(publishersOf))].sort();
  const rows = names.rows.filter((row) => (!publisher || publishersOf(row).includes(publisher))
    && (show !== 'open' || !row['same as'])
    && (show !== 'suggested' || Boolean(row.suggested))
    && (show !== 'answered' || Boolean(row['same as'])));
  const filters = h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    h('label', {}, 'Publisher ', h('select', { name: 'publisher', onchange: (e) => setSearch({ publisher: (e.target as HTMLSelectElement).value }) },
      h('option', { value: '' }, 'All publishers'),
      publishers.map((p) => h('option', { value: p, selected: p === publisher }, p)))),
    h('label', {}, 'Show ', h('select', { name: 'show', onchange: (e) => setSearch({ show: (e.target as HTMLSelectElement).value }) },
      shows.map(([value, label]) => h('option', { value, selected: value === show }, label)))));
  return h('div', { class: 'page' },
    h('h1', {}, 'Names to review'),
    h('p', { class: 'review-title' }, names.title),
    note('A name a source uses that the catalogue does not know is kept, never dropped, and counted under its own item until a '
      + 'reviewer says which catalogue item it is. Record an answer with `ramstein catalog map ITEM SAME_AS --why "..."`, '
      + 'or many at once with `ramstein catalog map --file answers.csv` (this table\'s CSV with the "same as" column filled in). '
      + 'A suggestion is only a hint: a catalogue item the name holds in full, or another source\'s spelling of the same name; '
      + 'copy those you agree with into "same as".'),
    filters,
    renderTable({ ...names, rows }, search, { href: reviewHref, csvName: 'review',
      empty: names.rows.length ? 'No name matches these choices.' : 'Every name the sources use is in the catalogue.' }));
}
