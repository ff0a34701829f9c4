#!/usr/bin/env bash
# Runs the search benchmarks (bench/search_bench.cc) with repetitions and
# prints the medians, and Ramstein's against plain FTS5's, as the table in
# BENCHMARKS.md. Usage: bench/search.sh [REPETITIONS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-5}
. bench/benchmark.sh
run_benchmark search_bench "$repetitions"
jq -r '
  def median($name): [.benchmarks[] | select(.run_name == $name and .aggregate_name == "median")][0];
  "| query | matches | Ramstein | plain FTS5 | ratio |", "|---|---:|---:|---:|---:|",
  (range(0; 5) as $i | median("BM_Search/\($i)/real_time") as $r | median("BM_PlainFts5/\($i)/real_time") as $p
    | "| \($r.label) | \($r.matches) | \($r.real_time * 100 | round / 100) ms | \($p.real_time * 100 | round / 100) ms | \($p.real_time / $r.real_time * 10 | round / 10)x |")
' out/search_bench.json
echo
echo "raw results: out/search_bench.json (host: $(nproc) cores; $(jq -r '.context.date' out/search_bench.json))"
