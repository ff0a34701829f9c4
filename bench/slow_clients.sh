#!/usr/bin/env bash
# Slow and idle clients: `ramstein serve` on the bundled ledger on loopback,
# with 128, 500 and 2,000 slowloris connections, 2,000 idle kept-alive
# connections and a header flood open, each in turn; prints /healthz and a
# cached report's p50 and p99 latency and the server's memory meanwhile
# (bench/slow_clients.py). Usage: bench/slow_clients.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release >/dev/null
ramstein=build/src/app/ramstein
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"
"$ramstein" --db "$work/bundled.db" init --bundled >/dev/null
port=18651
echo "| clients | path | requests | p50 | p99 | failed | server RSS |"
echo "|---|---|---:|---:|---:|---:|---:|"
for run in "slowloris 128" "slowloris 500" "slowloris 2000" "idle 2000" "flood 50"; do
  "$ramstein" --db "$work/bundled.db" serve --listen 127.0.0.1:$port >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  # shellcheck disable=SC2086
  python3 bench/slow_clients.py $port $server $run 12
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
