#!/usr/bin/env bash
# Runs the ledger benchmarks (bench/ledger_bench.cc) with repetitions and
# prints the medians and the ratios against SQLite as the table in
# BENCHMARKS.md. Usage: bench/run.sh [REPETITIONS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-5}
. bench/benchmark.sh
run_benchmark ledger_bench "$repetitions"
jq -r '
  def median($name): [.benchmarks[] | select(.run_name == $name and .aggregate_name == "median")][0];
  def ms($name): median($name).real_time;
  def row($title; $name; $counter): median($name) as $m
    | "| \($title) | \($m.real_time * 100 | round / 100) ms | \(if $counter then ($m[$counter] / 1000 | round | tostring) + "k/s" else "" end) |";
  "| measure | median | rate |", "|---|---:|---:|",
  (["100000", "1000000"][] as $n |
    row("import, \($n) line items (rate: line items/s)"; "BM_Import/\($n)/iterations:1/real_time"; "line_items_per_s"),
    row("SQLite: store the same lines, no checks (line items/s)"; "BM_SqliteInsertLines/\($n)/iterations:1/real_time"; "line_items_per_s"),
    row("open + rebuild, \($n) line items (rate: events/s)"; "BM_OpenRebuild/\($n)/iterations:1/real_time"; "events_per_s"),
    row("open from a snapshot, \($n) line items (rate: events/s)"; "BM_OpenSnapshot/\($n)/iterations:1/real_time"; "events_per_s"),
    row("report donors, \($n) line items"; "BM_ReportDonors/\($n)/real_time"; null),
    row("SQLite GROUP BY (file), \($n) rows"; "BM_SqliteGroupBy/\($n)/real_time"; null),
    row("SQLite GROUP BY (:memory:), \($n) rows"; "BM_SqliteMemoryGroupBy/\($n)/real_time"; null),
    "| ratio SQLite file / Ramstein, \($n) | \(ms("BM_SqliteGroupBy/\($n)/real_time") / ms("BM_ReportDonors/\($n)/real_time") | round)x | |",
    "| ratio SQLite :memory: / Ramstein, \($n) | \(ms("BM_SqliteMemoryGroupBy/\($n)/real_time") / ms("BM_ReportDonors/\($n)/real_time") | round)x | |")
' out/ledger_bench.json
echo
echo "raw results: out/ledger_bench.json (host: $(nproc) cores; $(jq -r '.context.date' out/ledger_bench.json))"
