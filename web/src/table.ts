// Tables from the API's {title, columns, rows}: sortable by any column (a
// click on its header; the sort is kept in the address), numbers right
// aligned, cells linked where a column names a record, and a CSV download of
// exactly the rows shown, or an XLSX workbook of the question's rows from the
// server.
import { workbookUrl, type Cell, type Column, type Row, type Table } from './api';
import { h, link, recordHref, saveFile } from './dom';
import { centsText, cents, integer } from './format';
import { codeColumns, codeLabel } from './labels';
import { setSearch } from './router';

export interface TableOptions {
  // Query-string key for this table's sort ("sort" by default); tables on one
  // page need different keys.
  sortKey?: string;
  // Columns to show, in order (default: all).
  columns?: string[];
  // A link for a cell, or undefined.
  href?: (column: string, row: Row) => string | undefined;
  // Server-side sort: the header click sets the key and the page reloads its data.
  serverSort?: boolean;
  caption?: string;
  empty?: string;
  csvName?: string;
}

// Which column holds a record id, by the table's column name.
const recordColumns = new Set([
  'id', 'measure', 'hold', 'attendance', 'balance', 'authority', 'meeting', 'source', 'requirement',
  'delivery', 'item', 'figure', 'claim', 'resumption', 'forum', 'person', 'chair', 'role',
]);

export function defaultHref(column: string, row: Row): string | undefined {
  const value = row[column];
  if (typeof value !== 'string' || !value) return undefined;
  if (column === 'donor' || column === 'holder' || column === 'actor' || column === 'subject') {
    return recordHref(value, 'actor');
  }
  if (column === 'recipient') return recordHref(value, 'recipient');  // what it received, not what it gave
  if (column === 'item') return recordHref(value, 'item');
  if (column === 'meeting' && value.startsWith('meeting:')) return recordHref(value, 'meeting');
  if (recordColumns.has(column) && value.includes(':')) return recordHref(value, 'record');
  return undefined;
}

export function cellText(column: Column, value: Cell): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'amount') return centsText(cents(value));
  if (column.type === 'integer') return integer(value);
  if (column.type === 'decimal') {
    // Every published digit, with thousands separators on the whole part.
    const [whole, fraction] = String(value).split('.');
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  return String(value);
}

function compare(column: Column, a: Cell, b: Cell): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;  // empty last
  if (b === null || b === '') return -1;
  if (column.type !== 'text') return Number(a) - Number(b);
  return String(a).localeCompare(String(b));
}

const longTableRows = 100;

export function renderTable(table: Table, search: URLSearchParams, options: TableOptions = {}): HTMLElement {
  const sortKey = options.sortKey ?? 'sort';
  const sort = search.get(sortKey) ?? '';
  const descending = sort.startsWith('-');
  const sortName = sort.replace(/^-/, '');
  const shown = (options.columns ?? table.columns.map((c) => c.name))
    .map((name) => table.columns.find((c) => c.name === name))
    .filter((c): c is Column => c !== undefined);
  let rows = table.rows;
  const sortColumn = shown.find((c) => c.name === sortName);
  if (sortColumn && !options.serverSort) {
    rows = [...rows].sort((a, b) => (descending ? -1 : 1) * compare(sortColumn, a[sortName], b[sortName]));
  }
  const href = options.href ?? defaultHref;
  const header = h('tr', {}, shown.map((column) => {
    const active = column.name === sortName;
    const next = active && !descending ? `-${column.name}` : column.name;
    return h('th', {
      class: column.type === 'text' ? '' : 'number',
      'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none',
      scope: 'col',
    }, h('button', { type: 'button', class: 'sort', onclick: () => setSearch({ [sortKey]: next }) },
      column.name.replace(/_/g, ' '), active ? (descending ? ' ▼' : ' ▲') : ''));
  }));
  const body = rows.map((row) => h('tr', {}, shown.map((column) => {
    const stored = cellText(column, row[column.name]);
    // Codes are shown by their labels (the CSV keeps the codes).
    const isCode = codeColumns.has(column.name) || (column.name === 'value' && codeColumns.has(String(row.field)));
    const text = isCode && stored ? codeLabel(stored) : stored;
    const target = text ? href(column.name, row) : undefined;
    return h('td', { class: column.type === 'text' ? '' : 'number', 'data-column': column.name },
      target ? link(target, text) : text);
  })));
  const csv = () => download(options.csvName ?? slug(table.title), toCsv(shown, rows));
  // A long table is laid out only when the reader comes near it (it may sit
  // far below the view, as under the items page's charts), holding about
  // its room meanwhile; a short one is laid out with the page, so nothing
  // under it moves.
  const long = rows.length > longTableRows;
  return h('div', long ? { class: 'table-block long', style: `contain-intrinsic-size: auto ${40 + 30 * rows.length}px` } : { class: 'table-block' },
    h('div', { class: 'table-tools' },
      h('span', { class: 'muted' }, options.caption ?? `${rows.length} row${rows.length === 1 ? '' : 's'}`),
      h('span', {}, h('button', { type: 'button', class: 'csv', onclick: csv }, 'CSV'),
      table.source ? h('a', { class: 'xlsx', href: workbookUrl(table.source, 'total' in table), download: `${options.csvName ?? slug(table.title)}.xlsx`,
        title: 'Every row of this question as an Excel workbook, in the server’s order' }, 'XLSX') : null)),
    h('div', { class: 'scroll' },
      h('table', {}, h('thead', {}, header),
        h('tbody', {}, body.length ? body : [h('tr', {}, h('td', { colspan: shown.length, class: 'muted' },
          options.empty ?? 'Nothing to show.'))]))));
}

export function toCsv(columns: Column[], rows: Row[]): string {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [columns.map((c) => quote(c.name)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => {
      const value = row[c.name];
      if (value === null || value === undefined) return '';
      return quote(c.type === 'amount' ? centsText(cents(value)).replace(/,/g, '') : String(value));
    }).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function download(name: string, text: string): void {
  saveFile(`${name}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'table';
}
