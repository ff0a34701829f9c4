#!/usr/bin/env bash
# `report donors` against SQLite's and DuckDB's GROUP BY over the same rows,
# in one run per size (bench/groupby_bench.cc, then bench/duckdb/groupby.mjs
# on the rows it wrote), with the import and open figures at that size, as
# the table in BENCHMARKS.md.
# Usage: bench/groupby.sh [REPETITIONS [LINE_ITEMS...]]   (default 5; 1000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-5}
shift $(($# > 0 ? 1 : 0))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
. bench/benchmark.sh
(cd bench/duckdb && npm ci --no-audit --no-fund --silent)
rows=out/groupby-rows
mkdir -p "$rows"
for n in "${sizes[@]}"; do
  run_benchmark groupby_bench "$repetitions" "groupby_bench-$n" --size="$n" --rows-out="$rows"
  node bench/duckdb/groupby.mjs "$rows/rows-$n.csv" "$rows/answer-$n.tsv" "$repetitions" 2 >"out/duckdb-$n.json"
  rm -f "$rows/rows-$n.csv"
  jq -r --slurpfile duck "out/duckdb-$n.json" --arg n "$n" '
    def median($name): [.benchmarks[] | select(.run_name == $name and (.aggregate_name == "median" or .aggregate_name == null))][0];
    def ms($name): median($name).real_time;
    def fmt: if . >= 100 then round | tostring else . * 100 | round / 100 | tostring end;
    $duck[0] as $d | ms("BM_ReportDonors/\($n)/real_time") as $r |
    "| measure, \($n) line items | median | against Ramstein |", "|---|---:|---:|",
    "| import (once) | \(ms("BM_Import/\($n)/iterations:1/repeats:1/real_time") | fmt) ms | \(median("BM_Import/\($n)/iterations:1/repeats:1/real_time").line_items_per_s / 1000 | round)k line items/s |",
    "| open, replaying every event (3 runs) | \(ms("BM_OpenRebuild/\($n)/iterations:1/repeats:3/real_time") | fmt) ms | |",
    "| open from the snapshot | \(ms("BM_OpenSnapshot/\($n)/iterations:1/real_time") | fmt) ms | |",
    "| **Ramstein report donors** | **\($r | fmt) ms** | 1x |",
    "| DuckDB \($d.version), \($d.threads) threads, integer keys | \($d.integer_median_ms | fmt) ms | \($d.integer_median_ms / $r * 10 | round / 10)x |",
    "| DuckDB, text keys | \($d.text_median_ms | fmt) ms | \($d.text_median_ms / $r * 10 | round / 10)x |",
    "| SQLite GROUP BY (:memory:) | \(ms("BM_SqliteMemoryGroupBy/\($n)/real_time") | fmt) ms | \(ms("BM_SqliteMemoryGroupBy/\($n)/real_time") / $r | round)x |",
    "| SQLite GROUP BY (file, warm) | \(ms("BM_SqliteGroupBy/\($n)/real_time") | fmt) ms | \(ms("BM_SqliteGroupBy/\($n)/real_time") / $r | round)x |",
    "",
    "\($d.rows) rows, \($d.groups) groups; DuckDB answer equal to SQLite'"'"'s."
  ' "out/groupby_bench-$n.json"
  echo
done
echo "raw results: out/groupby_bench-N.json, out/duckdb-N.json (host: $(nproc) cores; $(date -u +%F))"
