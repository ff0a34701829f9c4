#!/usr/bin/env bash
# Installs the npm packages pinned in DIR/package-lock.json, only when the
# lockfile changed since the last install: npm-ci.sh DIR
set -euo pipefail
cd "${1:?usage: npm-ci.sh DIR}"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
