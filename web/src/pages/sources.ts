// Sources: every document the ledger quotes, with its fingerprint.
import { list } from '../api';
import { h } from '../dom';
import { renderTable } from '../table';

export async function sourcesPage(_: string[], search: URLSearchParams): Promise<Node> {
  const sources = await list('sources', { limit: '1000' });
  return h('div', { class: 'page' }, h('h1', {}, 'Sources'),
    renderTable(sources, search, { columns: ['id', 'published', 'publisher', 'title', 'url', 'sha256'] }));
}
