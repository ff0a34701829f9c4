#!/usr/bin/env bash
# HTTP benchmark: wrk against `ramstein serve` on loopback, for the donors
# report and one record page, on the bundled data and on a synthetic ledger
# of about 10^6 line items. Prints requests/s and the latency percentiles.
# Usage: bench/http.sh [SECONDS]   (default 10 per run)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
scripts/install-deps.sh >/dev/null
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq wrk; }
scripts/build.sh release >/dev/null
ramstein=build/src/app/ramstein
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$ramstein" --db "$work/bundled.db" init --bundled >/dev/null
"$ramstein" gen --measures 250000 --seed 1 --out "$work/synthetic.jsonl" 2>/dev/null
"$ramstein" --db "$work/synthetic.db" init >/dev/null
"$ramstein" --db "$work/synthetic.db" import "$work/synthetic.jsonl" >/dev/null 2>&1

run() {  # run LEDGER PATH LABEL
  local port=18650
  "$ramstein" --db "$1" serve --listen 127.0.0.1:$port >/dev/null &
  server=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$port$2" >"$work/wrk.txt"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  echo "| $3 | $rps | $p50 | $p99 |"
}
echo "| route | requests/s | p50 | p99 |"
echo "|---|---:|---:|---:|"
run "$work/bundled.db" /api/v1/reports/donors "donors report, bundled data"
run "$work/bundled.db" /api/v1/records/forum:udcg "record page (forum:udcg), bundled data"
run "$work/synthetic.db" /api/v1/reports/donors "donors report, 10^6 line items"
run "$work/synthetic.db" /api/v1/records/syn:m:12345 "record page (a measure), 10^6 line items"
