// Search: every record, quote and source text holding the words, ranked by
// the server's full-text index, grouped by kind, the match marked in each
// snippet; the kinds with their counts narrow the list. The words come
// from the search box every page has (main.ts).
import { list, type PagedTable } from '../api';
import { h, link, recordHref } from '../dom';
import { kindLabel } from '../labels';
import { pager, shown } from '../pager';

const pageSize = 25;

// A snippet's text with the server's « » marks as <mark> elements (text
// only, never parsed as HTML).
export function marked(snippet: string): (Node | string)[] {
  const parts: (Node | string)[] = [];
  const pattern = /«([^«»]*)»/g;
  let at = 0;
  for (let match = pattern.exec(snippet); match; match = pattern.exec(snippet)) {
    if (match.index > at) parts.push(snippet.slice(at, match.index));
    parts.push(h('mark', {}, match[1]));
    at = match.index + match[0].length;
  }
  if (at < snippet.length) parts.push(snippet.slice(at));
  return parts;
}

export async function searchPage(_: string[], search: URLSearchParams): Promise<Node> {
  const q = search.get('q') ?? '';
  const kind = search.get('kind') ?? '';
  const offset = Number(search.get('offset') ?? '0') || 0;
  const help = h('p', { class: 'muted' }, 'Type in the search box at the top of every page. Every word must match; "a phrase" in quotes; the last word may be the start of one. Records, their quotes and the sources’ texts are searched.');
  if (!q) return h('div', { class: 'page' }, h('h1', {}, 'Search'), help);
  const page = await list('search', { q, kind, limit: String(pageSize), offset: String(offset) }) as PagedTable & { facets?: { kind?: Record<string, number> } };
  const counts = Object.entries(page.facets?.kind ?? {});
  const all = counts.reduce((sum, [, n]) => sum + n, 0);
  const kinds = h('p', { class: 'facets', 'aria-label': 'Kinds of record found' },
    kind ? link(`/search?q=${encodeURIComponent(q)}`, `All kinds (${all})`) : h('strong', {}, `All kinds (${all})`),
    counts.map(([name, n]) => [' · ', name === kind ? h('strong', {}, `${kindLabel(name)} (${n})`)
      : link(`/search?q=${encodeURIComponent(q)}&kind=${encodeURIComponent(name)}`, `${kindLabel(name)} (${n})`)]));
  const groups = new Map<string, HTMLElement[]>();
  for (const row of page.rows) {
    const rowKind = String(row.kind);
    const id = String(row.id);
    const title = String(row.title || id);
    const item = h('li', {}, link(recordHref(id, rowKind), title), title === id ? null : h('span', { class: 'muted' }, ` ${id}`),
      h('p', { class: 'snippet' }, marked(String(row.snippet ?? ''))));
    groups.set(rowKind, [...(groups.get(rowKind) ?? []), item]);
  }
  const caption = page.total === 0 ? `Nothing holds ${q}. ${help.textContent}` : shown(page.total, offset, pageSize, 'record');
  return h('div', { class: 'page' },
    h('h1', {}, `Search: ${q}`),
    page.total > 0 ? kinds : null,
    h('p', { class: 'muted', role: 'status' }, caption),
    [...groups].map(([name, items]) => h('section', { class: 'panel' }, h('h2', {}, kindLabel(name)), h('ul', { class: 'hits' }, items))),
    pager(page.total, offset, pageSize));
}
