#!/usr/bin/env bash
# Builds the dashboard into web/dist (what `ramstein serve` serves), from the
# npm packages pinned in web/package-lock.json. Needs Node.js >= 20.19 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null; then
  echo "build-web: npm is missing; install Node.js 20.19 or newer with npm" >&2
  exit 1
fi
scripts/npm-ci.sh web
(cd web && npm run --silent build)
