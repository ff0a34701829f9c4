#!/usr/bin/env bash
# The HTTP API's OpenAPI document, as the release binary prints it: both
# linters (Redocly's recommended rules, Spectral's spectral:oas) pass it
# without an error or a warning, and the dashboard's typed client
# (web/src/generated/openapi.ts, from openapi-typescript) is the one it
# generates. `openapi-check.sh --write` regenerates the client instead.
# Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/npm-ci.sh scripts/openapi >/dev/null || exit 1
out=build/test-output/openapi
mkdir -p "$out"
build/src/app/ramstein openapi > "$out/openapi.json" || exit 1
bin=scripts/openapi/node_modules/.bin
generate() { "$bin/openapi-typescript" "$out/openapi.json" --output "$1" >/dev/null 2>"$out/generate.log"; }
if [ "${1:-}" = "--write" ]; then
  generate web/src/generated/openapi.ts && echo "wrote web/src/generated/openapi.ts"
  exit
fi
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@" > "$out/$name.log" 2>&1; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; tail -40 "$out/$name.log"
  fi
}
redocly() {
  "$bin/redocly" lint --config scripts/openapi/redocly.yaml --format=summary "$out/openapi.json" &&
    ! grep -qiE '^(warning|error) ' "$out/redocly.log"
}
spectral() { "$bin/spectral" lint --ruleset scripts/openapi/.spectral.yaml --fail-severity=hint "$out/openapi.json"; }
client() { generate "$out/openapi.ts" && diff -u web/src/generated/openapi.ts "$out/openapi.ts"; }
check redocly redocly
check spectral spectral
check client client
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
