#!/usr/bin/env bash
# HTTP benchmark: wrk against `ramstein serve` on loopback, for the donors
# report and one record page, on the bundled data and on a synthetic ledger
# of about 10^6 line items, and the dashboard's page and script; then nginx
# serving the same answers as files (what a user would put in front of a
# cache of exported reports). Prints requests/s and the latency percentiles.
# Usage: bench/http.sh [SECONDS]   (default 10 per run)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
scripts/install-deps.sh >/dev/null
for tool in wrk nginx; do
  command -v $tool >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq $tool >/dev/null; }
done
scripts/build.sh release >/dev/null
scripts/build-web.sh >/dev/null
ramstein=build/src/app/ramstein
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
script=$(cd web/dist && ls assets/*.js | head -1)

"$ramstein" --db "$work/bundled.db" init --bundled >/dev/null
"$ramstein" gen --measures 250000 --seed 1 --out "$work/synthetic.jsonl" 2>/dev/null
"$ramstein" --db "$work/synthetic.db" init >/dev/null
"$ramstein" --db "$work/synthetic.db" import "$work/synthetic.jsonl" >/dev/null 2>&1

measure() {  # measure URL LABEL
  wrk -t2 -c32 -d"${seconds}s" --latency "$1" >"$work/wrk.txt"
  local rps p50 p99 transfer
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  transfer=$(awk '/Transfer\/sec/ {print $2}' "$work/wrk.txt")
  # A figure counts only if every answer was a success.
  if grep -q "Non-2xx" "$work/wrk.txt"; then rps="FAILED ($(grep Non-2xx "$work/wrk.txt"))"; fi
  echo "| $2 | $rps | $p50 | $p99 | $transfer |"
}

run() {  # run LEDGER PATH LABEL
  local port=18650
  "$ramstein" --db "$1" serve --listen 127.0.0.1:$port >/dev/null &
  server=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  # Keep the answer for nginx to serve as a file.
  curl -sf --compressed "http://127.0.0.1:$port$2" -o "$work/static/$(echo "$3" | tr -c 'a-z0-9\n' _)"
  measure "http://127.0.0.1:$port$2" "$3"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

mkdir -p "$work/static" "$work/nginx"
chmod -R a+rX "$work"  # nginx's workers run as an unprivileged user
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:18651; root $work/static; default_type application/json; }
}
CONF
echo "| route | requests/s | p50 | p99 | bytes/s |"
echo "|---|---:|---:|---:|---:|"
run "$work/bundled.db" /api/v1/reports/donors "donors report, bundled data"
run "$work/bundled.db" /api/v1/records/forum:udcg "record page (forum:udcg), bundled data"
run "$work/synthetic.db" /api/v1/reports/donors "donors report, 10^6 line items"
run "$work/synthetic.db" /api/v1/records/syn:m:12345 "record page (a measure), 10^6 line items"
run "$work/bundled.db" / "dashboard page (index.html)"
run "$work/bundled.db" "/$script" "dashboard script ($(stat -c %s "web/dist/$script") bytes)"
nginx -c "$work/nginx.conf" -p "$work/nginx" &
server=$!
for _ in $(seq 100); do [ -s "$work/nginx/nginx.pid" ] && break; sleep 0.1; done
sleep 0.2
for file in donors_report__bundled_data record_page__forum_udcg___bundled_data donors_report__10_6_line_items; do
  measure "http://127.0.0.1:18651/$file" "nginx 1.22, the same answer as a file ($(stat -c %s "$work/static/$file") bytes): $file"
done
kill "$server"; wait "$server" 2>/dev/null || true; server=""
