// DuckDB's GROUP BY over the line rows groupby_bench wrote, the same sums
// as `report donors`, timed in the same way: the table is loaded into an
// in-memory database first (not timed), then the query runs REPETITIONS
// times after one warm-up run, and the median is printed. Twice: with the
// donor and currency as text (as SQLite holds them) and as integer keys.
// The answer must equal SQLite's, line for line; otherwise the script fails.
//
// Usage: node groupby.mjs ROWS.csv ANSWER.tsv [REPETITIONS=5] [THREADS=2]
// Prints one JSON object: {rows, groups, threads, text_ms: [...], integer_ms: [...],
// text_median_ms, integer_median_ms, load_ms, version}.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import duckdb, { DuckDBInstance } from '@duckdb/node-api';

const [rowsCsv, answerTsv, repetitionsText = '5', threads = '2'] = process.argv.slice(2);
if (!rowsCsv || !answerTsv) {
  console.error('usage: node groupby.mjs ROWS.csv ANSWER.tsv [REPETITIONS] [THREADS]');
  process.exit(2);
}
const repetitions = Number(repetitionsText);

// bench/line_rows.h's kDonorsGroupBy, with MAX(0, x) as GREATEST(0, x);
// KEY is the grouping pair: the text columns or the integer keys.
const sums = `
  SUM(value), SUM(CASE WHEN status >= 2 THEN value ELSE 0 END), SUM(delivered),
  SUM(CASE WHEN status >= 2 THEN GREATEST(0, value - delivered) ELSE 0 END), SUM(held),
  SUM(CASE WHEN converted THEN value_eur ELSE 0 END),
  SUM(CASE WHEN converted AND status >= 2 THEN value_eur ELSE 0 END),
  SUM(CASE WHEN converted THEN delivered_eur ELSE 0 END),
  SUM(CASE WHEN converted AND status >= 2 THEN GREATEST(0, value_eur - delivered_eur) ELSE 0 END),
  SUM(CASE WHEN converted THEN held_eur ELSE 0 END)`;
const byText = `SELECT donor, currency, ${sums} FROM line_items WHERE status BETWEEN 1 AND 5 GROUP BY donor, currency`;
const byKey = `SELECT donor_key, currency_key, ${sums} FROM line_items WHERE status BETWEEN 1 AND 5 GROUP BY donor_key, currency_key`;

const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
const loadStart = performance.now();
await connection.run(`CREATE TABLE line_items AS SELECT * FROM read_csv('${rowsCsv.replaceAll("'", "''")}', header = true,
  columns = {'donor': 'VARCHAR', 'donor_key': 'INTEGER', 'currency': 'VARCHAR', 'currency_key': 'SMALLINT',
             'status': 'TINYINT', 'value': 'BIGINT', 'delivered': 'BIGINT', 'held': 'BIGINT', 'converted': 'BOOLEAN',
             'value_eur': 'BIGINT', 'delivered_eur': 'BIGINT', 'held_eur': 'BIGINT'})`);
const loadMs = performance.now() - loadStart;
const rows = Number((await connection.runAndReadAll('SELECT count(*) FROM line_items')).getRows()[0][0]);

async function time(sql) {
  const runs = [];
  let result;
  for (let i = 0; i <= repetitions; ++i) {
    const start = performance.now();
    result = (await connection.runAndReadAll(sql)).getRows();
    if (i > 0) runs.push(performance.now() - start);
  }
  return { runs, result };
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const text = await time(byText);
const integer = await time(byKey);

// The answer, ordered as SQLite's: by donor id, then currency code.
const answer = text.result.map((row) => row.map(String).join('\t')).sort().join('\n') + '\n';
const expected = readFileSync(answerTsv, 'utf8');
const sortedExpected = expected.split('\n').filter(Boolean).sort().join('\n') + '\n';
if (answer !== sortedExpected) {
  console.error(`groupby.mjs: DuckDB's answer differs from SQLite's (${answerTsv})`);
  process.exit(1);
}
if (integer.result.length !== text.result.length) {
  console.error(`groupby.mjs: ${integer.result.length} groups by integer keys, ${text.result.length} by text`);
  process.exit(1);
}
console.log(JSON.stringify({
  version: duckdb.version(), rows, groups: text.result.length, threads: Number(threads), load_ms: loadMs,
  text_ms: text.runs, integer_ms: integer.runs,
  text_median_ms: median(text.runs), integer_median_ms: median(integer.runs),
}));
