// Meetings: the list, and one meeting with its chairs, who attended in person,
// who virtually, who was absent, and the measures announced there.
import { meeting, record, report, type Row } from '../api';
import { h, link, note, section } from '../dom';
import { claimsSideBySide, evidenceList } from '../evidence';
import { renderTable } from '../table';

export async function meetingsPage(_: string[], search: URLSearchParams): Promise<Node> {
  const meetings = await report('meetings');
  return h('div', { class: 'page' },
    h('h1', {}, 'Meetings'),
    renderTable(meetings, search, {
      columns: ['date', 'number', 'title', 'venue', 'format', 'state', 'chairs', 'in_person', 'virtual', 'absent', 'measures'],
      href: (column: string, row: Row) => column === 'title' || column === 'number'
        ? `/meetings/${encodeURIComponent(String(row.meeting))}` : undefined,
    }));
}

const modes = [
  { mode: 'in_person', label: 'In person' }, { mode: 'virtual', label: 'Virtual' }, { mode: 'absent', label: 'Absent' },
];

export async function meetingPage([key]: string[], search: URLSearchParams): Promise<Node> {
  const detail = await meeting(key);
  const fact = (field: string) => String(detail.facts.rows.find((r) => r.field === field)?.value ?? '');
  const id = fact('meeting');
  const full = await record(id);
  const title = full.label;
  const grid = h('table', { class: 'attendance' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Participant'), h('th', { scope: 'col' }, 'Represented by'),
      modes.map((m) => h('th', { scope: 'col', class: 'mode' }, m.label)))),
    h('tbody', {}, detail.attendance.rows.map((row) => h('tr', { 'data-actor': String(row.actor), 'data-mode': String(row.mode) },
      h('th', { scope: 'row' }, link(`/donors/${row.actor}`, String(row.name))),
      h('td', {}, row.person ? String(row.person) : ''),
      modes.map((m) => h('td', { class: `mode ${row.mode === m.mode ? `on ${m.mode}` : ''}`, 'aria-label': row.mode === m.mode ? m.label : '' },
        row.mode === m.mode ? link(`/records/${encodeURIComponent(String(row.attendance))}`, '●') : ''))))));
  return h('div', { class: 'page' },
    h('p', { class: 'crumbs' }, link('/meetings', 'Meetings'), ' › ', title),
    h('h1', {}, title),
    h('dl', { class: 'fields' }, detail.facts.rows.filter((r) => r.field !== 'meeting').map((r) => [
      h('dt', {}, String(r.field)), h('dd', { 'data-field': String(r.field) }, String(r.value ?? ''))]).flat()),
    section('Attendance', detail.attendance.rows.length ? h('div', { class: 'scroll' }, grid) : note('No attendance recorded.'),
      note('Only participants the sources name are listed; a meeting of about 50 nations has more.')),
    section('Measures announced', renderTable(detail.measures, search, { empty: 'No measure is recorded as announced at this meeting.' })),
    full.claims.length ? section('Claims about this meeting', claimsSideBySide(full.claims)) : null,
    section('Evidence', await evidenceList(full.evidence)));
}
