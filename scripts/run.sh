#!/usr/bin/env bash
# The main job on the embedded default: installs what is missing, builds the
# server and the dashboard, creates ramstein.db from the bundled data and the
# bundled trackers (once: init --bundled --trackers),
# verifies it, prints the headline totals and serves the API and dashboard
# until Ctrl-C (RAMSTEIN_LISTEN, default 127.0.0.1:8080; the URL is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
scripts/build-web.sh
ramstein=build/src/app/ramstein
db=${RAMSTEIN_DB:-ramstein.db}
[ -f "$db" ] || "$ramstein" --db "$db" init --bundled --trackers
"$ramstein" --db "$db" verify
echo
"$ramstein" --db "$db" report totals
echo
exec "$ramstein" --db "$db" serve
