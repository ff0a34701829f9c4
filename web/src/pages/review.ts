// Names to review: the item names importers kept because the catalogue did
// not know them, most used first, with a reviewer's answer where one is given.
// The server is read-only, so answers are recorded with the CLI.
import { report, type Row } from '../api';
import { h, note } from '../dom';
import { defaultHref, renderTable } from '../table';

function reviewHref(column: string, row: Row): string | undefined {
  const value = row[column];
  if (typeof value !== 'string' || !value) return undefined;
  if (column === 'item') return `/records/${encodeURIComponent(value)}`;
  if (column === 'same as' || column === 'suggested') return `/items/${encodeURIComponent(value)}`;
  return defaultHref(column, row);
}

export async function reviewPage(_: string[], search: URLSearchParams): Promise<Node> {
  const names = await report('review');
  return h('div', { class: 'page' },
    h('h1', {}, 'Names to review'),
    h('p', { class: 'review-title' }, names.title),
    note('A name a source uses that the catalogue does not know is kept, never dropped, and counted under its own item until a '
      + 'reviewer says which catalogue item it is. Record an answer with `ramstein catalog map ITEM SAME_AS --why "..."`, '
      + 'or many at once with `ramstein catalog map --file answers.csv` (this table\'s CSV with the "same as" column filled in). '
      + 'A suggestion is only a hint: a catalogue item the name holds in full, or another source\'s spelling of the same name; '
      + 'copy those you agree with into "same as".'),
    renderTable(names, search, { href: reviewHref, csvName: 'review', empty: 'Every name the sources use is in the catalogue.' }));
}
