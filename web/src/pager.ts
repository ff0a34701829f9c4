// Paging through a collection the server pages: the count of what matches
// with the rows shown, and links to the previous and next page (the
// address's `offset`, the rest of it kept).
import { h, link, type Child } from './dom';

// "42 measures, 21–40 shown" ("1 record": the noun's singular for one).
export function shown(total: number, offset: number, size: number, noun: string): string {
  return `${total} ${noun}${total === 1 ? '' : 's'}${total > size ? `, ${offset + 1}–${Math.min(offset + size, total)} shown` : ''}`;
}

export function pager(total: number, offset: number, size: number, ...more: Child[]): HTMLElement {
  const to = (label: string, at: number) => {
    const next = new URLSearchParams(location.search);
    if (at) next.set('offset', String(at)); else next.delete('offset');
    return link(`${location.pathname}?${next.toString()}`, label);
  };
  return h('p', { class: 'pager' },
    offset > 0 ? to('← previous', Math.max(0, offset - size)) : null, ' ',
    offset + size < total ? to('next →', offset + size) : null, more.length ? ' ' : null, ...more);
}
