#!/usr/bin/env bash
# Runs the import benchmarks (bench/import_bench.cc) with repetitions and
# prints the medians as the table in BENCHMARKS.md.
# Usage: bench/import.sh [REPETITIONS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-3}
. bench/benchmark.sh
run_benchmark import_bench "$repetitions"
jq -r '
  def median($name): [.benchmarks[] | select(.run_name == $name and .aggregate_name == "median")][0];
  def row($title; $name): median($name) as $m
    | "| \($title) | \($m.real_time | round) ms | \($m.rows_per_s / 1000 | round)k rows/s |";
  "| measure | median | rate |", "|---|---:|---:|",
  (["100000", "1000000"][] as $n |
    row("CSV reader alone, \($n) rows"; "BM_CsvRead/\($n)/real_time"),
    row("kiel-main-csv parse to records, \($n) rows"; "BM_KielCsvParse/\($n)/iterations:1/real_time"),
    row("kiel-main-csv whole import into a ledger, \($n) rows"; "BM_KielCsvImport/\($n)/iterations:1/real_time"),
    row("sqlite3 shell .import --csv, same file, \($n) rows"; "BM_SqliteCsvImport/\($n)/iterations:1/real_time"),
    row("XLSX reader alone, \($n) rows"; "BM_XlsxRead/\($n)/iterations:1/real_time"),
    row("kiel-main-xlsx parse to records, \($n) rows"; "BM_KielXlsxParse/\($n)/iterations:1/real_time"))
' out/import_bench.json
echo
echo "raw results: out/import_bench.json (host: $(nproc) cores; $(jq -r '.context.date' out/import_bench.json))"
