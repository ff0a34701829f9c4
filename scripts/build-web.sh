#!/usr/bin/env bash
# Builds the dashboard into web/dist (what `ramstein serve` serves), from the
# npm packages pinned in web/package-lock.json. Needs Node.js >= 20.19 and npm.
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null; then
  echo "build-web: npm is missing; install Node.js 20.19 or newer with npm" >&2
  exit 1
fi
# Install only when the lockfile changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
