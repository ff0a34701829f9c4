// A record: every field with its figures, the quoted evidence marked in the
// source document's text, conflicting claims side by side, the history of
// corrections and the records that cite it.
import { record } from '../api';
import { h, link, note, section } from '../dom';
import { claimsSideBySide, evidenceList, publisherRow } from '../evidence';
import { money } from '../format';
import { codeColumns, codeLabel, kindLabel } from '../labels';

const actorFields = new Set(['donor', 'recipient', 'holder', 'actor', 'subject']);

function isMoney(value: unknown): value is { amount: string; currency: string } {
  return typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value;
}

// A field's value as a node: money in full, ids as links, lists as lists.
function fieldValue(name: string, value: unknown): Node {
  if (isMoney(value)) return h('span', { class: 'money' }, money(value.currency, value.amount));
  if (Array.isArray(value)) {
    if (!value.length) return h('span', { class: 'muted' }, 'none');
    return h('ul', { class: 'plain' }, value.map((v) => h('li', {}, fieldValue(name, v))));
  }
  if (typeof value === 'object' && value !== null) {
    return h('span', { class: 'inline-fields' }, Object.entries(value).map(([k, v]) =>
      h('span', {}, h('span', { class: 'muted' }, `${k.replace(/_/g, ' ')}: `), fieldValue(k, v), ' ')));
  }
  const text = String(value);
  if (codeColumns.has(name) || name === 'kind') return h('span', { title: text }, name === 'kind' ? text : codeLabel(text));
  if (/^[a-z]+:[a-z0-9:._-]+$/.test(text) && name !== 'url') return link(`/records/${encodeURIComponent(text)}`, text);
  if (actorFields.has(name) && /^[A-Z]{2,3}$/.test(text)) return link(`/donors/${text}`, text);
  if (name === 'url' && /^https?:\/\//.test(text)) return h('a', { href: text, rel: 'noreferrer' }, text);
  return document.createTextNode(text);
}

export async function recordPage([id]: string[]): Promise<Node> {
  const detail = await record(id);
  const fields = Object.entries(detail.record).filter(([k]) => k !== 'evidence' && k !== 'text' && k !== 'id');
  const text = typeof detail.record.text === 'string' ? detail.record.text : null;
  return h('div', { class: 'page' },
    h('p', { class: 'crumbs' }, link('/', 'Overview'), ' › ', kindLabel(detail.kind)),
    h('h1', {}, detail.label),
    h('p', { class: 'muted' }, h('code', {}, detail.id), ` · ${detail.kind}`),
    section('Fields', h('dl', { class: 'fields' }, fields.map(([k, v]) => [
      h('dt', {}, k.replace(/_/g, ' ')), h('dd', { 'data-field': k }, fieldValue(k, v))]).flat())),
    detail.kind === 'figure' && detail.evidence.length ? section('The row in the publisher’s file', await publisherRow(detail.evidence[0])) : null,
    section('Evidence', await evidenceList(detail.evidence)),
    detail.claims.length ? section('Claims about this record', claimsSideBySide(detail.claims)) : null,
    text !== null ? section('Document text', h('div', { class: 'document open' }, text)) : null,
    detail.history.length > 1 ? section('History', h('ol', {}, detail.history.map((v) =>
      h('li', {}, `event ${v.sequence}, ${new Date(v.time_ms).toISOString().slice(0, 16).replace('T', ' ')} by ${v.author}`,
        v.correction ? h('span', {}, ' — correction: ', v.correction) : ' — first version')))) :
      note(detail.history.length ? `Recorded as event ${detail.history[0].sequence} by ${detail.history[0].author}; never corrected.` : ''),
    detail.related.length ? section('Cited by', h('ul', { class: 'related' }, detail.related.map((r) =>
      h('li', {}, link(`/records/${encodeURIComponent(r.id)}`, r.label), ' ', h('span', { class: 'muted' }, r.kind))))) : null);
}
