#!/usr/bin/env bash
# The main job on the embedded default: installs what is missing, builds,
# creates ramstein.db from the bundled data (once) and prints the headline
# reports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
ramstein=build/src/app/ramstein
db=${RAMSTEIN_DB:-ramstein.db}
[ -f "$db" ] || "$ramstein" --db "$db" init --bundled
"$ramstein" --db "$db" verify
echo
"$ramstein" --db "$db" report totals
echo
"$ramstein" --db "$db" report holds --at 2025-07-08
echo
"$ramstein" --db "$db" report authorities --at 2025-04-11
echo
"$ramstein" --db "$db" report meetings
echo
"$ramstein" --db "$db" report meeting 27
