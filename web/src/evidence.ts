// Evidence: a quote shown where it stands in its source document, and claims
// that disagree set side by side.
import { record, type Claim, type Evidence } from './api';
import { h, link } from './dom';

const documents = new Map<string, Promise<string>>();

function documentText(source: string): Promise<string> {
  if (!documents.has(source)) {
    documents.set(source, record(source).then((detail) => String(detail.record.text ?? '')));
  }
  return documents.get(source)!;
}

// The source's text with the quote marked. Offsets count Unicode code points,
// as the ledger stores them.
export async function quoteInDocument(evidence: Evidence): Promise<HTMLElement> {
  const points = Array.from(await documentText(evidence.source));
  const before = points.slice(0, evidence.start).join('');
  const quoted = points.slice(evidence.start, evidence.end).join('');
  const after = points.slice(evidence.end).join('');
  const mark = h('mark', { class: 'quote' }, quoted);
  const text = h('div', { class: 'document', tabindex: 0, 'aria-label': `Text of ${evidence.title}` }, before, mark, after);
  // Bring the quote into view inside the document box once shown.
  new IntersectionObserver((entries, observer) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    const below = mark.getBoundingClientRect().top - text.getBoundingClientRect().top;
    text.scrollTop = Math.max(0, text.scrollTop + below - 60);
    observer.disconnect();
  }).observe(text);
  return h('figure', { class: 'evidence' },
    h('blockquote', { class: 'quote-line' }, '“', evidence.quote, '”'),
    h('figcaption', {}, link(`/records/${encodeURIComponent(evidence.source)}`, evidence.title), ' — ',
      evidence.publisher, evidence.published ? `, ${evidence.published}` : '',
      evidence.url ? h('span', {}, ' · ', h('a', { href: evidence.url, rel: 'noreferrer' }, 'original')) : null,
      h('span', { class: 'muted' }, ` · code points ${evidence.start}–${evidence.end}`)),
    h('details', {}, h('summary', {}, 'Show in the document'), text));
}

// One line of CSV as its fields (quoted fields may hold commas and doubled
// quotes), for showing a publisher's row beside its header.
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; } else field += c;
  }
  fields.push(field);
  return fields;
}

// A figure's row in the publisher's file: which line it is, its fields
// under the file's header, and the file with the row marked.
export async function publisherRow(evidence: Evidence): Promise<HTMLElement> {
  const text = await documentText(evidence.source);
  const points = Array.from(text);
  const before = points.slice(0, evidence.start).join('');
  const line = before.split('\n').length;  // 1-based; line 1 is the header
  const header = csvFields(text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).replace(/\r$/, ''));
  const fields = csvFields(evidence.quote);
  const width = Math.max(header.length, fields.length);
  return h('div', { class: 'publisher-row', 'data-line': line },
    h('p', {}, `Line ${line} of `, link(`/records/${encodeURIComponent(evidence.source)}`, evidence.title),
      ` (${evidence.publisher}${evidence.published ? `, ${evidence.published}` : ''}), under the file's header on line 1:`),
    h('div', { class: 'scroll' }, h('table', { class: 'row-fields' },
      h('thead', {}, h('tr', {}, Array.from({ length: width }, (_, i) => h('th', { scope: 'col' }, header[i] ?? `field ${i + 1}`)))),
      h('tbody', {}, h('tr', {}, Array.from({ length: width }, (_, i) => h('td', {}, fields[i] ?? '')))))));
}

export async function evidenceList(evidence: Evidence[]): Promise<HTMLElement> {
  if (!evidence.length) return h('p', { class: 'muted' }, 'No quoted evidence on this record.');
  const items = await Promise.all(evidence.map(quoteInDocument));
  // The first quote's document is open.
  items[0].querySelector('details')?.setAttribute('open', '');
  return h('div', { class: 'evidence-list' }, items);
}

const quotesShown = 3;

// Claims grouped by what they are about; where two or more disagree they
// stand side by side, each with its source.
export function claimsSideBySide(claims: Claim[]): HTMLElement {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) groups.set(claim.attribute, [...(groups.get(claim.attribute) ?? []), claim]);
  return h('div', {}, [...groups].map(([attribute, group]) => {
    const values = new Set(group.map((c) => c.number ?? c.value));
    return h('div', { class: 'claims' },
      h('h3', {}, attribute.replace(/_/g, ' '), group.length > 1 && values.size > 1 ? h('span', { class: 'badge' }, 'sources disagree') : null),
      h('div', { class: 'side-by-side' }, group.map((claim) => h('article', { class: 'claim', 'data-claim': claim.id },
        h('div', { class: 'claim-value' }, claim.value),
        claim.number !== undefined && claim.number !== null ? h('div', { class: 'muted' }, `number: ${claim.number}`) : null,
        claim.date ? h('div', { class: 'muted' }, `as of ${claim.date}`) : null,
        // A claim counted from many rows quotes them all; the first few show here,
        // the claim's record shows every one.
        claim.evidence.slice(0, quotesShown).map((e) => h('p', { class: 'claim-source' },
          e.quote ? ['“', e.quote, '” — '] : null,
          link(`/records/${encodeURIComponent(e.source)}`, e.title || e.source), e.published ? `, ${e.published}` : '')),
        claim.evidence.length > quotesShown ? h('p', { class: 'muted' }, `… and ${claim.evidence.length - quotesShown} more quotes`) : null,
        link(`/records/${encodeURIComponent(claim.id)}`, 'claim record')))));
  }));
}
