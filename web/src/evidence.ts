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
    text.scrollTop = Math.max(0, mark.offsetTop - text.offsetTop - 60);
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
