// The JSON API, typed as the dashboard reads it. Every answer comes from the
// same catalogue of questions as the command line (src/query/catalog.h in
// the server); the routes and their parameters are checked against
// generated/openapi.ts, which scripts/openapi-check.sh generates from the
// server's OpenAPI document (and fails the tests when it is stale).
import type { paths } from './generated/openapi';

type Path = keyof paths;
// The query parameters a route takes, by name; the values as text (what
// forms and links hold; the server checks them).
type QueryOf<P> = P extends Path
  ? { [K in keyof NonNullable<paths[P]['get']['parameters']['query']>]?: string }
  : never;
// The reports and collections the document lists.
export type ReportName = Path extends infer P
  ? P extends `/api/v1/reports/${infer N}` ? (N extends `${string}/${string}` ? never : N) : never
  : never;
export type CollectionName = Path extends infer P
  ? P extends `/api/v1/${infer N}`
    ? N extends `${string}/${string}` | `${string}.json` ? never : N
    : never
  : never;

export type ColumnType = 'text' | 'integer' | 'amount' | 'decimal';
export interface Column { name: string; type: ColumnType }
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export interface Table { title: string; columns: Column[]; rows: Row[]; source?: string }
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

// A table remembers the address it came from (not sent back, not
// enumerated), so that a page can offer the same question as a workbook.
async function table<T extends Table>(path: string): Promise<T> {
  const answer = await get<T>(path);
  Object.defineProperty(answer, 'source', { value: path, enumerable: false });
  return answer;
}

export const report = <N extends ReportName>(name: N, params?: QueryOf<`/api/v1/reports/${N}`>) =>
  table<Table>(`/api/v1/reports/${name}${query((params ?? {}) as Record<string, string>)}`);
export const list = <N extends CollectionName>(collection: N, params?: QueryOf<`/api/v1/${N}`>) =>
  table<PagedTable>(`/api/v1/${collection}${query((params ?? {}) as Record<string, string>)}`);

// The address of a table's question as an XLSX workbook: every row the
// question answers (a paged collection's first 1,000), in the server's order.
export function workbookUrl(source: string, paged: boolean): string {
  const [path, search = ''] = source.split('?');
  const params = new URLSearchParams(search);
  params.delete('offset');
  if (paged) params.set('limit', '1000'); else params.delete('limit');
  params.set('format', 'xlsx');
  return `${path}?${params.toString()}`;
}
export const record = (id: string) => get<RecordDetail>(`/api/v1/records/${encodeURIComponent(id)}`);
export const meeting = (key: string) => get<MeetingDetail>(`/api/v1/reports/meetings/${encodeURIComponent(key)}`);
export const health = () => get<{ status: string; sequence: number }>('/healthz');
// The ledger's latest signed checkpoint; null when the server publishes none.
export type Checkpoint = paths['/api/v1/checkpoint']['get']['responses'][200]['content']['application/json'];
export const checkpoint = () =>
  get<Checkpoint>('/api/v1/checkpoint').catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });

// "?a=1&b=2" of the non-empty parameters, or "".
export function query(params: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Today as the server's dated reports take it.
export function today(): string { return new Date().toISOString().slice(0, 10); }
