// The JSON API, typed as the dashboard reads it. Every answer comes from the
// same report functions as the CLI (see src/query in the server).

export type ColumnType = 'text' | 'integer' | 'amount' | 'decimal';
export interface Column { name: string; type: ColumnType }
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export interface Table { title: string; columns: Column[]; rows: Row[] }
export interface PagedTable extends Table { total: number; offset: number; limit: number }

export interface Evidence {
  source: string; title: string; publisher: string; published: string; url: string;
  quote: string; start: number; end: number; before: string; after: string;
}
export interface Claim {
  id: string; attribute: string; value: string; number?: number | null; date: string; evidence: Evidence[];
}
export interface Version {
  sequence: number; time_ms: number; author: string; correction: string; record: Record<string, unknown>;
}
export interface RecordDetail {
  id: string; kind: string; label: string;
  record: Record<string, unknown>;
  evidence: Evidence[]; claims: Claim[]; history: Version[];
  related: { id: string; kind: string; label: string }[];
}
export interface MeetingDetail { facts: Table; attendance: Table; measures: Table }

export class ApiError extends Error {
  constructor(public status: number, public code: string, detail: string) { super(detail); }
}

export async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? 'error', body?.detail ?? response.statusText);
  }
  return body as T;
}

export const report = (name: string, params: Record<string, string> = {}) =>
  get<Table>(`/api/v1/reports/${name}${query(params)}`);
export const list = (collection: string, params: Record<string, string> = {}) =>
  get<PagedTable>(`/api/v1/${collection}${query(params)}`);
export const record = (id: string) => get<RecordDetail>(`/api/v1/records/${encodeURIComponent(id)}`);
export const meeting = (key: string) => get<MeetingDetail>(`/api/v1/reports/meetings/${encodeURIComponent(key)}`);
export const health = () => get<{ status: string; sequence: number }>('/healthz');

// "?a=1&b=2" of the non-empty parameters, or "".
export function query(params: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Today as the server's dated reports take it.
export function today(): string { return new Date().toISOString().slice(0, 10); }
